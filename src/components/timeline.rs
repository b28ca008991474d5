//! The timeline editor: events entered in UTC with their date and the other
//! zone shown beside them, kinds, stars, reordering, sorting with warnings,
//! and turning pasted notes or a chat export into events.

use afterword_core::ids::new_id;
use afterword_core::metrics::{sort_timeline, timeline_warnings};
use afterword_core::model::{EventKind, TimelineEvent};
use afterword_core::timeline_paste::{parse_timeline, PasteContext};
use chrono::{DateTime, Local, Offset, Utc};
use leptos::prelude::*;

use crate::browser::{entropy, now};
use crate::components::chat_import::ChatImport;
use crate::components::fields::{
    dom_id, parse_utc_input, row_text, utc_input_value, TIME_FORMAT_EXAMPLE,
};
use crate::components::prefs;
use crate::components::rows::{ids_of, move_by, structural, MoreRows, Window};
use crate::components::sections::list_heading;
use crate::session::Session;
use crate::state::use_app;
use afterword_core::template::Words;

/// "Thu 20 Nov 2026, 14:02 UTC" or the same moment in the reader's zone.
fn shown_at(at: Option<DateTime<Utc>>, local: bool) -> String {
    match at {
        None => format!("No time yet: write it as {TIME_FORMAT_EXAMPLE}"),
        Some(t) if local => format!(
            "{} your time",
            t.with_timezone(&Local).format("%a %-d %b %Y, %H:%M")
        ),
        Some(t) => format!("{} UTC", t.format("%a %-d %b %Y, %H:%M")),
    }
}

#[component]
pub fn TimelineEditor(
    session: Session,
    /// The section around it already has this heading.
    #[prop(optional)]
    untitled: bool,
) -> impl IntoView {
    let app = use_app();
    let ids = ids_of(session, |d| &d.timeline, |e| &e.id);
    let window = Window::of(ids);
    let local = RwSignal::new(prefs::timeline_local(&app));
    let warnings = Memo::new(move |_| session.doc.with(timeline_warnings));
    let zone_note = RwSignal::new(String::new());
    let add = move |_| {
        let at = session
            .doc
            .with_untracked(|d| d.timeline.last().and_then(|e| e.at).or(d.times.started));
        structural(session, |d| {
            d.timeline
                .push(TimelineEvent::new(new_id("ev", now(), entropy()), at, ""))
        });
    };
    let sort = move |_| {
        // Rows are keyed by id, so they move with their controls intact.
        structural(session, sort_timeline);
    };
    let set_zone = move |is_local: bool| {
        local.set(is_local);
        match prefs::set_timeline_local(&app, is_local) {
            Ok(()) => zone_note.set(String::new()),
            Err(e) => zone_note.set(e),
        }
    };
    let zone_name = format!("zone-{}", dom_id("tz"));
    let zone_name2 = zone_name.clone();
    view! {
        <div class="subsection timeline">
            {list_heading("timeline", untitled)}
            <fieldset class="zone-switch">
                <legend>"Show times in"</legend>
                <label><input type="radio" name=zone_name checked=move || !local.get() on:change=move |_| set_zone(false) />" UTC"</label>
                <label><input type="radio" name=zone_name2 checked=move || local.get() on:change=move |_| set_zone(true) />" Your local time"</label>
                <span class="field-error" role="status">{move || zone_note.get()}</span>
            </fieldset>
            <Show when=move || !warnings.with(|w| w.is_empty())>
                <div class="notice notice-warn" role="status">
                    <p>{move || format!("{}. \"Sort by time\" puts the events in order.", afterword_core::words::count(warnings.with(|w| w.len()), "timeline warning", "timeline warnings"))}</p>
                </div>
            </Show>
            <ol class="rows timeline-rows">
                <For each=move || window.shown.get() key=|id| id.clone() let:id>
                    <EventRow session=session id=id local=local warnings=warnings />
                </For>
            </ol>
            <MoreRows window=window noun="events" />
            <div class="button-row">
                <button type="button" class="btn" on:click=add>"Add event"</button>
                <button type="button" class="btn" on:click=sort>"Sort by time"</button>
            </div>
            <Paste session=session />
            <ChatImport session=session />
        </div>
    }
}

#[component]
fn EventRow(
    session: Session,
    id: String,
    local: RwSignal<bool>,
    warnings: Memo<Vec<(String, String)>>,
) -> impl IntoView {
    let Some(event) = session
        .doc
        .with_untracked(|d| d.timeline.iter().find(|e| e.id == id).cloned())
    else {
        return ().into_any();
    };
    let (time_id, kind_id) = (dom_id("ev-time"), dom_id("ev-kind"));
    let shown_id = format!("{time_id}-shown");
    let at = RwSignal::new(event.at);
    let starred = RwSignal::new(event.starred);
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
    let my_warnings = {
        let id = id.clone();
        move || {
            warnings.with(|w| {
                w.iter()
                    .filter(|(e, _)| *e == id)
                    .map(|(_, m)| m.clone())
                    .collect::<Vec<_>>()
            })
        }
    };
    let (text_id, up_id, down_id, rm_id) = (id.clone(), id.clone(), id.clone(), id);
    let moved = move |id: String, by: isize| {
        structural(session, |d| move_by(&mut d.timeline, &id, by, |e| &e.id));
    };
    let label_text = if event.text.trim().is_empty() {
        "event".to_owned()
    } else {
        format!("\"{}\"", event.text.trim())
    };
    let (l1, l2, l3, l4) = (
        label_text.clone(),
        label_text.clone(),
        label_text.clone(),
        label_text,
    );
    view! {
        <li class="row event-row">
            <div class="field field-time">
                <label for=time_id.clone()>"When " <abbr title="Coordinated Universal Time">"(UTC)"</abbr></label>
                <input id=time_id type="text" inputmode="numeric" autocomplete="off" spellcheck="false" placeholder=TIME_FORMAT_EXAMPLE
                    value=utc_input_value(event.at) aria-describedby=shown_id.clone()
                    on:input=move |ev| { let v = parse_utc_input(&event_target_value(&ev)); at.set(v); e1(&|e| e.at = v) } />
                <span class="local-time event-date" id=shown_id>{move || shown_at(at.get(), local.get())}</span>
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
            {row_text(session, "timeline", text_id, "What happened", "field grow wide")}
            <div class="row-tools">
                <button type="button" class="btn btn-small btn-icon star" aria-pressed=move || if starred.get() { "true" } else { "false" }
                    title="Show in the report's short timeline"
                    on:click=move |_| { let v = !starred.get_untracked(); starred.set(v); e3(&|e| e.starred = v) }>
                    <span aria-hidden="true">{move || if starred.get() { "★" } else { "☆" }}</span>
                    <span class="visually-hidden">{format!("Star {l1}")}</span>
                </button>
                <button type="button" class="btn btn-small btn-icon" on:click=move |_| moved(up_id.clone(), -1)>
                    <span aria-hidden="true">"↑"</span><span class="visually-hidden">{format!("Move {l2} up")}</span>
                </button>
                <button type="button" class="btn btn-small btn-icon" on:click=move |_| moved(down_id.clone(), 1)>
                    <span aria-hidden="true">"↓"</span><span class="visually-hidden">{format!("Move {l3} down")}</span>
                </button>
                <button type="button" class="btn btn-small btn-quiet" on:click=move |_| structural(session, |d| d.timeline.retain(|e| e.id != rm_id))>
                    "Remove"<span class="visually-hidden">{format!(" {l4}")}</span>
                </button>
            </div>
            {move || {
                let w = my_warnings();
                (!w.is_empty()).then(|| view! {
                    <ul class="row-warnings">{w.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
                })
            }}
        </li>
    }
    .into_any()
}

/// A textarea of notes read line by line, previewed before anything is added.
#[component]
fn Paste(session: Session) -> impl IntoView {
    let text = RwSignal::new(String::new());
    let notes_local = RwSignal::new(false);
    let area_id = dom_id("paste");
    let zone_id = dom_id("paste-zone");
    let parsed = Memo::new(move |_| {
        let default_date = session
            .doc
            .with_untracked(|d| d.incident_date.or(d.times.started.map(|t| t.date_naive())));
        let offset = if notes_local.get() {
            Local::now().offset().fix().local_minus_utc() / 60
        } else {
            0
        };
        text.with(|t| {
            parse_timeline(
                t,
                PasteContext {
                    default_date,
                    assume_utc_offset_minutes: offset,
                },
            )
        })
    });
    let add = move |_| {
        let events = parsed.with_untracked(|p| {
            p.to_timeline_events(|i| format!("{}{i}", new_id("ev", now(), entropy())))
        });
        if events.is_empty() {
            return;
        }
        structural(session, |d| d.timeline.extend(events));
        text.set(String::new());
    };
    let paste_example = match crate::components::fields::words() {
        Words::Plain => "One event per line, such as \"09:30 UTC the supplier called about the delay\" or \"2026-11-20 16:00 - partners told of the new date\". Lines without a date take the incident date.",
        Words::Usual => "One event per line, such as \"14:02 UTC paged the on-call engineer\" or \"2026-11-20 23:58 - rollback started\". Lines without a date take the incident date.",
    };
    view! {
        <details class="paste">
            <summary>"Paste notes"</summary>
            <p class="hint">{paste_example}</p>
            <div class="field">
                <label for=area_id.clone()>"Notes to turn into events"</label>
                <textarea id=area_id rows="6" prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))></textarea>
            </div>
            <div class="field field-check">
                <input id=zone_id.clone() type="checkbox" on:change=move |ev| notes_local.set(event_target_checked(&ev)) />
                <label for=zone_id>"Times without a zone are in my local time (otherwise UTC)"</label>
            </div>
            <Show when=move || parsed.with(|p| !p.events.is_empty() || !p.unreadable.is_empty())>
                <div class="paste-preview" aria-live="polite">
                    <p><strong>{move || afterword_core::words::count(parsed.with(|p| p.events.len()), "event read", "events read")}</strong></p>
                    <ul class="paste-events">
                        {move || parsed.with(|p| p.events.iter().map(|e| {
                            let when = format!("{}{}", e.at.format("%Y-%m-%d %H:%M UTC"), if e.next_day { " (next day)" } else { "" });
                            let line = format!(" · {} · {}", e.kind_guess.label(), e.text);
                            view! { <li><span class="event-date">{when}</span>{line}</li> }
                        }).collect_view())}
                    </ul>
                    <Show when=move || parsed.with(|p| !p.unreadable.is_empty())>
                        <div class="notice notice-warn">
                            <p><strong>"Lines that could not be read (not added):"</strong></p>
                            <ul class="paste-unreadable">
                                {move || parsed.with(|p| p.unreadable.iter().map(|u| {
                                    let s = format!("Line {}: \"{}\": {}", u.line, u.text, u.reason);
                                    view! { <li>{s}</li> }
                                }).collect_view())}
                            </ul>
                        </div>
                    </Show>
                    <button type="button" class="btn btn-primary" disabled=move || parsed.with(|p| p.events.is_empty()) on:click=add>
                        {move || { let n = parsed.with(|p| p.events.len()); format!("Add {n} event{}", if n == 1 { "" } else { "s" }) }}
                    </button>
                </div>
            </Show>
        </details>
    }
}
