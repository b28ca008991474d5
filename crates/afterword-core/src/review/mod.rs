//! The follow-up review: every action item of every finished report in one
//! list, with filters, sorting and counts; incident trends per month; and
//! the documents a team takes into its periodic review meeting (Markdown
//! for a wiki or ticket, CSV for a spreadsheet).
//!
//! Which postmortems take part (for example whether trashed drafts count)
//! is the caller's choice: everything here works on the documents it is
//! given and skips nothing.

use std::borrow::Borrow;

use chrono::NaiveDate;

use crate::followup::FollowUp;
use crate::model::{ActionItem, ActionStatus, Id, Postmortem, Severity};

mod csv;
mod filter;
mod markdown;
mod text;
mod trends;

pub use csv::review_csv;
pub use filter::{sort_actions, ActionFilter, SortColumn};
pub use markdown::{review_markdown, RECENT_DONE_DAYS};
pub use trends::{default_range, trends, MonthStats, Trends, MAX_MONTHS, SEVERITY_COLUMNS};

/// One action item together with the postmortem it belongs to.
#[derive(Debug, Clone, PartialEq)]
pub struct ActionRow {
    /// Id of the postmortem the item belongs to.
    pub draft_id: Id,
    /// The postmortem's title as shown in lists (never empty).
    pub draft_title: String,
    pub severity: Option<Severity>,
    pub incident_date: Option<NaiveDate>,
    pub item: ActionItem,
    /// Open or in progress, with a due date before the review day.
    pub overdue: bool,
    /// The postmortem is closed: its items are read-only.
    pub closed: bool,
}

/// Whether an item with this status and due date is overdue on `today`:
/// still to be worked on (open or in progress) and due before `today`.
/// An item due today is not overdue yet.
pub fn is_overdue(item: &ActionItem, today: NaiveDate) -> bool {
    matches!(item.status, ActionStatus::Open | ActionStatus::InProgress)
        && item.due.is_some_and(|d| d < today)
}

/// Every action item of `docs`, in document order and then item order.
///
/// Accepts anything that yields postmortems or references to them:
/// `&Vec<Postmortem>`, `&[Postmortem]`, `Vec<&Postmortem>`, or
/// `slice_of_refs.iter().copied()` for a `&[&Postmortem]`.
pub fn collect_actions<I>(docs: I, today: NaiveDate) -> Vec<ActionRow>
where
    I: IntoIterator,
    I::Item: Borrow<Postmortem>,
{
    let mut rows = Vec::new();
    for doc in docs {
        let doc: &Postmortem = doc.borrow();
        rows.extend(doc.action_items.iter().map(|item| ActionRow {
            draft_id: doc.id.clone(),
            draft_title: doc.display_title().to_owned(),
            severity: doc.classification.severity,
            incident_date: doc.incident_date,
            item: item.clone(),
            overdue: is_overdue(item, today),
            closed: doc.workflow.status == crate::model::WorkflowStatus::Closed,
        }));
    }
    rows
}

/// Counts for the summary line: total, by status, and overdue (as flagged
/// on the rows when they were collected).
pub fn count_actions(rows: &[ActionRow]) -> FollowUp {
    let mut c = FollowUp::default();
    for row in rows {
        c.total += 1;
        match row.item.status {
            ActionStatus::Open => c.open += 1,
            ActionStatus::InProgress => c.in_progress += 1,
            ActionStatus::Done => c.done += 1,
            ActionStatus::WontDo => c.wont_do += 1,
        }
        if row.overdue {
            c.overdue += 1;
        }
    }
    c
}

/// "12 action items: 4 open, 2 in progress, 5 done, 1 won't do; 3 overdue".
pub fn summary_line(c: &FollowUp) -> String {
    let noun = if c.total == 1 {
        "action item"
    } else {
        "action items"
    };
    format!(
        "{} {noun}: {} open, {} in progress, {} done, {} won't do; {} overdue",
        c.total, c.open, c.in_progress, c.done, c.wont_do, c.overdue
    )
}

#[cfg(test)]
mod tests;
