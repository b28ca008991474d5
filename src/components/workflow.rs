//! The review workflow of the document (draft → in review → reviewed →
//! published → closed) with who moved it and when, and the follow-up state
//! derived from the action items.

use afterword_core::followup::{allowed_next, follow_up, set_status};
use leptos::prelude::*;

use crate::browser::{local_when, now};
use crate::components::fields::dom_id;
use crate::components::prefs;
use crate::components::rows::structural;
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
    let move_to = move |to| {
        let by = name.get_untracked();
        let mut result = Ok(());
        structural(session, |d| result = set_status(d, to, &by, now()));
        match result {
            Ok(()) => problem.set(String::new()),
            Err(e) => problem.set(format!("Status not changed: {e}.")),
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
