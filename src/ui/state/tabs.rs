//! Other tabs: following what another tab of this app changed in storage
//! (the `storage` event), and the conflict when both changed the open
//! assessment.

use super::*;

impl Session {
    /// Follows a change another tab made to storage (the `storage` event).
    /// Nothing is lost silently: if this tab has a change it could not save,
    /// the user is asked which version to keep.
    pub fn storage_changed(&self, key: Option<String>, new_value: Option<String>) {
        let Some(key) = key else {
            // Another tab cleared storage.
            self.key.set_value(None);
            self.read_storage();
            self.notice.set(Some(
                t(
                    "Everything saved in this browser was deleted in another tab.",
                    "Todo lo guardado en este navegador se borró en otra pestaña.",
                )
                .into(),
            ));
            return;
        };
        if key == storage::KEY_LOCK {
            let had_key = self.key.with_value(Option::is_some);
            if new_value.is_some() && !had_key {
                self.key.set_value(None);
                self.read_storage();
                self.notice.set(Some(
                    t(
                        "A passphrase was set in another tab. Enter it to continue.",
                        "Se puso una frase de contraseña en otra pestaña. Escríbala para continuar.",
                    )
                    .into(),
                ));
            } else if new_value.is_none() && had_key {
                self.key.set_value(None);
                self.read_storage();
                self.notice.set(Some(
                    t(
                        "Passphrase protection was switched off in another tab.",
                        "La protección con frase de contraseña se desactivó en otra pestaña.",
                    )
                    .into(),
                ));
            }
            return;
        }
        let Some(id) = key.strip_prefix(storage::ASSESSMENT_PREFIX).map(str::to_owned) else {
            return;
        };
        let open_id = self.record.with_untracked(|r| r.id.clone());
        let Some(raw) = new_value else {
            self.library.update(|l| l.retain(|r| r.id != id));
            if id == open_id {
                self.start_new();
                self.notice.set(Some(
                    t(
                        "The assessment you had open was deleted in another tab.",
                        "La evaluación que tenía abierta se borró en otra pestaña.",
                    )
                    .into(),
                ));
            }
            return;
        };
        let session = *self;
        spawn_local(async move {
            let Some(theirs) = session.read_changed(&raw).await else {
                return;
            };
            if id != open_id {
                session.library.update(|l| {
                    match l.iter_mut().find(|r| r.id == id) {
                        Some(slot) => *slot = theirs.clone(),
                        None => l.push(theirs.clone()),
                    }
                    sort_library(l);
                });
                return;
            }
            if session.record.with_untracked(|r| r == &theirs) {
                return;
            }
            if matches!(session.save.get_untracked(), SaveState::Failed(_)) {
                session.conflict.set(Some(theirs));
            } else {
                session.library.update(|l| {
                    if let Some(slot) = l.iter_mut().find(|r| r.id == id) {
                        *slot = theirs.clone();
                    }
                });
                session.record.set(theirs);
                session.notice.set(Some(
                    t(
                        "Updated with changes made in another tab.",
                        "Se actualizó con cambios hechos en otra pestaña.",
                    )
                    .into(),
                ));
            }
        });
    }

    async fn read_changed(&self, raw: &str) -> Option<Record> {
        match hr_assessment::Stored::from_json(raw, instrument()).ok()? {
            hr_assessment::Stored::Plain(r) => Some(r),
            hr_assessment::Stored::Sealed(s) => {
                let key = self.key.get_value()?;
                open_record(&key, &s, instrument()).await?.ok()
            }
        }
    }

    /// Resolves a conflict with another tab.
    pub fn resolve_conflict(&self, keep_this_tab: bool) {
        let Some(theirs) = self.conflict.get_untracked() else {
            return;
        };
        self.conflict.set(None);
        if keep_this_tab {
            self.persist_open();
        } else {
            self.record.set(theirs);
            self.save.set(idle_state());
        }
    }
}
