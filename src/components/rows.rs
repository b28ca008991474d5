//! Shared plumbing for lists of rows (timeline events, factors, actions,
//! people, links): the ids that drive `<For>`, and moving a row.

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
