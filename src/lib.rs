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
    // not come.
    if ui::language::wanted() == hr_assessment::Lang::Es && !browser::texts::have_spanish() {
        wasm_bindgen_futures::spawn_local(async move {
            let _ = browser::texts::fetch_spanish().await;
            mount(root);
        });
    } else {
        mount(root);
    }
}

fn mount(root: web_sys::HtmlElement) {
    root.set_inner_html("");
    leptos::mount::mount_to(root, ui::App).forget();
}
