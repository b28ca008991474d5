//! `minimizer`: words that imply the fix was obvious — obviously, simply,
//! just, clearly, of course, everyone knows. They make a reader ask why
//! nobody did the obvious thing. "Just" in its sense of time or amount
//! ("just before", "just 3 requests") and compounds such as "just-in-time"
//! are left alone.

use super::finding;
use crate::lint::finding::{Category, Finding};
use crate::lint::registry::{Rule, RuleInfo};
use crate::lint::tokens::Doc;
use crate::lint::Cx;

pub(crate) const INFO: RuleInfo = RuleInfo {
    id: "minimizer",
    category: Category::Tone,
    description:
        "Words that imply the fix was obvious: obviously, simply, just, clearly, of course.",
};

pub(crate) struct Minimizer;

/// Words after "just" that give it its sense of time or amount.
const JUST_NOT_MINIMIZING: &[&str] = &[
    "before",
    "after",
    "as",
    "now",
    "then",
    "under",
    "over",
    "below",
    "above",
    "shy",
    "short",
    "past",
    "prior",
    "in",
    "when",
    "about",
    "around",
    "a",
    "an",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "once",
    "twice",
    "enough",
    "barely",
    "over",
    "like",
    "the",
    "what",
    "because",
    "begun",
    "want",
    "wanted",
    "wanna",
    "wondering",
    "got",
    "saw",
    "came",
    "went",
    "left",
    "made",
    "sent",
];

/// Words after an adverb that show it modifies the verb before it
/// ("explain clearly to customers"), not the claim after it.
const AFTER_VERB: &[&str] = &[
    "with", "to", "in", "on", "at", "for", "about", "and", "or", "enough",
];

/// The index of the last token of a minimizing phrase starting at `i`.
fn phrase_at(doc: &Doc, i: usize) -> Option<usize> {
    let w = doc.word(i)?;
    match w {
        // At the end of a clause "obviously" still passes judgement, while
        // "simply" and "clearly" usually describe the verb before them.
        "obviously" if doc.word(i + 1).is_none() => Some(i),
        // "Simply put, …", "Put simply: …": a way of saying "in short"
        // ("Simply put the key in the vault" is still advice).
        "simply" | "clearly"
            if doc.is_any(i + 1, &["put", "stated"]) && doc.word(i + 2).is_none()
                || i > 0 && doc.is_any(i - 1, &["put", "stated"]) && doc.word(i + 1).is_none() =>
        {
            None
        }
        "obviously" | "simply" | "clearly" | "trivially" => {
            let next = doc.word(i + 1)?;
            (!AFTER_VERB.contains(&next)).then_some(i)
        }
        "just" => {
            let next = doc.word(i + 1)?;
            let before = i.checked_sub(1).and_then(|p| doc.word(p));
            // "Sam just acknowledged the page": a past tense after "just"
            // says when, not how easy.
            if JUST_NOT_MINIMIZING.contains(&next)
                || next.ends_with("ed")
                || next.starts_with(|c: char| c.is_ascii_digit())
                || AFTER_VERB.contains(&next)
                || before.is_some_and(|b| {
                    [
                        "not", "only", "had", "has", "have", "was", "were", "is", "'d",
                    ]
                    .contains(&b)
                })
            {
                None
            } else {
                Some(i)
            }
        }
        "of" if doc.is(i + 1, "course") => Some(i + 1),
        "everyone" | "everybody" if doc.is(i + 1, "knows") => Some(i + 1),
        "as" if doc.seq(i + 1, &["we", "all", "know"]) => Some(i + 3),
        "needless" if doc.seq(i + 1, &["to", "say"]) => Some(i + 2),
        "obvious" => {
            let before = i.checked_sub(1).and_then(|p| doc.word(p))?;
            ["was", "is", "it's", "seems", "seemed", "were"]
                .contains(&before)
                .then_some(i)
        }
        _ => None,
    }
}

/// Words before a minimizing adverb that make it advice to someone: "you
/// can simply restart", "we should just roll back".
const MODALS: &[&str] = &[
    "can", "could", "should", "would", "must", "need", "needs", "needed", "to", "will", "you",
    "just", "only", "'ll", "might",
];

/// Whether a lone adverb ("obviously", "simply", "clearly", "just") is said
/// of what a person did or should do, rather than of a fact: it opens the
/// sentence ("Simply restart the pod", "Obviously, …"), follows a modal
/// ("you can simply…"), follows a person ("Ngozi simply ignored…"), or ends
/// the clause ("…, obviously."). "The cause is clearly visible" is a fact.
fn aimed_at_people(cx: &Cx<'_>, i: usize) -> bool {
    let doc = cx.doc;
    if doc.tokens[i].sentence_start {
        // "Obviously, the retry storm made it worse": an opening adverb
        // before a thing as the subject states a fact.
        let k = if doc.is_punct(i + 1, ',') {
            i + 2
        } else {
            i + 1
        };
        let thing = doc.is_any(k, &["the", "this", "that", "these", "those", "our", "its"])
            && crate::lint::roles::role_starting_at(doc, k).is_none()
            && cx.people.level(k + 1) == crate::lint::people::Level::No;
        // … unless the clause says what should have been done: "Obviously
        // the change should have been reviewed".
        let advice = (k..(k + 8).min(doc.len()))
            .take_while(|&j| doc.word(j).is_some())
            .any(|j| {
                doc.is_any(
                    j,
                    &["should", "could", "would", "must", "needed", "shouldn't"],
                )
            });
        // "Simply restarting the badge controller cleared the lockout":
        // what fixed it, told as a fact.
        let fact = doc
            .word(k)
            .is_some_and(|w| w.len() > 4 && w.ends_with("ing"))
            && (k + 1..(k + 10).min(doc.len()))
                .take_while(|&j| doc.word(j).is_some())
                .any(|j| crate::lint::people::past_verb(doc, j));
        return !(thing || fact) || advice;
    }
    if doc.word(i + 1).is_none() {
        return true;
    }
    let Some(prev) = i.checked_sub(1) else {
        return true;
    };
    if doc.is_any(prev, MODALS) {
        return true;
    }
    let mut j = prev;
    while j > 0 && doc.is_any(j, &["had", "has", "have", "did", "really", "then", "also"]) {
        j -= 1;
    }
    cx.people.actor_ending_at(doc, j).is_some_and(|a| a.sure)
}

impl Rule for Minimizer {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        let mut i = 0;
        while i < doc.len() {
            let Some(end) = phrase_at(doc, i) else {
                i += 1;
                continue;
            };
            if end == i && !aimed_at_people(cx, i) {
                i += 1;
                continue;
            }
            let message = format!(
                "“{}” implies the fix was obvious; say what was known and let the reader judge.",
                doc.slice(i, end)
            );
            // Drop the phrase together with a comma or "that" after it, and
            // keep the word that follows.
            let mut keep = end + 1;
            if doc.is_punct(keep, ',') || doc.is(keep, "that") {
                keep += 1;
            }
            let fix = super::drop_before(doc, i, keep);
            let last = if fix.is_some() { keep } else { end };
            out.push(finding(
                doc,
                &INFO,
                i,
                last,
                message,
                fix.into_iter().collect(),
            ));
            i = end + 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::testing::{assert_clean, assert_flags, assert_rewrite, only};

    const ID: &str = "minimizer";

    #[test]
    fn minimizers_are_dropped() {
        assert_rewrite(ID, "Simply restart the pod.", "Restart the pod.");
        assert_rewrite(
            ID,
            "You can simply restart the pod.",
            "You can restart the pod.",
        );
        assert_rewrite(ID, "Just roll back the release.", "Roll back the release.");
        assert_rewrite(
            ID,
            "Simply put the new key in the vault.",
            "Put the new key in the vault.",
        );
        assert_rewrite(
            ID,
            "The reviewer obviously did not open the diff.",
            "The reviewer did not open the diff.",
        );
        assert_rewrite(
            ID,
            "Of course, the cache was cold after the deploy.",
            "The cache was cold after the deploy.",
        );
        assert_rewrite(
            ID,
            "Everyone knows that the staging data is stale.",
            "The staging data is stale.",
        );
        assert_rewrite(
            ID,
            "Kenji simply ignored the second page.",
            "Kenji ignored the second page.",
        );
    }

    #[test]
    fn an_opening_adverb_before_a_person_still_counts() {
        assert_flags(
            ID,
            "Obviously, the on-call should have checked the lag.",
            "Obviously, the",
        );
    }

    #[test]
    fn obvious_as_a_claim() {
        assert_flags(ID, "In hindsight it was obvious.", "obvious");
        assert_flags(ID, "This was a config drift, obviously.", "obviously");
    }

    #[test]
    fn time_amount_and_terms_are_not_minimizers() {
        assert_clean(ID, "Latency rose just before the deploy finished.");
        assert_clean(ID, "Sam had just deployed when the alerts fired.");
        assert_clean(
            ID,
            "Sam just acknowledged the page when the second alert fired.",
        );
        assert_clean(ID, "I just want to note that the runbook was out of date.");
        assert_clean(ID, "Just 3 requests in 10,000 failed.");
        assert_clean(ID, "The compiler uses just-in-time compilation.");
        assert_clean(ID, "Not just the API: the workers were affected too.");
        assert_clean(ID, "The new dashboard shows the error budget clearly.");
        assert_clean(ID, "We need to communicate clearly with customers.");
        assert_clean(ID, "There was no obvious cause in the logs.");
        assert_clean(ID, "The type system is simply-typed lambda calculus.");
        assert_clean(ID, "The cause is clearly visible in the latency graph.");
        assert_clean(
            ID,
            "It is not just a cache flush; the index was rebuilt too.",
        );
        assert_clean(ID, "The fix was simply a larger connection pool.");
        assert_clean(ID, "The runbook obviously covers this case.");
        assert_clean(
            ID,
            "Clearly, the cache warm-up made the second spike worse.",
        );
        assert_clean(
            ID,
            "The graph simply stops at 03:10 when the exporter died.",
        );
        assert_clean(
            ID,
            "Simply put, the queue grew faster than the consumers drained it.",
        );
        assert_clean(ID, "Put simply: the index did not fit in memory.");
        assert_clean(ID, "Stated clearly, the failover had never been tested.");
    }

    #[test]
    fn what_fixed_it_told_as_a_fact() {
        assert_clean(
            ID,
            "Simply power-cycling the card reader cleared the fault.",
        );
        assert!(!only(ID, "Simply restart the card reader next time.").is_empty());
        assert!(!only(ID, "Simply reading the alert would have fixed it.").is_empty());
    }
}
