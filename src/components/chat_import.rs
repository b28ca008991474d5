//! Turning a chat export (Slack day files or message array, Mattermost bulk
//! JSONL, Teams Graph messages, a plain text log) into timeline events.
//!
//! The preview lists every message with its UTC time and author; filters
//! pick which become events (starred or pinned, a keyword, a time range)
//! and authors can be renamed to participants. The list is virtualised: only
//! the rows in view are in the page, so an export of 10,000 messages opens
//! at once. Message text is only ever shown and stored as text.

use std::collections::BTreeMap;

use afterword_core::ids::new_id;
use afterword_core::import::chat::MAX_CHAT_BYTES;
use afterword_core::import::{authors, read_chat, to_events, ChatExport, ChatFile, ChatFilter};
use afterword_core::timeline_paste::PasteContext;
use leptos::prelude::*;

use crate::browser::{entropy, now};
use crate::components::fields::{dom_id, parse_utc_input, TIME_FORMAT_EXAMPLE};
use crate::components::file_button::take_chosen_files;
use crate::components::rows::structural;
use crate::components::transfer::read_text;
use crate::session::Session;

/// Height of one message row in the preview, in pixels (fixed, so the
/// rows in view can be worked out from the scroll position alone).
const ROW: f64 = 44.0;
/// Height of the scrolling list.
const VIEW: f64 = 352.0;
/// Rows drawn above and below the visible ones, for smooth scrolling.
const SPARE: usize = 6;

/// What an author is turned into in the events.
const LEAVE_OUT: &str = "\u{1}leave-out";

#[component]
pub fn ChatImport(session: Session) -> impl IntoView {
    let export = RwSignal::new(None::<ChatExport>);
    let status = RwSignal::new(String::new());
    let problem = RwSignal::new(String::new());
    let starred_only = RwSignal::new(false);
    let keyword = RwSignal::new(String::new());
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let names = RwSignal::new(BTreeMap::<String, String>::new());
    let input_ref = NodeRef::<leptos::html::Input>::new();
    let input_id = dom_id("chat-file");
    let input_for = input_id.clone();

    let filter = Memo::new(move |_| ChatFilter {
        starred_only: starred_only.get(),
        keyword: keyword.get(),
        from: parse_utc_input(&from.get()),
        to: parse_utc_input(&to.get()),
    });
    let picked = Memo::new(move |_| {
        let f = filter.get();
        export.with(|e| e.as_ref().map(|e| f.pick(&e.messages)).unwrap_or_default())
    });

    let on_change = move |_| {
        let files = take_chosen_files(input_ref);
        if files.is_empty() {
            return;
        }
        problem.set(String::new());
        status.set(format!(
            "Reading {}…",
            afterword_core::words::count(files.len(), "file", "files")
        ));
        let ctx = session.doc.with_untracked(|d| PasteContext {
            default_date: d.incident_date.or(d.times.started.map(|t| t.date_naive())),
            assume_utc_offset_minutes: 0,
        });
        leptos::task::spawn_local(async move {
            let mut read = Vec::new();
            let mut total = 0usize;
            for f in files {
                total += f.size() as usize;
                let limit = MAX_CHAT_BYTES.saturating_sub(total.saturating_sub(f.size() as usize));
                match read_text(&f, limit).await {
                    Ok(text) => read.push(ChatFile {
                        name: f.name(),
                        text,
                    }),
                    Err(why) => {
                        status.try_set(String::new());
                        problem.try_set(format!(
                            "“{}” was not read: {why}. Nothing was added.",
                            f.name()
                        ));
                        return;
                    }
                }
            }
            match read_chat(&read, ctx) {
                Ok(e) => {
                    status.try_set(format!(
                        "{}: {}.",
                        e.format.label(),
                        afterword_core::words::count(e.messages.len(), "message", "messages")
                    ));
                    names.try_set(BTreeMap::new());
                    export.try_set(Some(e));
                }
                Err(why) => {
                    status.try_set(String::new());
                    problem.try_set(format!(
                        "The export was not read: {why}. Nothing was added."
                    ));
                    export.try_set(None);
                }
            }
        });
    };
    let add = move |_| {
        let map: BTreeMap<String, String> = names
            .get_untracked()
            .into_iter()
            .map(|(k, v)| (k, if v == LEAVE_OUT { String::new() } else { v }))
            .collect();
        let events = export.with_untracked(|e| {
            e.as_ref()
                .map(|e| {
                    let base = new_id("ev", now(), entropy());
                    to_events(&e.messages, &picked.get_untracked(), &map, |i| {
                        format!("{base}c{i}")
                    })
                })
                .unwrap_or_default()
        });
        let n = events.len();
        if n == 0 {
            return;
        }
        structural(session, |d| d.timeline.extend(events));
        export.set(None);
        status.set(format!(
            "Added {} to the timeline.",
            afterword_core::words::count(n, "event", "events")
        ));
    };
    let clear = move |_| {
        export.set(None);
        status.set(String::new());
    };

    view! {
        <details class="chat-import" data-testid="chat-import">
            <summary>"Import a chat export"</summary>
            <p class="hint">
                "The incident channel's messages as timeline events: a Slack export (the channel folder's day files, with users.json for names, or one JSON file of messages), a Mattermost bulk export (.jsonl), Microsoft Teams messages (JSON from the Graph API) or a plain text log. Times are shown in UTC; you pick the messages before anything is added."
            </p>
            <label for=input_for>"Chat export files"</label>
            <input id=input_id type="file" multiple accept=".json,.jsonl,.txt,.log,application/json,text/plain" node_ref=input_ref on:change=on_change />
            <p role="status" class="chat-status">{move || status.get()}</p>
            <Show when=move || !problem.get().is_empty()>
                <p class="notice notice-warn" role="alert">{move || problem.get()}</p>
            </Show>
            <Show when=move || export.with(Option::is_some)>
                <ChatNotes export=export />
                <fieldset class="chat-filters">
                    <legend>"Which messages become events"</legend>
                    <label class="field-check">
                        <input type="checkbox" on:change=move |ev| starred_only.set(event_target_checked(&ev)) />
                        " Only starred or pinned"
                    </label>
                    <label>"Containing"
                        <input type="search" class="chat-keyword" placeholder="keyword" prop:value=move || keyword.get() on:input=move |ev| keyword.set(event_target_value(&ev)) />
                    </label>
                    <label>"From (UTC)"
                        <input type="text" inputmode="numeric" autocomplete="off" placeholder=TIME_FORMAT_EXAMPLE class="chat-from" on:input=move |ev| from.set(event_target_value(&ev)) />
                    </label>
                    <label>"To (UTC)"
                        <input type="text" inputmode="numeric" autocomplete="off" placeholder=TIME_FORMAT_EXAMPLE class="chat-to" on:input=move |ev| to.set(event_target_value(&ev)) />
                    </label>
                </fieldset>
                <AuthorMap session=session export=export names=names />
                <p class="chat-picked" role="status">{move || {
                    let total = export.with(|e| e.as_ref().map(|e| e.messages.len()).unwrap_or(0));
                    format!("{} of {total} {} will become events.", picked.with(Vec::len), if total == 1 { "message" } else { "messages" })
                }}</p>
                <MessageList export=export picked=picked />
                <div class="button-row">
                    <button type="button" class="btn btn-primary" disabled=move || picked.with(Vec::is_empty) on:click=add>
                        {move || format!("Add {}", afterword_core::words::count(picked.with(Vec::len), "event", "events"))}
                    </button>
                    <button type="button" class="btn" on:click=clear>"Cancel"</button>
                </div>
            </Show>
        </details>
    }
}

#[component]
fn ChatNotes(export: RwSignal<Option<ChatExport>>) -> impl IntoView {
    move || {
        export.with(|e| {
            let notes = e.as_ref().map(|e| e.notes.clone()).unwrap_or_default();
            (!notes.is_empty()).then(|| {
                view! {
                    <div class="notice notice-warn">
                        <p><strong>"Not listed:"</strong></p>
                        <ul class="chat-notes">
                            {notes.into_iter().map(|n| view! { <li>{format!("{}: {}", n.place, n.message)}</li> }).collect_view()}
                        </ul>
                    </div>
                }
            })
        })
    }
}

#[component]
fn AuthorMap(
    session: Session,
    export: RwSignal<Option<ChatExport>>,
    names: RwSignal<BTreeMap<String, String>>,
) -> impl IntoView {
    let people: Vec<String> = session.doc.with_untracked(|d| {
        d.participants
            .iter()
            .map(|p| p.name.trim().to_owned())
            .filter(|n| !n.is_empty())
            .collect()
    });
    let people = StoredValue::new(people);
    move || {
        let list = export.with(|e| e.as_ref().map(|e| authors(&e.messages)).unwrap_or_default());
        let rows = list
            .into_iter()
            .filter(|(a, _)| !a.is_empty())
            .map(|(author, count)| {
                let id = dom_id("chat-author");
                let key = author.clone();
                let options = people.get_value();
                view! {
                    <li>
                        <label for=id.clone()>{format!("{author} ({})", afterword_core::words::count(count, "message", "messages"))}</label>
                        <select id=id data-author=author.clone() on:change=move |ev| {
                            let v = event_target_value(&ev);
                            names.update(|m| {
                                if v.is_empty() { m.remove(&key); } else { m.insert(key.clone(), v); }
                            });
                        }>
                            <option value="">{format!("Keep “{author}”")}</option>
                            {options.into_iter().map(|p| view! { <option value=p.clone()>{format!("Participant: {p}")}</option> }).collect_view()}
                            <option value=LEAVE_OUT>"Leave the name out"</option>
                        </select>
                    </li>
                }
            })
            .collect_view();
        view! {
            <details class="chat-authors">
                <summary>"Authors and participants"</summary>
                <ul>{rows}</ul>
            </details>
        }
    }
}

/// Every message, drawn only where the list is scrolled to.
#[component]
fn MessageList(export: RwSignal<Option<ChatExport>>, picked: Memo<Vec<usize>>) -> impl IntoView {
    let scroll = RwSignal::new(0.0f64);
    let total =
        Memo::new(move |_| export.with(|e| e.as_ref().map(|e| e.messages.len()).unwrap_or(0)));
    let window = Memo::new(move |_| {
        let first = ((scroll.get() / ROW) as usize).saturating_sub(SPARE);
        let count = (VIEW / ROW) as usize + 2 * SPARE;
        (first, (first + count).min(total.get()))
    });
    let rows = move || {
        let (first, last) = window.get();
        picked.with(|p| {
            export.with(|e| {
                let Some(e) = e else { return Vec::new() };
                (first..last)
                    .filter_map(|i| e.messages.get(i).map(|m| (i, m)))
                    .map(|(i, m)| {
                        let chosen = p.binary_search(&i).is_ok();
                        let top = format!("top: {}px; height: {ROW}px", i as f64 * ROW);
                        let text = m.text.replace('\n', " ⏎ ");
                        view! {
                            <li class=if chosen { "chat-row is-picked" } else { "chat-row" } style=top
                                aria-setsize=total.get_untracked() aria-posinset=i + 1>
                                <span class="chat-pick" aria-hidden="true">{if chosen { "✓" } else { "" }}</span>
                                <span class="event-date">{m.at.format("%Y-%m-%d %H:%M:%S UTC").to_string()}</span>
                                <span class="chat-author">{m.author.clone()}</span>
                                {m.starred.then(|| view! { <span class="chat-star" title="Starred or pinned">"★"</span> })}
                                <span class="chat-text" title=m.text.clone()>{text}</span>
                                <span class="visually-hidden">{if chosen { " (will be added)" } else { " (not picked)" }}</span>
                            </li>
                        }
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    view! {
        <div class="chat-list" style=format!("height: {VIEW}px") tabindex="0" aria-label="Messages in the export"
            on:scroll=move |ev| {
                let el: web_sys::Element = event_target(&ev);
                scroll.set(f64::from(el.scroll_top()));
            }>
            <ul class="chat-rows" role="list" style=move || format!("height: {}px", total.get() as f64 * ROW)>
                {rows}
            </ul>
        </div>
    }
}
