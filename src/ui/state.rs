//! The app's state: the assessment being taken, its save status, the current
//! page, and the report computed from the answers. Shared through context as
//! one typed struct; every change to answers goes through [`Session::answer`],
//! which saves.

use crate::browser::{self, storage};
use crate::ui::route::Route;
use hr_assessment::{assess, Instrument, Record, Report, Responses, SectionId};
use leptos::prelude::*;

/// How the last save went.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveState {
    /// Nothing changed since the page loaded.
    Idle,
    /// Saved on this device at this ISO time.
    Saved(String),
    /// Not saved; the message says why and what to do.
    Failed(storage::SaveError),
}

/// Data found in storage that could not be read, kept for download.
#[derive(Clone, Debug, PartialEq)]
pub struct Unreadable {
    pub key: String,
    pub raw: String,
    pub reason: String,
}

/// Everything pages share. All fields are signals: `Session` is `Copy`.
#[derive(Clone, Copy)]
pub struct Session {
    pub record: RwSignal<Record>,
    pub save: RwSignal<SaveState>,
    pub unreadable: RwSignal<Option<Unreadable>>,
    pub route: RwSignal<Route>,
    /// The results, recomputed by the core whenever the answers change.
    pub report: Memo<Report>,
}

/// The instrument this build ships.
pub fn instrument() -> &'static Instrument {
    Instrument::shipped()
}

impl Session {
    /// Loads the assessment in progress, or starts a new one in memory (it
    /// is written to storage with the first answer).
    pub fn load() -> Session {
        let (record, unreadable) = match storage::load_current(instrument()) {
            storage::Loaded::Record(r) => (r, None),
            storage::Loaded::Nothing => (new_record(), None),
            storage::Loaded::Unreadable { key, raw, reason } => (new_record(), Some(Unreadable { key, raw, reason })),
        };
        let save = if storage::available() {
            SaveState::Idle
        } else {
            SaveState::Failed(storage::SaveError::Unavailable)
        };
        let record = RwSignal::new(record);
        let report = Memo::new(move |_| record.with(|r| assess(instrument(), &r.responses)));
        Session {
            record,
            save: RwSignal::new(save),
            unreadable: RwSignal::new(unreadable),
            route: RwSignal::new(Route::parse(&browser::dom::hash())),
            report,
        }
    }

    /// Changes the answers and saves at once.
    pub fn answer(&self, change: impl FnOnce(&mut Responses)) {
        self.record.update(|r| {
            change(&mut r.responses);
            r.updated = browser::now_iso();
        });
        self.persist();
    }

    /// Remembers the page the respondent is on, to offer "continue" later.
    pub fn visit(&self, section: &SectionId) {
        let changed = self.record.with_untracked(|r| r.position.as_ref() != Some(section));
        if changed {
            self.record.update(|r| r.position = Some(section.clone()));
            if self.record.with_untracked(|r| r.responses != Responses::default()) {
                self.persist();
            }
        }
    }

    /// Deletes the assessment in progress and starts an empty one.
    pub fn start_again(&self) {
        let old = self.record.with_untracked(|r| r.id.clone());
        storage::delete(&old);
        self.record.set(new_record());
        self.save.set(if storage::available() {
            SaveState::Idle
        } else {
            SaveState::Failed(storage::SaveError::Unavailable)
        });
    }

    /// Whether anything has been answered.
    pub fn has_answers(&self) -> bool {
        self.record.with(|r| r.responses != Responses::default())
    }

    fn persist(&self) {
        let result = self.record.with_untracked(storage::save);
        self.save.set(match result {
            Ok(()) => SaveState::Saved(browser::now_iso()),
            Err(e) => SaveState::Failed(e),
        });
    }
}

fn new_record() -> Record {
    Record::new(
        instrument(),
        browser::new_id(),
        format!("Assessment of {}", browser::today_label()),
        browser::now_iso(),
    )
}

/// The session from context. Pages are only ever rendered inside [`crate::ui::App`],
/// which provides it.
pub fn session() -> Session {
    expect_context::<Session>()
}
