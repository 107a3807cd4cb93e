//! The open assessment: its answers, the page last visited, its action
//! plan and its save status. The report computed from it is not here: the
//! pages that show it compute it (`ui::results`, `ui::plan`), so the
//! scoring code is in their chunk, not in the first module.

use super::store::Store;
use super::{automatic_name, brief_instrument, idle_state, new_record, SaveState};
use crate::browser;
use hr_assessment::record::PlanProblem;
use hr_assessment::{Lang, Record, Responses};
use leptos::prelude::*;

/// The open record and its saving. `Copy`: arena handles only.
#[derive(Clone, Copy)]
pub struct Assessment {
    /// The open assessment.
    pub record: RwSignal<Record>,
    /// Another tab's version of the open assessment, when this tab has
    /// changes it could not save: the user chooses (see [`super::TabSync`]).
    pub conflict: RwSignal<Option<Record>>,
    pub(super) store: Store,
}

impl Assessment {
    /// A new, unsaved assessment, saved through `store`.
    pub(super) fn new(store: Store) -> Assessment {
        let record = RwSignal::new(new_record());
        Assessment {
            record,
            conflict: RwSignal::new(None),
            store,
        }
    }

    /// How the last save of the open assessment went.
    pub fn save_state(&self) -> RwSignal<SaveState> {
        self.store.save
    }

    /// Changes the open assessment's answers and saves at once.
    pub fn answer(&self, change: impl FnOnce(&mut Responses)) {
        self.record.update(|r| {
            change(&mut r.responses);
            r.updated = browser::now_iso();
        });
        self.persist();
    }

    /// Remembers the page the respondent is on, to offer "continue" later.
    pub fn visit(&self, section: &hr_assessment::SectionId) {
        let changed = self.record.with_untracked(|r| r.position.as_ref() != Some(section));
        if changed {
            self.record.update(|r| r.position = Some(section.clone()));
            if self.is_saved_untracked() {
                self.persist();
            }
        }
    }

    /// Whether the open assessment is in storage (or has anything worth saving).
    fn is_saved_untracked(&self) -> bool {
        let id = self.record.with_untracked(|r| r.id.clone());
        self.store.list.with_untracked(|l| l.iter().any(|r| r.id == id))
            || self.record.with_untracked(|r| r.responses != Responses::default())
    }

    /// Whether anything has been answered in the open assessment.
    pub fn has_answers(&self) -> bool {
        self.record.with(|r| r.responses != Responses::default())
    }

    /// Saves the open assessment.
    pub(super) fn persist(&self) {
        let record = self.record.get_untracked();
        self.store.put(record, true);
    }

    /// Opens a record (saved or not) with a fresh save status.
    pub(super) fn show(&self, record: Record) {
        self.record.set(record);
        self.store.save.set(idle_state());
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
            self.persist();
        }
    }

    /// Opens the assessment the first screen hands over (`crate::first`),
    /// with how its last save went: saved at a time, never saved, or
    /// failed. With a passphrase set meanwhile (in another tab) and this
    /// tab locked, it stays closed, as every record does.
    pub(super) fn take_over(&self, record: Record, saved: Result<Option<String>, crate::browser::storage::SaveError>) {
        if self.store.vault.get_untracked() == super::VaultState::Locked {
            return;
        }
        self.record.set(record);
        self.store.save.set(match saved {
            Ok(Some(at)) => SaveState::Saved(at),
            Ok(None) => idle_state(),
            Err(e) => SaveState::Failed(e),
        });
    }

    /// Starts a new, empty assessment (saved with its first answer).
    pub fn start_new(&self) {
        self.show(new_record());
    }

    /// Adds or replaces one action of the open assessment's plan and saves;
    /// refused, with the core's problems, if the plan would break its rules.
    pub fn save_action(&self, action: hr_assessment::Action) -> Result<(), Vec<PlanProblem>> {
        let mut actions = self.record.with_untracked(|r| r.actions.clone());
        match actions.iter_mut().find(|a| a.id == action.id) {
            Some(slot) => *slot = action,
            None => actions.push(action),
        }
        hr_assessment::record::validate_actions(&actions, brief_instrument())?;
        self.record.update(|r| {
            r.actions = actions;
            r.updated = browser::now_iso();
        });
        self.persist();
        Ok(())
    }

    pub fn delete_action(&self, id: &str) {
        self.record.update(|r| {
            r.actions.retain(|a| a.id != id);
            r.updated = browser::now_iso();
        });
        self.persist();
    }
}
