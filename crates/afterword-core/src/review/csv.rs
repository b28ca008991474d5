//! The action items as a spreadsheet file.

use super::text::csv_field;
use super::ActionRow;

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
    let mut out = String::with_capacity(64 + rows.len() * 160);
    push_record(&mut out, CSV_HEADER.iter().map(|h| (*h).to_owned()));
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let yes_no = |b: bool| if b { "yes" } else { "no" }.to_owned();
    for row in rows {
        let item = &row.item;
        push_record(
            &mut out,
            [
                row.draft_title.clone(),
                row.draft_id.clone(),
                date(row.incident_date),
                row.severity
                    .map(|s| s.label())
                    .unwrap_or_default()
                    .to_owned(),
                item.title.clone(),
                item.owner.clone(),
                date(item.due),
                item.status.label().to_owned(),
                item.kind.map(|k| k.label()).unwrap_or_default().to_owned(),
                item.priority
                    .map(|p| p.label())
                    .unwrap_or_default()
                    .to_owned(),
                item.ticket.clone(),
                yes_no(item.needs_discussion),
                yes_no(row.overdue),
            ],
        );
    }
    out
}

fn push_record(out: &mut String, fields: impl IntoIterator<Item = String>) {
    for (i, f) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&csv_field(&f));
    }
    out.push_str("\r\n");
}
