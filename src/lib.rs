//! Afterword in the browser: a thin Leptos layer over `afterword-core`.
//!
//! Components render the model and hand the person's intent to it; browser
//! APIs (localStorage, downloads, page lifecycle) sit behind the small
//! adapters in [`browser`].

pub mod app;
pub mod browser;
pub mod clipboard;
pub mod components;
pub mod session;
pub mod state;

/// Starts the app on the page's `<body>`.
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(|| leptos::view! { <app::App /> });
}
