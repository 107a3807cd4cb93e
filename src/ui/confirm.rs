//! Confirmations that take the place of the button that asked for them
//! ("Delete …?" with "Yes" and "Cancel"). Without help, focus would fall to
//! the page when that button goes: the question would not be read out, and
//! Tab would start again from the top. So the confirmation takes the focus
//! when it appears, and Cancel gives it back to the button. Forms that open
//! in place (renaming, an encrypted download) do the same with their first
//! field.

use crate::browser::dom;

/// Focus an element (by id) once the page shows it: a confirmation's
/// container (`tabindex="-1"`, labelled by its question) when it opens, the
/// asking button after Cancel (or when a form in place is done), the first
/// field of a form that opens in place. By id from the click handler, not a
/// `NodeRef` in the view: the same behaviour, 0.7 KB less WebAssembly.
pub fn refocus(id: &str) {
    let id = id.to_owned();
    dom::after_render(move || dom::focus_quietly(&id));
}
