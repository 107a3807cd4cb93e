//! The interface in English and Spanish. Every text a view shows is written
//! in both languages side by side, where it is used:
//!
//! ```ignore
//! view! { <h1>{t!("Check your answers", "Revise sus respuestas")}</h1> }
//! let line = tf!("Section {n} of {total}", "Sección {n} de {total}");
//! ```
//!
//! These are the core's `pick!` and `hr_assessment::tr!` with the
//! interface's language: the one way the whole project writes a text (the
//! core's messages too). Neither can be called with one language missing;
//! `tests/i18n.rs` reads every pair and checks that no Spanish text is
//! empty or left in English, that both name the same values, and that no
//! text is translated any other way. The language is read when a view is
//! built: switching re-renders the whole interface (see `ui::App`).
//! Scoring never depends on it.

use hr_assessment::Lang;
use std::cell::Cell;

thread_local! {
    static LANG: Cell<Lang> = const { Cell::new(Lang::En) };
}

/// The interface language now.
pub fn lang() -> Lang {
    LANG.with(Cell::get)
}

/// Switches the language for views built from now on, and tells the browser
/// (the page's `lang` attribute, for screen readers and hyphenation).
pub fn set_lang(lang: Lang) {
    LANG.with(|c| c.set(lang));
    if let Some(html) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = html.set_attribute("lang", lang.code());
    }
}

/// A fixed text in both languages: `t!("Saved", "Guardado")`, a
/// `&'static str` (the core's `pick!` in the interface's language).
macro_rules! t {
    ($en:expr, $es:literal $(,)?) => {
        hr_assessment::pick!($crate::i18n::lang(), $en, $es)
    };
}
pub(crate) use t;

/// A formatted text in both languages, with the same inline arguments:
/// `tf!("{n} answered", "{n} respondidas")` (the core's `tr!` in the
/// interface's language).
#[macro_export]
macro_rules! tf {
    ($en:literal, $es:literal $(, $arg:expr)* $(,)?) => {
        hr_assessment::tr!($crate::i18n::lang(), $en, $es $(, $arg)*)
    };
}

/// The language to start in: the one chosen before (`chosen`, from the
/// settings), else the browser's (`browser`, as `navigator.language` says
/// it). The caller reads both, so this module depends on no storage.
pub fn initial(chosen: Option<&str>, browser: &str) -> Lang {
    if let Some(lang) = chosen.and_then(Lang::parse) {
        return lang;
    }
    if browser.to_ascii_lowercase().starts_with("es") {
        Lang::Es
    } else {
        Lang::En
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_chosen_before_wins_then_the_browsers() {
        assert_eq!(initial(Some("es"), "en-US"), Lang::Es);
        assert_eq!(initial(Some("en"), "es-MX"), Lang::En);
        assert_eq!(initial(None, "es-MX"), Lang::Es);
        assert_eq!(initial(None, "ES"), Lang::Es);
        assert_eq!(initial(None, "en-GB"), Lang::En);
        assert_eq!(initial(None, ""), Lang::En, "a browser that says nothing");
        assert_eq!(
            initial(Some("fr"), "es"),
            Lang::Es,
            "an unknown choice falls back to the browser"
        );
    }
}
