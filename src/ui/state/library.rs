//! The saved assessments: reading them from storage, opening, renaming,
//! copying, deleting, importing, restoring a backup, deleting everything.

use super::{brief_instrument, new_record, sort_library, Assessment, SetAside, Unreadable, VaultState};
use crate::browser::keep::Kept;
use crate::browser::{self, storage};
use crate::ui::messages::{RenameError, SetAsideReason};
use crate::ui::on_demand::{self, NotLoaded};
use hr_assessment::Record;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The library of saved assessments. `Copy`: arena handles only.
#[derive(Clone, Copy)]
pub struct Library {
    /// The open assessment, which opening, deleting and importing change.
    pub(super) open: Assessment,
    pub(super) aside: SetAside,
}

impl Library {
    pub(super) fn new(open: Assessment, aside: SetAside) -> Library {
        Library { open, aside }
    }

    /// Every readable saved assessment (decrypted when unlocked), newest
    /// first. To read: the methods here change it. (The signal itself, not
    /// a `ReadSignal`, which would take a new arena slot on every call.)
    pub fn records(&self) -> RwSignal<Vec<Record>> {
        self.open.store.list
    }

    /// Whether the browser keeps saved data until the user deletes it.
    pub fn kept(&self) -> RwSignal<Kept> {
        self.open.store.kept
    }

    /// Notes whether the browser already keeps what is saved.
    pub(super) fn check_kept(&self) {
        let kept = self.open.store.kept;
        spawn_local(async move { kept.set(crate::browser::keep::persisted().await) });
    }

    /// Asks the browser for persistent storage (not in kiosk mode, where
    /// everything is deleted after each person), and notes its answer.
    pub fn ask_to_keep(&self) {
        self.open.store.ask_to_keep();
    }

    /// (Re)reads everything from storage into memory ([`Library::read_now`]).
    /// With nothing of this app's in storage, there is nothing to read and
    /// no chunk to fetch; otherwise the reading is code of the `stored`
    /// group's chunk (`on_demand`), fetched if need be. `Err` if it could
    /// not be fetched: then nothing has changed.
    pub(super) async fn read_storage(&self) -> Result<(), NotLoaded> {
        if !storage::holds_anything() {
            self.read_nothing();
            return Ok(());
        }
        on_demand::read_storage(*self).await
    }

    /// [`Library::read_storage`] at start. `crate::start` has fetched the
    /// chunk if anything is stored, so this reads at once; if it has not,
    /// the reading follows when it comes, and until then a save never
    /// puts plain text beside encrypted records (`Store::put`).
    pub(super) fn read_at_start(&self) {
        if !matches!(on_demand::now(self.read_storage()), Some(Ok(()))) {
            let library = *self;
            spawn_local(async move {
                let _ = library.read_storage().await;
            });
        }
    }

    /// What reading an empty storage gives: no lock, nothing saved or set
    /// aside, a new assessment open.
    fn read_nothing(&self) {
        let store = self.open.store;
        store.lock.set_value(None);
        self.aside.list.set(Vec::new());
        store.vault.set(VaultState::Off);
        store.list.set(Vec::new());
        self.open.record.set(new_record());
    }

    /// Reads everything from storage into memory; unreadable data is
    /// reported, never overwritten. With a passphrase set and no key in
    /// this tab, the library stays empty (locked). Code of the `stored`
    /// group's chunk: called through [`Library::read_storage`].
    pub(crate) fn read_now(&self) {
        let store = self.open.store;
        let mut unreadable = Vec::new();
        let lock = match storage::lock() {
            Ok(lock) => lock,
            Err((raw, e)) => {
                unreadable.push(Unreadable {
                    key: storage::KEY_LOCK.to_owned(),
                    raw,
                    reason: SetAsideReason::Record(e),
                });
                None
            }
        };
        store.lock.set_value(lock.clone());
        let mut library = Vec::new();
        for found in storage::all(brief_instrument()) {
            match found.slot {
                storage::Slot::Plain(r) => library.push(r),
                storage::Slot::Sealed(_) if lock.is_some() => {} // opened on unlock
                storage::Slot::Sealed(_) => unreadable.push(Unreadable {
                    raw: storage::read_raw(&found.key).unwrap_or_default(),
                    key: found.key,
                    reason: SetAsideReason::SealedWithoutLock,
                }),
                storage::Slot::Unreadable { raw, reason } => unreadable.push(Unreadable {
                    key: found.key,
                    raw,
                    reason: SetAsideReason::Stored(reason),
                }),
            }
        }
        // Small values of ours that will be rewritten by the next save: a
        // copy of anything unreadable is set aside under a key of its own
        // (and the user told) before the original goes, so nothing is lost
        // and nothing is overwritten silently.
        let mut set_aside = |key: &str, raw: String, reason: SetAsideReason| {
            let copy = storage::quarantine(key, &raw).unwrap_or_else(|| key.to_owned());
            if copy != key {
                storage::remove(key);
            }
            unreadable.push(Unreadable { key: copy, raw, reason });
        };
        if let Err(raw) = storage::current_id() {
            set_aside(storage::KEY_CURRENT, raw, SetAsideReason::NotAnId);
        }
        if let Some(raw) = storage::read_team() {
            let readable = hr_assessment::roster::TeamStore::from_json(&raw, brief_instrument()).is_some();
            if !readable {
                set_aside(storage::KEY_TEAM, raw, SetAsideReason::NotATeam);
            }
        }
        if let Some(raw) = storage::read_raw(storage::KEY_SETTINGS) {
            if serde_json::from_str::<storage::Settings>(&raw).is_err() {
                set_aside(storage::KEY_SETTINGS, raw, SetAsideReason::NotSettings);
            }
        }
        self.aside.list.set(unreadable);
        if lock.is_some() && store.key.with_value(Option::is_none) {
            store.vault.set(VaultState::Locked);
            store.list.set(Vec::new());
            self.open.record.set(new_record());
            return;
        }
        store.vault.set(if lock.is_some() {
            VaultState::Unlocked
        } else {
            VaultState::Off
        });
        sort_library(&mut library);
        store.list.set(library);
        self.open_last_used();
    }

    /// Opens the assessment marked "last opened", else the newest, else a new one.
    pub(super) fn open_last_used(&self) {
        let current = storage::current_id().ok().flatten();
        let chosen = self.open.store.list.with_untracked(|list| {
            current
                .as_ref()
                .and_then(|id| list.iter().find(|r| &r.id == id))
                .or_else(|| list.first())
                .cloned()
        });
        self.open.record.set(chosen.unwrap_or_else(new_record));
    }

    /// Opens a saved assessment.
    pub fn open(&self, id: &str) {
        let Some(record) = self.open.store.find(id) else {
            return;
        };
        self.open.show(record);
        let _ = storage::set_current(id);
    }

    /// Renames a saved assessment, by the core's rule for names (trimmed,
    /// kept short, no control characters).
    pub fn rename(&self, id: &str, name: &str) -> Result<(), RenameError> {
        let name = hr_assessment::file::check_name(name).map_err(RenameError::Name)?;
        let Some(mut record) = self.open.store.find(id) else {
            return Err(RenameError::Gone);
        };
        record.name = name.to_owned();
        record.updated = browser::now_iso();
        let is_open = self.open.record.with_untracked(|r| r.id == id);
        if is_open {
            self.open.record.set(record.clone());
        }
        self.open.store.put(record, is_open);
        Ok(())
    }

    /// Copies a saved assessment under a new name; returns the copy's id.
    pub fn duplicate(&self, id: &str) -> Option<String> {
        let mut copy = self.open.store.find(id)?;
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
        self.open.store.put(copy, false);
        Some(new_id)
    }

    /// Deletes a saved assessment. If it was open, a new one is started.
    pub fn delete(&self, id: &str) {
        let store = self.open.store;
        storage::delete(id);
        if let Some(key) = store.key.get_value() {
            store.versions.update_value(|v| v.delete(id));
            spawn_local(async move { store.store_versions(&key).await });
        }
        store.list.update(|l| l.retain(|r| r.id != id));
        if self.open.record.with_untracked(|r| r.id == id) {
            self.open.start_new();
        }
    }

    /// Adds an imported assessment (with a new id) and opens it.
    pub fn add_imported(&self, mut record: Record) {
        record.id = browser::new_id();
        self.open.record.set(record.clone());
        self.open.store.put(record, true);
    }

    /// Adds the assessments of a backup beside those saved (each already
    /// under an id of its own: see `hr_assessment::backup::plan`), sealed
    /// first when a passphrase is set, like every save.
    pub fn restore(&self, records: Vec<Record>) {
        for record in records {
            self.open.store.put(record, false);
        }
    }

    /// Deletes everything this app stored in this browser, including the
    /// passphrase lock, and starts afresh.
    pub fn wipe_everything(&self) {
        let store = self.open.store;
        storage::wipe();
        store.key.set_value(None);
        store.lock.set_value(None);
        store.vault.set(VaultState::Off);
        store.list.set(Vec::new());
        self.aside.list.set(Vec::new());
        self.open.conflict.set(None);
        self.open.start_new();
    }
}
