//! The error summary (GOV.UK's pattern): when a form cannot be accepted, a
//! box at its top says "There is a problem" and lists what is wrong, each
//! item a link to its field; focus moves to the box so screen reader and
//! keyboard users hear it at once. The message is also shown by the field.

use crate::browser::dom;
use crate::i18n::t;
use leptos::prelude::*;

/// Shows `errors` — (field id, message) pairs — as an error summary.
#[component]
pub fn ErrorSummary(#[prop(into)] errors: Signal<Vec<(String, String)>>, id: &'static str) -> impl IntoView {
    Effect::new(move |_| {
        if !errors.with(Vec::is_empty) {
            dom::after_render(move || {
                dom::focus_id(id);
            });
        }
    });
    let title_id = format!("{id}-title");
    move || {
        (!errors.with(Vec::is_empty)).then(|| {
            let labelled_by = title_id.clone();
            let heading_id = title_id.clone();
            view! {
                <div class="error-summary" id=id tabindex="-1" role="alert" aria-labelledby=labelled_by>
                    <h2 class="error-summary__title" id=heading_id>{t!("There is a problem", "Hay un problema")}</h2>
                    <ul>
                        {errors.get().into_iter().map(|(field, message)| {
                            view! {
                                <li>
                                    <a href="#" on:click=move |ev| {
                                        ev.prevent_default();
                                        dom::focus_id(&field);
                                    }>{message}</a>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </div>
            }
        })
    }
}
