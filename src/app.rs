//! The root component: sets up state, wires page-lifecycle events to
//! autosave, and switches between the home screen and the editor.
//!
//! Every way out of a draft passes `AppState::may_leave` (see `safeguard`):
//! links in the app (checked before their own handlers run), the address
//! changing (Back, a typed address), the update reload. Hiding or closing
//! the page saves, or keeps the unsaved version under a recovery key.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::components::home::Home;
use crate::components::kept_versions::KeptVersions;
use crate::components::leave_choice::LeaveChoice;
use crate::host::Host;
use crate::parts::{self, Part};
use crate::safeguard::Leave;
use crate::session::OpenDraft;
use crate::state::{AppOptions, AppState, Route};

/// The whole app. `namespace` prefixes every storage key (default
/// `afterword`), so several editors or other apps can share an origin.
/// `options` set up an embedded instance (in-memory routes, theme, template,
/// no draft list); `host` receives its saved/exported events.
#[component]
pub fn App(
    #[prop(optional, into)] namespace: Option<String>,
    #[prop(optional)] options: Option<AppOptions>,
    #[prop(optional)] host: Option<Host>,
) -> impl IntoView {
    let options = options.unwrap_or_default();
    let embedded = options.embedded;
    let show_drafts = options.show_drafts;
    let theme = options.theme.key();
    let icon = format!("{}icons/icon.svg", options.asset_base);
    let team_library = options.team_library.clone();
    let app = AppState::with_options(namespace.as_deref().unwrap_or(""), options, host);
    provide_context(app);
    // The open draft's slot, which every way out of the editor checks.
    let open = app.open;
    provide_context(open);
    app.start();
    if embedded {
        app.on_removal(move || app.before_removal());
        app.reopen_held();
    }
    if !embedded {
        if let Some(window) = web_sys::window() {
            let hash = window.location().hash().unwrap_or_default();
            app.route.set(Route::from_hash(&hash));
        }
    }
    install_listeners(app, open);
    provide_context(crate::team::Team::new(app, team_library));

    // Embedded, the page's address belongs to the host: in-app links
    // ("#/draft/<id>", "#main") are followed here instead of changing it.
    let follow_in_app_link = move |ev: leptos::ev::MouseEvent| {
        if !embedded || ev.default_prevented() {
            return;
        }
        let Some(link) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("a[href^='#']").ok().flatten())
        else {
            return;
        };
        ev.prevent_default();
        let href = link.get_attribute("href").unwrap_or_default();
        if href == "#main" {
            let main = link
                .closest(".aw-app")
                .ok()
                .flatten()
                .and_then(|app| app.query_selector(".aw-main").ok().flatten())
                .and_then(|m| m.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(main) = main {
                let _ = main.focus();
            }
            return;
        }
        let route = Route::from_hash(&href);
        if app.route.get_untracked() != route {
            app.navigate(route);
        }
    };

    let screen = move || match app.route.get() {
        Route::Home if !show_drafts => match app.single_draft() {
            Some(id) => parts::screen(Part::Editor(id)),
            None => view! { <Home /> }.into_any(),
        },
        Route::Home => view! { <Home /> }.into_any(),
        Route::Draft(id) => parts::screen(Part::Editor(id)),
        Route::Review => parts::screen(Part::Review),
        Route::Report(id) => parts::screen(Part::Report(id)),
        Route::Templates => parts::screen(Part::Templates),
        Route::Team => parts::screen(Part::Team),
    };

    // Unique per editor: a host page has navigation of its own, and may hold
    // several editors.
    let nav_label = if embedded {
        format!("Afterword ({})", app.library().namespace())
    } else {
        "Afterword".to_owned()
    };
    view! {
        <div
            node_ref=app.root()
            class="aw-app"
            class:aw-embedded=embedded
            data-theme=theme
            data-drafts=if show_drafts { "shown" } else { "hidden" }
            on:click=follow_in_app_link
        >
            <a class="skip-link" href="#main">"Skip to content"</a>
            <header class="aw-header">
                <a class="aw-brand" href="#/" on:click=move |_| app.route.set(Route::Home)>
                    <img src=icon alt="" width="28" height="28" />
                    <span>"Afterword"</span>
                </a>
                <span class="aw-tagline">"Blameless postmortems, written on your device"</span>
                <nav class="aw-nav" aria-label=nav_label>
                    <a
                        href="#/review"
                        aria-current=move || (app.route.get() == Route::Review).then_some("page")
                        on:click=move |_| app.route.set(Route::Review)
                    >
                        "Review"
                    </a>
                    <a
                        href="#/templates"
                        aria-current=move || (app.route.get() == Route::Templates).then_some("page")
                        on:click=move |_| app.route.set(Route::Templates)
                    >
                        "Templates"
                    </a>
                    <a
                        href="#/team"
                        aria-current=move || (app.route.get() == Route::Team).then_some("page")
                        on:click=move |_| app.route.set(Route::Team)
                    >
                        "Team library"
                    </a>
                </nav>
            </header>
            <UpdateBanner />
            {if embedded {
                // Not a landmark: the embedding page has its own <main>.
                view! { <div id="main" class="aw-main" tabindex="-1"><LeaveChoice /><KeptVersions /><Notices />{screen}</div> }.into_any()
            } else {
                view! { <main id="main" class="aw-main" tabindex="-1"><LeaveChoice /><KeptVersions /><Notices />{screen}</main> }.into_any()
            }}
        </div>
    }
}

/// What the app has to tell the person (something repaired, set aside or
/// refused), on every screen until dismissed.
#[component]
fn Notices() -> impl IntoView {
    let app = crate::state::use_app();
    view! {
        <Show when=move || !app.notices.with(|n| n.is_empty())>
            <div class="panel panel-warn" role="status">
                <ul class="notices">
                    {move || app.notices.get().into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
                </ul>
                <button class="btn btn-small" on:click=move |_| app.notices.set(Vec::new())>"Dismiss"</button>
            </div>
        </Show>
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
                        if !app.may_leave(Leave::Reload) {
                            return;
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

/// Page-level listeners of one app; removed when the app is unmounted (an
/// embedded editor can come and go while the page stays).
struct PageListeners(Vec<PageListener>);

/// Where a listener sits, on which event, and the closure to remove.
type PageListener = (
    web_sys::EventTarget,
    String,
    Closure<dyn FnMut(web_sys::Event)>,
);

impl PageListeners {
    fn listen(
        &mut self,
        target: &web_sys::EventTarget,
        event: &str,
        f: impl FnMut(web_sys::Event) + 'static,
    ) {
        let closure = Closure::<dyn FnMut(web_sys::Event)>::new(f);
        let _ = target.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
        self.0.push((target.clone(), event.to_owned(), closure));
    }
}

impl PageListeners {
    /// Like `listen`, in the capture phase: before any handler of the page.
    fn listen_capture(
        &mut self,
        target: &web_sys::EventTarget,
        event: &str,
        f: impl FnMut(web_sys::Event) + 'static,
    ) {
        let closure = Closure::<dyn FnMut(web_sys::Event)>::new(f);
        let _ = target.add_event_listener_with_callback_and_bool(
            event,
            closure.as_ref().unchecked_ref(),
            true,
        );
        self.0
            .push((target.clone(), format!("capture:{event}"), closure));
    }
}

/// The `#/…` address of the in-app link an event happened on, if any. The
/// path is read through shadow roots (an embedded editor lives in one).
fn in_app_link(ev: &web_sys::Event) -> Option<String> {
    let first = ev.composed_path().get(0);
    let element = first.dyn_into::<web_sys::Element>().ok()?;
    let link = element.closest("a[href^='#/']").ok().flatten()?;
    link.get_attribute("href")
}

impl Drop for PageListeners {
    fn drop(&mut self) {
        for (target, event, closure) in self.0.drain(..) {
            let f = closure.as_ref().unchecked_ref();
            let _ = match event.strip_prefix("capture:") {
                Some(event) => target.remove_event_listener_with_callback_and_bool(event, f, true),
                None => target.remove_event_listener_with_callback(&event, f),
            };
        }
    }
}

fn install_listeners(app: AppState, open: OpenDraft) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let mut listeners = PageListeners(Vec::new());
    // The page may be going away: save, or keep what cannot be saved.
    // False when the edits are neither saved nor kept.
    let keep = move |closing: bool| {
        let Some(Some(s)) = open.0.try_get_untracked() else {
            return true;
        };
        let kept = s.keep_if_closing(closing);
        if closing {
            s.linger_presence();
        }
        kept
    };
    // In-app links are checked before their own handlers (which switch the
    // screen at once): a draft that cannot be saved is not left.
    listeners.listen_capture(&window, "click", move |ev| {
        if !app.is_alive() || !app.owns_event(&ev) {
            return;
        }
        let Some(mouse) = ev.dyn_ref::<web_sys::MouseEvent>() else {
            return;
        };
        // A new tab or window leaves nothing.
        if mouse.button() != 0 || mouse.ctrl_key() || mouse.meta_key() || mouse.shift_key() {
            return;
        }
        let Some(href) = in_app_link(&ev) else {
            return;
        };
        if !app.may_leave(Leave::To(Route::from_hash(&href))) {
            ev.prevent_default();
            ev.stop_immediate_propagation();
        }
    });
    // Only the standalone page routes by the address and updates itself.
    if !app.is_embedded() {
        listeners.listen(&window, "hashchange", move |_| {
            let hash = web_sys::window()
                .and_then(|w| w.location().hash().ok())
                .unwrap_or_default();
            let route = Route::from_hash(&hash);
            let current = app.route.get_untracked();
            if current == route {
                return;
            }
            if !app.may_leave(Leave::To(route.clone())) {
                // Back (or a typed address) already moved the address: put
                // the draft's back while the person chooses.
                if let Some(w) = web_sys::window() {
                    let _ = w.location().set_hash(&current.to_hash());
                }
                return;
            }
            app.route.set(route);
        });
        listeners.listen(&window, "afterword:update-ready", move |_| {
            app.update_ready.set(true)
        });
        // Another tab took the update and every tab reloads: not this one
        // while its edits cannot be saved.
        listeners.listen(&window, "afterword:before-reload", move |ev| {
            if !app.may_leave(Leave::Reload) {
                ev.prevent_default();
            }
        });
    }
    // A file dropped where nothing takes files must not make the browser
    // leave the app to show it. The home screen's import zone takes files
    // and listens for them itself.
    let refuses_files = move |ev: &web_sys::Event| {
        let takes_files =
            app.route.get_untracked() == Route::Home && app.options.with_value(|o| o.show_drafts);
        !takes_files
            && ev
                .dyn_ref::<web_sys::DragEvent>()
                .is_some_and(crate::components::import::carries_files)
            && app.owns_event(ev)
    };
    listeners.listen(&window, "dragover", move |ev| {
        if refuses_files(&ev) {
            ev.prevent_default();
        }
    });
    listeners.listen(&window, "drop", move |ev| {
        if refuses_files(&ev) {
            ev.prevent_default();
            app.notify(if app.options.with_value(|o| o.show_drafts) {
                "Nothing was imported: files are imported on the list of postmortems. Go to \u{201c}All postmortems\u{201d} and drop the file there."
            } else {
                "Nothing was imported: this editor does not take files."
            });
        }
    });
    listeners.listen(&window, "pagehide", move |_| {
        keep(true);
    });
    if let Some(document) = window.document() {
        let doc = document.clone();
        listeners.listen(&document, "visibilitychange", move |_| {
            if doc.visibility_state() == web_sys::VisibilityState::Hidden {
                if let Some(Some(s)) = open.0.try_get_untracked() {
                    s.on_hidden();
                }
            }
        });
    }
    // Edits neither saved nor kept (storage refuses every write) make the
    // browser ask before closing. Kept edits do not: a tab that stayed
    // because of the question would save again, and two tabs closing at
    // once would then write over each other.
    listeners.listen(&window, "beforeunload", move |ev| {
        if !keep(true) {
            ev.prevent_default();
            if let Ok(ev) = ev.dyn_into::<web_sys::BeforeUnloadEvent>() {
                ev.set_return_value("Your latest edits are not saved.");
            }
        }
    });
    // Another tab, or another editor on this page, wrote to our storage.
    let foreign_write = move |key: Option<String>| {
        let lib = app.library();
        lib.forget_size(key.as_deref());
        // No key means the whole storage was cleared.
        if key.as_deref().is_some_and(|k| !lib.owns_key(k)) {
            return;
        }
        if let Some(s) = open.0.get_untracked() {
            if key.as_deref().and_then(|k| lib.draft_id_of_key(k)) == Some(s.id().as_str()) {
                s.external_change();
            }
        }
        app.reload();
        app.foreign_writes.update(|n| *n += 1);
    };
    listeners.listen(&window, "storage", move |ev| {
        if let Ok(ev) = ev.dyn_into::<web_sys::StorageEvent>() {
            foreign_write(ev.key());
        }
    });
    listeners.listen(&window, crate::browser::WRITE_EVENT, move |ev| {
        let Some(detail) = ev.dyn_ref::<web_sys::CustomEvent>().map(|e| e.detail()) else {
            return;
        };
        let field = |name: &str| js_sys::Reflect::get(&detail, &name.into()).ok();
        let writer = field("writer").and_then(|w| w.as_f64()).unwrap_or(0.0) as u32;
        if writer == app.writer_id() {
            return;
        }
        let key = field("key").and_then(|k| k.as_string());
        // After the other editor's save has finished, not in the middle of it.
        set_timeout(
            move || {
                if app.is_alive() {
                    foreign_write(key)
                }
            },
            std::time::Duration::ZERO,
        );
    });
    // IndexedDB refused an entry that localStorage had no room for.
    listeners.listen(&window, crate::spill::FAILED_EVENT, move |ev| {
        let why = ev
            .dyn_ref::<web_sys::CustomEvent>()
            .and_then(|e| e.detail().as_string())
            .unwrap_or_default();
        // The open draft's last save went there: it did not last.
        if let Some(Some(session)) = app.open.0.try_get_untracked() {
            let id = session.doc.with_untracked(|d| d.id.clone());
            if app.library().is_spilled(&id) {
                session.save_lost(&why);
            }
        }
        app.notify(format!(
            "This browser's storage is full and IndexedDB refused the overflow ({why}). \
             Download a backup from the home screen before closing this tab, \
             then empty the trash or keep fewer drafts on this device."
        ));
    });
    // Owned by the app's reactive owner: dropped (and so removed) with it.
    StoredValue::new_local(listeners);
}
