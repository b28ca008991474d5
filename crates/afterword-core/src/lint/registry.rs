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

/// One rule's pass, kept out of line so the thirteen passes do not become
/// one huge function.
#[inline(never)]
fn run<R: Rule>(rule: &R, cx: &Cx<'_>, out: &mut Vec<Finding>) {
    rule.check(cx, out);
}

/// Declares the rules once, in the order a lint run walks them (later rules
/// see what earlier ones found): the run itself, with a direct call to each
/// rule rather than a call through a table, so a build that splits the
/// WebAssembly can leave the rules out of the part every page loads, and the
/// list the settings screen shows.
macro_rules! registry {
    ($($module:ident :: $rule:ident),* $(,)?) => {
        /// Runs every rule not switched off, in order.
        pub(crate) fn check_all(
            cx: &Cx<'_>,
            disabled: impl Fn(&str) -> bool,
            out: &mut Vec<Finding>,
        ) {
            $(
                let rule = family::$module::$rule;
                if !disabled(rule.info().id) {
                    run(&rule, cx, out);
                }
            )*
        }

        static INFOS: &[RuleInfo] = &[$(family::$module::INFO),*];

        #[cfg(test)]
        fn declared() -> Vec<&'static str> {
            vec![$(Rule::info(&family::$module::$rule).id),*]
        }
    };
}

registry!(
    person_as_cause::PersonAsCause,
    work_as_cause::WorkAsCause,
    sarcastic_credit::SarcasticCredit,
    human_error::HumanError,
    hindsight::Hindsight,
    judgement::Judgement,
    minimizer::Minimizer,
    blame_word::BlameWord,
    person_root_cause::PersonRootCause,
    vague_action::VagueAction,
    punitive_action::PunitiveAction,
    reads_as_blame::ReadsAsBlame,
    custom_phrase::CustomPhrases,
);

/// Every rule the linter knows, in a stable order.
pub fn rules() -> &'static [RuleInfo] {
    INFOS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_and_rules_agree() {
        let ids: Vec<&str> = rules().iter().map(|r| r.id).collect();
        let run = declared();
        assert_eq!(ids, run);
        for id in ids {
            assert!(
                id.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
                "{id}"
            );
        }
    }
}
