//! Action items as CSV, for the issue importers of Jira and GitHub.
//!
//! One row per action item, header first, fields written by [`crate::csv`]
//! (RFC 4180 quoting, rows ending in CRLF, and a `'` before anything a
//! spreadsheet would run as a formula). The columns are documented in the
//! README ("Action items as CSV").

use crate::csv::push_record;
use crate::model::{ActionItem, ActionStatus, Postmortem, Priority};

pub const CSV_COLUMNS: [&str; 11] = [
    "Summary",
    "Description",
    "Assignee",
    "Due date",
    "Status",
    "Priority",
    "Labels",
    "Issue type",
    "Postmortem",
    "Postmortem ID",
    "Ticket",
];

/// Action items of all the given postmortems, in document order.
pub fn action_items_csv(docs: &[&Postmortem]) -> String {
    let mut out = String::new();
    push_record(&mut out, CSV_COLUMNS);
    for doc in docs {
        for item in &doc.action_items {
            push_record(&mut out, row(doc, item).iter().map(String::as_str));
        }
    }
    out
}

fn row(doc: &Postmortem, item: &ActionItem) -> Vec<String> {
    let summary = if item.title.trim().is_empty() {
        "Untitled action item".to_owned()
    } else {
        item.title.clone()
    };
    vec![
        summary,
        description(doc, item),
        item.owner.clone(),
        item.due
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default(),
        status(item.status).to_owned(),
        item.priority.map(priority).unwrap_or_default().to_owned(),
        labels(doc, item),
        "Task".to_owned(),
        doc.display_title().to_owned(),
        doc.id.clone(),
        item.ticket.clone(),
    ]
}

fn description(doc: &Postmortem, item: &ActionItem) -> String {
    let mut lines = vec![format!(
        "Follow-up action from the postmortem \"{}\".",
        doc.display_title()
    )];
    if let Some(k) = item.kind {
        lines.push(format!("Kind: {}", k.label()));
    }
    if let Some(p) = item.priority {
        lines.push(format!("Priority: {}", p.label()));
    }
    if !item.ticket.trim().is_empty() {
        lines.push(format!("Existing ticket: {}", item.ticket));
    }
    if item.needs_discussion {
        lines.push("Still needs discussion in the review meeting.".to_owned());
    }
    lines.join("\n")
}

/// Jira's default workflow names.
fn status(s: ActionStatus) -> &'static str {
    match s {
        ActionStatus::Open => "To Do",
        ActionStatus::InProgress => "In Progress",
        ActionStatus::Done => "Done",
        ActionStatus::WontDo => "Won't Do",
    }
}

/// Jira's default priority names.
fn priority(p: Priority) -> &'static str {
    match p {
        Priority::P1 => "Highest",
        Priority::P2 => "High",
        Priority::P3 => "Medium",
    }
}

/// Space-separated labels without spaces inside (Jira splits on spaces).
fn labels(doc: &Postmortem, item: &ActionItem) -> String {
    let mut labels = vec!["postmortem".to_owned()];
    if let Some(k) = item.kind {
        labels.push(k.key().replace('_', "-"));
    }
    if let Some(s) = doc.classification.severity {
        labels.push(s.label().to_ascii_lowercase());
    }
    if item.needs_discussion {
        labels.push("needs-discussion".to_owned());
    }
    labels.join(" ")
}
