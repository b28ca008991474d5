//! What a template can place in a section: a [`FieldId`] names one field of
//! the field table ([`crate::field`]), a group of them ("Key times", "The
//! four questions") or a free-text section of the document.
//!
//! Keys are the field table's stable keys; the keys earlier versions wrote
//! (`trigger`, `severity`, `four_questions`) are still read.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::field::{self, DocSection, FieldSpec};
use crate::model::Postmortem;

/// Prefix of the JSON key of a free-text section: `sections.what_happened`
/// refers to `doc.sections["what_happened"]`.
pub const TEXT_PREFIX: &str = "sections.";

/// One editable part of a [`Postmortem`] that a template can show.
///
/// Stored in JSON as a string key (`"impact.customers_affected"`,
/// `"sections.what_happened"`). A key this version does not know is kept as
/// [`FieldId::Unknown`] so that validation can name it instead of the whole
/// file failing to load.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FieldId {
    Title,
    Summary,
    IncidentDate,
    Owner,
    Participants,
    Reviewers,
    Severity,
    Kind,
    Category,
    AlertSource,
    ReportedTo,
    /// The five key times, shown together.
    Times,
    Started,
    Detected,
    Acknowledged,
    Mitigated,
    Resolved,
    ImpactDescription,
    UserVisibleMinutes,
    CustomersAffected,
    CustomersReported,
    FunctionalSeverity,
    BusinessMetrics,
    DataLost,
    RecoveryPoint,
    SloBudget,
    Timeline,
    /// The factors, with the reason when only one is listed.
    ContributingFactors,
    Trigger,
    Detection,
    Resolution,
    WentWell,
    WentWrong,
    GotLucky,
    Gaps,
    Lessons,
    /// The four questions, shown together.
    FourQuestions,
    ActionItems,
    Links,
    /// A free-text section stored in `doc.sections[key]`.
    Text(String),
    /// A key this version does not recognise.
    Unknown(String),
}

use FieldId as F;

/// Each fixed [`FieldId`] with its key: a field table key, or a group's key.
const KEYS: &[(FieldId, &str)] = &[
    (F::Title, "title"),
    (F::Summary, "summary"),
    (F::IncidentDate, "incident_date"),
    (F::Owner, "owner"),
    (F::Participants, "participants"),
    (F::Reviewers, "reviewers"),
    (F::Severity, "classification.severity"),
    (F::Kind, "classification.kind"),
    (F::Category, "classification.category"),
    (F::AlertSource, "classification.alert_source"),
    (F::ReportedTo, "classification.reported_to"),
    (F::Times, "times"),
    (F::Started, "times.started"),
    (F::Detected, "times.detected"),
    (F::Acknowledged, "times.acknowledged"),
    (F::Mitigated, "times.mitigated"),
    (F::Resolved, "times.resolved"),
    (F::ImpactDescription, "impact.description"),
    (F::UserVisibleMinutes, "impact.user_visible_minutes"),
    (F::CustomersAffected, "impact.customers_affected"),
    (F::CustomersReported, "impact.customers_reported"),
    (F::FunctionalSeverity, "impact.functional_severity"),
    (F::BusinessMetrics, "impact.business_metrics"),
    (F::DataLost, "impact.data_lost"),
    (F::RecoveryPoint, "impact.recovery_point"),
    (F::SloBudget, "impact.slo_budget_consumed_percent"),
    (F::Timeline, "timeline"),
    (F::ContributingFactors, "analysis.contributing_factors"),
    (F::Trigger, "analysis.trigger"),
    (F::Detection, "analysis.detection"),
    (F::Resolution, "analysis.resolution"),
    (F::WentWell, "analysis.went_well"),
    (F::WentWrong, "analysis.went_wrong"),
    (F::GotLucky, "analysis.got_lucky"),
    (F::Gaps, "analysis.gaps"),
    (F::Lessons, "analysis.lessons"),
    (F::FourQuestions, "analysis.four_questions"),
    (F::ActionItems, "action_items"),
    (F::Links, "links"),
];

/// Groups: a label of their own and the field table rows they show.
const GROUPS: &[(FieldId, &str, &[&str])] = &[
    (
        F::Times,
        "Key times",
        &[
            "times.started",
            "times.detected",
            "times.acknowledged",
            "times.mitigated",
            "times.resolved",
        ],
    ),
    (
        F::FourQuestions,
        "The four questions",
        &[
            "analysis.four_questions.intended",
            "analysis.four_questions.actual",
            "analysis.four_questions.why",
            "analysis.four_questions.prevention",
        ],
    ),
    (
        F::ContributingFactors,
        "Contributing factors",
        &[
            "analysis.contributing_factors",
            "analysis.single_factor_reason",
        ],
    ),
];

/// Group keys written by earlier versions.
const OLD_GROUP_KEYS: &[(&str, FieldId)] = &[("four_questions", F::FourQuestions)];

impl FieldId {
    /// Every field that is not a free-text section.
    pub const FIXED: &'static [FieldId] = &[
        F::Title,
        F::Summary,
        F::IncidentDate,
        F::Owner,
        F::Participants,
        F::Reviewers,
        F::Severity,
        F::Kind,
        F::Category,
        F::AlertSource,
        F::ReportedTo,
        F::Times,
        F::Started,
        F::Detected,
        F::Acknowledged,
        F::Mitigated,
        F::Resolved,
        F::ImpactDescription,
        F::UserVisibleMinutes,
        F::CustomersAffected,
        F::CustomersReported,
        F::FunctionalSeverity,
        F::BusinessMetrics,
        F::DataLost,
        F::RecoveryPoint,
        F::SloBudget,
        F::Timeline,
        F::ContributingFactors,
        F::Trigger,
        F::Detection,
        F::Resolution,
        F::WentWell,
        F::WentWrong,
        F::GotLucky,
        F::Gaps,
        F::Lessons,
        F::FourQuestions,
        F::ActionItems,
        F::Links,
    ];

    /// A free-text section field; the key is not checked here
    /// (see [`is_valid_text_key`]).
    pub fn text(key: &str) -> FieldId {
        FieldId::Text(key.to_owned())
    }

    fn fixed_key(&self) -> Option<&'static str> {
        KEYS.iter().find(|(f, _)| f == self).map(|(_, k)| *k)
    }

    fn group(&self) -> Option<(&'static str, &'static [&'static str])> {
        GROUPS
            .iter()
            .find(|(f, _, _)| f == self)
            .map(|(_, label, members)| (*label, *members))
    }

    /// The stored key, as it appears in template JSON.
    pub fn key(&self) -> String {
        match self {
            FieldId::Text(k) => format!("{TEXT_PREFIX}{k}"),
            FieldId::Unknown(k) => k.clone(),
            other => other.fixed_key().unwrap_or_default().to_owned(),
        }
    }

    /// Reads a stored key, current or from an earlier version.
    /// Unrecognised keys become [`FieldId::Unknown`].
    pub fn from_key(key: &str) -> FieldId {
        let by_key = |k: &str| KEYS.iter().find(|(_, fk)| *fk == k).map(|(f, _)| f.clone());
        if let Some(f) = by_key(key)
            .or_else(|| field::spec(key).and_then(|s| by_key(s.key)))
            .or_else(|| {
                OLD_GROUP_KEYS
                    .iter()
                    .find(|(k, _)| *k == key)
                    .map(|(_, f)| f.clone())
            })
        {
            return f;
        }
        match key.strip_prefix(TEXT_PREFIX) {
            Some(k) if is_valid_text_key(k) => FieldId::Text(k.to_owned()),
            _ => FieldId::Unknown(key.to_owned()),
        }
    }

    /// The template field that shows the field table row `key` directly,
    /// if there is one (the four questions are shown only as a group).
    pub fn of_spec(key: &str) -> Option<FieldId> {
        KEYS.iter().find(|(_, k)| *k == key).map(|(f, _)| f.clone())
    }

    /// The template field that shows the field named by `key`: a field
    /// table key, a row path such as `timeline[e1].text`, a group's key or
    /// `sections.…`. The field itself when it is one, else the group it
    /// belongs to.
    pub fn showing(key: &str) -> Option<FieldId> {
        let base = key.split_once('[').map_or(key, |(list, _)| list);
        match FieldId::from_key(base) {
            FieldId::Unknown(_) => {}
            found => return Some(found),
        }
        let spec = field::spec(base)?;
        FieldId::FIXED
            .iter()
            .find(|f| f.specs().iter().any(|s| s.key == spec.key))
            .cloned()
    }

    /// The field table rows this shows: one for a field, several for a group,
    /// none for a free-text section or an unknown key.
    pub fn specs(&self) -> Vec<&'static FieldSpec> {
        if let Some((_, members)) = self.group() {
            return members.iter().filter_map(|k| field::spec(k)).collect();
        }
        self.fixed_key().and_then(field::spec).into_iter().collect()
    }

    /// The part of the printed document this field belongs to; `None` for
    /// free-text sections, which are printed under their own heading.
    pub fn doc_section(&self) -> Option<DocSection> {
        self.specs().first().map(|s| s.section)
    }

    /// A label for people, from the field table. Free-text sections get one
    /// made from their key ("what_happened" → "What happened"); the
    /// template's section title is usually the better label when one is at
    /// hand.
    pub fn label(&self) -> String {
        match self {
            FieldId::Text(k) => crate::words::words_from_id(k),
            FieldId::Unknown(k) => format!("Unknown field \"{k}\""),
            other => match other.group() {
                Some((label, _)) => label.to_owned(),
                None => other
                    .specs()
                    .first()
                    .map(|s| s.label.to_owned())
                    .unwrap_or_default(),
            },
        }
    }

    /// [`FieldId::label`] in a template with these `words`.
    pub fn label_in(&self, words: crate::field::Words) -> String {
        match self.group() {
            None if !matches!(self, FieldId::Text(_) | FieldId::Unknown(_)) => self
                .specs()
                .first()
                .map(|s| s.label_in(words).to_owned())
                .unwrap_or_default(),
            _ => self.label(),
        }
    }

    /// True when the document holds something in this field. Blank text,
    /// unset values and list entries with nothing typed in them are empty.
    pub fn has_content(&self, doc: &Postmortem) -> bool {
        match self {
            FieldId::Text(k) => doc.sections.get(k).is_some_and(|s| !s.trim().is_empty()),
            FieldId::Unknown(_) => false,
            other => other.specs().iter().any(|s| s.has_content(doc)),
        }
    }

    /// True when showing `self` also shows `other` (a field shows itself;
    /// "Key times" shows each of the five times).
    pub fn covers(&self, other: &FieldId) -> bool {
        if self == other {
            return true;
        }
        match (self.group(), other.fixed_key()) {
            (Some((_, members)), Some(key)) => other.group().is_none() && members.contains(&key),
            _ => false,
        }
    }
}

impl fmt::Display for FieldId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.key())
    }
}

impl Serialize for FieldId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.key())
    }
}

impl<'de> Deserialize<'de> for FieldId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let key = String::deserialize(d)?;
        Ok(FieldId::from_key(&key))
    }
}

/// A free-text section key: 1 to 48 lowercase letters, digits or `_`,
/// starting with a letter.
pub fn is_valid_text_key(key: &str) -> bool {
    let mut bytes = key.bytes();
    matches!(bytes.next(), Some(b'a'..=b'z'))
        && key.len() <= 48
        && bytes.all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}
