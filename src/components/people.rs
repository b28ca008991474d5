//! Who took part (name and role) and who reviews the postmortem.

use afterword_core::ids::new_id;
use afterword_core::model::{Participant, Role};
use leptos::prelude::*;

use crate::browser::{entropy, now};
use crate::components::fields::dom_id;
use crate::components::rows::{ids_of, structural};
use crate::components::sections::list_heading;
use crate::session::Session;

fn role_key(r: Role) -> &'static str {
    match r {
        Role::IncidentLead => "incident_lead",
        Role::Responder => "responder",
        Role::Scribe => "scribe",
        Role::Communications => "communications",
        Role::SubjectExpert => "subject_expert",
        Role::Stakeholder => "stakeholder",
        Role::Reviewer => "reviewer",
    }
}

#[component]
pub fn Participants(
    session: Session,
    /// The section around it already has this heading.
    #[prop(optional)]
    untitled: bool,
) -> impl IntoView {
    let ids = ids_of(session, |d| &d.participants, |p| &p.id);
    let add = move |_| {
        structural(session, |d| {
            d.participants.push(Participant {
                id: new_id("pp", now(), entropy()),
                name: String::new(),
                role: Role::Responder,
                extra: Default::default(),
            })
        })
    };
    view! {
        <div class="subsection">
            {list_heading("participants", untitled)}
            <ul class="rows">
                <For each=move || ids.get() key=|id| id.clone() let:id>
                    <ParticipantRow session=session id=id />
                </For>
            </ul>
            <button type="button" class="btn" on:click=add>"Add participant"</button>
        </div>
    }
}

#[component]
fn ParticipantRow(session: Session, id: String) -> impl IntoView {
    let Some(p) = session
        .doc
        .with_untracked(|d| d.participants.iter().find(|p| p.id == id).cloned())
    else {
        return ().into_any();
    };
    let (n_id, r_id) = (dom_id("pp-name"), dom_id("pp-role"));
    let (i1, i2, i3) = (id.clone(), id.clone(), id);
    view! {
        <li class="row">
            <div class="field grow">
                <label for=n_id.clone()>"Name"</label>
                <input id=n_id type="text" value=p.name.clone() on:input=move |ev| {
                    let v = event_target_value(&ev);
                    session.edit(|d| if let Some(p) = d.participants.iter_mut().find(|p| p.id == i1) { p.name = v });
                } />
            </div>
            <div class="field">
                <label for=r_id.clone()>"Role"</label>
                <select id=r_id on:change=move |ev| {
                    let v = event_target_value(&ev);
                    let role = Role::ALL.into_iter().find(|r| role_key(*r) == v).unwrap_or_default();
                    session.edit(|d| if let Some(p) = d.participants.iter_mut().find(|p| p.id == i2) { p.role = role });
                }>
                    {Role::ALL.iter().map(|r| view! { <option value=role_key(*r) selected=*r == p.role>{r.label()}</option> }).collect_view()}
                </select>
            </div>
            <button type="button" class="btn btn-small btn-quiet" on:click=move |_| structural(session, |d| d.participants.retain(|p| p.id != i3))>
                "Remove"<span class="visually-hidden">" participant"</span>
            </button>
        </li>
    }
    .into_any()
}

/// Reviewers are plain names separated by commas, so a list can be pasted in.
#[component]
pub fn Reviewers(session: Session) -> impl IntoView {
    let id = dom_id("reviewers");
    let hint = format!("{id}-hint");
    let initial = session.doc.with_untracked(|d| d.reviewers.join(", "));
    view! {
        <div class="field">
            <label for=id.clone()>"Reviewers"</label>
            <p class="hint" id=hint.clone()>"Separate names with commas."</p>
            <input id=id type="text" value=initial aria-describedby=hint on:input=move |ev| {
                let v = event_target_value(&ev);
                session.edit(|d| d.reviewers = v.split([',', ';', '\n']).map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect());
            } />
        </div>
    }
}
