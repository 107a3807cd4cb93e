//! Letter case for the app's own English and Spanish text, without Unicode's
//! case tables.
//!
//! `str::to_lowercase` and `char::to_uppercase` bring the whole Unicode case
//! mapping into the `.wasm` (about 18 KB gzip of tables and code). The app
//! only changes the case of its own words — stage names, answer labels,
//! constraint labels, the national report's phrases — which are English and
//! Spanish: ASCII and the Latin-1 letters (á, é, í, ó, ú, ü, ñ and the rest of
//! U+00C0–U+00FE). These functions map exactly those, and leave every other
//! character as it is. A test checks them against the standard library over
//! that whole range.
//!
//! Two Latin-1 letters have no single-letter capital there and are left as
//! they are: ß (whose capital is "SS") and ÿ (whose capital, Ÿ, is outside
//! Latin-1). Neither starts a word in English or Spanish.

/// The lower-case form of one letter (ASCII or Latin-1); any other
/// character unchanged.
pub fn lower_char(c: char) -> char {
    match c {
        'A'..='Z' | 'À'..='Þ' if c != '×' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
        _ => c,
    }
}

/// The capital form of one letter (ASCII or Latin-1, but ß and ÿ); any other
/// character unchanged.
pub fn upper_char(c: char) -> char {
    match c {
        'a'..='z' | 'à'..='þ' if c != '÷' => char::from_u32(c as u32 - 0x20).unwrap_or(c),
        _ => c,
    }
}

/// Letter case on text, as methods: `label.lower()`.
pub trait Case {
    /// The text in lower case: "Mixed" → "mixed", "Él" → "él".
    fn lower(&self) -> String;
    /// The text with its first letter in capitals: "a nivel" → "A nivel".
    fn upper_first(&self) -> String;
    /// The text with its first letter in lower case, for a label inside a
    /// sentence: "Staff time is limited" → "staff time is limited".
    fn lower_first(&self) -> String;
}

impl Case for str {
    fn lower(&self) -> String {
        self.chars().map(lower_char).collect()
    }
    fn upper_first(&self) -> String {
        first_with(self, upper_char)
    }
    fn lower_first(&self) -> String {
        first_with(self, lower_char)
    }
}

/// The text with `change` applied to its first character.
fn first_with(s: &str, change: fn(char) -> char) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => std::iter::once(change(first)).chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)] // compared with the standard library
mod tests {
    use super::*;
    use crate::Shipped;

    /// Every character from U+0000 to U+00FF, and a few beyond.
    fn latin1() -> impl Iterator<Item = char> {
        (0u32..=0xFF)
            .filter_map(char::from_u32)
            .chain(['Ā', 'Ÿ', 'Ω', 'ω', 'Ж', '中', '’'])
    }

    #[test]
    fn lower_matches_the_standard_library_on_latin1() {
        for c in latin1() {
            let std: String = c.to_lowercase().collect();
            if (c as u32) <= 0xFF {
                assert_eq!(lower_char(c).to_string(), std, "{c:?}");
            } else {
                // Outside Latin-1: left alone.
                assert_eq!(lower_char(c), c);
            }
        }
    }

    #[test]
    fn upper_matches_the_standard_library_on_latin1_but_sharp_s_and_y_diaeresis() {
        for c in latin1() {
            let std: String = c.to_uppercase().collect();
            if (c as u32) <= 0xFF && c != 'ß' && c != 'ÿ' && c != 'µ' {
                assert_eq!(upper_char(c).to_string(), std, "{c:?}");
            } else {
                assert_eq!(upper_char(c), c, "{c:?}");
            }
        }
    }

    #[test]
    fn whole_strings() {
        assert_eq!("Barrera".lower(), "barrera");
        assert_eq!("MUY EN DESACUERDO, Él, Ñandú".lower(), "muy en desacuerdo, él, ñandú");
        assert_eq!("Strongly disagree".lower(), "strongly disagree");
        assert_eq!("a nivel nacional".upper_first(), "A nivel nacional");
        assert_eq!("él dijo".upper_first(), "Él dijo");
        assert_eq!("¿qué?".upper_first(), "¿qué?");
        assert_eq!("Staff Time".lower_first(), "staff Time");
        assert_eq!("Ámbito".lower_first(), "ámbito");
        assert_eq!("".upper_first(), "");
        assert_eq!("".lower_first(), "");
        assert_eq!("Mixto".lower(), "mixto");
        assert_eq!(String::from("ámbito").upper_first(), "Ámbito");
    }

    #[test]
    fn the_shipped_labels_are_all_within_latin1() {
        // The case functions cover only Latin-1: any text of the instrument
        // that might change case must stay within it.
        for lang in [crate::Lang::En, crate::Lang::Es] {
            let json = crate::codebook::Codebook::new(crate::Instrument::shipped_in(lang)).to_json();
            for c in json.chars().filter(|c| c.is_alphabetic()) {
                assert!((c as u32) <= 0xFF, "{c:?} is outside Latin-1: extend src/case.rs");
            }
        }
    }
}
