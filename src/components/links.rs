//! Links to dashboards, logs, chat threads and graphs.

use afterword_core::ids::new_id;
use afterword_core::model::Link;
use leptos::prelude::*;

use crate::browser::{entropy, now};
use crate::components::fields::dom_id;
use crate::components::rows::{ids_of, structural};
use crate::components::sections::list_heading;
use crate::session::Session;

#[component]
pub fn Links(
    session: Session,
    /// The section around it already has this heading.
    #[prop(optional)]
    untitled: bool,
) -> impl IntoView {
    let ids = ids_of(session, |d| &d.links, |l| &l.id);
    let add = move |_| {
        structural(session, |d| {
            d.links.push(Link {
                id: new_id("ln", now(), entropy()),
                label: String::new(),
                url: String::new(),
                extra: Default::default(),
            })
        })
    };
    view! {
        <div class="subsection">
            {list_heading("links", untitled)}
            <ul class="rows">
                <For each=move || ids.get() key=|id| id.clone() let:id>
                    <LinkRow session=session id=id />
                </For>
            </ul>
            <button type="button" class="btn" on:click=add>"Add link"</button>
        </div>
    }
}

#[component]
fn LinkRow(session: Session, id: String) -> impl IntoView {
    let Some(link) = session
        .doc
        .with_untracked(|d| d.links.iter().find(|l| l.id == id).cloned())
    else {
        return ().into_any();
    };
    let (l_id, u_id) = (dom_id("ln-label"), dom_id("ln-url"));
    let (i1, i2, i3) = (id.clone(), id.clone(), id);
    view! {
        <li class="row">
            <div class="field">
                <label for=l_id.clone()>"Link text"</label>
                <input id=l_id type="text" value=link.label.clone() on:input=move |ev| {
                    let v = event_target_value(&ev);
                    session.edit(|d| if let Some(l) = d.links.iter_mut().find(|l| l.id == i1) { l.label = v });
                } />
            </div>
            <div class="field grow">
                <label for=u_id.clone()>"Address"</label>
                <input id=u_id type="url" inputmode="url" value=link.url.clone() on:input=move |ev| {
                    let v = event_target_value(&ev);
                    session.edit(|d| if let Some(l) = d.links.iter_mut().find(|l| l.id == i2) { l.url = v });
                } />
            </div>
            <button type="button" class="btn btn-small btn-quiet" on:click=move |_| structural(session, |d| d.links.retain(|l| l.id != i3))>
                "Remove"<span class="visually-hidden">" link"</span>
            </button>
        </li>
    }
    .into_any()
}
