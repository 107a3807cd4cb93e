//! The app's state: the saved assessments, the one open now, its save
//! status, the passphrase lock, the current page, and the report computed
//! from the answers. Shared through context as one typed, `Copy` struct.
//!
//! Every change to stored data goes through a method here, which writes it
//! with [`crate::browser::storage`] (encrypting first when a passphrase is
//! set) and keeps the in-memory copies in step.

use crate::browser::crypto::VaultKey;
use crate::browser::{self, storage};
use crate::i18n::t;
use crate::ui::messages::Message as _;
use crate::ui::route::Route;
use crate::ui::vault::{new_lock, open_lock, open_record, read_versions, seal_record, write_versions, StoredVersions};
use hr_assessment::versions::{Verdict, Versions};
use hr_assessment::{assess, Instrument, Lang, Lock, Record, Report, Responses, Shipped};
use leptos::prelude::*;
use leptos::task::spawn_local;

mod passphrase;
mod tabs;

/// How the last save went.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveState {
    /// Nothing changed since the page loaded.
    Idle,
    /// Saving (encrypting) now.
    Saving,
    /// Saved on this device at this ISO time.
    Saved(String),
    /// Not saved; the message says why and what to do.
    Failed(storage::SaveError),
}

/// Whether a passphrase protects the saved assessments.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VaultState {
    /// No passphrase: records are stored as plain JSON.
    Off,
    /// A passphrase is set and this tab does not have the key.
    Locked,
    /// A passphrase is set and this tab holds the key in memory.
    Unlocked,
}

/// Data found in storage that could not be read, kept for download.
#[derive(Clone, Debug, PartialEq)]
pub struct Unreadable {
    pub key: String,
    pub raw: String,
    pub reason: String,
}

/// How the app is presented, from the page address (`?embed=1`, `?kiosk=1`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Modes {
    /// Inside another site's page: no site header or footer.
    pub embed: bool,
    /// A shared device in a workshop (`?kiosk=1`, or a device set up as a
    /// kiosk until the facilitator's exit code is given): answers live in
    /// the tab's memory only (see `ui::kiosk`).
    pub kiosk: bool,
}

impl Modes {
    pub fn from_address() -> Modes {
        Modes {
            embed: browser::dom::query_flag("embed"),
            kiosk: browser::dom::query_flag("kiosk") || storage::read_raw(storage::KEY_KIOSK).is_some(),
        }
    }
}

/// Everything pages share. All fields are arena handles: `Session` is `Copy`.
#[derive(Clone, Copy)]
pub struct Session {
    /// The open assessment.
    pub record: RwSignal<Record>,
    /// Every readable saved assessment (decrypted when unlocked), newest first.
    pub library: RwSignal<Vec<Record>>,
    pub save: RwSignal<SaveState>,
    pub unreadable: RwSignal<Vec<Unreadable>>,
    pub vault: RwSignal<VaultState>,
    /// A short message for the status line ("Imported …", "Updated from another tab").
    pub notice: RwSignal<Option<String>>,
    /// Another tab's version of the open assessment, when this tab has
    /// changes it could not save: the user chooses.
    pub conflict: RwSignal<Option<Record>>,
    pub route: RwSignal<Route>,
    /// The results, recomputed by the core whenever the answers change.
    pub report: Memo<Report>,
    pub modes: Modes,
    /// Whether the browser keeps saved data until the user deletes it.
    pub kept: RwSignal<crate::browser::keep::Kept>,
    key: StoredValue<Option<VaultKey>, LocalStorage>,
    lock: StoredValue<Option<Lock>>,
    /// Orders asynchronous (encrypted) saves: only the latest may write.
    save_seq: StoredValue<u64>,
    /// When unlocked: the latest revision of each encrypted record
    /// (`hr_assessment::versions`), kept sealed in storage too.
    versions: StoredValue<Versions>,
}

/// The instrument this build ships, with its texts in the interface language.
pub fn instrument() -> &'static Instrument {
    Instrument::shipped_in(crate::i18n::lang())
}

/// The session from context. Pages are only ever rendered inside
/// [`crate::ui::App`], which provides it.
pub fn session() -> Session {
    expect_context::<Session>()
}

/// A new, empty assessment with its automatic name.
pub fn new_record() -> Record {
    let now = browser::now_iso();
    Record::new(
        instrument(),
        browser::new_id(),
        automatic_name(crate::i18n::lang(), &now),
        now,
    )
}

/// The name a new assessment gets until the user gives it one: "Assessment
/// of 22 November 2026", "Evaluación del 22 de noviembre de 2026".
fn automatic_name(lang: Lang, created: &str) -> String {
    let date = browser::date_label(created, lang);
    lang.pick(format!("Assessment of {date}"), format!("Evaluación del {date}"))
}

fn idle_state() -> SaveState {
    if storage::available() {
        SaveState::Idle
    } else {
        SaveState::Failed(storage::SaveError::Unavailable)
    }
}

/// "That passphrase does not unlock …"
fn wrong_passphrase() -> String {
    t(
        "That passphrase does not unlock the assessments saved here. Check it and try again; nothing has been changed.",
        "Esa frase de contraseña no desbloquea las evaluaciones guardadas aquí. Revísela y vuelva a intentarlo; no se ha cambiado nada.",
    )
    .into()
}

/// Newest first, then by name: the order of the saved-assessments list.
fn sort_library(list: &mut [Record]) {
    hr_assessment::sort::by(list, |a, b| (&b.updated, &a.name) < (&a.updated, &b.name));
}

impl Session {
    /// Reads storage and opens the assessment last used (or a new, unsaved
    /// one). With a passphrase set, starts locked.
    pub fn load() -> Session {
        let modes = Modes::from_address();
        if modes.kiosk {
            storage::use_memory();
        }
        let record = RwSignal::new(new_record());
        let report = Memo::new(move |_| record.with(|r| assess(instrument(), &r.responses)));
        let session = Session {
            record,
            library: RwSignal::new(Vec::new()),
            save: RwSignal::new(idle_state()),
            unreadable: RwSignal::new(Vec::new()),
            vault: RwSignal::new(VaultState::Off),
            notice: RwSignal::new(None),
            conflict: RwSignal::new(None),
            route: RwSignal::new(Route::parse(&browser::dom::hash())),
            report,
            modes,
            kept: RwSignal::new(crate::browser::keep::Kept::Checking),
            key: StoredValue::new_local(None),
            lock: StoredValue::new(None),
            save_seq: StoredValue::new(0),
            versions: StoredValue::new(Versions::default()),
        };
        session.read_storage();
        spawn_local(async move { session.kept.set(crate::browser::keep::persisted().await) });
        session
    }

    /// (Re)reads everything from storage into memory.
    fn read_storage(&self) {
        let mut unreadable = Vec::new();
        let lock = match storage::lock() {
            Ok(lock) => lock,
            Err((raw, e)) => {
                unreadable.push(Unreadable {
                    key: storage::KEY_LOCK.to_owned(),
                    raw,
                    reason: e.message(crate::i18n::lang()),
                });
                None
            }
        };
        self.lock.set_value(lock.clone());
        let mut library = Vec::new();
        for found in storage::all(instrument()) {
            match found.slot {
                storage::Slot::Plain(r) => library.push(r),
                storage::Slot::Sealed(_) if lock.is_some() => {} // opened on unlock
                storage::Slot::Sealed(_) => unreadable.push(Unreadable {
                    raw: storage::read_raw(&found.key).unwrap_or_default(),
                    key: found.key,
                    // Completes "We found data from an earlier visit, but …".
                    reason: t(
                        "it is encrypted, but the passphrase settings needed to open it are missing",
                        "están cifrados, pero falta la configuración de la frase de contraseña necesaria para abrirlos",
                    )
                    .into(),
                }),
                storage::Slot::Unreadable { raw, reason } => unreadable.push(Unreadable {
                    key: found.key,
                    raw,
                    reason: reason.message(),
                }),
            }
        }
        // Small values of ours that will be rewritten by the next save: a
        // copy of anything unreadable is set aside under a key of its own
        // (and the user told) before the original goes, so nothing is lost
        // and nothing is overwritten silently.
        let mut set_aside = |key: &str, raw: String, reason: &str| {
            let copy = storage::quarantine(key, &raw).unwrap_or_else(|| key.to_owned());
            if copy != key {
                storage::remove(key);
            }
            unreadable.push(Unreadable {
                key: copy,
                raw,
                reason: reason.to_owned(),
            });
        };
        if let Err(raw) = storage::current_id() {
            set_aside(
                storage::KEY_CURRENT,
                raw,
                t(
                    "it is not an assessment id",
                    "no son el identificador de una evaluación",
                ),
            );
        }
        if let Some(raw) = storage::read_team() {
            let readable = hr_assessment::roster::TeamStore::from_json(&raw, instrument()).is_some();
            if !readable {
                set_aside(
                    storage::KEY_TEAM,
                    raw,
                    t(
                        "it is not a team view this app can read",
                        "no son una vista de equipo que esta aplicación pueda leer",
                    ),
                );
            }
        }
        if let Some(raw) = storage::read_raw(storage::KEY_SETTINGS) {
            if serde_json::from_str::<storage::Settings>(&raw).is_err() {
                set_aside(
                    storage::KEY_SETTINGS,
                    raw,
                    t(
                        "it is not a set of preferences this app can read",
                        "no son preferencias que esta aplicación pueda leer",
                    ),
                );
            }
        }
        self.unreadable.set(unreadable);
        if lock.is_some() && self.key.with_value(Option::is_none) {
            self.vault.set(VaultState::Locked);
            self.library.set(Vec::new());
            self.record.set(new_record());
            return;
        }
        self.vault.set(if lock.is_some() {
            VaultState::Unlocked
        } else {
            VaultState::Off
        });
        sort_library(&mut library);
        self.library.set(library);
        self.open_last_used();
    }

    /// Opens the assessment marked "last opened", else the newest, else a new one.
    fn open_last_used(&self) {
        let current = storage::current_id().ok().flatten();
        let chosen = self.library.with_untracked(|list| {
            current
                .as_ref()
                .and_then(|id| list.iter().find(|r| &r.id == id))
                .or_else(|| list.first())
                .cloned()
        });
        self.record.set(chosen.unwrap_or_else(new_record));
    }

    /// Changes the open assessment's answers and saves at once.
    pub fn answer(&self, change: impl FnOnce(&mut Responses)) {
        self.record.update(|r| {
            change(&mut r.responses);
            r.updated = browser::now_iso();
        });
        self.persist_open();
    }

    /// Remembers the page the respondent is on, to offer "continue" later.
    pub fn visit(&self, section: &hr_assessment::SectionId) {
        let changed = self.record.with_untracked(|r| r.position.as_ref() != Some(section));
        if changed {
            self.record.update(|r| r.position = Some(section.clone()));
            if self.is_saved_untracked() {
                self.persist_open();
            }
        }
    }

    /// Whether the open assessment is in storage (or has anything worth saving).
    fn is_saved_untracked(&self) -> bool {
        let id = self.record.with_untracked(|r| r.id.clone());
        self.library.with_untracked(|l| l.iter().any(|r| r.id == id))
            || self.record.with_untracked(|r| r.responses != Responses::default())
    }

    /// Whether anything has been answered in the open assessment.
    pub fn has_answers(&self) -> bool {
        self.record.with(|r| r.responses != Responses::default())
    }

    /// Saves the open assessment.
    fn persist_open(&self) {
        let record = self.record.get_untracked();
        self.put(record, true);
    }

    /// Writes a record (encrypting it when unlocked), keeps the library in
    /// step, and, when `open` is set, marks it as last opened and reports
    /// the result in the save status.
    fn put(&self, record: Record, open: bool) {
        if self.library.with_untracked(Vec::is_empty) {
            // The first assessment saved: ask the browser to keep it.
            self.ask_to_keep();
        }
        self.library.update(|list| {
            match list.iter_mut().find(|r| r.id == record.id) {
                Some(slot) => *slot = record.clone(),
                None => list.push(record.clone()),
            }
            sort_library(list);
        });
        let session = *self;
        match self.vault.get_untracked() {
            VaultState::Off => {
                // Never plaintext beside encrypted records (their lock may
                // have been deleted, or never have arrived).
                let result = if storage::holds_sealed() {
                    Err(storage::SaveError::SealedBeside)
                } else {
                    storage::write_plain(&record)
                }
                .and_then(|_| if open { storage::set_current(&record.id) } else { Ok(()) });
                session.report_save(open, result);
            }
            VaultState::Unlocked => {
                let Some(key) = self.key.get_value() else { return };
                let seq = self.save_seq.get_value() + 1;
                self.save_seq.set_value(seq);
                if open {
                    self.save.set(SaveState::Saving);
                }
                let rev = self
                    .versions
                    .with_value(|v| v.next(&record.id, browser::now_ms() as u64));
                spawn_local(async move {
                    let result = match seal_record(&key, &record, rev).await {
                        Err(e) => Err(storage::SaveError::Crypto(e.message())),
                        // A later save has started: it carries this change too.
                        Ok(_) if open && session.save_seq.get_value() != seq => return,
                        // The passphrase was changed meanwhile: the record is
                        // sealed again with the new key, from memory.
                        Ok(_) if !session.key.with_value(|k| k.as_ref().is_some_and(|k| k.is(&key))) => return,
                        // A later save has landed (this tab's or another's):
                        // never put an older revision back over it.
                        Ok(_) if storage::sealed_rev(&record.id).is_some_and(|r| r > rev) => return,
                        Ok(sealed) => storage::write_sealed(&sealed).and_then(|_| {
                            if open {
                                storage::set_current(&record.id)
                            } else {
                                Ok(())
                            }
                        }),
                    };
                    let saved = result.is_ok();
                    session.report_save(open, result);
                    if saved {
                        session.versions.update_value(|v| v.saved(&record.id, rev));
                        session.store_versions(&key).await;
                    }
                });
            }
            // Locked: nothing can be written until the user unlocks.
            VaultState::Locked => {}
        }
    }

    /// Writes the list of versions, sealed. A failure is not reported: the
    /// record it follows is saved, and a record newer than the list is
    /// accepted as current (only an older one is refused), so a missing
    /// update weakens the check for that record and loses nothing.
    async fn store_versions(&self, key: &VaultKey) {
        let versions = self.versions.get_value();
        let _ = write_versions(key, &versions).await;
    }

    fn report_save(&self, open: bool, result: Result<(), storage::SaveError>) {
        match result {
            Ok(()) if open => self.save.set(SaveState::Saved(browser::now_iso())),
            Ok(()) => {}
            Err(e) => self.save.set(SaveState::Failed(e)),
        }
    }

    // ----- The saved assessments -----------------------------------------

    /// Opens a saved assessment.
    pub fn open(&self, id: &str) {
        let Some(record) = self.library.with_untracked(|l| l.iter().find(|r| r.id == id).cloned()) else {
            return;
        };
        self.record.set(record);
        self.save.set(idle_state());
        let _ = storage::set_current(id);
    }

    /// When the interface language changes: the open assessment, if it
    /// still has the name it was given automatically in the old language,
    /// takes the same name in the new one (a name the user chose stays as
    /// it is). Saved again if it was saved; its "last changed" time is not
    /// touched, since nothing the user wrote has changed.
    pub fn follow_language(&self, from: Lang, to: Lang) {
        let renamed = self
            .record
            .with_untracked(|r| (r.name == automatic_name(from, &r.created)).then(|| automatic_name(to, &r.created)));
        let Some(name) = renamed else { return };
        let saved = self.is_saved_untracked();
        self.record.update(|r| r.name = name);
        if saved {
            self.persist_open();
        }
    }

    /// Starts a new, empty assessment (saved with its first answer).
    pub fn start_new(&self) {
        self.record.set(new_record());
        self.save.set(idle_state());
    }

    /// Renames a saved assessment. Names are trimmed and kept short.
    pub fn rename(&self, id: &str, name: &str) -> Result<(), String> {
        let name = name.trim();
        if name.is_empty() {
            return Err(t(
                "Enter a name for this assessment.",
                "Escriba un nombre para esta evaluación.",
            )
            .into());
        }
        let max = hr_assessment::file::MAX_NAME_CHARS;
        if name.chars().count() > max {
            return Err(crate::tf!(
                "Names can be at most {max} characters long.",
                "Los nombres pueden tener {max} caracteres como máximo."
            ));
        }
        // The core's rule for names in files: controls, line separators and
        // the bidirectional overrides that can disguise a name.
        if name.chars().any(hr_assessment::text::is_forbidden_control) {
            return Err(t(
                "Names cannot contain line breaks or other control characters.",
                "Los nombres no pueden contener saltos de línea ni otros caracteres de control.",
            )
            .into());
        }
        let Some(mut record) = self.find(id) else {
            return Err(t("That assessment no longer exists.", "Esa evaluación ya no existe.").into());
        };
        record.name = name.to_owned();
        record.updated = browser::now_iso();
        let is_open = self.record.with_untracked(|r| r.id == id);
        if is_open {
            self.record.set(record.clone());
        }
        self.put(record, is_open);
        Ok(())
    }

    /// Copies a saved assessment under a new name; returns the copy's id.
    pub fn duplicate(&self, id: &str) -> Option<String> {
        let mut copy = self.find(id)?;
        let now = browser::now_iso();
        copy.id = browser::new_id();
        let name = &copy.name;
        copy.name = crate::tf!("Copy of {name}", "Copia de {name}")
            .chars()
            .take(hr_assessment::file::MAX_NAME_CHARS)
            .collect();
        copy.created = now.clone();
        copy.updated = now;
        let new_id = copy.id.clone();
        self.put(copy, false);
        Some(new_id)
    }

    /// Deletes a saved assessment. If it was open, a new one is started.
    pub fn delete(&self, id: &str) {
        storage::delete(id);
        if let Some(key) = self.key.get_value() {
            self.versions.update_value(|v| v.delete(id));
            let session = *self;
            spawn_local(async move { session.store_versions(&key).await });
        }
        self.library.update(|l| l.retain(|r| r.id != id));
        if self.record.with_untracked(|r| r.id == id) {
            self.start_new();
        }
    }

    /// Adds an imported assessment (with a new id) and opens it.
    pub fn add_imported(&self, mut record: Record) {
        record.id = browser::new_id();
        self.record.set(record.clone());
        self.put(record, true);
    }

    /// Adds the assessments of a backup beside those saved (each already
    /// under an id of its own: see `hr_assessment::backup::plan`), sealed
    /// first when a passphrase is set, like every save.
    pub fn restore(&self, records: Vec<Record>) {
        for record in records {
            self.put(record, false);
        }
    }

    /// Asks the browser for persistent storage (not in kiosk mode, where
    /// everything is deleted after each person), and notes its answer.
    pub fn ask_to_keep(&self) {
        use crate::browser::keep::{self, Kept};
        if self.modes.kiosk || self.kept.get_untracked() == Kept::Granted {
            return;
        }
        let kept = self.kept;
        spawn_local(async move { kept.set(keep::persist().await) });
    }

    /// Deletes everything this app stored in this browser, including the
    /// passphrase lock, and starts afresh.
    pub fn wipe_everything(&self) {
        storage::wipe();
        self.key.set_value(None);
        self.lock.set_value(None);
        self.vault.set(VaultState::Off);
        self.library.set(Vec::new());
        self.unreadable.set(Vec::new());
        self.conflict.set(None);
        self.start_new();
    }

    /// Adds or replaces one action of the open assessment's plan and saves.
    pub fn save_action(&self, action: hr_assessment::Action) -> Result<(), String> {
        let mut actions = self.record.with_untracked(|r| r.actions.clone());
        match actions.iter_mut().find(|a| a.id == action.id) {
            Some(slot) => *slot = action,
            None => actions.push(action),
        }
        hr_assessment::record::validate_actions(&actions, instrument()).map_err(|problems| {
            problems
                .iter()
                .map(|p| p.message(crate::i18n::lang()))
                .collect::<Vec<_>>()
                .join(" ")
        })?;
        self.record.update(|r| {
            r.actions = actions;
            r.updated = browser::now_iso();
        });
        self.persist_open();
        Ok(())
    }

    pub fn delete_action(&self, id: &str) {
        self.record.update(|r| {
            r.actions.retain(|a| a.id != id);
            r.updated = browser::now_iso();
        });
        self.persist_open();
    }

    /// Kiosk mode: everything is deleted and the next participant starts
    /// on the start page.
    pub fn kiosk_reset(&self) {
        self.wipe_everything();
        self.notice.set(None);
        browser::dom::go(&Route::Start.href());
    }

    fn find(&self, id: &str) -> Option<Record> {
        self.library.with_untracked(|l| l.iter().find(|r| r.id == id).cloned())
    }

    /// Forgets unreadable data: the user has downloaded it or does not want it.
    pub fn discard_unreadable(&self, key: &str) {
        storage::remove(key);
        self.unreadable.update(|list| list.retain(|u| u.key != key));
    }
}
