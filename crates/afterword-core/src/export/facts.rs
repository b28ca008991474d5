//! The tables a postmortem's export shows, decided once: which rows the
//! details, the impact and the key times have, in what order, with which
//! labels and values. The Markdown export and the app's printable report
//! both read these and only format them (Markdown escapes what was typed,
//! the report draws it), so the two never disagree on what a draft says.

use chrono::{DateTime, NaiveDate, Utc};

use crate::field::{spec, Words};
use crate::metrics::{self, MetricProblem};
use crate::model::{KeyTimes, Postmortem};

/// One value of a table row.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Text the writer typed (escaped wherever it is printed).
    Text(String),
    /// One of Afterword's own words: a severity, a status, a category.
    Word(&'static str),
    /// People and their roles, one per line.
    People(Vec<(String, &'static str)>),
    /// Several typed values, one per line.
    Lines(Vec<String>),
    /// A calendar day, written `YYYY-MM-DD`.
    Date(NaiveDate),
    /// A moment, always in UTC.
    Time(DateTime<Utc>),
    /// A length of time in whole minutes.
    Minutes(u64),
}

/// A labelled row of a two-column table.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub label: &'static str,
    pub value: Value,
}

fn row(label: &'static str, value: Value) -> Row {
    Row { label, value }
}

/// The label of a field in the field table, in these words.
pub fn label(key: &str, w: Words) -> &'static str {
    spec(key).map_or("", |s| s.label_in(w))
}

fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

/// The details table: severity, status, dates, people and classification,
/// then when the draft was last changed. Empty fields have no row.
pub fn details(doc: &Postmortem, w: Words) -> Vec<Row> {
    let c = &doc.classification;
    let mut rows = Vec::new();
    if let Some(s) = c.severity {
        rows.push(row(
            label("classification.severity", w),
            Value::Word(s.label()),
        ));
    }
    rows.push(row("Status", Value::Word(doc.workflow.status.label())));
    if let Some(d) = doc.incident_date {
        rows.push(row(label("incident_date", w), Value::Date(d)));
    }
    if !blank(&doc.owner) {
        rows.push(row(label("owner", w), Value::Text(doc.owner.clone())));
    }
    let people: Vec<(String, &'static str)> = doc
        .participants
        .iter()
        .filter(|p| !blank(&p.name))
        .map(|p| (p.name.clone(), p.role.label()))
        .collect();
    if !people.is_empty() {
        rows.push(row(label("participants", w), Value::People(people)));
    }
    let reviewers: Vec<String> = doc
        .reviewers
        .iter()
        .filter(|r| !blank(r))
        .cloned()
        .collect();
    if !reviewers.is_empty() {
        rows.push(row(label("reviewers", w), Value::Lines(reviewers)));
    }
    if let Some(k) = c.kind {
        rows.push(row(label("classification.kind", w), Value::Word(k.label())));
    }
    if let Some(k) = c.category {
        rows.push(row(
            label("classification.category", w),
            Value::Word(k.label()),
        ));
    }
    if let Some(a) = c.alert_source {
        rows.push(row(
            label("classification.alert_source", w),
            Value::Word(a.label()),
        ));
    }
    if !blank(&c.reported_to) {
        rows.push(row(
            label("classification.reported_to", w),
            Value::Text(c.reported_to.clone()),
        ));
    }
    rows.push(row("Last updated", Value::Time(doc.updated_at)));
    rows
}

/// The impact measures, in the form's order. Empty fields have no row.
pub fn impact_measures(doc: &Postmortem, w: Words) -> Vec<Row> {
    let i = &doc.impact;
    let mut rows = Vec::new();
    if let Some(m) = i.user_visible_minutes {
        rows.push(row(
            label("impact.user_visible_minutes", w),
            Value::Minutes(m),
        ));
    }
    if let Some(n) = i.customers_affected {
        rows.push(row(
            label("impact.customers_affected", w),
            Value::Text(n.to_string()),
        ));
    }
    if let Some(n) = i.customers_reported {
        rows.push(row(
            label("impact.customers_reported", w),
            Value::Text(n.to_string()),
        ));
    }
    if !blank(&i.functional_severity) {
        rows.push(row(
            label("impact.functional_severity", w),
            Value::Text(i.functional_severity.clone()),
        ));
    }
    if !blank(&i.data_lost) {
        rows.push(row(
            label("impact.data_lost", w),
            Value::Text(i.data_lost.clone()),
        ));
    }
    if let Some(t) = i.recovery_point {
        rows.push(row(label("impact.recovery_point", w), Value::Time(t)));
    }
    if let Some(p) = i.slo_budget_consumed_percent {
        rows.push(row(
            label("impact.slo_budget_consumed_percent", w),
            Value::Text(format!("{p} %")),
        ));
    }
    rows
}

/// The business figures as typed: name, value, unit; rows left wholly
/// empty are skipped.
pub fn business_figures(doc: &Postmortem) -> Vec<[String; 3]> {
    doc.impact
        .business_metrics
        .iter()
        .filter(|m| !(blank(&m.name) && blank(&m.value) && blank(&m.unit)))
        .map(|m| [m.name.clone(), m.value.clone(), m.unit.clone()])
        .collect()
}

/// The key times that are set, in the order an incident goes through them.
pub fn moments(t: &KeyTimes, w: Words) -> Vec<(&'static str, DateTime<Utc>)> {
    [
        (label("times.started", w), t.started),
        (label("times.detected", w), t.detected),
        (label("times.acknowledged", w), t.acknowledged),
        (label("times.mitigated", w), t.mitigated),
        (label("times.resolved", w), t.resolved),
    ]
    .into_iter()
    .filter_map(|(label, at)| at.map(|at| (label, at)))
    .collect()
}

/// The durations the key times give (name, value, formula), with the same
/// definitions the editor shows. A duration whose times are missing is
/// left out; one whose times contradict each other says so.
pub fn durations(t: &KeyTimes, w: Words) -> Vec<[String; 3]> {
    metrics::durations(t)
        .into_iter()
        .filter_map(|m| {
            let value = match &m.value {
                Ok(d) => metrics::format_duration(*d),
                Err(MetricProblem::Missing(_)) => return None,
                Err(MetricProblem::Contradiction(_)) => {
                    let formula = m.formula_in(w);
                    let (later, earlier) = formula.split_once(" − ").unwrap_or((formula, ""));
                    format!("Not computed: {later} is before {earlier}; check the times")
                }
            };
            Some([m.label_in(w).to_owned(), value, m.formula_in(w).to_owned()])
        })
        .collect()
}

/// Minutes as days, hours and minutes (`1 h 05 min`).
pub fn format_minutes(m: u64) -> String {
    let (d, h, min) = (m / 1440, (m % 1440) / 60, m % 60);
    match (d, h) {
        (0, 0) => format!("{min} min"),
        (0, _) => format!("{h} h {min:02} min"),
        _ => format!("{d} d {h} h {min:02} min"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::markdown::escape_inline;
    use crate::model::{AlertSource, Category, IncidentKind, Role, Severity, WorkflowStatus};

    #[test]
    fn afterwords_own_words_print_as_they_are() {
        // Markdown escapes every value; for a word of our own that must
        // change nothing, or the export would show backslashes.
        let words: Vec<&str> = Severity::ALL
            .iter()
            .map(|s| s.label())
            .chain(WorkflowStatus::ALL.iter().map(|s| s.label()))
            .chain(IncidentKind::ALL.iter().map(|s| s.label()))
            .chain(Category::ALL.iter().map(|s| s.label()))
            .chain(AlertSource::ALL.iter().map(|s| s.label()))
            .chain(Role::ALL.iter().map(|s| s.label()))
            .collect();
        assert!(words.len() > 20);
        for w in words {
            assert_eq!(escape_inline(w, false), w);
        }
    }

    #[test]
    fn details_skip_empty_fields_and_end_with_the_last_change() {
        let doc = crate::fixture::full_postmortem();
        let rows = details(&doc, Words::Usual);
        assert_eq!(rows.first().map(|r| r.label), Some("Severity"));
        assert_eq!(
            rows.last().map(|r| &r.value),
            Some(&Value::Time(doc.updated_at))
        );
        let empty = Postmortem::new("pm-1".into(), doc.updated_at);
        let labels: Vec<&str> = details(&empty, Words::Usual)
            .iter()
            .map(|r| r.label)
            .collect();
        assert_eq!(labels, ["Status", "Last updated"]);
        assert!(impact_measures(&empty, Words::Usual).is_empty());
        assert!(moments(&empty.times, Words::Usual).is_empty());
    }

    #[test]
    fn minutes_read_as_days_hours_and_minutes() {
        assert_eq!(format_minutes(6), "6 min");
        assert_eq!(format_minutes(65), "1 h 05 min");
        assert_eq!(format_minutes(1440 + 61), "1 d 1 h 01 min");
    }
}
