//! Keeping the saved assessments: what the browser promised (persistent
//! storage), the Safari note, "Back up all assessments", the reminder to
//! back up, and restoring a backup. The rules (the file, its checks, what
//! is added and what is skipped, when a backup is due, which browser is
//! Safari) are in `hr_assessment::backup`.

use crate::browser::keep::Kept;
use crate::browser::{self, crypto, files, storage};
use crate::i18n::{lang, t};
use crate::ui::components::passphrase::{check_new_passphrase, PassphraseFields};
use crate::ui::confirm::refocus;
use crate::ui::errors::ErrorSummary;
use crate::ui::messages::Message as _;
use crate::ui::on_demand;
use crate::ui::state::{instrument, use_library, use_shell, Library};
use hr_assessment::backup::{self, Restorable};
use hr_assessment::file::Envelope;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::atomic::{AtomicBool, Ordering};

/// The backup form's first field, where "Make a backup now" takes the focus.
const BACKUP_PASS: &str = "backup-pass";

/// Whether the reminder has been shown in this visit (this page load).
static REMINDED: AtomicBool = AtomicBool::new(false);

/// What the browser has promised about the saved assessments, in plain words.
#[component]
pub fn KeepStatus() -> impl IntoView {
    let kept = use_library().kept();
    let kiosk = use_shell().modes.kiosk;
    move || {
        let text = match kept.get() {
            _ if kiosk => return None,
            Kept::Checking => return None,
            Kept::Granted => t!(
                "This browser has agreed to keep them until you delete them.",
                "Este navegador se ha comprometido a conservarlas hasta que usted las borre.",
            ),
            Kept::NotGranted => t!(
                "This browser may clear them on its own: when the device runs short of space, or when someone clears the browsing data (Safari also clears them after seven days without a visit). To be sure you will have them next time, keep a backup file (below) and make a new one after each change.",
                "Este navegador puede borrarlas por su cuenta: cuando el dispositivo se queda sin espacio o cuando alguien borra los datos de navegación (Safari también las borra tras siete días sin una visita). Para asegurarse de tenerlas la próxima vez, guarde un archivo de respaldo (más abajo) y haga uno nuevo después de cada cambio.",
            ),
        };
        Some(view! { <p class="hint" id="kept-status">{text}</p> })
    }
}

/// Once a visit, never in kiosk mode, and only while the browser has not
/// promised to keep them: when the assessments changed since the last
/// backup (or there is none), an offer to make one.
#[component]
pub fn BackupReminder(note: RwSignal<storage::BackupNote>, open: RwSignal<bool>) -> impl IntoView {
    let library = use_library();
    let kiosk = use_shell().modes.kiosk;
    let due = move || {
        !kiosk
            && library.kept().get() == Kept::NotGranted
            && library
                .records()
                .with(|l| note.with(|n| backup::backup_due(l, n.last_backup.as_deref())))
    };
    let shown = RwSignal::new(false);
    Effect::new(move |_| {
        if due() && !shown.get_untracked() && !REMINDED.swap(true, Ordering::Relaxed) {
            shown.set(true);
        }
    });
    move || {
        (shown.get() && due()).then(|| {
            let text = match note.with(|n| n.last_backup.clone()) {
                Some(at) => {
                    let when = crate::ui::format::timestamp(&at);
                    crate::tf!(
                        "Your assessments have changed since your last backup ({when}).",
                        "Sus evaluaciones han cambiado desde su último respaldo ({when})."
                    )
                }
                None => t!(
                    "You have not made a backup of your assessments yet.",
                    "Todavía no ha hecho un respaldo de sus evaluaciones.",
                )
                .to_owned(),
            };
            view! {
                <div class="notice notice--info" role="region" aria-labelledby="reminder-title">
                    <h2 class="notice__title" id="reminder-title">{t!("Keep a backup", "Guarde un respaldo")}</h2>
                    <p>{text}{t!(" This browser may clear them on its own; a backup file lets you bring them back.", " Este navegador puede borrarlas por su cuenta; un archivo de respaldo le permite recuperarlas.")}</p>
                    <div class="button-group">
                        <button type="button" class="button" on:click=move |_| { open.set(true); refocus(BACKUP_PASS); }>{t!("Make a backup now", "Hacer un respaldo ahora")}</button>
                        <button type="button" class="button button--secondary" on:click=move |_| shown.set(false)>{t!("Not now", "Ahora no")}</button>
                    </div>
                </div>
            }
        })
    }
}

/// The date part of an ISO timestamp, for a file name.
fn day(iso: &str) -> &str {
    iso.get(..10).unwrap_or("backup")
}

/// "Back up all assessments": one file with every saved assessment, with a
/// passphrase unless the user deliberately chooses a plain file.
#[component]
pub fn BackupSection(note: RwSignal<storage::BackupNote>, open: RwSignal<bool>) -> impl IntoView {
    let records = use_library().records();
    let plain = RwSignal::new(false);
    let pass = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);

    let finished = move |now: String, count: usize| {
        note.update(|n| n.last_backup = Some(now));
        let _ = storage::write_backup_note(&note.get_untracked());
        pass.set(String::new());
        again.set(String::new());
        error.set(None);
        open.set(false);
        refocus("backup-open");
        done.set(Some(crate::tf!(
            "Downloaded the backup (assessments in it: {count}). Keep the file somewhere safe, away from this browser (another drive, or where your organization keeps its files). To restore it, import it below.",
            "Se descargó el respaldo (evaluaciones que contiene: {count}). Guarde el archivo en un lugar seguro, fuera de este navegador (otra unidad, o donde su organización guarda sus archivos). Para restaurarlo, impórtelo más abajo."
        )));
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        done.set(None);
        let records = records.get_untracked();
        let now = browser::now_iso();
        let json = backup::export_backup(&records, lang().code(), &now);
        let name = format!("harm-reduction-readiness-backup-{}", day(&now));
        if plain.get_untracked() {
            match files::download(&format!("{name}.json"), "application/json", &json) {
                Ok(()) => finished(now, records.len()),
                Err(e) => error.set(Some(e.message())),
            }
            return;
        }
        let (p, a) = (pass.get_untracked(), again.get_untracked());
        if let Err(e) = check_new_passphrase(&p, &a) {
            error.set(Some(e));
            return;
        }
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            let result = match crypto::encrypt_file(&p, &json).await {
                Ok(sealed) => {
                    let envelope = Envelope {
                        iterations: crypto::ITERATIONS,
                        salt: sealed.salt,
                        iv: sealed.iv,
                        data: sealed.data,
                    };
                    files::download(
                        &format!("{name}.encrypted.json"),
                        "application/json",
                        &backup::envelope_json(&envelope),
                    )
                    .map_err(|e| e.message())
                }
                Err(e) => Err(e.message()),
            };
            busy.set(false);
            match result {
                Ok(()) => finished(now, records.len()),
                Err(e) => error.set(Some(e)),
            }
        });
    };

    view! {
        <h2 id="backup-title">{t!("Back up all assessments", "Hacer un respaldo de todas las evaluaciones")}</h2>
        <p>{move || match note.with(|n| n.last_backup.clone()) {
            Some(at) => {
                let when = crate::ui::format::timestamp(&at);
                crate::tf!("Last backup made in this browser: {when}.", "Último respaldo hecho en este navegador: {when}.")
            }
            None => t!("No backup has been made in this browser yet.", "Todavía no se ha hecho ningún respaldo en este navegador.").to_owned(),
        }}</p>
        <p>{t!("One file with every assessment saved here, with its action plan. Keep it to move to another computer, or in case this browser clears its data.", "Un archivo con todas las evaluaciones guardadas aquí, con su plan de acción. Consérvelo para pasar a otra computadora, o por si este navegador borra sus datos.")}</p>
        {move || if records.with(Vec::is_empty) {
            view! { <p class="hint">{t!("There is nothing to back up yet.", "Todavía no hay nada que respaldar.")}</p> }.into_any()
        } else if !open.get() {
            view! {
                <button type="button" class="button" id="backup-open" on:click=move |_| { done.set(None); open.set(true); refocus(BACKUP_PASS); }>{t!("Make a backup", "Hacer un respaldo")}</button>
            }.into_any()
        } else {
            view! {
                <form class="inline-form" novalidate on:submit=submit aria-labelledby="backup-title">
                    <ErrorSummary id="backup-errors" errors=Signal::derive(move || error.get().map(|m| vec![(BACKUP_PASS.to_owned(), m)]).unwrap_or_default())/>
                    {move || (!plain.get()).then(|| view! {
                        <p>{t!("The backup is encrypted with a passphrase you choose now. It opens only with that passphrase; there is no way to recover it if you forget it.", "El respaldo se cifra con una frase de contraseña que usted elige ahora. Solo se abre con esa frase de contraseña; si la olvida, no hay forma de recuperarlo.")}</p>
                        <PassphraseFields pass=pass again=again prefix="backup".to_owned()/>
                    })}
                    <div class="option field">
                        <input type="checkbox" class="checkbox" id="backup-plain"
                            prop:checked=move || plain.get() on:change=move |ev| plain.set(event_target_checked(&ev))/>
                        <label for="backup-plain">{t!("Make a plain backup without a passphrase (anyone who gets the file can read every assessment in it)", "Hacer un respaldo normal sin frase de contraseña (cualquier persona que obtenga el archivo podrá leer todas las evaluaciones)")}</label>
                    </div>
                    <div class="button-group">
                        <button type="submit" class="button" prop:disabled=move || busy.get()>
                            {move || if busy.get() { t!("Encrypting…", "Cifrando…") } else { t!("Download the backup", "Descargar el respaldo") }}
                        </button>
                        <button type="button" class="button button--secondary" on:click=move |_| { error.set(None); open.set(false); refocus("backup-open"); }>{t!("Cancel", "Cancelar")}</button>
                    </div>
                </form>
            }.into_any()
        }}
        <div aria-live="polite">
            {move || done.get().map(|m| view! { <p class="notice notice--success" role="status">{m}</p> })}
        </div>
    }
}

/// The Safari note: said once (until dismissed, which is remembered), in a
/// Safari tab, when there is something saved to lose; never in kiosk mode.
///
/// Whether there is something saved is looked at when a page opens, not
/// when the first answer is saved: the note sits above the page, and
/// appearing under the reader's finger it would push the answers down just
/// as they click the next one. So it shows from the next page on.
#[component]
pub fn SafariNote() -> impl IntoView {
    let s = use_shell();
    let records = use_library().records();
    let safari = browser::keep::safari_tab();
    let saved_when_opened = Memo::new(move |_| {
        s.route.track();
        records.with_untracked(|l| !l.is_empty())
    });
    let wanted = Memo::new(move |_| safari && !s.modes.kiosk && saved_when_opened.get());
    // The note's code is in the notices' chunk, fetched only where it shows.
    move || {
        wanted.get().then(|| {
            on_demand::show_part(
                || on_demand::notice(on_demand::Notice::SafariNote),
                on_demand::fetch_notices,
                None,
            )
        })
    }
}

/// The note itself, until dismissed (and that is remembered).
#[component]
pub fn SafariNoteText() -> impl IntoView {
    let dismissed = RwSignal::new(storage::backup_note().safari_note_dismissed);
    move || {
        (!dismissed.get()).then(|| view! {
            <div class="notice notice--info" role="region" aria-labelledby="safari-title">
                <h2 class="notice__title" id="safari-title">{t!("A note for Safari", "Una nota sobre Safari")}</h2>
                <p>{t!("Safari deletes what a website has saved when you have not visited it for seven days of using Safari. Two ways to keep your assessments:", "Safari borra lo que un sitio web ha guardado cuando usted no lo ha visitado durante siete días de uso de Safari. Dos formas de conservar sus evaluaciones:")}</p>
                <ul>
                    <li>{t!("Add this app to your Home Screen: tap the Share button, then \u{201c}Add to Home Screen\u{201d} (on a Mac: File, then \u{201c}Add to Dock\u{201d}). Opened from there, it keeps them while you use it.", "Agregue esta aplicación a su pantalla de inicio: toque el botón Compartir y luego \u{201c}Agregar a inicio\u{201d} (en una Mac: Archivo y luego \u{201c}Agregar al Dock\u{201d}). Si la abre desde ahí, las conserva mientras la use.")}</li>
                    <li>{t!("Keep a backup file: ", "Guarde un archivo de respaldo: ")}<a href="#/assessments">{t!("Back up all assessments, on the Your assessments page", "Hacer un respaldo de todas las evaluaciones, en la página Sus evaluaciones")}</a>"."</li>
                </ul>
                <button type="button" class="button button--secondary" on:click=move |_| {
                    dismissed.set(true);
                    let mut note = storage::backup_note();
                    note.safari_note_dismissed = true;
                    let _ = storage::write_backup_note(&note);
                }>{t!("Got it", "Entendido")}</button>
            </div>
        })
    }
}

// ---------------------------------------------------------------------------
// Restoring
// ---------------------------------------------------------------------------

/// A backup with bad assessments among good ones, waiting for the user.
#[derive(Clone)]
pub struct Partial {
    good: Vec<Restorable>,
    problems: Vec<String>,
}

/// Where restoring reports: an error, what was restored, or a question.
#[derive(Clone, Copy)]
pub struct RestoreView {
    pub error: RwSignal<Option<String>>,
    pub restored: RwSignal<Option<String>>,
    pub partial: RwSignal<Option<Partial>>,
    library: Library,
}

impl RestoreView {
    /// Restoring that reports its errors where the import form does.
    pub fn fresh(error: RwSignal<Option<String>>) -> RestoreView {
        RestoreView {
            error,
            restored: RwSignal::new(None),
            partial: RwSignal::new(None),
            library: use_library(),
        }
    }

    /// A refusal: the message and that nothing has changed.
    pub fn refuse(&self, message: String) {
        self.restored.set(None);
        self.partial.set(None);
        self.error.set(Some(crate::tf!(
            "{message} Nothing has been changed.",
            "{message} No se ha cambiado nada."
        )));
    }

    /// Reads a plain backup: refused whole, restored at once, or (some
    /// assessments bad) held until the user says whether to restore the rest.
    pub fn read(&self, text: &str) {
        let b = match backup::read(text, instrument(), lang()) {
            Ok(b) => b,
            Err(e) => return self.refuse(e.message(lang())),
        };
        let problems: Vec<String> = b.rejected.iter().map(|r| r.message(lang())).collect();
        if b.good.is_empty() {
            return self.refuse(
                t!(
                    "No assessment in this backup can be restored: ",
                    "No se puede restaurar ninguna evaluación de este respaldo: ",
                )
                .to_owned()
                    + &problems.join(" "),
            );
        }
        if problems.is_empty() {
            self.apply(b.good);
        } else {
            self.error.set(None);
            self.restored.set(None);
            self.partial.set(Some(Partial { good: b.good, problems }));
            refocus("restore-confirm");
        }
    }

    /// Restores the good assessments beside the saved ones and says what
    /// was added and what was skipped.
    fn apply(&self, good: Vec<Restorable>) {
        let s = self.library;
        let warnings: Vec<String> = good.iter().flat_map(|g| g.warnings.clone()).collect();
        let plan = s
            .records()
            .with_untracked(|saved| backup::plan(good, saved, browser::new_id));
        let quote = |names: Vec<&str>| {
            names
                .iter()
                .map(|n| format!("\u{201c}{n}\u{201d}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let mut message = String::new();
        let (added, skipped) = (plan.add.len(), plan.skipped.len());
        if added > 0 {
            let names = quote(plan.add.iter().map(|r| r.name.as_str()).collect());
            message += &crate::tf!("Restored: {names}.", "Se restauraron: {names}.");
        }
        if skipped > 0 {
            let names = quote(plan.skipped.iter().map(String::as_str).collect());
            if !message.is_empty() {
                message.push(' ');
            }
            message += &crate::tf!(
                "Already saved here, so not added again: {names}.",
                "Ya estaban guardadas aquí, así que no se agregaron otra vez: {names}."
            );
        }
        if added == 0 {
            message += t!(
                " Nothing was added: every assessment in this backup is already saved here.",
                " No se agregó nada: todas las evaluaciones de este respaldo ya están guardadas aquí.",
            );
        }
        for w in warnings.into_iter().take(3) {
            message.push(' ');
            message += &w;
        }
        s.restore(plan.add);
        self.error.set(None);
        self.partial.set(None);
        self.restored.set(Some(message.trim().to_owned()));
    }
}

/// What restoring has to say: the question when some assessments are bad,
/// and what was restored.
#[component]
pub fn RestoreMessages(restore: RestoreView) -> impl IntoView {
    let partial = restore.partial;
    view! {
        <div aria-live="polite">
            {move || restore.restored.get().map(|m| view! { <p class="notice notice--success" role="status">{m}</p> })}
        </div>
        {move || partial.get().map(|p| {
            let count = p.good.len();
            let bad = p.problems.len();
            let good = StoredValue::new(p.good);
            view! {
                <div class="confirm" role="group" tabindex="-1" id="restore-confirm" aria-labelledby="restore-q">
                    <p id="restore-q"><strong>{crate::tf!(
                        "Some assessments in this backup cannot be restored (not restorable: {bad}; restorable: {count}). Restore those that can be restored?",
                        "Algunas evaluaciones de este respaldo no se pueden restaurar (no restaurables: {bad}; restaurables: {count}). ¿Restaurar las que sí se pueden?"
                    )}</strong>{t!(" Nothing has been changed yet.", " Todavía no se ha cambiado nada.")}</p>
                    <ul>{p.problems.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
                    <div class="button-group">
                        <button type="button" class="button" on:click=move |_| restore.apply(good.get_value())>{t!("Restore those that can be restored", "Restaurar las que sí se pueden")}</button>
                        <button type="button" class="button button--secondary" on:click=move |_| {
                            partial.set(None);
                            restore.error.set(Some(t!("Nothing was restored. Nothing has been changed.", "No se restauró nada. No se ha cambiado nada.").to_owned()));
                        }>{t!("Cancel", "Cancelar")}</button>
                    </div>
                </div>
            }
        })}
    }
}
