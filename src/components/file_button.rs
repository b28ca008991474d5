//! A button that opens the system's file chooser. The file input itself is
//! hidden (and out of the tab order), so the page shows one button; the
//! input keeps a label for screen readers that reach it anyway.

use leptos::prelude::*;

use crate::components::fields::dom_id;

/// The files chosen in a file input, in order. The input is emptied, so
/// that choosing the same file again fires `change` again.
pub fn take_chosen_files(input: NodeRef<leptos::html::Input>) -> Vec<web_sys::File> {
    let Some(input) = input.get_untracked() else {
        return Vec::new();
    };
    let files = input
        .files()
        .map(|list| (0..list.length()).filter_map(|i| list.item(i)).collect())
        .unwrap_or_default();
    input.set_value("");
    files
}

/// "Choose a file" as a button: `on_files` gets what the person chose (one
/// file unless `multiple`). Choosing the same file twice calls it twice.
#[component]
pub fn FileButton(
    /// The words on the button.
    text: &'static str,
    /// The hidden input's label ("Backup file to restore").
    label: &'static str,
    /// The `accept` list of the input.
    accept: &'static str,
    on_files: Callback<Vec<web_sys::File>>,
    #[prop(optional)] multiple: bool,
    /// The id of a hint the button is described by.
    #[prop(optional, into)]
    described_by: Option<String>,
    /// An id for the button, for moving the focus back to it.
    #[prop(optional, into)]
    id: Option<String>,
) -> impl IntoView {
    let input_ref = NodeRef::<leptos::html::Input>::new();
    let input_id = dom_id("file");
    let on_change = move |_| {
        let files = take_chosen_files(input_ref);
        if !files.is_empty() {
            on_files.run(files);
        }
    };
    let choose = move |_| {
        if let Some(input) = input_ref.get_untracked() {
            input.click();
        }
    };
    view! {
        <label class="visually-hidden" for=input_id.clone()>{label}</label>
        <input
            id=input_id
            class="visually-hidden"
            type="file"
            accept=accept
            multiple=multiple
            tabindex="-1"
            node_ref=input_ref
            on:change=on_change
        />
        <button type="button" class="btn" id=id aria-describedby=described_by on:click=choose>{text}</button>
    }
}
