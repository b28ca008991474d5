//! One open draft: its document, autosave and save status.
//!
//! Edits go through [`Session::edit`], which marks the draft dirty and saves
//! it shortly after typing stops, and at least every [`MAX_UNSAVED`] while
//! typing goes on, so a crash costs at most a couple of seconds of typing.
//! Leaving a field, the page or the draft saves at once. A failed save keeps
//! the edits in memory and says so; nothing is thrown away: leaving asks
//! first (see `app`), and a tab that closes with edits it could not save
//! keeps them under a recovery key ([`Session::keep_if_closing`]).

use std::sync::Arc;
use std::time::Duration;

use afterword_core::ids::new_id;
use afterword_core::model::{Postmortem, WorkflowStatus};
use afterword_core::store::{DraftMeta, Library, SaveError};
use chrono::{DateTime, Utc};
use leptos::prelude::*;

use crate::browser::{entropy, now, WebStore};
use crate::safeguard::Safeguard;

/// How long after the last keystroke a draft is written.
pub const AUTOSAVE_DELAY: Duration = Duration::from_millis(600);
/// While typing goes on without a pause, edits are written at least this
/// often.
pub const MAX_UNSAVED: Duration = Duration::from_millis(2000);

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

/// What a session needs from the app that opened it (made by the app
/// state, which holds the open session in turn).
#[derive(Clone, Copy)]
pub struct Ties {
    pub library: StoredValue<Arc<Library<WebStore>>>,
    pub guard: Safeguard,
    /// A draft was stored: its new row for the list, and the document when
    /// it is this session's own save (the embedding page hears of it).
    pub saved: Callback<(DraftMeta, Option<Postmortem>)>,
    /// A plain-language note for the person.
    pub notify: Callback<String>,
}

impl Ties {
    fn library(&self) -> Arc<Library<WebStore>> {
        self.library.get_value()
    }
}

#[derive(Clone, Copy)]
pub struct Session {
    pub doc: RwSignal<Postmortem>,
    pub status: RwSignal<SaveStatus>,
    /// Bumped when the document is replaced from outside the form (another
    /// tab, a conflict choice), so the form re-reads every field.
    pub epoch: RwSignal<u64>,
    dirty: StoredValue<bool>,
    /// When the oldest unsaved edit was made (ms), while there is one.
    unsaved_since: StoredValue<Option<f64>>,
    timer: StoredValue<Option<TimeoutHandle>>,
    /// True while a save that is due (see [`MAX_UNSAVED`]) waits for the
    /// frame of the keystroke that made it due.
    due: StoredValue<bool>,
    /// False while the draft has never been stored (storage refuses every
    /// write): the editor says the draft is not kept.
    pub stored: RwSignal<bool>,
    /// The recovery key this tab kept its unsaved version under, if any,
    /// and the edit count it holds.
    kept: StoredValue<Option<(String, u64)>>,
    /// Counts edits, so a kept version is rewritten only when it is stale.
    edits: StoredValue<u64>,
    app: Ties,
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
    pub fn new(app: Ties, doc: Postmortem) -> Self {
        Session {
            doc: RwSignal::new(doc),
            status: RwSignal::new(SaveStatus::Clean),
            epoch: RwSignal::new(0),
            dirty: StoredValue::new(false),
            unsaved_since: StoredValue::new(None),
            timer: StoredValue::new(None),
            due: StoredValue::new(false),
            stored: RwSignal::new(true),
            kept: StoredValue::new(None),
            edits: StoredValue::new(0),
            app,
            history: StoredValue::new(History::default()),
            undo_depth: RwSignal::new((0, 0)),
        }
    }

    pub fn id(&self) -> String {
        self.doc.with_untracked(|d| d.id.clone())
    }

    pub fn is_dirty(&self) -> bool {
        self.dirty.try_get_value().unwrap_or(false)
    }

    /// Applies an edit and schedules a save. A closed postmortem is
    /// read-only: the edit is not applied (only [`Session::change_status`]
    /// can reopen it).
    pub fn edit(&self, f: impl FnOnce(&mut Postmortem)) {
        if self.is_locked() {
            return;
        }
        self.remember();
        self.doc.update(f);
        self.mark_dirty();
    }

    /// True while the postmortem is closed: it opens read-only.
    pub fn is_locked(&self) -> bool {
        self.doc
            .with_untracked(|d| d.workflow.status == WorkflowStatus::Closed)
    }

    /// Moves the document through its workflow, also out of *closed*: an
    /// undo step of its own.
    pub fn change_status(&self, f: impl FnOnce(&mut Postmortem)) {
        self.break_step();
        self.remember();
        self.doc.update(f);
        self.mark_dirty();
        self.break_step();
    }

    fn mark_dirty(&self) {
        self.dirty.set_value(true);
        self.edits.update_value(|n| *n += 1);
        if self.unsaved_since.get_value().is_none() {
            self.unsaved_since.set_value(Some(clock_ms()));
        }
        // A draft storage never took keeps saying so while it is typed in.
        // Already "Saving" (the usual case while typing) is left as it is,
        // so a keystroke does not redraw the status.
        let pending = self
            .status
            .with_untracked(|s| !matches!(s, SaveStatus::Conflict(_) | SaveStatus::Saving))
            && self.stored.get_untracked();
        if pending {
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
        if self.is_locked() {
            return false;
        }
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

    /// Saves after a pause in typing, and no later than [`MAX_UNSAVED`]
    /// after the oldest unsaved edit however fast the typing goes.
    fn schedule(&self) {
        if let Some(handle) = self.timer.get_value() {
            handle.clear();
        }
        let waited = self
            .unsaved_since
            .get_value()
            .map_or(0.0, |t| clock_ms() - t);
        let left = MAX_UNSAVED.as_millis() as f64 - waited;
        if left <= 0.0 {
            self.stop_timer();
            self.flush_after_frame();
            return;
        }
        let delay = AUTOSAVE_DELAY.min(Duration::from_millis(left as u64));
        let this = *self;
        let handle = set_timeout_with_handle(move || this.flush(), delay).ok();
        self.timer.set_value(handle);
    }

    /// Saves as soon as the keystroke that made a save due is on screen:
    /// its frame is drawn first and the save runs in a task of its own, so
    /// the person never waits for a save to see what they typed. Further
    /// keystrokes meanwhile do not put it off (it is not the autosave
    /// timer, which each keystroke restarts).
    fn flush_after_frame(&self) {
        if self.due.get_value() {
            return;
        }
        // A hidden page draws no frames: nothing to wait for.
        if document().hidden() {
            self.flush();
            return;
        }
        self.due.set_value(true);
        let this = *self;
        request_animation_frame(move || {
            set_timeout(
                move || {
                    if this.due.try_get_value() == Some(true) {
                        this.flush();
                    }
                },
                Duration::ZERO,
            )
        });
    }

    /// False once the editor that owned this session is gone (a late event,
    /// such as the focus leaving a removed field, may still call in).
    fn alive(&self) -> bool {
        self.dirty.try_get_value().is_some() && self.doc.try_with_untracked(|_| ()).is_some()
    }

    /// Saves now if anything changed since the last save.
    pub fn flush(&self) {
        if !self.alive() {
            return;
        }
        self.stop_timer();
        if !self.dirty.get_value() || matches!(self.status.get_untracked(), SaveStatus::Conflict(_))
        {
            return;
        }
        let started = crate::browser::clock_ms();
        let mut doc = self.doc.get_untracked();
        let result = self.app.library().save(&mut doc, now());
        self.finish(doc, result);
        crate::browser::record_timing("last-save-ms", crate::browser::clock_ms() - started);
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
                self.unsaved_since.set_value(None);
                if !self.stored.get_untracked() {
                    self.stored.set(true);
                    self.app.guard.forget_unstored(&saved.id);
                }
                // What this tab kept when it seemed to be closing is saved now.
                self.drop_kept();
                self.status.set(SaveStatus::Saved(saved.updated_at));
                self.app.saved.run((meta, Some(saved)));
            }
            Err(SaveError::Conflict { theirs }) => self.status.set(SaveStatus::Conflict(theirs)),
            Err(SaveError::Store(e)) => self.status.set(SaveStatus::Failed(e.to_string())),
        }
    }

    /// IndexedDB refused, after the fact, the save that moved this draft
    /// there: the edits it held are unsaved again, so the status says so and
    /// leaving asks first.
    pub fn save_lost(&self, why: &str) {
        if !self.alive() || matches!(self.status.get_untracked(), SaveStatus::Conflict(_)) {
            return;
        }
        self.stop_timer();
        self.dirty.set_value(true);
        if self.unsaved_since.get_value().is_none() {
            self.unsaved_since.set_value(Some(clock_ms()));
        }
        self.status
            .set(SaveStatus::Failed(format!("IndexedDB refused it: {why}")));
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
                self.app.saved.run((meta, None));
                self.replace(*theirs);
                self.drop_kept();
                self.app.notify.run(format!(
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
            self.drop_kept();
        }
    }

    /// The draft was never stored (storage refused it): tries once more, and
    /// otherwise says so from the start, so nothing pretends to be saved.
    pub fn not_stored(&self) {
        self.stored.set(false);
        let mut doc = self.doc.get_untracked();
        let result = self.app.library().save(&mut doc, now());
        self.finish(doc, result);
    }

    /// Saves now and says whether anything is still unsaved: the test every
    /// way out of the draft passes before it goes.
    pub fn try_leave(&self) -> bool {
        self.flush();
        !self.is_dirty()
    }

    fn stop_timer(&self) {
        if let Some(handle) = self.timer.get_value() {
            handle.clear();
            self.timer.set_value(None);
        }
        self.due.set_value(false);
    }

    /// The person chose to leave and lose the unsaved edits.
    pub fn abandon(&self) {
        self.stop_timer();
        self.dirty.set_value(false);
        self.unsaved_since.set_value(None);
    }

    /// The tab is closing, hidden or being taken down and cannot ask the
    /// person anything: saves if it can, and otherwise keeps this version
    /// under a recovery key that the next screen of any tab offers. Returns
    /// false when even that failed (storage refuses every write).
    pub fn keep_if_closing(&self, closing: bool) -> bool {
        if !self.alive() {
            return true;
        }
        // Another tab has this draft open: its last write and ours could
        // cross unseen as both tabs close, so ours goes where nothing can
        // replace it, and the next screen offers it.
        let shared = closing
            && self.is_dirty()
            && self.app.library().others_have_open(
                &self.id(),
                &tab_id(),
                clock_ms() as u64,
                PRESENCE_MAX_AGE_MS,
            );
        if shared {
            // No autosave between now and the page going: it would write
            // the draft after all, and cross with the other tab's write.
            self.stop_timer();
        } else {
            self.flush();
        }
        if !self.is_dirty() {
            return true;
        }
        let edits = self.edits.get_value();
        let lib = self.app.library();
        match self.kept.get_value() {
            Some((_, n)) if n == edits => true,
            Some((key, _)) => {
                // A newer state of the same unsaved edits replaces the older
                // one this tab kept (both are this tab's own).
                let doc = self.doc.get_untracked();
                if lib.rewrite_recovered(&key, &doc).is_ok() {
                    self.kept.set_value(Some((key, edits)));
                    true
                } else {
                    false
                }
            }
            None => match lib.keep_recovered(&self.doc.get_untracked(), now(), &tab_id()) {
                Ok(key) => {
                    self.app.guard.own(&key, true);
                    self.kept.set_value(Some((key, edits)));
                    true
                }
                Err(_) => false,
            },
        }
    }

    /// The page was hidden (another tab, a minimised window, or the first
    /// step of closing or reloading). Saves at once, unless another tab has
    /// the same draft open: then a save now could cross with that tab's
    /// unseen, so this waits for the autosave (if the page stays) or for
    /// the closing step, which keeps the version safely.
    pub fn on_hidden(&self) {
        if !self.alive() {
            return;
        }
        let shared = self.is_dirty()
            && self.app.library().others_have_open(
                &self.id(),
                &tab_id(),
                clock_ms() as u64,
                PRESENCE_MAX_AGE_MS,
            );
        if !shared {
            self.keep_if_closing(false);
        }
    }

    /// The version this tab kept is no longer needed: it is saved, or the
    /// person chose what to do with it here.
    fn drop_kept(&self) {
        if let Some((key, _)) = self.kept.get_value() {
            if self.app.library().discard_recovered(&key).is_ok() {
                self.kept.set_value(None);
                self.app.guard.own(&key, false);
            }
        }
    }

    /// Opens a version kept by a closed tab (or held in memory, with an
    /// empty `key`) in place of the stored one: the
    /// person then saves it, or chooses against the stored version when it
    /// changed since. The kept copy goes once the person has chosen.
    pub fn adopt(&self, kept: Postmortem, key: String, stored: Option<Postmortem>) {
        let mut doc = kept;
        // A version held in memory (no key) has nothing stored to remove.
        self.kept.set_value((!key.is_empty()).then_some((key, 0)));
        match stored {
            Some(theirs) if theirs.revision != doc.revision => {
                self.doc.set(doc);
                self.dirty.set_value(true);
                self.unsaved_since.set_value(Some(clock_ms()));
                self.status.set(SaveStatus::Conflict(Box::new(theirs)));
            }
            stored => {
                if stored.is_none() {
                    // The draft itself is gone: the kept version is stored anew.
                    doc.revision = 0;
                }
                self.doc.set(doc);
                self.mark_dirty();
            }
        }
        self.epoch.update(|e| *e += 1);
    }

    /// Shows a document saved elsewhere; only when nothing here is unsaved.
    pub fn replace(&self, doc: Postmortem) {
        let at = doc.updated_at;
        self.doc.set(doc);
        self.dirty.set_value(false);
        self.unsaved_since.set_value(None);
        self.status.set(SaveStatus::Saved(at));
        self.epoch.update(|e| *e += 1);
    }

    /// Another tab wrote this draft: follow it if nothing here is unsaved;
    /// otherwise the next save reports the conflict.
    ///
    /// Tabs see each other's writes with a short delay, so two saves can
    /// cross: both build on the same revision and the later one replaces the
    /// other unseen. The tab whose save was replaced notices here (same
    /// revision as its own last save, other content) and asks the person,
    /// with its version still on screen.
    pub fn external_change(&self) {
        if !self.alive() {
            return;
        }
        if self.is_dirty() {
            self.flush();
            return;
        }
        let mine = self.doc.get_untracked();
        match self.app.library().open(&mine.id) {
            Ok(Some(doc)) if doc.revision != mine.revision => self.replace(doc),
            Ok(Some(doc)) if same_revision_other_content(&doc, &mine) => {
                self.dirty.set_value(true);
                self.unsaved_since.set_value(Some(clock_ms()));
                self.status.set(SaveStatus::Conflict(Box::new(doc)));
            }
            _ => {}
        }
    }

    /// Keeps the mark that says this tab has the draft open fresh.
    fn mark_open(&self) {
        let _ = self
            .app
            .library()
            .mark_open(&self.id(), &tab_id(), clock_ms() as u64);
    }

    /// Starts saying, while the editor is open, that this tab has the
    /// draft open; the returned handle stops it.
    pub fn announce_presence(&self) -> Option<IntervalHandle> {
        self.mark_open();
        let this = *self;
        set_interval_with_handle(
            move || {
                if this.alive() {
                    this.mark_open()
                }
            },
            PRESENCE_REFRESH,
        )
        .ok()
    }

    /// The page is closing: its mark stays a few seconds longer instead of
    /// going at once, so a tab that reloads at the same moment still sees
    /// that another copy may be on its way and keeps its own edits apart
    /// rather than writing over it.
    pub fn linger_presence(&self) {
        if let Some(id) = self.doc.try_with_untracked(|d| d.id.clone()) {
            let at = (clock_ms() as u64).saturating_sub(PRESENCE_MAX_AGE_MS - CLOSING_GRACE_MS);
            let _ = self.app.library().mark_open(&id, &tab_id(), at);
        }
    }

    /// This tab no longer has the draft open.
    pub fn withdraw_presence(&self) {
        if let Some(id) = self.doc.try_with_untracked(|d| d.id.clone()) {
            let _ = self.app.library().mark_closed(&id, &tab_id());
        }
    }
}

/// How often a tab renews its "draft open" mark, and how old a mark may be
/// before it no longer counts (a tab that crashed never removes its own).
const PRESENCE_REFRESH: Duration = Duration::from_secs(15);
const PRESENCE_MAX_AGE_MS: u64 = 40_000;
/// How long the mark of a closing page still counts.
const CLOSING_GRACE_MS: u64 = 5_000;

/// This page's own name among the tabs, chosen once.
fn tab_id() -> String {
    thread_local! {
        static TAB: String = format!("t{:x}", entropy());
    }
    TAB.with(Clone::clone)
}

/// Two documents saved as the same revision with different content: two
/// saves crossed.
fn same_revision_other_content(stored: &Postmortem, mine: &Postmortem) -> bool {
    if stored.revision != mine.revision {
        return false;
    }
    let mut a = stored.clone();
    a.updated_at = mine.updated_at;
    a != *mine
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
