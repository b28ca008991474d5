//! The templates shipped with Afterword. Their texts are data: one JSON file
//! per template in `builtin/`, in the same format as a shared template file,
//! read once on first use.

use std::sync::OnceLock;

use super::Template;

/// Ids of the built-in templates, in the order they are offered.
pub const BUILTIN_IDS: [&str; 7] = [
    "standard",
    "incident_report",
    "minimal",
    "five_part",
    "management",
    "four_questions",
    "blank",
];

/// The data files, in the order of [`BUILTIN_IDS`].
const SOURCES: [&str; 7] = [
    include_str!("builtin/standard.json"),
    include_str!("builtin/incident_report.json"),
    include_str!("builtin/minimal.json"),
    include_str!("builtin/five_part.json"),
    include_str!("builtin/management.json"),
    include_str!("builtin/four_questions.json"),
    include_str!("builtin/blank.json"),
];

fn all() -> &'static [Template] {
    static ALL: OnceLock<Vec<Template>> = OnceLock::new();
    ALL.get_or_init(|| {
        // Shipped data, proven readable by the tests; a file that somehow
        // does not parse is left out rather than stopping the app.
        SOURCES
            .iter()
            .filter_map(|raw| serde_json::from_str::<Template>(raw).ok())
            .map(|mut t| {
                t.builtin = true;
                t
            })
            .collect()
    })
}

/// Every built-in template, in the order they are offered.
pub fn builtin_templates() -> Vec<Template> {
    all().to_vec()
}

/// A built-in template by id.
pub fn template_by_id(id: &str) -> Option<Template> {
    all().iter().find(|t| t.id == id).cloned()
}

fn named(id: &str) -> Template {
    template_by_id(id).unwrap_or_else(|| Template {
        id: id.to_owned(),
        name: crate::words::words_from_id(id),
        description: String::new(),
        sections: Vec::new(),
        strict_order: false,
        plain_words: false,
        builtin: true,
    })
}

/// The engineering postmortem most teams start from.
pub fn standard() -> Template {
    named("standard")
}

/// The structured form many organisations file for every incident.
pub fn incident_report() -> Template {
    named("incident_report")
}

/// About a dozen fields, for teams that file postmortems as tickets.
pub fn minimal() -> Template {
    named("minimal")
}

/// The five questions of a review meeting, answered strictly in order.
pub fn five_part() -> Template {
    named("five_part")
}

/// The standard skeleton in everyday language, for incidents outside
/// engineering or for readers who are not engineers.
pub fn management() -> Template {
    named("management")
}

/// What was supposed to happen, what happened, why, and how to avoid it.
pub fn four_questions() -> Template {
    named("four_questions")
}

/// Only a title and a summary; the writer adds what they need.
pub fn blank() -> Template {
    named("blank")
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
