//! Kiosk mode, for a device that participants share in a workshop.
//!
//! - A participant's answers live only in the tab's memory
//!   ([`storage::use_memory`]): they go on "Start over", after
//!   [`IDLE_SECONDS`] without a touch or a key (with a minute's warning),
//!   and when the tab closes. The facilitator's own saved assessments stay in
//!   localStorage, out of the kiosk's sight and out of its reset.
//! - The facilitator sets the device up with an exit code, checked the way a
//!   passphrase is (PBKDF2, then a known text sealed with AES-GCM) and kept in
//!   localStorage (`hr-readiness:kiosk`). While it is there the app stays in
//!   kiosk mode whatever the address says; leaving takes the code.

use crate::browser::crypto::CryptoError;
use crate::browser::{dom, storage};
use crate::i18n::t;
use crate::ui::confirm::refocus;
use crate::ui::errors::ErrorSummary;
use crate::ui::messages::{Message as _, VaultError};
use crate::ui::on_demand;
use crate::ui::route::Route;
use crate::ui::state::{use_assessment, use_library, use_shell, Assessment, Library};
use crate::ui::team::TeamHome;
use crate::ui::vault::new_lock;
use hr_assessment::crypto_params::{check_new_secret, NewSecretProblem, MIN_EXIT_CODE_CHARS};
use hr_assessment::Lock;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Seconds without a touch, click or key before a participant's answers are
/// deleted.
pub const IDLE_SECONDS: f64 = 600.0;
/// Seconds of warning before that.
pub const WARNING_SECONDS: f64 = 60.0;

/// Kiosk state, provided as context in kiosk mode.
#[derive(Clone, Copy)]
pub struct Kiosk {
    /// Whether the facilitator has set an exit code.
    pub armed: RwSignal<bool>,
    /// Seconds left before an idle reset, while the warning shows.
    pub warning: RwSignal<Option<u32>>,
    lock: StoredValue<Option<Lock>>,
    last_activity: StoredValue<f64>,
    assessment: Assessment,
    library: Library,
    notice: RwSignal<Option<String>>,
    team: TeamHome,
}

pub fn kiosk() -> Kiosk {
    expect_context::<Kiosk>()
}

impl Kiosk {
    /// Reads the exit code check and starts watching for inactivity.
    pub fn start() -> Kiosk {
        let lock = on_demand::kiosk_lock_now();
        let k = Kiosk {
            armed: RwSignal::new(lock.is_some()),
            warning: RwSignal::new(None),
            lock: StoredValue::new(lock),
            last_activity: StoredValue::new(js_sys::Date::now()),
            assessment: use_assessment(),
            library: use_library(),
            notice: use_shell().notice,
            team: expect_context::<TeamHome>(),
        };
        let active = move || {
            k.last_activity.set_value(js_sys::Date::now());
            if k.warning.get_untracked().is_some() {
                k.warning.set(None);
            }
        };
        let _ = window_event_listener(leptos::ev::pointerdown, move |_| active());
        let _ = window_event_listener(leptos::ev::keydown, move |_| active());
        let _ = window_event_listener(leptos::ev::input, move |_| active());
        let _ = window_event_listener(leptos::ev::wheel, move |_| active());
        let _ = set_interval_with_handle(move || k.tick(), std::time::Duration::from_secs(1));
        k
    }

    /// Deletes everything of the participant's (the answers and anything
    /// brought into the team view) and starts again on the start page.
    pub fn reset(&self) {
        self.team.forget();
        self.library.wipe_everything();
        self.notice.set(None);
        dom::go(&Route::Start.href());
    }

    fn tick(&self) {
        let used = self.assessment.has_answers() || self.library.records().with_untracked(|l| !l.is_empty());
        if !used {
            self.warning.set(None);
            return;
        }
        let idle = (js_sys::Date::now() - self.last_activity.get_value()) / 1000.0;
        if idle >= IDLE_SECONDS {
            self.warning.set(None);
            self.last_activity.set_value(js_sys::Date::now());
            self.reset();
        } else if idle >= IDLE_SECONDS - WARNING_SECONDS {
            self.warning.set(Some((IDLE_SECONDS - idle).ceil() as u32));
        }
    }
}

/// "Still there?": shown a minute before an idle reset ([`IdleNotice`], in
/// the notices' chunk, fetched the first time it shows; the reset itself
/// does not wait for it).
#[component]
pub fn IdleWarning() -> impl IntoView {
    let k = kiosk();
    let warned = Memo::new(move |_| k.warning.with(Option::is_some));
    move || {
        warned.get().then(|| {
            view! {
                <div class="wrap">{on_demand::show_part(|| on_demand::notice(on_demand::Notice::KioskIdle), on_demand::fetch_notices, None)}</div>
            }
        })
    }
}

/// The warning itself, with the seconds left.
#[component]
pub fn IdleNotice() -> impl IntoView {
    let k = kiosk();
    let left = move || k.warning.get().unwrap_or_default();
    view! {
        <div class="notice notice--warning" role="alert">
            <h2 class="notice__title">{t!("Are you still there?", "¿Sigue ahí?")}</h2>
            <p>{t!("To protect your privacy, these answers will be deleted from this device in one minute unless you continue.", "Para proteger su privacidad, estas respuestas se borrarán de este dispositivo en un minuto, a menos que continúe.")}</p>
            <p aria-hidden="true">{move || { let left = left(); crate::tf!("Seconds left: {left}", "Segundos restantes: {left}") }}</p>
            <button type="button" class="button" on:click=move |_| k.warning.set(None)>{t!("I'm still here", "Sigo aquí")}</button>
        </div>
    }
}

/// "Start over for the next person?", asked when the header's button is
/// pressed; `asking` goes false on either answer.
#[component]
pub fn ResetConfirm(asking: RwSignal<bool>) -> impl IntoView {
    let k = kiosk();
    view! {
        <div class="confirm" role="alertdialog" tabindex="-1" id="kiosk-reset-confirm" aria-labelledby="kiosk-reset-q">
            <p id="kiosk-reset-q"><strong>{t!("Delete these answers from this device and start over for the next person?", "¿Borrar estas respuestas de este dispositivo y empezar de nuevo para la siguiente persona?")}</strong>{t!(" Download them first from the results page if you want to keep them.", " Si quiere conservarlas, descárguelas antes desde la página de resultados.")}</p>
            <div class="button-group">
                <button type="button" class="button button--warning" on:click=move |_| { asking.set(false); k.reset(); }>{t!("Yes, start over", "Sí, empezar de nuevo")}</button>
                <button type="button" class="button button--secondary" on:click=move |_| { asking.set(false); refocus("kiosk-reset"); }>{t!("Cancel", "Cancelar")}</button>
            </div>
        </div>
    }
}

/// Shown on every route until the facilitator sets an exit code.
#[component]
pub fn SetupPage() -> impl IntoView {
    let k = kiosk();
    let code = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (c, a) = (code.get_untracked(), again.get_untracked());
        let min = MIN_EXIT_CODE_CHARS;
        if let Err(problem) = check_new_secret(&c, &a, min) {
            error.set(Some(match problem {
                NewSecretProblem::TooShort => crate::tf!(
                    "Use an exit code of at least {min} characters.",
                    "Use un código de salida de al menos {min} caracteres.",
                ),
                NewSecretProblem::NotTheSame => t!(
                    "The two exit codes are not the same. Type them again.",
                    "Los dos códigos de salida no coinciden. Escríbalos otra vez.",
                )
                .into(),
            }));
            return;
        }
        busy.set(true);
        spawn_local(async move {
            let made = new_lock(&c).await;
            busy.set(false);
            match made {
                Ok((lock, _)) => {
                    // Where the browser refuses storage (an embedded page),
                    // the code holds for this tab only; nothing of the
                    // facilitator's is stored there anyway.
                    let _ = storage::write_kiosk_lock(&lock);
                    k.lock.set_value(Some(lock));
                    // The page that was asked for appears.
                    k.armed.set(true);
                    dom::after_render(|| {
                        dom::focus_page_heading();
                    });
                }
                Err(e) => error.set(Some(e.message())),
            }
        });
    };
    view! {
        <h1 id="page-heading" tabindex="-1">{t!("Set up this device as a kiosk", "Preparar este dispositivo como quiosco")}</h1>
        <p class="lead">{t!("In kiosk mode, each participant's answers are kept only in this tab's memory: they are deleted when the participant starts over, after 10 minutes without use, and when the tab closes. Your own saved assessments stay hidden and untouched.", "En el modo quiosco, las respuestas de cada participante se guardan solo en la memoria de esta pestaña: se borran cuando la persona empieza de nuevo, tras 10 minutos sin uso y al cerrar la pestaña. Sus propias evaluaciones guardadas quedan ocultas e intactas.")}</p>
        <p>{t!("Choose an exit code that only you know. Leaving kiosk mode will ask for it.", "Elija un código de salida que solo usted conozca. Para salir del modo quiosco se le pedirá.")}</p>
        <ErrorSummary id="kiosk-errors" errors=Signal::derive(move || error.get().map(|m| vec![("kiosk-code".to_owned(), m)]).unwrap_or_default())/>
        <form class="inline-form" novalidate on:submit=submit>
            <CodeField id="kiosk-code" label=t!("Exit code", "Código de salida") value=code/>
            <CodeField id="kiosk-code-again" label=t!("Exit code again", "Repita el código de salida") value=again/>
            <div class="button-group">
                <button type="submit" class="button" prop:disabled=move || busy.get()>{t!("Start kiosk mode", "Iniciar el modo quiosco")}</button>
            </div>
        </form>
    }
}

/// A secret field on a shared device: no password manager should offer to
/// save it, no spellcheck or autocomplete should see it.
#[component]
fn CodeField(id: &'static str, label: &'static str, value: RwSignal<String>) -> impl IntoView {
    view! {
        <div class="field">
            <label class="label" for=id>{label}</label>
            <input class="input" type="password" id=id autocomplete="off" spellcheck="false" autocapitalize="off"
                data-lpignore="true" data-1p-ignore="true" data-bwignore="true" data-form-type="other"
                prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))/>
        </div>
    }
}

/// "Facilitator: leave kiosk mode", in the footer: asks for the exit code
/// ([`LeaveForm`], with the code's check in the library group's chunk,
/// fetched the first time it is asked for).
#[component]
pub fn Leave() -> impl IntoView {
    let asking = RwSignal::new(false);
    view! {
        <li><button type="button" class="link-button" id="kiosk-leave" on:click=move |_| { asking.set(true); refocus("kiosk-exit"); }>{t!("Facilitator: leave kiosk mode", "Para facilitadores: salir del modo quiosco")}</button></li>
        {move || asking.get().then(|| view! {
            <li>{on_demand::show_part(move || on_demand::library(on_demand::LibraryPage::KioskLeave(asking)), on_demand::fetch_library, Some("kiosk-exit"))}</li>
        })}
    }
}

/// Asks for the exit code, checks it, and leaves kiosk mode; `asking` goes
/// false on "Cancel".
#[component]
pub fn LeaveForm(asking: RwSignal<bool>) -> impl IntoView {
    let k = kiosk();
    let code = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let c = code.get_untracked();
        busy.set(true);
        spawn_local(async move {
            let checked = match k.lock.get_value() {
                Some(lock) => on_demand::open_lock(lock, c).await.map(|_| ()),
                None => Err(VaultError::WrongPassphrase),
            };
            busy.set(false);
            match checked {
                Ok(()) => {
                    k.reset();
                    storage::remove_kiosk_lock();
                    dom::leave_query();
                }
                Err(e @ VaultError::Crypto(CryptoError::NotLoaded)) => {
                    // Not checked (the form is drawn from the chunk the check
                    // is in, so only if that changes): the code stays typed.
                    error.set(Some(e.message()));
                    dom::focus_id("kiosk-exit");
                }
                Err(_) => {
                    code.set(String::new());
                    error.set(Some(
                        t!(
                            "That is not this kiosk's exit code. Ask the facilitator.",
                            "Ese no es el código de salida de este quiosco. Pregunte a la persona facilitadora.",
                        )
                        .into(),
                    ));
                    dom::focus_id("kiosk-exit");
                }
            }
        });
    };
    view! {
        <form class="confirm" novalidate on:submit=submit aria-labelledby="kiosk-leave-q">
            <p id="kiosk-leave-q"><strong>{t!("Leave kiosk mode?", "¿Salir del modo quiosco?")}</strong>{t!(" The participant's answers in this tab are deleted first.", " Primero se borran las respuestas de la persona participante en esta pestaña.")}</p>
            {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
            <CodeField id="kiosk-exit" label=t!("Exit code", "Código de salida") value=code/>
            <div class="button-group">
                <button type="submit" class="button" prop:disabled=move || busy.get()>{t!("Leave kiosk mode", "Salir del modo quiosco")}</button>
                <button type="button" class="button button--secondary" on:click=move |_| { asking.set(false); refocus("kiosk-leave"); }>{t!("Cancel", "Cancelar")}</button>
            </div>
        </form>
    }
}
