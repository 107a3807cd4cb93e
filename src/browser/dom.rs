//! Focus, titles, scrolling and printing: small DOM chores the views ask for.

use wasm_bindgen::JsCast;

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// Sets the tab title.
pub fn set_title(title: &str) {
    if let Some(d) = document() {
        d.set_title(title);
    }
}

/// Moves keyboard and screen reader focus to an element by id, scrolling it
/// into view. Returns false when there is no such element.
pub fn focus_id(id: &str) -> bool {
    let Some(el) = document().and_then(|d| d.get_element_by_id(id)) else {
        return false;
    };
    let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() else {
        return false;
    };
    let _ = el.focus();
    el.scroll_into_view();
    true
}

/// Runs `f` after the browser has rendered the current changes.
pub fn after_render(f: impl FnOnce() + 'static) {
    let Some(w) = web_sys::window() else { return };
    let cb = wasm_bindgen::closure::Closure::once_into_js(f);
    let _ = w.request_animation_frame(cb.unchecked_ref());
}

/// Opens every <details> so a printout shows the working, then prints.
pub fn print() {
    let Some(w) = web_sys::window() else { return };
    if let Some(d) = document() {
        if let Ok(list) = d.query_selector_all("details") {
            for i in 0..list.length() {
                if let Some(el) = list
                    .item(i)
                    .and_then(|n| n.dyn_into::<web_sys::HtmlDetailsElement>().ok())
                {
                    el.set_open(true);
                }
            }
        }
    }
    let _ = w.print();
}

/// The current location hash, without the leading '#'.
pub fn hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .map(|h| h.trim_start_matches('#').to_owned())
        .unwrap_or_default()
}

/// Navigates to a hash route, adding a history entry (so Back works).
pub fn go(hash: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_hash(hash);
    }
}

/// Focuses the checked input inside an element (or its first input), for
/// Change links that return to one question. Returns false if not found.
pub fn focus_first_input(container_id: &str) -> bool {
    let Some(d) = document() else { return false };
    let selector = format!("#{container_id} input:checked, #{container_id} input");
    let Ok(Some(el)) = d.query_selector(&selector) else {
        return false;
    };
    let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() else {
        return false;
    };
    let _ = el.focus();
    el.scroll_into_view();
    true
}

/// Leaves at once for the neutral page, replacing this one in the tab's
/// history so Back does not return to it.
pub fn quick_exit() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().replace("away.html");
    }
}
