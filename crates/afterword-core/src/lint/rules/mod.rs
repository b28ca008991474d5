//! One file per family of blaming language, each with its tests.

pub(crate) mod blame_word;
pub(crate) mod custom_phrase;
pub(crate) mod damage;
pub(crate) mod hindsight;
pub(crate) mod human_error;
pub(crate) mod judgement;
pub(crate) mod minimizer;
pub(crate) mod person_as_cause;
pub(crate) mod person_root_cause;
pub(crate) mod punitive_action;
pub(crate) mod reads_as_blame;
pub(crate) mod sarcastic_credit;
pub(crate) mod vague_action;
pub(crate) mod work_as_cause;

use super::finding::Finding;
use super::registry::RuleInfo;
use super::tokens::Doc;

/// A finding of rule `info` on tokens `a..=b`.
pub(crate) fn finding(
    doc: &Doc,
    info: &RuleInfo,
    a: usize,
    b: usize,
    message: impl Into<String>,
    suggestions: Vec<String>,
) -> Finding {
    let start = doc.tokens[a].start;
    let end = doc.tokens[b].end;
    Finding::new(
        info.id,
        info.category,
        doc.text,
        start,
        end,
        message,
        suggestions,
    )
}

/// The rewrite that drops the words `a..b` (exclusive) and keeps word `b`,
/// carrying the capital letter over: "Simply restart" → "Restart". Used with
/// a finding on `a..=b`. `None` when `b` is not a word.
pub(crate) fn drop_before(doc: &Doc, a: usize, b: usize) -> Option<String> {
    doc.word(b)?;
    let kept = doc.slice(b, b);
    if doc.tokens[a].capitalised && doc.tokens[a].sentence_start {
        Some(super::tokens::capitalise(kept))
    } else {
        Some(kept.to_string())
    }
}

/// Words that end the object of a verb.
pub(crate) const OBJECT_STOP: &[&str] = &[
    "at", "on", "in", "during", "when", "by", "because", "and", "but", "while", "after", "before",
    "with", "so", "which", "that", "for", "since", "until", "as", "then", "again", "twice", "from",
    "without", "despite", "within", "around", "about",
];
