//! Afterword in the browser: a thin Leptos layer over `afterword-core`.
//!
//! Components render the model and hand the person's intent to it; browser
//! APIs (localStorage, downloads, page lifecycle) sit behind the small
//! adapters in [`browser`].

pub mod app;
pub mod browser;
pub mod clipboard;
pub mod components;
pub mod embed;
pub mod safeguard;
pub mod session;
pub mod state;

/// Starts the standalone app on the page's `<body>`, if the page asks for
/// it (`<body data-afterword-app>`, as index.html does). A page embedding the
/// editor loads the same module but mounts through [`embed::mount_app`], so
/// nothing may appear on its body.
pub fn start() {
    console_error_panic_hook::set_once();
    let wanted = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
        .is_some_and(|b| b.has_attribute("data-afterword-app"));
    if wanted {
        leptos::mount::mount_to_body(|| leptos::view! { <app::App /> });
    }
}
