//! Narrowing and ordering the list of action rows.

use std::borrow::Borrow;
use std::cmp::Reverse;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::ActionRow;
use crate::model::{ActionKind, ActionStatus, Priority, Severity};

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

/// One row's value in the sorted column, reduced to something cheap to
/// compare: text as (lower-cased, as typed), everything else as a rank.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Value {
    Text(String, String),
    Rank(i64),
}

/// The value in the chosen direction.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Directed {
    Up(Value),
    Down(Reverse<Value>),
}

/// Blank text counts as missing.
fn text(s: &str) -> Option<Value> {
    let t = s.trim();
    (!t.is_empty()).then(|| Value::Text(t.to_lowercase(), t.to_owned()))
}

fn rank<T>(v: Option<T>, f: impl FnOnce(T) -> i64) -> Option<Value> {
    v.map(|v| Value::Rank(f(v)))
}

/// Position of `v` in `all` (the order the app lists the values in).
fn position<T: PartialEq>(all: &[T], v: &T) -> i64 {
    all.iter()
        .position(|x| x == v)
        .and_then(|p| i64::try_from(p).ok())
        .unwrap_or(i64::MAX)
}

fn value(row: &ActionRow, column: SortColumn) -> Option<Value> {
    let item = &row.item;
    match column {
        SortColumn::Title => text(&item.title),
        SortColumn::Owner => text(&item.owner),
        SortColumn::Due => rank(item.due, |d| i64::from(d.num_days_from_ce())),
        SortColumn::Status => rank(Some(item.status), |s| position(ActionStatus::ALL, &s)),
        SortColumn::Kind => rank(item.kind, |k| position(ActionKind::ALL, &k)),
        SortColumn::Priority => rank(item.priority, |p| position(Priority::ALL, &p)),
        SortColumn::Severity => rank(row.severity, |s| position(&Severity::ALL, &s)),
        SortColumn::PostmortemTitle => text(&row.draft_title),
        SortColumn::IncidentDate => rank(row.incident_date, |d| i64::from(d.num_days_from_ce())),
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
    // Each row's key is worked out once, not on every comparison.
    rows.sort_by_cached_key(|r| {
        let r = r.borrow();
        let v = value(r, column).map(|v| {
            if descending {
                Directed::Down(Reverse(v))
            } else {
                Directed::Up(v)
            }
        });
        // Missing values last, whatever the direction.
        (v.is_none(), v, r.draft_id.clone(), r.item.id.clone())
    });
}
