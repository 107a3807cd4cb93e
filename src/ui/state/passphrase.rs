//! Passphrase protection: switching it on, unlocking (every record checked
//! against the list of versions), changing the passphrase without a moment
//! in plaintext, locking, switching it off.

use super::{brief_instrument, idle_state, new_record, sort_library, Library, Shell, Unreadable, VaultState};
use crate::browser::{self, storage};
use crate::i18n::t;
use crate::ui::messages::{SetAsideReason, VaultError};
use crate::ui::vault::{new_lock, open_lock, open_record, read_versions, seal_record, StoredVersions};
use hr_assessment::versions::{Verdict, Versions};
use leptos::prelude::*;

/// The passphrase lock. `Copy`: arena handles only.
#[derive(Clone, Copy)]
pub struct Vault {
    /// The saved assessments it opens, seals and locks.
    library: Library,
    /// Where unlocking says what it found.
    shell: Shell,
}

impl Vault {
    pub(super) fn new(library: Library, shell: Shell) -> Vault {
        Vault { library, shell }
    }

    /// Off, locked or unlocked. To read: the methods here change it.
    pub fn state(&self) -> RwSignal<VaultState> {
        self.library.open.store.vault
    }

    /// Turns protection on: derives a key, writes the lock, then re-saves
    /// every assessment encrypted. (The lock is written first, so a tab that
    /// closes half-way leaves plain records beside it, which still load.)
    pub async fn set_passphrase(&self, passphrase: &str) -> Result<(), VaultError> {
        let store = self.library.open.store;
        let (lock, key) = new_lock(passphrase).await.map_err(VaultError::Crypto)?;
        storage::write_lock(&lock).map_err(VaultError::Save)?;
        store.lock.set_value(Some(lock));
        store.key.set_value(Some(key));
        store.versions.set_value(Versions::default());
        store.vault.set(VaultState::Unlocked);
        self.reseal_all();
        Ok(())
    }

    /// Tries a passphrase. Wrong: a clear error and nothing changes.
    /// Right: every record that opens is checked against the list of
    /// versions; an older copy, or a deleted assessment put back, is set
    /// aside as unreadable (with the reason), never shown.
    pub async fn unlock(&self, passphrase: &str) -> Result<(), VaultError> {
        let store = self.library.open.store;
        let Some(lock) = store.lock.get_value() else {
            return Ok(());
        };
        let key = open_lock(&lock, passphrase).await?;
        let mut library = Vec::new();
        let mut plain = 0;
        let mut unreadable = self.library.aside.list.get_untracked();
        let stored_versions = read_versions(&key).await;
        let list_damaged = matches!(stored_versions, StoredVersions::Damaged);
        let list_missing = matches!(stored_versions, StoredVersions::Missing);
        let mut versions = match stored_versions {
            StoredVersions::Found(v) => v,
            StoredVersions::Missing | StoredVersions::Damaged => Versions::default(),
        };
        let mut revised = false;
        for found in storage::all(brief_instrument()) {
            let set_aside = |reason| Unreadable {
                key: found.key.clone(),
                raw: storage::read_raw(&found.key).unwrap_or_default(),
                reason,
            };
            match found.slot {
                storage::Slot::Plain(r) => {
                    plain += 1;
                    library.push(r);
                }
                storage::Slot::Sealed(s) => {
                    revised |= s.rev > 0;
                    match open_record(&key, &s, brief_instrument()).await {
                        Some(Ok(r)) => match versions.verdict(&s.id, s.rev) {
                            Verdict::Current => {
                                versions.saved(&s.id, s.rev);
                                library.push(r);
                            }
                            Verdict::Older { .. } => unreadable.push(set_aside(SetAsideReason::OlderCopy)),
                            Verdict::Deleted => unreadable.push(set_aside(SetAsideReason::PutBack)),
                        },
                        Some(Err(e)) => unreadable.push(set_aside(SetAsideReason::Record(e))),
                        None => unreadable.push(set_aside(SetAsideReason::DoesNotOpen)),
                    }
                }
                storage::Slot::Unreadable { .. } => {}
            }
        }
        store.key.set_value(Some(key));
        store.versions.set_value(versions);
        store.vault.set(VaultState::Unlocked);
        self.library.aside.list.set(unreadable);
        sort_library(&mut library);
        store.list.set(library);
        self.library.open_last_used();
        store.save.set(idle_state());
        // Plain records beside the sealed ones (a tab closed while
        // protection was being switched on, or put there by someone else)
        // get sealed now, and the user is told.
        if plain > 0 {
            self.shell.notice.set(Some(crate::tf!(
                "{plain} unencrypted saved assessment(s) were found beside your encrypted ones. They are now encrypted too; if you did not save them here, check them in your saved assessments.",
                "Se encontraron {plain} evaluación(es) guardada(s) sin cifrar junto a las cifradas. Ahora también están cifradas; si usted no las guardó aquí, revíselas en sus evaluaciones guardadas."
            )));
        } else if list_damaged || (list_missing && revised) {
            // Records with revisions were saved with a list beside them.
            self.shell.notice.set(Some(
                t!(
                    "The list that tells the latest copy of each encrypted assessment from an older one was missing or could not be read, so an older copy put back in place of a newer one could not be detected this time. A new list has been started.",
                    "Faltaba o no se pudo leer la lista que distingue la última copia de cada evaluación cifrada de una más antigua, así que esta vez no se pudo detectar una copia antigua puesta en lugar de una más nueva. Se ha empezado una lista nueva.",
                )
                .into(),
            ));
        }
        self.reseal_all();
        Ok(())
    }

    /// Changes the passphrase without a moment in plaintext: every saved
    /// assessment is encrypted again with the new key in memory first, then
    /// all of them and the new lock are written in one go (no wait between
    /// the writes). Returns how many copies of unreadable data were left as
    /// they were (they cannot be read, so they cannot be encrypted again).
    pub async fn change_passphrase(&self, current: &str, new: &str) -> Result<usize, VaultError> {
        let store = self.library.open.store;
        let Some(lock) = store.lock.get_value() else {
            return Err(VaultError::WrongPassphrase);
        };
        open_lock(&lock, current).await?;
        let (lock, key) = new_lock(new).await.map_err(VaultError::Crypto)?;
        let mut sealed = Vec::new();
        let mut versions = store.versions.get_value();
        for record in store.list.get_untracked() {
            let rev = versions.next(&record.id, browser::now_ms() as u64);
            sealed.push(seal_record(&key, &record, rev).await.map_err(VaultError::Crypto)?);
            versions.saved(&record.id, rev);
        }
        // Saves started with the old key must not land after this.
        store.save_seq.update_value(|n| *n += 1);
        for s in &sealed {
            storage::write_sealed(s).map_err(VaultError::Save)?;
        }
        storage::write_lock(&lock).map_err(VaultError::Save)?;
        store.lock.set_value(Some(lock));
        store.key.set_value(Some(key.clone()));
        store.versions.set_value(versions);
        // The list of versions, sealed with the new key (the old list does
        // not open with it, so there is nothing to merge).
        storage::remove_versions();
        store.store_versions(&key).await;
        Ok(self.library.aside.list.with_untracked(Vec::len))
    }

    /// Forgets the key: the assessments stay encrypted until unlocked again.
    pub fn lock_now(&self) {
        let store = self.library.open.store;
        store.key.set_value(None);
        store.versions.set_value(Versions::default());
        store.list.set(Vec::new());
        self.library.open.record.set(new_record());
        store.vault.set(VaultState::Locked);
        store.save.set(idle_state());
    }

    /// Turns protection off: every assessment is saved plain again, then the
    /// lock is removed.
    pub fn remove_passphrase(&self) -> Result<(), VaultError> {
        let store = self.library.open.store;
        let list = store.list.get_untracked();
        for record in &list {
            storage::write_plain(record).map_err(VaultError::Save)?;
        }
        storage::remove_lock();
        storage::remove_versions();
        store.key.set_value(None);
        store.versions.set_value(Versions::default());
        store.lock.set_value(None);
        store.vault.set(VaultState::Off);
        Ok(())
    }

    fn reseal_all(&self) {
        let open_id = self.library.open.record.with_untracked(|r| r.id.clone());
        self.library.open.store.reseal_all(&open_id);
    }
}
