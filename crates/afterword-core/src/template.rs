//! Templates: which parts of a postmortem a team writes, in which order, and
//! with what guidance.
//!
//! A template never owns content. Every field of [`Postmortem`] exists in
//! every document; a template only chooses which of them to show, groups them
//! into sections and explains what good writing looks like in each. That is
//! why switching template can never lose anything: fields the new template
//! does not show are listed for the writer ([`switch_template`]), not removed.
//!
//! Built-in templates are plain functions ([`standard`], [`incident_report`],
//! [`minimal`], [`five_part`], [`management`], [`blank`]). Custom templates
//! start from one of them ([`Template::customised`]), are edited with the
//! methods on [`Template`], checked with [`validate_template`] and shared as
//! JSON ([`template_to_json`], [`template_from_json`]).

use std::collections::BTreeSet;
use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::ids::{is_valid_id, new_id};
use crate::model::Postmortem;

/// Larger template files are refused before parsing.
pub const MAX_TEMPLATE_BYTES: usize = 1024 * 1024;

/// Prefix of the JSON key of a free-text section: `sections.what_happened`
/// refers to `doc.sections["what_happened"]`.
pub const TEXT_PREFIX: &str = "sections.";

macro_rules! field_ids {
    ($($variant:ident = $key:literal => $label:literal),+ $(,)?) => {
        /// One editable part of a [`Postmortem`].
        ///
        /// Stored in JSON as a string key (`"impact.customers_affected"`,
        /// `"sections.what_happened"`). A key this version does not know is
        /// kept as [`FieldId::Unknown`] so that [`validate_template`] can name
        /// it instead of the whole file failing to load.
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum FieldId {
            $($variant,)+
            /// A free-text section stored in `doc.sections[key]`.
            Text(String),
            /// A key this version does not recognise.
            Unknown(String),
        }

        impl FieldId {
            /// Every field that is not a free-text section.
            pub const FIXED: &'static [FieldId] = &[$(FieldId::$variant),+];

            fn fixed_key(&self) -> Option<&'static str> {
                match self {
                    $(FieldId::$variant => Some($key),)+
                    _ => None,
                }
            }

            fn fixed_label(&self) -> Option<&'static str> {
                match self {
                    $(FieldId::$variant => Some($label),)+
                    _ => None,
                }
            }

            fn from_fixed_key(key: &str) -> Option<FieldId> {
                match key {
                    $($key => Some(FieldId::$variant),)+
                    _ => None,
                }
            }
        }
    };
}

field_ids! {
    Title = "title" => "Title",
    Summary = "summary" => "Summary",
    IncidentDate = "incident_date" => "Incident date",
    Owner = "owner" => "Owner",
    Participants = "participants" => "Participants",
    Reviewers = "reviewers" => "Reviewers",
    Severity = "severity" => "Severity",
    Kind = "kind" => "Kind of incident",
    Category = "category" => "Category",
    AlertSource = "alert_source" => "Where the first signal came from",
    ReportedTo = "reported_to" => "Reported to",
    Times = "times" => "Key times",
    Started = "times.started" => "Started",
    Detected = "times.detected" => "Detected",
    Acknowledged = "times.acknowledged" => "Acknowledged",
    Mitigated = "times.mitigated" => "Mitigated",
    Resolved = "times.resolved" => "Resolved",
    ImpactDescription = "impact.description" => "Impact",
    UserVisibleMinutes = "impact.user_visible_minutes" => "Minutes of user-visible impact",
    CustomersAffected = "impact.customers_affected" => "Customers affected",
    CustomersReported = "impact.customers_reported" => "Customers who reported it",
    FunctionalSeverity = "impact.functional_severity" => "Type of impact",
    BusinessMetrics = "impact.business_metrics" => "Business figures",
    DataLost = "impact.data_lost" => "Data lost",
    RecoveryPoint = "impact.recovery_point" => "Recovery point",
    SloBudget = "impact.slo_budget_consumed_percent" => "Error budget consumed",
    Timeline = "timeline" => "Timeline",
    ContributingFactors = "contributing_factors" => "Contributing factors",
    Trigger = "trigger" => "Trigger",
    Detection = "detection" => "Detection",
    Resolution = "resolution" => "Resolution",
    WentWell = "went_well" => "What went well",
    WentWrong = "went_wrong" => "What went wrong",
    GotLucky = "got_lucky" => "Where we got lucky",
    Gaps = "gaps" => "Gaps identified",
    Lessons = "lessons" => "Lessons learned",
    FourQuestions = "four_questions" => "The four questions",
    ActionItems = "action_items" => "Action items",
    Links = "links" => "Links",
}

/// The individual key times that [`FieldId::Times`] groups.
const TIME_FIELDS: [FieldId; 5] = [
    FieldId::Started,
    FieldId::Detected,
    FieldId::Acknowledged,
    FieldId::Mitigated,
    FieldId::Resolved,
];

impl FieldId {
    /// A free-text section field; the key is not checked here
    /// (see [`is_valid_text_key`]).
    pub fn text(key: &str) -> FieldId {
        FieldId::Text(key.to_owned())
    }

    /// The stored key, as it appears in template JSON.
    pub fn key(&self) -> String {
        match self {
            FieldId::Text(k) => format!("{TEXT_PREFIX}{k}"),
            FieldId::Unknown(k) => k.clone(),
            other => other.fixed_key().unwrap_or_default().to_owned(),
        }
    }

    /// Reads a stored key. Unrecognised keys become [`FieldId::Unknown`].
    pub fn from_key(key: &str) -> FieldId {
        if let Some(f) = FieldId::from_fixed_key(key) {
            return f;
        }
        match key.strip_prefix(TEXT_PREFIX) {
            Some(k) if is_valid_text_key(k) => FieldId::Text(k.to_owned()),
            _ => FieldId::Unknown(key.to_owned()),
        }
    }

    /// A label for people. Free-text sections get one made from their key
    /// ("what_happened" → "What happened"); the template's section title is
    /// usually the better label when one is at hand.
    pub fn label(&self) -> String {
        match self {
            FieldId::Text(k) => humanise_key(k),
            FieldId::Unknown(k) => format!("Unknown field \"{k}\""),
            other => other.fixed_label().unwrap_or_default().to_owned(),
        }
    }

    /// True when the document holds something in this field. Blank text,
    /// unset values and list entries with nothing typed in them are empty.
    pub fn has_content(&self, doc: &Postmortem) -> bool {
        let t = |s: &str| !s.trim().is_empty();
        let times = &doc.times;
        let imp = &doc.impact;
        let an = &doc.analysis;
        match self {
            FieldId::Title => t(&doc.title),
            FieldId::Summary => t(&doc.summary),
            FieldId::IncidentDate => doc.incident_date.is_some(),
            FieldId::Owner => t(&doc.owner),
            FieldId::Participants => doc.participants.iter().any(|p| t(&p.name)),
            FieldId::Reviewers => doc.reviewers.iter().any(|r| t(r)),
            FieldId::Severity => doc.classification.severity.is_some(),
            FieldId::Kind => doc.classification.kind.is_some(),
            FieldId::Category => doc.classification.category.is_some(),
            FieldId::AlertSource => doc.classification.alert_source.is_some(),
            FieldId::ReportedTo => t(&doc.classification.reported_to),
            FieldId::Times => TIME_FIELDS.iter().any(|f| f.has_content(doc)),
            FieldId::Started => times.started.is_some(),
            FieldId::Detected => times.detected.is_some(),
            FieldId::Acknowledged => times.acknowledged.is_some(),
            FieldId::Mitigated => times.mitigated.is_some(),
            FieldId::Resolved => times.resolved.is_some(),
            FieldId::ImpactDescription => t(&imp.description),
            FieldId::UserVisibleMinutes => imp.user_visible_minutes.is_some(),
            FieldId::CustomersAffected => imp.customers_affected.is_some(),
            FieldId::CustomersReported => imp.customers_reported.is_some(),
            FieldId::FunctionalSeverity => t(&imp.functional_severity),
            FieldId::BusinessMetrics => imp
                .business_metrics
                .iter()
                .any(|m| t(&m.name) || t(&m.value)),
            FieldId::DataLost => t(&imp.data_lost),
            FieldId::RecoveryPoint => imp.recovery_point.is_some(),
            FieldId::SloBudget => imp.slo_budget_consumed_percent.is_some(),
            FieldId::Timeline => doc.timeline.iter().any(|e| t(&e.text) || e.at.is_some()),
            FieldId::ContributingFactors => {
                an.contributing_factors.iter().any(|c| t(&c.text)) || t(&an.single_factor_reason)
            }
            FieldId::Trigger => t(&an.trigger),
            FieldId::Detection => t(&an.detection),
            FieldId::Resolution => t(&an.resolution),
            FieldId::WentWell => t(&an.went_well),
            FieldId::WentWrong => t(&an.went_wrong),
            FieldId::GotLucky => t(&an.got_lucky),
            FieldId::Gaps => t(&an.gaps),
            FieldId::Lessons => t(&an.lessons),
            FieldId::FourQuestions => {
                let q = &an.four_questions;
                t(&q.intended) || t(&q.actual) || t(&q.why) || t(&q.prevention)
            }
            FieldId::ActionItems => doc.action_items.iter().any(|a| t(&a.title)),
            FieldId::Links => doc.links.iter().any(|l| t(&l.url) || t(&l.label)),
            FieldId::Text(k) => doc.sections.get(k).is_some_and(|s| t(s)),
            FieldId::Unknown(_) => false,
        }
    }

    /// True when showing `self` also shows `other` (a field shows itself;
    /// "Key times" shows each of the five times).
    pub fn covers(&self, other: &FieldId) -> bool {
        self == other || (*self == FieldId::Times && TIME_FIELDS.contains(other))
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

fn humanise_key(key: &str) -> String {
    let spaced = key.replace('_', " ");
    let mut chars = spaced.trim().chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A template: ordered, guided sections over the fields of a postmortem.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Template {
    pub id: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub sections: Vec<Section>,
    /// Sections must be completed one after another (see [`can_open`]).
    #[serde(default)]
    pub strict_order: bool,
    /// Shipped with Afterword; never true for an imported template.
    #[serde(default)]
    pub builtin: bool,
}

/// One step of a template: a heading, guidance and the fields it shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    pub id: String,
    #[serde(default)]
    pub title: String,
    /// What to write here and why it matters.
    #[serde(default)]
    pub help: String,
    #[serde(default)]
    pub good_example: String,
    #[serde(default)]
    pub bad_example: String,
    /// Fields shown in this section, in order.
    #[serde(default)]
    pub fields: Vec<FieldId>,
    /// Fields that must hold content for the section to count as complete.
    /// Always a subset of `fields`.
    #[serde(default)]
    pub required: Vec<FieldId>,
}

impl Section {
    /// True when the section shows `field` (directly or through a group).
    pub fn shows(&self, field: &FieldId) -> bool {
        self.fields.iter().any(|f| f.covers(field))
    }
}

// ---------------------------------------------------------------------------
// Completion
// ---------------------------------------------------------------------------

/// Required fields of `section` that are still empty, in section order.
pub fn missing_fields(doc: &Postmortem, section: &Section) -> Vec<FieldId> {
    section
        .required
        .iter()
        .filter(|f| !f.has_content(doc))
        .cloned()
        .collect()
}

/// A section is complete when every required field holds content. A section
/// that requires nothing is complete as soon as any of its fields holds
/// content, so an untouched optional section never looks finished.
pub fn section_complete(doc: &Postmortem, section: &Section) -> bool {
    if section.required.is_empty() {
        section.fields.iter().any(|f| f.has_content(doc))
    } else {
        section.required.iter().all(|f| f.has_content(doc))
    }
}

/// `(complete sections, all sections)`.
pub fn progress(doc: &Postmortem, template: &Template) -> (usize, usize) {
    let done = template
        .sections
        .iter()
        .filter(|s| section_complete(doc, s))
        .count();
    (done, template.sections.len())
}

/// Index of the first section that is not complete, if any.
pub fn first_incomplete(doc: &Postmortem, template: &Template) -> Option<usize> {
    template
        .sections
        .iter()
        .position(|s| !section_complete(doc, s))
}

/// Whether the writer may open section `index`. Always true for templates
/// without a strict order; for strict ones, every earlier section must be
/// complete. An index past the end is never openable.
pub fn can_open(doc: &Postmortem, template: &Template, index: usize) -> bool {
    if index >= template.sections.len() {
        return false;
    }
    if !template.strict_order {
        return true;
    }
    match first_incomplete(doc, template) {
        Some(first) => index <= first,
        None => true,
    }
}

// ---------------------------------------------------------------------------
// Switching
// ---------------------------------------------------------------------------

/// A field that holds content but that a template does not show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutsideField {
    pub field: FieldId,
    pub label: String,
}

/// What the writer needs to know after switching template.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SwitchReport {
    /// Fields with content the new template does not show. Their content is
    /// kept in the document and comes back with any template that shows them.
    pub outside: Vec<OutsideField>,
}

/// Fields of `doc` that hold content but that `template` does not show, in
/// document order (fixed fields first, then free-text sections by key).
pub fn fields_outside(doc: &Postmortem, template: &Template) -> Vec<OutsideField> {
    let shown = |f: &FieldId| template.sections.iter().any(|s| s.shows(f));
    let fixed = FieldId::FIXED
        .iter()
        .filter(|f| **f != FieldId::Times)
        .cloned();
    let texts = doc.sections.keys().map(|k| FieldId::Text(k.clone()));
    fixed
        .chain(texts)
        .filter(|f| f.has_content(doc) && !shown(f))
        .map(|f| OutsideField {
            label: f.label(),
            field: f,
        })
        .collect()
}

/// Makes `template` the document's template. Only `doc.template` changes;
/// every field keeps its content. The report lists what is now not shown.
pub fn switch_template(doc: &mut Postmortem, template: &Template) -> SwitchReport {
    doc.template = template.id.clone();
    SwitchReport {
        outside: fields_outside(doc, template),
    }
}

// ---------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------

/// One thing wrong with a template, with where it is ("sections[2].fields[0]").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateProblem {
    pub path: String,
    pub message: String,
}

impl fmt::Display for TemplateProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// Everything wrong with a template; empty when it can be used.
pub fn validate_template(t: &Template) -> Vec<TemplateProblem> {
    let mut out = Vec::new();
    let mut problem = |path: String, message: String| out.push(TemplateProblem { path, message });
    if !is_valid_id(&t.id) {
        problem(
            "id".into(),
            "expected letters, digits, '-' or '_' (at most 64)".into(),
        );
    } else if !t.builtin && BUILTIN_IDS.contains(&t.id.as_str()) {
        problem(
            "id".into(),
            format!("\"{}\" is the id of a built-in template", t.id),
        );
    }
    if t.name.trim().is_empty() {
        problem("name".into(), "a template needs a name".into());
    }
    if t.sections.is_empty() {
        problem(
            "sections".into(),
            "a template needs at least one section".into(),
        );
    }
    let mut section_ids = BTreeSet::new();
    let mut placed: Vec<(FieldId, usize)> = Vec::new();
    for (i, s) in t.sections.iter().enumerate() {
        let at = format!("sections[{i}]");
        if !is_valid_id(&s.id) {
            problem(
                format!("{at}.id"),
                "expected letters, digits, '-' or '_' (at most 64)".into(),
            );
        } else if !section_ids.insert(s.id.as_str()) {
            problem(format!("{at}.id"), format!("\"{}\" is used twice", s.id));
        }
        if s.title.trim().is_empty() {
            problem(format!("{at}.title"), "a section needs a title".into());
        }
        if s.fields.is_empty() {
            problem(
                format!("{at}.fields"),
                "a section needs at least one field".into(),
            );
        }
        for (j, f) in s.fields.iter().enumerate() {
            if let FieldId::Unknown(k) = f {
                problem(
                    format!("{at}.fields[{j}]"),
                    format!("unknown field \"{k}\""),
                );
                continue;
            }
            let clash = placed
                .iter()
                .find(|(g, _)| g.covers(f) || f.covers(g))
                .map(|(g, n)| (g.clone(), *n));
            match clash {
                Some((g, n)) if n == i => problem(
                    format!("{at}.fields[{j}]"),
                    format!(
                        "\"{}\" is already shown in this section (as \"{}\")",
                        f.key(),
                        g.key()
                    ),
                ),
                Some((g, n)) => problem(
                    format!("{at}.fields[{j}]"),
                    format!(
                        "\"{}\" is already shown in section \"{}\" (as \"{}\")",
                        f.key(),
                        t.sections.get(n).map(|s| s.title.as_str()).unwrap_or(""),
                        g.key()
                    ),
                ),
                None => placed.push((f.clone(), i)),
            }
        }
        for (j, r) in s.required.iter().enumerate() {
            if let FieldId::Unknown(k) = r {
                problem(
                    format!("{at}.required[{j}]"),
                    format!("unknown field \"{k}\""),
                );
            } else if !s.fields.iter().any(|f| f.covers(r)) {
                problem(
                    format!("{at}.required[{j}]"),
                    format!("\"{}\" is required but not shown in this section", r.key()),
                );
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Custom templates
// ---------------------------------------------------------------------------

/// An id for a new custom template: `tpl-` then time and entropy, so it can
/// never collide with a built-in id.
pub fn custom_template_id(now: DateTime<Utc>, entropy: u64) -> String {
    new_id("tpl", now, entropy)
}

impl Template {
    /// A custom copy of this template, ready to edit.
    pub fn customised(&self, id: String, name: &str) -> Template {
        Template {
            id,
            name: name.trim().to_owned(),
            description: self.description.clone(),
            sections: self.sections.clone(),
            strict_order: self.strict_order,
            builtin: false,
        }
    }

    /// Index of the section with `id`.
    pub fn section_index(&self, id: &str) -> Option<usize> {
        self.sections.iter().position(|s| s.id == id)
    }

    /// Moves a section; false (and no change) when an index is out of range.
    pub fn move_section(&mut self, from: usize, to: usize) -> bool {
        if from >= self.sections.len() || to >= self.sections.len() {
            return false;
        }
        let s = self.sections.remove(from);
        self.sections.insert(to, s);
        true
    }

    /// Renames a section; its id stays, so documents are unaffected.
    pub fn rename_section(&mut self, index: usize, title: &str) -> bool {
        match self.sections.get_mut(index) {
            Some(s) => {
                s.title = title.trim().to_owned();
                true
            }
            None => false,
        }
    }

    /// Replaces a section's guidance.
    pub fn set_help(&mut self, index: usize, help: &str, good: &str, bad: &str) -> bool {
        match self.sections.get_mut(index) {
            Some(s) => {
                s.help = help.to_owned();
                s.good_example = good.to_owned();
                s.bad_example = bad.to_owned();
                true
            }
            None => false,
        }
    }

    /// Removes a section. Content in its fields stays in documents.
    pub fn remove_section(&mut self, index: usize) -> Option<Section> {
        (index < self.sections.len()).then(|| self.sections.remove(index))
    }

    /// Appends a section, e.g. one taken from another built-in template.
    /// Its id is made unique within this template if needed, and fields this
    /// template already shows elsewhere are left out of it (a field is shown
    /// in one place only).
    pub fn add_section(&mut self, mut section: Section) -> usize {
        section.id = self.unique_section_id(&section.id);
        let shown = |f: &FieldId| {
            self.sections
                .iter()
                .any(|s| s.fields.iter().any(|g| g.covers(f) || f.covers(g)))
        };
        section.fields.retain(|f| !shown(f));
        let fields = section.fields.clone();
        section
            .required
            .retain(|r| fields.iter().any(|f| f.covers(r)));
        self.sections.push(section);
        self.sections.len() - 1
    }

    /// Appends a free-text section titled `title`, stored under a key made
    /// from the title. Returns its index.
    pub fn add_text_section(&mut self, title: &str) -> usize {
        let base = slug(title);
        let id = self.unique_section_id(&base);
        let field = FieldId::Text(id.replace('-', "_"));
        self.sections.push(Section {
            id,
            title: title.trim().to_owned(),
            help: String::new(),
            good_example: String::new(),
            bad_example: String::new(),
            fields: vec![field.clone()],
            required: vec![field],
        });
        self.sections.len() - 1
    }

    fn unique_section_id(&self, wanted: &str) -> String {
        let base = if is_valid_text_key(wanted) {
            wanted.to_owned()
        } else {
            slug(wanted)
        };
        let taken = |id: &str| self.sections.iter().any(|s| s.id == id);
        if !taken(&base) {
            return base;
        }
        (2..)
            .map(|n| format!("{base}_{n}"))
            .find(|c| !taken(c))
            .unwrap_or(base)
    }
}

/// A free-text key made from a title: "Customer follow-up" → "customer_follow_up".
fn slug(title: &str) -> String {
    let mut out = String::new();
    for c in title.trim().chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('_') && !out.is_empty() {
            out.push('_');
        }
        if out.len() >= 40 {
            break;
        }
    }
    let out = out.trim_end_matches('_').to_owned();
    if out.starts_with(|c: char| c.is_ascii_lowercase()) {
        out
    } else {
        format!("section_{out}").trim_end_matches('_').to_owned()
    }
}

/// Why a template file could not be used.
#[derive(Debug, Clone, PartialEq)]
pub enum TemplateError {
    TooLarge {
        bytes: usize,
    },
    NotJson {
        line: usize,
        column: usize,
        message: String,
    },
    /// The JSON does not have the shape of a template.
    Invalid {
        path: String,
        message: String,
    },
    /// The shape is right but the template cannot be used as it is.
    Problems(Vec<TemplateProblem>),
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TemplateError::TooLarge { bytes } => write!(
                f,
                "the file is {bytes} bytes; a template is at most {MAX_TEMPLATE_BYTES}"
            ),
            TemplateError::NotJson {
                line,
                column,
                message,
            } => {
                write!(
                    f,
                    "not valid JSON (line {line}, column {column}): {message}"
                )
            }
            TemplateError::Invalid { path, message } => {
                if path.is_empty() || path == "." {
                    write!(f, "{message}")
                } else {
                    write!(f, "{path}: {message}")
                }
            }
            TemplateError::Problems(list) => {
                let parts: Vec<String> = list.iter().map(ToString::to_string).collect();
                write!(f, "{}", parts.join("; "))
            }
        }
    }
}

impl std::error::Error for TemplateError {}

/// The template as pretty-printed JSON, for sharing with other teams.
pub fn template_to_json(t: &Template) -> String {
    serde_json::to_string_pretty(t).unwrap_or_default()
}

/// Reads a template file. Unknown JSON fields are ignored; the result is
/// always a custom template (`builtin` is false) and has passed
/// [`validate_template`].
pub fn template_from_json(raw: &str) -> Result<Template, TemplateError> {
    if raw.len() > MAX_TEMPLATE_BYTES {
        return Err(TemplateError::TooLarge { bytes: raw.len() });
    }
    let value: serde_json::Value =
        serde_json::from_str(raw).map_err(|e| TemplateError::NotJson {
            line: e.line(),
            column: e.column(),
            message: strip_position(&e.to_string()),
        })?;
    if !value.is_object() {
        return Err(TemplateError::Invalid {
            path: String::new(),
            message: "expected a JSON object describing one template".into(),
        });
    }
    let mut t: Template = serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        TemplateError::Invalid {
            path,
            message: strip_position(&e.into_inner().to_string()),
        }
    })?;
    t.builtin = false;
    let problems = validate_template(&t);
    if problems.is_empty() {
        Ok(t)
    } else {
        Err(TemplateError::Problems(problems))
    }
}

fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_owned(),
        None => msg.to_owned(),
    }
}

// ---------------------------------------------------------------------------
// Built-in templates
// ---------------------------------------------------------------------------

/// Ids of the built-in templates, in the order they are offered.
pub const BUILTIN_IDS: [&str; 6] = [
    "standard",
    "incident_report",
    "minimal",
    "five_part",
    "management",
    "blank",
];

/// Every built-in template, in the order they are offered.
pub fn builtin_templates() -> Vec<Template> {
    vec![
        standard(),
        incident_report(),
        minimal(),
        five_part(),
        management(),
        blank(),
    ]
}

/// A built-in template by id.
pub fn template_by_id(id: &str) -> Option<Template> {
    builtin_templates().into_iter().find(|t| t.id == id)
}

fn builtin(id: &str, name: &str, description: &str, sections: Vec<Section>) -> Template {
    Template {
        id: id.into(),
        name: name.into(),
        description: description.into(),
        sections,
        strict_order: false,
        builtin: true,
    }
}

/// Shorthand for a built-in section.
fn sec(
    id: &str,
    title: &str,
    help: &str,
    good: &str,
    bad: &str,
    fields: &[FieldId],
    required: &[FieldId],
) -> Section {
    Section {
        id: id.into(),
        title: title.into(),
        help: help.into(),
        good_example: good.into(),
        bad_example: bad.into(),
        fields: fields.to_vec(),
        required: required.to_vec(),
    }
}

fn txt(key: &str) -> FieldId {
    FieldId::Text(key.into())
}

use FieldId as F;

/// The engineering postmortem most teams start from.
pub fn standard() -> Template {
    builtin(
        "standard",
        "Standard",
        "The full engineering write-up: what users saw, why it happened, how it was found and fixed, and what changes now.",
        vec![
            sec(
                "about",
                "About the incident",
                "Name the incident so people can find it later, give the date, and say who drives this document to the end. List everyone who took part, with their role in the response.",
                "Checkout errors after the payment provider changed its certificate (2026-11-20). Owner: Priya N.",
                "The incident from last week",
                &[F::Title, F::IncidentDate, F::Owner, F::Participants, F::Reviewers, F::Severity, F::Kind, F::Category],
                &[F::Title, F::IncidentDate, F::Owner, F::Severity],
            ),
            sec(
                "summary",
                "Summary",
                "One paragraph for someone who will read nothing else: what broke, for whom, for how long, and whether it is fully fixed.",
                "For 47 minutes about 12% of checkout attempts failed because requests to the payment provider were rejected after its certificate changed. Service is fully restored; two follow-ups remain open.",
                "Payments were broken. It is fixed now.",
                &[F::Summary],
                &[F::Summary],
            ),
            sec(
                "impact",
                "Impact",
                "Describe the effect on people and on the business in numbers where you have them: how long, how many customers, what was lost or delayed. Say how you measured it.",
                "3,400 failed checkouts between 14:02 and 14:49 UTC (from payment logs); 61 support tickets; no data lost.",
                "Some users were affected.",
                &[F::ImpactDescription, F::UserVisibleMinutes, F::CustomersAffected, F::CustomersReported, F::FunctionalSeverity, F::BusinessMetrics, F::DataLost, F::RecoveryPoint, F::SloBudget],
                &[F::ImpactDescription],
            ),
            sec(
                "causes",
                "Contributing factors and trigger",
                "List the conditions that together made the incident possible, then the event that set it off. There is rarely a single cause; describe systems and circumstances, not people.",
                "Trigger: the provider rotated its certificate. Factors: our client pinned the old certificate; the pin had no expiry alert; staging uses a mock provider, so the pin was never exercised.",
                "Root cause: someone forgot to update the certificate.",
                &[F::ContributingFactors, F::Trigger],
                &[F::ContributingFactors, F::Trigger],
            ),
            sec(
                "resolution",
                "Resolution",
                "Explain what stopped the impact and what made the fix permanent, including anything temporary still in place.",
                "Removed the pin with a configuration change at 14:41 UTC; errors stopped by 14:49. Pinning is now replaced by normal chain validation.",
                "We fixed it.",
                &[F::Resolution],
                &[F::Resolution],
            ),
            sec(
                "detection",
                "Detection",
                "How did the team learn about the problem, and how long did that take? Note whether the signal came from monitoring or from people, and what would have caught it sooner.",
                "The checkout error-rate alert fired 6 minutes after onset; a customer ticket arrived 2 minutes later.",
                "We noticed eventually.",
                &[F::Detection, F::AlertSource, F::ReportedTo],
                &[F::Detection],
            ),
            sec(
                "actions",
                "Action items",
                "Each item is one specific change with an owner and a due date. Prefer changes that prevent, detect or limit the next incident over reminders to be careful.",
                "Add an alert 30 days before any pinned certificate expires. Owner: Sam K. Due 2026-12-04.",
                "Be more careful with certificates.",
                &[F::ActionItems],
                &[F::ActionItems],
            ),
            sec(
                "lessons",
                "Lessons learned",
                "What went well is worth keeping; what went wrong is worth changing; where you got lucky shows risks that have not hurt you yet.",
                "Went well: the runbook for payment errors was current. Went wrong: nobody knew who owned the client library. Lucky: it happened outside the holiday sale.",
                "Everything went fine in the end.",
                &[F::WentWell, F::WentWrong, F::GotLucky, F::Lessons],
                &[F::WentWell, F::WentWrong],
            ),
            sec(
                "timeline",
                "Timeline",
                "The events in order, with times in UTC, from the first sign through resolution. State what happened, not why; add what the team did not know at the time.",
                "14:02 UTC error rate rises to 12%. 14:08 alert fires. 14:12 incident lead takes over. 14:41 pin removed. 14:49 errors back to normal.",
                "Afternoon: things broke, we looked into it, then it was fixed.",
                &[F::Timeline, F::Times],
                &[F::Timeline, F::Started],
            ),
            sec(
                "links",
                "Supporting material",
                "Link the dashboards, logs, chat threads and tickets a reader needs to check the facts above.",
                "Checkout errors dashboard, 14:00–15:00 UTC; incident chat thread; provider status notice.",
                "See the chat.",
                &[F::Links],
                &[F::Links],
            ),
        ],
    )
}

/// The structured form many organisations file for every incident.
pub fn incident_report() -> Template {
    builtin(
        "incident_report",
        "Incident report form",
        "A structured report: classification first, then what happened, how far it reached, its causes, what was done and how it was closed.",
        vec![
            sec(
                "description",
                "Short description",
                "A title and two or three sentences that let a reader decide whether this report concerns them.",
                "Shared drive unreachable for the finance team, Monday morning, about 2 hours.",
                "Problem with files.",
                &[F::Title, F::Summary, F::IncidentDate, F::Owner],
                &[F::Title, F::Summary, F::IncidentDate],
            ),
            sec(
                "classification",
                "Classification",
                "Choose the severity, the type of impact, where the first signal came from, which department it was reported to and the category that fits best.",
                "SEV3; type of impact: loss of access; first signal: employee; reported to: IT service desk; category: configuration.",
                "Severity: high (no further detail).",
                &[F::Severity, F::Kind, F::FunctionalSeverity, F::AlertSource, F::ReportedTo, F::Category],
                &[F::Severity, F::FunctionalSeverity, F::AlertSource, F::ReportedTo, F::Category],
            ),
            sec(
                "what_happened",
                "What happened",
                "Tell the sequence of events plainly, with times, from the first sign to the return to normal.",
                "At 08:40 staff reported that the drive would not open. At 09:05 the service desk found that a permission change from Friday had removed the group's access. Access was restored at 10:35.",
                "The drive stopped working and IT fixed it.",
                &[txt("what_happened"), F::Timeline, F::Times],
                &[txt("what_happened")],
            ),
            sec(
                "extent",
                "Extent",
                "How far did it reach? Who and what was affected, how many, for how long, and was anything lost?",
                "14 people in finance could not open month-end files for 115 minutes; no files were lost or changed.",
                "Big impact on the company.",
                &[txt("extent"), F::ImpactDescription, F::CustomersAffected, F::BusinessMetrics, F::DataLost],
                &[txt("extent")],
            ),
            sec(
                "causes",
                "Causes and areas involved",
                "List the conditions that led to the incident and the teams, processes or systems involved. Describe conditions, not individuals.",
                "A bulk permission clean-up had no review step; the finance group's access was listed under an old group name; Friday changes are not checked until Monday.",
                "The administrator made a mistake.",
                &[F::ContributingFactors, F::Trigger, txt("areas_involved")],
                &[F::ContributingFactors],
            ),
            sec(
                "actions_taken",
                "Actions taken",
                "What was done during the incident to limit the damage and to restore normal service?",
                "Service desk restored the previous permissions from the change record and confirmed access with two finance staff.",
                "Handled.",
                &[txt("actions_taken"), F::Resolution],
                &[txt("actions_taken")],
            ),
            sec(
                "closure",
                "Closure analysis",
                "Say whether the incident can be closed, and list each remaining measure with the person responsible and a deadline.",
                "Can be closed once the review step exists. Add a review step to bulk permission changes: owner L. Moreau, due 2026-12-15.",
                "To be followed up.",
                &[txt("closure_analysis"), F::ActionItems],
                &[txt("closure_analysis"), F::ActionItems],
            ),
            sec(
                "lessons",
                "Lessons learned",
                "What will the organisation do differently, and what worked well enough to keep?",
                "Change records made the restore quick; keep them. Group names need an owner who is asked before removal.",
                "Nothing to learn.",
                &[F::Lessons, F::WentWell, F::WentWrong],
                &[F::Lessons],
            ),
        ],
    )
}

/// About a dozen fields, for teams that file postmortems as tickets.
pub fn minimal() -> Template {
    builtin(
        "minimal",
        "Minimal ticket",
        "About a dozen fields and nothing more, for small incidents or teams that file postmortems as tickets.",
        vec![
            sec(
                "basics",
                "Basics",
                "A title, a two-line summary, the date, who drives the follow-up and who was involved.",
                "Nightly export ran twice on 2026-11-20; customers got duplicate emails. Owner: Ana.",
                "Export issue.",
                &[F::Title, F::Summary, F::IncidentDate, F::Owner, F::Participants],
                &[F::Title, F::Summary, F::IncidentDate, F::Owner],
            ),
            sec(
                "when",
                "Start and end (UTC)",
                "When the problem began and when it was over, in UTC.",
                "Start 02:00 UTC, end 02:35 UTC.",
                "Overnight.",
                &[F::Started, F::Resolved],
                &[F::Started, F::Resolved],
            ),
            sec(
                "story",
                "What happened and why",
                "A few timestamped events, then what happened and why in a sentence or two each.",
                "What: the export started twice. Why: the scheduler retried a job that was still running, and the job has no lock.",
                "What: bug. Why: bug.",
                &[F::Timeline, txt("what_happened"), txt("why")],
                &[txt("what_happened"), txt("why")],
            ),
            sec(
                "follow_up",
                "Follow-up",
                "The actions that will follow, each with an owner and a due date, and links to tickets, logs or threads.",
                "Add a lock to the export job — Ana, due 2026-11-27 (ticket OPS-812).",
                "Look into it.",
                &[F::ActionItems, F::Links],
                &[F::ActionItems],
            ),
        ],
    )
}

/// The five questions of a review meeting, answered strictly in order.
pub fn five_part() -> Template {
    let mut t = builtin(
        "five_part",
        "Five-part meeting",
        "Follows the review meeting step by step: chronology, what went wrong, what went well, gaps, improvements. Each part is finished before the next opens.",
        vec![
            sec(
                "incident",
                "The incident",
                "Give the incident a name and list who is in the room, so the notes make sense later.",
                "Mobile app login failures, 2026-11-20. Present: Kai (lead), Rosa (scribe), Tom, Mei.",
                "Meeting notes",
                &[F::Title, F::IncidentDate, F::Owner, F::Participants],
                &[F::Title],
            ),
            sec(
                "chronology",
                "1. Chronology",
                "Walk through what happened, in order and with times. Agree on the facts before anyone discusses causes.",
                "09:12 UTC first failed logins. 09:20 support reports a spike in tickets. 09:31 login service restarted. 09:33 logins succeed again.",
                "It broke in the morning and got fixed before lunch.",
                &[F::Timeline, F::Times],
                &[F::Timeline],
            ),
            sec(
                "went_wrong",
                "2. What went wrong",
                "Name what made the incident worse or longer: signals missed, hand-overs that stalled, tools or access that were lacking.",
                "It took 8 minutes to find who could restart the login service because the contact list was out of date.",
                "Tom was too slow.",
                &[F::WentWrong, F::ContributingFactors],
                &[F::WentWrong],
            ),
            sec(
                "went_well",
                "3. What went well",
                "Name what helped, so it is kept on purpose rather than by chance.",
                "Support spotted the pattern in tickets within minutes and escalated with clear examples.",
                "Nothing.",
                &[F::WentWell, F::GotLucky],
                &[F::WentWell],
            ),
            sec(
                "gaps",
                "4. Gaps identified",
                "Which knowledge, tools, checks or agreements were missing? A gap is something the team could put in place.",
                "No alert on the login failure rate; no written owner for the login service.",
                "People need to pay more attention.",
                &[F::Gaps],
                &[F::Gaps],
            ),
            sec(
                "improvements",
                "5. Actionable improvements",
                "Turn each gap into a concrete change with one owner and a due date.",
                "Alert when login failures exceed 5% for 3 minutes — Mei, due 2026-12-01.",
                "Improve monitoring.",
                &[F::ActionItems],
                &[F::ActionItems],
            ),
        ],
    );
    t.strict_order = true;
    t
}

/// Words a non-technical reader should not meet in the management template.
/// Matched case-insensitively, as whole words or word beginnings.
pub const JARGON: &[&str] = &[
    "deploy",
    "server",
    "latency",
    "slo",
    "sla",
    "rollback",
    "roll back",
    "rolled back",
    "on-call",
    "on call",
    "api",
    "database",
    "cluster",
    "config",
    "dns",
    "cpu",
    "endpoint",
    "pager",
    "paged",
    "microservice",
    "kubernetes",
    "runbook",
    "hotfix",
    "prod",
    "uptime",
];

/// True when `text` contains one of [`JARGON`] (whole words; "deploy" also
/// matches "deployment").
pub fn contains_jargon(text: &str) -> Option<&'static str> {
    let lower: String = text
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let padded = format!(
        " {} ",
        lower.split_whitespace().collect::<Vec<_>>().join(" ")
    );
    JARGON.iter().copied().find(|j| {
        let needle = format!(" {}", j.replace('-', " "));
        let prefix_ok = matches!(
            *j,
            "deploy"
                | "server"
                | "latency"
                | "database"
                | "config"
                | "microservice"
                | "endpoint"
                | "runbook"
                | "hotfix"
        );
        if prefix_ok {
            padded.contains(&needle)
        } else {
            padded.contains(&format!("{needle} ")) || padded.contains(&format!("{needle}s "))
        }
    })
}

/// The standard skeleton in everyday language, for incidents outside
/// engineering or for readers who are not engineers.
pub fn management() -> Template {
    builtin(
        "management",
        "Management / non-technical",
        "The same structure as the standard report, worded for incidents about plans, processes, suppliers or people's work, and for readers outside engineering.",
        vec![
            sec(
                "about",
                "About the incident",
                "Name what went wrong in a few words, give the date, and say who leads this review. List who took part and in what role.",
                "Product launch moved by two weeks (announced 2026-11-20). Lead: Jordan P.",
                "Launch problems",
                &[F::Title, F::IncidentDate, F::Owner, F::Participants, F::Reviewers, F::Severity, F::Kind, F::Category],
                &[F::Title, F::IncidentDate, F::Owner],
            ),
            sec(
                "summary",
                "Summary",
                "One paragraph a senior reader can act on: what happened, who felt it, what it cost and where things stand now.",
                "The spring launch moved from 1 to 15 March because supplier samples arrived late and the approval step had no buffer. Three retail partners were told in time; one promotion was rebooked at extra cost.",
                "The launch slipped. Lessons will be learned.",
                &[F::Summary],
                &[F::Summary],
            ),
            sec(
                "impact",
                "Who was affected and how",
                "Describe the effect on customers, partners, colleagues and money. Use figures where you have them and say where they come from.",
                "Two weeks of delay; one rebooked promotion (4,000 EUR); 11 partner enquiries answered by the sales team.",
                "Big reputational damage.",
                &[F::ImpactDescription, F::CustomersAffected, F::CustomersReported, F::BusinessMetrics],
                &[F::ImpactDescription],
            ),
            sec(
                "causes",
                "Why it happened",
                "List the circumstances that combined to cause the problem, and what finally set it off. Look at plans, handovers and agreements rather than at individuals.",
                "Set off by: samples arrived nine days late. Circumstances: the plan had no slack between approval and print; the supplier contract had no delivery date penalty; nobody was named to watch supplier dates.",
                "The buyer did not chase the supplier.",
                &[F::ContributingFactors, F::Trigger],
                &[F::ContributingFactors],
            ),
            sec(
                "resolution",
                "How it was resolved",
                "What was done to limit the damage and get back on track?",
                "The launch date was moved once, early, and partners were told in one coordinated message.",
                "Sorted out.",
                &[F::Resolution],
                &[F::Resolution],
            ),
            sec(
                "detection",
                "How we found out",
                "How and when did the problem become known, and who was told first? Could it have been seen sooner?",
                "The design team noticed the missing samples at the weekly check-in, six days after they were due.",
                "Someone mentioned it.",
                &[F::Detection, F::AlertSource, F::ReportedTo],
                &[F::Detection],
            ),
            sec(
                "actions",
                "What we will change",
                "Each change is specific and has one owner and a date. Prefer changes to plans, agreements and checks over asking people to try harder.",
                "Add a five-day buffer after every supplier delivery in launch plans — Jordan P., by 2026-12-10.",
                "Communicate better.",
                &[F::ActionItems],
                &[F::ActionItems],
            ),
            sec(
                "lessons",
                "Lessons learned",
                "What worked and should be kept, what did not, and where were we fortunate?",
                "Worked: telling partners early kept their trust. Did not: supplier dates were tracked in private notes. Fortunate: the print shop had a free slot.",
                "We learned a lot.",
                &[F::WentWell, F::WentWrong, F::GotLucky, F::Lessons],
                &[F::WentWell, F::WentWrong],
            ),
            sec(
                "timeline",
                "What happened when",
                "The main events in order with dates and times, stating facts rather than reasons.",
                "4 Nov samples due. 10 Nov weekly check-in notes they are missing. 13 Nov samples arrive. 20 Nov new launch date announced.",
                "Early November: delays.",
                &[F::Timeline, F::Times],
                &[F::Timeline],
            ),
            sec(
                "links",
                "Documents and references",
                "Link the plans, messages, contracts and notes a reader needs to check the account above.",
                "Launch plan v4; supplier contract; partner announcement of 20 Nov.",
                "Ask me.",
                &[F::Links],
                &[F::Links],
            ),
        ],
    )
}

/// Only a title and a summary; the writer adds what they need.
pub fn blank() -> Template {
    builtin(
        "blank",
        "Blank",
        "Starts with a title and a summary only. Add the sections you need; the result becomes your own template.",
        vec![sec(
            "basics",
            "Title and summary",
            "Name the incident and describe it in one paragraph. Add further sections as you need them.",
            "Wrong prices shown in the mobile app for 3 hours on 2026-11-20; orders were honoured at the lower price.",
            "Incident",
            &[F::Title, F::Summary],
            &[F::Title],
        )],
    )
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::*;
    use chrono::{NaiveDate, TimeZone};

    fn at(h: u32, m: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 20, h, m, 0).unwrap()
    }

    /// A document with something in every field every built-in template shows.
    pub(crate) fn full_doc() -> Postmortem {
        let mut d = Postmortem::new("pm-full".into(), at(16, 0));
        d.title = "Checkout errors".into();
        d.summary = "Checkout failed for 12% of attempts for 47 minutes.".into();
        d.incident_date = NaiveDate::from_ymd_opt(2026, 11, 20);
        d.owner = "Priya".into();
        d.participants.push(Participant {
            id: "p1".into(),
            name: "Sam".into(),
            role: Role::IncidentLead,
            extra: Default::default(),
        });
        d.reviewers.push("Lee".into());
        d.classification = Classification {
            severity: Some(Severity::Sev2),
            kind: Some(IncidentKind::Technical),
            category: Some(Category::Configuration),
            alert_source: Some(AlertSource::Monitoring),
            reported_to: "Payments team".into(),
            extra: Default::default(),
        };
        d.times = KeyTimes {
            started: Some(at(14, 2)),
            detected: Some(at(14, 8)),
            acknowledged: Some(at(14, 12)),
            mitigated: Some(at(14, 41)),
            resolved: Some(at(14, 49)),
            extra: Default::default(),
        };
        d.impact = Impact {
            description: "Failed checkouts".into(),
            user_visible_minutes: Some(47),
            customers_affected: Some(3400),
            customers_reported: Some(61),
            functional_severity: "Partial loss of checkout".into(),
            business_metrics: vec![BusinessMetric {
                id: "m1".into(),
                name: "Failed orders".into(),
                value: "3400".into(),
                unit: "orders".into(),
                extra: Default::default(),
            }],
            data_lost: "None".into(),
            recovery_point: Some(at(14, 0)),
            slo_budget_consumed_percent: Some(38.0),
            extra: Default::default(),
        };
        d.timeline.push(TimelineEvent {
            id: "e1".into(),
            at: Some(at(14, 2)),
            kind: EventKind::Observation,
            text: "Errors rise".into(),
            starred: false,
            extra: Default::default(),
        });
        let a = &mut d.analysis;
        a.contributing_factors.push(ContributingFactor {
            id: "c1".into(),
            text: "Pinned certificate".into(),
            category: None,
            evidence: vec![],
            extra: Default::default(),
        });
        a.trigger = "Certificate rotation".into();
        a.detection = "Alert".into();
        a.resolution = "Removed pin".into();
        a.went_well = "Runbook".into();
        a.went_wrong = "Ownership unclear".into();
        a.got_lucky = "Quiet day".into();
        a.gaps = "No expiry alert".into();
        a.lessons = "Own the client".into();
        a.four_questions.why = "Pin".into();
        d.action_items.push(ActionItem {
            id: "a1".into(),
            title: "Expiry alert".into(),
            owner: "Sam".into(),
            due: NaiveDate::from_ymd_opt(2026, 12, 4),
            status: ActionStatus::Open,
            kind: None,
            priority: None,
            ticket: String::new(),
            needs_discussion: false,
            public: false,
            extra: Default::default(),
        });
        d.links.push(Link {
            id: "l1".into(),
            label: "Dashboard".into(),
            url: "https://example.org/d".into(),
            extra: Default::default(),
        });
        for k in [
            "what_happened",
            "extent",
            "areas_involved",
            "actions_taken",
            "closure_analysis",
            "why",
        ] {
            d.sections.insert(k.into(), format!("Text for {k}"));
        }
        d
    }

    #[test]
    fn builtin_ids_are_stable_unique_and_found() {
        let ids: Vec<String> = builtin_templates().into_iter().map(|t| t.id).collect();
        assert_eq!(ids, BUILTIN_IDS.map(String::from).to_vec());
        for id in BUILTIN_IDS {
            assert_eq!(template_by_id(id).map(|t| t.id), Some(id.to_owned()));
        }
        assert!(template_by_id("nope").is_none());
    }

    #[test]
    fn every_builtin_is_valid_and_fully_guided() {
        for t in builtin_templates() {
            assert!(t.builtin);
            assert_eq!(validate_template(&t), vec![], "{}", t.id);
            assert!(!t.description.is_empty(), "{}", t.id);
            for s in &t.sections {
                let here = format!("{}/{}", t.id, s.id);
                assert!(!s.help.trim().is_empty(), "{here}: help");
                assert!(!s.good_example.trim().is_empty(), "{here}: good");
                assert!(!s.bad_example.trim().is_empty(), "{here}: bad");
                assert_ne!(s.good_example, s.bad_example, "{here}");
                assert!(!s.required.is_empty(), "{here}: requires nothing");
                for r in &s.required {
                    assert!(s.fields.iter().any(|f| f.covers(r)), "{here}: {r}");
                }
            }
        }
    }

    #[test]
    fn only_the_five_part_meeting_is_strict() {
        for t in builtin_templates() {
            assert_eq!(t.strict_order, t.id == "five_part", "{}", t.id);
        }
    }

    #[test]
    fn completion_on_empty_and_filled_documents() {
        let empty = Postmortem::new("pm-e".into(), at(9, 0));
        let full = full_doc();
        for t in builtin_templates() {
            let n = t.sections.len();
            assert_eq!(progress(&empty, &t), (0, n), "{}", t.id);
            assert_eq!(progress(&full, &t), (n, n), "{}", t.id);
            assert_eq!(first_incomplete(&full, &t), None);
            assert_eq!(first_incomplete(&empty, &t), Some(0));
        }
    }

    #[test]
    fn a_section_is_complete_only_when_all_required_fields_are_filled() {
        let t = standard();
        let about = &t.sections[0];
        let mut d = Postmortem::new("pm-x".into(), at(9, 0));
        d.title = "  ".into();
        assert!(!section_complete(&d, about));
        d.title = "Checkout errors".into();
        d.owner = "Priya".into();
        d.incident_date = NaiveDate::from_ymd_opt(2026, 11, 20);
        assert!(!section_complete(&d, about));
        assert_eq!(missing_fields(&d, about), vec![FieldId::Severity]);
        d.classification.severity = Some(Severity::Sev3);
        assert!(section_complete(&d, about));
    }

    #[test]
    fn optional_sections_complete_once_touched() {
        let s = Section {
            id: "x".into(),
            title: "X".into(),
            help: String::new(),
            good_example: String::new(),
            bad_example: String::new(),
            fields: vec![FieldId::Links],
            required: vec![],
        };
        let mut d = Postmortem::new("pm-x".into(), at(9, 0));
        assert!(!section_complete(&d, &s));
        d.links.push(Link {
            id: "l".into(),
            label: String::new(),
            url: "https://example.org".into(),
            extra: Default::default(),
        });
        assert!(section_complete(&d, &s));
    }

    #[test]
    fn strict_order_opens_sections_one_after_another() {
        let t = five_part();
        let mut d = Postmortem::new("pm-x".into(), at(9, 0));
        assert!(can_open(&d, &t, 0));
        assert!(!can_open(&d, &t, 1));
        d.title = "Login failures".into();
        assert!(can_open(&d, &t, 1));
        assert!(!can_open(&d, &t, 2));
        // Filling a later part does not unlock it while an earlier one is open.
        d.analysis.went_well = "Support escalated quickly".into();
        assert!(!can_open(&d, &t, 3));
        d.timeline.push(TimelineEvent {
            id: "e".into(),
            at: None,
            kind: EventKind::Observation,
            text: "First failures".into(),
            starred: false,
            extra: Default::default(),
        });
        d.analysis.went_wrong = "Contact list out of date".into();
        assert_eq!(first_incomplete(&d, &t), Some(4));
        assert!(can_open(&d, &t, 4));
        assert!(!can_open(&d, &t, 5));
        assert!(!can_open(&d, &t, 99));
        // Non-strict templates open anything that exists.
        assert!(can_open(&d, &standard(), 7));
    }

    #[test]
    fn switching_between_every_pair_keeps_all_content() {
        let base = full_doc();
        for from in builtin_templates() {
            for to in builtin_templates() {
                let mut d = base.clone();
                d.template = from.id.clone();
                let before = serde_json::to_value(&d).unwrap();
                let report = switch_template(&mut d, &to);
                let mut after = serde_json::to_value(&d).unwrap();
                assert_eq!(after["template"], to.id.as_str());
                after["template"] = before["template"].clone();
                assert_eq!(before, after, "{} -> {}", from.id, to.id);
                // Exactly the filled fields the target does not show are listed.
                for o in &report.outside {
                    assert!(o.field.has_content(&d));
                    assert!(!to.sections.iter().any(|s| s.shows(&o.field)));
                    assert!(!o.label.is_empty());
                }
                let listed: BTreeSet<_> = report.outside.iter().map(|o| o.field.clone()).collect();
                for f in FieldId::FIXED.iter().filter(|f| **f != FieldId::Times) {
                    let shown = to.sections.iter().any(|s| s.shows(f));
                    assert_eq!(listed.contains(f), !shown, "{} {f}", to.id);
                }
                // Switching back shows the same picture as before.
                let again = switch_template(&mut d, &from);
                assert_eq!(again.outside, fields_outside(&base, &from));
            }
        }
    }

    #[test]
    fn outside_fields_of_the_minimal_template() {
        let mut d = Postmortem::new("pm-x".into(), at(9, 0));
        d.title = "T".into();
        d.analysis.got_lucky = "Quiet day".into();
        d.times.detected = Some(at(14, 8));
        d.times.started = Some(at(14, 2));
        d.sections.insert("extent".into(), "Finance only".into());
        d.sections.insert("why".into(), "   ".into());
        let r = switch_template(&mut d, &minimal());
        let keys: Vec<String> = r.outside.iter().map(|o| o.field.key()).collect();
        assert_eq!(keys, ["times.detected", "got_lucky", "sections.extent"]);
        assert_eq!(r.outside[2].label, "Extent");
        assert_eq!(d.template, "minimal");
        assert!(switch_template(&mut d, &blank()).outside.len() == 4);
    }

    #[test]
    fn management_template_avoids_systems_jargon() {
        let t = management();
        let mut texts = vec![t.name.clone(), t.description.clone()];
        for s in &t.sections {
            texts.extend([
                s.title.clone(),
                s.help.clone(),
                s.good_example.clone(),
                s.bad_example.clone(),
            ]);
            texts.extend(s.fields.iter().map(FieldId::label));
        }
        for text in &texts {
            assert_eq!(contains_jargon(text), None, "{text}");
        }
        // The check itself catches what it should.
        assert_eq!(
            contains_jargon("We rolled back the deployment"),
            Some("deploy")
        );
        assert_eq!(contains_jargon("the API timed out"), Some("api"));
        assert_eq!(contains_jargon("SLOs were missed"), Some("slo"));
        assert_eq!(contains_jargon("paged the On-Call person"), Some("on-call"));
        assert_eq!(contains_jargon("a rapid capital product launch"), None);
        // The standard template does use engineering words.
        assert!(standard()
            .sections
            .iter()
            .any(|s| contains_jargon(&s.good_example).is_some()
                || contains_jargon(&s.help).is_some()));
    }

    #[test]
    fn field_keys_round_trip() {
        for f in FieldId::FIXED {
            assert_eq!(FieldId::from_key(&f.key()), *f);
            assert!(!f.label().is_empty());
        }
        assert_eq!(
            FieldId::from_key("sections.what_happened"),
            FieldId::text("what_happened")
        );
        assert_eq!(
            FieldId::from_key("sections.Bad Key"),
            FieldId::Unknown("sections.Bad Key".into())
        );
        assert_eq!(
            FieldId::from_key("impact.mood"),
            FieldId::Unknown("impact.mood".into())
        );
        assert_eq!(FieldId::text("what_happened").label(), "What happened");
    }

    #[test]
    fn validation_names_each_problem_with_its_path() {
        let mut t = standard().customised("tpl-x".into(), "  ");
        t.sections[1].id = "about".into();
        t.sections[2]
            .fields
            .push(FieldId::Unknown("impact.mood".into()));
        t.sections[3].required.push(FieldId::Gaps);
        t.sections[4].fields.push(FieldId::Title);
        t.sections[8].fields.push(FieldId::Detected);
        let got: Vec<String> = validate_template(&t)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            got,
            [
                "name: a template needs a name",
                "sections[1].id: \"about\" is used twice",
                "sections[2].fields[9]: unknown field \"impact.mood\"",
                "sections[3].required[2]: \"gaps\" is required but not shown in this section",
                "sections[4].fields[1]: \"title\" is already shown in section \"About the incident\" (as \"title\")",
                "sections[8].fields[2]: \"times.detected\" is already shown in this section (as \"times\")",
            ]
        );
        let mut reserved = blank().customised("standard".into(), "Mine");
        assert_eq!(validate_template(&reserved).len(), 1);
        reserved.id = "bad id".into();
        reserved.sections.clear();
        assert_eq!(validate_template(&reserved).len(), 2);
    }

    #[test]
    fn build_a_custom_template_from_a_builtin() {
        let now = at(10, 0);
        let id = custom_template_id(now, 42);
        assert!(id.starts_with("tpl-") && is_valid_id(&id));
        assert_ne!(id, custom_template_id(now, 43));
        let mut t = standard().customised(id, " Payments team ");
        assert!(!t.builtin);
        assert_eq!(t.name, "Payments team");
        let timeline = t.section_index("timeline").unwrap();
        assert!(t.move_section(timeline, 1));
        assert_eq!(t.sections[1].id, "timeline");
        assert!(t.rename_section(1, "What happened when"));
        assert!(t.set_help(1, "Our way", "good", "bad"));
        assert!(t
            .remove_section(t.section_index("links").unwrap())
            .is_some());
        let i = t.add_text_section("Customer follow-up");
        assert_eq!(t.sections[i].id, "customer_follow_up");
        assert_eq!(
            t.sections[i].fields,
            vec![FieldId::text("customer_follow_up")]
        );
        let j = t.add_text_section("Customer follow-up!");
        assert_eq!(t.sections[j].id, "customer_follow_up_2");
        let k = t.add_section(incident_report().sections[3].clone());
        assert_eq!(t.sections[k].id, "extent");
        assert_eq!(t.sections[k].fields, vec![FieldId::text("extent")]);
        assert_eq!(t.sections[k].required, vec![FieldId::text("extent")]);
        let g = t.add_text_section("2nd opinion");
        assert_eq!(t.sections[g].id, "section_2nd_opinion");
        assert_eq!(validate_template(&t), vec![]);
        // Out-of-range edits change nothing.
        let before = t.clone();
        assert!(!t.move_section(0, 99));
        assert!(!t.rename_section(99, "x"));
        assert!(!t.set_help(99, "", "", ""));
        assert!(t.remove_section(99).is_none());
        assert_eq!(t, before);
    }

    #[test]
    fn json_round_trip_and_tolerance() {
        let mut t = five_part().customised("tpl-abc".into(), "Our meeting");
        t.add_text_section("Open questions");
        let json = template_to_json(&t);
        assert_eq!(template_from_json(&json), Ok(t.clone()));
        // Unknown JSON fields are ignored, "builtin" cannot be claimed.
        let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
        v["builtin"] = true.into();
        v["colour"] = "teal".into();
        v["sections"][0]["icon"] = "star".into();
        assert_eq!(template_from_json(&v.to_string()), Ok(t));
    }

    #[test]
    fn json_errors_say_where() {
        let json = template_to_json(&standard().customised("tpl-a".into(), "A"));
        let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
        v["sections"][2]["title"] = 7.into();
        let e = template_from_json(&v.to_string()).unwrap_err();
        assert!(
            e.to_string().starts_with("sections[2].title: invalid type"),
            "{e}"
        );

        let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
        v["sections"][1]["fields"][0] = "mood".into();
        let e = template_from_json(&v.to_string()).unwrap_err();
        assert_eq!(e.to_string(), "sections[1].fields[0]: unknown field \"mood\"; sections[1].required[0]: \"summary\" is required but not shown in this section");

        assert!(matches!(
            template_from_json("{\"id\": "),
            Err(TemplateError::NotJson { .. })
        ));
        assert!(matches!(
            template_from_json("[]"),
            Err(TemplateError::Invalid { .. })
        ));
        let e = template_from_json("{\"name\":\"x\"}").unwrap_err();
        assert_eq!(e.to_string(), "missing field `id`");
        let big = " ".repeat(MAX_TEMPLATE_BYTES + 1);
        assert!(matches!(
            template_from_json(&big),
            Err(TemplateError::TooLarge { .. })
        ));
    }

    proptest::proptest! {
        #[test]
        fn template_import_never_panics(s in ".{0,300}") {
            let _ = template_from_json(&s);
        }
    }
}
