//! Passphrase protection: switch it on or off, lock now, and the unlock page
//! shown while the saved assessments are locked. Also the quick-exit
//! preference.

use crate::browser::storage;
use crate::i18n::t;
use crate::ui::components::passphrase::{check_new_passphrase, passphrase_type, PassphraseFields, ShowPassphrase};
use crate::ui::confirm::refocus;
use crate::ui::errors::ErrorSummary;
use crate::ui::messages::Message as _;
use crate::ui::state::{use_library, use_shell, use_vault, VaultState};
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn ProtectPage() -> impl IntoView {
    let s = use_vault();
    let shell = use_shell();
    let pass = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let confirm_off = RwSignal::new(false);
    let changing = RwSignal::new(false);
    let wipes = RwSignal::new(storage::settings().quick_exit_wipes);

    let turn_on = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (p, a) = (pass.get_untracked(), again.get_untracked());
        if let Err(e) = check_new_passphrase(&p, &a) {
            error.set(Some(e));
            return;
        }
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            let result = s.set_passphrase(&p).await;
            busy.set(false);
            match result {
                Ok(()) => {
                    pass.set(String::new());
                    again.set(String::new());
                    shell.notice.set(Some(
                        t!(
                            "Protection is on: your assessments are now stored encrypted.",
                            "La protección está activada: sus evaluaciones ahora se guardan cifradas.",
                        )
                        .into(),
                    ));
                }
                Err(e) => error.set(Some(e.message())),
            }
        });
    };
    let turn_off = move |_| match s.remove_passphrase() {
        Ok(()) => {
            confirm_off.set(false);
            shell.notice.set(Some(
                t!(
                    "Protection is off: your assessments are stored without encryption.",
                    "La protección está desactivada: sus evaluaciones se guardan sin cifrar.",
                )
                .into(),
            ));
        }
        Err(e) => error.set(Some(e.message())),
    };

    view! {
        <a class="back-link" href="#/assessments">{t!("Back to your saved assessments", "Volver a sus evaluaciones guardadas")}</a>
        <h1 id="page-heading" tabindex="-1">{t!("Passphrase protection", "Protección con frase de contraseña")}</h1>
        <p class="lead">{t!("Keep your saved assessments encrypted on this device, so that someone who opens this browser cannot read them without your passphrase.", "Mantenga cifradas sus evaluaciones guardadas en este dispositivo, para que nadie que abra este navegador pueda leerlas sin su frase de contraseña.")}</p>
        <ErrorSummary id="protect-errors" errors=Signal::derive(move || error.get().map(|m| vec![("protect-pass".to_owned(), m)]).unwrap_or_default())/>
        {move || match s.state().get() {
            VaultState::Off => view! {
                <form class="inline-form" novalidate on:submit=turn_on>
                    <p>{t!("Choose a passphrase you will remember. ", "Elija una frase de contraseña que pueda recordar. ")}<strong>{t!("If you forget it, your saved assessments cannot be recovered", "Si la olvida, sus evaluaciones guardadas no se podrán recuperar")}</strong>{t!(" — only deleted. Export a copy first if you need one.", "; solo se podrán borrar. Si necesita una copia, expórtela antes.")}</p>
                    <PassphraseFields pass=pass again=again prefix="protect".to_owned()/>
                    <div class="button-group">
                        <button type="submit" class="button" prop:disabled=move || busy.get()>
                            {move || if busy.get() { t!("Protecting… this takes a moment", "Protegiendo… esto tarda un momento") } else { t!("Turn on protection", "Activar la protección") }}
                        </button>
                    </div>
                </form>
            }.into_any(),
            VaultState::Unlocked => view! {
                <div class="panel">
                    <p><strong>{t!("Protection is on.", "La protección está activada.")}</strong>{t!(" Your saved assessments are stored encrypted (AES-GCM, with a key made from your passphrase). This tab holds the key until you lock it or close the tab.", " Sus evaluaciones guardadas se almacenan cifradas (AES-GCM, con una clave creada a partir de su frase de contraseña). Esta pestaña conserva la clave hasta que usted las bloquee o cierre la pestaña.")}</p>
                    <div class="button-group">
                        <button type="button" class="button" on:click=move |_| s.lock_now()>{t!("Lock now", "Bloquear ahora")}</button>
                        <button type="button" class="button button--secondary" id="change-passphrase" on:click=move |_| { changing.set(true); refocus("change-current"); }>{t!("Change passphrase", "Cambiar la frase de contraseña")}</button>
                        <button type="button" class="button button--secondary" id="protection-off" on:click=move |_| { confirm_off.set(true); refocus("protection-off-confirm"); }>{t!("Turn off protection", "Desactivar la protección")}</button>
                    </div>
                    {move || changing.get().then(|| view! { <ChangeForm changing=changing/> })}
                    {move || confirm_off.get().then(|| view! {
                        <div class="confirm" role="group" tabindex="-1" id="protection-off-confirm" aria-labelledby="protection-off-q">
                            <p id="protection-off-q"><strong>{t!("Store your assessments without encryption again?", "¿Volver a guardar sus evaluaciones sin cifrar?")}</strong></p>
                            <div class="button-group">
                                <button type="button" class="button button--warning" on:click=turn_off>{t!("Yes, turn off protection", "Sí, desactivar la protección")}</button>
                                <button type="button" class="button button--secondary" on:click=move |_| { confirm_off.set(false); refocus("protection-off"); }>{t!("Cancel", "Cancelar")}</button>
                            </div>
                        </div>
                    })}
                </div>
            }.into_any(),
            VaultState::Locked => view! { <UnlockForm/> }.into_any(),
        }}
        <h2>{t!("Quick exit", "Salida rápida")}</h2>
        <p>{t!("The Quick exit button at the top of every page (or pressing Shift three times) replaces this page with a neutral one at once.", "El botón Salida rápida, arriba en cada página (o pulsar la tecla Shift (Mayús) tres veces), cambia esta página al instante por una neutral.")}</p>
        <div class="option">
            <input type="checkbox" class="checkbox" id="quick-exit-wipes"
                prop:checked=move || wipes.get()
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    wipes.set(on);
                    let _ = storage::write_settings(&storage::Settings { quick_exit_wipes: on, ..storage::settings() });
                }/>
            <label for="quick-exit-wipes">{t!("Also delete everything saved here when I use quick exit", "Borrar también todo lo guardado aquí cuando use la salida rápida")}</label>
        </div>
        <p class="hint">{t!("Only this choice itself is kept after such a quick exit, so that every quick exit deletes, not just the first.", "Después de una salida rápida así solo se conserva esta opción, para que cada salida rápida borre, no solo la primera.")}</p>
    }
}

/// "Change passphrase": the current one, then the new one twice. Every
/// saved assessment is encrypted again with the new key, never written in
/// plaintext on the way.
#[component]
fn ChangeForm(changing: RwSignal<bool>) -> impl IntoView {
    let s = use_vault();
    let shell = use_shell();
    let current = RwSignal::new(String::new());
    let pass = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (c, p, a) = (current.get_untracked(), pass.get_untracked(), again.get_untracked());
        if let Err(e) = check_new_passphrase(&p, &a) {
            error.set(Some(e));
            return;
        }
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            let result = s.change_passphrase(&c, &p).await;
            busy.set(false);
            match result {
                Ok(left) => {
                    changing.set(false);
                    let mut message = t!(
                        "Your passphrase was changed: every saved assessment is now encrypted with the new one.",
                        "Se cambió su frase de contraseña: todas las evaluaciones guardadas están ahora cifradas con la nueva.",
                    )
                    .to_owned();
                    if left > 0 {
                        message.push(' ');
                        message.push_str(&crate::tf!(
                            "Data that could not be read ({left} in the messages above) was left as it was, not encrypted with the new passphrase: download it or delete it.",
                            "Los datos que no se pudieron leer ({left} en los mensajes de arriba) se dejaron como estaban, sin cifrar con la nueva frase de contraseña: descárguelos o bórrelos."
                        ));
                    }
                    shell.notice.set(Some(message));
                    refocus("change-passphrase");
                }
                Err(e) => error.set(Some(e.message())),
            }
        });
    };
    view! {
        <form class="inline-form" novalidate on:submit=submit>
            <h2>{t!("Change the passphrase", "Cambiar la frase de contraseña")}</h2>
            <ErrorSummary id="change-errors" errors=Signal::derive(move || error.get().map(|m| vec![("change-current".to_owned(), m)]).unwrap_or_default())/>
            <div class="field">
                <label class="label" for="change-current">{t!("Current passphrase", "Frase de contraseña actual")}</label>
                <input class="input" type="password" id="change-current" spellcheck="false"
                    autocomplete=if shell.modes.kiosk { "off" } else { "current-password" }
                    prop:value=move || current.get() on:input=move |ev| current.set(event_target_value(&ev))/>
            </div>
            <PassphraseFields pass=pass again=again prefix="change".to_owned() new=true/>
            <div class="button-group">
                <button type="submit" class="button" prop:disabled=move || busy.get()>
                    {move || if busy.get() { t!("Changing… this takes a moment", "Cambiando… esto tarda un momento") } else { t!("Save the new passphrase", "Guardar la nueva frase de contraseña") }}
                </button>
                <button type="button" class="button button--secondary" on:click=move |_| { changing.set(false); refocus("change-passphrase"); }>{t!("Cancel", "Cancelar")}</button>
            </div>
        </form>
    }
}

/// The page shown for every route while the saved assessments are locked.
#[component]
pub fn UnlockPage() -> impl IntoView {
    view! {
        <h1 id="page-heading" tabindex="-1">{t!("Your assessments are locked", "Sus evaluaciones están bloqueadas")}</h1>
        <p class="lead">{t!("They are stored encrypted on this device. Enter your passphrase to open them.", "Están guardadas y cifradas en este dispositivo. Escriba su frase de contraseña para abrirlas.")}</p>
        <UnlockForm/>
        <p><a href="#/privacy">{t!("How your privacy is protected", "Cómo se protege su privacidad")}</a></p>
    }
}

#[component]
fn UnlockForm() -> impl IntoView {
    let s = use_vault();
    let shell = use_shell();
    let library = use_library();
    let pass = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let forgot = RwSignal::new(false);
    let shown = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let p = pass.get_untracked();
        if p.is_empty() {
            error.set(Some(
                t!("Enter your passphrase.", "Escriba su frase de contraseña.").into(),
            ));
            return;
        }
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            let result = s.unlock(&p).await;
            busy.set(false);
            match result {
                Ok(()) => pass.set(String::new()),
                Err(e) => error.set(Some(e.message())),
            }
        });
    };
    view! {
        <form class="inline-form" novalidate on:submit=submit>
            <ErrorSummary id="unlock-errors" errors=Signal::derive(move || error.get().map(|m| vec![("unlock-pass".to_owned(), m)]).unwrap_or_default())/>
            <div class="field">
                <label class="label" for="unlock-pass">{t!("Passphrase", "Frase de contraseña")}</label>
                <p class="field-error" id="unlock-error">{move || error.get()}</p>
                <input class="input" type=passphrase_type(shown) id="unlock-pass" autocomplete=if shell.modes.kiosk { "off" } else { "current-password" }
                    aria-describedby="unlock-error" spellcheck="false"
                    prop:value=move || pass.get() on:input=move |ev| pass.set(event_target_value(&ev))/>
            </div>
            <ShowPassphrase shown=shown id="unlock-show".to_owned()/>
            <div class="button-group">
                <button type="submit" class="button" prop:disabled=move || busy.get()>
                    {move || if busy.get() { t!("Unlocking…", "Desbloqueando…") } else { t!("Unlock", "Desbloquear") }}
                </button>
            </div>
        </form>
        <p>
            <button type="button" class="link-button" id="forgot-passphrase" on:click=move |_| { forgot.set(true); refocus("forgot-confirm"); }>{t!("I have forgotten my passphrase", "Olvidé mi frase de contraseña")}</button>
        </p>
        {move || forgot.get().then(|| view! {
            <div class="confirm" role="group" tabindex="-1" id="forgot-confirm" aria-labelledby="forgot-q">
                <p id="forgot-q">{t!("Without the passphrase the saved assessments cannot be opened by anyone. You can delete them and start again.", "Sin la frase de contraseña, nadie puede abrir las evaluaciones guardadas. Puede borrarlas y empezar de nuevo.")}</p>
                <div class="button-group">
                    <button type="button" class="button button--warning" on:click=move |_| {
                        library.wipe_everything();
                        shell.notice.set(Some(t!("Everything was deleted from this browser.", "Se borró todo de este navegador.").into()));
                    }>{t!("Delete everything and start again", "Borrar todo y empezar de nuevo")}</button>
                    <button type="button" class="button button--secondary" on:click=move |_| { forgot.set(false); refocus("forgot-passphrase"); }>{t!("Cancel", "Cancelar")}</button>
                </div>
            </div>
        })}
    }
}
