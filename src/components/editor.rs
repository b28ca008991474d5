//! The editing screen: every main field of a postmortem on one page, saved
//! as the person types.

use afterword_core::ids::new_id;
use afterword_core::model::{
    ActionItem, ActionStatus, AlertSource, Category, ContributingFactor, EventKind, IncidentKind,
    Postmortem, Severity, TimelineEvent, WorkflowStatus,
};
use leptos::prelude::*;

use crate::browser::{download, entropy, now};
use crate::components::fields::{
    date_value, dom_id, parse_date, parse_utc_input, select_field, text_field, utc_input_value,
    utc_time_field,
};
use crate::components::status::{SaveIndicator, SaveProblem};
use crate::session::Session;
use crate::state::{use_app, Route};

#[component]
pub fn EditorPage(id: String) -> impl IntoView {
    let app = use_app();
    let opened = app.library().open(&id);
    match opened {
        Ok(Some(doc)) => {
            let session = Session::new(app, doc);
            app.session.set(Some(session));
            on_cleanup(move || {
                session.flush();
                app.session.set(None);
            });
            view! { <Editor session=session /> }.into_any()
        }
        Ok(None) => view! {
            <div class="panel panel-warn">
                <h1>"No such draft"</h1>
                <p>"This draft is not stored in this browser. It may have been deleted for good, or it lives in another browser."</p>
                <a href="#/" on:click=move |_| app.route.set(Route::Home)>"Back to all postmortems"</a>
            </div>
        }
        .into_any(),
        Err(e) => view! {
            <div class="panel panel-error" role="alert">
                <h1>"This draft could not be read"</h1>
                <p>{e}</p>
                <p>"It is kept as it was. Go back to the list to download its raw text."</p>
                <a href="#/" on:click=move |_| { app.reload(); app.route.set(Route::Home) }>"Back to all postmortems"</a>
            </div>
        }
        .into_any(),
    }
}

fn options<T: Copy>(
    all: &[T],
    key: fn(T) -> &'static str,
    label: fn(T) -> &'static str,
    none: &'static str,
) -> Vec<(&'static str, &'static str)> {
    std::iter::once(("", none))
        .chain(all.iter().map(|v| (key(*v), label(*v))))
        .collect()
}

#[component]
fn Editor(session: Session) -> impl IntoView {
    let title = Memo::new(move |_| session.doc.with(|d| d.display_title().to_owned()));
    let export = move |_| {
        let doc = session.doc.get_untracked();
        let json = serde_json::to_string_pretty(&doc).unwrap_or_default();
        let date = doc.incident_date.unwrap_or(doc.created_at.date_naive());
        let _ = download(
            &format!("{}-{}.json", date.format("%Y-%m-%d"), doc.id),
            "application/json",
            &json,
        );
    };
    crate::components::lint_state::LintState::provide(session, use_app());
    view! {
        <article class="editor" aria-labelledby="editor-title">
            <div class="editor-bar">
                <a class="back" href="#/">"← All postmortems"</a>
                <SaveIndicator session=session />
                <button class="btn btn-small" on:click=export>"Download JSON"</button>
            </div>
            <h1 id="editor-title" class="editor-title">{title}</h1>
            <SaveProblem session=session />
            <crate::components::lint_panel::LintPanel session=session />
            // Keyed by epoch: a document replaced from outside gets fresh
            // controls (rebuilding in place would keep the typed values).
            <For each=move || [session.epoch.get()] key=|epoch| *epoch let:_epoch>
                <EditorForm session=session />
            </For>
        </article>
    }
}

#[component]
fn EditorForm(session: Session) -> impl IntoView {
    view! {
        <form class="doc-form" on:submit=|ev| ev.prevent_default()>
            <fieldset class="section">
                <legend><h2>"Overview"</h2></legend>
                {text_field(session, "Title", "A short name people will recognise, e.g. \"Checkout errors after the 2.14 release\".", false, |d| d.title.clone(), |d, v| d.title = v)}
                {text_field(session, "Summary", "One paragraph: what happened, who was affected, for how long, and what changes now.", true, |d| d.summary.clone(), |d, v| d.summary = v)}
                <div class="grid">
                    <IncidentDate session=session />
                    {text_field(session, "Owner", "The one person who drives this postmortem to done.", false, |d| d.owner.clone(), |d, v| d.owner = v)}
                    {select_field(session, "Severity", options(&Severity::ALL, |s| s.label(), |s| s.label(), "Not set"), |d| d.classification.severity.map_or("", |s| s.label()), |d, v| d.classification.severity = Severity::from_label(v))}
                    {select_field(session, "Status", options(WorkflowStatus::ALL, WorkflowStatus::key, WorkflowStatus::label, "Draft"), |d| d.workflow.status.key(), |d, v| d.workflow.status = WorkflowStatus::from_key(v).unwrap_or_default())}
                    {select_field(session, "Kind", options(IncidentKind::ALL, IncidentKind::key, IncidentKind::label, "Not set"), |d| d.classification.kind.map_or("", |k| k.key()), |d, v| d.classification.kind = IncidentKind::from_key(v))}
                    {select_field(session, "Category", options(Category::ALL, Category::key, Category::label, "Not set"), |d| d.classification.category.map_or("", |k| k.key()), |d, v| d.classification.category = Category::from_key(v))}
                    {select_field(session, "Alert came from", options(AlertSource::ALL, AlertSource::key, AlertSource::label, "Not set"), |d| d.classification.alert_source.map_or("", |k| k.key()), |d, v| d.classification.alert_source = AlertSource::from_key(v))}
                    {text_field(session, "Reported to", "", false, |d| d.classification.reported_to.clone(), |d, v| d.classification.reported_to = v)}
                </div>
            </fieldset>
            <fieldset class="section">
                <legend><h2>"Key times"</h2></legend>
                <p class="hint">"Enter times in UTC; your local time is shown beside each."</p>
                <div class="grid">
                    {utc_time_field(session, "Started", |d| d.times.started, |d, v| d.times.started = v)}
                    {utc_time_field(session, "Detected", |d| d.times.detected, |d, v| d.times.detected = v)}
                    {utc_time_field(session, "Acknowledged", |d| d.times.acknowledged, |d, v| d.times.acknowledged = v)}
                    {utc_time_field(session, "Mitigated", |d| d.times.mitigated, |d, v| d.times.mitigated = v)}
                    {utc_time_field(session, "Resolved", |d| d.times.resolved, |d, v| d.times.resolved = v)}
                </div>
            </fieldset>
            <fieldset class="section">
                <legend><h2>"Impact"</h2></legend>
                {text_field(session, "What users experienced", "Who was affected, how, and how many. Numbers beat adjectives.", true, |d| d.impact.description.clone(), |d, v| d.impact.description = v)}
            </fieldset>
            <Timeline session=session />
            <fieldset class="section">
                <legend><h2>"Analysis"</h2></legend>
                <Factors session=session />
                {text_field(session, "What went well", "", true, |d| d.analysis.went_well.clone(), |d, v| d.analysis.went_well = v)}
                {text_field(session, "What went wrong", "Describe conditions and systems, not people.", true, |d| d.analysis.went_wrong.clone(), |d, v| d.analysis.went_wrong = v)}
                {text_field(session, "Lessons learned", "", true, |d| d.analysis.lessons.clone(), |d, v| d.analysis.lessons = v)}
            </fieldset>
            <Actions session=session />
        </form>
    }
}

#[component]
fn IncidentDate(session: Session) -> impl IntoView {
    let id = dom_id("date");
    let initial = date_value(session.doc.with_untracked(|d| d.incident_date));
    view! {
        <div class="field">
            <label for=id.clone()>"Incident date"</label>
            <input id=id type="date" value=initial on:input=move |ev| {
                let v = parse_date(&event_target_value(&ev));
                session.edit(|d| d.incident_date = v);
            } />
        </div>
    }
}

/// Ids of a list, so `<For>` re-renders rows only when rows come or go.
fn ids_of<T: 'static>(
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

#[component]
fn Timeline(session: Session) -> impl IntoView {
    let ids = ids_of(session, |d| &d.timeline, |e| &e.id);
    let add = move |_| {
        let at = session
            .doc
            .with_untracked(|d| d.timeline.last().and_then(|e| e.at).or(d.times.started));
        session.edit(|d| {
            d.timeline.push(TimelineEvent {
                id: new_id("ev", now(), entropy()),
                at,
                kind: EventKind::default(),
                text: String::new(),
                starred: false,
            })
        });
    };
    view! {
        <fieldset class="section">
            <legend><h2>"Timeline"</h2></legend>
            <p class="hint">"What happened, in order, in UTC. State what happened here; the why belongs in the analysis."</p>
            <ol class="rows">
                <For each=move || ids.get() key=|id| id.clone() let:id>
                    <TimelineRow session=session id=id />
                </For>
            </ol>
            <button type="button" class="btn" on:click=add>"Add event"</button>
        </fieldset>
    }
}

#[component]
fn TimelineRow(session: Session, id: String) -> impl IntoView {
    let Some(event) = session
        .doc
        .with_untracked(|d| d.timeline.iter().find(|e| e.id == id).cloned())
    else {
        return ().into_any();
    };
    let time_id = dom_id("ev-time");
    let kind_id = dom_id("ev-kind");
    let text_id = dom_id("ev-text");
    let edit = {
        let id = id.clone();
        move |f: &dyn Fn(&mut TimelineEvent)| {
            session.edit(|d| {
                if let Some(e) = d.timeline.iter_mut().find(|e| e.id == id) {
                    f(e)
                }
            })
        }
    };
    let (e1, e2, e3) = (edit.clone(), edit.clone(), edit);
    let remove = move |_| session.edit(|d| d.timeline.retain(|e| e.id != id));
    view! {
        <li class="row">
            <div class="field">
                <label for=time_id.clone()>"When (UTC)"</label>
                <input id=time_id type="datetime-local" step="60" value=utc_input_value(event.at)
                    on:input=move |ev| { let v = parse_utc_input(&event_target_value(&ev)); e1(&|e| e.at = v) } />
            </div>
            <div class="field">
                <label for=kind_id.clone()>"Kind"</label>
                <select id=kind_id on:change=move |ev| {
                    let v = EventKind::from_key(&event_target_value(&ev)).unwrap_or_default();
                    e2(&|e| e.kind = v)
                }>
                    {EventKind::ALL.iter().map(|k| view! { <option value=k.key() selected=*k == event.kind>{k.label()}</option> }).collect_view()}
                </select>
            </div>
            <div class="field grow">
                <label for=text_id.clone()>"What happened"</label>
                <input id=text_id type="text" value=event.text.clone()
                    on:input=move |ev| { let v = event_target_value(&ev); e3(&|e| e.text = v.clone()) } />
            </div>
            <button type="button" class="btn btn-small btn-quiet" on:click=remove>"Remove"</button>
        </li>
    }
    .into_any()
}

#[component]
fn Factors(session: Session) -> impl IntoView {
    let ids = ids_of(session, |d| &d.analysis.contributing_factors, |c| &c.id);
    let add = move |_| {
        session.edit(|d| {
            d.analysis.contributing_factors.push(ContributingFactor {
                id: new_id("cf", now(), entropy()),
                text: String::new(),
                category: None,
                evidence: Vec::new(),
            })
        })
    };
    view! {
        <div class="subsection">
            <h3>"Contributing factors"</h3>
            <p class="hint">"Complex systems rarely fail for one reason. List each condition that made this incident possible or worse."</p>
            <ul class="rows">
                <For each=move || ids.get() key=|id| id.clone() let:id>
                    <FactorRow session=session id=id />
                </For>
            </ul>
            <button type="button" class="btn" on:click=add>"Add contributing factor"</button>
        </div>
    }
}

#[component]
fn FactorRow(session: Session, id: String) -> impl IntoView {
    let text = session.doc.with_untracked(|d| {
        d.analysis
            .contributing_factors
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.text.clone())
    });
    let field_id = dom_id("factor");
    let id2 = id.clone();
    view! {
        <li class="row">
            <div class="field grow">
                <label for=field_id.clone()>"Factor"</label>
                <input id=field_id type="text" value=text.unwrap_or_default() on:input=move |ev| {
                    let v = event_target_value(&ev);
                    session.edit(|d| {
                        if let Some(c) = d.analysis.contributing_factors.iter_mut().find(|c| c.id == id) {
                            c.text = v
                        }
                    })
                } />
            </div>
            <button type="button" class="btn btn-small btn-quiet" on:click=move |_| {
                session.edit(|d| d.analysis.contributing_factors.retain(|c| c.id != id2))
            }>"Remove"</button>
        </li>
    }
}

#[component]
fn Actions(session: Session) -> impl IntoView {
    let ids = ids_of(session, |d| &d.action_items, |a| &a.id);
    let add = move |_| {
        session.edit(|d| {
            d.action_items.push(ActionItem {
                id: new_id("ai", now(), entropy()),
                title: String::new(),
                owner: String::new(),
                due: None,
                status: ActionStatus::Open,
                kind: None,
                priority: None,
                ticket: String::new(),
                needs_discussion: false,
            })
        })
    };
    view! {
        <fieldset class="section">
            <legend><h2>"Action items"</h2></legend>
            <p class="hint">"Specific changes with an owner and a due date."</p>
            <ul class="rows">
                <For each=move || ids.get() key=|id| id.clone() let:id>
                    <ActionRow session=session id=id />
                </For>
            </ul>
            <button type="button" class="btn" on:click=add>"Add action item"</button>
        </fieldset>
    }
}

#[component]
fn ActionRow(session: Session, id: String) -> impl IntoView {
    let Some(item) = session
        .doc
        .with_untracked(|d| d.action_items.iter().find(|a| a.id == id).cloned())
    else {
        return ().into_any();
    };
    let (t_id, o_id, d_id, s_id) = (
        dom_id("ai-title"),
        dom_id("ai-owner"),
        dom_id("ai-due"),
        dom_id("ai-status"),
    );
    let edit = {
        let id = id.clone();
        move |f: &dyn Fn(&mut ActionItem)| {
            session.edit(|d| {
                if let Some(a) = d.action_items.iter_mut().find(|a| a.id == id) {
                    f(a)
                }
            })
        }
    };
    let (e1, e2, e3, e4) = (edit.clone(), edit.clone(), edit.clone(), edit);
    let remove = move |_| session.edit(|d| d.action_items.retain(|a| a.id != id));
    view! {
        <li class="row">
            <div class="field grow">
                <label for=t_id.clone()>"Action"</label>
                <input id=t_id type="text" value=item.title.clone() on:input=move |ev| { let v = event_target_value(&ev); e1(&|a| a.title = v.clone()) } />
            </div>
            <div class="field">
                <label for=o_id.clone()>"Owner"</label>
                <input id=o_id type="text" value=item.owner.clone() on:input=move |ev| { let v = event_target_value(&ev); e2(&|a| a.owner = v.clone()) } />
            </div>
            <div class="field">
                <label for=d_id.clone()>"Due"</label>
                <input id=d_id type="date" value=date_value(item.due) on:input=move |ev| { let v = parse_date(&event_target_value(&ev)); e3(&|a| a.due = v) } />
            </div>
            <div class="field">
                <label for=s_id.clone()>"Status"</label>
                <select id=s_id on:change=move |ev| { let v = ActionStatus::from_key(&event_target_value(&ev)).unwrap_or_default(); e4(&|a| a.status = v) }>
                    {ActionStatus::ALL.iter().map(|s| view! { <option value=s.key() selected=*s == item.status>{s.label()}</option> }).collect_view()}
                </select>
            </div>
            <button type="button" class="btn btn-small btn-quiet" on:click=remove>"Remove"</button>
        </li>
    }
    .into_any()
}
