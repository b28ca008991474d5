//! The root component: sets up state, wires page-lifecycle events to
//! autosave, and switches between the home screen and the editor.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::components::editor::EditorPage;
use crate::components::home::Home;
use crate::components::report::ReportPage;
use crate::state::{AppState, Route};

/// The whole app. `namespace` prefixes every storage key (default
/// `afterword`), so several editors or other apps can share an origin.
#[component]
pub fn App(#[prop(optional, into)] namespace: Option<String>) -> impl IntoView {
    let app = AppState::new(namespace.as_deref().unwrap_or(""));
    provide_context(app);
    app.reload();
    if let Some(window) = web_sys::window() {
        let hash = window.location().hash().unwrap_or_default();
        app.route.set(Route::from_hash(&hash));
    }
    install_listeners(app);

    view! {
        <div class="aw-app">
            <a class="skip-link" href="#main">"Skip to content"</a>
            <header class="aw-header">
                <a class="aw-brand" href="#/" on:click=move |_| app.route.set(Route::Home)>
                    <img src="icons/icon.svg" alt="" width="28" height="28" />
                    <span>"Afterword"</span>
                </a>
                <span class="aw-tagline">"Blameless postmortems, written on your device"</span>
            </header>
            <UpdateBanner />
            <main id="main" class="aw-main" tabindex="-1">
                {move || match app.route.get() {
                    Route::Home => view! { <Home /> }.into_any(),
                    Route::Draft(id) => view! { <EditorPage id=id /> }.into_any(),
                    Route::Report(id) => view! { <ReportPage id=id /> }.into_any(),
                }}
            </main>
        </div>
    }
}

#[component]
fn UpdateBanner() -> impl IntoView {
    let app = crate::state::use_app();
    view! {
        <Show when=move || app.update_ready.get()>
            <div class="aw-banner" role="status">
                <span>"A new version of Afterword is ready."</span>
                <button
                    class="btn"
                    on:click=move |_| {
                        if let Some(s) = app.session.get_untracked() {
                            s.flush();
                        }
                        if let Some(w) = web_sys::window() {
                            if let Ok(ev) = web_sys::Event::new("afterword:apply-update") {
                                let _ = w.dispatch_event(&ev);
                            }
                        }
                    }
                >
                    "Reload to update"
                </button>
            </div>
        </Show>
    }
}

fn listen(target: &web_sys::EventTarget, event: &str, f: impl FnMut(web_sys::Event) + 'static) {
    let closure = Closure::<dyn FnMut(web_sys::Event)>::new(f);
    let _ = target.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
    // The listeners live as long as the page.
    closure.forget();
}

fn install_listeners(app: AppState) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let flush = move || {
        if let Some(s) = app.session.get_untracked() {
            s.flush();
        }
    };
    listen(&window, "hashchange", move |_| {
        let hash = web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default();
        let route = Route::from_hash(&hash);
        if app.route.get_untracked() != route {
            flush();
            app.route.set(route);
        }
    });
    listen(&window, "pagehide", move |_| flush());
    if let Some(document) = window.document() {
        let doc = document.clone();
        listen(&document, "visibilitychange", move |_| {
            if doc.visibility_state() == web_sys::VisibilityState::Hidden {
                flush();
            }
        });
    }
    // Unsaved edits (a failed write) make the browser ask before closing.
    listen(&window, "beforeunload", move |ev| {
        flush();
        if app.session.get_untracked().is_some_and(|s| s.is_dirty()) {
            ev.prevent_default();
            if let Ok(ev) = ev.dyn_into::<web_sys::BeforeUnloadEvent>() {
                ev.set_return_value("Your latest edits are not saved.");
            }
        }
    });
    // Another tab wrote to our storage.
    listen(&window, "storage", move |ev| {
        let Ok(ev) = ev.dyn_into::<web_sys::StorageEvent>() else {
            return;
        };
        let lib = app.library();
        let ns_prefix = format!("{}:", lib.namespace());
        let key = ev.key();
        // A null key means the whole storage was cleared.
        if key.as_deref().is_some_and(|k| !k.starts_with(&ns_prefix)) {
            return;
        }
        if let Some(s) = app.session.get_untracked() {
            if key.as_deref() == Some(lib.draft_key(&s.id()).as_str()) {
                s.external_change();
            }
        }
        app.reload();
    });
    listen(&window, "afterword:update-ready", move |_| {
        app.update_ready.set(true)
    });
}
