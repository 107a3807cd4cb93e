//! The saved assessments page: list, open, rename, duplicate, delete, export
//! and import; and deleting everything. Files are made in the page and
//! handed to the browser's download; imports are read in the page and fully
//! validated by the core before anything is stored.

use crate::browser::{self, crypto, files, storage};
use crate::i18n::{lang, t};
use crate::ui::backup::{self as keeping, RestoreView};
use crate::ui::components::file_drop::FileDrop;
use crate::ui::components::passphrase::{check_new_passphrase, passphrase_type, PassphraseFields, ShowPassphrase};
use crate::ui::confirm::refocus;
use crate::ui::errors::ErrorSummary;
use crate::ui::exports::{export_csv, export_encrypted, export_json, said, DownloadFailed};
use crate::ui::messages::Message as _;
use crate::ui::route::Route;
use crate::ui::state::{brief_instrument, use_assessment, use_library, use_shell, use_vault, VaultState};
use hr_assessment::backup;
use hr_assessment::file;
use hr_assessment::incoming::{self, Incoming};
use hr_assessment::Record;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn LibraryPage() -> impl IntoView {
    let s = use_library();
    let records = s.records();
    let shell = use_shell();
    let vault = use_vault().state();
    let a = use_assessment();
    let i = brief_instrument();
    let confirm_wipe = RwSignal::new(false);
    let note = RwSignal::new(storage::backup_note());
    let backup_open = RwSignal::new(false);
    view! {
        <a class="back-link" href="#/">{t!("Back to the start", "Volver al inicio")}</a>
        <h1 id="page-heading" tabindex="-1">{t!("Your saved assessments", "Sus evaluaciones guardadas")}</h1>
        <p class="lead">{t!("These are saved only in this browser, on this device. Nothing here has been sent anywhere.", "Se guardan solo en este navegador, en este dispositivo. Nada de esto se ha enviado a ningún lugar.")}</p>
        <keeping::KeepStatus/>
        <keeping::BackupReminder note=note open=backup_open/>
        // Passphrase protection: whether it is on, or, where someone looking
        // after their saved answers would look for it, how to turn it on.
        // (One view for both: each view costs WebAssembly.)
        {move || {
            let (text, link) = match vault.get() {
                VaultState::Unlocked => (
                    t!("Protected with your passphrase: they are stored encrypted. ", "Protegidas con su frase de contraseña: se guardan cifradas. "),
                    t!("Passphrase settings", "Configuración de la frase de contraseña"),
                ),
                VaultState::Off if !shell.modes.kiosk && records.with(|l| !l.is_empty()) => (
                    t!("Anyone who uses this browser can open them. ", "Cualquier persona que use este navegador puede abrirlas. "),
                    t!("Protect them with a passphrase", "Protegerlas con una frase de contraseña"),
                ),
                _ => return None,
            };
            Some(view! { <p class="hint">{text}<a href="#/protect">{link}</a></p> })
        }}
        <div class="button-group">
            <button type="button" class="button" on:click=move |_| {
                a.start_new();
                browser::dom::go(&Route::section(&i.sections[0].id).href());
            }>{t!("Start a new assessment", "Empezar una evaluación nueva")}</button>
        </div>
        {move || {
            let list = records.get();
            if list.is_empty() {
                view! { <p>{t!("No assessment is saved on this device yet. One is saved as soon as you answer a question.", "Todavía no hay ninguna evaluación guardada en este dispositivo. Se guarda una en cuanto usted responde una pregunta.")}</p> }.into_any()
            } else {
                view! {
                    <ul class="library" aria-label=t!("Saved assessments", "Evaluaciones guardadas")>
                        {list.into_iter().map(|r| view! { <LibraryItem record=r/> }).collect_view()}
                    </ul>
                }.into_any()
            }
        }}
        {move || (records.with(Vec::len) >= 2).then(|| view! {
            <p><a href="#/compare">{t!("Compare two of these assessments", "Comparar dos de estas evaluaciones")}</a>{t!(" — for example before and after a learning collaborative.", " — por ejemplo, antes y después de un colaborativo de aprendizaje.")}</p>
        })}
        <keeping::BackupSection note=note open=backup_open/>
        <ImportForm/>
        <h2>{t!("Delete everything", "Borrar todo")}</h2>
        <p>{t!("Removes every assessment, the passphrase and your preferences from this browser. Exported files are not affected.", "Quita de este navegador todas las evaluaciones, la frase de contraseña y sus preferencias. Los archivos exportados no se ven afectados.")}</p>
        {move || if confirm_wipe.get() {
            view! {
                <div class="confirm" role="group" tabindex="-1" id="wipe-confirm" aria-labelledby="wipe-q">
                    <p id="wipe-q"><strong>{t!("Delete everything this assessment has saved in this browser?", "¿Borrar todo lo que esta autoevaluación ha guardado en este navegador?")}</strong>{t!(" This cannot be undone.", " Esto no se puede deshacer.")}</p>
                    <div class="button-group">
                        <button type="button" class="button button--warning" on:click=move |_| {
                            s.wipe_everything();
                            confirm_wipe.set(false);
                            shell.notice.set(Some(t!("Everything was deleted from this browser.", "Se borró todo de este navegador.").into()));
                        }>{t!("Yes, delete everything", "Sí, borrar todo")}</button>
                        <button type="button" class="button button--secondary" on:click=move |_| { confirm_wipe.set(false); refocus("wipe-everything"); }>{t!("Cancel", "Cancelar")}</button>
                    </div>
                </div>
            }.into_any()
        } else {
            view! {
                <button type="button" class="button button--warning" id="wipe-everything" on:click=move |_| { confirm_wipe.set(true); refocus("wipe-confirm"); }>{t!("Delete everything on this device", "Borrar todo en este dispositivo")}</button>
            }.into_any()
        }}
    }
}

/// The element ids of one list item: for labels, error links and focus (a
/// form or question that opens in place takes the focus, and gives it back
/// to its button).
struct ItemIds {
    rename_button: String,
    rename_field: String,
    encrypt_button: String,
    /// The prefix of the encrypted download's [`PassphraseFields`].
    export_prefix: String,
    /// Its first field, which that component names `{prefix}-pass`.
    passphrase_field: String,
    delete_button: String,
    delete_confirm: String,
    delete_question: String,
}

impl ItemIds {
    fn new(record: &str) -> Self {
        ItemIds {
            rename_button: format!("rename-button-{record}"),
            rename_field: format!("rename-{record}"),
            encrypt_button: format!("encrypt-button-{record}"),
            export_prefix: format!("export-{record}"),
            passphrase_field: format!("export-{record}-pass"),
            delete_button: format!("delete-{record}"),
            delete_confirm: format!("delete-confirm-{record}"),
            delete_question: format!("delete-q-{record}"),
        }
    }
}

/// What one list item is showing besides its summary.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Normal,
    Rename,
    Delete,
    Encrypt,
}

#[component]
fn LibraryItem(record: Record) -> impl IntoView {
    let s = use_library();
    let a = use_assessment();
    let shell = use_shell();
    let i = brief_instrument();
    let mode = RwSignal::new(Mode::Normal);
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let id = record.id.clone();
    let is_open = {
        let id = id.clone();
        move || a.record.with(|r| r.id == id)
    };
    let (answered, total) = record.responses.progress(i);
    let changed = crate::ui::format::timestamp(&record.updated);
    let meta = crate::tf!(
        "Last changed {changed} · {answered} of {total} questions answered",
        "Último cambio: {changed} · {answered} de {total} preguntas respondidas"
    );
    let title_id = format!("a-{}", record.id);
    let ids = StoredValue::new(ItemIds::new(&record.id));
    let name = record.name.clone();
    let rec = StoredValue::new(record.clone());
    let download_failed = RwSignal::new(None::<String>);
    let new_name = RwSignal::new(record.name.clone());
    let pass = RwSignal::new(String::new());
    let pass_again = RwSignal::new(String::new());

    let go_results = {
        let id = id.clone();
        move |_| {
            s.open(&id);
            browser::dom::go(&Route::Results.href());
        }
    };
    let open = {
        let id = id.clone();
        move |_| {
            s.open(&id);
            let position = a.record.with_untracked(|r| r.position.clone());
            let target = position
                .map(|p| Route::section(&p))
                .unwrap_or(Route::section(&i.sections[0].id));
            browser::dom::go(&target.href());
        }
    };
    let duplicate = {
        let id = id.clone();
        move |_| {
            if s.duplicate(&id).is_some() {
                let name = rec.with_value(|r| r.name.clone());
                shell.notice.set(Some(crate::tf!(
                    "Made a copy of “{name}”.",
                    "Se hizo una copia de “{name}”."
                )));
            }
        }
    };
    let save_name = {
        let id = id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            match s.rename(&id, &new_name.get_untracked()) {
                Ok(()) => {
                    mode.set(Mode::Normal);
                    error.set(None);
                    ids.with_value(|d| refocus(&d.rename_button));
                }
                Err(e) => error.set(Some(e.message())),
            }
        }
    };
    let delete = {
        let id = id.clone();
        move |_| {
            let name = rec.with_value(|r| r.name.clone());
            s.delete(&id);
            shell.notice.set(Some(crate::tf!(
                "Deleted “{name}” from this device.",
                "Se borró “{name}” de este dispositivo."
            )));
        }
    };
    let encrypt = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (p, again) = (pass.get_untracked(), pass_again.get_untracked());
        if let Err(e) = check_new_passphrase(&p, &again) {
            error.set(Some(e));
            return;
        }
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            let record = rec.get_value();
            let result = export_encrypted(&record, &p).await;
            busy.set(false);
            match result {
                Ok(()) => {
                    mode.set(Mode::Normal);
                    pass.set(String::new());
                    pass_again.set(String::new());
                    ids.with_value(|d| refocus(&d.encrypt_button));
                }
                Err(e) => error.set(Some(e.message())),
            }
        });
    };

    view! {
        <li class="library__item" aria-labelledby=title_id.clone()>
            <h2 class="library__name" id=title_id.clone()>{name.clone()}</h2>
            <p class="library__meta">
                {meta}
                {move || is_open().then(|| t!(" · open now", " · abierta ahora"))}
            </p>
            <div class="button-group button-group--compact">
                <button type="button" class="button" on:click=open>
                    {t!("Open", "Abrir")}<span class="visually-hidden">{format!(" {name}")}</span>
                </button>
                <button type="button" class="button button--secondary" on:click=go_results>
                    {t!("Results", "Resultados")}<span class="visually-hidden">{let name = name.clone(); crate::tf!(" of {name}", " de {name}")}</span>
                </button>
                <button type="button" class="button button--secondary" id=ids.with_value(|d| d.rename_button.clone()) on:click=move |_| {
                    error.set(None);
                    mode.set(Mode::Rename);
                    ids.with_value(|d| refocus(&d.rename_field));
                }>
                    {t!("Rename", "Cambiar el nombre")}<span class="visually-hidden">{let name = name.clone(); crate::tf!(" {name}", " de {name}")}</span>
                </button>
                <button type="button" class="button button--secondary" on:click=duplicate>
                    {t!("Duplicate", "Duplicar")}<span class="visually-hidden">{format!(" {name}")}</span>
                </button>
                <button type="button" class="button button--secondary" on:click=move |_| download_failed.set(said(rec.with_value(export_json)))>
                    {t!("Download (JSON)", "Descargar (JSON)")}<span class="visually-hidden">{format!(" {name}")}</span>
                </button>
                <button type="button" class="button button--secondary" on:click=move |_| download_failed.set(said(rec.with_value(export_csv)))>
                    {t!("Download spreadsheet (CSV)", "Descargar hoja de cálculo (CSV)")}<span class="visually-hidden">{format!(" {name}")}</span>
                </button>
                <button type="button" class="button button--secondary" id=ids.with_value(|d| d.encrypt_button.clone()) on:click=move |_| {
                    error.set(None);
                    mode.set(Mode::Encrypt);
                    ids.with_value(|d| refocus(&d.passphrase_field));
                }>
                    {t!("Download encrypted", "Descargar cifrada")}<span class="visually-hidden">{format!(" {name}")}</span>
                </button>
                <button type="button" class="button button--warning" id=ids.with_value(|d| d.delete_button.clone()) on:click=move |_| {
                    mode.set(Mode::Delete);
                    ids.with_value(|d| refocus(&d.delete_confirm));
                }>
                    {t!("Delete", "Borrar")}<span class="visually-hidden">{format!(" {name}")}</span>
                </button>
            </div>
            <DownloadFailed failed=download_failed/>
            {move || match mode.get() {
                Mode::Normal => ().into_any(),
                Mode::Rename => view! {
                    <form class="inline-form" novalidate on:submit=save_name.clone()>
                        <ErrorSummary id="rename-errors" errors=Signal::derive(move || error.get().map(|m| vec![(ids.with_value(|d| d.rename_field.clone()), m)]).unwrap_or_default())/>
                        <label class="label" for=ids.with_value(|d| d.rename_field.clone())>{let name = rec.with_value(|r| r.name.clone()); crate::tf!("New name for “{name}”", "Nuevo nombre para “{name}”")}</label>
                        <p class="field-error">{move || error.get()}</p>
                        <input class="input" type="text" maxlength=file::MAX_NAME_CHARS spellcheck="false" autocomplete="off" translate="no"
                            id=ids.with_value(|d| d.rename_field.clone())
                            prop:value=move || new_name.get()
                            on:input=move |ev| new_name.set(event_target_value(&ev))/>
                        <div class="button-group">
                            <button type="submit" class="button">{t!("Save name", "Guardar el nombre")}</button>
                            <button type="button" class="button button--secondary" on:click=move |_| { mode.set(Mode::Normal); ids.with_value(|d| refocus(&d.rename_button)); }>{t!("Cancel", "Cancelar")}</button>
                        </div>
                    </form>
                }.into_any(),
                Mode::Delete => view! {
                    <div class="confirm" role="group" tabindex="-1" id=ids.with_value(|d| d.delete_confirm.clone()) aria-labelledby=ids.with_value(|d| d.delete_question.clone())>
                        <p id=ids.with_value(|d| d.delete_question.clone())><strong>{let name = rec.with_value(|r| r.name.clone()); crate::tf!("Delete “{name}” from this device?", "¿Borrar “{name}” de este dispositivo?")}</strong>{t!(" This cannot be undone. Download it first if you may need it.", " Esto no se puede deshacer. Si puede necesitarla, descárguela antes.")}</p>
                        <div class="button-group">
                            <button type="button" class="button button--warning" on:click=delete.clone()>{t!("Yes, delete it", "Sí, borrarla")}</button>
                            <button type="button" class="button button--secondary" on:click=move |_| { mode.set(Mode::Normal); ids.with_value(|d| refocus(&d.delete_button)); }>{t!("Cancel", "Cancelar")}</button>
                        </div>
                    </div>
                }.into_any(),
                Mode::Encrypt => view! {
                    <form class="inline-form" novalidate on:submit=encrypt>
                        <p>{t!("The file will only open with this passphrase. There is no way to recover it if you forget it.", "El archivo solo se abrirá con esta frase de contraseña. Si la olvida, no hay forma de recuperarlo.")}</p>
                        <ErrorSummary id="encrypt-errors" errors=Signal::derive(move || error.get().map(|m| vec![(ids.with_value(|d| d.passphrase_field.clone()), m)]).unwrap_or_default())/>
                        <PassphraseFields pass=pass again=pass_again prefix=ids.with_value(|d| d.export_prefix.clone())/>
                        <div class="button-group">
                            <button type="submit" class="button" prop:disabled=move || busy.get()>
                                {move || if busy.get() { t!("Encrypting…", "Cifrando…") } else { t!("Download encrypted file", "Descargar el archivo cifrado") }}
                            </button>
                            <button type="button" class="button button--secondary" on:click=move |_| { mode.set(Mode::Normal); ids.with_value(|d| refocus(&d.encrypt_button)); }>{t!("Cancel", "Cancelar")}</button>
                        </div>
                    </form>
                }.into_any(),
            }}
        </li>
    }
}

/// Import by file picker or drag and drop. Nothing is stored unless the
/// whole file checks out.
#[component]
fn ImportForm() -> impl IntoView {
    let s = use_library();
    let error = RwSignal::new(None::<String>);
    let success = RwSignal::new(None::<String>);
    let pending = RwSignal::new(None::<String>); // an encrypted file waiting for its passphrase
    let pending_backup = RwSignal::new(false); // ... and whether it is a backup
    let restore = RestoreView::fresh(error);
    let pass = RwSignal::new(String::new());
    let shown = RwSignal::new(false);
    let busy = RwSignal::new(false);

    let finish = move |text: String| match file::import_in(&text, brief_instrument(), lang()) {
        Ok(imported) => {
            let name = imported.name.clone();
            let warnings = imported.warnings.clone();
            let record = imported.into_record(brief_instrument(), String::new());
            s.add_imported(record);
            restore.restored.set(None);
            let mut message = crate::tf!(
                "Imported “{name}”. It is now the open assessment.",
                "Se importó “{name}”. Ahora es la evaluación abierta."
            );
            for w in warnings {
                message.push(' ');
                message.push_str(&w);
            }
            error.set(None);
            success.set(Some(message));
        }
        Err(e) => {
            success.set(None);
            let e = e.message(lang());
            error.set(Some(crate::tf!(
                "{e} Nothing has been changed.",
                "{e} No se ha cambiado nada."
            )));
        }
    };
    let take = move |text: String| {
        pending.set(None);
        match incoming::classify(&text) {
            Incoming::Backup => {
                success.set(None);
                restore.read(&text);
            }
            kind if kind.is_encrypted() => {
                pending_backup.set(kind.is_backup());
                error.set(None);
                success.set(None);
                pending.set(Some(text));
                refocus("import-pass");
            }
            _ => finish(text),
        }
    };
    let read = move |f: web_sys::File| {
        success.set(None);
        error.set(None);
        restore.restored.set(None);
        restore.partial.set(None);
        // A file too large to be an assessment is read only if it could be a
        // backup; one too large for either is refused unread, in the words
        // the import itself would use.
        let size = f.size() as u64;
        let refused = file::refuse_before_reading(size);
        let refuse = move |refused: file::ImportError, name: String| {
            let e = refused.message(lang());
            error.set(Some(crate::tf!(
                "“{name}”: {e} Nothing has been changed.",
                "“{name}”: {e} No se ha cambiado nada."
            )));
        };
        if let Some(refused) = refused
            .clone()
            .filter(|_| size > backup::MAX_ENCRYPTED_BACKUP_BYTES as u64)
        {
            return refuse(refused, f.name());
        }
        busy.set(true);
        spawn_local(async move {
            let text = files::read_text(&f).await;
            busy.set(false);
            match text {
                Ok(text) => match refused.filter(|_| !incoming::classify(&text).is_backup()) {
                    Some(refused) => refuse(refused, f.name()),
                    None => take(text),
                },
                Err(e) => error.set(Some(crate::tf!(
                    "The file could not be read: {e}. Nothing has been changed.",
                    "No se pudo leer el archivo: {e}. No se ha cambiado nada."
                ))),
            }
        });
    };
    let on_files = Callback::new(move |files: Vec<web_sys::File>| {
        if let Some(f) = files.into_iter().next() {
            read(f);
        }
    });
    let unlock_file = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(text) = pending.get_untracked() else { return };
        let is_backup = pending_backup.get_untracked();
        let envelope = if is_backup {
            backup::parse_envelope(&text).map_err(|e| e.message(lang()))
        } else {
            file::Envelope::parse(&text).map_err(|e| e.message(lang()))
        };
        let envelope = match envelope {
            Ok(e) => e,
            Err(e) => {
                pending.set(None);
                error.set(Some(crate::tf!(
                    "{e} Nothing has been changed.",
                    "{e} No se ha cambiado nada."
                )));
                return;
            }
        };
        let p = pass.get_untracked();
        busy.set(true);
        spawn_local(async move {
            let sealed = crypto::Sealed {
                salt: envelope.salt,
                iv: envelope.iv,
                data: envelope.data,
            };
            let result = crypto::decrypt_file(&p, envelope.iterations, &sealed).await;
            busy.set(false);
            match result {
                Ok(plain) => {
                    pending.set(None);
                    pass.set(String::new());
                    if is_backup {
                        restore.read(&plain);
                    } else {
                        finish(plain);
                    }
                }
                Err(e) => error.set(Some(e.message())),
            }
        });
    };

    view! {
        <h2 id="import-title">{t!("Import an assessment or restore a backup", "Importar una evaluación o restaurar un respaldo")}</h2>
        <p>{t!("Bring in an assessment file or a backup exported from this app (plain or encrypted). It is read and checked here in your browser; nothing is uploaded. A backup's assessments are added beside those saved here: none is replaced, and one already here is not added twice.", "Traiga un archivo de evaluación o un respaldo exportado desde esta aplicación (normal o cifrado). Se lee y se revisa aquí, en su navegador; no se sube nada. Las evaluaciones de un respaldo se agregan junto a las guardadas aquí: ninguna se reemplaza, y una que ya está aquí no se agrega dos veces.")}</p>
        <FileDrop id="import-file" label=t!("Choose a file, or drop it here", "Elija un archivo o suéltelo aquí") on_files=on_files/>
        <div aria-live="polite">
            {move || busy.get().then(|| view! { <p>{t!("Reading the file…", "Leyendo el archivo…")}</p> })}
            {move || success.get().map(|m| view! { <p class="notice notice--success" role="status">{m}" "<a href="#/results">{t!("See its results", "Ver sus resultados")}</a></p> })}
        </div>
        <keeping::RestoreMessages restore=restore/>
        {move || error.get().map(|m| view! { <div class="notice notice--warning" role="alert"><p>{m}</p></div> })}
        {move || pending.get().is_some().then(|| view! {
            <form class="inline-form" novalidate on:submit=unlock_file>
                <p><strong>{t!("This file is encrypted.", "Este archivo está cifrado.")}</strong>{t!(" Enter the passphrase it was saved with.", " Escriba la frase de contraseña con la que se guardó.")}</p>
                <div class="field">
                    <label class="label" for="import-pass">{t!("Passphrase for this file", "Frase de contraseña de este archivo")}</label>
                    <input class="input" type=passphrase_type(shown) id="import-pass" autocomplete="off" spellcheck="false"
                        prop:value=move || pass.get() on:input=move |ev| pass.set(event_target_value(&ev))/>
                </div>
                <ShowPassphrase shown=shown id="import-show".to_owned()/>
                <div class="button-group">
                    <button type="submit" class="button" prop:disabled=move || busy.get()>{t!("Open the file", "Abrir el archivo")}</button>
                    <button type="button" class="button button--secondary" on:click=move |_| { pending.set(None); error.set(None); }>{t!("Cancel", "Cancelar")}</button>
                </div>
            </form>
        })}
    }
}
