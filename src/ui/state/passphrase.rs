//! Passphrase protection, as the session does it: switching it on, unlocking
//! (every record checked against the list of versions), changing the
//! passphrase without a moment in plaintext, locking, switching it off.

use super::*;

impl Session {
    /// Turns protection on: derives a key, writes the lock, then re-saves
    /// every assessment encrypted. (The lock is written first, so a tab that
    /// closes half-way leaves plain records beside it, which still load.)
    pub async fn set_passphrase(&self, passphrase: &str) -> Result<(), String> {
        let (lock, key) = new_lock(passphrase).await?;
        storage::write_lock(&lock).map_err(|e| e.message())?;
        self.lock.set_value(Some(lock));
        self.key.set_value(Some(key));
        self.versions.set_value(Versions::default());
        self.vault.set(VaultState::Unlocked);
        self.reseal_all();
        Ok(())
    }

    /// Tries a passphrase. Wrong: a clear error and nothing changes.
    /// Right: every record that opens is checked against the list of
    /// versions; an older copy, or a deleted assessment put back, is set
    /// aside as unreadable (with the reason), never shown.
    pub async fn unlock(&self, passphrase: &str) -> Result<(), String> {
        let Some(lock) = self.lock.get_value() else {
            return Ok(());
        };
        let key = open_lock(&lock, passphrase)
            .await
            .map_err(|e| e.unwrap_or_else(wrong_passphrase))?;
        let mut library = Vec::new();
        let mut plain = 0;
        let mut unreadable = self.unreadable.get_untracked();
        let stored_versions = read_versions(&key).await;
        let list_damaged = matches!(stored_versions, StoredVersions::Damaged);
        let list_missing = matches!(stored_versions, StoredVersions::Missing);
        let mut versions = match stored_versions {
            StoredVersions::Found(v) => v,
            StoredVersions::Missing | StoredVersions::Damaged => Versions::default(),
        };
        let mut revised = false;
        for found in storage::all(instrument()) {
            let set_aside = |reason: &str| Unreadable {
                key: found.key.clone(),
                raw: storage::read_raw(&found.key).unwrap_or_default(),
                reason: reason.to_owned(),
            };
            match found.slot {
                storage::Slot::Plain(r) => {
                    plain += 1;
                    library.push(r);
                }
                storage::Slot::Sealed(s) => {
                    revised |= s.rev > 0;
                    match open_record(&key, &s, instrument()).await {
                        Some(Ok(r)) => match versions.verdict(&s.id, s.rev) {
                            Verdict::Current => {
                                versions.saved(&s.id, s.rev);
                                library.push(r);
                            }
                            // Completes "We found data from an earlier visit, but …".
                            Verdict::Older { .. } => unreadable.push(set_aside(t(
                                "it is an older copy of an assessment than the one last saved here, so it may have been put back from a copy: it is not shown",
                                "son una copia de una evaluación más antigua que la última guardada aquí, así que puede que se hayan puesto de nuevo desde una copia: no se muestran",
                            ))),
                            Verdict::Deleted => unreadable.push(set_aside(t(
                                "it is an assessment that was deleted here and has been put back: it is not shown",
                                "son una evaluación que se borró aquí y se ha vuelto a poner: no se muestran",
                            ))),
                        },
                        Some(Err(e)) => unreadable.push(set_aside(&e.message(crate::i18n::lang()))),
                        None => unreadable.push(set_aside(t(
                            "it does not open with this passphrase: it may be damaged, or have been moved here from another place in storage",
                            "no se abren con esta frase de contraseña: puede que estén dañados o que se hayan movido aquí desde otro lugar del almacenamiento",
                        ))),
                    }
                }
                storage::Slot::Unreadable { .. } => {}
            }
        }
        self.key.set_value(Some(key));
        self.versions.set_value(versions);
        self.vault.set(VaultState::Unlocked);
        self.unreadable.set(unreadable);
        sort_library(&mut library);
        self.library.set(library);
        self.open_last_used();
        self.save.set(idle_state());
        // Plain records beside the sealed ones (a tab closed while
        // protection was being switched on, or put there by someone else)
        // get sealed now, and the user is told.
        if plain > 0 {
            self.notice.set(Some(crate::tf!(
                "{plain} unencrypted saved assessment(s) were found beside your encrypted ones. They are now encrypted too; if you did not save them here, check them in your saved assessments.",
                "Se encontraron {plain} evaluación(es) guardada(s) sin cifrar junto a las cifradas. Ahora también están cifradas; si usted no las guardó aquí, revíselas en sus evaluaciones guardadas."
            )));
        } else if list_damaged || (list_missing && revised) {
            // Records with revisions were saved with a list beside them.
            self.notice.set(Some(
                t(
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
    pub async fn change_passphrase(&self, current: &str, new: &str) -> Result<usize, String> {
        let Some(lock) = self.lock.get_value() else {
            return Err(wrong_passphrase());
        };
        open_lock(&lock, current)
            .await
            .map_err(|e| e.unwrap_or_else(wrong_passphrase))?;
        let (lock, key) = new_lock(new).await?;
        let mut sealed = Vec::new();
        let mut versions = self.versions.get_value();
        for record in self.library.get_untracked() {
            let rev = versions.next(&record.id, browser::now_ms() as u64);
            sealed.push(seal_record(&key, &record, rev).await.map_err(|e| e.message())?);
            versions.saved(&record.id, rev);
        }
        // Saves started with the old key must not land after this.
        self.save_seq.update_value(|n| *n += 1);
        for s in &sealed {
            storage::write_sealed(s).map_err(|e| e.message())?;
        }
        storage::write_lock(&lock).map_err(|e| e.message())?;
        self.lock.set_value(Some(lock));
        self.key.set_value(Some(key.clone()));
        self.versions.set_value(versions);
        // The list of versions, sealed with the new key (the old list does
        // not open with it, so there is nothing to merge).
        storage::remove_versions();
        self.store_versions(&key).await;
        Ok(self.unreadable.with_untracked(Vec::len))
    }

    /// Forgets the key: the assessments stay encrypted until unlocked again.
    pub fn lock_now(&self) {
        self.key.set_value(None);
        self.versions.set_value(Versions::default());
        self.library.set(Vec::new());
        self.record.set(new_record());
        self.vault.set(VaultState::Locked);
        self.save.set(idle_state());
    }

    /// Turns protection off: every assessment is saved plain again, then the
    /// lock is removed.
    pub fn remove_passphrase(&self) -> Result<(), String> {
        let list = self.library.get_untracked();
        for record in &list {
            storage::write_plain(record).map_err(|e| e.message())?;
        }
        storage::remove_lock();
        storage::remove_versions();
        self.key.set_value(None);
        self.versions.set_value(Versions::default());
        self.lock.set_value(None);
        self.vault.set(VaultState::Off);
        Ok(())
    }

    fn reseal_all(&self) {
        let open_id = self.record.with_untracked(|r| r.id.clone());
        for record in self.library.get_untracked() {
            let open = record.id == open_id;
            self.put(record, open);
        }
    }
}
