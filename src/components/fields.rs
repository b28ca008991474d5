//! Form controls bound to a field of the open document.
//!
//! Each control reads its starting value once and then only writes: the
//! form is rebuilt when the document is replaced from outside, so typing
//! never waits for a re-render of the whole document.

use afterword_core::model::Postmortem;
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use leptos::prelude::*;

use crate::session::Session;

static NEXT_ID: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// A unique DOM id for tying a label to its control.
pub fn dom_id(stem: &str) -> String {
    let n = NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    format!("aw-{stem}-{n}")
}

/// A one-line or multi-line text field.
pub fn text_field(
    session: Session,
    label: &'static str,
    hint: &'static str,
    multiline: bool,
    get: impl Fn(&Postmortem) -> String + 'static,
    set: impl Fn(&mut Postmortem, String) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let id = dom_id("text");
    let hint_id = format!("{id}-hint");
    let initial = session.doc.with_untracked(|d| get(d));
    let on_input = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        session.edit(|d| set(d, value));
    };
    let described = (!hint.is_empty()).then(|| hint_id.clone());
    let control = if multiline {
        let rows = if initial.lines().count() > 4 { 8 } else { 4 };
        view! {
            <textarea id=id.clone() rows=rows aria-describedby=described.clone() on:input=on_input>
                {initial}
            </textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=id.clone() type="text" value=initial aria-describedby=described.clone() on:input=on_input />
        }
        .into_any()
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {(!hint.is_empty()).then(|| view! { <p class="hint" id=hint_id>{hint}</p> })}
            {control}
        </div>
    }
}

/// A `<select>` over stored keys; the empty key means "not set".
pub fn select_field(
    session: Session,
    label: &'static str,
    options: Vec<(&'static str, &'static str)>,
    get: impl Fn(&Postmortem) -> &'static str + 'static,
    set: impl Fn(&mut Postmortem, &str) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let id = dom_id("select");
    let current = session.doc.with_untracked(|d| get(d));
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select
                id=id
                on:change=move |ev| {
                    let value = event_target_value(&ev);
                    session.edit(|d| set(d, &value));
                }
            >
                {options
                    .into_iter()
                    .map(|(key, text)| view! { <option value=key selected=key == current>{text}</option> })
                    .collect_view()}
            </select>
        </div>
    }
}

/// Formats a UTC time for `<input type="datetime-local">`, which holds no zone.
pub fn utc_input_value(t: Option<DateTime<Utc>>) -> String {
    t.map(|t| t.format("%Y-%m-%dT%H:%M").to_string())
        .unwrap_or_default()
}

/// Reads a `datetime-local` value as UTC; empty means "not set".
pub fn parse_utc_input(value: &str) -> Option<DateTime<Utc>> {
    ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(value, f).ok())
        .map(|n| n.and_utc())
}

/// A date-and-time field whose value is in UTC, with the reader's local
/// time shown beside it.
pub fn utc_time_field(
    session: Session,
    label: &'static str,
    get: impl Fn(&Postmortem) -> Option<DateTime<Utc>> + Copy + Send + Sync + 'static,
    set: impl Fn(&mut Postmortem, Option<DateTime<Utc>>) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let id = dom_id("time");
    let local_id = format!("{id}-local");
    let initial = utc_input_value(session.doc.with_untracked(|d| get(d)));
    let local = move || {
        session
            .doc
            .with(|d| get(d))
            .map(|t| {
                format!(
                    "{} your time",
                    t.with_timezone(&chrono::Local).format("%-d %b %H:%M")
                )
            })
            .unwrap_or_default()
    };
    view! {
        <div class="field field-time">
            <label for=id.clone()>{label} " " <abbr title="Coordinated Universal Time">"(UTC)"</abbr></label>
            <input
                id=id
                type="datetime-local"
                step="60"
                value=initial
                aria-describedby=local_id.clone()
                on:input=move |ev| {
                    let value = parse_utc_input(&event_target_value(&ev));
                    session.edit(|d| set(d, value));
                }
            />
            <span class="local-time" id=local_id>{local}</span>
        </div>
    }
}

/// A date field (no time), such as the incident date or a due date.
pub fn date_value(d: Option<NaiveDate>) -> String {
    d.map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

pub fn parse_date(value: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(value, "%Y-%m-%d").ok()
}
