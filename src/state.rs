//! App-wide state: the drafts library, the draft list shown on the home
//! screen, the current route and the open editing session.

use std::sync::Arc;

use afterword_core::ids::new_id;
use afterword_core::model::Postmortem;
use afterword_core::store::{DraftMeta, Library, Quarantined, Usage, DEFAULT_NAMESPACE};
use leptos::prelude::*;

use crate::browser::{entropy, now, WebStore};
use crate::session::Session;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Home,
    Draft(String),
    /// The read-only, printable report of a draft.
    Report(String),
}

impl Route {
    pub fn from_hash(hash: &str) -> Route {
        let h = hash.trim_start_matches('#').trim_start_matches('/');
        let report = h
            .strip_prefix("draft/")
            .and_then(|rest| rest.strip_suffix("/report"))
            .filter(|id| !id.is_empty());
        if let Some(id) = report {
            return Route::Report(id.to_owned());
        }
        match h.strip_prefix("draft/") {
            Some(id) if !id.is_empty() => Route::Draft(id.to_owned()),
            _ => Route::Home,
        }
    }
    pub fn to_hash(&self) -> String {
        match self {
            Route::Home => "#/".into(),
            Route::Draft(id) => format!("#/draft/{id}"),
            Route::Report(id) => format!("#/draft/{id}/report"),
        }
    }
}

/// Handles to everything the components share. All fields are cheap copies.
#[derive(Clone, Copy)]
pub struct AppState {
    library: StoredValue<Arc<Library<WebStore>>>,
    pub drafts: RwSignal<Vec<DraftMeta>>,
    pub quarantined: RwSignal<Vec<Quarantined>>,
    /// Plain-language notes about anything repaired, set aside or failed.
    pub notices: RwSignal<Vec<String>>,
    pub usage: RwSignal<Option<Usage>>,
    pub route: RwSignal<Route>,
    pub update_ready: RwSignal<bool>,
    /// The draft open in the editor, if any.
    pub session: RwSignal<Option<Session>>,
}

impl AppState {
    pub fn new(namespace: &str) -> Self {
        let ns = if namespace.is_empty() {
            DEFAULT_NAMESPACE
        } else {
            namespace
        };
        AppState {
            library: StoredValue::new(Arc::new(Library::new(WebStore, ns))),
            drafts: RwSignal::new(Vec::new()),
            quarantined: RwSignal::new(Vec::new()),
            notices: RwSignal::new(Vec::new()),
            usage: RwSignal::new(None),
            route: RwSignal::new(Route::Home),
            update_ready: RwSignal::new(false),
            session: RwSignal::new(None),
        }
    }

    pub fn library(&self) -> Arc<Library<WebStore>> {
        self.library.get_value()
    }

    /// Reads the whole namespace again (start-up, another tab's change).
    pub fn reload(&self) {
        let loaded = self.library().load();
        self.drafts
            .set(loaded.drafts.into_iter().map(|(meta, _)| meta).collect());
        self.quarantined.set(loaded.quarantined);
        if !loaded.notices.is_empty() {
            self.notices.update(|n| {
                for notice in loaded.notices {
                    if !n.contains(&notice) {
                        n.push(notice);
                    }
                }
            });
        }
        self.refresh_usage();
    }

    pub fn refresh_usage(&self) {
        self.usage.set(self.library().usage().ok());
    }

    pub fn notify(&self, message: impl Into<String>) {
        let message = message.into();
        self.notices.update(|n| n.push(message));
    }

    /// Puts a saved draft's row in the list (new or updated).
    pub fn upsert_meta(&self, meta: DraftMeta) {
        self.drafts.update(|rows| {
            rows.retain(|m| m.id != meta.id);
            rows.insert(0, meta);
            rows.sort_by(|a, b| b.updated_at.cmp(&a.updated_at).then(a.id.cmp(&b.id)));
        });
        self.refresh_usage();
    }

    pub fn navigate(&self, route: Route) {
        if let Some(window) = web_sys::window() {
            let _ = window.location().set_hash(&route.to_hash());
        }
        self.route.set(route);
    }

    /// Creates and stores a new draft, then opens it.
    pub fn create_draft(&self) {
        let doc = Postmortem::new(new_id("pm", now(), entropy()), now());
        self.store_new(doc);
    }

    /// Stores a brand-new document (a copy, an import) and opens it.
    pub fn store_new(&self, mut doc: Postmortem) {
        match self.library().save(&mut doc, now()) {
            Ok(meta) => {
                self.upsert_meta(meta);
                self.navigate(Route::Draft(doc.id));
            }
            Err(e) => self.notify(format!("The new draft could not be stored: {e}.")),
        }
    }
}

pub fn use_app() -> AppState {
    expect_context::<AppState>()
}
