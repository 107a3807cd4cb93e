//! A new passphrase typed twice, with its rules said before it is typed
//! and a checkbox that shows it in clear: used to protect a download
//! (saved assessments, backups) and to turn on protection.

use crate::i18n::t;
use crate::ui::state::use_shell;
use hr_assessment::crypto_params::{check_new_secret, NewSecretProblem, MIN_PASSPHRASE_CHARS};
use leptos::prelude::*;

/// Checks a new passphrase and its confirmation (the rule is the core's:
/// `hr_assessment::crypto_params::check_new_secret`).
pub fn check_new_passphrase(pass: &str, again: &str) -> Result<(), String> {
    let min = MIN_PASSPHRASE_CHARS;
    check_new_secret(pass, again, min).map_err(|problem| match problem {
        NewSecretProblem::TooShort => crate::tf!(
            "Use a passphrase of at least {min} characters; a few unrelated words are easy to remember and hard to guess.",
            "Use una frase de contraseña de al menos {min} caracteres; unas cuantas palabras sin relación entre sí son fáciles de recordar y difíciles de adivinar.",
        ),
        NewSecretProblem::NotTheSame => t!(
            "The two passphrases are not the same. Type them again.",
            "Las dos frases de contraseña no coinciden. Escríbalas otra vez.",
        )
        .into(),
    })
}

/// A new passphrase typed twice: what it needs is said before it is typed,
/// and both fields can be shown in clear to check them.
#[component]
pub fn PassphraseFields(
    pass: RwSignal<String>,
    again: RwSignal<String>,
    prefix: String,
    /// Labelled "New passphrase" (when changing one).
    #[prop(optional)]
    new: bool,
) -> impl IntoView {
    let first = format!("{prefix}-pass");
    let second = format!("{prefix}-again");
    let hint = format!("{prefix}-pass-hint");
    let show = format!("{prefix}-show");
    let shown = RwSignal::new(false);
    let kind = passphrase_type(shown);
    // On a shared device (kiosk), no password manager should offer to keep it.
    let new_password = if use_shell().modes.kiosk { "off" } else { "new-password" };
    view! {
        <div class="field">
            <label class="label" for=first.clone()>{if new { t!("New passphrase", "Nueva frase de contraseña") } else { t!("Passphrase", "Frase de contraseña") }}</label>
            <p class="hint" id=hint.clone()>{let min = MIN_PASSPHRASE_CHARS; crate::tf!("At least {min} characters. A few unrelated words are easy to remember and hard to guess.", "Al menos {min} caracteres. Unas cuantas palabras sin relación entre sí son fáciles de recordar y difíciles de adivinar.")}</p>
            <input class="input" type=kind autocomplete=new_password id=first aria-describedby=hint spellcheck="false"
                prop:value=move || pass.get() on:input=move |ev| pass.set(event_target_value(&ev))/>
        </div>
        <div class="field">
            <label class="label" for=second.clone()>{if new { t!("New passphrase again", "Repita la nueva frase de contraseña") } else { t!("Passphrase again", "Repita la frase de contraseña") }}</label>
            <input class="input" type=kind autocomplete=new_password id=second spellcheck="false"
                prop:value=move || again.get() on:input=move |ev| again.set(event_target_value(&ev))/>
        </div>
        <ShowPassphrase shown=shown id=show/>
    }
}

/// "Show the passphrase": a checkbox that shows in clear the passphrase
/// fields whose `type` is [`passphrase_type`] of the same signal.
#[component]
pub fn ShowPassphrase(shown: RwSignal<bool>, id: String) -> impl IntoView {
    view! {
        <div class="option field">
            <input type="checkbox" class="checkbox" id=id.clone()
                prop:checked=move || shown.get() on:change=move |ev| shown.set(event_target_checked(&ev))/>
            <label for=id>{t!("Show the passphrase", "Mostrar la frase de contraseña")}</label>
        </div>
    }
}

/// The `type` of a passphrase field: hidden unless shown.
pub fn passphrase_type(shown: RwSignal<bool>) -> impl Fn() -> &'static str + Copy {
    move || if shown.get() { "text" } else { "password" }
}
