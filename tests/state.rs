//! The state's handles, each on its own, in headless Chromium
//! (wasm-bindgen-test): what each one writes to storage and keeps in memory.
#![cfg(target_arch = "wasm32")]

use hr_assessment::file::{TextProblem, MAX_NAME_CHARS};
use hr_assessment::record::{ActionProblem, PlanProblem};
use hr_assessment::{Action, ActionStatus, Record, ScaleAnswer};
use hr_readiness::browser::storage;
use hr_readiness::ui::messages::{RenameError, SetAsideReason, VaultError};
use hr_readiness::ui::state::{self, instrument, Handles, SaveState, VaultState};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// Empty storage, then every handle as the app makes them.
fn fresh() -> Handles {
    local_storage().clear().unwrap();
    load()
}

/// Every handle as the app makes them, from what storage holds now, under a
/// reactive owner and with an executor (mounting makes both); the owner is
/// kept for the rest of the test run.
fn load() -> Handles {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let made = std::rc::Rc::new(std::cell::Cell::new(None));
    let slot = made.clone();
    let mounted = leptos::mount::mount_to(root.unchecked_into(), move || slot.set(Some(state::load())));
    std::mem::forget(mounted);
    made.get().expect("the handles were made")
}

/// Waits for the browser (timers, WebCrypto, spawned tasks) until `done`
/// holds, for at most about ten seconds.
async fn until(what: &str, done: impl Fn() -> bool) {
    for _ in 0..200 {
        if done() {
            return;
        }
        let wait = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window()
                .unwrap()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 50)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(wait).await.unwrap();
    }
    panic!("timed out waiting until {what}");
}

fn stored(id: &str) -> Option<storage::Slot> {
    storage::get(id, instrument()).map(|f| f.slot)
}

fn plain(id: &str) -> Record {
    match stored(id) {
        Some(storage::Slot::Plain(r)) => r,
        other => panic!("not stored as a readable record: {other:?}"),
    }
}

/// Answers one statement, which saves the open assessment; returns its id.
fn answer_one(h: &Handles) -> String {
    h.assessment
        .answer(|r| r.set_statement("adequate-funding".into(), ScaleAnswer::StronglyDisagree));
    h.assessment.record.with_untracked(|r| r.id.clone())
}

// ----- Assessment ---------------------------------------------------------

#[wasm_bindgen_test]
fn an_answer_saves_the_open_assessment_and_marks_it_last_opened() {
    let h = fresh();
    assert!(!h.assessment.has_answers());
    assert_eq!(
        stored(&h.assessment.record.get_untracked().id),
        None,
        "nothing saved before an answer"
    );
    let id = answer_one(&h);
    assert!(h.assessment.has_answers());
    assert!(matches!(h.assessment.save_state().get_untracked(), SaveState::Saved(_)));
    assert_eq!(storage::current_id(), Ok(Some(id.clone())));
    assert_eq!(
        plain(&id).responses.statement(&"adequate-funding".into()),
        Some(ScaleAnswer::StronglyDisagree)
    );
    // (The report is computed by the pages that show it, from the record:
    // tests/e2e/results-kept.test.mjs follows it there.)
    h.assessment.start_new();
    assert_ne!(h.assessment.record.get_untracked().id, id, "a new assessment is open");
    assert!(!h.assessment.has_answers());
}

#[wasm_bindgen_test]
fn an_action_the_core_refuses_is_not_saved_and_the_problem_is_typed() {
    let h = fresh();
    let id = answer_one(&h);
    let action = |title: &str| Action {
        id: "a1".into(),
        area: None,
        title: title.into(),
        owner: String::new(),
        due: None,
        status: ActionStatus::NotStarted,
        notes: String::new(),
    };
    assert_eq!(
        h.assessment.save_action(action("  ")),
        Err(vec![PlanProblem::Action {
            index: 0,
            problem: ActionProblem::TitleEmpty
        }])
    );
    assert!(plain(&id).actions.is_empty(), "nothing saved");
    assert_eq!(h.assessment.save_action(action("Ask the board")), Ok(()));
    assert_eq!(plain(&id).actions[0].title, "Ask the board");
    h.assessment.delete_action("a1");
    assert!(plain(&id).actions.is_empty());
}

// ----- Library ------------------------------------------------------------

#[wasm_bindgen_test]
fn renaming_uses_the_core_rule_for_names_and_says_what_is_wrong() {
    let h = fresh();
    let id = answer_one(&h);
    let lib = h.library;
    assert_eq!(lib.rename(&id, "   "), Err(RenameError::Name(TextProblem::Empty)));
    let long = "x".repeat(MAX_NAME_CHARS + 1);
    assert_eq!(
        lib.rename(&id, &long),
        Err(RenameError::Name(TextProblem::TooLong {
            chars: MAX_NAME_CHARS + 1,
            max: MAX_NAME_CHARS
        }))
    );
    // A right-to-left override can disguise a name.
    assert_eq!(
        lib.rename(&id, "Board\u{202e}fdp.exe"),
        Err(RenameError::Name(TextProblem::ControlCharacter))
    );
    assert_eq!(lib.rename("no-such-id", "Fine"), Err(RenameError::Gone));
    assert_ne!(plain(&id).name, "Fine");

    assert_eq!(lib.rename(&id, "  Board retreat  "), Ok(()));
    assert_eq!(plain(&id).name, "Board retreat", "trimmed and saved");
    assert_eq!(
        h.assessment.record.get_untracked().name,
        "Board retreat",
        "the open one too"
    );
}

#[wasm_bindgen_test]
fn copies_deletes_restores_and_wipes_saved_assessments() {
    let h = fresh();
    let lib = h.library;
    let id = answer_one(&h);
    lib.rename(&id, "Spring").unwrap();

    let copy = lib.duplicate(&id).expect("a copy");
    assert_eq!(plain(&copy).name, "Copy of Spring");
    assert_eq!(lib.records().with_untracked(Vec::len), 2);
    assert_eq!(h.assessment.record.get_untracked().id, id, "the original stays open");

    lib.open(&copy);
    assert_eq!(h.assessment.record.get_untracked().id, copy);
    assert_eq!(storage::current_id(), Ok(Some(copy.clone())));

    // Deleting the open one starts a new, unsaved assessment.
    lib.delete(&copy);
    assert_eq!(stored(&copy), None);
    assert_ne!(h.assessment.record.get_untracked().id, copy);
    assert_eq!(lib.records().with_untracked(Vec::len), 1);

    let mut restored = plain(&id);
    restored.id = "restored-1".into();
    lib.restore(vec![restored]);
    assert_eq!(plain("restored-1").name, "Spring");
    assert_eq!(lib.records().with_untracked(Vec::len), 2);

    let mut imported = plain(&id);
    imported.name = "Imported".into();
    lib.add_imported(imported);
    let open = h.assessment.record.get_untracked();
    assert_eq!(open.name, "Imported");
    assert_ne!(open.id, id, "an import gets an id of its own");
    assert_eq!(plain(&open.id).name, "Imported");

    lib.wipe_everything();
    assert_eq!(lib.records().with_untracked(Vec::len), 0);
    assert_eq!(local_storage().length().unwrap(), 0, "nothing left in storage");
}

// ----- Vault --------------------------------------------------------------

#[wasm_bindgen_test]
async fn a_passphrase_seals_locks_unlocks_and_comes_off() {
    let h = fresh();
    let vault = h.vault;
    let id = answer_one(&h);
    assert_eq!(vault.state().get_untracked(), VaultState::Off);

    vault.set_passphrase("correct horse battery").await.unwrap();
    assert_eq!(vault.state().get_untracked(), VaultState::Unlocked);
    until("the record is sealed", || {
        matches!(stored(&id), Some(storage::Slot::Sealed(_)))
    })
    .await;
    let raw = storage::read_raw(&storage::record_key(&id)).unwrap();
    assert!(!raw.contains("adequate-funding"), "no answer in the clear: {raw}");

    vault.lock_now();
    assert_eq!(vault.state().get_untracked(), VaultState::Locked);
    assert_eq!(
        h.library.records().with_untracked(Vec::len),
        0,
        "nothing readable while locked"
    );

    assert_eq!(
        vault.unlock("wrong horse battery").await,
        Err(VaultError::WrongPassphrase)
    );
    assert_eq!(vault.state().get_untracked(), VaultState::Locked);

    vault.unlock("correct horse battery").await.unwrap();
    assert_eq!(vault.state().get_untracked(), VaultState::Unlocked);
    assert_eq!(h.assessment.record.get_untracked().id, id, "the last one opened again");

    assert_eq!(
        vault.change_passphrase("not the passphrase", "a new passphrase").await,
        Err(VaultError::WrongPassphrase)
    );

    vault.remove_passphrase().unwrap();
    assert_eq!(vault.state().get_untracked(), VaultState::Off);
    assert_eq!(
        plain(&id).responses.statement(&"adequate-funding".into()),
        Some(ScaleAnswer::StronglyDisagree)
    );
    assert!(matches!(storage::lock(), Ok(None)), "the lock is gone");
}

// ----- TabSync ------------------------------------------------------------

#[wasm_bindgen_test]
async fn other_tabs_changes_are_followed() {
    let h = fresh();
    let tabs = h.tabs;
    let id = answer_one(&h);
    let copy = h.library.duplicate(&id).unwrap();

    // Another tab renamed the copy (not open here): the list follows.
    let mut theirs = plain(&copy);
    theirs.name = "Renamed elsewhere".into();
    storage::write_plain(&theirs).unwrap();
    tabs.storage_changed(Some(storage::record_key(&copy)), Some(theirs.to_json()));
    until("the list follows", || {
        h.library
            .records()
            .with_untracked(|l| l.iter().any(|r| r.name == "Renamed elsewhere"))
    })
    .await;

    // Another tab deleted the open one: a new one is opened, and the user told.
    storage::delete(&id);
    tabs.storage_changed(Some(storage::record_key(&id)), None);
    until("a new one is opened", || h.assessment.record.get_untracked().id != id).await;
    assert!(h
        .shell
        .notice
        .get_untracked()
        .is_some_and(|n| n.contains("deleted in another tab")));
    assert_eq!(tabs.conflict().get_untracked(), None);

    // Another tab cleared storage.
    local_storage().clear().unwrap();
    tabs.storage_changed(None, None);
    until("the notice", || {
        h.shell
            .notice
            .get_untracked()
            .is_some_and(|n| n.contains("Everything saved in this browser was deleted"))
    })
    .await;
    assert_eq!(h.library.records().with_untracked(Vec::len), 0);
}

// ----- SetAside -----------------------------------------------------------

#[wasm_bindgen_test]
fn unreadable_data_is_set_aside_until_discarded() {
    local_storage().clear().unwrap();
    let key = storage::record_key("broken");
    local_storage().set_item(&key, "{\"schema\":1,\"id\":").unwrap();
    let h = load();
    let found = h.set_aside.list.get_untracked();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].key, key);
    assert_eq!(found[0].raw, "{\"schema\":1,\"id\":");
    assert!(
        matches!(found[0].reason, SetAsideReason::Stored(_)),
        "{:?}",
        found[0].reason
    );
    assert_eq!(
        local_storage().get_item(&key).unwrap().as_deref(),
        Some("{\"schema\":1,\"id\":")
    );

    h.set_aside.discard(&key);
    assert!(h.set_aside.list.get_untracked().is_empty());
    assert_eq!(local_storage().get_item(&key).unwrap(), None);
}
