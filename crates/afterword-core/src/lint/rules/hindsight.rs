//! `hindsight`: counterfactuals said of a person — "Dana should have
//! checked", "we could have caught it", "the on-call failed to escalate",
//! "if only", "didn't bother to". They judge a past decision with knowledge
//! nobody had at the time. Said of a system ("the job should have retried
//! per its configuration", "the health check failed to detect it") they are
//! a plain description of expected behaviour and are left alone.

use super::finding;
use crate::lint::finding::{Category, Finding};
use crate::lint::people::ADVERBS;
use crate::lint::registry::{Rule, RuleInfo};
use crate::lint::tokens::Doc;
use crate::lint::Cx;

pub(crate) const INFO: RuleInfo = RuleInfo {
    id: "hindsight",
    category: Category::Hindsight,
    description: "Counterfactuals about a person: should have, could have, failed to, if only.",
};

pub(crate) struct Hindsight;

const MESSAGE: &str =
    "Judges a past decision with hindsight; describe what happened and what was known at the time.";

/// Words after "should have" that make it about owning something in the
/// future ("we should have a runbook"), not about the past.
const NOT_PARTICIPLE: &[&str] = &[
    "a",
    "an",
    "the",
    "some",
    "any",
    "more",
    "fewer",
    "less",
    "one",
    "two",
    "to",
    "this",
    "that",
    "these",
    "those",
    "our",
    "their",
    "its",
    "no",
    "enough",
    "alerts",
    "alerting",
    "tests",
    "monitoring",
    "access",
    "automation",
];

/// If a modal + "have" starts at `i`, the index of the last token of that
/// phrase and whether it is negated.
fn modal_have(doc: &Doc, i: usize) -> Option<(usize, bool)> {
    let w = doc.word(i)?;
    let (end, negated) = match w {
        // "would have" and "might have" usually state a consequence ("we
        // would have rolled back earlier"), not a judgement, so they pass.
        "should've" | "could've" | "must've" => (i, false),
        "should" | "could" | "must" => {
            if doc.is(i + 1, "have") {
                (i + 1, false)
            } else if doc.is_any(i + 1, &["not", "never"]) && doc.is(i + 2, "have") {
                (i + 2, true)
            } else {
                return None;
            }
        }
        "shouldn't" | "couldn't" | "mustn't" if doc.is(i + 1, "have") => (i + 1, true),
        "ought" if doc.is(i + 1, "to") && doc.is(i + 2, "have") => (i + 2, false),
        _ => return None,
    };
    let next = doc.word(end + 1)?;
    if NOT_PARTICIPLE.contains(&next) {
        return None;
    }
    Some((end, negated))
}

/// Whether a person is the subject of the verb phrase starting at `i`.
fn person_before(cx: &Cx<'_>, i: usize) -> bool {
    if i == 0 {
        return false;
    }
    let doc = cx.doc;
    let mut j = i - 1;
    while j > 0 && doc.is_any(j, ADVERBS) {
        j -= 1;
    }
    cx.people.actor_ending_at(doc, j).is_some()
}

impl Rule for Hindsight {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        for i in 0..doc.len() {
            let Some(w) = doc.word(i) else { continue };
            match w {
                "if" if doc.is(i + 1, "only") => {
                    out.push(finding(doc, &INFO, i, i + 1, MESSAGE, vec![]));
                }
                "if" => {
                    // "If Dana had checked …"
                    let had = (i + 2..i + 6)
                        .take_while(|&j| doc.word(j).is_some())
                        .find(|&j| doc.is(j, "had"));
                    if let Some(had) = had {
                        let actor = cx.people.actor_ending_at(doc, had - 1);
                        if actor.is_some_and(|a| a.start == i + 1) && doc.word(had + 1).is_some() {
                            out.push(finding(doc, &INFO, i, had, MESSAGE, vec![]));
                        }
                    }
                }
                "failed" if doc.is(i + 1, "to") && person_before(cx, i) => {
                    out.push(finding(
                        doc,
                        &INFO,
                        i,
                        i + 1,
                        MESSAGE,
                        vec!["did not".into()],
                    ));
                }
                "didn't" | "never"
                    if doc.is_any(i + 1, &["bother", "bothered"]) && doc.is(i + 2, "to") =>
                {
                    let fix = doc.match_case(i, "did not");
                    out.push(finding(doc, &INFO, i, i + 2, MESSAGE, vec![fix]));
                }
                "did" if doc.is(i + 1, "not") && doc.is(i + 2, "bother") && doc.is(i + 3, "to") => {
                    let fix = doc.match_case(i, "did not");
                    out.push(finding(doc, &INFO, i, i + 3, MESSAGE, vec![fix]));
                }
                _ => {
                    let Some((end, negated)) = modal_have(doc, i) else {
                        continue;
                    };
                    if !person_before(cx, i) {
                        continue;
                    }
                    if negated {
                        // "Dana shouldn't have deployed" → "Dana deployed".
                        let fix = super::drop_before(doc, i, end + 1);
                        out.push(finding(
                            doc,
                            &INFO,
                            i,
                            end + 1,
                            MESSAGE,
                            fix.into_iter().collect(),
                        ));
                    } else {
                        out.push(finding(doc, &INFO, i, end, MESSAGE, vec!["had not".into()]));
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::testing::{assert_clean, assert_flags, assert_rewrite};

    const ID: &str = "hindsight";

    #[test]
    fn failed_to_becomes_did_not() {
        assert_rewrite(
            ID,
            "The on-call failed to check the replica lag.",
            "The on-call did not check the replica lag.",
        );
        assert_rewrite(
            ID,
            "Sam didn't bother to read the runbook.",
            "Sam did not read the runbook.",
        );
        assert_rewrite(
            ID,
            "They did not bother to page the DBA.",
            "They did not page the DBA.",
        );
    }

    #[test]
    fn should_have_becomes_what_happened() {
        assert_rewrite(
            ID,
            "Dana should have checked the dashboard first.",
            "Dana had not checked the dashboard first.",
        );
        assert_rewrite(
            ID,
            "We really could have caught this in review.",
            "We really had not caught this in review.",
        );
        assert_rewrite(
            ID,
            "Priya shouldn't have deployed on a Friday.",
            "Priya deployed on a Friday.",
        );
        assert_flags(ID, "The engineer should've known better.", "should've");
    }

    #[test]
    fn counterfactual_openers() {
        assert_flags(ID, "If only we had waited for the canary.", "If only");
        assert_flags(
            ID,
            "If the reviewer had looked closer, this would not have shipped.",
            "If the reviewer had",
        );
    }

    #[test]
    fn systems_and_plans_are_not_hindsight() {
        assert_clean(ID, "The job should have retried per its configuration.");
        assert_clean(ID, "The health check failed to detect the hung worker.");
        assert_clean(ID, "The health check failed at 09:14.");
        assert_clean(ID, "We should have a runbook for this by March.");
        assert_clean(
            ID,
            "The alert could have fired earlier with a lower threshold.",
        );
        assert_clean(
            ID,
            "If the cache had been warm, latency would have stayed flat.",
        );
        assert_clean(ID, "Disk failure on node 3 stopped the writes.");
        assert_clean(
            ID,
            "If the alert had fired sooner, we would have rolled back earlier.",
        );
    }
}
