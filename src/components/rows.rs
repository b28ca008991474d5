//! Shared plumbing for lists of rows (timeline events, factors, actions,
//! people, links): the ids that drive `<For>`, moving a row, and drawing a
//! long list a part at a time.

use std::collections::HashSet;

use afterword_core::model::Postmortem;
use leptos::prelude::*;

use crate::session::Session;

/// Ids of a list, so `<For>` re-renders rows only when rows come, go or move.
pub fn ids_of<T: 'static>(
    session: Session,
    list: fn(&Postmortem) -> &Vec<T>,
    id: fn(&T) -> &String,
) -> Memo<Vec<String>> {
    Memo::new(move |_| {
        session
            .doc
            .with(|d| list(d).iter().map(|x| id(x).clone()).collect())
    })
}

/// Moves the entry with `id` one place up (`-1`) or down (`1`).
pub fn move_by<T>(list: &mut [T], id: &str, by: isize, id_of: fn(&T) -> &String) {
    let Some(i) = list.iter().position(|x| id_of(x) == id) else {
        return;
    };
    let j = i as isize + by;
    if j >= 0 && (j as usize) < list.len() {
        list.swap(i, j as usize);
    }
}

/// A structural change (add, remove, move) is its own undo step.
pub fn structural(session: Session, f: impl FnOnce(&mut Postmortem)) {
    session.break_step();
    session.edit(f);
    session.break_step();
}

/// Rows drawn when a list opens; the rest wait behind "Show more". A row
/// is about forty elements, and each one drawn costs time when the draft
/// opens and layout work on every keystroke afterwards: with 60 rows per
/// list a draft with 1,000 events, 300 actions and 1,000 sections took
/// 1.4 s to open (measured, release build, 2-core machine).
pub const FIRST_ROWS: usize = 20;
/// Rows added by each "Show more".
pub const MORE_ROWS: usize = 100;

/// The part of a long list that is drawn, and how many rows wait.
#[derive(Clone, Copy)]
pub struct Window {
    pub shown: Memo<Vec<String>>,
    pub hidden: Memo<usize>,
    limit: RwSignal<usize>,
}

impl Window {
    /// The first `FIRST_ROWS` of `ids`, plus every row added since the list
    /// opened (a new row is always drawn, wherever it lands).
    pub fn of(ids: Memo<Vec<String>>) -> Window {
        let limit = RwSignal::new(FIRST_ROWS);
        let first: StoredValue<HashSet<String>> =
            StoredValue::new(ids.with_untracked(|ids| ids.iter().cloned().collect()));
        let shown = Memo::new(move |_| {
            let limit = limit.get();
            ids.with(|ids| {
                if ids.len() <= limit {
                    return ids.clone();
                }
                first.with_value(|first| {
                    ids.iter()
                        .enumerate()
                        .filter(|(i, id)| *i < limit || !first.contains(*id))
                        .map(|(_, id)| id.clone())
                        .collect()
                })
            })
        });
        let hidden = Memo::new(move |_| ids.with(Vec::len) - shown.with(Vec::len));
        Window {
            shown,
            hidden,
            limit,
        }
    }

    pub fn more(&self) {
        self.limit.update(|l| *l += MORE_ROWS);
    }

    pub fn all(&self) {
        self.limit.set(usize::MAX);
    }
}

/// "Show 200 more (940 more events not shown)" and "Show all", while rows wait.
#[component]
pub fn MoreRows(window: Window, noun: &'static str) -> impl IntoView {
    view! {
        <Show when=move || { window.hidden.get() > 0 }>
            <div class="more-rows" role="group" aria-label=format!("More {noun}")>
                <p class="hint">{move || format!("{} more {noun} not shown, to keep the page quick.", window.hidden.get())}</p>
                <button type="button" class="btn btn-small" on:click=move |_| window.more()>
                    {move || format!("Show {} more", window.hidden.get().min(MORE_ROWS))}
                </button>
                <button type="button" class="btn btn-small" on:click=move |_| window.all()>
                    {move || format!("Show all {}", window.hidden.get())}
                </button>
            </div>
        </Show>
    }
}
