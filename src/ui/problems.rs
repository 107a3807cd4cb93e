//! Problems with storage, in the notices at the top of every page: code
//! fetched only when there is one (the `notices` chunk, `ui::on_demand`).

use crate::browser::{dom, storage};
use crate::i18n;
use crate::ui::messages::Message as _;
use crate::ui::route::Route;
use crate::ui::state::{self, brief_instrument, use_assessment, use_shell, SaveState};
use leptos::prelude::*;

/// Problems with storage, shown on every page until dealt with: a save that
/// failed, saved data that could not be read (offered for download, never
/// overwritten), a change in another tab that conflicts with this one.
#[component]
pub fn StorageProblems() -> impl IntoView {
    let s = use_shell();
    let a = use_assessment();
    let tabs = state::use_tabs();
    let aside = state::use_set_aside();
    let save = a.save_state();
    view! {
        {move || match save.get() {
            SaveState::Failed(storage::SaveError::Unavailable) if s.modes.embed => Some(view! {
                <div class="notice notice--warning" role="alert">
                    <h2 class="notice__title">{i18n::t!("This browser does not let embedded pages save", "Este navegador no permite que las páginas insertadas guarden datos")}</h2>
                    <p>{i18n::t!("Your answers are kept only while this page is open. To save as you go, open the assessment in its own tab: your answers to the statements so far come with you, in the link itself — nothing is sent anywhere.", "Sus respuestas se conservan solo mientras esta página esté abierta. Para ir guardando, abra la evaluación en su propia pestaña: las respuestas que ya dio a las afirmaciones viajan con usted, dentro del propio enlace; no se envía nada a ningún lugar.")}</p>
                    <p>
                        <a class="button" target="_blank" rel="noopener noreferrer"
                            href=move || dom::own_address(&Route::Resume(a.record.with(|r| hr_assessment::code::encode(brief_instrument(), &r.responses))).href())>
                            {i18n::t!("Open in its own tab", "Abrir en su propia pestaña")}<span class="visually-hidden">{i18n::t!(" (opens a new tab)", " (se abre en una pestaña nueva)")}</span>
                        </a>
                    </p>
                </div>
            }.into_any()),
            SaveState::Failed(e) => Some(view! {
                <div class="notice notice--warning" role="alert">
                    <h2 class="notice__title">{i18n::t!("Not saved", "No se guardó")}</h2>
                    <p>{e.message()}</p>
                </div>
            }.into_any()),
            _ => None,
        }}
        {move || tabs.conflict().get().map(|_| view! {
            <div class="notice notice--warning" role="alert">
                <h2 class="notice__title">{i18n::t!("This assessment was changed in another tab", "Esta evaluación se cambió en otra pestaña")}</h2>
                <p>{i18n::t!("This tab has a change that could not be saved, and another tab has saved a different version. Which do you want to keep?", "Esta pestaña tiene un cambio que no se pudo guardar, y otra pestaña guardó una versión distinta. ¿Cuál quiere conservar?")}</p>
                <div class="button-group">
                    <button type="button" class="button" on:click=move |_| tabs.resolve_conflict(true)>{i18n::t!("Keep this tab's answers", "Conservar las respuestas de esta pestaña")}</button>
                    <button type="button" class="button button--secondary" on:click=move |_| tabs.resolve_conflict(false)>{i18n::t!("Use the other tab's answers", "Usar las respuestas de la otra pestaña")}</button>
                </div>
            </div>
        })}
        {move || aside.list.get().into_iter().map(|u| {
            let raw = u.raw.clone();
            let key = u.key.clone();
            let reason = u.reason.message();
            let stored_key = u.key.clone();
            let found = crate::tf!(
                "We found data from an earlier visit, but {reason}. It has been left untouched in this browser.",
                "Encontramos datos de una visita anterior, pero {reason}. Se han dejado intactos en este navegador."
            );
            let where_stored = crate::tf!(
                "It is stored under the key \u{201c}{stored_key}\u{201d}.",
                "Están guardados con la clave \u{201c}{stored_key}\u{201d}."
            );
            let download_failed = RwSignal::new(None::<String>);
            let download = move |_| {
                crate::ui::exports::offer(download_failed, "unreadable-assessment-data.json", "application/json", &raw);
            };
            view! {
                <div class="notice notice--warning" role="alert">
                    <h2 class="notice__title">{i18n::t!("Some saved data could not be read", "No se pudieron leer algunos datos guardados")}</h2>
                    <p>{found}</p>
                    <p class="hint">{where_stored}</p>
                    <div class="button-group">
                        <button type="button" class="button button--secondary" on:click=download>{i18n::t!("Download the unreadable data", "Descargar los datos ilegibles")}</button>
                        <button type="button" class="button button--secondary" on:click=move |_| aside.discard(&key)>{i18n::t!("Delete it", "Borrarlos")}</button>
                    </div>
                    <crate::ui::exports::DownloadFailed failed=download_failed/>
                </div>
            }
        }).collect_view()}
    }
}
