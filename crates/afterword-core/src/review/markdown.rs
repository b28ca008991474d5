//! The review meeting document, in GitHub-flavoured Markdown.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use chrono::{Duration, NaiveDate};

use super::text::{md_inline, md_or};
use super::trends::SEVERITY_COLUMNS;
use super::{count_actions, sort_actions, summary_line, ActionRow, SortColumn, Trends};
use crate::metrics::format_duration;
use crate::model::{ActionStatus, Severity};

/// Action items do not record when they were finished, so "recently done"
/// means: done, and due no more than this many days before the review day
/// (or later, or with no due date in a postmortem of the last
/// `RECENT_DONE_DAYS` days).
pub const RECENT_DONE_DAYS: i64 = 30;

const NONE: &str = "—";

fn date(d: Option<NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_else(|| NONE.to_owned())
}

fn severity(s: Option<Severity>) -> &'static str {
    s.map(Severity::label).unwrap_or(NONE)
}

/// Writes a table, or `empty` as a sentence when there are no rows.
fn table(out: &mut String, header: &[&str], rows: &[Vec<String>], empty: &str) {
    if rows.is_empty() {
        let _ = writeln!(out, "{empty}\n");
        return;
    }
    let _ = writeln!(out, "| {} |", header.join(" | "));
    let _ = writeln!(out, "|{}", " --- |".repeat(header.len()));
    for r in rows {
        let _ = writeln!(out, "| {} |", r.join(" | "));
    }
    out.push('\n');
}

fn discuss(row: &ActionRow) -> String {
    if row.item.needs_discussion {
        "yes".into()
    } else {
        String::new()
    }
}

fn duration_cell(d: Option<Duration>, samples: usize) -> String {
    match d {
        Some(d) => format!("{} (n={samples})", format_duration(d)),
        None => NONE.to_owned(),
    }
}

/// The document for a follow-up review meeting held on `today`:
///
/// 1. a summary line with the counts of `rows`;
/// 2. overdue items, longest overdue first;
/// 3. other open and in-progress items, grouped by owner (owners A→Z,
///    ignoring case; items without an owner last), soonest due first;
/// 4. recently done items (see [`RECENT_DONE_DAYS`]);
/// 5. incidents per month, by severity, with median times to detect and
///    resolve, and incidents per category, from `trends`.
///
/// Every piece of user text is escaped so that it shows as typed and
/// cannot break the tables.
pub fn review_markdown(rows: &[ActionRow], trends: &Trends, today: NaiveDate) -> String {
    let mut out = String::with_capacity(1024 + rows.len() * 120);
    let _ = writeln!(out, "# Follow-up review, {}\n", today.format("%-d %b %Y"));
    let _ = writeln!(out, "{}.\n", summary_line(&count_actions(rows)));

    let mut overdue: Vec<&ActionRow> = rows.iter().filter(|r| r.overdue).collect();
    sort_actions(&mut overdue, SortColumn::Due, false);
    let _ = writeln!(out, "## Overdue ({})\n", overdue.len());
    let body: Vec<Vec<String>> = overdue
        .iter()
        .map(|r| {
            let late = r.item.due.map(|d| (today - d).num_days()).unwrap_or(0);
            vec![
                date(r.item.due),
                late.to_string(),
                md_or(&r.item.title, "(untitled action)"),
                md_or(&r.item.owner, "Unassigned"),
                r.item.status.label().to_owned(),
                md_inline(&r.draft_title),
                severity(r.severity).to_owned(),
                md_or(&r.item.ticket, NONE),
                discuss(r),
            ]
        })
        .collect();
    table(
        &mut out,
        &[
            "Due",
            "Days late",
            "Action",
            "Owner",
            "Status",
            "Postmortem",
            "Severity",
            "Ticket",
            "Discuss",
        ],
        &body,
        "Nothing is overdue.",
    );

    owner_section(&mut out, rows);
    done_section(&mut out, rows, today);
    trends_section(&mut out, trends);
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn owner_section(out: &mut String, rows: &[ActionRow]) {
    let mut pending: Vec<&ActionRow> = rows
        .iter()
        .filter(|r| {
            !r.overdue && matches!(r.item.status, ActionStatus::Open | ActionStatus::InProgress)
        })
        .collect();
    sort_actions(&mut pending, SortColumn::Due, false);
    // Grouped by owner ignoring case; blank owners last.
    let mut groups: BTreeMap<(bool, String), Vec<&ActionRow>> = BTreeMap::new();
    for r in pending.iter().copied() {
        let owner = r.item.owner.trim();
        groups
            .entry((owner.is_empty(), owner.to_lowercase()))
            .or_default()
            .push(r);
    }
    let _ = writeln!(
        out,
        "## Open and in progress, by owner ({})\n",
        pending.len()
    );
    if groups.is_empty() {
        out.push_str("Nothing else is open or in progress.\n\n");
        return;
    }
    for ((unassigned, _), items) in &groups {
        let name = if *unassigned {
            "Unassigned".to_owned()
        } else {
            // The same owner may be typed with different capitals; show
            // one spelling, chosen the same way every time.
            let spelling = items
                .iter()
                .map(|r| r.item.owner.trim())
                .min()
                .unwrap_or_default();
            md_inline(spelling)
        };
        let _ = writeln!(out, "### {name} ({})\n", items.len());
        let body: Vec<Vec<String>> = items
            .iter()
            .map(|r| {
                vec![
                    md_or(&r.item.title, "(untitled action)"),
                    r.item.status.label().to_owned(),
                    date(r.item.due),
                    r.item
                        .priority
                        .map(|p| p.label())
                        .unwrap_or(NONE)
                        .to_owned(),
                    md_inline(&r.draft_title),
                    severity(r.severity).to_owned(),
                    md_or(&r.item.ticket, NONE),
                    discuss(r),
                ]
            })
            .collect();
        table(
            out,
            &[
                "Action",
                "Status",
                "Due",
                "Priority",
                "Postmortem",
                "Severity",
                "Ticket",
                "Discuss",
            ],
            &body,
            "",
        );
    }
}

fn done_section(out: &mut String, rows: &[ActionRow], today: NaiveDate) {
    let since = today
        .checked_sub_signed(Duration::days(RECENT_DONE_DAYS))
        .unwrap_or(NaiveDate::MIN);
    let mut done: Vec<&ActionRow> = rows
        .iter()
        .filter(|r| r.item.status == ActionStatus::Done)
        .filter(|r| match r.item.due {
            Some(d) => d >= since,
            None => r.incident_date.is_some_and(|d| d >= since),
        })
        .collect();
    sort_actions(&mut done, SortColumn::Due, true);
    let _ = writeln!(out, "## Recently done ({})\n", done.len());
    let _ = writeln!(
        out,
        "Done items due since {since} (or, without a due date, from incidents since then).\n"
    );
    let body: Vec<Vec<String>> = done
        .iter()
        .map(|r| {
            vec![
                md_or(&r.item.title, "(untitled action)"),
                md_or(&r.item.owner, "Unassigned"),
                date(r.item.due),
                md_inline(&r.draft_title),
                severity(r.severity).to_owned(),
                md_or(&r.item.ticket, NONE),
            ]
        })
        .collect();
    table(
        out,
        &["Action", "Owner", "Due", "Postmortem", "Severity", "Ticket"],
        &body,
        "Nothing was done recently.",
    );
}

fn trends_section(out: &mut String, trends: &Trends) {
    let range = match (trends.months.first(), trends.months.last()) {
        (Some(a), Some(b)) if a.month == b.month => a.label.clone(),
        (Some(a), Some(b)) => format!("{} to {}", a.label, b.label),
        _ => String::new(),
    };
    if range.is_empty() {
        out.push_str("## Incidents\n\nNo months in the chosen range.\n");
        return;
    }
    let _ = writeln!(out, "## Incidents, {range} ({})\n", trends.total());
    out.push_str(
        "Medians count only incidents with both times filled in and in order; n is how many.\n\n",
    );
    let mut header = vec!["Month"];
    header.extend(SEVERITY_COLUMNS);
    header.extend(["Total", "Median time to detect", "Median time to resolve"]);
    let body: Vec<Vec<String>> = trends
        .months
        .iter()
        .map(|m| {
            let mut r = vec![m.label.clone()];
            r.extend(m.by_severity.iter().map(usize::to_string));
            r.push(m.total.to_string());
            r.push(duration_cell(m.median_time_to_detect, m.ttd_samples));
            r.push(duration_cell(m.median_time_to_resolve, m.ttr_samples));
            r
        })
        .collect();
    table(out, &header, &body, "");

    out.push_str("### By category\n\n");
    let body: Vec<Vec<String>> = trends
        .by_category
        .iter()
        .map(|(c, n)| {
            vec![
                c.map(|c| c.label()).unwrap_or("Not set").to_owned(),
                n.to_string(),
            ]
        })
        .collect();
    table(
        out,
        &["Category", "Incidents"],
        &body,
        "No incidents in the chosen range.",
    );
}
