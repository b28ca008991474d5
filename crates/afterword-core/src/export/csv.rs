//! Action items as CSV, for the issue importers of Jira and GitHub.
//!
//! One row per action item, header first, fields quoted as RFC 4180 asks
//! (commas, quotes and line breaks survive) and rows ending in CRLF. A cell
//! that a spreadsheet would run as a formula (starting with `=`, `+`, `-`,
//! `@`, a tab or a carriage return) is prefixed with `'`, so opening the file
//! in a spreadsheet never executes what someone typed. The columns are
//! documented in the README ("Action items as CSV").

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
    push_row(&mut out, CSV_COLUMNS.iter().map(|c| (*c).to_owned()));
    for doc in docs {
        for item in &doc.action_items {
            push_row(&mut out, row(doc, item).into_iter());
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

fn push_row(out: &mut String, cells: impl Iterator<Item = String>) {
    let cells: Vec<String> = cells.map(|c| quote(&defuse(&c))).collect();
    out.push_str(&cells.join(","));
    out.push_str("\r\n");
}

/// Keeps spreadsheets from reading a cell as a formula.
fn defuse(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_owned(),
    }
}

/// RFC 4180: a field with a comma, quote or line break is quoted, and its
/// quotes doubled.
fn quote(cell: &str) -> String {
    if cell.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_owned()
    }
}
