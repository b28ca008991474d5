//! App-wide state: the drafts library, the draft list shown on the home
//! screen and the current route.

use std::cell::RefCell;
use std::sync::Arc;

use afterword_core::ids::new_id;
use afterword_core::model::Postmortem;
use afterword_core::store::{
    same_rows, DraftMeta, Library, Quarantined, StoreError, Usage, DEFAULT_NAMESPACE,
};
use leptos::prelude::*;

use crate::browser::{entropy, now, WebStore};
use crate::host::Host;
pub use crate::route::Route;
use crate::safeguard::{Leave, Safeguard};
use crate::session::{OpenDraft, Session, Ties};

/// Colours of the app: fixed, or following the device.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    Light,
    Dark,
    #[default]
    System,
}

impl Theme {
    pub fn from_key(key: &str) -> Option<Theme> {
        match key.trim() {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            "system" | "" => Some(Theme::System),
            _ => None,
        }
    }
    pub fn key(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::System => "system",
        }
    }
}

/// How this instance of the app is set up: the standalone page uses the
/// defaults; a page embedding the editor chooses them (see `embed`).
#[derive(Debug, Clone, PartialEq)]
pub struct AppOptions {
    /// Embedded in another page: routes stay in memory (the page's address
    /// belongs to the host, and two editors may share it).
    pub embedded: bool,
    /// Template id given to new drafts (`None`: the core's default).
    pub default_template: Option<String>,
    /// When set, every draft uses this template and it cannot be changed.
    pub locked_template: Option<String>,
    pub theme: Theme,
    /// Whether the list of drafts is offered; when not, one draft is edited.
    pub show_drafts: bool,
    /// Where the app's files are served from (ends with `/`), for images.
    pub asset_base: String,
    /// The team library's database address an embedding page offers.
    pub team_library: Option<String>,
}

impl Default for AppOptions {
    fn default() -> Self {
        AppOptions {
            embedded: false,
            default_template: None,
            locked_template: None,
            theme: Theme::System,
            show_drafts: true,
            asset_base: String::new(),
            team_library: None,
        }
    }
}

impl AppOptions {
    /// The template a new draft gets: the locked one wins over the default.
    pub fn template_for_new(&self) -> Option<&str> {
        self.locked_template
            .as_deref()
            .or(self.default_template.as_deref())
    }
}

/// Handles to everything the components share. All fields are cheap copies.
#[derive(Clone, Copy)]
pub struct AppState {
    library: StoredValue<Arc<Library<WebStore>>>,
    /// Who this instance's writes are announced as (see `WebStore::writer`).
    writer: u32,
    pub drafts: RwSignal<Vec<DraftMeta>>,
    pub quarantined: RwSignal<Vec<Quarantined>>,
    /// Plain-language notes about anything repaired, set aside or failed.
    pub notices: RwSignal<Vec<String>>,
    pub usage: RwSignal<Option<Result<Usage, StoreError>>>,
    pub route: RwSignal<Route>,
    pub update_ready: RwSignal<bool>,
    /// Leaving with unsaved edits, versions kept by closed tabs, a draft
    /// storage refused.
    pub guard: Safeguard,
    /// The draft open in the editor, if any (provided to the editor as
    /// [`OpenDraft`]).
    pub open: OpenDraft,
    /// Counts writes to this namespace by another tab or another editor on
    /// the page, for screens that keep their own copy of the drafts.
    pub foreign_writes: RwSignal<u64>,
    /// How this instance is set up; read with `app.options.with_value(..)`.
    pub options: StoredValue<AppOptions>,
    /// The embedding page's element and callbacks, when embedded.
    host: StoredValue<Option<Host>, LocalStorage>,
    /// The app's outermost element. Elements are looked up under it, never
    /// in the whole document: an embedded app lives in a shadow root, and a
    /// page may hold several apps.
    root: NodeRef<leptos::html::Div>,
    /// A field to focus when a draft opens (its id, the field's key), for
    /// links that lead to one place in a postmortem.
    focus_on_open: StoredValue<Option<(String, String)>>,
}

impl AppState {
    pub fn new(namespace: &str) -> Self {
        Self::with_options(namespace, AppOptions::default(), None)
    }

    pub fn with_options(namespace: &str, options: AppOptions, host: Option<Host>) -> Self {
        let ns = if namespace.is_empty() {
            DEFAULT_NAMESPACE
        } else {
            namespace
        };
        let writer = next_writer();
        AppState {
            library: StoredValue::new(Arc::new(Library::new(WebStore::writer(writer), ns))),
            writer,
            drafts: RwSignal::new(Vec::new()),
            quarantined: RwSignal::new(Vec::new()),
            notices: RwSignal::new(Vec::new()),
            usage: RwSignal::new(None),
            route: RwSignal::new(Route::Home),
            update_ready: RwSignal::new(false),
            guard: Safeguard::new(),
            open: OpenDraft(RwSignal::new(None)),
            foreign_writes: RwSignal::new(0),
            options: StoredValue::new(options),
            host: StoredValue::new_local(host),
            root: NodeRef::new(),
            focus_on_open: StoredValue::new(None),
        }
    }

    pub fn is_embedded(&self) -> bool {
        self.options.with_value(|o| o.embedded)
    }

    /// The template every draft must use, if the embedding page locked one.
    pub fn locked_template(&self) -> Option<String> {
        self.options.with_value(|o| o.locked_template.clone())
    }

    /// Tells the embedding page a draft was saved (no-op when standalone).
    pub fn emit_saved(&self, doc: &Postmortem) {
        let ns = self.library().namespace().to_owned();
        self.host.with_value(|h| {
            if let Some(h) = h {
                h.saved(&ns, doc)
            }
        });
    }

    /// Tells the embedding page a draft was exported, with the file's
    /// content; `format` is e.g. `json` or `markdown`. Every export (a
    /// download, a copy) should call this (no-op when standalone).
    pub fn emit_exported(&self, doc: &Postmortem, format: &str, file_name: &str, content: &str) {
        let ns = self.library().namespace().to_owned();
        self.host.with_value(|h| {
            if let Some(h) = h {
                h.exported(&ns, doc, format, file_name, content)
            }
        });
    }

    /// Hands the embedding page a draft whose edits could not be stored
    /// when the page removed the editor (no-op when standalone).
    pub fn emit_unsaved(&self, doc: &Postmortem) {
        let ns = self.library().namespace().to_owned();
        self.host.with_value(|h| {
            if let Some(h) = h {
                h.unsaved(&ns, doc)
            }
        });
    }

    /// Runs `f` when the embedding page removes this app (no-op when
    /// standalone).
    pub fn on_removal(&self, f: impl Fn() + 'static) {
        self.host.with_value(|h| {
            if let Some(h) = h {
                h.removal().set(f)
            }
        });
    }

    /// Attach to the app's outermost element (`node_ref=app.root()`).
    pub fn root(&self) -> NodeRef<leptos::html::Div> {
        self.root
    }

    /// The first element of this app that matches `selector`. Before the
    /// app is drawn (a component on its own, in tests) the document is
    /// searched instead.
    pub fn find(&self, selector: &str) -> Option<web_sys::HtmlElement> {
        use wasm_bindgen::JsCast;
        let found = match self.root.get_untracked() {
            Some(root) => root.query_selector(selector),
            None => document().query_selector(selector),
        };
        found.ok().flatten().and_then(|e| e.dyn_into().ok())
    }

    /// True when `ev` happened over this app: always for the standalone
    /// page, which is all app; for an embedded editor, only when the event
    /// passed through its element (a page may hold other editors, and drops
    /// of its own).
    pub fn owns_event(&self, ev: &web_sys::Event) -> bool {
        if !self.is_embedded() {
            return true;
        }
        let Some(root) = self.root.get_untracked() else {
            return false;
        };
        let root: &wasm_bindgen::JsValue = root.as_ref();
        ev.composed_path().iter().any(|n| &n == root)
    }

    /// This app's element with the DOM id `id`.
    pub fn find_id(&self, id: &str) -> Option<web_sys::HtmlElement> {
        self.find(&format!("[id=\"{}\"]", css_string(id)))
    }

    /// Focuses this app's element `id` once the current update is drawn.
    pub fn focus_later(&self, id: impl Into<String>) {
        let (app, id) = (*self, id.into());
        request_animation_frame(move || {
            if let Some(el) = app.find_id(&id) {
                let _ = el.focus();
            }
        });
    }

    /// Asks the editor of draft `id`, when it next opens, to focus the field
    /// with key `field` (a row path such as `action_items[a1].title`).
    pub fn focus_on_open(&self, id: &str, field: &str) {
        self.focus_on_open
            .set_value(Some((id.to_owned(), field.to_owned())));
    }

    /// The field asked for by [`Self::focus_on_open`] if it is for draft `id`;
    /// the request is used up either way.
    pub fn take_focus_on_open(&self, id: &str) -> Option<String> {
        let asked = self
            .focus_on_open
            .try_update_value(Option::take)
            .flatten()?;
        (asked.0 == id).then_some(asked.1)
    }

    /// False once the app is unmounted (its state is gone).
    pub fn is_alive(&self) -> bool {
        self.library.try_with_value(|_| ()).is_some()
    }

    pub fn library(&self) -> Arc<Library<WebStore>> {
        self.library.get_value()
    }

    /// Who this instance's writes are announced as, to tell them from another
    /// editor's on the same page.
    pub fn writer_id(&self) -> u32 {
        self.writer
    }

    /// What an editing session of `doc` needs from this app: the library,
    /// the safeguard, and where to report saves and notices.
    pub fn open_session(&self, doc: Postmortem) -> Session {
        let app = *self;
        Session::new(
            Ties {
                library: self.library,
                guard: self.guard,
                saved: Callback::new(move |(meta, doc): (DraftMeta, Option<Postmortem>)| {
                    app.upsert_meta(meta);
                    if let Some(doc) = doc {
                        app.emit_saved(&doc);
                    }
                }),
                notify: Callback::new(move |message: String| app.notify(message)),
            },
            doc,
        )
    }

    /// The first read of the library: the draft list as the index has it
    /// and the versions kept by closed tabs are shown at once, and every
    /// draft is read (unreadable ones set aside, the usage figure measured)
    /// once the page is idle. When the index cannot be trusted, everything
    /// is read first.
    pub fn start(&self) {
        let started = crate::browser::clock_ms();
        match self.library().listed() {
            Some(rows) => {
                self.drafts.set(rows);
                // Versions kept by tabs that closed are offered at once.
                self.guard.refresh(&self.library());
                crate::browser::record_timing(
                    "first-list-ms",
                    crate::browser::clock_ms() - started,
                );
                let app = *self;
                crate::browser::when_idle(move || {
                    if app.is_alive() {
                        app.reload();
                    }
                });
            }
            None => self.reload(),
        }
    }

    /// Reads the whole namespace again (start-up, another tab's change).
    pub fn reload(&self) {
        let started = crate::browser::clock_ms();
        let loaded = self.library().load();
        crate::browser::record_timing("last-load-ms", crate::browser::clock_ms() - started);
        let rows: Vec<DraftMeta> = loaded.drafts.into_iter().map(|(meta, _)| meta).collect();
        // Rows that look the same are swapped in without a redraw: a screen
        // in use (a focused select, a half-typed search) is left alone, and
        // search and sort find the fields only a full read fills.
        if self.drafts.with_untracked(|old| same_rows(old, &rows)) {
            self.drafts.update_untracked(|d| *d = rows);
        } else {
            self.drafts.set(rows);
        }
        if self
            .quarantined
            .with_untracked(|q| *q != loaded.quarantined)
        {
            self.quarantined.set(loaded.quarantined);
        }
        self.guard.refresh(&self.library());
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
        self.usage.set(Some(self.library().usage()));
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

    /// Opens a screen. The standalone page keeps it in the address (back
    /// button, bookmarks); an embedded editor keeps it in memory.
    ///
    /// Leaving a draft whose edits cannot be saved stops and asks first.
    pub fn navigate(&self, route: Route) {
        if !self.may_leave(Leave::To(route.clone())) {
            return;
        }
        if !self.is_embedded() {
            if let Some(window) = web_sys::window() {
                let _ = window.location().set_hash(&route.to_hash());
            }
        }
        self.route.set(route);
    }

    /// A new, empty document with the template this instance gives new
    /// drafts.
    pub fn new_document(&self) -> Postmortem {
        let mut doc = Postmortem::new(new_id("pm", now(), entropy()), now());
        if let Some(t) = self
            .options
            .with_value(|o| o.template_for_new().map(str::to_owned))
        {
            doc.template = t;
        }
        doc
    }

    /// Creates and stores a new draft, then opens it. When storage refuses
    /// it, the draft opens anyway, held in this tab, and the editor says it
    /// is not kept.
    pub fn create_draft(&self) {
        let mut doc = self.new_document();
        match self.library().save(&mut doc, now()) {
            Ok(meta) => {
                self.upsert_meta(meta);
                self.navigate(Route::Draft(doc.id));
            }
            Err(_) => {
                let id = doc.id.clone();
                self.guard.hold_unstored(doc);
                self.navigate(Route::Draft(id));
            }
        }
    }

    /// The one draft an editor without a draft list works on: the latest
    /// edited one of the namespace, or a new one (held in this tab when
    /// storage refuses it).
    pub fn single_draft(&self) -> Option<String> {
        let latest = self.drafts.with_untracked(|rows| {
            rows.iter()
                .filter(|m| m.trashed_at.is_none())
                .max_by(|a, b| a.updated_at.cmp(&b.updated_at))
                .map(|m| m.id.clone())
        });
        if latest.is_some() {
            return latest;
        }
        if let Some(id) = self.guard.held_id() {
            return Some(id);
        }
        let mut doc = self.new_document();
        match self.library().save(&mut doc, now()) {
            Ok(meta) => {
                self.upsert_meta(meta);
                Some(doc.id)
            }
            Err(_) => {
                // Written in this tab only; the editor says it is not kept.
                let id = doc.id.clone();
                self.guard.hold_unstored(doc);
                Some(id)
            }
        }
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

thread_local! {
    /// Drafts of removed editors that could be stored nowhere, by namespace.
    /// One WebAssembly instance serves every editor of a page, so they live
    /// as long as the page.
    static HELD: RefCell<Vec<(String, Postmortem)>> = const { RefCell::new(Vec::new()) };
}

impl AppState {
    /// The embedding page is removing this editor, and nobody can be asked:
    /// the open draft is saved, or else kept under a recovery key; when
    /// storage refuses even that, it is held in this page's memory for the
    /// next editor of the namespace, and handed to the page
    /// (`afterword-unsaved`) so it can keep it too.
    pub fn before_removal(&self) {
        let Some(Some(session)) = self.open.0.try_get_untracked() else {
            return;
        };
        if session.keep_if_closing(false) {
            return;
        }
        let doc = session.doc.get_untracked();
        let ns = self.library().namespace().to_owned();
        HELD.with(|held| held.borrow_mut().push((ns, doc.clone())));
        self.emit_unsaved(&doc);
    }

    /// Opens the draft a removed editor of this namespace could not store,
    /// if there is one, with its unsaved edits.
    pub fn reopen_held(&self) {
        let ns = self.library().namespace().to_owned();
        let doc = HELD.with(|held| {
            let mut held = held.borrow_mut();
            let at = held.iter().rposition(|(n, _)| *n == ns)?;
            Some(held.remove(at).1)
        });
        let Some(doc) = doc else {
            return;
        };
        let id = doc.id.clone();
        if self.library().is_stored(&id) {
            self.guard.open_kept(String::new(), doc);
        } else {
            self.guard.hold_unstored(doc);
        }
        self.route.set(Route::Draft(id));
    }

    /// True when the open draft (if any) is saved, so the person may go
    /// `to`. Otherwise the choice is shown and nothing moves.
    pub fn may_leave(&self, to: Leave) -> bool {
        let Some(Some(session)) = self.open.0.try_get_untracked() else {
            return true;
        };
        if let Leave::To(route) = &to {
            if *route == self.route.get_untracked() {
                return true;
            }
        }
        if session.try_leave() {
            return true;
        }
        self.guard.leaving.set(Some(to));
        false
    }

    /// Goes where the person was going when the choice was shown.
    pub fn carry_on(&self, to: Leave) {
        self.guard.leaving.set(None);
        match to {
            Leave::To(route) => self.navigate(route),
            Leave::Reload => {
                if let Some(w) = web_sys::window() {
                    match web_sys::Event::new("afterword:apply-update") {
                        Ok(ev) if self.update_ready.get_untracked() => {
                            let _ = w.dispatch_event(&ev);
                        }
                        _ => {
                            let _ = w.location().reload();
                        }
                    }
                }
            }
        }
    }
}

/// `s` made safe inside a double-quoted CSS string.
pub fn css_string(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
}

/// A number for each app on the page, so an app can tell its own writes
/// from another's.
fn next_writer() -> u32 {
    static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

pub fn use_app() -> AppState {
    expect_context::<AppState>()
}
