//! The pages a first visit does not need, and the notices it rarely sees,
//! loaded when first opened or shown.
//!
//! Each function below is a split point (`wasm_split`, what Leptos's
//! `#[lazy]` uses, here with its `fallible` option). The pages come in four
//! groups, each a module of its own: `report` (check your answers, results,
//! plan, comparison), `library` (saved assessments, protection, unlocking,
//! resuming, the kiosk's set-up and exit form), `team` (the facilitator's
//! pages) and `reading` (method and privacy); a fifth, `notices`, holds the
//! notices a first visit rarely sees (storage problems, the Safari note,
//! the kiosk's idle warning and "start over?"); a sixth, `stored`, reads
//! what is stored (below, "Reading what is stored"). Code two groups share goes
//! into a shared chunk. A group's code and texts are fetched the first time
//! one of its pages opens or one of its notices shows (and precached by the
//! service worker after the first visit). `scripts/split.mjs` cuts the
//! module into chunks inside Trunk's build (the `split` feature; without
//! it, as in `cargo test`, everything stays in one module). A chunk that
//! cannot be fetched (the connection dropped mid-visit) gives a message and
//! a "Try again" button, in place of the page ([`show`]) or of the part
//! ([`show_part`]), never a blank page; the answers are already saved and
//! nothing is lost. In Spanish, the chunks' texts are a file of their own,
//! `es-chunks.bin` (`browser::texts`): a page or notice of a chunk is drawn
//! once both are in, fetched together, and the same message says so if
//! either cannot come.

use crate::browser::crypto::{CryptoError, VaultKey};
use crate::browser::storage::{self, SaveError};
use crate::browser::{dom, texts};
use crate::i18n::t;
use crate::ui::messages::VaultError;
use crate::ui::state::{Library, TabSync};
use crate::ui::{
    backup, check, compare, consensus, kiosk, library, plan, present, problems, protect, results, static_pages, team,
    vault,
};
use hr_assessment::versions::Versions;
use hr_assessment::{Lock, Record, RecordError, SealedRecord, Stored};
use leptos::prelude::*;
#[cfg(feature = "split")]
use leptos::wasm_split::wasm_split;
use leptos::wasm_split::SplitLoaderError;
use std::future::Future;
use std::sync::Arc;

/// A chunk did not load.
#[derive(Debug)]
pub struct NotLoaded;

impl From<SplitLoaderError> for NotLoaded {
    fn from(_: SplitLoaderError) -> Self {
        NotLoaded
    }
}

type Page = Result<AnyView, NotLoaded>;

/// Where a page's chunk is.
#[derive(Clone, Copy, PartialEq)]
enum Chunk {
    Fetching,
    Failed,
    In,
}

/// Shows the page `load` draws: at once if its chunk is in; otherwise
/// "Loading…" while `fetch` brings the chunk, then the page, or a message
/// with a retry if the fetch fails.
///
/// The page is always drawn synchronously, in this closure, under the
/// owner every other page has: only the fetching is asynchronous. (Drawn
/// inside `Suspend`, a page lost its contexts and signals once it acted
/// after an `await`.)
pub fn show<F, Fut, P, PFut>(load: F, fetch: P) -> AnyView
where
    F: Fn() -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Page> + 'static,
    P: Fn() -> PFut + Copy + Send + Sync + 'static,
    PFut: Future<Output = Result<(), SplitLoaderError>> + 'static,
{
    shown(erase(load, fetch), Part::Page)
}

/// Shows a notice (or a part of a page) that `load` draws, the way [`show`]
/// shows a page, but in its place: nothing while its chunk comes, and if it
/// cannot come, a short message with a retry instead of a page's. Once the
/// chunk has come, the element `focus` names (if any) takes the focus, as
/// it would have had the part been drawn at once.
pub fn show_part<F, Fut, P, PFut>(load: F, fetch: P, focus: Option<&'static str>) -> AnyView
where
    F: Fn() -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Page> + 'static,
    P: Fn() -> PFut + Copy + Send + Sync + 'static,
    PFut: Future<Output = Result<(), SplitLoaderError>> + 'static,
{
    shown(erase(load, fetch), Part::Notice(focus))
}

/// A page's drawing and its chunk's fetching, boxed: [`shown`] is compiled
/// once, not once per page (18 copies of it were about 8 KB of the first
/// module).
type Erased = (
    Arc<dyn Fn() -> Later<Page> + Send + Sync>,
    Arc<dyn Fn() -> Later<Result<(), SplitLoaderError>> + Send + Sync>,
);

fn erase<F, Fut, P, PFut>(load: F, fetch: P) -> Erased
where
    F: Fn() -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Page> + 'static,
    P: Fn() -> PFut + Copy + Send + Sync + 'static,
    PFut: Future<Output = Result<(), SplitLoaderError>> + 'static,
{
    (Arc::new(move || Box::pin(load())), Arc::new(move || Box::pin(fetch())))
}

/// What [`shown`] draws: a page, or a part of one.
#[derive(Clone, Copy)]
enum Part {
    Page,
    /// With the id of the element to focus once it has come.
    Notice(Option<&'static str>),
}

fn shown((load, fetch): Erased, part: Part) -> AnyView {
    let chunk = RwSignal::new(Chunk::Fetching);
    // In Spanish, a chunk's page or notice needs the chunks' Spanish texts
    // too (`browser::texts`): until they are in, it is not drawn, lest it
    // show in English. (The whole app is drawn anew when the language
    // changes, so this is read once.)
    let spanish = crate::i18n::lang() == hr_assessment::Lang::Es;
    let texts_in = move || !spanish || texts::have_spanish_chunks();
    // Fetches the chunk (the loader fetches each chunk once; a failed fetch
    // is tried again from scratch), with its Spanish texts if need be, then
    // draws again.
    let fetch_then_draw = move || {
        let fetch = fetch.clone();
        leptos::task::spawn_local(async move {
            let texts = async move {
                if spanish {
                    texts::fetch_spanish_chunks().await.is_ok()
                } else {
                    true
                }
            };
            let (code, texts) = futures::future::join(fetch(), texts).await;
            let fetched = if code.is_ok() && texts { Ok(()) } else { Err(NotLoaded) };
            let _ = chunk.try_set(if fetched.is_ok() { Chunk::In } else { Chunk::Failed });
            dom::after_render(move || match part {
                // The page arrived after the change of page had looked for
                // its heading: give the heading the focus, as every page
                // does, unless the user has put it somewhere.
                Part::Page => {
                    if dom::focus_is_lost() {
                        dom::focus_page_heading();
                    }
                }
                Part::Notice(Some(id)) if fetched.is_ok() => {
                    dom::focus_id(id);
                }
                Part::Notice(_) => {}
            });
        });
    };
    let retry = Callback::new(move |()| chunk.set(Chunk::Fetching));
    let failed = move || match part {
        Part::Page => view! { <NotLoadedNotice retry=retry/> }.into_any(),
        Part::Notice(_) => view! { <PartNotLoaded retry=retry/> }.into_any(),
    };
    (move || match chunk.get() {
        Chunk::Failed => failed(),
        state => match texts_in().then(|| now(load())).flatten() {
            Some(Ok(page)) => page,
            Some(Err(NotLoaded)) => failed(),
            // In, and still not drawn: said as a failure, never a blank page.
            None if state == Chunk::In => failed(),
            None => {
                fetch_then_draw();
                match part {
                    Part::Page => {
                        view! { <p class="loading" role="status">{t!("Loading…", "Cargando…")}</p> }.into_any()
                    }
                    Part::Notice(_) => ().into_any(),
                }
            }
        },
    })
    .into_any()
}

/// The future's value if it has one at the first poll (a split function
/// whose chunk is in returns at once), else `None` (it is dropped).
pub(crate) fn now<T>(fut: impl Future<Output = T>) -> Option<T> {
    let mut fut = std::pin::pin!(fut);
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    match fut.as_mut().poll(&mut cx) {
        std::task::Poll::Ready(v) => Some(v),
        std::task::Poll::Pending => None,
    }
}

#[component]
fn NotLoadedNotice(retry: Callback<()>) -> impl IntoView {
    view! {
        <div class="notice notice--error" role="alert">
            <h1 id="page-heading" tabindex="-1">{t!("This page could not be loaded", "No se pudo cargar esta página")}</h1>
            <p>{t!(
                "The connection seems to have dropped before this part of the app arrived. Your answers are saved on this device; nothing is lost. Check the connection, then try again.",
                "Parece que la conexión se cortó antes de que llegara esta parte de la aplicación. Sus respuestas están guardadas en este dispositivo; no se pierde nada. Revise la conexión y vuelva a intentarlo.",
            )}</p>
            <button type="button" class="button" on:click=move |_| retry.run(())>
                {t!("Try again", "Intentar de nuevo")}
            </button>
        </div>
    }
}

/// In place of a notice or part of a page whose chunk could not come.
#[component]
fn PartNotLoaded(retry: Callback<()>) -> impl IntoView {
    view! {
        <div class="notice notice--error" role="alert">
            <p>{t!(
                "This part of the app could not be loaded: the connection seems to have dropped. Your answers are saved on this device; nothing is lost.",
                "No se pudo cargar esta parte de la aplicación: parece que la conexión se cortó. Sus respuestas están guardadas en este dispositivo; no se pierde nada.",
            )}" "<button type="button" class="link-button" on:click=move |_| retry.run(())>
                {t!("Try again", "Intentar de nuevo")}
            </button></p>
        </div>
    }
}

/// A group's split point: `$name(part)` draws one of its pages or parts
/// (fetching the group's chunk first, if need be), `$fetch` only fetches
/// the chunk. One split point per group, not per page: each costs the
/// first module a loader and two small functions. Without the `split`
/// feature both are plain functions that are ready at once.
macro_rules! split_group {
    ($name:ident, $fetch:ident, $chunk:ident, $part:ty, $draw:expr) => {
        #[cfg(feature = "split")]
        #[wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible, preload($fetch))]
        pub fn $name(part: $part) -> Page {
            let draw: fn($part) -> AnyView = $draw;
            Ok(draw(part))
        }

        #[cfg(not(feature = "split"))]
        pub async fn $name(part: $part) -> Page {
            let draw: fn($part) -> AnyView = $draw;
            Ok(draw(part))
        }

        #[cfg(not(feature = "split"))]
        pub async fn $fetch() -> Result<(), SplitLoaderError> {
            Ok(())
        }
    };
}

/// The `report` group's pages.
pub enum ReportPage {
    Check,
    Results,
    Plan,
    Compare,
}

split_group!(report, fetch_report, report, ReportPage, |page| match page {
    ReportPage::Check => view! { <check::CheckPage/> }.into_any(),
    ReportPage::Results => view! { <results::ResultsPage/> }.into_any(),
    ReportPage::Plan => view! { <plan::PlanPage/> }.into_any(),
    ReportPage::Compare => view! { <compare::ComparePage/> }.into_any(),
});

/// The `reading` group's pages.
pub enum ReadingPage {
    Method,
    Privacy,
}

split_group!(reading, fetch_reading, reading, ReadingPage, |page| match page {
    ReadingPage::Method => view! { <static_pages::MethodPage/> }.into_any(),
    ReadingPage::Privacy => view! { <static_pages::PrivacyPage/> }.into_any(),
});

/// The `library` group's pages, and the kiosk's exit form.
pub enum LibraryPage {
    Library,
    Protect,
    Unlock,
    KioskSetup,
    /// `asking` goes false on "Cancel".
    KioskLeave(RwSignal<bool>),
    Resume(String),
}

split_group!(library, fetch_library, library, LibraryPage, |page| match page {
    LibraryPage::Library => view! { <library::LibraryPage/> }.into_any(),
    LibraryPage::Protect => view! { <protect::ProtectPage/> }.into_any(),
    LibraryPage::Unlock => view! { <protect::UnlockPage/> }.into_any(),
    LibraryPage::KioskSetup => view! { <kiosk::SetupPage/> }.into_any(),
    LibraryPage::KioskLeave(asking) => view! { <kiosk::LeaveForm asking=asking/> }.into_any(),
    LibraryPage::Resume(code) => view! { <static_pages::ResumePage code=code/> }.into_any(),
});

/// The `team` group's pages.
pub enum TeamPage {
    Team,
    /// A respondent's code, from a link.
    Add(String),
    Present,
    Consensus,
}

split_group!(team, fetch_team, team, TeamPage, |page| match page {
    TeamPage::Team => view! { <team::TeamPage/> }.into_any(),
    TeamPage::Add(code) => view! { <team::TeamAddPage code=code/> }.into_any(),
    TeamPage::Present => view! { <present::PresentPage/> }.into_any(),
    TeamPage::Consensus => view! { <consensus::ConsensusPage/> }.into_any(),
});

/// The notices a first visit rarely sees (the `notices` group).
pub enum Notice {
    StorageProblems,
    KioskIdle,
    SafariNote,
    /// The kiosk's "start over?"; `asking` goes false on "No".
    KioskResetConfirm(RwSignal<bool>),
}

split_group!(notice, fetch_notices, notices, Notice, |notice| match notice {
    Notice::StorageProblems => view! { <problems::StorageProblems/> }.into_any(),
    Notice::KioskIdle => view! { <kiosk::IdleNotice/> }.into_any(),
    Notice::SafariNote => view! { <backup::SafariNoteText/> }.into_any(),
    Notice::KioskResetConfirm(asking) => view! { <kiosk::ResetConfirm asking=asking/> }.into_any(),
});

// ----- The passphrase's cryptography, called from the first module ------
//
// Sealing and opening records (`ui::vault`, `browser::crypto`) is code of
// the library group's chunk. A tab holds a key only once it has set a
// passphrase or unlocked, on library pages, so that chunk is already in
// when a save seals a record or another tab's sealed record is opened;
// these calls then go through at once. The kiosk's "leave" checks its exit
// code through it too, and fetches the chunk if need be (after a reload in
// kiosk mode). A chunk that cannot be fetched is `CryptoError::NotLoaded`:
// said, never a panic, and nothing is written.

/// A future of this thread (the browser's cryptography is not `Send`).
type Later<T> = std::pin::Pin<Box<dyn Future<Output = T>>>;

/// A function of the library group's chunk, called from the first module:
/// `$name` fetches the chunk if need be, then returns the future of `$body`.
macro_rules! split_call {
    ($name:ident, ($($arg:ident: $ty:ty),*) -> $out:ty, $body:expr) => {
        #[cfg(feature = "split")]
        #[wasm_split(library, wasm_split_path = ::leptos::wasm_split, fallible)]
        fn $name($($arg: $ty),*) -> Result<Later<$out>, NotLoaded> {
            Ok(Box::pin(async move { $body }))
        }

        #[cfg(not(feature = "split"))]
        async fn $name($($arg: $ty),*) -> Result<Later<$out>, NotLoaded> {
            Ok(Box::pin(async move { $body }))
        }
    };
}

split_call!(seal_record_in, (key: VaultKey, record: Record, rev: u64) -> Result<SealedRecord, CryptoError>, vault::seal_record(&key, &record, rev).await);
split_call!(write_versions_in, (key: VaultKey, versions: Versions) -> Result<(), SaveError>, vault::write_versions(&key, &versions).await);
split_call!(open_record_in, (key: VaultKey, sealed: SealedRecord) -> Option<Result<Record, RecordError>>, vault::open_record(&key, &sealed, crate::ui::state::brief_instrument()).await);
split_call!(open_lock_in, (lock: Lock, secret: String) -> Result<VaultKey, VaultError>, vault::open_lock(&lock, &secret).await);

/// [`vault::seal_record`], from the library group's chunk.
pub(crate) async fn seal_record(key: VaultKey, record: Record, rev: u64) -> Result<SealedRecord, CryptoError> {
    match seal_record_in(key, record, rev).await {
        Ok(sealing) => sealing.await,
        Err(NotLoaded) => Err(CryptoError::NotLoaded),
    }
}

/// [`vault::write_versions`], from the library group's chunk.
pub(crate) async fn write_versions(key: VaultKey, versions: Versions) -> Result<(), SaveError> {
    match write_versions_in(key, versions).await {
        Ok(writing) => writing.await,
        Err(NotLoaded) => Err(SaveError::Crypto(CryptoError::NotLoaded)),
    }
}

/// [`vault::open_record`], from the library group's chunk: `None` when it
/// does not open, or the chunk could not be fetched.
pub(crate) async fn open_record(key: VaultKey, sealed: SealedRecord) -> Option<Result<Record, RecordError>> {
    open_record_in(key, sealed).await.ok()?.await
}

/// [`vault::open_lock`], from the library group's chunk.
pub(crate) async fn open_lock(lock: Lock, secret: String) -> Result<VaultKey, VaultError> {
    match open_lock_in(lock, secret).await {
        Ok(opening) => opening.await,
        Err(NotLoaded) => Err(VaultError::Crypto(CryptoError::NotLoaded)),
    }
}

// ----- Reading what is stored, called from the first module -------------
//
// Reading stored data (each record's JSON checked against the
// questionnaire, the passphrase's lock, the team, the settings, what cannot
// be read set aside) is code of the `stored` group's chunk. A first visit
// finds nothing stored and never needs it: its first answer is saved, and
// saving only writes. A start that finds data of this app in storage
// fetches the chunk before the app is drawn (`crate::start`), so the app
// reads it at once, as before; another tab's change waits for it. "Not
// fetched" is never taken for "nothing stored": a read that cannot run says
// so, changes nothing, and nothing is written in its place.

thread_local! {
    /// Whether the `stored` group's chunk is in (always, without the split).
    static STORED_IN: std::cell::Cell<bool> = const { std::cell::Cell::new(!cfg!(feature = "split")) };
}

/// A function of the `stored` group's chunk, called from the first module,
/// and `$fetch`, which fetches the chunk for it. (Each split function has a
/// loader of its own, which answers at once only once it has run:
/// [`fetch_stored`] runs them all.)
macro_rules! split_read {
    ($name:ident, $fetch:ident, ($($arg:ident: $ty:ty),*) -> $out:ty, $body:expr) => {
        #[cfg(feature = "split")]
        #[wasm_split(stored, wasm_split_path = ::leptos::wasm_split, fallible, preload($fetch))]
        fn $name($($arg: $ty),*) -> Result<$out, NotLoaded> {
            Ok($body)
        }

        #[cfg(not(feature = "split"))]
        async fn $name($($arg: $ty),*) -> Result<$out, NotLoaded> {
            Ok($body)
        }

        #[cfg(not(feature = "split"))]
        async fn $fetch() -> Result<(), SplitLoaderError> {
            Ok(())
        }
    };
}

split_read!(read_storage_in, fetch_read_storage, (library: Library) -> (), library.read_now());
split_read!(read_stored_in, fetch_read_stored, (raw: String) -> Result<Stored, RecordError>, Stored::from_json(&raw, crate::ui::state::brief_instrument()));
split_read!(sealed_rev_in, fetch_sealed_rev, (id: String) -> Option<u64>, storage::sealed_rev(&id));
split_read!(holds_sealed_in, fetch_holds_sealed, () -> bool, storage::holds_sealed());
split_read!(kiosk_lock_in, fetch_kiosk_lock, () -> Option<Lock>, storage::kiosk_lock().ok().flatten());
split_read!(settings_in, fetch_settings, () -> storage::Settings, storage::settings());
split_read!(follow_in, fetch_follow, (tabs: TabSync, key: Option<String>, new_value: Option<String>) -> Later<()>, Box::pin(async move { tabs.follow(key, new_value).await }));

/// Fetches the `stored` group's chunk, if it is not in, and readies each of
/// its functions: from then on they answer at once.
pub async fn fetch_stored() -> Result<(), NotLoaded> {
    if stored_is_in() {
        return Ok(());
    }
    fetch_read_storage().await?;
    fetch_read_stored().await?;
    fetch_sealed_rev().await?;
    fetch_holds_sealed().await?;
    fetch_kiosk_lock().await?;
    fetch_settings().await?;
    fetch_follow().await?;
    STORED_IN.set(true);
    Ok(())
}

/// Whether the `stored` group's chunk is in and its functions ready
/// ([`fetch_stored`]): they then answer at once.
pub fn stored_is_in() -> bool {
    STORED_IN.get()
}

/// [`Library::read_now`], from the `stored` group's chunk.
pub(crate) async fn read_storage(library: Library) -> Result<(), NotLoaded> {
    fetch_stored().await?;
    read_storage_in(library).await
}

/// [`TabSync::follow`], from the `stored` group's chunk: done once the
/// change has been followed.
pub(crate) async fn follow_change(
    tabs: TabSync,
    key: Option<String>,
    new_value: Option<String>,
) -> Result<(), NotLoaded> {
    fetch_stored().await?;
    follow_in(tabs, key, new_value).await?.await;
    Ok(())
}

/// [`Stored::from_json`], from the `stored` group's chunk: what another
/// tab stored under an assessment's key.
pub(crate) async fn read_stored(raw: String) -> Result<Result<Stored, RecordError>, NotLoaded> {
    fetch_stored().await?;
    read_stored_in(raw).await
}

/// [`storage::sealed_rev`], from the `stored` group's chunk.
pub(crate) async fn sealed_rev(id: String) -> Result<Option<u64>, NotLoaded> {
    fetch_stored().await?;
    sealed_rev_in(id).await
}

/// [`storage::holds_sealed`] if the `stored` group's chunk is in (at
/// once), else `None`, and nothing is fetched.
pub(crate) fn holds_sealed_now() -> Option<bool> {
    if !stored_is_in() {
        return None;
    }
    now(holds_sealed_in()).and_then(Result::ok)
}

/// The kiosk's exit code check, read at start: `None` if this device is not
/// set up as a kiosk, if the check cannot be read, or if the `stored`
/// group's chunk is not in (`crate::start` fetches it first on a device
/// set up as a kiosk); then no code opens it.
pub(crate) fn kiosk_lock_now() -> Option<Lock> {
    if storage::read_raw(storage::KEY_KIOSK).is_none() || !stored_is_in() {
        return None;
    }
    now(kiosk_lock_in()).and_then(Result::ok).flatten()
}

/// The settings: read as JSON ([`storage::settings`]) if the `stored`
/// group's chunk is in, else from their text as this app writes them
/// ([`storage::settings_from_text`]); nothing is fetched.
pub(crate) fn settings() -> storage::Settings {
    if stored_is_in() {
        if let Some(Ok(read)) = now(settings_in()) {
            return read;
        }
    }
    storage::read_raw(storage::KEY_SETTINGS)
        .map_or_else(storage::Settings::default, |raw| storage::settings_from_text(&raw))
}
