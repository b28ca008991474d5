//! Helpers for the rule tests: lint a sentence with a small participant
//! list and check what one rule reports or how it rewrites the sentence.

use super::{lint_action_title, lint_text, Finding, LintConfig};

pub(crate) fn cfg() -> LintConfig {
    LintConfig::with_participants(["Dana Ortiz", "Sam", "Priya Nair"])
}

pub(crate) fn only(rule: &str, text: &str) -> Vec<Finding> {
    lint_text(text, &cfg())
        .into_iter()
        .filter(|f| f.rule == rule)
        .collect()
}

/// What one rule reports with no participant list at all.
pub(crate) fn only_no_people(rule: &str, text: &str) -> Vec<Finding> {
    lint_text(text, &LintConfig::default())
        .into_iter()
        .filter(|f| f.rule == rule)
        .collect()
}

pub(crate) fn only_title(rule: &str, text: &str) -> Vec<Finding> {
    lint_action_title(text, &cfg())
        .into_iter()
        .filter(|f| f.rule == rule)
        .collect()
}

/// The text with the finding's first suggestion applied.
pub(crate) fn apply(text: &str, f: &Finding) -> Option<String> {
    let s = f.suggestions.first()?;
    Some(format!(
        "{}{}{}",
        &text[..f.span.offset],
        s,
        &text[f.span.end..]
    ))
}

/// `input → expected rewrite`: the rule reports exactly once and its first
/// suggestion turns `input` into `expected`.
#[track_caller]
pub(crate) fn assert_rewrite(rule: &str, input: &str, expected: &str) {
    let found = only(rule, input);
    assert_eq!(found.len(), 1, "{rule}: {input:?} gave {found:#?}");
    assert_eq!(
        apply(input, &found[0]).as_deref(),
        Some(expected),
        "{input:?}"
    );
}

/// The rule reports exactly once, on `flagged`.
#[track_caller]
pub(crate) fn assert_flags(rule: &str, input: &str, flagged: &str) {
    let found = only(rule, input);
    assert_eq!(found.len(), 1, "{rule}: {input:?} gave {found:#?}");
    assert_eq!(found[0].text, flagged, "{input:?}");
    assert!(!found[0].message.is_empty());
}

/// `input → no lint` for this rule.
#[track_caller]
pub(crate) fn assert_clean(rule: &str, input: &str) {
    let found = only(rule, input);
    assert!(found.is_empty(), "{rule}: {input:?} gave {found:#?}");
}
