//! Linting a whole postmortem: every free-text field, with the document's
//! own people and switched-off rules folded into the configuration, and the
//! findings the team already dismissed marked as such.
//!
//! Fields are named by a stable path (`summary`, `timeline[ev-1].text`,
//! `action_items[ai-2].title`, `sections.what_happened`) so the editor can
//! find the control, and a finding can be tied back to it after edits.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::{lint_action_title, lint_text, Finding, LintConfig};
use crate::field::{spec, FIELDS};
use crate::model::{Dismissal, Postmortem};
use crate::template::{is_valid_text_key, TEXT_PREFIX};

/// The path of one free-text field of a postmortem.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct FieldRef(pub String);

impl FieldRef {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for FieldRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for FieldRef {
    fn from(s: &str) -> Self {
        FieldRef(s.to_owned())
    }
}

/// How a field's text is linted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LintMode {
    /// Markdown prose ([`lint_text`]).
    #[default]
    Prose,
    /// The short title of an action item ([`lint_action_title`]).
    ActionTitle,
}

impl LintMode {
    /// Lints `text` the way this kind of field is linted.
    pub fn lint(self, text: &str, cfg: &LintConfig) -> Vec<Finding> {
        match self {
            LintMode::Prose => lint_text(text, cfg),
            LintMode::ActionTitle => lint_action_title(text, cfg),
        }
    }
}

/// One free-text field as the linter sees it.
#[derive(Clone, Debug, PartialEq)]
pub struct TextField {
    pub field: FieldRef,
    /// What a person calls it: "Summary", "Timeline event at 14:02".
    pub label: String,
    pub text: String,
    pub mode: LintMode,
}

/// A finding in one field of a document.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DocFinding {
    pub field: FieldRef,
    pub label: String,
    pub finding: Finding,
    /// The team's dismissal, when this finding was reviewed and kept.
    pub dismissed: Option<Dismissal>,
}

/// The path of a timeline event's text.
pub fn timeline_text_path(id: &str) -> String {
    format!("timeline[{id}].text")
}

/// The path of a contributing factor's text.
pub fn factor_text_path(id: &str) -> String {
    format!("analysis.contributing_factors[{id}].text")
}

/// The path of an action item's title.
pub fn action_title_path(id: &str) -> String {
    format!("action_items[{id}].title")
}

/// Every free-text field of the document, in reading order: the linted
/// fields of the field table ([`crate::field::FIELDS`]), each list row's
/// linted text, then the free-text sections. Empty fields are included so
/// the editor can look a field up by path.
pub fn text_fields(doc: &Postmortem) -> Vec<TextField> {
    let mut out = Vec::new();
    for spec in FIELDS.iter() {
        if let Some(text) = spec.text(doc).filter(|_| spec.linted()) {
            out.push(TextField {
                field: FieldRef(spec.key.to_owned()),
                label: spec.label.to_owned(),
                text: text.to_owned(),
                mode: LintMode::Prose,
            });
        }
        for row in spec.rows() {
            let Some(rt) = &row.text else { continue };
            let mode = if rt.action_title {
                LintMode::ActionTitle
            } else {
                LintMode::Prose
            };
            for (i, (id, text)) in (rt.rows)(doc).into_iter().enumerate() {
                out.push(TextField {
                    field: FieldRef(spec.row_path(id, row.key)),
                    label: (rt.row_label)(doc, i),
                    text: text.to_owned(),
                    mode,
                });
            }
        }
    }
    for (key, text) in &doc.sections {
        out.push(TextField {
            field: FieldRef(format!("{TEXT_PREFIX}{key}")),
            label: crate::words::words_from_id(key),
            text: text.clone(),
            mode: LintMode::Prose,
        });
    }
    out
}

/// The text field at `field`, if the document has it.
///
/// Looked up by its path, without gathering the other fields: the editor
/// calls it on every keystroke.
pub fn text_field(doc: &Postmortem, field: &str) -> Option<TextField> {
    if let Some(key) = field.strip_prefix(TEXT_PREFIX) {
        let text = doc.sections.get(key)?;
        return Some(TextField {
            field: FieldRef(field.to_owned()),
            label: crate::words::words_from_id(key),
            text: text.clone(),
            mode: LintMode::Prose,
        });
    }
    match field.split_once('[') {
        None => {
            let spec = spec(field).filter(|s| s.key == field && s.linted())?;
            Some(TextField {
                field: FieldRef(field.to_owned()),
                label: spec.label.to_owned(),
                text: spec.text(doc)?.to_owned(),
                mode: LintMode::Prose,
            })
        }
        Some((list, rest)) => {
            let (id, row_key) = rest.split_once("].")?;
            let spec = spec(list).filter(|s| s.key == list)?;
            let row = spec.rows().iter().find(|r| r.key == row_key)?;
            let rt = row.text.as_ref()?;
            let (i, text) = (rt.rows)(doc)
                .into_iter()
                .enumerate()
                .find(|(_, (row_id, _))| *row_id == id)
                .map(|(i, (_, text))| (i, text.to_owned()))?;
            let path = spec.row_path(id, row.key);
            (path == field).then(|| TextField {
                field: FieldRef(path),
                label: (rt.row_label)(doc, i),
                text,
                mode: if rt.action_title {
                    LintMode::ActionTitle
                } else {
                    LintMode::Prose
                },
            })
        }
    }
}

/// The paths of every free-text field, in the reading order of
/// [`text_fields`], without their texts.
pub fn text_field_paths(doc: &Postmortem) -> Vec<String> {
    let mut out = Vec::new();
    for spec in FIELDS.iter() {
        if spec.linted() && spec.text(doc).is_some() {
            out.push(spec.key.to_owned());
        }
        for row in spec.rows() {
            let Some(rt) = &row.text else { continue };
            for (id, _) in (rt.rows)(doc) {
                out.push(spec.row_path(id, row.key));
            }
        }
    }
    for key in doc.sections.keys() {
        out.push(format!("{TEXT_PREFIX}{key}"));
    }
    out
}

/// Writes `text` into the field at `field`; false when the document has no
/// such field (a removed row, an unknown path).
pub fn set_field_text(doc: &mut Postmortem, field: &str, text: String) -> bool {
    if let Some(key) = field.strip_prefix(TEXT_PREFIX) {
        if !is_valid_text_key(key) {
            return false;
        }
        doc.sections.insert(key.to_owned(), text);
        return true;
    }
    let slot = match field.split_once('[') {
        None => spec(field)
            .filter(|s| s.linted())
            .and_then(|s| s.text_mut(doc)),
        Some((list, rest)) => {
            let Some((id, row_key)) = rest.split_once("].") else {
                return false;
            };
            spec(list)
                .and_then(|s| s.rows().iter().find(|r| r.key == row_key))
                .and_then(|r| r.text.as_ref())
                .and_then(|rt| (rt.get_mut)(doc, id))
        }
    };
    match slot {
        Some(s) => {
            *s = text;
            true
        }
        None => false,
    }
}

/// The configuration for linting this document: the app-wide settings plus
/// the names of everyone the document mentions (participants, owner,
/// reviewers, action owners) and the rules switched off for this document.
pub fn document_config(doc: &Postmortem, global: &LintConfig) -> LintConfig {
    let mut cfg = global.clone();
    let names = doc
        .participants
        .iter()
        .map(|p| p.name.as_str())
        .chain(std::iter::once(doc.owner.as_str()))
        .chain(doc.reviewers.iter().map(String::as_str))
        .chain(doc.action_items.iter().map(|a| a.owner.as_str()));
    for name in names {
        let name = name.trim();
        if !name.is_empty() && !cfg.participants.iter().any(|p| p == name) {
            cfg.participants.push(name.to_owned());
        }
    }
    cfg.disabled.extend(doc.disabled_rules.iter().cloned());
    cfg
}

/// Lints one field's text and marks the findings the document dismissed.
/// `cfg` should come from [`document_config`].
pub fn lint_field(doc: &Postmortem, field: &TextField, cfg: &LintConfig) -> Vec<DocFinding> {
    field
        .mode
        .lint(&field.text, cfg)
        .into_iter()
        .map(|finding| DocFinding {
            dismissed: dismissal_for(doc, &finding).cloned(),
            field: field.field.clone(),
            label: field.label.clone(),
            finding,
        })
        .collect()
}

/// Lints every free-text field of the document, in reading order. `global`
/// holds the app-wide settings; the document's people and switched-off rules
/// are added here.
pub fn lint_document(doc: &Postmortem, global: &LintConfig) -> Vec<DocFinding> {
    let cfg = document_config(doc, global);
    text_fields(doc)
        .iter()
        .filter(|f| !f.text.trim().is_empty())
        .flat_map(|f| lint_field(doc, f, &cfg))
        .collect()
}

/// The document's dismissal of this finding, matched by fingerprint.
pub fn dismissal_for<'a>(doc: &'a Postmortem, finding: &Finding) -> Option<&'a Dismissal> {
    doc.dismissals
        .iter()
        .find(|d| d.fingerprint == finding.fingerprint())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActionItem, ContributingFactor, Participant, Role, TimelineEvent};
    use chrono::{TimeZone, Utc};

    #[test]
    fn a_field_looked_up_by_path_is_the_one_the_walk_finds() {
        let d = crate::fixture::full_postmortem();
        let all = text_fields(&d);
        assert!(all.iter().any(|f| f.field.as_str().contains('[')));
        assert!(all
            .iter()
            .any(|f| f.field.as_str().starts_with(TEXT_PREFIX)));
        let paths: Vec<String> = all.iter().map(|f| f.field.0.clone()).collect();
        assert_eq!(text_field_paths(&d), paths);
        for f in &all {
            assert_eq!(text_field(&d, f.field.as_str()).as_ref(), Some(f));
        }
        for wrong in [
            "",
            "owner",
            "trigger",
            "timeline[nope].text",
            "timeline[].text",
            "timeline",
            "sections.",
            "sections.nope",
        ] {
            assert_eq!(text_field(&d, wrong), None, "{wrong}");
        }
    }

    fn doc() -> Postmortem {
        let now = Utc.with_ymd_and_hms(2026, 3, 4, 14, 0, 0).unwrap();
        let mut d = Postmortem::new("pm-1".into(), now);
        d.participants.push(Participant {
            id: "p-1".into(),
            name: "Dana Ortiz".into(),
            role: Role::Responder,
            extra: Default::default(),
        });
        d.owner = "Priya Nair".into();
        d
    }

    fn event(id: &str, hh: u32, mm: u32, text: &str) -> TimelineEvent {
        TimelineEvent {
            id: id.into(),
            at: Some(Utc.with_ymd_and_hms(2026, 3, 4, hh, mm, 0).unwrap()),
            kind: Default::default(),
            text: text.into(),
            starred: false,
            extra: Default::default(),
        }
    }

    fn action(id: &str, title: &str, owner: &str) -> ActionItem {
        ActionItem {
            id: id.into(),
            title: title.into(),
            owner: owner.into(),
            due: None,
            status: Default::default(),
            kind: None,
            priority: None,
            ticket: String::new(),
            needs_discussion: false,
            public: false,
            extra: Default::default(),
        }
    }

    fn dismiss(d: &mut Postmortem, f: &DocFinding, reason: &str) {
        d.dismissals.push(Dismissal {
            fingerprint: f.finding.fingerprint().to_owned(),
            rule: f.finding.rule.clone(),
            text: f.finding.text.clone(),
            reason: reason.into(),
            at: d.created_at,
            extra: Default::default(),
        });
    }

    #[test]
    fn every_free_text_field_is_linted_under_its_path() {
        let mut d = doc();
        d.summary = "Dana broke the deploy because she should have checked the hostname.".into();
        d.timeline
            .push(event("ev-1", 14, 2, "Priya Nair caused the outage."));
        d.analysis.contributing_factors.push(ContributingFactor {
            id: "cf-1".into(),
            text: "Human error during the failover.".into(),
            category: None,
            evidence: vec![],
            extra: Default::default(),
        });
        d.action_items
            .push(action("ai-1", "Be more careful with deploys", "Sam"));
        d.sections
            .insert("what_happened".into(), "It was Dana's fault.".into());
        let found = lint_document(&d, &LintConfig::default());
        let fields: Vec<&str> = found.iter().map(|f| f.field.as_str()).collect();
        assert!(fields.contains(&"summary"), "{fields:?}");
        assert!(fields.contains(&"timeline[ev-1].text"), "{fields:?}");
        assert!(
            fields.contains(&"analysis.contributing_factors[cf-1].text"),
            "{fields:?}"
        );
        assert!(fields.contains(&"action_items[ai-1].title"), "{fields:?}");
        assert!(fields.contains(&"sections.what_happened"), "{fields:?}");
        let ev = found
            .iter()
            .find(|f| f.field.as_str() == "timeline[ev-1].text")
            .unwrap();
        assert_eq!(ev.label, "Timeline event at 14:02");
        let section = found
            .iter()
            .find(|f| f.field.as_str() == "sections.what_happened")
            .unwrap();
        assert_eq!(section.label, "What happened");
        // Action titles get the action-title checks.
        assert!(found
            .iter()
            .any(|f| f.field.as_str() == "action_items[ai-1].title"
                && f.finding.rule == "vague-action"));
    }

    #[test]
    fn neutral_text_gives_nothing() {
        let mut d = doc();
        d.summary = "Sam rolled back the deploy at 14:05 UTC".into();
        d.timeline
            .push(event("ev-1", 14, 5, "Sam rolled back the deploy."));
        assert!(lint_document(&d, &LintConfig::default()).is_empty());
    }

    #[test]
    fn names_from_the_document_are_known() {
        let mut d = doc();
        d.summary = "Priya caused the outage.".into();
        let cfg = document_config(&d, &LintConfig::default());
        assert!(cfg.participants.contains(&"Priya Nair".to_owned()));
        assert!(cfg.participants.contains(&"Dana Ortiz".to_owned()));
        d.action_items
            .push(action("ai-1", "Add an alert", "Kofi Mensah"));
        d.reviewers.push("Lee Wong".into());
        let cfg = document_config(&d, &LintConfig::default());
        assert!(cfg.participants.contains(&"Kofi Mensah".to_owned()));
        assert!(cfg.participants.contains(&"Lee Wong".to_owned()));
        // No duplicates when the global settings already name someone.
        let cfg = document_config(&d, &LintConfig::with_participants(["Lee Wong"]));
        assert_eq!(
            cfg.participants.iter().filter(|p| *p == "Lee Wong").count(),
            1
        );
    }

    #[test]
    fn rules_switched_off_for_the_document_or_everywhere_are_honoured() {
        let mut d = doc();
        d.summary = "Dana should have checked the hostname. It was human error.".into();
        let all = lint_document(&d, &LintConfig::default());
        assert!(all.iter().any(|f| f.finding.rule == "hindsight"));
        assert!(all.iter().any(|f| f.finding.rule == "human-error"));

        d.disabled_rules.push("hindsight".into());
        let found = lint_document(&d, &LintConfig::default());
        assert!(!found.iter().any(|f| f.finding.rule == "hindsight"));
        assert!(found.iter().any(|f| f.finding.rule == "human-error"));

        let mut global = LintConfig::default();
        global.disabled.insert("human-error".into());
        let found = lint_document(&d, &global);
        assert!(!found.iter().any(|f| f.finding.rule == "hindsight"));
        assert!(!found.iter().any(|f| f.finding.rule == "human-error"));
    }

    #[test]
    fn custom_phrases_from_settings_are_flagged() {
        let mut d = doc();
        d.summary = "The rollout was a cowboy change.".into();
        let mut global = LintConfig::default();
        global.custom_phrases.push(crate::lint::CustomPhrase {
            phrase: "cowboy change".into(),
            message: "Describe the process gap instead.".into(),
            suggestion: Some("unreviewed change".into()),
        });
        let found = lint_document(&d, &global);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].finding.rule, "custom-phrase");
        assert_eq!(found[0].finding.suggestions, vec!["unreviewed change"]);
    }

    #[test]
    fn a_dismissal_survives_edits_elsewhere() {
        let mut d = doc();
        d.summary = "Checkout failed. Dana should have checked the hostname. More text.".into();
        d.timeline.push(event("ev-1", 14, 2, "It was human error."));
        let found = lint_document(&d, &LintConfig::default());
        let hindsight = found
            .iter()
            .find(|f| f.finding.rule == "hindsight")
            .unwrap()
            .clone();
        dismiss(&mut d, &hindsight, "Quoting the runbook wording");

        // Edits before and after the flagged sentence, and in another field.
        d.summary = "At 14:00 the error rate rose to 12%.\n\nCheckout failed. Dana should have checked the hostname. More text.\n\nWe then rolled back."
            .into();
        d.timeline[0].text = "Someone said it was human error.".into();
        d.timeline
            .insert(0, event("ev-0", 13, 58, "Deploy started."));
        let found = lint_document(&d, &LintConfig::default());
        let again = found
            .iter()
            .find(|f| f.finding.rule == "hindsight")
            .unwrap();
        let kept = again.dismissed.as_ref().expect("still dismissed");
        assert_eq!(kept.reason, "Quoting the runbook wording");
        let other = found
            .iter()
            .find(|f| f.finding.rule == "human-error")
            .unwrap();
        assert!(other.dismissed.is_none());

        // Changing the flagged words themselves brings the finding back.
        d.summary = "Dana could have checked the config.".into();
        let found = lint_document(&d, &LintConfig::default());
        let changed = found
            .iter()
            .find(|f| f.finding.rule == "hindsight")
            .unwrap();
        assert!(changed.dismissed.is_none());
    }

    #[test]
    fn every_listed_field_can_be_written_by_path() {
        let mut d = doc();
        d.timeline.push(event("ev-1", 14, 2, "x"));
        d.action_items.push(action("ai-1", "x", ""));
        d.analysis.contributing_factors.push(ContributingFactor {
            id: "cf-1".into(),
            text: "x".into(),
            category: None,
            evidence: vec![],
            extra: Default::default(),
        });
        d.sections.insert("what_happened".into(), "x".into());
        for f in text_fields(&d) {
            let value = format!("new {}", f.field);
            assert!(
                set_field_text(&mut d, f.field.as_str(), value.clone()),
                "{}",
                f.field
            );
            assert_eq!(text_field(&d, f.field.as_str()).unwrap().text, value);
        }
        assert!(!set_field_text(&mut d, "timeline[nope].text", "x".into()));
        assert!(set_field_text(&mut d, "sections.new_one", "x".into()));
        assert!(!set_field_text(&mut d, "sections.Bad Key", "x".into()));
        assert!(!set_field_text(&mut d, "owner", "x".into()));
    }

    #[test]
    fn fields_can_be_looked_up_by_path() {
        let mut d = doc();
        d.action_items.push(action("ai-7", "Add an alert", ""));
        let f = text_field(&d, "action_items[ai-7].title").unwrap();
        assert_eq!(f.mode, LintMode::ActionTitle);
        assert_eq!(f.text, "Add an alert");
        assert!(text_field(&d, "action_items[nope].title").is_none());
        assert_eq!(text_field(&d, "summary").unwrap().mode, LintMode::Prose);
    }
}
