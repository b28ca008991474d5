//! A panel that tells the person something until they dismiss it.

use leptos::prelude::*;

/// A panel (`class`, such as "panel panel-error", and its `role`) showing
/// `body` and then a "Dismiss" button that calls `dismiss`. `test_id`
/// marks it for the end-to-end tests, where they look for it.
pub fn dismissible(
    class: &'static str,
    role: &'static str,
    test_id: Option<&'static str>,
    body: impl IntoView,
    dismiss: impl Fn() + 'static,
) -> impl IntoView {
    view! {
        <div class=class role=role data-testid=test_id>
            {body}
            <button class="btn btn-small" on:click=move |_| dismiss()>"Dismiss"</button>
        </div>
    }
}
