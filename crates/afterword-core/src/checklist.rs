//! "Before you share": what is still open in a postmortem, as a checklist.
//!
//! Nothing here blocks an export; each item says what is missing and where,
//! so the writer can decide. The same list goes into the Markdown export
//! through [`checklist_lines`].

use chrono::NaiveDate;
use serde::Serialize;

use crate::lint::{lint_action_title, lint_document, Category, DocFinding, LintConfig};
use crate::metrics::check_times;
use crate::model::Postmortem;
use crate::template::{missing_fields, Template};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckStatus {
    Done,
    Open,
    /// Worth a look, but may be fine as it is.
    Warning,
}

impl CheckStatus {
    pub fn label(self) -> &'static str {
        match self {
            CheckStatus::Done => "Done",
            CheckStatus::Open => "Open",
            CheckStatus::Warning => "Check",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CheckItem {
    /// Stable id, such as `blameless.open` or `section.impact`.
    pub id: String,
    /// Heading the item is listed under.
    pub group: &'static str,
    pub label: String,
    pub status: CheckStatus,
    /// What is missing or what was found, in a sentence or two.
    pub detail: String,
    /// Field path (see [`crate::lint::FieldRef`]) or template field key the
    /// item is about, for a link that jumps there.
    pub target: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Checklist {
    pub items: Vec<CheckItem>,
}

impl Checklist {
    /// Items that are not done.
    pub fn open_count(&self) -> usize {
        self.items
            .iter()
            .filter(|i| i.status != CheckStatus::Done)
            .count()
    }
}

pub const GROUP_LANGUAGE: &str = "Blameless language";
pub const GROUP_COMPLETE: &str = "Completeness";
pub const GROUP_ACTIONS: &str = "Action items";
pub const GROUP_ANALYSIS: &str = "Analysis";

/// Builds the checklist for `doc` against `template` (the document's own
/// template, or a custom one). `cfg` holds the app-wide lint settings;
/// `today` decides which due dates have passed.
pub fn checklist(
    doc: &Postmortem,
    template: &Template,
    cfg: &LintConfig,
    today: NaiveDate,
) -> Checklist {
    checklist_with(doc, template, &lint_document(doc, cfg), cfg, today)
}

/// [`checklist`] with the document's findings already at hand (the editor
/// keeps them current as the person types), so nothing is linted again.
pub fn checklist_with(
    doc: &Postmortem,
    template: &Template,
    findings: &[DocFinding],
    cfg: &LintConfig,
    today: NaiveDate,
) -> Checklist {
    let mut items = Vec::new();
    language(findings, &mut items);
    completeness(doc, template, &mut items);
    actions(doc, cfg, today, &mut items);
    analysis(doc, &mut items);
    Checklist { items }
}

fn item(
    id: impl Into<String>,
    group: &'static str,
    label: impl Into<String>,
    status: CheckStatus,
    detail: impl Into<String>,
    target: Option<&str>,
) -> CheckItem {
    CheckItem {
        id: id.into(),
        group,
        label: label.into(),
        status,
        detail: detail.into(),
        target: target.map(str::to_owned),
    }
}

use crate::words::count as plural;

fn language(findings: &[DocFinding], items: &mut Vec<CheckItem>) {
    let open: Vec<&DocFinding> = findings.iter().filter(|f| f.dismissed.is_none()).collect();
    let (status, label, detail) = if open.is_empty() {
        (
            CheckStatus::Done,
            "No blameless-language findings open".to_owned(),
            String::new(),
        )
    } else {
        let mut labels: Vec<&str> = open.iter().map(|f| f.label.as_str()).collect();
        labels.dedup();
        (
            CheckStatus::Open,
            format!(
                "{} to review",
                plural(
                    open.len(),
                    "blameless-language finding",
                    "blameless-language findings"
                )
            ),
            format!("In: {}.", labels.join(", ")),
        )
    };
    let target = open.first().map(|f| f.field.as_str());
    items.push(item(
        "blameless.open",
        GROUP_LANGUAGE,
        label,
        status,
        detail,
        target,
    ));
    let dismissed: Vec<&DocFinding> = findings.iter().filter(|f| f.dismissed.is_some()).collect();
    if !dismissed.is_empty() {
        let reasons: Vec<String> = dismissed
            .iter()
            .filter_map(|f| {
                let d = f.dismissed.as_ref()?;
                let reason = if d.reason.trim().is_empty() {
                    "no reason given"
                } else {
                    d.reason.trim()
                };
                Some(format!(
                    "\"{}\" ({}): {reason}",
                    f.finding.text, f.finding.rule
                ))
            })
            .collect();
        items.push(item(
            "blameless.dismissed",
            GROUP_LANGUAGE,
            format!(
                "{} kept on purpose",
                plural(dismissed.len(), "finding", "findings")
            ),
            CheckStatus::Done,
            reasons.join("; "),
            None,
        ));
    }
}

fn completeness(doc: &Postmortem, template: &Template, items: &mut Vec<CheckItem>) {
    for section in &template.sections {
        let missing = missing_fields(doc, section);
        let title = if section.title.trim().is_empty() {
            section.id.as_str()
        } else {
            section.title.trim()
        };
        let (status, detail) = if missing.is_empty() {
            (CheckStatus::Done, String::new())
        } else {
            let names: Vec<String> = missing.iter().map(|f| f.label()).collect();
            (CheckStatus::Open, format!("Missing: {}.", names.join(", ")))
        };
        let target = missing.first().map(|f| f.key());
        items.push(item(
            format!("section.{}", section.id),
            GROUP_COMPLETE,
            format!("Section \"{title}\" has what it needs"),
            status,
            detail,
            target.as_deref(),
        ));
    }

    let summary = !doc.summary.trim().is_empty();
    items.push(item(
        "summary",
        GROUP_COMPLETE,
        "Summary written",
        if summary {
            CheckStatus::Done
        } else {
            CheckStatus::Open
        },
        if summary {
            ""
        } else {
            "One paragraph a reader outside the team can follow."
        },
        Some("summary"),
    ));

    let imp = &doc.impact;
    let quantified = imp.description.chars().any(|c| c.is_ascii_digit())
        || imp.user_visible_minutes.is_some()
        || imp.customers_affected.is_some()
        || imp.customers_reported.is_some()
        || imp.slo_budget_consumed_percent.is_some()
        || imp
            .business_metrics
            .iter()
            .any(|m| m.value.chars().any(|c| c.is_ascii_digit()));
    items.push(item(
        "impact.quantified",
        GROUP_COMPLETE,
        "Impact is given in numbers",
        if quantified {
            CheckStatus::Done
        } else {
            CheckStatus::Open
        },
        if quantified {
            ""
        } else {
            "Say how many users, requests or minutes were affected."
        },
        Some("impact.description"),
    ));

    timeline_coverage(doc, items);

    let problems = check_times(&doc.times);
    let detail: Vec<String> = problems.iter().map(|p| p.message.clone()).collect();
    items.push(item(
        "times.order",
        GROUP_COMPLETE,
        "Key times are in order",
        if problems.is_empty() {
            CheckStatus::Done
        } else {
            CheckStatus::Open
        },
        detail.join(" "),
        Some("times"),
    ));
}

fn timeline_coverage(doc: &Postmortem, items: &mut Vec<CheckItem>) {
    let times: Vec<_> = doc.timeline.iter().filter_map(|e| e.at).collect();
    let end = doc.times.resolved.or(doc.times.mitigated);
    let mut gaps = Vec::new();
    let mut status = CheckStatus::Done;
    match doc.times.started {
        None => {
            gaps.push("Set when the incident started.".to_owned());
            status = CheckStatus::Open;
        }
        Some(start) if !times.iter().any(|t| *t <= start) => {
            gaps.push("No event at or before the start.".to_owned());
            status = CheckStatus::Open;
        }
        _ => {}
    }
    match end {
        None => {
            gaps.push("Set when the incident was mitigated or resolved.".to_owned());
            status = CheckStatus::Open;
        }
        Some(end) if !times.iter().any(|t| *t >= end) => {
            gaps.push("No event at or after the mitigation or resolution.".to_owned());
            status = CheckStatus::Open;
        }
        _ => {}
    }
    // The start time is the first thing to set when it is missing.
    let target = if doc.times.started.is_none() {
        "times.started"
    } else {
        "timeline"
    };
    items.push(item(
        "timeline.coverage",
        GROUP_COMPLETE,
        "Timeline runs from the start to the resolution",
        status,
        gaps.join(" "),
        Some(target),
    ));
}

fn actions(doc: &Postmortem, cfg: &LintConfig, today: NaiveDate, items: &mut Vec<CheckItem>) {
    let listed: Vec<_> = doc
        .action_items
        .iter()
        .enumerate()
        .filter(|(_, a)| !a.title.trim().is_empty())
        .collect();
    if listed.is_empty() {
        items.push(item(
            "actions.present",
            GROUP_ACTIONS,
            "Action items listed",
            CheckStatus::Open,
            "Add at least one specific change with an owner and a due date.",
            Some("action_items"),
        ));
        return;
    }
    let name = |i: usize| format!("Action item {}", i + 1);
    let path = |id: &str| format!("action_items[{id}].title");
    let due_path = |id: &str| format!("action_items[{id}].due");

    let no_owner: Vec<_> = listed
        .iter()
        .filter(|(_, a)| a.owner.trim().is_empty())
        .collect();
    items.push(item(
        "actions.owner",
        GROUP_ACTIONS,
        "Every action item has an owner",
        if no_owner.is_empty() {
            CheckStatus::Done
        } else {
            CheckStatus::Open
        },
        list_detail("No owner", no_owner.iter().map(|(i, _)| name(*i))),
        no_owner.first().map(|(_, a)| path(&a.id)).as_deref(),
    ));

    let no_due: Vec<_> = listed.iter().filter(|(_, a)| a.due.is_none()).collect();
    let overdue: Vec<_> = listed
        .iter()
        .filter(|(_, a)| {
            a.due.is_some_and(|d| d < today)
                && matches!(
                    a.status,
                    crate::model::ActionStatus::Open | crate::model::ActionStatus::InProgress
                )
        })
        .collect();
    let (status, detail) = if !no_due.is_empty() {
        (
            CheckStatus::Open,
            list_detail("No due date", no_due.iter().map(|(i, _)| name(*i))),
        )
    } else if !overdue.is_empty() {
        (
            CheckStatus::Warning,
            list_detail("Due date passed", overdue.iter().map(|(i, _)| name(*i))),
        )
    } else {
        (CheckStatus::Done, String::new())
    };
    items.push(item(
        "actions.due",
        GROUP_ACTIONS,
        "Every action item has a due date",
        status,
        detail,
        no_due
            .first()
            .or(overdue.first())
            .map(|(_, a)| due_path(&a.id))
            .as_deref(),
    ));

    let cfg = crate::lint::document_config(doc, cfg);
    let vague: Vec<_> = listed
        .iter()
        .filter(|(_, a)| {
            lint_action_title(&a.title, &cfg)
                .iter()
                .any(|f| f.category == Category::ActionItem)
        })
        .collect();
    items.push(item(
        "actions.specific",
        GROUP_ACTIONS,
        "Action items are specific enough to finish",
        if vague.is_empty() {
            CheckStatus::Done
        } else {
            CheckStatus::Open
        },
        list_detail("Vague", vague.iter().map(|(i, _)| name(*i))),
        vague.first().map(|(_, a)| path(&a.id)).as_deref(),
    ));
}

fn list_detail(what: &str, names: impl Iterator<Item = String>) -> String {
    let names: Vec<String> = names.collect();
    if names.is_empty() {
        String::new()
    } else {
        format!("{what}: {}.", names.join(", "))
    }
}

fn analysis(doc: &Postmortem, items: &mut Vec<CheckItem>) {
    let an = &doc.analysis;
    let factors = an
        .contributing_factors
        .iter()
        .filter(|c| !c.text.trim().is_empty())
        .count();
    let reason = !an.single_factor_reason.trim().is_empty();
    let (status, detail) = match factors {
        0 if !reason => (
            CheckStatus::Open,
            "No contributing factors listed yet.".to_owned(),
        ),
        1 if !reason => (
            CheckStatus::Warning,
            "Only one factor is listed. Add the other conditions that made this possible, or say why one is enough.".to_owned(),
        ),
        _ => (CheckStatus::Done, String::new()),
    };
    items.push(item(
        "analysis.factors",
        GROUP_ANALYSIS,
        "More than one contributing factor considered",
        status,
        detail,
        Some("analysis.contributing_factors"),
    ));
}

/// The checklist as `(line, done)` pairs for
/// [`crate::export::markdown::MarkdownOptions::include_checklist`].
pub fn checklist_lines(list: &Checklist) -> Vec<(String, bool)> {
    list.items
        .iter()
        .map(|i| {
            let line = if i.detail.is_empty()
                || (i.status == CheckStatus::Done && i.id != "blameless.dismissed")
            {
                i.label.clone()
            } else {
                format!("{} ({})", i.label, i.detail.trim_end_matches('.'))
            };
            (line, i.status == CheckStatus::Done)
        })
        .collect()
}

#[cfg(test)]
mod tests;
