//! Narrowing and ordering the list of action rows.

use std::borrow::Borrow;
use std::cmp::Ordering;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::ActionRow;
use crate::model::{ActionKind, ActionStatus, Severity};

/// What the review list shows. Every condition that is set must hold; an
/// empty filter (the default) matches every row.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ActionFilter {
    /// Only these statuses. `Some(vec![])` matches nothing.
    #[serde(default)]
    pub status: Option<Vec<ActionStatus>>,
    /// Owner contains this text, ignoring case and surrounding spaces.
    /// Blank text matches every owner.
    #[serde(default)]
    pub owner: Option<String>,
    #[serde(default)]
    pub kind: Option<ActionKind>,
    /// Only postmortems of these severities; postmortems without a
    /// severity never match. `Some(vec![])` matches nothing.
    #[serde(default)]
    pub severity: Option<Vec<Severity>>,
    /// Due strictly before this day. Items without a due date do not match.
    #[serde(default)]
    pub due_before: Option<NaiveDate>,
    /// Due strictly after this day. Items without a due date do not match.
    #[serde(default)]
    pub due_after: Option<NaiveDate>,
    #[serde(default)]
    pub overdue_only: bool,
    /// Searched, ignoring case, in the item's title, owner and ticket and
    /// in the postmortem's title. Blank text matches every row.
    #[serde(default)]
    pub text: Option<String>,
}

/// Lower-cased, trimmed needle; `None` when blank (no condition).
fn needle(s: &Option<String>) -> Option<String> {
    s.as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_lowercase)
}

fn contains_ci(haystack: &str, lower_needle: &str) -> bool {
    haystack.to_lowercase().contains(lower_needle)
}

impl ActionFilter {
    pub fn matches(&self, row: &ActionRow) -> bool {
        let item = &row.item;
        if let Some(statuses) = &self.status {
            if !statuses.contains(&item.status) {
                return false;
            }
        }
        if let Some(kind) = self.kind {
            if item.kind != Some(kind) {
                return false;
            }
        }
        if let Some(sevs) = &self.severity {
            if !row.severity.is_some_and(|s| sevs.contains(&s)) {
                return false;
            }
        }
        if let Some(before) = self.due_before {
            if item.due.is_none_or(|d| d >= before) {
                return false;
            }
        }
        if let Some(after) = self.due_after {
            if item.due.is_none_or(|d| d <= after) {
                return false;
            }
        }
        if self.overdue_only && !row.overdue {
            return false;
        }
        if let Some(owner) = needle(&self.owner) {
            if !contains_ci(&item.owner, &owner) {
                return false;
            }
        }
        if let Some(text) = needle(&self.text) {
            let found = [&item.title, &item.owner, &item.ticket, &row.draft_title]
                .into_iter()
                .any(|field| contains_ci(field, &text));
            if !found {
                return false;
            }
        }
        true
    }

    /// The rows this filter keeps, in their order.
    pub fn apply<'a>(&self, rows: &'a [ActionRow]) -> Vec<&'a ActionRow> {
        rows.iter().filter(|r| self.matches(r)).collect()
    }
}

/// The columns the review list can be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SortColumn {
    /// The action item's title.
    Title,
    Owner,
    Due,
    Status,
    Kind,
    Priority,
    /// The postmortem's severity.
    Severity,
    /// The postmortem's title.
    PostmortemTitle,
    IncidentDate,
}

impl SortColumn {
    pub const ALL: [SortColumn; 9] = [
        SortColumn::Title,
        SortColumn::Owner,
        SortColumn::Due,
        SortColumn::Status,
        SortColumn::Kind,
        SortColumn::Priority,
        SortColumn::Severity,
        SortColumn::PostmortemTitle,
        SortColumn::IncidentDate,
    ];

    pub fn label(self) -> &'static str {
        match self {
            SortColumn::Title => "Action",
            SortColumn::Owner => "Owner",
            SortColumn::Due => "Due",
            SortColumn::Status => "Status",
            SortColumn::Kind => "Kind",
            SortColumn::Priority => "Priority",
            SortColumn::Severity => "Severity",
            SortColumn::PostmortemTitle => "Postmortem",
            SortColumn::IncidentDate => "Incident date",
        }
    }
}

/// Compares two optional values; a missing value (`None`) comes after any
/// present one whichever the direction.
fn missing_last<T: Ord>(a: Option<T>, b: Option<T>, descending: bool) -> Ordering {
    match (a, b) {
        (Some(x), Some(y)) => {
            let o = x.cmp(&y);
            if descending {
                o.reverse()
            } else {
                o
            }
        }
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// Text compared ignoring case first, then exactly (so the order never
/// depends on the input order). Blank text counts as missing.
fn text_key(s: &str) -> Option<(String, &str)> {
    let t = s.trim();
    (!t.is_empty()).then(|| (t.to_lowercase(), t))
}

fn compare(a: &ActionRow, b: &ActionRow, column: SortColumn, descending: bool) -> Ordering {
    let (x, y) = (&a.item, &b.item);
    match column {
        SortColumn::Title => missing_last(text_key(&x.title), text_key(&y.title), descending),
        SortColumn::Owner => missing_last(text_key(&x.owner), text_key(&y.owner), descending),
        SortColumn::Due => missing_last(x.due, y.due, descending),
        SortColumn::Status => missing_last(Some(x.status), Some(y.status), descending),
        SortColumn::Kind => missing_last(x.kind, y.kind, descending),
        SortColumn::Priority => missing_last(x.priority, y.priority, descending),
        SortColumn::Severity => missing_last(a.severity, b.severity, descending),
        SortColumn::PostmortemTitle => missing_last(
            text_key(&a.draft_title),
            text_key(&b.draft_title),
            descending,
        ),
        SortColumn::IncidentDate => missing_last(a.incident_date, b.incident_date, descending),
    }
}

/// Sorts by one column. Ascending means A→Z, earliest first, status in
/// workflow order (open, in progress, done, won't do), kind in the order of
/// [`ActionKind::ALL`], P1 before P3 and SEV1 before SEV5; descending is
/// the reverse. Rows with no value in the column (blank text, no date, no
/// kind…) always come last. Ties are broken by postmortem id and then item
/// id, ascending, so the result does not depend on the input order; rows
/// equal in all of these keep their relative order.
///
/// Works on owned rows and on the references [`ActionFilter::apply`]
/// returns.
pub fn sort_actions<R: Borrow<ActionRow>>(rows: &mut [R], column: SortColumn, descending: bool) {
    rows.sort_by(|a, b| {
        let (a, b) = (a.borrow(), b.borrow());
        compare(a, b, column, descending)
            .then_with(|| a.draft_id.cmp(&b.draft_id))
            .then_with(|| a.item.id.cmp(&b.item.id))
    });
}
