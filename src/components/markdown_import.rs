//! The preview of a Markdown postmortem before it becomes a draft: every
//! heading with its line and where its content goes (changeable), what was
//! read into each part, and every line that could not be read. Nothing is
//! stored until "Import as a new draft".

use std::collections::BTreeMap;

use afterword_core::ids::new_id;
use afterword_core::import::{
    import_markdown, MarkdownImport, MarkdownImportOptions, Placement, SectionTarget,
};
use chrono::{DateTime, Utc};
use leptos::prelude::*;

use crate::browser::{entropy, now};
use crate::components::fields::dom_id;

/// What the preview hands back when the person confirms.
pub type OnConfirm = Callback<afterword_core::model::Postmortem>;

#[component]
pub fn MarkdownPreview(
    file: String,
    raw: String,
    on_confirm: OnConfirm,
    on_cancel: Callback<()>,
) -> impl IntoView {
    // One id and creation time for every re-reading, so a changed mapping
    // does not make a different draft.
    let base: (String, DateTime<Utc>) = (new_id("pm", now(), entropy()), now());
    let overrides = RwSignal::new(BTreeMap::<usize, SectionTarget>::new());
    let raw = StoredValue::new(raw);
    let result = Memo::new(move |_| {
        let opts = MarkdownImportOptions {
            id: base.0.clone(),
            now: base.1,
            overrides: overrides.get(),
        };
        raw.with_value(|r| import_markdown(r, &opts).map_err(|e| e.to_string()))
    });
    let title_id = dom_id("md-preview-title");
    let labelled_by = title_id.clone();
    let confirm = move |_| {
        if let Some(Ok(imported)) = result.try_get_untracked() {
            on_confirm.run(imported.doc);
        }
    };
    let file_shown = file.clone();
    view! {
        <div class="panel import-result md-preview" role="group" aria-labelledby=labelled_by data-testid="md-preview">
            <h3 id=title_id>{format!("Preview of “{file_shown}”")}</h3>
            {move || match result.get() {
                Err(why) => view! {
                    <div role="alert">
                        <p>{format!("“{file}” was not imported: {why}.")}</p>
                        <p>"Nothing was changed."</p>
                        <button class="btn btn-small" on:click=move |_| on_cancel.run(())>"Dismiss"</button>
                    </div>
                }
                .into_any(),
                Ok(imported) => view! {
                    <p class="hint">"Check where each heading goes; change it with its list. Nothing is stored until you import."</p>
                    <Placements imported=imported.clone() overrides=overrides />
                    <WhatWasRead imported=imported.clone() />
                    <Unreadable imported=imported />
                    <div class="actions">
                        <button class="btn btn-small btn-primary" on:click=confirm>"Import as a new draft"</button>
                        <button class="btn btn-small" on:click=move |_| on_cancel.run(())>"Cancel"</button>
                    </div>
                }
                .into_any(),
            }}
        </div>
    }
}

#[component]
fn Placements(
    imported: MarkdownImport,
    overrides: RwSignal<BTreeMap<usize, SectionTarget>>,
) -> impl IntoView {
    let rows = imported
        .headings
        .into_iter()
        .map(|h| {
            let select_id = dom_id("md-map");
            let index = h.index;
            let indent = format!("padding-left: {}px", usize::from(h.level.saturating_sub(1)) * 12);
            let name = if h.text.trim().is_empty() {
                "(heading with no text)".to_owned()
            } else {
                h.text.clone()
            };
            let how = match h.placement {
                Placement::Title => "",
                Placement::Matched => "matched by its name",
                Placement::Under => "under the heading above",
                Placement::Unmatched => "matches no section: kept as free text",
                Placement::Chosen => "your choice",
            };
            let control = if h.placement == Placement::Title {
                view! { <span>"Title"</span> }.into_any()
            } else {
                let current = h.target;
                let label = format!("Where “{name}” goes");
                view! {
                    <label class="visually-hidden" for=select_id.clone()>{label}</label>
                    <select id=select_id data-heading=name.clone() on:change=move |ev| {
                        if let Some(t) = SectionTarget::from_key(&event_target_value(&ev)) {
                            overrides.update(|o| { o.insert(index, t); });
                        }
                    }>
                        {SectionTarget::ALL.iter().map(|t| view! {
                            <option value=t.key() selected=*t == current>{t.label()}</option>
                        }).collect_view()}
                    </select>
                }
                .into_any()
            };
            view! {
                <tr>
                    <td class="num">{h.line}</td>
                    <td style=indent>{format!("{} {name}", "#".repeat(usize::from(h.level)))}</td>
                    <td>{control}</td>
                    <td class="hint">{format!("{how}{}{}", if how.is_empty() { "" } else { " · " }, h.destination())}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="md-placements">
            <caption>"Headings and where they go"</caption>
            <thead><tr><th scope="col">"Line"</th><th scope="col">"Heading"</th><th scope="col">"Goes to"</th><th scope="col">"Why"</th></tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

#[component]
fn WhatWasRead(imported: MarkdownImport) -> impl IntoView {
    let d = &imported.doc;
    let a = &d.analysis;
    let mut read: Vec<String> = Vec::new();
    let mut count = |n: usize, one: &str, many: &str| {
        if n > 0 {
            read.push(afterword_core::words::count(n, one, many));
        }
    };
    count(d.timeline.len(), "timeline event", "timeline events");
    count(
        d.timeline.iter().filter(|e| e.at.is_none()).count(),
        "of them without a time",
        "of them without a time",
    );
    count(d.action_items.len(), "action item", "action items");
    count(
        a.contributing_factors.len(),
        "contributing factor",
        "contributing factors",
    );
    count(d.participants.len(), "participant", "participants");
    count(d.links.len(), "link", "links");
    count(d.sections.len(), "free-text section", "free-text sections");
    let times = [
        d.times.started,
        d.times.detected,
        d.times.acknowledged,
        d.times.mitigated,
        d.times.resolved,
    ]
    .iter()
    .filter(|t| t.is_some())
    .count();
    count(times, "key time", "key times");
    let title = if d.title.trim().is_empty() {
        "(no title)".to_owned()
    } else {
        d.title.clone()
    };
    view! {
        <p class="md-read" data-testid="md-read">
            {format!("Title: “{title}”. Read: {}.", if read.is_empty() { "no structured entries".to_owned() } else { read.join(", ") })}
        </p>
    }
}

#[component]
fn Unreadable(imported: MarkdownImport) -> impl IntoView {
    if imported.notes.is_empty() {
        return view! { <p class="hint">"Every line was read."</p> }.into_any();
    }
    view! {
        <div class="notice notice-warn md-notes">
            <p><strong>"What could not be read as it stands (kept as text, nothing is dropped):"</strong></p>
            <ul>
                {imported.notes.into_iter().map(|n| view! { <li>{format!("Line {}: {}", n.line, n.message)}</li> }).collect_view()}
            </ul>
        </div>
    }
    .into_any()
}
