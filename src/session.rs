//! One open draft: its document, autosave and save status.
//!
//! Edits go through [`Session::edit`], which marks the draft dirty and saves
//! it shortly after typing stops. Leaving the page, hiding it or switching
//! drafts saves at once. A failed save keeps the edits in memory and says so;
//! nothing is thrown away.

use std::time::Duration;

use afterword_core::ids::new_id;
use afterword_core::model::Postmortem;
use afterword_core::store::SaveError;
use chrono::{DateTime, Utc};
use leptos::prelude::*;

use crate::browser::{entropy, now};
use crate::state::AppState;

/// How long after the last keystroke a draft is written.
pub const AUTOSAVE_DELAY: Duration = Duration::from_millis(600);

#[derive(Debug, Clone, PartialEq)]
pub enum SaveStatus {
    /// Opened, nothing typed yet.
    Clean,
    Saving,
    Saved(DateTime<Utc>),
    Failed(String),
    /// Another tab saved this draft; the person chooses what to keep.
    Conflict(Box<Postmortem>),
}

#[derive(Clone, Copy)]
pub struct Session {
    pub doc: RwSignal<Postmortem>,
    pub status: RwSignal<SaveStatus>,
    /// Bumped when the document is replaced from outside the form (another
    /// tab, a conflict choice), so the form re-reads every field.
    pub epoch: RwSignal<u64>,
    dirty: StoredValue<bool>,
    timer: StoredValue<Option<TimeoutHandle>>,
    app: AppState,
    history: StoredValue<History>,
    /// How many undo and redo steps exist, for the buttons.
    pub undo_depth: RwSignal<(usize, usize)>,
}

/// Snapshots of the document for undo and redo. Keystrokes are grouped:
/// a new step starts after a pause or when the writer moves to another field.
#[derive(Default)]
struct History {
    undo: Vec<Postmortem>,
    redo: Vec<Postmortem>,
    last_edit_ms: f64,
    /// Set when the writer moved to another field: the next edit is a new step.
    new_step: bool,
}

/// Edits closer together than this are one undo step.
const UNDO_PAUSE_MS: f64 = 1000.0;
/// Oldest steps are forgotten beyond this.
const UNDO_LIMIT: usize = 200;

fn clock_ms() -> f64 {
    js_sys::Date::now()
}

impl Session {
    pub fn new(app: AppState, doc: Postmortem) -> Self {
        Session {
            doc: RwSignal::new(doc),
            status: RwSignal::new(SaveStatus::Clean),
            epoch: RwSignal::new(0),
            dirty: StoredValue::new(false),
            timer: StoredValue::new(None),
            app,
            history: StoredValue::new(History::default()),
            undo_depth: RwSignal::new((0, 0)),
        }
    }

    pub fn id(&self) -> String {
        self.doc.with_untracked(|d| d.id.clone())
    }

    pub fn is_dirty(&self) -> bool {
        self.dirty.get_value()
    }

    /// Applies an edit and schedules a save.
    pub fn edit(&self, f: impl FnOnce(&mut Postmortem)) {
        self.remember();
        self.doc.update(f);
        self.mark_dirty();
    }

    fn mark_dirty(&self) {
        self.dirty.set_value(true);
        if !matches!(self.status.get_untracked(), SaveStatus::Conflict(_)) {
            self.status.set(SaveStatus::Saving);
        }
        self.schedule();
    }

    /// Records the document before an edit when the edit starts a new undo
    /// step (after a pause, or in another field than the last one).
    fn remember(&self) {
        let t = clock_ms();
        let snapshot = self
            .history
            .with_value(|h| h.new_step || h.undo.is_empty() || t - h.last_edit_ms > UNDO_PAUSE_MS);
        let doc = snapshot.then(|| self.doc.get_untracked());
        self.history.update_value(|h| {
            if let Some(doc) = doc {
                h.undo.push(doc);
                if h.undo.len() > UNDO_LIMIT {
                    h.undo.remove(0);
                }
                h.redo.clear();
            }
            h.last_edit_ms = t;
            h.new_step = false;
        });
        self.publish_depth();
    }

    /// The next edit starts a new undo step (the writer moved to another
    /// field, or did something structural such as adding a row).
    pub fn break_step(&self) {
        self.history.update_value(|h| h.new_step = true);
    }

    fn publish_depth(&self) {
        let depth = self.history.with_value(|h| (h.undo.len(), h.redo.len()));
        if self.undo_depth.get_untracked() != depth {
            self.undo_depth.set(depth);
        }
    }

    /// Goes back one step. Returns false when there is nothing to undo.
    pub fn undo(&self) -> bool {
        self.step(true)
    }

    /// Re-applies the last undone step.
    pub fn redo(&self) -> bool {
        self.step(false)
    }

    fn step(&self, back: bool) -> bool {
        let current = self.doc.get_untracked();
        let mut target = None;
        self.history.update_value(|h| {
            let (from, to) = if back {
                (&mut h.undo, &mut h.redo)
            } else {
                (&mut h.redo, &mut h.undo)
            };
            if let Some(doc) = from.pop() {
                to.push(current.clone());
                target = Some(doc);
            }
            h.new_step = true;
        });
        let Some(mut doc) = target else {
            return false;
        };
        // The stored revision moves on with every save; an old snapshot must
        // not look like an out-of-date copy to the conflict check.
        doc.revision = current.revision;
        doc.updated_at = current.updated_at;
        self.doc.set(doc);
        self.mark_dirty();
        self.publish_depth();
        self.epoch.update(|e| *e += 1);
        true
    }

    fn schedule(&self) {
        if let Some(handle) = self.timer.get_value() {
            handle.clear();
        }
        let this = *self;
        let handle = set_timeout_with_handle(move || this.flush(), AUTOSAVE_DELAY).ok();
        self.timer.set_value(handle);
    }

    /// Saves now if anything changed since the last save.
    pub fn flush(&self) {
        if let Some(handle) = self.timer.get_value() {
            handle.clear();
            self.timer.set_value(None);
        }
        if !self.dirty.get_value() || matches!(self.status.get_untracked(), SaveStatus::Conflict(_))
        {
            return;
        }
        let mut doc = self.doc.get_untracked();
        let result = self.app.library().save(&mut doc, now());
        self.finish(doc, result);
    }

    fn finish(
        &self,
        saved: Postmortem,
        result: Result<afterword_core::store::DraftMeta, SaveError>,
    ) {
        match result {
            Ok(meta) => {
                self.doc.update_untracked(|d| {
                    d.revision = saved.revision;
                    d.updated_at = saved.updated_at;
                });
                self.dirty.set_value(false);
                self.status.set(SaveStatus::Saved(saved.updated_at));
                self.app.upsert_meta(meta);
                self.app.emit_saved(&saved);
            }
            Err(SaveError::Conflict { theirs }) => self.status.set(SaveStatus::Conflict(theirs)),
            Err(SaveError::Store(e)) => self.status.set(SaveStatus::Failed(e.to_string())),
        }
    }

    /// Conflict: write this tab's version over the other one.
    pub fn keep_mine(&self) {
        let mut doc = self.doc.get_untracked();
        let result = self.app.library().save_over(&mut doc, now());
        self.finish(doc, result);
    }

    /// Conflict: keep this tab's edits as a new draft and show the other
    /// tab's version here.
    pub fn keep_both(&self) {
        let SaveStatus::Conflict(theirs) = self.status.get_untracked() else {
            return;
        };
        let mut copy = self.doc.get_untracked();
        copy.id = new_id("pm", now(), entropy());
        copy.revision = 0;
        copy.title = format!("{} (my edits)", copy.display_title());
        match self.app.library().save(&mut copy, now()) {
            Ok(meta) => {
                self.app.upsert_meta(meta);
                self.replace(*theirs);
                self.app.notify(format!(
                    "Your edits were saved as a separate draft: \"{}\".",
                    copy.title
                ));
            }
            Err(e) => self.status.set(SaveStatus::Failed(format!(
                "your edits could not be saved as a copy: {e}"
            ))),
        }
    }

    /// Conflict: drop this tab's unsaved edits and show the stored version.
    pub fn use_theirs(&self) {
        if let SaveStatus::Conflict(theirs) = self.status.get_untracked() {
            self.replace(*theirs);
        }
    }

    /// Shows a document saved elsewhere; only when nothing here is unsaved.
    pub fn replace(&self, doc: Postmortem) {
        let at = doc.updated_at;
        self.doc.set(doc);
        self.dirty.set_value(false);
        self.status.set(SaveStatus::Saved(at));
        self.epoch.update(|e| *e += 1);
    }

    /// Another tab wrote this draft: follow it if nothing here is unsaved;
    /// otherwise the next save reports the conflict.
    pub fn external_change(&self) {
        if self.is_dirty() {
            self.flush();
            return;
        }
        match self.app.library().open(&self.id()) {
            Ok(Some(doc)) if doc.revision != self.doc.with_untracked(|d| d.revision) => {
                self.replace(doc)
            }
            _ => {}
        }
    }
}

/// The draft open in the editor, if any: provided by the app, set by the
/// editor while it is on screen, read by the page's listeners (to save
/// before the page goes away) and by the update banner.
#[derive(Clone, Copy)]
pub struct OpenDraft(pub RwSignal<Option<Session>>);

impl OpenDraft {
    /// A new, empty slot, made available to everything below the caller.
    pub fn provide() -> OpenDraft {
        let open = OpenDraft(RwSignal::new(None));
        provide_context(open);
        open
    }

    pub fn expect() -> OpenDraft {
        expect_context::<OpenDraft>()
    }
}
