//! The app's state, split by capability into small `Copy` handles,
//! provided in context (see [`provide`]) and taken with `use_…()` by the
//! pages that need them:
//!
//! - [`Assessment`] (`assessment.rs`): the open record, its answers,
//!   visits, action plan and save status, and the `Report` computed from it;
//! - [`Library`] (`library.rs`): the saved assessments: reading storage,
//!   opening, renaming, copying, deleting, importing, restoring, wiping;
//! - [`Vault`] (`passphrase.rs`): passphrase protection;
//! - [`TabSync`] (`tabs.rs`): following other tabs, and the conflict when
//!   both changed the open assessment;
//! - [`SetAside`]: data found in storage that could not be read;
//! - [`Shell`]: the page, the status line's notice, the display modes.
//!
//! Every write of a record goes through one private writer, `Store`
//! (`store.rs`), which encrypts first when a passphrase is set and keeps the
//! in-memory list in step. The handles hold arena ids only (signals,
//! `StoredValue`s), so they are `Copy` and cost nothing to pass around.

use crate::browser::{self, storage};
use crate::ui::messages::SetAsideReason;
use crate::ui::route::Route;
use hr_assessment::{Instrument, Lang, Record, Shipped};
use leptos::prelude::*;

mod assessment;
mod library;
mod passphrase;
mod store;
mod tabs;

pub use assessment::Assessment;
pub use library::Library;
pub use passphrase::Vault;
pub use tabs::TabSync;

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
    pub reason: SetAsideReason,
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

/// What the page's frame shows: the current page, the status line's
/// notice, and how the app is presented.
#[derive(Clone, Copy)]
pub struct Shell {
    pub route: RwSignal<Route>,
    /// A short message for the status line ("Imported …", "Updated from another tab").
    pub notice: RwSignal<Option<String>>,
    pub modes: Modes,
}

impl Shell {
    /// The page from the address, no notice, and the given modes.
    pub fn new(modes: Modes) -> Shell {
        Shell {
            route: RwSignal::new(Route::parse(&browser::dom::hash())),
            notice: RwSignal::new(None),
            modes,
        }
    }

    /// Whether the results page is the page on show (tracked).
    pub fn on_results(&self) -> bool {
        self.route.with(|r| matches!(r, Route::Results))
    }

    /// [`Shell::on_results`], untracked.
    pub fn on_results_untracked(&self) -> bool {
        self.route.with_untracked(|r| matches!(r, Route::Results))
    }
}

/// Data found in storage that could not be read: reported, kept for
/// download, and forgotten only when the user says so.
#[derive(Clone, Copy)]
pub struct SetAside {
    pub list: RwSignal<Vec<Unreadable>>,
}

impl SetAside {
    pub fn new() -> SetAside {
        SetAside {
            list: RwSignal::new(Vec::new()),
        }
    }

    /// Forgets unreadable data: the user has downloaded it or does not want it.
    pub fn discard(&self, key: &str) {
        storage::remove(key);
        self.list.update(|list| list.retain(|u| u.key != key));
    }
}

impl Default for SetAside {
    fn default() -> SetAside {
        SetAside::new()
    }
}

/// Every handle, as made once by [`load`].
#[derive(Clone, Copy)]
pub struct Handles {
    pub shell: Shell,
    pub assessment: Assessment,
    pub library: Library,
    pub vault: Vault,
    pub tabs: TabSync,
    pub set_aside: SetAside,
}

/// Reads storage and makes every handle: the assessment last used is open
/// (or a new, unsaved one); with a passphrase set, it starts locked. In
/// kiosk mode, storage is the tab's memory from here on.
pub fn load() -> Handles {
    let modes = Modes::from_address();
    if modes.kiosk {
        storage::use_memory();
    }
    let shell = Shell::new(modes);
    let set_aside = SetAside::new();
    let assessment = Assessment::new(store::Store::new(modes.kiosk));
    let library = Library::new(assessment, set_aside);
    library.read_at_start();
    library.check_kept();
    Handles {
        shell,
        assessment,
        library,
        vault: Vault::new(library, shell),
        tabs: TabSync::new(library, shell),
        set_aside,
    }
}

/// Whether the app must fetch the code that reads stored data before it
/// starts (`crate::start`): the code is not in, and something of this
/// app's is stored (for a kiosk, whose answers are in the tab's memory,
/// empty at start: its exit code check).
pub fn needs_reading() -> bool {
    if crate::ui::on_demand::stored_is_in() {
        return false;
    }
    if Modes::from_address().kiosk {
        storage::read_raw(storage::KEY_KIOSK).is_some()
    } else {
        storage::holds_anything()
    }
}

/// [`load`] (with the assessment the first screen hands over, if any,
/// open: `crate::first`), then the handles provided in context: one value holding
/// them all, so that each `use_…()` below is the same small lookup (one
/// context per handle costs the WebAssembly a lookup per type).
pub fn provide(handed: Option<(Record, Result<Option<String>, storage::SaveError>)>) -> Handles {
    let h = load();
    if let Some((record, saved)) = handed {
        h.assessment.take_over(record, saved);
    }
    provide_context(h);
    h
}

/// Every handle, from context. Pages are only ever rendered inside
/// [`crate::ui::App`], which provides them; a page takes the handles it
/// needs with the `use_…()` functions.
fn handles() -> Handles {
    expect_context()
}

pub fn use_shell() -> Shell {
    handles().shell
}

pub fn use_assessment() -> Assessment {
    handles().assessment
}

pub fn use_library() -> Library {
    handles().library
}

pub fn use_vault() -> Vault {
    handles().vault
}

pub fn use_tabs() -> TabSync {
    handles().tabs
}

pub fn use_set_aside() -> SetAside {
    handles().set_aside
}

/// The instrument this build ships, with its texts in the interface language.
pub fn instrument() -> &'static Instrument {
    Instrument::shipped_in(crate::i18n::lang())
}

/// The same instrument without the texts only the report and reading pages
/// show (sources, locators, the national figures' wording, the domains'
/// summaries, retired statements: `Shipped::shipped_brief_in`), which are
/// empty. The code of the first module and of the `stored` chunk calls this
/// one, never [`instrument`], so that those texts stay in the chunks of the
/// pages that show them (an end-to-end test checks the build).
pub fn brief_instrument() -> &'static Instrument {
    Instrument::shipped_brief_in(crate::i18n::lang())
}

/// A new, empty assessment with its automatic name.
pub fn new_record() -> Record {
    let now = browser::now_iso();
    Record::new(
        brief_instrument(),
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

/// Newest first, then by name: the order of the saved-assessments list.
fn sort_library(list: &mut [Record]) {
    hr_assessment::sort::by(list, |a, b| (&b.updated, &a.name) < (&a.updated, &b.name));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(id: &str, updated: &str, name: &str) -> Record {
        let mut r = Record::new(instrument(), id.into(), name.into(), "2026-01-01T00:00:00.000Z".into());
        r.updated = updated.into();
        r
    }

    #[test]
    fn the_library_lists_newest_first_then_by_name() {
        let mut list = vec![
            record("a", "2026-01-01T00:00:00.000Z", "B"),
            record("b", "2026-03-01T00:00:00.000Z", "Z"),
            record("c", "2026-01-01T00:00:00.000Z", "A"),
        ];
        sort_library(&mut list);
        let ids: Vec<&str> = list.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["b", "c", "a"]);
    }
}
