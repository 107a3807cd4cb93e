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
pub mod first;
pub mod i18n;
pub mod ui;

use wasm_bindgen::JsCast;

/// Starts in place of the loading message in `index.html`: the first
/// screen ([`first`]) if it can show this visit, else the full app.
pub fn start() {
    console_error_panic_hook::set_once();
    let Some(root) = app_root() else {
        return;
    };
    // A visitor who reads Spanish waits, behind the loading message, for the
    // Spanish texts (`ui::language`); the app starts in English if they do
    // not come. A visit that finds data of this app in storage waits for
    // the code that reads it (`ui::on_demand`, the `stored` group) and for
    // the full app; if they do not come, the page says so and offers to
    // try again, and the app starts only once they have come: never as if
    // nothing were stored.
    let spanish = ui::language::wanted() == hr_assessment::Lang::Es && !browser::texts::have_spanish();
    let reading = ui::state::needs_reading();
    if reading {
        // Fetched alongside the Spanish texts, not after them.
        wasm_bindgen_futures::spawn_local(async {
            let _ = futures::future::join(ui::on_demand::fetch_stored(), fetch_app()).await;
        });
    }
    if spanish {
        wasm_bindgen_futures::spawn_local(async move {
            let _ = browser::texts::fetch_spanish().await;
            start_in(root, reading).await;
        });
    } else {
        wasm_bindgen_futures::spawn_local(start_in(root, reading));
    }
}

fn app_root() -> Option<web_sys::HtmlElement> {
    web_sys::window()?
        .document()?
        .get_element_by_id("app")?
        .dyn_into::<web_sys::HtmlElement>()
        .ok()
}

async fn start_in(root: web_sys::HtmlElement, reading: bool) {
    if first::fits(reading) {
        first::show(root);
    } else {
        start_app(root).await;
    }
}

/// Starts the full app once its code is in, with the code that reads
/// stored data if anything is stored; if either cannot be fetched, a
/// message with a retry in its place.
pub(crate) async fn start_app(root: web_sys::HtmlElement) {
    let reading = ui::state::needs_reading();
    let stored = async {
        if reading {
            ui::on_demand::fetch_stored().await.is_ok()
        } else {
            true
        }
    };
    let ((app, stored), styles) = futures::future::join(futures::future::join(fetch_app(), stored), app_styles()).await;
    if app.is_ok() && stored && styles {
        root.set_inner_html("");
        if mount_app(root.clone()).await.is_ok() {
            first::app_drawn();
            return;
        }
    }
    first::not_started(root, reading);
}

/// The styles of every page but the first screen's (`style/app.css`,
/// `<link id="app-styles" disabled>` in `index.html`, not fetched until
/// enabled): enabled, and waited for. `false` if they cannot be fetched;
/// the next call tries again with a new link. `true` where there is no
/// such link (the component tests).
async fn app_styles() -> bool {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return true;
    };
    let Some(mut link) = doc.get_element_by_id("app-styles") else {
        return true;
    };
    if link.has_attribute("data-loaded") {
        return true;
    }
    if !link.has_attribute("disabled") {
        // A fetch that failed: a new link fetches again.
        let Some(fresh) = link
            .clone_node()
            .ok()
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            return false;
        };
        let _ = fresh.set_attribute("disabled", "");
        let _ = link.replace_with_with_node_1(&fresh);
        link = fresh;
    }
    let target = link.clone();
    let loaded = js_sys::Promise::new(&mut |resolve, _| {
        for (event, value) in [("load", true), ("error", false)] {
            let resolve = resolve.clone();
            let done = wasm_bindgen::closure::Closure::once_into_js(move || {
                let _ = resolve.call1(&wasm_bindgen::JsValue::NULL, &value.into());
            });
            let _ = target.add_event_listener_with_callback(event, done.unchecked_ref());
        }
    });
    let _ = link.remove_attribute("disabled");
    let loaded = wasm_bindgen_futures::JsFuture::from(loaded)
        .await
        .ok()
        .and_then(|v| v.as_bool())
        == Some(true);
    if loaded {
        let _ = link.set_attribute("data-loaded", "");
    }
    loaded
}

/// The full app, from its chunk.
#[cfg(feature = "split")]
#[leptos::wasm_split::wasm_split(app, wasm_split_path = ::leptos::wasm_split, fallible, preload(fetch_app))]
fn mount_app(root: web_sys::HtmlElement) -> Result<(), ui::on_demand::NotLoaded> {
    leptos::mount::mount_to(root, ui::App).forget();
    Ok(())
}

#[cfg(not(feature = "split"))]
async fn mount_app(root: web_sys::HtmlElement) -> Result<(), ui::on_demand::NotLoaded> {
    leptos::mount::mount_to(root, ui::App).forget();
    Ok(())
}

#[cfg(not(feature = "split"))]
async fn fetch_app() -> Result<(), leptos::wasm_split::SplitLoaderError> {
    Ok(())
}
