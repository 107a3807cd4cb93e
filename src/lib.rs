//! A private harm reduction readiness self-assessment, in the browser.
//!
//! - [`hr_assessment`] (crate `crates/assessment`): the pure core — the
//!   instrument, scoring, recommendations, benchmark. No browser code.
//! - [`browser`]: the only code that touches browser APIs (storage, files,
//!   focus, printing).
//! - [`ui`]: Leptos components and pages; they render the core's results and
//!   pass events on, and compute no scores.
//!
//! `main.rs` only calls [`start`].

pub mod browser;
pub mod i18n;
pub mod ui;

use wasm_bindgen::JsCast;

/// Mounts the app in place of the loading message in `index.html`.
pub fn start() {
    console_error_panic_hook::set_once();
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(root) = document
        .get_element_by_id("app")
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    // A visitor who reads Spanish waits, behind the loading message, for the
    // Spanish texts (`ui::language`); the app starts in English if they do
    // not come. A visit that finds data of this app in storage waits for
    // the code that reads it (`ui::on_demand`, the `stored` group); if it
    // does not come, the app says so and offers to try again, and starts
    // only once it has come: never as if nothing were stored.
    let spanish = ui::language::wanted() == hr_assessment::Lang::Es && !browser::texts::have_spanish();
    let reading = ui::state::needs_reading();
    if spanish || reading {
        if reading {
            // Fetched alongside the Spanish texts, not after them.
            wasm_bindgen_futures::spawn_local(async {
                let _ = ui::on_demand::fetch_stored().await;
            });
        }
        wasm_bindgen_futures::spawn_local(async move {
            if spanish {
                let _ = browser::texts::fetch_spanish().await;
            }
            if reading {
                start_reading(root).await;
            } else {
                mount(root);
            }
        });
    } else {
        mount(root);
    }
}

/// Mounts the app once the code that reads stored data is in; if it cannot
/// be fetched, a message with a retry in its place.
async fn start_reading(root: web_sys::HtmlElement) {
    if ui::on_demand::fetch_stored().await.is_ok() {
        mount(root);
        return;
    }
    root.set_inner_html("");
    let retry_root = root.clone();
    let retry = move || {
        let root = retry_root.clone();
        wasm_bindgen_futures::spawn_local(start_reading(root));
    };
    let lang = ui::language::wanted();
    if lang == hr_assessment::Lang::En || browser::texts::have_spanish() {
        i18n::set_lang(lang);
    }
    leptos::mount::mount_to(root, move || ui::on_demand::not_started(retry)).forget();
}

fn mount(root: web_sys::HtmlElement) {
    root.set_inner_html("");
    leptos::mount::mount_to(root, ui::App).forget();
}
