//! Choosing files, or dropping them: the saved assessments' import and the
//! team view's "Add results" both use this one field.

use leptos::prelude::*;

/// A labelled file input inside a drop zone. `on_files` gets the files
/// chosen or dropped (only the first unless `multiple`); the input is then
/// emptied, so that choosing the same file again reads it again.
#[component]
pub fn FileDrop(
    /// The input's id (its label points at it).
    id: &'static str,
    label: &'static str,
    #[prop(optional)] multiple: bool,
    on_files: Callback<Vec<web_sys::File>>,
) -> impl IntoView {
    let dragging = RwSignal::new(false);
    let take = move |list: Option<web_sys::FileList>| {
        let Some(list) = list else { return };
        let count = if multiple { list.length() } else { list.length().min(1) };
        let files: Vec<web_sys::File> = (0..count).filter_map(|i| list.get(i)).collect();
        if !files.is_empty() {
            on_files.run(files);
        }
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(t).ok())
        else {
            return;
        };
        take(input.files());
        input.set_value("");
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        take(ev.data_transfer().and_then(|d| d.files()));
    };
    view! {
        <div class="drop-zone" class:drop-zone--active=move || dragging.get()
            on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); dragging.set(true); }
            on:dragleave=move |_| dragging.set(false)
            on:drop=on_drop>
            <label class="label" for=id>{label}</label>
            <input class="file-input" id=id type="file" multiple=multiple accept=".json,application/json" on:change=on_pick/>
        </div>
    }
}
