//! Afterword in the browser: a thin Leptos layer over `afterword-core`.
//!
//! Components render the model and hand the person's intent to it; browser
//! APIs (localStorage, downloads, the clipboard, the embedding page's
//! events) sit behind the small adapters in [`browser`], [`clipboard`] and
//! [`host`]. Imports run one way: the entry points ([`start`],
//! [`embed::mount_app`]) mount the [`app`], the app holds the screens
//! ([`components`]), and the screens use [`state`], [`session`] and the
//! adapters, which use the core.

pub mod app;
pub mod browser;
pub mod clipboard;
pub mod components;
pub mod embed;
pub mod host;
pub mod parts;
pub mod route;
pub mod safeguard;
pub mod session;
pub mod spill;
pub mod state;
pub mod team;

/// Starts the standalone app on the page's `<body>`, if the page asks for
/// it (`<body data-afterword-app>`, as index.html does). A page embedding the
/// editor loads the same module but mounts through [`embed::mount_app`], so
/// nothing may appear on its body.
pub fn start() {
    console_error_panic_hook::set_once();
    let document = web_sys::window().and_then(|w| w.document());
    let wanted = document
        .as_ref()
        .and_then(|d| d.body())
        .is_some_and(|b| b.has_attribute("data-afterword-app"));
    if wanted {
        // index.html shows a light shell while the wasm downloads; the app
        // takes its place.
        wasm_bindgen_futures::spawn_local(async move {
            // What overflowed into IndexedDB is read before the app reads
            // its storage.
            browser::prepare_storage().await;
            if let Some(shell) = document.and_then(|d| d.get_element_by_id("aw-boot")) {
                shell.remove();
            }
            leptos::mount::mount_to_body(|| leptos::view! { <app::App /> });
        });
    }
}
