//! Other tabs: following what another tab of this app changed in storage
//! (the `storage` event), and the conflict when both changed the open
//! assessment.

use super::{sort_library, Library, SaveState, Shell};
use crate::browser::storage;
use crate::i18n::t;
use crate::ui::on_demand::{self, NotLoaded};
use hr_assessment::Record;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;

/// Following other tabs. `Copy`: arena handles only.
#[derive(Clone, Copy)]
pub struct TabSync {
    /// The saved assessments and the open one, which other tabs change.
    library: Library,
    /// Where it says what another tab changed.
    shell: Shell,
}

impl TabSync {
    pub(super) fn new(library: Library, shell: Shell) -> TabSync {
        TabSync { library, shell }
    }

    /// Another tab's version of the open assessment, while the user has
    /// not chosen between it and this tab's (see [`TabSync::resolve_conflict`]).
    pub fn conflict(&self) -> RwSignal<Option<Record>> {
        self.library.open.conflict
    }

    /// Follows a change another tab made to storage (the `storage` event),
    /// with the code that reads what is stored ([`TabSync::follow`], in
    /// the `stored` chunk; fetched if need be). Changes are followed in the
    /// order they came, also while the chunk is fetched; if it cannot come,
    /// the status line says this tab could not follow.
    pub fn storage_changed(&self, key: Option<String>, new_value: Option<String>) {
        CHANGES.with(|c| c.borrow_mut().push_back((key, new_value)));
        if FOLLOWING.replace(true) {
            return; // the task below, running, takes it in turn
        }
        let tabs = *self;
        spawn_local(async move {
            let fetched = on_demand::fetch_stored().await;
            while let Some((key, new_value)) = CHANGES.with(|c| c.borrow_mut().pop_front()) {
                let followed = match fetched {
                    Ok(()) => on_demand::follow_change(tabs, key, new_value).await,
                    Err(NotLoaded) => Err(NotLoaded),
                };
                if followed.is_err() {
                    tabs.shell.notice.set(Some(not_followed().into()));
                }
            }
            FOLLOWING.set(false);
        });
    }

    /// [`TabSync::storage_changed`]'s work, for one change: code of the
    /// `stored` group's chunk. Done when the change has been followed
    /// (another tab's encrypted record opened, storage read again), so that
    /// the next change is followed after it. Nothing is lost silently: if
    /// this tab has a change it could not save, the user is asked which
    /// version to keep.
    pub(crate) async fn follow(&self, key: Option<String>, new_value: Option<String>) {
        let Some(key) = key else {
            // Another tab cleared storage.
            self.library.open.store.key.set_value(None);
            self.read_again(t!(
                "Everything saved in this browser was deleted in another tab.",
                "Todo lo guardado en este navegador se borró en otra pestaña.",
            ))
            .await;
            return;
        };
        if key == storage::KEY_LOCK {
            let had_key = self.library.open.store.key.with_value(Option::is_some);
            if new_value.is_some() && !had_key {
                self.library.open.store.key.set_value(None);
                self.read_again(t!(
                    "A passphrase was set in another tab. Enter it to continue.",
                    "Se puso una frase de contraseña en otra pestaña. Escríbala para continuar.",
                ))
                .await;
            } else if new_value.is_none() && had_key {
                self.library.open.store.key.set_value(None);
                self.read_again(t!(
                    "Passphrase protection was switched off in another tab.",
                    "La protección con frase de contraseña se desactivó en otra pestaña.",
                ))
                .await;
            }
            return;
        }
        let Some(id) = key.strip_prefix(storage::ASSESSMENT_PREFIX).map(str::to_owned) else {
            return;
        };
        let open = self.library.open;
        let Some(raw) = new_value else {
            open.store.list.update(|l| l.retain(|r| r.id != id));
            if open.record.with_untracked(|r| r.id == id) {
                open.start_new();
                self.shell.notice.set(Some(
                    t!(
                        "The assessment you had open was deleted in another tab.",
                        "La evaluación que tenía abierta se borró en otra pestaña.",
                    )
                    .into(),
                ));
            }
            return;
        };
        let Some(theirs) = self.read_changed(&raw).await else {
            return;
        };
        if open.record.with_untracked(|r| r.id != id) {
            open.store.list.update(|l| {
                match l.iter_mut().find(|r| r.id == id) {
                    Some(slot) => *slot = theirs.clone(),
                    None => l.push(theirs.clone()),
                }
                sort_library(l);
            });
            return;
        }
        if open.record.with_untracked(|r| r == &theirs) {
            return;
        }
        if matches!(open.store.save.get_untracked(), SaveState::Failed(_)) {
            open.conflict.set(Some(theirs));
        } else {
            open.store.list.update(|l| {
                if let Some(slot) = l.iter_mut().find(|r| r.id == id) {
                    *slot = theirs.clone();
                }
            });
            open.record.set(theirs);
            self.shell.notice.set(Some(
                t!(
                    "Updated with changes made in another tab.",
                    "Se actualizó con cambios hechos en otra pestaña.",
                )
                .into(),
            ));
        }
    }

    /// Reads storage again after another tab changed it, then says what
    /// changed; or, if the code that reads could not be fetched, that this
    /// tab could not follow.
    async fn read_again(&self, done: &'static str) {
        let said = match self.library.read_storage().await {
            Ok(()) => done,
            Err(NotLoaded) => not_followed(),
        };
        self.shell.notice.set(Some(said.into()));
    }

    async fn read_changed(&self, raw: &str) -> Option<Record> {
        let stored = match on_demand::read_stored(raw.to_owned()).await {
            Ok(read) => read.ok()?,
            Err(NotLoaded) => {
                self.shell.notice.set(Some(not_followed().into()));
                return None;
            }
        };
        match stored {
            hr_assessment::Stored::Plain(r) => Some(r),
            hr_assessment::Stored::Sealed(s) => {
                let key = self.library.open.store.key.get_value()?;
                on_demand::open_record(key, s).await?.ok()
            }
        }
    }

    /// Resolves a conflict with another tab.
    pub fn resolve_conflict(&self, keep_this_tab: bool) {
        let open = self.library.open;
        let Some(theirs) = open.conflict.get_untracked() else {
            return;
        };
        open.conflict.set(None);
        if keep_this_tab {
            open.persist();
        } else {
            open.show(theirs);
        }
    }
}

thread_local! {
    /// Other tabs' changes not followed yet, in the order they came.
    static CHANGES: RefCell<VecDeque<(Option<String>, Option<String>)>> = const { RefCell::new(VecDeque::new()) };
    /// Whether a task is following them.
    static FOLLOWING: Cell<bool> = const { Cell::new(false) };
}

/// Another tab changed what is stored, and the code that reads it could not
/// be fetched.
fn not_followed() -> &'static str {
    t!(
        "Another tab changed what is saved in this browser, but this tab could not read the change: part of the app did not arrive (the connection may have dropped). Check the connection, then reload this page to see it.",
        "Otra pestaña cambió lo guardado en este navegador, pero esta pestaña no pudo leer el cambio: una parte de la aplicación no llegó (puede que se haya cortado la conexión). Revise la conexión y vuelva a cargar esta página para verlo.",
    )
}
