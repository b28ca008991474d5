//! The field table: every field of a postmortem, described once.
//!
//! A [`FieldSpec`] says what a field is called ([`FieldSpec::label`]), what to
//! write in it ([`FieldSpec::hint`]), what kind of value it holds, which part
//! of the document it belongs to ([`DocSection`]) and how to read and write it
//! on a [`Postmortem`]. Its [`FieldSpec::key`] is the field's path in the
//! stored JSON (`analysis.four_questions.why`), and the one name every other
//! part of Afterword uses for it: templates, the linter, the editor's
//! controls (`data-field`), the checklist's "Go to it", the Markdown export
//! and the report. Keys written by earlier versions stay readable
//! ([`FieldSpec::old_keys`], [`spec`]).
//!
//! Adding a field is one row in [`FIELDS`] plus its member on the model; a
//! test walks a fully filled document and proves every stored value has
//! exactly one row.

use chrono::{DateTime, NaiveDate, Utc};

use crate::model::{AlertSource, Category, IncidentKind, Postmortem, Severity, TimelineEvent};

/// The parts a postmortem is printed in, in their default order (the
/// Markdown export and the report share these).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DocSection {
    Metadata,
    Summary,
    Impact,
    Times,
    Timeline,
    Analysis,
    FourQuestions,
    Lessons,
    ActionItems,
    Links,
}

impl DocSection {
    /// Every part, in the default order.
    pub const ALL: [DocSection; 10] = [
        DocSection::Metadata,
        DocSection::Summary,
        DocSection::Impact,
        DocSection::Times,
        DocSection::Timeline,
        DocSection::Analysis,
        DocSection::FourQuestions,
        DocSection::Lessons,
        DocSection::ActionItems,
        DocSection::Links,
    ];

    /// The id used in section orders (`afterword export --order`).
    pub fn id(self) -> &'static str {
        match self {
            DocSection::Metadata => "metadata",
            DocSection::Summary => "summary",
            DocSection::Impact => "impact",
            DocSection::Times => "times",
            DocSection::Timeline => "timeline",
            DocSection::Analysis => "analysis",
            DocSection::FourQuestions => "four_questions",
            DocSection::Lessons => "lessons",
            DocSection::ActionItems => "action_items",
            DocSection::Links => "links",
        }
    }

    /// The heading this part is printed under.
    pub fn title(self) -> &'static str {
        match self {
            DocSection::Metadata => "Details",
            DocSection::Summary => "Summary",
            DocSection::Impact => "Impact",
            DocSection::Times => "Key times",
            DocSection::Timeline => "Timeline",
            DocSection::Analysis => "Analysis",
            DocSection::FourQuestions => "The four questions",
            DocSection::Lessons => "Lessons learned",
            DocSection::ActionItems => "Action items",
            DocSection::Links => "Links",
        }
    }

    pub fn from_id(id: &str) -> Option<DocSection> {
        DocSection::ALL.into_iter().find(|s| s.id() == id)
    }

    /// The fields printed in this part, in table order.
    pub fn fields(self) -> impl Iterator<Item = &'static FieldSpec> {
        FIELDS.iter().filter(move |f| f.section == self)
    }
}

/// Where a value lives on a document: one function to read it, one to write.
pub struct Slot<T: 'static> {
    pub get: fn(&Postmortem) -> &T,
    pub get_mut: fn(&mut Postmortem) -> &mut T,
}

/// One choice of a [`FieldValue::Choice`] field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    /// What is stored ("SEV1", "technical").
    pub key: &'static str,
    pub label: &'static str,
}

/// A field that holds one of a fixed set of values, or nothing.
pub struct ChoiceSlot {
    pub choices: fn() -> Vec<Choice>,
    /// The stored key of the current value; `None` when unset.
    pub get: fn(&Postmortem) -> Option<&'static str>,
    /// Sets the value from a stored key; an empty or unknown key unsets it.
    pub set: fn(&mut Postmortem, &str),
}

/// The text of one row of a list (a timeline event's text), addressed by the
/// row's id.
pub struct RowText {
    /// Every row's id and text, in order.
    pub rows: fn(&Postmortem) -> Vec<(&str, &str)>,
    pub get_mut: for<'a, 'b> fn(&'a mut Postmortem, &'b str) -> Option<&'a mut String>,
    /// What a person calls row `index` ("Timeline event at 14:02").
    pub row_label: fn(&Postmortem, usize) -> String,
    /// Read by the linter as an action title rather than as prose.
    pub action_title: bool,
}

/// One field of a list's rows.
pub struct RowSpec {
    /// The member of the row ("text", "due").
    pub key: &'static str,
    pub label: &'static str,
    pub kind: FieldKind,
    /// Set for the row's main free text, which the linter reads.
    pub text: Option<RowText>,
}

/// A list of rows (timeline events, action items, participants…).
pub struct ListSlot {
    pub rows: &'static [RowSpec],
    pub len: fn(&Postmortem) -> usize,
    /// True when some row holds something typed.
    pub filled: fn(&Postmortem) -> bool,
}

/// How a field's value is read and written.
pub enum FieldValue {
    Text {
        slot: Slot<String>,
        multiline: bool,
        /// Read by the blameless-language linter.
        linted: bool,
    },
    Time(Slot<Option<DateTime<Utc>>>),
    Date(Slot<Option<NaiveDate>>),
    /// A whole number (minutes, customers).
    Count(Slot<Option<u64>>),
    /// A percentage, 0 to 100.
    Percent(Slot<Option<f64>>),
    Choice(ChoiceSlot),
    List(ListSlot),
}

/// What kind of value a field holds: what control edits it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// Free text. `multiline` for paragraphs; `linted` when the
    /// blameless-language linter reads it.
    Text {
        multiline: bool,
        linted: bool,
    },
    /// A moment in UTC.
    Time,
    Date,
    Count,
    Percent,
    Choice,
    /// A yes/no flag of a list row.
    Flag,
    List,
}

/// One field of a postmortem.
pub struct FieldSpec {
    /// The field's stable name: its path in the stored JSON.
    pub key: &'static str,
    /// Names earlier versions used for it (in templates), still read.
    pub old_keys: &'static [&'static str],
    pub label: &'static str,
    /// What to write, shown under the label; may be empty.
    pub hint: &'static str,
    pub section: DocSection,
    pub value: FieldValue,
}

impl FieldSpec {
    /// True when the document holds something here. Blank text, unset values
    /// and list rows with nothing typed in them are empty.
    pub fn has_content(&self, doc: &Postmortem) -> bool {
        match &self.value {
            FieldValue::Text { slot, .. } => !(slot.get)(doc).trim().is_empty(),
            FieldValue::Time(s) => (s.get)(doc).is_some(),
            FieldValue::Date(s) => (s.get)(doc).is_some(),
            FieldValue::Count(s) => (s.get)(doc).is_some(),
            FieldValue::Percent(s) => (s.get)(doc).is_some(),
            FieldValue::Choice(c) => (c.get)(doc).is_some(),
            FieldValue::List(l) => (l.filled)(doc),
        }
    }

    /// The text of a text field; `None` for other kinds.
    pub fn text<'a>(&self, doc: &'a Postmortem) -> Option<&'a str> {
        match &self.value {
            FieldValue::Text { slot, .. } => Some((slot.get)(doc).as_str()),
            _ => None,
        }
    }

    /// The text field's storage, for writing; `None` for other kinds.
    pub fn text_mut<'a>(&self, doc: &'a mut Postmortem) -> Option<&'a mut String> {
        match &self.value {
            FieldValue::Text { slot, .. } => Some((slot.get_mut)(doc)),
            _ => None,
        }
    }

    /// What kind of value the field holds.
    pub fn kind(&self) -> FieldKind {
        match &self.value {
            FieldValue::Text {
                multiline, linted, ..
            } => FieldKind::Text {
                multiline: *multiline,
                linted: *linted,
            },
            FieldValue::Time(_) => FieldKind::Time,
            FieldValue::Date(_) => FieldKind::Date,
            FieldValue::Count(_) => FieldKind::Count,
            FieldValue::Percent(_) => FieldKind::Percent,
            FieldValue::Choice(_) => FieldKind::Choice,
            FieldValue::List(_) => FieldKind::List,
        }
    }

    /// True for free text the linter reads.
    pub fn linted(&self) -> bool {
        matches!(self.value, FieldValue::Text { linted: true, .. })
    }

    /// The rows of a list field; empty for other kinds.
    pub fn rows(&self) -> &'static [RowSpec] {
        match &self.value {
            FieldValue::List(l) => l.rows,
            _ => &[],
        }
    }

    /// The path of one row's member: `timeline[ev-1].text`.
    pub fn row_path(&self, id: &str, row_key: &str) -> String {
        format!("{}[{id}].{row_key}", self.key)
    }
}

/// The field with this key, or one of its old keys.
pub fn spec(key: &str) -> Option<&'static FieldSpec> {
    FIELDS
        .iter()
        .find(|f| f.key == key)
        .or_else(|| FIELDS.iter().find(|f| f.old_keys.contains(&key)))
}

fn choices<T: Copy>(
    all: &[T],
    key: fn(T) -> &'static str,
    label: fn(T) -> &'static str,
) -> Vec<Choice> {
    all.iter()
        .map(|v| Choice {
            key: key(*v),
            label: label(*v),
        })
        .collect()
}

fn filled(s: &str) -> bool {
    !s.trim().is_empty()
}

macro_rules! text {
    ($($path:ident).+, multiline: $m:expr, linted: $l:expr) => {
        FieldValue::Text {
            slot: Slot {
                get: |d| &d.$($path).+,
                get_mut: |d| &mut d.$($path).+,
            },
            multiline: $m,
            linted: $l,
        }
    };
}

macro_rules! slot {
    ($variant:ident, $($path:ident).+) => {
        FieldValue::$variant(Slot {
            get: |d| &d.$($path).+,
            get_mut: |d| &mut d.$($path).+,
        })
    };
}

macro_rules! choice {
    ($ty:ident, $($path:ident).+) => {
        choice!($ty, $($path).+; key, from_key)
    };
    ($ty:ident, $($path:ident).+; $key:ident, $from:ident) => {
        FieldValue::Choice(ChoiceSlot {
            choices: || choices(&$ty::ALL[..], $ty::$key, $ty::label),
            get: |d| d.$($path).+.map($ty::$key),
            set: |d, key| d.$($path).+ = $ty::$from(key),
        })
    };
}

macro_rules! f {
    ($key:literal, [$($old:literal),*], $label:literal, $hint:literal, $section:expr, $value:expr $(,)?) => {
        FieldSpec {
            key: $key,
            old_keys: &[$($old),*],
            label: $label,
            hint: $hint,
            section: $section,
            value: $value,
        }
    };
}

const fn row(key: &'static str, label: &'static str, kind: FieldKind) -> RowSpec {
    RowSpec {
        key,
        label,
        kind,
        text: None,
    }
}

const LINE: FieldKind = FieldKind::Text {
    multiline: false,
    linted: false,
};

fn event_label(d: &Postmortem, i: usize) -> String {
    match d.timeline.get(i).and_then(|e: &TimelineEvent| e.at) {
        Some(at) => format!("Timeline event at {}", at.format("%H:%M")),
        None => format!("Timeline event {}", i + 1),
    }
}

use DocSection as S;

/// Every field of a postmortem, in reading order.
#[rustfmt::skip]
pub static FIELDS: &[FieldSpec] = &[

    f!("title", [], "Title", "A short name people will recognise, e.g. \"Checkout errors after the 2.14 release\".", S::Metadata, text!(title, multiline: false, linted: true)),
    f!("summary", [], "Summary", "One paragraph: what happened, who was affected, for how long, and what changes now.", S::Summary, text!(summary, multiline: true, linted: true)),
    f!("incident_date", [], "Incident date", "", S::Metadata, slot!(Date, incident_date)),
    f!("owner", [], "Owner", "The one person who drives this postmortem to done.", S::Metadata, text!(owner, multiline: false, linted: false)),
    f!("participants", [], "Participants", "Everyone who took part in the response, with their role.", S::Metadata, FieldValue::List(ListSlot {
            rows: &[row("name", "Name", LINE), row("role", "Role", FieldKind::Choice)],
            len: |d| d.participants.len(),
            filled: |d| d.participants.iter().any(|p| filled(&p.name)),
        })),
    f!("reviewers", [], "Reviewers", "Who reviews the document before it is shared.", S::Metadata, FieldValue::List(ListSlot {
            rows: &[],
            len: |d| d.reviewers.len(),
            filled: |d| d.reviewers.iter().any(|r| filled(r)),
        })),
    f!("classification.severity", ["severity"], "Severity", "", S::Metadata, choice!(Severity, classification.severity; label, from_label)),
    f!("classification.kind", ["kind"], "Kind", "Technical, process or management.", S::Metadata, choice!(IncidentKind, classification.kind)),
    f!("classification.category", ["category"], "Category", "", S::Metadata, choice!(Category, classification.category)),
    f!("classification.alert_source", ["alert_source"], "Alert source", "Where the first signal came from.", S::Metadata, choice!(AlertSource, classification.alert_source)),
    f!("classification.reported_to", ["reported_to"], "Reported to", "The team or department the incident was reported to.", S::Metadata, text!(classification.reported_to, multiline: false, linted: false)),
    f!("times.started", [], "Started", "", S::Times, slot!(Time, times.started)),
    f!("times.detected", [], "Detected", "", S::Times, slot!(Time, times.detected)),
    f!("times.acknowledged", [], "Acknowledged", "", S::Times, slot!(Time, times.acknowledged)),
    f!("times.mitigated", [], "Mitigated", "", S::Times, slot!(Time, times.mitigated)),
    f!("times.resolved", [], "Resolved", "", S::Times, slot!(Time, times.resolved)),
    f!("impact.description", [], "What users experienced", "Who was affected, how, and how many. Numbers beat adjectives.", S::Impact, text!(impact.description, multiline: true, linted: true)),
    f!("impact.user_visible_minutes", [], "User-visible impact", "How long users saw the problem, in minutes.", S::Impact, slot!(Count, impact.user_visible_minutes)),
    f!("impact.customers_affected", [], "Customers affected", "", S::Impact, slot!(Count, impact.customers_affected)),
    f!("impact.customers_reported", [], "Customers who reported it", "", S::Impact, slot!(Count, impact.customers_reported)),
    f!("impact.functional_severity", [], "Functional severity", "The type of impact, for example: checkout unavailable, reports delayed, degraded search.", S::Impact, text!(impact.functional_severity, multiline: false, linted: true)),
    f!("impact.business_metrics", [], "Business figures", "Failed requests, orders lost, notifications delayed: a name, a value and a unit.", S::Impact, FieldValue::List(ListSlot {
            rows: &[row("name", "Figure", LINE), row("value", "Value", LINE), row("unit", "Unit", LINE)],
            len: |d| d.impact.business_metrics.len(),
            filled: |d| d.impact.business_metrics.iter().any(|m| filled(&m.name) || filled(&m.value)),
        })),
    f!("impact.data_lost", [], "Data lost", "What was lost for good, if anything, and whether it was recovered.", S::Impact, text!(impact.data_lost, multiline: true, linted: true)),
    f!("impact.recovery_point", [], "Recovery point", "", S::Impact, slot!(Time, impact.recovery_point)),
    f!("impact.slo_budget_consumed_percent", [], "SLO error budget consumed", "Share of the error budget used up, in percent (0 to 100).", S::Impact, slot!(Percent, impact.slo_budget_consumed_percent)),
    f!("timeline", [], "Timeline", "One row per event, its time in UTC. Star the rows the report's short timeline shows.", S::Timeline, FieldValue::List(ListSlot {
            rows: &[
                row("at", "Time (UTC)", FieldKind::Time),
                row("kind", "Kind", FieldKind::Choice),
                RowSpec {
                    key: "text",
                    label: "Event",
                    kind: FieldKind::Text { multiline: false, linted: true },
                    text: Some(RowText {
                        rows: |d| d.timeline.iter().map(|e| (e.id.as_str(), e.text.as_str())).collect(),
                        get_mut: |d, id| d.timeline.iter_mut().find(|e| e.id == id).map(|e| &mut e.text),
                        row_label: event_label,
                        action_title: false,
                    }),
                },
                row("starred", "Show in the short timeline", FieldKind::Flag),
            ],
            len: |d| d.timeline.len(),
            filled: |d| d.timeline.iter().any(|e| filled(&e.text) || e.at.is_some()),
        })),
    f!("analysis.contributing_factors", ["contributing_factors"], "Contributing factors", "Complex systems rarely fail for one reason. List each condition that made this incident possible or worse. Start a factor with \"?\" to raise it as an open question in the meeting.", S::Analysis, FieldValue::List(ListSlot {
            rows: &[
                RowSpec {
                    key: "text",
                    label: "Factor",
                    kind: FieldKind::Text { multiline: true, linted: true },
                    text: Some(RowText {
                        rows: |d| d.analysis.contributing_factors.iter().map(|c| (c.id.as_str(), c.text.as_str())).collect(),
                        get_mut: |d, id| d.analysis.contributing_factors.iter_mut().find(|c| c.id == id).map(|c| &mut c.text),
                        row_label: |_, i| format!("Contributing factor {}", i + 1),
                        action_title: false,
                    }),
                },
                row("category", "Category", FieldKind::Choice),
                row("evidence", "Evidence links (one per line)", FieldKind::Text { multiline: true, linted: false }),
            ],
            len: |d| d.analysis.contributing_factors.len(),
            filled: |d| d.analysis.contributing_factors.iter().any(|c| filled(&c.text)),
        })),
    f!("analysis.trigger", ["trigger"], "Trigger", "What set the incident off, as distinct from the conditions that let it happen.", S::Analysis, text!(analysis.trigger, multiline: true, linted: true)),
    f!("analysis.detection", ["detection"], "Detection", "How the problem was noticed, and how it could be noticed sooner.", S::Analysis, text!(analysis.detection, multiline: true, linted: true)),
    f!("analysis.resolution", ["resolution"], "Resolution", "What stopped the impact and what fixed the cause.", S::Analysis, text!(analysis.resolution, multiline: true, linted: true)),
    f!("analysis.went_well", ["went_well"], "What went well", "", S::Lessons, text!(analysis.went_well, multiline: true, linted: true)),
    f!("analysis.went_wrong", ["went_wrong"], "What went wrong", "Describe conditions and systems, not people.", S::Lessons, text!(analysis.went_wrong, multiline: true, linted: true)),
    f!("analysis.got_lucky", ["got_lucky"], "Where we got lucky", "", S::Lessons, text!(analysis.got_lucky, multiline: true, linted: true)),
    f!("analysis.gaps", ["gaps"], "Gaps identified", "Missing alerts, runbooks, access, training or tools.", S::Lessons, text!(analysis.gaps, multiline: true, linted: true)),
    f!("analysis.lessons", ["lessons"], "Lessons learned", "", S::Lessons, text!(analysis.lessons, multiline: true, linted: true)),
    f!("analysis.single_factor_reason", [], "Why only one factor", "Most incidents have several. If you are sure this one had a single cause, say why, so readers do not have to wonder what was missed.", S::Analysis, text!(analysis.single_factor_reason, multiline: true, linted: true)),
    f!("analysis.four_questions.intended", [], "What was supposed to happen", "", S::FourQuestions, text!(analysis.four_questions.intended, multiline: true, linted: true)),
    f!("analysis.four_questions.actual", [], "What actually happened", "", S::FourQuestions, text!(analysis.four_questions.actual, multiline: true, linted: true)),
    f!("analysis.four_questions.why", [], "Why it happened", "Why what happened differed from what was supposed to: conditions and systems, not people.", S::FourQuestions, text!(analysis.four_questions.why, multiline: true, linted: true)),
    f!("analysis.four_questions.prevention", [], "How we avoid it next time", "", S::FourQuestions, text!(analysis.four_questions.prevention, multiline: true, linted: true)),
    f!("action_items", [], "Action items", "Each item is one specific change with an owner and a due date: \"Add a canary stage to the checkout deploy\" rather than \"Be more careful\".", S::ActionItems, FieldValue::List(ListSlot {
            rows: &[
                RowSpec {
                    key: "title",
                    label: "Action",
                    kind: FieldKind::Text { multiline: false, linted: true },
                    text: Some(RowText {
                        rows: |d| d.action_items.iter().map(|a| (a.id.as_str(), a.title.as_str())).collect(),
                        get_mut: |d, id| d.action_items.iter_mut().find(|a| a.id == id).map(|a| &mut a.title),
                        row_label: |_, i| format!("Action item {}", i + 1),
                        action_title: true,
                    }),
                },
                row("owner", "Owner", LINE),
                row("due", "Due", FieldKind::Date),
                row("status", "Status", FieldKind::Choice),
                row("kind", "Kind", FieldKind::Choice),
                row("priority", "Priority", FieldKind::Choice),
                row("ticket", "Ticket link", LINE),
                row("needs_discussion", "Needs discussion", FieldKind::Flag),
                row("public", "In the customer-facing summary", FieldKind::Flag),
            ],
            len: |d| d.action_items.len(),
            filled: |d| d.action_items.iter().any(|a| filled(&a.title)),
        })),
    f!("links", [], "Links", "Dashboards, logs, chat threads and tickets a reader needs to check the facts.", S::Links, FieldValue::List(ListSlot {
            rows: &[row("label", "Label", LINE), row("url", "Address", LINE)],
            len: |d| d.links.len(),
            filled: |d| d.links.iter().any(|l| filled(&l.url) || filled(&l.label)),
        })),
    ];

/// Which words a template shows for its fields.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Words {
    /// The field table's own labels and hints.
    #[default]
    Usual,
    /// Everyday words for incidents outside engineering and for readers
    /// who do not run systems (the management template): [`PLAIN`].
    Plain,
}

/// Everyday labels and hints (key, label, hint) for the fields whose usual
/// words come from running systems ("Trigger", "Acknowledged", "complex
/// systems"). A field not listed keeps its usual words, which are plain
/// already.
#[rustfmt::skip]
pub const PLAIN: &[(&str, &str, &str)] = &[
    ("title", "Title", "A short name people will recognise, e.g. \"Spring launch moved by two weeks\"."),
    ("times.started", "Began", ""),
    ("times.detected", "Noticed", ""),
    ("times.acknowledged", "Someone took charge", ""),
    ("times.mitigated", "Effects contained", ""),
    ("times.resolved", "Back to normal", ""),
    ("impact.description", "Who was affected and how", "Customers, partners, colleagues: who felt it, how, and how many. Figures beat adjectives."),
    ("impact.business_metrics", "Business figures", "Orders lost, deliveries late, hours spent, money: a name, a value and a unit."),
    ("timeline", "What happened when", "One row per event, with its date and time. Star the rows the report's short timeline shows."),
    ("action_items", "What we will change", "Each change is specific, with one owner and a date: \"Add a five-day buffer after supplier deliveries\" rather than \"Communicate better\"."),
    ("analysis.contributing_factors", "Circumstances that combined", "Problems rarely have one cause. List each circumstance that made this possible or worse. Start one with \"?\" to raise it as an open question in the meeting."),
    ("analysis.trigger", "What set it off", "The event that started the problem, as distinct from the circumstances that let it happen."),
    ("analysis.detection", "How we found out", "How the problem came to light, and how it could be seen sooner."),
    ("analysis.resolution", "How it was resolved", "What limited the damage and what put things right."),
    ("analysis.went_wrong", "What went wrong", "Describe plans, handovers and agreements, not people."),
    ("analysis.gaps", "Gaps identified", "Missing checks, instructions, access, training or tools."),
    ("classification.alert_source", "How we first heard", "Where the first sign came from."),
    ("links", "Documents and references", "Plans, messages, contracts and notes a reader needs to check the facts."),
];

impl FieldSpec {
    /// The label shown for this field in a template with these `words`.
    pub fn label_in(&self, words: Words) -> &'static str {
        self.plain(words).map_or(self.label, |p| p.1)
    }

    /// The hint shown for this field in a template with these `words`.
    pub fn hint_in(&self, words: Words) -> &'static str {
        self.plain(words).map_or(self.hint, |p| p.2)
    }

    fn plain(&self, words: Words) -> Option<&'static (&'static str, &'static str, &'static str)> {
        match words {
            Words::Usual => None,
            Words::Plain => PLAIN.iter().find(|p| p.0 == self.key),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use chrono::TimeZone;
    use serde_json::Value;

    use super::*;
    use crate::fixture::full_postmortem;

    /// Members of a postmortem that are not fields a person writes: the
    /// document's identity and bookkeeping, its free-text sections (keyed
    /// by the template) and the linter's memory.
    const NOT_FIELDS: &[&str] = &[
        "schema_version",
        "id",
        "revision",
        "created_at",
        "updated_at",
        "template",
        "workflow",
        "sections",
        "dismissals",
        "disabled_rules",
    ];

    /// Every stored value's path: `impact.data_lost`, a list as `timeline`
    /// and each member of its rows as `timeline[].text` (row ids aside).
    fn paths(v: &Value, path: &str, out: &mut Vec<String>) {
        match v {
            Value::Object(members) => {
                for (k, x) in members {
                    let p = if path.is_empty() {
                        k.clone()
                    } else {
                        format!("{path}.{k}")
                    };
                    if !NOT_FIELDS.contains(&p.as_str()) {
                        paths(x, &p, out);
                    }
                }
            }
            Value::Array(items) => {
                out.push(path.to_owned());
                let mut seen = BTreeSet::new();
                for item in items {
                    for k in item.as_object().into_iter().flat_map(|m| m.keys()) {
                        if k != "id" && seen.insert(k.clone()) {
                            out.push(format!("{path}[].{k}"));
                        }
                    }
                }
            }
            _ => out.push(path.to_owned()),
        }
    }

    #[test]
    fn every_field_of_the_model_has_exactly_one_row_and_one_label() {
        let doc = serde_json::to_value(full_postmortem()).unwrap();
        let mut stored = Vec::new();
        paths(&doc, "", &mut stored);
        stored.sort();
        let mut described: Vec<String> = Vec::new();
        for f in FIELDS {
            described.push(f.key.to_owned());
            for r in f.rows() {
                described.push(format!("{}[].{}", f.key, r.key));
            }
        }
        described.sort();
        assert_eq!(described, stored, "the field table and the model differ");
        let labels: BTreeSet<&str> = FIELDS.iter().map(|f| f.label).collect();
        assert_eq!(labels.len(), FIELDS.len(), "two fields share a label");
        for f in FIELDS {
            assert!(!f.label.trim().is_empty(), "{}", f.key);
            for old in f.old_keys {
                assert!(spec(old).is_some_and(|s| s.key == f.key), "{old}");
                assert!(FIELDS.iter().all(|g| g.key != *old), "{old} is a key");
            }
        }
    }

    #[test]
    fn each_row_reads_and_writes_the_member_its_key_names() {
        let t = Utc.with_ymd_and_hms(2030, 1, 2, 3, 4, 0).unwrap();
        for f in FIELDS {
            let mut doc = full_postmortem();
            let expected: Value = match &f.value {
                FieldValue::Text { slot, .. } => {
                    *(slot.get_mut)(&mut doc) = "probe".into();
                    assert_eq!((slot.get)(&doc), "probe");
                    "probe".into()
                }
                FieldValue::Time(slot) => {
                    *(slot.get_mut)(&mut doc) = Some(t);
                    serde_json::to_value(t).unwrap()
                }
                FieldValue::Date(slot) => {
                    *(slot.get_mut)(&mut doc) = Some(t.date_naive());
                    "2030-01-02".into()
                }
                FieldValue::Count(slot) => {
                    *(slot.get_mut)(&mut doc) = Some(424_242);
                    424_242.into()
                }
                FieldValue::Percent(slot) => {
                    *(slot.get_mut)(&mut doc) = Some(12.5);
                    12.5.into()
                }
                FieldValue::Choice(c) => {
                    let last = (c.choices)().last().copied().unwrap();
                    (c.set)(&mut doc, last.key);
                    assert_eq!((c.get)(&doc), Some(last.key), "{}", f.key);
                    (c.set)(&mut doc, "");
                    assert_eq!((c.get)(&doc), None, "{}", f.key);
                    assert!(!f.has_content(&doc), "{}", f.key);
                    (c.set)(&mut doc, last.key);
                    last.key.into()
                }
                FieldValue::List(l) => {
                    let json = serde_json::to_value(&doc).unwrap();
                    let at = json.pointer(&format!("/{}", f.key.replace('.', "/")));
                    let n = at.and_then(Value::as_array).map(Vec::len);
                    assert_eq!(n, Some((l.len)(&doc)), "{}", f.key);
                    continue;
                }
            };
            let json = serde_json::to_value(&doc).unwrap();
            let at = json.pointer(&format!("/{}", f.key.replace('.', "/")));
            assert_eq!(at, Some(&expected), "{}", f.key);
            assert!(f.has_content(&doc), "{}", f.key);
        }
    }

    #[test]
    fn list_row_texts_are_found_and_written_by_id() {
        let mut doc = full_postmortem();
        let timeline = spec("timeline").unwrap();
        let text = timeline
            .rows()
            .iter()
            .find_map(|r| r.text.as_ref())
            .unwrap();
        assert_eq!((text.rows)(&doc)[1], ("e2", "Error rate alert fired"));
        assert_eq!((text.row_label)(&doc, 0), "Timeline event at 14:00");
        assert_eq!((text.row_label)(&doc, 2), "Timeline event 3");
        *(text.get_mut)(&mut doc, "e2").unwrap() = "changed".into();
        assert_eq!(doc.timeline[1].text, "changed");
        assert!((text.get_mut)(&mut doc, "nope").is_none());
        assert_eq!(timeline.row_path("e2", "text"), "timeline[e2].text");
    }

    #[test]
    fn old_template_keys_still_find_their_field() {
        assert_eq!(spec("trigger").map(|s| s.key), Some("analysis.trigger"));
        assert_eq!(
            spec("severity").map(|s| s.key),
            Some("classification.severity")
        );
        assert!(spec("impact.mood").is_none());
    }

    #[test]
    fn every_part_of_the_document_has_fields_and_a_title() {
        for part in DocSection::ALL {
            assert!(part.fields().next().is_some(), "{part:?}");
            assert_eq!(DocSection::from_id(part.id()), Some(part));
            assert!(!part.title().is_empty());
        }
    }
}
