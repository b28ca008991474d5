//! Nothing typed is lost on the way out of a draft.
//!
//! Every way out of the editor (an in-app link, the header, Back, another
//! draft or screen, a reload for an update) passes [`AppState::may_leave`]:
//! it saves, and when the save fails it stops and the person chooses in
//! [`crate::components::leave_choice`]: download the draft, retry, or leave
//! and lose the changes. A tab that cannot ask (it is closing) keeps its
//! version under a recovery key; [`Safeguard::kept`] lists the versions
//! closing tabs kept, for the next screen of any tab to offer.
//!
//! A draft that could never be stored (storage disabled or refusing every
//! write) lives here too, in memory, so it can still be written and then
//! downloaded. So does a draft whose editor an embedding page removed while
//! nothing could be stored: the next editor of the same namespace on the
//! page opens it again ([`AppState::reopen_held`]).

use std::cell::RefCell;

use afterword_core::model::Postmortem;
use afterword_core::store::{Library, Recovered};
use leptos::prelude::*;

use crate::browser::WebStore;
use crate::session::OpenDraft;
use crate::state::{AppState, Route};

/// Where the person was going when the draft could not be saved.
#[derive(Debug, Clone, PartialEq)]
pub enum Leave {
    To(Route),
    /// Reloading the page (for a new version of Afterword).
    Reload,
}

#[derive(Clone, Copy)]
pub struct Safeguard {
    /// The draft open in the editor, if any (provided to the app as
    /// [`OpenDraft`]).
    pub open: OpenDraft,
    /// Set while the person is asked what to do with unsaved edits.
    pub leaving: RwSignal<Option<Leave>>,
    /// Versions kept by tabs that closed with unsaved edits, oldest first;
    /// those this tab kept itself (and still holds) are left out.
    pub kept: RwSignal<Vec<Recovered>>,
    own: StoredValue<Vec<String>>,
    unstored: StoredValue<Option<Postmortem>>,
    adopting: StoredValue<Option<(String, Postmortem)>>,
}

impl Default for Safeguard {
    fn default() -> Self {
        Self::new()
    }
}

impl Safeguard {
    pub fn new() -> Self {
        Safeguard {
            open: OpenDraft(RwSignal::new(None)),
            leaving: RwSignal::new(None),
            kept: RwSignal::new(Vec::new()),
            own: StoredValue::new(Vec::new()),
            unstored: StoredValue::new(None),
            adopting: StoredValue::new(None),
        }
    }

    /// Notes a recovery key this tab wrote (`true`) or removed.
    pub fn own(&self, key: &str, mine: bool) {
        self.own.update_value(|own| {
            own.retain(|k| k != key);
            if mine {
                own.push(key.to_owned());
            }
        });
        if mine {
            self.kept.update(|kept| kept.retain(|r| r.key != key));
        }
    }

    /// Reads the kept versions again.
    pub fn refresh(&self, lib: &Library<WebStore>) {
        let own = self.own.get_value();
        let kept: Vec<Recovered> = lib
            .recovered()
            .into_iter()
            .filter(|r| !own.contains(&r.key))
            .collect();
        if self.kept.with_untracked(|k| *k != kept) {
            self.kept.set(kept);
        }
    }

    /// Holds a new draft that storage refused, so it can be edited anyway.
    pub fn hold_unstored(&self, doc: Postmortem) {
        self.unstored.set_value(Some(doc));
    }

    /// The draft `id` if it is one storage never took.
    pub fn unstored(&self, id: &str) -> Option<Postmortem> {
        self.unstored
            .with_value(|d| d.as_ref().filter(|d| d.id == id).cloned())
    }

    /// The id of the draft storage refused, if one is held.
    pub fn held_id(&self) -> Option<String> {
        self.unstored
            .with_value(|d| d.as_ref().map(|d| d.id.clone()))
    }

    /// Forgets the unstored draft (it was stored, or the person left it).
    pub fn forget_unstored(&self, id: &str) {
        self.unstored.update_value(|d| {
            if d.as_ref().is_some_and(|d| d.id == id) {
                *d = None;
            }
        });
    }

    /// Asks the editor of `kept.id` to open this kept version.
    pub fn open_kept(&self, key: String, kept: Postmortem) {
        self.adopting.set_value(Some((key, kept)));
    }

    /// The kept version the editor of `id` should open, once.
    pub fn take_adopting(&self, id: &str) -> Option<(String, Postmortem)> {
        let mut out = None;
        self.adopting.update_value(|a| {
            if a.as_ref().is_some_and(|(_, d)| d.id == id) {
                out = a.take();
            }
        });
        out
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
        let Some(Some(session)) = self.guard.open.0.try_get_untracked() else {
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
        let Some(Some(session)) = self.guard.open.0.try_get_untracked() else {
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
