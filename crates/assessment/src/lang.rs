//! The languages the app speaks. Scoring never depends on the language: ids
//! are the same in every language; only the words differ.

use serde::{Deserialize, Serialize};

/// A language of the interface and of the instrument's texts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Es,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Es];

    /// The BCP 47 code: `en`, `es`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    /// The language's own name, for the switch: "English", "Español".
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Es => "Español",
        }
    }

    pub fn parse(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// A non-negative number with one decimal, rounded, with this
    /// language's decimal separator: `9.6` in English, `9,6` in Spanish.
    /// (Integer arithmetic only: the program then needs no floating-point
    /// formatting code, about 15 KB of WebAssembly.)
    pub fn one_decimal(self, x: f64) -> String {
        self.tenths((x.max(0.0) * 10.0).round() as u64)
    }

    /// A count of tenths written as a number with one decimal: 96 → `9.6`
    /// in English, `9,6` in Spanish.
    pub fn tenths(self, tenths: u64) -> String {
        format!("{}{}{}", tenths / 10, self.pick('.', ','), tenths % 10)
    }

    /// Picks the text for this language.
    pub fn pick<T>(self, en: T, es: T) -> T {
        match self {
            Lang::En => en,
            Lang::Es => es,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Lang;

    #[test]
    fn one_decimal_rounds_and_uses_each_languages_separator() {
        assert_eq!(Lang::En.one_decimal(9.64), "9.6");
        assert_eq!(Lang::Es.one_decimal(9.65), "9,7");
        assert_eq!(Lang::En.one_decimal(0.04), "0.0");
        assert_eq!(Lang::En.one_decimal(10.0), "10.0");
        assert_eq!(Lang::Es.one_decimal(1234.55), "1234,6");
        assert_eq!(Lang::En.one_decimal(-3.0), "0.0");
    }
}
