//! The action items as a spreadsheet file.

use chrono::NaiveDate;

use super::ActionRow;
use crate::csv::push_record;

/// The header row of [`review_csv`].
pub const CSV_HEADER: [&str; 13] = [
    "Postmortem",
    "Postmortem id",
    "Incident date",
    "Severity",
    "Action",
    "Owner",
    "Due",
    "Status",
    "Kind",
    "Priority",
    "Ticket",
    "Needs discussion",
    "Overdue",
];

/// The rows as CSV (RFC 4180: comma-separated, CRLF line ends, fields
/// quoted when needed), one line per action item in the given order, after
/// a header line. Dates are `YYYY-MM-DD`; yes/no columns say `yes` or `no`;
/// empty values stay empty. Text a spreadsheet would run as a formula is
/// prefixed with `'`.
pub fn review_csv(rows: &[ActionRow]) -> String {
    let mut out = String::with_capacity(160 + rows.len() * 200);
    push_record(&mut out, CSV_HEADER);
    let date = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let yes_no = |b: bool| if b { "yes" } else { "no" };
    for row in rows {
        let item = &row.item;
        push_record(
            &mut out,
            [
                &row.draft_title,
                &row.draft_id,
                &date(row.incident_date),
                row.severity.map(|s| s.label()).unwrap_or_default(),
                &item.title,
                &item.owner,
                &date(item.due),
                item.status.label(),
                item.kind.map(|k| k.label()).unwrap_or_default(),
                item.priority.map(|p| p.label()).unwrap_or_default(),
                &item.ticket,
                yes_no(item.needs_discussion),
                yes_no(row.overdue),
            ],
        );
    }
    out
}
