//! The review workflow of the document (draft → in review → reviewed →
//! published → closed) with who moved it and when, and the follow-up state
//! derived from the action items.

use afterword_core::followup::{allowed_next, follow_up, set_status, still_open};
use afterword_core::model::WorkflowStatus;
use leptos::prelude::*;

use crate::browser::{local_when, now};
use crate::components::checklist::checklist_for;
use crate::components::fields::dom_id;
use crate::components::prefs;
use crate::session::Session;
use crate::state::use_app;

#[component]
pub fn WorkflowPanel(session: Session) -> impl IntoView {
    let app = use_app();
    let status = Memo::new(move |_| session.doc.with(|d| d.workflow.status));
    let history = Memo::new(move |_| session.doc.with(|d| d.workflow.history.clone()));
    let followup = Memo::new(move |_| session.doc.with(|d| follow_up(d, now().date_naive())));
    let name = RwSignal::new(prefs::your_name(&app));
    let problem = RwSignal::new(String::new());
    let name_id = dom_id("your-name");
    let save_name = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        name.set(v.clone());
        match prefs::set_your_name(&app, &v) {
            Ok(()) => problem.set(String::new()),
            Err(e) => problem.set(e),
        }
    };
    // A move to published or closed waits here while the person reads
    // what is still open.
    let confirming = RwSignal::new(None::<(WorkflowStatus, Vec<String>)>);
    let move_now = move |to| {
        confirming.set(None);
        match change_status(session, &name.get_untracked(), to) {
            Ok(()) => problem.set(String::new()),
            Err(e) => problem.set(e),
        }
    };
    let move_to = move |to: WorkflowStatus| {
        let open = session
            .doc
            .with_untracked(|d| still_open(d, &checklist_for(d, &app), to, now().date_naive()));
        if to == WorkflowStatus::Closed || !open.is_empty() {
            confirming.set(Some((to, open)));
            app.focus_later("status-confirm-title");
        } else {
            move_now(to);
        }
    };
    view! {
        <details class="workflow">
            <summary>
                {move || format!("Status: {} · Follow-up: {}", status.get().label(), followup.with(|f| f.label()))}
                {move || { let f = followup.get(); (f.overdue > 0).then(|| view! { <span class="badge badge-warn">{format!("{} overdue", f.overdue)}</span> }) }}
            </summary>
            <div class="workflow-body">
                <div class="field">
                    <label for=name_id.clone()>"Your name"</label>
                    <input id=name_id type="text" autocomplete="name" value=name.get_untracked() on:change=save_name />
                    <p class="hint">"Recorded with each status change. Kept in this browser's settings."</p>
                </div>
                <div class="button-row" role="group" aria-label="Change status">
                    {move || allowed_next(status.get()).into_iter().map(|to| {
                        let forward = to > status.get_untracked();
                        let label = if forward { format!("Move to {}", to.label()) } else { format!("Back to {}", to.label()) };
                        view! { <button type="button" class="btn btn-small" class:btn-primary=forward on:click=move |_| move_to(to)>{label}</button> }
                    }).collect_view()}
                </div>
                {move || confirming.get().map(|(to, open)| {
                    let closing = to == WorkflowStatus::Closed;
                    let anyway = if open.is_empty() { format!("Move to {}", to.label()) } else { format!("Move to {} anyway", to.label()) };
                    view! {
                        <div class="panel panel-warn status-confirm" role="group" aria-labelledby="status-confirm-title">
                            <h3 id="status-confirm-title" tabindex="-1">{format!("Move to {}?", to.label())}</h3>
                            {(!open.is_empty()).then(|| view! {
                                <p>"Still open:"</p>
                                <ul>{open.into_iter().map(|o| view! { <li>{o}</li> }).collect_view()}</ul>
                            })}
                            {closing.then(|| view! {
                                <p>"A closed postmortem opens read-only; Reopen makes it editable again."</p>
                            })}
                            <div class="actions">
                                <button type="button" class="btn btn-small btn-primary" on:click=move |_| move_now(to)>{anyway}</button>
                                <button type="button" class="btn btn-small" on:click=move |_| confirming.set(None)>"Cancel"</button>
                            </div>
                        </div>
                    }
                })}
                <p class="field-error" role="status">{move || problem.get()}</p>
                <p class="small-heading"><strong>"History"</strong></p>
                <Show when=move || !history.with(|h| h.is_empty()) fallback=|| view! { <p class="empty-note">"No status changes yet."</p> }>
                    <ol class="history">
                        {move || history.get().into_iter().rev().map(|c| {
                            let who = if c.by.is_empty() { "someone unnamed".to_owned() } else { c.by.clone() };
                            view! { <li>{format!("{}: {} by {}", local_when(c.at), c.status.label(), who)}</li> }
                        }).collect_view()}
                    </ol>
                </Show>
            </div>
        </details>
    }
}

/// Moves the open draft to `to`, recording `by`; the words of a refusal.
pub fn change_status(session: Session, by: &str, to: WorkflowStatus) -> Result<(), String> {
    let mut result = Ok(());
    session.change_status(|d| result = set_status(d, to, by, now()));
    result.map_err(|e| format!("Status not changed: {e}."))
}

/// Shown above a closed postmortem: it is read-only until reopened.
#[component]
pub fn ClosedBanner(session: Session) -> impl IntoView {
    let app = use_app();
    let closed = Memo::new(move |_| {
        session
            .doc
            .with(|d| d.workflow.status == WorkflowStatus::Closed)
    });
    let problem = RwSignal::new(String::new());
    let reopen =
        move |_| match change_status(session, &prefs::your_name(&app), WorkflowStatus::Published) {
            Ok(()) => {
                problem.set(String::new());
                app.focus_later("editor-title");
            }
            Err(e) => problem.set(e),
        };
    view! {
        <Show when=move || closed.get()>
            <div class="panel closed-banner" role="status">
                <p>
                    <strong>"This postmortem is closed."</strong>
                    " It opens read-only, so what was agreed stays as it was. Reopen it to change anything."
                </p>
                <button type="button" class="btn btn-small btn-primary" on:click=reopen>"Reopen"</button>
                <p class="field-error">{move || problem.get()}</p>
            </div>
        </Show>
    }
}
