//! What a team can tune: who took part (so their names are recognised),
//! which rules are switched off, and the team's own phrases to avoid.

use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// Settings for one lint run. Stored with a document or in the app settings,
/// so every field has a default and unknown fields are ignored.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LintConfig {
    /// Names of the people in the document's participant list ("Dana Ortiz").
    /// A full name and each of its parts are recognised when capitalised.
    #[serde(alias = "people")]
    pub participants: Vec<String>,
    /// Rule ids (see [`super::rules`]) that must not report anything.
    pub disabled: BTreeSet<String>,
    /// The team's own phrases to avoid, reported as `custom-phrase`.
    pub custom_phrases: Vec<CustomPhrase>,
}

/// A phrase a team has chosen to avoid, with its reason and, optionally, the
/// wording to use instead. Matched case-insensitively on whole words.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CustomPhrase {
    pub phrase: String,
    pub message: String,
    pub suggestion: Option<String>,
}

impl LintConfig {
    /// A configuration that knows the given participant names.
    pub fn with_participants<I, S>(names: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        LintConfig {
            participants: names.into_iter().map(Into::into).collect(),
            ..LintConfig::default()
        }
    }

    /// Whether the rule with this id is switched off.
    pub fn is_disabled(&self, rule_id: &str) -> bool {
        self.disabled.contains(rule_id)
    }
}
