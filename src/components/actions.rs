//! Action items (title, owner, due date, status, kind, priority, ticket, a
//! "needs discussion" flag and whether the customer summary lists them) and the meeting agenda gathered from them and
//! from the open questions of the document.

use afterword_core::agenda::{agenda_text, meeting_agenda};
use afterword_core::ids::new_id;
use afterword_core::model::{ActionItem, ActionKind, ActionStatus, Priority};
use leptos::prelude::*;

use crate::browser::{entropy, now};
use crate::components::checklist::GoTo;
use crate::components::fields::{date_value, dom_id, parse_date, row_text};
use crate::components::rows::{ids_of, structural, MoreRows, Window};
use crate::components::sections::list_heading;
use crate::session::Session;

#[component]
pub fn ActionItems(
    session: Session,
    /// The section around it already has this heading.
    #[prop(optional)]
    untitled: bool,
) -> impl IntoView {
    let ids = ids_of(session, |d| &d.action_items, |a| &a.id);
    let window = Window::of(ids);
    // An item asked for from elsewhere (the checklist, the review) is drawn
    // even when it is far down a long list.
    if let Some(go) = use_context::<GoTo>() {
        Effect::new(move |_| {
            if go
                .0
                .with(|k| k.as_ref().is_some_and(|k| k.starts_with("action_items[")))
            {
                window.all();
            }
        });
    }
    let add = move |_| {
        structural(session, |d| {
            d.action_items
                .push(ActionItem::new(new_id("ai", now(), entropy()), ""))
        })
    };
    view! {
        <div class="subsection">
            {list_heading("action_items", untitled)}
            <ul class="rows">
                <For each=move || window.shown.get() key=|id| id.clone() let:id>
                    <ActionRow session=session id=id />
                </For>
            </ul>
            <MoreRows window=window noun="action items" />
            <button type="button" class="btn" on:click=add>"Add action item"</button>
            <Agenda session=session />
        </div>
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
    let ids: [String; 7] = [
        "ai-owner",
        "ai-due",
        "ai-status",
        "ai-kind",
        "ai-prio",
        "ai-ticket",
        "ai-flag",
    ]
    .map(dom_id);
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
    let [e1, e2, e3, e4, e5, e6, e7, e8] = [(); 8].map(|_| edit.clone());
    let pub_id = dom_id("ai-public");
    let [o_id, d_id, s_id, k_id, p_id, tk_id, f_id] = ids;
    // Each control carries its row path, as the checklist names it.
    let at = |member: &str| format!("action_items[{id}].{member}");
    let [p_owner, p_due, p_status, p_kind, p_priority, p_ticket, p_discuss] = [
        "owner",
        "due",
        "status",
        "kind",
        "priority",
        "ticket",
        "needs_discussion",
    ]
    .map(at);
    view! {
        <li class="row action-row">
            {row_text(session, "action_items", id.clone(), "Action", "field grow wide")}
            <div class="field">
                <label for=o_id.clone()>"Owner"</label>
                <input id=o_id type="text" data-field=p_owner value=item.owner.clone() on:input=move |ev| { let v = event_target_value(&ev); e1(&|a| a.owner = v.clone()) } />
            </div>
            <div class="field">
                <label for=d_id.clone()>"Due"</label>
                <input id=d_id type="date" data-field=p_due value=date_value(item.due) on:input=move |ev| { let v = parse_date(&event_target_value(&ev)); e2(&|a| a.due = v) } />
            </div>
            <div class="field">
                <label for=s_id.clone()>"Status"</label>
                <select id=s_id data-field=p_status on:change=move |ev| { let v = ActionStatus::from_key(&event_target_value(&ev)).unwrap_or_default(); e3(&|a| a.status = v) }>
                    {ActionStatus::ALL.iter().map(|s| view! { <option value=s.key() selected=*s == item.status>{s.label()}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for=k_id.clone()>"Kind"</label>
                <select id=k_id data-field=p_kind on:change=move |ev| { let v = ActionKind::from_key(&event_target_value(&ev)); e4(&|a| a.kind = v) }>
                    <option value="" selected=item.kind.is_none()>"Not set"</option>
                    {ActionKind::ALL.iter().map(|s| view! { <option value=s.key() selected=Some(*s) == item.kind>{s.label()}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for=p_id.clone()>"Priority"</label>
                <select id=p_id data-field=p_priority on:change=move |ev| { let v = Priority::from_key(&event_target_value(&ev)); e5(&|a| a.priority = v) }>
                    <option value="" selected=item.priority.is_none()>"Not set"</option>
                    {Priority::ALL.iter().map(|s| view! { <option value=s.key() selected=Some(*s) == item.priority>{s.label()}</option> }).collect_view()}
                </select>
            </div>
            <div class="field grow">
                <label for=tk_id.clone()>"Ticket link"</label>
                <input id=tk_id type="text" inputmode="url" data-field=p_ticket value=item.ticket.clone() on:input=move |ev| { let v = event_target_value(&ev); e6(&|a| a.ticket = v.clone()) } />
            </div>
            <div class="field field-check">
                <input id=f_id.clone() type="checkbox" data-field=p_discuss checked=item.needs_discussion on:change=move |ev| { let v = event_target_checked(&ev); e7(&|a| a.needs_discussion = v) } />
                <label for=f_id>"Needs discussion"</label>
            </div>
            <div class="field field-check">
                <input id=pub_id.clone() type="checkbox" checked=item.public on:change=move |ev| { let v = event_target_checked(&ev); e8(&|a| a.public = v) } />
                <label for=pub_id title="Listed under “What will change” in the customer-facing summary">"Public"</label>
            </div>
            <button type="button" class="btn btn-small btn-quiet" on:click=move |_| structural(session, |d| d.action_items.retain(|a| a.id != id))>
                "Remove"<span class="visually-hidden">" action item"</span>
            </button>
        </li>
    }
    .into_any()
}

/// Flagged items and open questions, ready to copy into a meeting invite.
#[component]
pub fn Agenda(session: Session) -> impl IntoView {
    let items = Memo::new(move |_| {
        session.doc.with(|d| {
            meeting_agenda(d)
                .into_iter()
                .map(|i| (i.kind.label(), i.text))
                .collect::<Vec<_>>()
        })
    });
    let message = RwSignal::new(String::new());
    let fallback = RwSignal::new(None::<String>);
    let copy = move |_| {
        let text = session.doc.with_untracked(agenda_text);
        leptos::task::spawn_local(async move {
            match crate::clipboard::write_text(&text).await {
                Ok(()) => {
                    fallback.set(None);
                    message.set("Agenda copied.".into());
                }
                Err(why) => {
                    fallback.set(Some(text));
                    message.set(format!("Could not copy: {why}. The agenda is shown below: select it and copy it with Ctrl+C (⌘C on a Mac)."));
                }
            }
        });
    };
    view! {
        <section class="agenda" aria-labelledby="agenda-title">
            <h3 id="agenda-title">"Meeting agenda"</h3>
            <p class="hint">"Action items marked \"Needs discussion\", timeline events not known at the time, and contributing factors written as questions."</p>
            <Show
                when=move || !items.with(|i| i.is_empty())
                fallback=|| view! { <p class="empty-note">"Nothing flagged for discussion yet."</p> }
            >
                <ol class="agenda-list">
                    {move || items.get().into_iter().map(|(kind, text)| view! {
                        <li><span class="agenda-kind">{kind}": "</span>{text}</li>
                    }).collect_view()}
                </ol>
            </Show>
            <button type="button" class="btn btn-small" on:click=copy>"Copy agenda"</button>
            <p class="copy-status" role="status">{move || message.get()}</p>
            {move || fallback.get().map(|text| view! {
                <label class="visually-hidden" for="agenda-copy">"Agenda text"</label>
                <textarea id="agenda-copy" readonly rows="6" prop:value=text></textarea>
            })}
        </section>
    }
}
