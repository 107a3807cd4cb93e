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

/// The element with this id, if there is one and it can take focus.
fn html_element(id: &str) -> Option<web_sys::HtmlElement> {
    document()?.get_element_by_id(id)?.dyn_into().ok()
}

/// Moves focus to an element by id where it is, without scrolling it to the
/// top (the browser brings it just into view if needed).
pub fn focus_quietly(id: &str) {
    if let Some(el) = html_element(id) {
        let _ = el.focus();
    }
}

/// Moves keyboard and screen reader focus to an element by id, scrolling it
/// into view. Returns false when there is no such element.
pub fn focus_id(id: &str) -> bool {
    let Some(el) = html_element(id) else {
        return false;
    };
    let _ = el.focus();
    el.scroll_into_view();
    true
}

/// On a new page: back to the top (so the header and its Quick exit are in
/// view) and focus on the page's heading, without scrolling past the header.
pub fn focus_page_heading() -> bool {
    let Some(w) = web_sys::window() else { return false };
    w.scroll_to_with_x_and_y(0.0, 0.0);
    let Some(el) = html_element("page-heading") else {
        return false;
    };
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = el.focus_with_options(&options);
    true
}

/// Whether nothing has the keyboard focus (it is on the page's body, or the
/// element that had it was taken out of the page).
pub fn focus_is_lost() -> bool {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    match (doc.active_element(), doc.body()) {
        (None, _) => true,
        (Some(el), Some(body)) => el == *body.unchecked_ref::<web_sys::Element>(),
        (Some(_), None) => false,
    }
}

/// Runs `f` after the browser has rendered the current changes.
pub fn after_render(f: impl FnOnce() + 'static) {
    let Some(w) = web_sys::window() else { return };
    let cb = wasm_bindgen::closure::Closure::once_into_js(f);
    let _ = w.request_animation_frame(cb.unchecked_ref());
}

/// Runs `f` after the browser has painted the current changes: in a task
/// of its own, after the next frame.
pub fn after_paint(f: impl FnOnce() + 'static) {
    after_render(move || {
        let Some(w) = web_sys::window() else { return };
        let cb = wasm_bindgen::closure::Closure::once_into_js(f);
        let _ = w.set_timeout_with_callback(cb.unchecked_ref());
    });
}

/// Opens every <details> so a printout shows the working, then prints.
pub fn print() {
    let Some(w) = web_sys::window() else { return };
    open_all_details();
    let _ = w.print();
}

/// Opens every <details> (before printing from the browser's own menu too).
pub fn open_all_details() {
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
/// history so Back does not return to it. Inside a frame (the app embedded
/// in a workshop's page) the whole tab leaves, not just the frame: a click
/// or key press lets a frame navigate the top window. If the browser
/// refuses (a sandboxed frame), the frame itself leaves, which the user
/// sees happen.
pub fn quick_exit() {
    let Some(w) = web_sys::window() else { return };
    let away = web_sys::Url::new_with_base("away.html", &w.location().href().unwrap_or_default())
        .map(|u| u.href())
        .unwrap_or_else(|_| "away.html".into());
    if let Ok(Some(top)) = w.top() {
        if top != w && top.location().replace(&away).is_ok() {
            return;
        }
    }
    let _ = w.location().replace(&away);
}

/// Whether the page address carries `?name=1` (or `&name=1`): how a trainer
/// asks for embed or kiosk mode. Only these flags are read from the query
/// string; answers never go there.
pub fn query_flag(name: &str) -> bool {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    search
        .trim_start_matches('?')
        .split('&')
        .any(|kv| kv == format!("{name}=1") || kv == name)
}

/// Reloads the page at its own address without the query string (leaving
/// kiosk mode), starting at the start page.
pub fn leave_query() {
    if let Some(w) = web_sys::window() {
        let location = w.location();
        let path = location.pathname().unwrap_or_else(|_| "/".into());
        let query = location.search().unwrap_or_default();
        let _ = location.replace(&format!("{path}#/"));
        // Without a query only the fragment changed: load the page again, so
        // the app starts afresh (out of kiosk mode).
        if query.is_empty() {
            let _ = location.reload();
        }
    }
}

/// Replaces the address's fragment without a new history entry, so a code
/// that was in it does not stay in the history.
pub fn replace_hash(hash: &str) {
    if let Some(w) = web_sys::window() {
        if let Ok(history) = w.history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(hash));
        }
    }
}

/// The address of this app in its own tab (no query string), with a fragment.
pub fn own_address(hash: &str) -> String {
    web_sys::window()
        .map(|w| {
            let l = w.location();
            format!(
                "{}{}{hash}",
                l.origin().unwrap_or_default(),
                l.pathname().unwrap_or_default()
            )
        })
        .unwrap_or_else(|| hash.to_owned())
}

/// Puts text on the clipboard (after a click). Returns false where the
/// browser offers no clipboard here.
pub fn copy_text(text: &str) -> bool {
    let Some(w) = web_sys::window() else { return false };
    let clipboard = w.navigator().clipboard();
    let _ = clipboard.write_text(text);
    true
}
