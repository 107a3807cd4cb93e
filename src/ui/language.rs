//! The interface's language: the one chosen before, else the browser's;
//! the switch; and, in the build the app ships, the Spanish texts fetched
//! before anything is shown in Spanish (`browser::texts`).
//!
//! A first visit in English downloads no Spanish. A visitor whose language
//! is Spanish waits for the texts before the app replaces the loading
//! message (`crate::start`), so the page never flashes English first. If
//! the texts cannot be fetched, the app shows itself in English, says so in
//! both languages, and offers to try again; nothing else changes. The
//! Spanish of the pages loaded on demand comes with them (`ui::on_demand`).

use crate::browser::{storage, texts};
use crate::i18n;
use crate::ui::state::{use_assessment, Assessment};
use hr_assessment::Lang;
use leptos::prelude::*;

/// The language switch's element id: it keeps the focus when the language
/// changes.
pub const LANGUAGE_SWITCH: &str = "language-switch";

/// The language the visitor wants: the one chosen before (the settings),
/// else the browser's.
pub fn wanted() -> Lang {
    i18n::initial(
        crate::ui::on_demand::settings().language.as_deref(),
        &crate::browser::language(),
    )
}

/// The language shown, and the fetching of the Spanish texts; shared so the
/// switch and the notice can change them.
#[derive(Clone, Copy)]
pub struct LanguageChoice {
    /// The language the interface is in.
    pub lang: RwSignal<Lang>,
    /// The Spanish texts are being fetched.
    pub fetching: RwSignal<bool>,
    /// Spanish was wanted but its texts did not come.
    pub failed: RwSignal<Option<texts::SpanishMissing>>,
}

impl LanguageChoice {
    /// The wanted language if its texts are here (`crate::start` waited for
    /// them), else English with the failure noted.
    pub fn start() -> Self {
        let wanted = wanted();
        let ready = wanted == Lang::En || texts::have_spanish();
        LanguageChoice {
            lang: RwSignal::new(if ready { wanted } else { Lang::En }),
            fetching: RwSignal::new(false),
            failed: RwSignal::new((!ready).then(|| texts::last_failure().unwrap_or(texts::SpanishMissing::NotFetched))),
        }
    }

    /// Switches to `to`, fetching its texts first if need be; remembered
    /// once it is shown.
    pub fn choose(self, to: Lang) {
        // Read now: after the fetch, the task has no owner to ask.
        self.choose_for(use_assessment(), to);
    }

    /// [`LanguageChoice::choose`], with the open assessment's handle (for
    /// a caller outside the views).
    pub fn choose_for(self, assessment: Assessment, to: Lang) {
        if self.fetching.get_untracked() {
            return;
        }
        if to == Lang::En || texts::have_spanish() {
            self.switch(assessment, to);
            return;
        }
        self.fetching.set(true);
        leptos::task::spawn_local(async move {
            let result = texts::fetch_spanish().await;
            self.fetching.set(false);
            match result {
                Ok(()) => self.switch(assessment, to),
                Err(e) => self.failed.set(Some(e)),
            }
        });
    }

    fn switch(self, assessment: Assessment, to: Lang) {
        self.failed.set(None);
        let _ = storage::write_settings(&storage::Settings {
            language: Some(to.code().to_owned()),
            ..crate::ui::on_demand::settings()
        });
        assessment.follow_language(i18n::lang(), to);
        self.lang.set(to);
    }
}

fn choice() -> LanguageChoice {
    expect_context::<LanguageChoice>()
}

/// Switches between English and Spanish; the choice is remembered.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let choice = choice();
    let other = match i18n::lang() {
        Lang::En => Lang::Es,
        Lang::Es => Lang::En,
    };
    view! {
        <button type="button" class="language-switch" id=LANGUAGE_SWITCH lang=other.code()
            aria-busy=move || choice.fetching.get().then_some("true")
            on:click=move |_| choice.choose(other)>
            {other.own_name()}
        </button>
    }
}

/// Spanish was wanted and its texts did not come: said in both languages
/// (the Spanish here is not lifted: it is what shows when the Spanish is
/// missing), with a retry.
#[component]
pub fn LanguageNotice() -> impl IntoView {
    let choice = choice();
    move || {
        choice.failed.get().map(|e| {
            let (en, es) = match e {
                texts::SpanishMissing::NotFetched => (
                    "The Spanish version could not be loaded: this device may be offline. The app stays in English; nothing you entered is lost.",
                    "No se pudo cargar la versión en español: puede que este dispositivo no tenga conexión. La aplicación sigue en inglés; no se pierde nada de lo que escribió.",
                ),
                texts::SpanishMissing::Damaged => (
                    "The Spanish version arrived damaged. The app stays in English; nothing you entered is lost. Reload the page to try again.",
                    "La versión en español llegó dañada. La aplicación sigue en inglés; no se pierde nada de lo que escribió. Vuelva a cargar la página para intentarlo de nuevo.",
                ),
            };
            view! {
                <div class="notice notice--warning" role="alert">
                    <p>{en}</p>
                    <p lang="es">{es}</p>
                    {(e == texts::SpanishMissing::NotFetched).then(|| view! {
                        <p>
                            <button type="button" class="button button--secondary"
                                disabled=move || choice.fetching.get()
                                on:click=move |_| choice.choose(Lang::Es)>
                                "Try again · Intentar de nuevo"
                            </button>
                        </p>
                    })}
                </div>
            }
        })
    }
}
