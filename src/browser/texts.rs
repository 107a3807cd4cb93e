//! The Spanish texts of the build, fetched when Spanish is chosen.
//!
//! The build the app ships keeps the Spanish of every text out of the
//! WebAssembly (`hr_assessment::lifted`), in two files beside it, in the
//! same content-named folder, so an old page never reads a new build's
//! texts: `es.bin`, the texts of the first module (the shell, the start and
//! question pages), fetched when Spanish is chosen; and `es-chunks.bin`,
//! those of the pages and notices loaded on demand, fetched with the first
//! of them shown in Spanish (`ui::on_demand`). The service worker precaches
//! both with the rest, so switching language works offline after one
//! visit.

use hr_assessment::lifted::{self, Part};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Why the Spanish texts are not here (the fetch's outcome; the file's own
/// parse error is the core's `lifted::TextsError`, which maps to `Damaged`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpanishMissing {
    /// The file could not be fetched (offline before the first full visit,
    /// or the connection dropped).
    NotFetched,
    /// The file came, but is not one this build wrote.
    Damaged,
}

/// Whether the Spanish texts are here: always in a test build, where
/// nothing is lifted; in the real build once [`fetch_spanish`] succeeded.
pub fn have_spanish() -> bool {
    !cfg!(hr_lift) || lifted::loaded(Part::Start)
}

/// Whether the Spanish texts of the chunks are here (as
/// [`have_spanish`], once [`fetch_spanish_chunks`] succeeded).
pub fn have_spanish_chunks() -> bool {
    !cfg!(hr_lift) || lifted::loaded(Part::Chunks)
}

thread_local! {
    static LAST_FAILURE: std::cell::Cell<Option<SpanishMissing>> = const { std::cell::Cell::new(None) };
}

/// Why the last fetch failed, if it did (the app starts after a failed
/// fetch and says why).
pub fn last_failure() -> Option<SpanishMissing> {
    LAST_FAILURE.with(std::cell::Cell::get)
}

/// Fetches and installs the Spanish texts, once a visit.
pub async fn fetch_spanish() -> Result<(), SpanishMissing> {
    if have_spanish() {
        return Ok(());
    }
    let result = fetch_part(Part::Start).await;
    LAST_FAILURE.with(|c| c.set(result.err()));
    result
}

/// Fetches and installs the Spanish texts of the chunks, once a visit.
/// Several pages may ask at once: they share one fetch.
pub async fn fetch_spanish_chunks() -> Result<(), SpanishMissing> {
    static CHUNKS: async_once_cell::OnceCell<()> = async_once_cell::OnceCell::new();
    if have_spanish_chunks() {
        return Ok(());
    }
    CHUNKS.get_or_try_init(fetch_part(Part::Chunks)).await.copied()
}

async fn fetch_part(part: Part) -> Result<(), SpanishMissing> {
    let file = match part {
        Part::Start => "es.bin",
        Part::Chunks => "es-chunks.bin",
    };
    match url(file) {
        None => Err(SpanishMissing::NotFetched),
        Some(url) => match fetch_bytes(&url).await {
            None => Err(SpanishMissing::NotFetched),
            Some(bytes) => lifted::install(part, bytes).map_err(|_| SpanishMissing::Damaged),
        },
    }
}

/// A file beside the first module, whose address `boot.js` reads from its
/// own script tag.
fn url(file: &str) -> Option<String> {
    let wasm = web_sys::window()?
        .document()?
        .query_selector("script[data-app-wasm]")
        .ok()??
        .get_attribute("data-app-wasm")?;
    let folder = &wasm[..wasm.rfind('/')? + 1];
    Some(format!("{folder}{file}"))
}

async fn fetch_bytes(url: &str) -> Option<Vec<u8>> {
    let response: web_sys::Response = JsFuture::from(web_sys::window()?.fetch_with_str(url))
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    if !response.ok() {
        return None;
    }
    let buffer = JsFuture::from(response.array_buffer().ok()?).await.ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}
