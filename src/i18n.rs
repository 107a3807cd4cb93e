//! The interface in English and Spanish. Every text a view shows is written
//! in both languages side by side, where it is used:
//!
//! ```ignore
//! view! { <h1>{t("Check your answers", "Revise sus respuestas")}</h1> }
//! let line = tf!("Section {n} of {total}", "Sección {n} de {total}");
//! ```
//!
//! Neither can be called with one language missing, so no string can be
//! missing in either language; `tests/i18n.rs` also checks that no Spanish
//! text is empty or left in English. The language is read when a view is
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

/// A fixed text in both languages.
pub fn t(en: &'static str, es: &'static str) -> &'static str {
    lang().pick(en, es)
}

/// A formatted text in both languages, with the same inline arguments:
/// `tf!("{n} answered", "{n} respondidas")`.
#[macro_export]
macro_rules! tf {
    ($en:literal, $es:literal) => {
        match $crate::i18n::lang() {
            hr_assessment::Lang::En => format!($en),
            hr_assessment::Lang::Es => format!($es),
        }
    };
}

/// The language to start in: the one chosen before, else the browser's.
pub fn initial() -> Lang {
    if let Some(lang) = crate::browser::storage::settings()
        .language
        .as_deref()
        .and_then(Lang::parse)
    {
        return lang;
    }
    let browser_lang = web_sys::window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_default();
    if browser_lang.to_ascii_lowercase().starts_with("es") {
        Lang::Es
    } else {
        Lang::En
    }
}
