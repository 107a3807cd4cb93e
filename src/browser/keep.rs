//! Keeping saved data: the browser's persistent storage
//! (`navigator.storage.persist()`), and whether this page is a Safari tab
//! (where saved data goes after seven days without a visit) rather than
//! an installed app. Read through `Reflect`, so a browser without these
//! APIs simply answers "no".

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Whether the browser keeps this site's data until the user deletes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kept {
    /// Not known yet (the browser is being asked).
    Checking,
    /// Persistent storage granted: kept until the user deletes it.
    Granted,
    /// Not granted, or the browser has no such thing: it may clear it.
    NotGranted,
}

fn get(target: &JsValue, name: &str) -> Option<JsValue> {
    Reflect::get(target, &JsValue::from_str(name))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// Calls `navigator.storage[method]()` and reads the boolean it resolves to.
async fn call(method: &str) -> Kept {
    let answer = async {
        let navigator = web_sys::window()?.navigator();
        let storage = get(&navigator, "storage")?;
        let function: Function = get(&storage, method)?.dyn_into().ok()?;
        let promise: Promise = function.call0(&storage).ok()?.dyn_into().ok()?;
        JsFuture::from(promise).await.ok()?.as_bool()
    };
    if answer.await == Some(true) {
        Kept::Granted
    } else {
        Kept::NotGranted
    }
}

/// Whether persistent storage is granted now (`persisted()`).
pub async fn persisted() -> Kept {
    call("persisted").await
}

/// Asks for persistent storage (`persist()`). Browsers decide on their own
/// (Chrome and Edge from how the site is used, Firefox by asking the user).
pub async fn persist() -> Kept {
    call("persist").await
}

/// Whether this page runs as an installed app (from the Home Screen or
/// installed from the browser) rather than in a browser tab.
fn installed(window: &web_sys::Window) -> bool {
    let standalone = get(window, "matchMedia")
        .and_then(|f| f.dyn_into::<Function>().ok())
        .and_then(|f| f.call1(window, &JsValue::from_str("(display-mode: standalone)")).ok())
        .and_then(|list| get(&list, "matches"))
        .and_then(|m| m.as_bool());
    let ios = get(&window.navigator(), "standalone").and_then(|v| v.as_bool());
    standalone == Some(true) || ios == Some(true)
}

/// Whether this is Safari (WebKit's own browser) in a tab, where saved data
/// is deleted after seven days of use without a visit.
pub fn safari_tab() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let agent = window.navigator().user_agent().unwrap_or_default();
    hr_assessment::backup::is_safari(&agent) && !installed(&window)
}
