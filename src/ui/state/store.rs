//! The one writer of records: each record written (sealed first when a
//! passphrase is set), the saved list in memory kept in step, the save
//! status reported for the open assessment. Private to the state module;
//! the handles share it.

use super::{idle_state, sort_library, SaveState, VaultState};
use crate::browser::crypto::{CryptoError, VaultKey};
use crate::browser::keep::{self, Kept};
use crate::browser::{self, storage};
use crate::ui::on_demand;
use hr_assessment::versions::Versions;
use hr_assessment::{Lock, Record};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// What writing needs: the saved list, the save status, and the vault's
/// state and key material (the [`super::Vault`] handle changes them).
#[derive(Clone, Copy)]
pub(super) struct Store {
    /// Every readable saved assessment (decrypted when unlocked), newest first.
    pub(super) list: RwSignal<Vec<Record>>,
    pub(super) save: RwSignal<SaveState>,
    pub(super) vault: RwSignal<VaultState>,
    /// Whether the browser keeps saved data until the user deletes it.
    pub(super) kept: RwSignal<Kept>,
    pub(super) key: StoredValue<Option<VaultKey>, LocalStorage>,
    pub(super) lock: StoredValue<Option<Lock>>,
    /// Orders asynchronous (encrypted) saves: only the latest may write.
    pub(super) save_seq: StoredValue<u64>,
    /// When unlocked: the latest revision of each encrypted record
    /// (`hr_assessment::versions`), kept sealed in storage too.
    pub(super) versions: StoredValue<Versions>,
    /// Kiosk mode: the browser is never asked to keep anything.
    kiosk: bool,
}

impl Store {
    pub(super) fn new(kiosk: bool) -> Store {
        Store {
            list: RwSignal::new(Vec::new()),
            save: RwSignal::new(idle_state()),
            vault: RwSignal::new(VaultState::Off),
            kept: RwSignal::new(Kept::Checking),
            key: StoredValue::new_local(None),
            lock: StoredValue::new(None),
            save_seq: StoredValue::new(0),
            versions: StoredValue::new(Versions::default()),
            kiosk,
        }
    }

    /// A saved record by id.
    pub(super) fn find(&self, id: &str) -> Option<Record> {
        self.list.with_untracked(|l| l.iter().find(|r| r.id == id).cloned())
    }

    /// Writes a record (encrypting it when unlocked), keeps the library in
    /// step, and, when `open` is set, marks it as last opened and reports
    /// the result in the save status.
    pub(super) fn put(&self, record: Record, open: bool) {
        if self.list.with_untracked(Vec::is_empty) {
            // The first assessment saved: ask the browser to keep it.
            self.ask_to_keep();
        }
        self.list.update(|list| {
            match list.iter_mut().find(|r| r.id == record.id) {
                Some(slot) => *slot = record.clone(),
                None => list.push(record.clone()),
            }
            sort_library(list);
        });
        let store = *self;
        match self.vault.get_untracked() {
            VaultState::Off => {
                // Never plaintext beside encrypted records (their lock may
                // have been deleted, or never have arrived). Before the code
                // that reads records is fetched (a first visit), their text
                // tells, erring towards "encrypted".
                let sealed = on_demand::holds_sealed_now().unwrap_or_else(storage::may_hold_sealed);
                store.report_save(open, storage::write_plain_unless_sealed(&record, sealed, open));
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
                    let sealing = on_demand::seal_record(key.clone(), record.clone(), rev).await;
                    // The revision stored now (read after the sealing, with
                    // nothing awaited between the checks below and the write).
                    let stored_rev = on_demand::sealed_rev(record.id.clone()).await;
                    let result = match sealing {
                        Err(e) => Err(storage::SaveError::Crypto(e)),
                        // A later save has started: it carries this change too.
                        Ok(_) if open && store.save_seq.get_value() != seq => return,
                        // The passphrase was changed meanwhile: the record is
                        // sealed again with the new key, from memory.
                        Ok(_) if !store.key.with_value(|k| k.as_ref().is_some_and(|k| k.is(&key))) => return,
                        // A later save has landed (this tab's or another's):
                        // never put an older revision back over it.
                        Ok(_) if stored_rev.as_ref().is_ok_and(|r| r.is_some_and(|r| r > rev)) => return,
                        Ok(_) if stored_rev.is_err() => Err(storage::SaveError::Crypto(CryptoError::NotLoaded)),
                        Ok(sealed) => storage::write_sealed(&sealed).and_then(|_| {
                            if open {
                                storage::set_current(&record.id)
                            } else {
                                Ok(())
                            }
                        }),
                    };
                    let saved = result.is_ok();
                    store.report_save(open, result);
                    if saved {
                        store.versions.update_value(|v| v.saved(&record.id, rev));
                        store.store_versions(&key).await;
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
    pub(super) async fn store_versions(&self, key: &VaultKey) {
        let versions = self.versions.get_value();
        let _ = on_demand::write_versions(key.clone(), versions).await;
    }

    fn report_save(&self, open: bool, result: Result<(), storage::SaveError>) {
        match result {
            Ok(()) if open => self.save.set(SaveState::Saved(browser::now_iso())),
            Ok(()) => {}
            Err(e) => self.save.set(SaveState::Failed(e)),
        }
    }

    /// Asks the browser for persistent storage (not in kiosk mode, where
    /// everything is deleted after each person), and notes its answer.
    pub(super) fn ask_to_keep(&self) {
        if self.kiosk || self.kept.get_untracked() == Kept::Granted {
            return;
        }
        let kept = self.kept;
        spawn_local(async move { kept.set(keep::persist().await) });
    }

    /// Saves every record again (sealed with the current key, or plain),
    /// the open one (`open_id`) reporting in the save status.
    pub(super) fn reseal_all(&self, open_id: &str) {
        for record in self.list.get_untracked() {
            let open = record.id == open_id;
            self.put(record, open);
        }
    }
}
