//! Confirmations that take the place of the button that asked for them
//! ("Delete …?" with "Yes" and "Cancel"). Without help, focus would fall to
//! the page when that button goes: the question would not be read out, and
//! Tab would start again from the top. So the confirmation takes the focus
//! when it appears, and Cancel gives it back to the button.

use crate::browser::dom;
use leptos::html::Div;
use leptos::prelude::*;

/// For the confirmation's container (with `tabindex="-1"` and labelled by
/// its question): it takes the focus as soon as it is in the page.
pub fn focus_on_show() -> NodeRef<Div> {
    let node = NodeRef::<Div>::new();
    Effect::new(move |_| {
        if let Some(el) = node.get() {
            let _ = el.focus();
        }
    });
    node
}

/// After Cancel: focus the asking button (by id) once it is back.
pub fn refocus(id: impl Into<String>) {
    let id = id.into();
    dom::after_render(move || dom::focus_quietly(&id));
}
