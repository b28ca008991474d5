//! The read-only report of one postmortem (`#/draft/<id>/report`): what a
//! reader or a printer gets. Sections follow the document's template, like
//! the Markdown export. Everything typed is shown as text, never as markup,
//! and only web and mail addresses become links.

use std::cell::Cell;

use afterword_core::export::facts::{self, label, Value};
use afterword_core::export::markdown::{section_ids, MarkdownOptions, CHECKLIST_SECTION};
use afterword_core::field::{DocSection, Words};
use afterword_core::model::Postmortem;
use chrono::{DateTime, Timelike, Utc};
use leptos::prelude::*;

use crate::state::{use_app, AppState, Route};

thread_local! {
    static PRINT_ON_OPEN: Cell<bool> = const { Cell::new(false) };
}

/// Asks the next report that opens to print itself ("Print / Save as PDF").
pub fn request_print() {
    PRINT_ON_OPEN.with(|p| p.set(true));
}

fn print_page() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

#[component]
pub fn ReportPage(id: String) -> impl IntoView {
    let app = use_app();
    let print_now = PRINT_ON_OPEN.with(|p| p.replace(false));
    let editor_href = Route::Draft(id.clone()).to_hash();
    match app.library().open(&id) {
        Ok(Some(doc)) => {
            if print_now {
                // After the report is laid out, not before.
                request_animation_frame(|| request_animation_frame(print_page));
            }
            view! {
                <div class="report-bar">
                    <a href=editor_href>"← Back to the editor"</a>
                    <button class="btn btn-small" on:click=|_| print_page()>"Print / Save as PDF"</button>
                </div>
                <Report app=app doc=doc />
            }
            .into_any()
        }
        Ok(None) => view! {
            <div class="panel panel-warn">
                <h1>"No such draft"</h1>
                <p>"This draft is not stored in this browser."</p>
                <a href="#/">"Back to all postmortems"</a>
            </div>
        }
        .into_any(),
        Err(e) => view! {
            <div class="panel panel-error" role="alert">
                <h1>"This draft could not be read"</h1>
                <p>{e}</p>
                <a href="#/">"Back to all postmortems"</a>
            </div>
        }
        .into_any(),
    }
}

/// The sections the Markdown export prints, in its order (the checklist
/// is not part of the report).
fn ordered(app: &AppState, doc: &Postmortem) -> (Vec<String>, Words) {
    let opts = MarkdownOptions::for_template(&app.library().template_for(doc));
    let mut ids = section_ids(doc, &opts);
    ids.retain(|id| id != CHECKLIST_SECTION);
    (ids, opts.words)
}

#[component]
fn Report(app: AppState, doc: Postmortem) -> impl IntoView {
    let (ids, w) = ordered(&app, &doc);
    let sections = ids
        .into_iter()
        .map(|id| {
            let fixed = match id.as_str() {
                "metadata" => metadata(&doc, w).into_any(),
                "summary" => prose_section(DocSection::Summary.title(), &doc.summary).into_any(),
                "impact" => impact(&doc, w).into_any(),
                "times" => times(&doc, w).into_any(),
                "timeline" => timeline(&doc).into_any(),
                "analysis" => analysis(&doc, w).into_any(),
                "four_questions" => texts(&doc, DocSection::FourQuestions, w).into_any(),
                "lessons" => texts(&doc, DocSection::Lessons, w).into_any(),
                "action_items" => action_items(&doc).into_any(),
                "links" => links(&doc).into_any(),
                _ => ().into_any(),
            };
            let free = doc
                .sections
                .get(&id)
                .and_then(|text| prose_section(&afterword_core::words::words_from_id(&id), text));
            view! { {fixed} {free} }
        })
        .collect_view();
    view! {
        <article class="report" aria-labelledby="report-title">
            <h1 id="report-title">{doc.display_title().to_owned()}</h1>
            <p class="report-sub">"Blameless postmortem · times in UTC"</p>
            {sections}
        </article>
    }
}

fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

fn when(t: DateTime<Utc>) -> String {
    if t.second() == 0 {
        t.format("%Y-%m-%d %H:%M UTC").to_string()
    } else {
        t.format("%Y-%m-%d %H:%M:%S UTC").to_string()
    }
}

/// Free text as typed: line breaks kept by CSS, markup shown as text.
fn prose(text: &str) -> impl IntoView {
    view! { <p class="report-text">{text.trim_matches('\n').to_owned()}</p> }
}

fn prose_section(heading: &str, text: &str) -> Option<AnyView> {
    (!blank(text)).then(|| {
        view! {
            <section class="report-section">
                <h2>{heading.to_owned()}</h2>
                {prose(text)}
            </section>
        }
        .into_any()
    })
}

fn sub(heading: &'static str, text: &str) -> Option<AnyView> {
    (!blank(text)).then(|| view! { <h3>{heading}</h3> {prose(text)} }.into_any())
}

/// A link only for web and mail addresses; anything else stays text.
fn link(label: &str, url: &str) -> AnyView {
    let lower = url.trim().to_ascii_lowercase();
    let safe = ["https://", "http://", "mailto:"]
        .iter()
        .any(|p| lower.starts_with(p) && lower.len() > p.len());
    let label = if blank(label) { url } else { label }.to_owned();
    if safe {
        view! { <a href=url.trim().to_owned()>{label}</a> }.into_any()
    } else if label == url {
        view! { <span>{label}</span> }.into_any()
    } else {
        view! { <span>{format!("{label} ({url})")}</span> }.into_any()
    }
}

fn table(caption: &'static str, headers: &[&'static str], rows: Vec<Vec<AnyView>>) -> AnyView {
    let head = headers
        .iter()
        .map(|h| view! { <th scope="col">{*h}</th> })
        .collect_view();
    let body = rows
        .into_iter()
        .map(|cells| {
            // Each cell carries its column's name: on a phone a row is shown
            // as a stacked card, labelled cell by cell.
            let cells = cells
                .into_iter()
                .zip(headers.iter())
                .map(|(c, h)| view! { <td data-label=*h>{c}</td> })
                .collect_view();
            view! { <tr>{cells}</tr> }
        })
        .collect_view();
    view! {
        <table class="report-table">
            <caption class="visually-hidden">{caption}</caption>
            <thead><tr>{head}</tr></thead>
            <tbody>{body}</tbody>
        </table>
    }
    .into_any()
}

fn text(s: impl Into<String>) -> AnyView {
    let s: String = s.into();
    view! { <span>{s}</span> }.into_any()
}

/// A value of the shared tables ([`facts`]) as the report shows it:
/// several values are lines of one cell, times say UTC.
fn shown(value: Value) -> String {
    match value {
        Value::Text(t) => t,
        Value::Word(w) => w.to_owned(),
        Value::People(people) => people
            .into_iter()
            .map(|(name, role)| format!("{name} ({role})"))
            .collect::<Vec<_>>()
            .join("\n"),
        Value::Lines(lines) => lines.join("\n"),
        Value::Date(d) => d.format("%Y-%m-%d").to_string(),
        Value::Time(t) => when(t),
        Value::Minutes(m) => facts::format_minutes(m),
    }
}

fn metadata(doc: &Postmortem, w: Words) -> impl IntoView {
    let rows = facts::details(doc, w)
        .into_iter()
        .map(|r| {
            let (k, v) = (r.label, shown(r.value));
            view! { <tr><th scope="row">{k}</th><td class="report-cell-text">{v}</td></tr> }
        })
        .collect_view();
    view! {
        <section class="report-section">
            <h2>{DocSection::Metadata.title()}</h2>
            <table class="report-table report-meta">
                <caption class="visually-hidden">"Details of the incident"</caption>
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
}

fn impact(doc: &Postmortem, w: Words) -> Option<AnyView> {
    let i = &doc.impact;
    let rows: Vec<Vec<AnyView>> = facts::impact_measures(doc, w)
        .into_iter()
        .map(|r| vec![text(r.label), text(shown(r.value))])
        .collect();
    let metrics: Vec<Vec<AnyView>> = facts::business_figures(doc)
        .into_iter()
        .map(|f| f.into_iter().map(text).collect())
        .collect();
    if blank(&i.description) && rows.is_empty() && metrics.is_empty() {
        return None;
    }
    let has_rows = !rows.is_empty();
    let has_metrics = !metrics.is_empty();
    Some(
        view! {
            <section class="report-section">
                <h2>{DocSection::Impact.title()}</h2>
                {(!blank(&i.description)).then(|| prose(&i.description))}
                {has_rows.then(|| table("Impact measures", &["Measure", "Value"], rows))}
                {has_metrics.then(|| view! {
                    <h3>{label("impact.business_metrics", w)}</h3>
                    {table(label("impact.business_metrics", w), &["Metric", "Value", "Unit"], metrics)}
                })}
            </section>
        }
        .into_any(),
    )
}

fn times(doc: &Postmortem, w: Words) -> Option<AnyView> {
    let rows: Vec<Vec<AnyView>> = facts::moments(&doc.times, w)
        .into_iter()
        .map(|(label, at)| vec![text(label), text(when(at))])
        .collect();
    if rows.is_empty() {
        return None;
    }
    let durations: Vec<Vec<AnyView>> = facts::durations(&doc.times, w)
        .into_iter()
        .map(|d| d.into_iter().map(text).collect())
        .collect();
    let has_durations = !durations.is_empty();
    Some(
        view! {
            <section class="report-section">
                <h2>{DocSection::Times.title()}</h2>
                {table(DocSection::Times.title(), &["Moment", "Time (UTC)"], rows)}
                {has_durations.then(|| view! {
                    <h3>"Durations"</h3>
                    {table("Durations derived from the key times", &["Duration", "Value", "Formula"], durations)}
                })}
            </section>
        }
        .into_any(),
    )
}

fn timeline(doc: &Postmortem) -> Option<AnyView> {
    if doc.timeline.is_empty() {
        return None;
    }
    let rows = doc
        .timeline
        .iter()
        .map(|e| {
            vec![
                text(
                    e.at.map(when)
                        .unwrap_or_else(|| "(time not set)".to_owned()),
                ),
                text(e.kind.label()),
                text(if e.starred { "★" } else { "" }),
                text(e.text.clone()),
            ]
        })
        .collect();
    Some(
        view! {
            <section class="report-section">
                <h2>{DocSection::Timeline.title()}</h2>
                {table("Timeline", &["Time (UTC)", "Kind", "Starred", "Event"], rows)}
            </section>
        }
        .into_any(),
    )
}

fn analysis(doc: &Postmortem, w: Words) -> Option<AnyView> {
    let a = &doc.analysis;
    let factors: Vec<AnyView> = a
        .contributing_factors
        .iter()
        .filter(|f| !(blank(&f.text) && f.category.is_none() && f.evidence.is_empty()))
        .map(|f| {
            let category = f.category.map(|c| format!(" (category: {})", c.label()));
            let evidence = f
                .evidence
                .iter()
                .filter(|e| !blank(e))
                .map(|e| view! { " " {link(e, e)} })
                .collect_view();
            let has_evidence = f.evidence.iter().any(|e| !blank(e));
            view! {
                <li>
                    <span class="report-cell-text">{f.text.clone()}</span>
                    {category}
                    {has_evidence.then(|| view! { " · evidence:" {evidence} })}
                </li>
            }
            .into_any()
        })
        .collect();
    let parts: Vec<AnyView> = [
        sub(label("analysis.trigger", w), &a.trigger),
        sub(label("analysis.detection", w), &a.detection),
        sub(label("analysis.resolution", w), &a.resolution),
    ]
    .into_iter()
    .flatten()
    .collect();
    if factors.is_empty() && parts.is_empty() {
        return None;
    }
    let has_factors = !factors.is_empty();
    let single = (!blank(&a.single_factor_reason)).then(|| {
        view! { <p><strong>{label("analysis.single_factor_reason", w)} ": "</strong><span class="report-cell-text">{a.single_factor_reason.clone()}</span></p> }
    });
    Some(
        view! {
            <section class="report-section">
                <h2>{DocSection::Analysis.title()}</h2>
                {has_factors.then(|| view! {
                    <h3>{label("analysis.contributing_factors", w)}</h3>
                    <ul>{factors}</ul>
                    {single}
                })}
                {parts}
            </section>
        }
        .into_any(),
    )
}

/// A part made only of free-text fields, each under its label, as the
/// Markdown prints it.
fn texts(doc: &Postmortem, part: DocSection, w: Words) -> Option<AnyView> {
    let parts: Vec<AnyView> = part
        .fields()
        .filter_map(|f| sub(f.label_in(w), f.text(doc)?))
        .collect();
    (!parts.is_empty()).then(|| {
        view! { <section class="report-section"><h2>{part.title()}</h2>{parts}</section> }
            .into_any()
    })
}

fn action_items(doc: &Postmortem) -> Option<AnyView> {
    if doc.action_items.is_empty() {
        return None;
    }
    let rows = doc
        .action_items
        .iter()
        .map(|a| {
            vec![
                text(if blank(&a.title) {
                    "Untitled action item".to_owned()
                } else {
                    a.title.clone()
                }),
                text(a.owner.clone()),
                text(
                    a.due
                        .map(|d| d.format("%Y-%m-%d").to_string())
                        .unwrap_or_default(),
                ),
                text(a.status.label()),
                text(a.kind.map(|k| k.label()).unwrap_or_default()),
                text(a.priority.map(|p| p.label()).unwrap_or_default()),
                if blank(&a.ticket) {
                    text("")
                } else {
                    link(&a.ticket, &a.ticket)
                },
                text(if a.needs_discussion { "Yes" } else { "No" }),
            ]
        })
        .collect();
    Some(
        view! {
            <section class="report-section">
                <h2>{DocSection::ActionItems.title()}</h2>
                {table(
                    "Action items",
                    &["Action", "Owner", "Due", "Status", "Kind", "Priority", "Ticket", "Needs discussion"],
                    rows,
                )}
            </section>
        }
        .into_any(),
    )
}

fn links(doc: &Postmortem) -> Option<AnyView> {
    let items: Vec<AnyView> = doc
        .links
        .iter()
        .filter(|l| !(blank(&l.label) && blank(&l.url)))
        .map(|l| view! { <li>{link(&l.label, &l.url)}</li> }.into_any())
        .collect();
    (!items.is_empty()).then(|| {
        view! { <section class="report-section"><h2>{DocSection::Links.title()}</h2><ul>{items}</ul></section> }
            .into_any()
    })
}
