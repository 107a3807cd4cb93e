//! Confirmations that take the place of the button that asked for them
//! ("Delete …?" with "Yes" and "Cancel"). Without help, focus would fall to
//! the page when that button goes: the question would not be read out, and
//! Tab would start again from the top. So the confirmation takes the focus
//! when it appears, and Cancel gives it back to the button. Forms that open
//! in place (renaming, an encrypted download) do the same with their first
//! field.

use crate::browser::dom;
use leptos::html::ElementType;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// For the confirmation's container (with `tabindex="-1"` and labelled by
/// its question), or the first field of a form that appears in place: it
/// takes the focus as soon as it is in the page.
pub fn focus_on_show<E>() -> NodeRef<E>
where
    E: ElementType,
    E::Output: JsCast + Clone + 'static,
{
    let node = NodeRef::<E>::new();
    node.on_load(|el| {
        let _ = el.unchecked_ref::<web_sys::HtmlElement>().focus();
    });
    node
}

/// Focus an element (by id) once the page shows it: the asking button after
/// Cancel (or after a form in place is done), or the first field of a form
/// that opens in place.
pub fn refocus(id: impl Into<String>) {
    let id = id.into();
    dom::after_render(move || dom::focus_quietly(&id));
}
