//! Passphrase protection: switch it on or off, lock now, and the unlock page
//! shown while the saved assessments are locked. Also the quick-exit
//! preference.

use crate::browser::storage;
use crate::ui::library::{check_new_passphrase, PassphraseFields};
use crate::ui::state::{session, VaultState};
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn ProtectPage() -> impl IntoView {
    let s = session();
    let pass = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let confirm_off = RwSignal::new(false);
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
                    s.notice.set(Some(
                        "Protection is on: your assessments are now stored encrypted.".into(),
                    ));
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let turn_off = move |_| match s.remove_passphrase() {
        Ok(()) => {
            confirm_off.set(false);
            s.notice.set(Some(
                "Protection is off: your assessments are stored without encryption.".into(),
            ));
        }
        Err(e) => error.set(Some(e)),
    };

    view! {
        <a class="back-link" href="#/assessments">"Back to your saved assessments"</a>
        <h1 id="page-heading" tabindex="-1">"Passphrase protection"</h1>
        <p class="lead">"Keep your saved assessments encrypted on this device, so that someone who opens this browser cannot read them without your passphrase."</p>
        <p class="field-error" role="alert">{move || error.get()}</p>
        {move || match s.vault.get() {
            VaultState::Off => view! {
                <form class="inline-form" novalidate on:submit=turn_on>
                    <p>"Choose a passphrase you will remember. "<strong>"If you forget it, your saved assessments cannot be recovered"</strong>" — only deleted. Export a copy first if you need one."</p>
                    <PassphraseFields pass=pass again=again prefix="protect".to_owned()/>
                    <div class="button-group">
                        <button type="submit" class="button" prop:disabled=move || busy.get()>
                            {move || if busy.get() { "Protecting… this takes a moment" } else { "Turn on protection" }}
                        </button>
                    </div>
                </form>
            }.into_any(),
            VaultState::Unlocked => view! {
                <div class="panel">
                    <p><strong>"Protection is on."</strong>" Your saved assessments are stored encrypted (AES-GCM, with a key made from your passphrase). This tab holds the key until you lock it or close the tab."</p>
                    <div class="button-group">
                        <button type="button" class="button" on:click=move |_| s.lock_now()>"Lock now"</button>
                        <button type="button" class="button button--secondary" on:click=move |_| confirm_off.set(true)>"Turn off protection"</button>
                    </div>
                    {move || confirm_off.get().then(|| view! {
                        <div class="confirm" role="group" aria-label="Confirm turning off protection">
                            <p><strong>"Store your assessments without encryption again?"</strong></p>
                            <div class="button-group">
                                <button type="button" class="button button--warning" on:click=turn_off>"Yes, turn off protection"</button>
                                <button type="button" class="button button--secondary" on:click=move |_| confirm_off.set(false)>"Cancel"</button>
                            </div>
                        </div>
                    })}
                </div>
            }.into_any(),
            VaultState::Locked => view! { <UnlockForm/> }.into_any(),
        }}
        <h2>"Quick exit"</h2>
        <p>"The Quick exit button at the top of every page (or pressing Shift three times) replaces this page with a neutral one at once."</p>
        <div class="option">
            <input type="checkbox" class="checkbox" id="quick-exit-wipes"
                prop:checked=move || wipes.get()
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    wipes.set(on);
                    let _ = storage::write_settings(&storage::Settings { quick_exit_wipes: on, ..storage::settings() });
                }/>
            <label for="quick-exit-wipes">"Also delete everything saved here when I use quick exit"</label>
        </div>
    }
}

/// The page shown for every route while the saved assessments are locked.
#[component]
pub fn UnlockPage() -> impl IntoView {
    view! {
        <h1 id="page-heading" tabindex="-1">"Your assessments are locked"</h1>
        <p class="lead">"They are stored encrypted on this device. Enter your passphrase to open them."</p>
        <UnlockForm/>
        <p><a href="#/privacy">"How your privacy is protected"</a></p>
    }
}

#[component]
fn UnlockForm() -> impl IntoView {
    let s = session();
    let pass = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let forgot = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let p = pass.get_untracked();
        if p.is_empty() {
            error.set(Some("Enter your passphrase.".into()));
            return;
        }
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            let result = s.unlock(&p).await;
            busy.set(false);
            match result {
                Ok(()) => pass.set(String::new()),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    view! {
        <form class="inline-form" novalidate on:submit=submit>
            <p class="field-error" id="unlock-error" role="alert">{move || error.get()}</p>
            <div class="field">
                <label class="label" for="unlock-pass">"Passphrase"</label>
                <input class="input" type="password" id="unlock-pass" autocomplete="current-password"
                    aria-describedby="unlock-error"
                    prop:value=move || pass.get() on:input=move |ev| pass.set(event_target_value(&ev))/>
            </div>
            <div class="button-group">
                <button type="submit" class="button" prop:disabled=move || busy.get()>
                    {move || if busy.get() { "Unlocking…" } else { "Unlock" }}
                </button>
            </div>
        </form>
        <p>
            <button type="button" class="link-button" on:click=move |_| forgot.set(true)>"I have forgotten my passphrase"</button>
        </p>
        {move || forgot.get().then(|| view! {
            <div class="confirm" role="group" aria-label="Start again without the passphrase">
                <p>"Without the passphrase the saved assessments cannot be opened by anyone. You can delete them and start again."</p>
                <div class="button-group">
                    <button type="button" class="button button--warning" on:click=move |_| {
                        s.wipe_everything();
                        s.notice.set(Some("Everything was deleted from this browser.".into()));
                    }>"Delete everything and start again"</button>
                    <button type="button" class="button button--secondary" on:click=move |_| forgot.set(false)>"Cancel"</button>
                </div>
            </div>
        })}
    }
}
