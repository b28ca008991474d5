//! What keeps typed text from being lost on the way out of a draft.
//!
//! Every way out of the editor (an in-app link, the header, Back, another
//! draft or screen, a reload for an update) asks the app state whether it may
//! leave: the open draft is saved, and when the save fails the person is
//! asked (download the draft, retry, or leave and lose the changes), with
//! the place they were going kept here as a [`Leave`]. A tab that cannot ask
//! (it is closing) keeps its version under a recovery key; [`Safeguard::kept`]
//! lists the versions closing tabs kept, for the next screen of any tab to
//! offer.
//!
//! A draft that could never be stored (storage disabled or refusing every
//! write) is held here too, in memory, so it can still be written and then
//! downloaded.
//!
//! This module knows the library and routes only; the app state owns a
//! [`Safeguard`] and does the asking.

use afterword_core::model::Postmortem;
use afterword_core::store::{Library, Recovered};
use leptos::prelude::*;

use crate::browser::WebStore;
use crate::route::Route;

/// Where the person was going when the draft could not be saved.
#[derive(Debug, Clone, PartialEq)]
pub enum Leave {
    To(Route),
    /// Reloading the page (for a new version of Afterword).
    Reload,
}

#[derive(Clone, Copy)]
pub struct Safeguard {
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
