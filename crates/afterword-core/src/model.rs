//! The postmortem document (schema version 1).
//!
//! Everything a team writes about one incident lives in [`Postmortem`]. Times
//! are stored in UTC; free text is kept exactly as typed. Every collection
//! entry carries a stable id so the editor, dismissals and links can refer to
//! it across edits, exports and imports.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

mod build;

/// The schema version this build writes. Older versions are migrated on load.
pub const SCHEMA_VERSION: u32 = 1;

/// A stable identifier, unique within its collection.
pub type Id = String;

/// Fields of a stored or imported object that this version does not know,
/// by name. [`crate::restore`] fills them in; serialisation writes them back
/// beside the known fields, so nothing a newer version added is lost.
pub type Unknown = serde_json::Map<String, serde_json::Value>;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Postmortem {
    pub schema_version: u32,
    #[cfg_attr(
        feature = "schema",
        schemars(regex(pattern = r"^[A-Za-z0-9_-]{1,64}$"))
    )]
    pub id: Id,
    /// Bumped on every save; lets a second tab notice it is out of date.
    #[serde(default)]
    pub revision: u64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Id of the template that orders and guides the document.
    #[serde(default = "default_template")]
    pub template: String,
    #[serde(default)]
    pub title: String,
    /// One-paragraph executive summary.
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub incident_date: Option<NaiveDate>,
    /// The one person who drives the postmortem to completion.
    #[serde(default)]
    pub owner: String,
    #[serde(default)]
    pub participants: Vec<Participant>,
    #[serde(default)]
    pub reviewers: Vec<String>,
    #[serde(default)]
    pub classification: Classification,
    #[serde(default)]
    pub times: KeyTimes,
    #[serde(default)]
    pub impact: Impact,
    #[serde(default)]
    pub timeline: Vec<TimelineEvent>,
    #[serde(default)]
    pub analysis: Analysis,
    #[serde(default)]
    pub action_items: Vec<ActionItem>,
    #[serde(default)]
    pub links: Vec<Link>,
    #[serde(default)]
    pub workflow: Workflow,
    /// Free-text sections that templates add beyond the fixed fields
    /// (for example "resolution" or "what happened"), keyed by section id.
    #[serde(default)]
    pub sections: BTreeMap<String, String>,
    /// Blameless-language findings the team reviewed and chose to keep.
    #[serde(default)]
    pub dismissals: Vec<Dismissal>,
    /// Linter rules switched off for this document only.
    #[serde(default)]
    pub disabled_rules: Vec<String>,
    /// Fields this version does not know (written by a newer Afterword or
    /// another tool), kept as they came and written back on save and export.
    #[serde(flatten, skip_deserializing)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub extra: Unknown,
}

fn default_template() -> String {
    "standard".to_owned()
}

impl Postmortem {
    /// A new, empty draft.
    pub fn new(id: Id, now: DateTime<Utc>) -> Self {
        Postmortem {
            schema_version: SCHEMA_VERSION,
            id,
            revision: 0,
            created_at: now,
            updated_at: now,
            template: default_template(),
            title: String::new(),
            summary: String::new(),
            incident_date: None,
            owner: String::new(),
            participants: Vec::new(),
            reviewers: Vec::new(),
            classification: Classification::default(),
            times: KeyTimes::default(),
            impact: Impact::default(),
            timeline: Vec::new(),
            analysis: Analysis::default(),
            action_items: Vec::new(),
            links: Vec::new(),
            workflow: Workflow::default(),
            sections: BTreeMap::new(),
            dismissals: Vec::new(),
            disabled_rules: Vec::new(),
            extra: Unknown::new(),
        }
    }

    /// The title to show in lists: the typed one, or a placeholder.
    pub fn display_title(&self) -> &str {
        let t = self.title.trim();
        if t.is_empty() {
            "Untitled postmortem"
        } else {
            t
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Participant {
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub id: Id,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub role: Role,
    /// Fields this version does not know (written by a newer Afterword or
    /// another tool), kept as they came and written back on save and export.
    #[serde(flatten, skip_deserializing)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub extra: Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    IncidentLead,
    #[default]
    Responder,
    Scribe,
    Communications,
    SubjectExpert,
    Stakeholder,
    Reviewer,
}

impl Role {
    pub const ALL: [Role; 7] = [
        Role::IncidentLead,
        Role::Responder,
        Role::Scribe,
        Role::Communications,
        Role::SubjectExpert,
        Role::Stakeholder,
        Role::Reviewer,
    ];
    pub fn label(self) -> &'static str {
        match self {
            Role::IncidentLead => "Incident lead",
            Role::Responder => "Responder",
            Role::Scribe => "Scribe",
            Role::Communications => "Communications",
            Role::SubjectExpert => "Subject expert",
            Role::Stakeholder => "Stakeholder",
            Role::Reviewer => "Reviewer",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Classification {
    #[serde(default)]
    pub severity: Option<Severity>,
    #[serde(default)]
    pub kind: Option<IncidentKind>,
    #[serde(default)]
    pub category: Option<Category>,
    #[serde(default)]
    pub alert_source: Option<AlertSource>,
    /// The team or department the incident was reported to.
    #[serde(default)]
    pub reported_to: String,
    /// Fields this version does not know (written by a newer Afterword or
    /// another tool), kept as they came and written back on save and export.
    #[serde(flatten, skip_deserializing)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub extra: Unknown,
}

/// SEV1 is the most severe.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Severity {
    #[serde(rename = "SEV1")]
    Sev1,
    #[serde(rename = "SEV2")]
    Sev2,
    #[serde(rename = "SEV3")]
    Sev3,
    #[serde(rename = "SEV4")]
    Sev4,
    #[serde(rename = "SEV5")]
    Sev5,
}

impl Severity {
    pub const ALL: [Severity; 5] = [
        Severity::Sev1,
        Severity::Sev2,
        Severity::Sev3,
        Severity::Sev4,
        Severity::Sev5,
    ];
    pub fn label(self) -> &'static str {
        match self {
            Severity::Sev1 => "SEV1",
            Severity::Sev2 => "SEV2",
            Severity::Sev3 => "SEV3",
            Severity::Sev4 => "SEV4",
            Severity::Sev5 => "SEV5",
        }
    }
    pub fn from_label(s: &str) -> Option<Severity> {
        Severity::ALL.into_iter().find(|v| v.label() == s)
    }
}

/// Declares a plain enum stored under explicit snake_case keys, with its
/// labels and the list of all values (what a `<select>` needs).
macro_rules! labelled_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $key:literal => $label:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        pub enum $name { $(#[serde(rename = $key)] $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }
            /// The stored name, as it appears in JSON.
            pub fn key(self) -> &'static str {
                match self { $($name::$variant => $key),+ }
            }
            pub fn from_key(key: &str) -> Option<$name> {
                match key { $($key => Some($name::$variant),)+ _ => None }
            }
        }
    };
}

labelled_enum!(
    /// Technical, process or management incident.
    IncidentKind {
        Technical = "technical" => "Technical",
        Process = "process" => "Process",
        Management = "management" => "Management",
    }
);

labelled_enum!(
    Category {
        UnplannedChange = "unplanned_change" => "Unplanned change",
        Deployment = "deployment" => "Deployment",
        Capacity = "capacity" => "Capacity",
        Dependency = "dependency" => "Dependency or third party",
        Security = "security" => "Security-policy non-compliance",
        BackupFailure = "backup_failure" => "Backup failure",
        Configuration = "configuration" => "Configuration",
        DataLoss = "data_loss" => "Data loss",
        Other = "other" => "Other",
    }
);

labelled_enum!(
    /// Where the first signal of the incident came from.
    AlertSource {
        Monitoring = "monitoring" => "Monitoring",
        CustomerReport = "customer_report" => "Customer report",
        Employee = "employee" => "Employee",
        ThirdParty = "third_party" => "Third party",
    }
);

/// The key moments of an incident, in UTC. Durations derive from these.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct KeyTimes {
    #[serde(default)]
    pub started: Option<DateTime<Utc>>,
    #[serde(default)]
    pub detected: Option<DateTime<Utc>>,
    #[serde(default)]
    pub acknowledged: Option<DateTime<Utc>>,
    #[serde(default)]
    pub mitigated: Option<DateTime<Utc>>,
    #[serde(default)]
    pub resolved: Option<DateTime<Utc>>,
    /// Fields this version does not know (written by a newer Afterword or
    /// another tool), kept as they came and written back on save and export.
    #[serde(flatten, skip_deserializing)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub extra: Unknown,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Impact {
    /// What users experienced, in prose.
    #[serde(default)]
    pub description: String,
    /// Duration of user-visible impact, in minutes.
    #[serde(default)]
    pub user_visible_minutes: Option<u64>,
    #[serde(default)]
    pub customers_affected: Option<u64>,
    #[serde(default)]
    pub customers_reported: Option<u64>,
    #[serde(default)]
    pub functional_severity: String,
    #[serde(default)]
    pub business_metrics: Vec<BusinessMetric>,
    #[serde(default)]
    pub data_lost: String,
    /// The last point from which data could be recovered.
    #[serde(default)]
    pub recovery_point: Option<DateTime<Utc>>,
    /// Share of the SLO error budget consumed, in percent.
    #[serde(default)]
    pub slo_budget_consumed_percent: Option<f64>,
    /// Fields this version does not know (written by a newer Afterword or
    /// another tool), kept as they came and written back on save and export.
    #[serde(flatten, skip_deserializing)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub extra: Unknown,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BusinessMetric {
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub id: Id,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub value: String,
    #[serde(default)]
    pub unit: String,
    /// Fields this version does not know (written by a newer Afterword or
    /// another tool), kept as they came and written back on save and export.
    #[serde(flatten, skip_deserializing)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub extra: Unknown,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TimelineEvent {
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub id: Id,
    /// When it happened, in UTC. `None` while the writer has not set it.
    #[serde(default)]
    pub at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub kind: EventKind,
    #[serde(default)]
    pub text: String,
    /// Include this event in the short timeline of the report.
    #[serde(default)]
    pub starred: bool,
    /// Fields this version does not know (written by a newer Afterword or
    /// another tool), kept as they came and written back on save and export.
    #[serde(flatten, skip_deserializing)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub extra: Unknown,
}

labelled_enum!(
    EventKind {
        StatusChange = "status_change" => "Status change",
        Action = "action" => "Action",
        Observation = "observation" => "Observation",
        Decision = "decision" => "Decision",
        Communication = "communication" => "Communication",
        Unknown = "unknown_at_the_time" => "Not known at the time",
    }
);

// The enum is declared by a macro, so `#[derive(Default)]` cannot mark a variant.
#[allow(clippy::derivable_impls)]
impl Default for EventKind {
    fn default() -> Self {
        EventKind::Observation
    }
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Analysis {
    #[serde(default)]
    pub contributing_factors: Vec<ContributingFactor>,
    /// What set the incident off, as distinct from the conditions behind it.
    #[serde(default)]
    pub trigger: String,
    #[serde(default)]
    pub detection: String,
    #[serde(default)]
    pub resolution: String,
    #[serde(default)]
    pub went_well: String,
    #[serde(default)]
    pub went_wrong: String,
    #[serde(default)]
    pub got_lucky: String,
    #[serde(default)]
    pub gaps: String,
    #[serde(default)]
    pub lessons: String,
    /// Why only one contributing factor is listed, when that is the case.
    #[serde(default)]
    pub single_factor_reason: String,
    #[serde(default)]
    pub four_questions: FourQuestions,
    /// Fields this version does not know (written by a newer Afterword or
    /// another tool), kept as they came and written back on save and export.
    #[serde(flatten, skip_deserializing)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub extra: Unknown,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ContributingFactor {
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub id: Id,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub category: Option<Category>,
    /// Links to dashboards, logs or threads that support the factor.
    #[serde(default)]
    pub evidence: Vec<String>,
    /// Fields this version does not know (written by a newer Afterword or
    /// another tool), kept as they came and written back on save and export.
    #[serde(flatten, skip_deserializing)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub extra: Unknown,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FourQuestions {
    #[serde(default)]
    pub intended: String,
    #[serde(default)]
    pub actual: String,
    #[serde(default)]
    pub why: String,
    #[serde(default)]
    pub prevention: String,
    /// Fields this version does not know (written by a newer Afterword or
    /// another tool), kept as they came and written back on save and export.
    #[serde(flatten, skip_deserializing)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub extra: Unknown,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ActionItem {
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub id: Id,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub owner: String,
    #[serde(default)]
    pub due: Option<NaiveDate>,
    #[serde(default)]
    pub status: ActionStatus,
    #[serde(default)]
    pub kind: Option<ActionKind>,
    #[serde(default)]
    pub priority: Option<Priority>,
    #[serde(default)]
    pub ticket: String,
    /// Raise this item in the review meeting.
    #[serde(default)]
    pub needs_discussion: bool,
    /// Listed under "What will change" in the customer-facing summary.
    /// Written only when set, so files without public items stay unchanged.
    #[serde(default, skip_serializing_if = "is_false")]
    pub public: bool,
    /// Fields this version does not know (written by a newer Afterword or
    /// another tool), kept as they came and written back on save and export.
    #[serde(flatten, skip_deserializing)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub extra: Unknown,
}

fn is_false(b: &bool) -> bool {
    !*b
}

labelled_enum!(
    ActionStatus {
        Open = "open" => "Open",
        InProgress = "in_progress" => "In progress",
        Done = "done" => "Done",
        WontDo = "wont_do" => "Won't do",
    }
);

// The enum is declared by a macro, so `#[derive(Default)]` cannot mark a variant.
#[allow(clippy::derivable_impls)]
impl Default for ActionStatus {
    fn default() -> Self {
        ActionStatus::Open
    }
}

labelled_enum!(
    ActionKind {
        Prevent = "prevent" => "Prevent",
        Detect = "detect" => "Detect",
        Mitigate = "mitigate" => "Mitigate",
        Process = "process" => "Process",
        Documentation = "documentation" => "Documentation",
    }
);

labelled_enum!(
    Priority {
        P1 = "p1" => "P1 (urgent)",
        P2 = "p2" => "P2",
        P3 = "p3" => "P3",
    }
);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Link {
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub id: Id,
    #[serde(default)]
    pub label: String,
    #[serde(default)]
    pub url: String,
    /// Fields this version does not know (written by a newer Afterword or
    /// another tool), kept as they came and written back on save and export.
    #[serde(flatten, skip_deserializing)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub extra: Unknown,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Workflow {
    #[serde(default)]
    pub status: WorkflowStatus,
    /// Every status change, oldest first.
    #[serde(default)]
    pub history: Vec<StatusChange>,
    /// Fields this version does not know (written by a newer Afterword or
    /// another tool), kept as they came and written back on save and export.
    #[serde(flatten, skip_deserializing)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub extra: Unknown,
}

labelled_enum!(
    WorkflowStatus {
        Draft = "draft" => "Draft",
        InReview = "in_review" => "In review",
        Reviewed = "reviewed" => "Reviewed",
        Published = "published" => "Published",
        Closed = "closed" => "Closed",
    }
);

// The enum is declared by a macro, so `#[derive(Default)]` cannot mark a variant.
#[allow(clippy::derivable_impls)]
impl Default for WorkflowStatus {
    fn default() -> Self {
        WorkflowStatus::Draft
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StatusChange {
    pub status: WorkflowStatus,
    #[serde(default)]
    pub by: String,
    pub at: DateTime<Utc>,
    /// Fields this version does not know (written by a newer Afterword or
    /// another tool), kept as they came and written back on save and export.
    #[serde(flatten, skip_deserializing)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub extra: Unknown,
}

/// A blameless-language finding the team looked at and decided to keep.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Dismissal {
    /// The finding's fingerprint (rule and text, not its position).
    pub fingerprint: String,
    pub rule: String,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub reason: String,
    pub at: DateTime<Utc>,
    /// Fields this version does not know (written by a newer Afterword or
    /// another tool), kept as they came and written back on save and export.
    #[serde(flatten, skip_deserializing)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub extra: Unknown,
}
