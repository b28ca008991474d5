//! The list of rules: what the settings screen shows and what a lint run
//! walks through.

use super::finding::{Category, Finding};
use super::rules as family;
use super::Cx;
use serde::Serialize;

/// A rule as shown in settings: its id (used to switch it off and in ignore
/// comments), its category and a short description.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct RuleInfo {
    pub id: &'static str,
    pub category: Category,
    pub description: &'static str,
}

/// One pattern family of blaming language.
pub(crate) trait Rule: Sync {
    fn info(&self) -> &'static RuleInfo;
    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Finding>);
}

pub(crate) static RULES: [&dyn Rule; 13] = [
    &family::person_as_cause::PersonAsCause,
    &family::work_as_cause::WorkAsCause,
    &family::sarcastic_credit::SarcasticCredit,
    &family::human_error::HumanError,
    &family::hindsight::Hindsight,
    &family::judgement::Judgement,
    &family::minimizer::Minimizer,
    &family::blame_word::BlameWord,
    &family::person_root_cause::PersonRootCause,
    &family::vague_action::VagueAction,
    &family::punitive_action::PunitiveAction,
    &family::reads_as_blame::ReadsAsBlame,
    &family::custom_phrase::CustomPhrases,
];

static INFOS: [RuleInfo; 13] = [
    family::person_as_cause::INFO,
    family::work_as_cause::INFO,
    family::sarcastic_credit::INFO,
    family::human_error::INFO,
    family::hindsight::INFO,
    family::judgement::INFO,
    family::minimizer::INFO,
    family::blame_word::INFO,
    family::person_root_cause::INFO,
    family::vague_action::INFO,
    family::punitive_action::INFO,
    family::reads_as_blame::INFO,
    family::custom_phrase::INFO,
];

/// Every rule the linter knows, in a stable order.
pub fn rules() -> &'static [RuleInfo] {
    &INFOS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_and_rules_agree() {
        let ids: Vec<&str> = rules().iter().map(|r| r.id).collect();
        let run: Vec<&str> = RULES.iter().map(|r| r.info().id).collect();
        assert_eq!(ids, run);
        for id in ids {
            assert!(
                id.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
                "{id}"
            );
        }
    }
}
