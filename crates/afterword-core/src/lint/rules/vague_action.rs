//! `vague-action`: follow-ups that ask for vigilance instead of a change
//! someone can finish — "be more careful", "make sure someone checks", "pay
//! more attention". In action-item titles ([`crate::lint::lint_action_title`])
//! it also flags an investigation with no object or end ("Investigate",
//! "Look into the issue").

use super::finding;
use crate::lint::finding::{Category, Finding};
use crate::lint::registry::{Rule, RuleInfo};
use crate::lint::tokens::Doc;
use crate::lint::{Cx, Mode};

pub(crate) const INFO: RuleInfo = RuleInfo {
    id: "vague-action",
    category: Category::ActionItem,
    description:
        "Action items that ask for vigilance or have no object or end (\"be more careful\").",
};

pub(crate) struct VagueAction;

const VIGILANCE: &str =
    "Asks people to be more vigilant; name a check, guard or automation someone can finish and verify.";
const NO_END: &str =
    "Says what to look at but not what question to answer or when it is done; name the object and the outcome.";

/// People who are asked to "make sure" of something: the action has no owner.
const ANYONE: &[&str] = &[
    "someone",
    "somebody",
    "everyone",
    "everybody",
    "people",
    "we",
    "they",
    "you",
    "engineers",
    "the",
    "all",
];

/// The last token of a vigilance phrase starting at `i`.
fn vigilance_at(doc: &Doc, i: usize) -> Option<usize> {
    let w = doc.word(i)?;
    let end = match w {
        "be" => {
            let mut j = i + 1;
            if doc.is_any(j, &["more", "extra", "very"]) {
                j += 1;
            }
            doc.is_any(
                j,
                &[
                    "careful",
                    "vigilant",
                    "diligent",
                    "attentive",
                    "thorough",
                    "cautious",
                ],
            )
            .then_some(j)?
        }
        "pay" if doc.is_any(i + 1, &["more", "closer", "better"]) && doc.is(i + 2, "attention") => {
            i + 2
        }
        "try" if doc.is_any(i + 1, &["harder", "better"]) => i + 1,
        "remember" if doc.is(i + 1, "to") => i + 1,
        "don't" | "never" if doc.seq(i + 1, &["forget", "to"]) => i + 2,
        "do" if doc.seq(i + 1, &["not", "forget", "to"]) => i + 3,
        "make" if doc.is(i + 1, "sure") && doc.is_any(i + 2, ANYONE) => {
            if doc.is(i + 2, "the")
                && !doc.is_any(i + 3, &["team", "on-call", "engineer", "engineers"])
            {
                return None;
            }
            if doc.is(i + 2, "the") {
                i + 3
            } else {
                i + 2
            }
        }
        "double-check" | "double-checks" if doc.tokens[i].sentence_start => i,
        // "Sofia needs to double-check every migration", "the on-call must
        // pay attention to the queue": a demand on a person, not a step.
        "double-check" | "triple-check" | "pay" | "concentrate" | "focus"
            if demanded(doc, i) && (w != "pay" || doc.is(i + 1, "attention")) =>
        {
            if w == "pay" {
                i + 1
            } else {
                i
            }
        }
        "more" if doc.is(i + 1, "carefully") => i + 1,
        _ => return None,
    };
    Some(end)
}

/// Whether the verb at `i` is demanded of someone: "must …", "should …",
/// "needs to …", "has to …", "will have to …".
fn demanded(doc: &Doc, i: usize) -> bool {
    i > 0 && doc.is_any(i - 1, &["must", "should"])
        || i > 1
            && doc.is(i - 1, "to")
            && doc.is_any(i - 2, &["needs", "need", "has", "have", "ought"])
}

/// Words that leave an investigation without an object or an end.
const VAGUE_OBJECT: &[&str] = &[
    "the",
    "this",
    "that",
    "it",
    "issue",
    "issues",
    "problem",
    "problems",
    "incident",
    "outage",
    "further",
    "more",
    "root",
    "cause",
    "causes",
    "what",
    "happened",
    "why",
    "failure",
    "bug",
    "error",
    "errors",
    "thing",
    "things",
    "and",
    "fix",
    "a",
    "an",
    "on",
    "into",
    "at",
    "up",
    "possible",
    "deeper",
    "options",
    "solutions",
    "situation",
    "matter",
    "stuff",
    "cases",
    "case",
    "these",
    "those",
    "potential",
    "other",
    "any",
    "all",
];

/// In a title made of tokens `lo..hi`: "Investigate", "Look into the
/// issue", "Follow up on this".
fn open_ended_title(doc: &Doc, lo: usize, hi: usize) -> Option<(usize, usize)> {
    let first = (lo..hi).find(|&i| doc.word(i).is_some())?;
    let verb_end = match doc.word(first)? {
        "investigate" | "research" | "explore" | "analyse" | "analyze" | "review" => first,
        "look" | "dig" if doc.is_any(first + 1, &["into", "at"]) => first + 1,
        "follow" if doc.is(first + 1, "up") => first + 1,
        "figure" if doc.is(first + 1, "out") => first + 1,
        _ => return None,
    };
    let last = (lo..hi).rev().find(|&i| doc.word(i).is_some())?;
    let vague = (verb_end + 1..hi).all(|i| doc.word(i).is_none_or(|w| VAGUE_OBJECT.contains(&w)));
    vague.then_some((first, last))
}

impl Rule for VagueAction {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        if cx.mode == Mode::ActionTitle {
            if let Some((a, b)) = open_ended_title(doc, 0, doc.len()) {
                out.push(finding(doc, &INFO, a, b, NO_END, vec![]));
            }
        }
        for &(start, end) in cx.action_items {
            let lo = doc.tokens.partition_point(|t| t.start < start);
            let hi = doc.tokens.partition_point(|t| t.start < end);
            if let Some((a, b)) = open_ended_title(doc, lo, hi) {
                out.push(finding(doc, &INFO, a, b, NO_END, vec![]));
            }
        }
        let mut i = 0;
        while i < doc.len() {
            // "The fix is … not to ask people to try harder", "rather than
            // telling staff to be careful": said against such an action.
            let refused = || {
                (i.saturating_sub(6)..i)
                    .rev()
                    .take_while(|&k| doc.word(k).is_some() || doc.is_punct(k, ','))
                    .any(|k| {
                        doc.is_any(
                            k,
                            &[
                                "not", "never", "rather", "instead", "than", "don't", "won't",
                            ],
                        )
                    })
            };
            match vigilance_at(doc, i).filter(|_| !refused()) {
                Some(end) => {
                    out.push(finding(doc, &INFO, i, end, VIGILANCE, vec![]));
                    i = end + 1;
                }
                None => i += 1,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::testing::{assert_clean, assert_flags, only_title};

    const ID: &str = "vague-action";

    #[test]
    fn vigilance_is_not_an_action() {
        assert_flags(
            ID,
            "- Engineers should be more careful with prod.",
            "be more careful",
        );
        assert_flags(
            ID,
            "Make sure someone checks the backups.",
            "Make sure someone",
        );
        assert_flags(
            ID,
            "Pay more attention to the disk alerts.",
            "Pay more attention",
        );
        assert_flags(ID, "Remember to drain the node first.", "Remember to");
        assert_flags(
            ID,
            "- Going forward, Thandiwe must double-check every failover.",
            "double-check",
        );
        assert_flags(
            ID,
            "The on-call needs to pay attention to the queue depth.",
            "pay attention",
        );
    }

    #[test]
    fn a_check_that_a_tool_makes_is_an_action() {
        assert_clean(ID, "The deploy script will double-check the region.");
        assert_clean(ID, "We added a step to double-check the target cluster.");
        assert_clean(ID, "Sam double-checked the rollback plan.");
    }

    #[test]
    fn titles_without_object_or_end() {
        for title in [
            "Investigate",
            "Investigate the issue",
            "Look into this further",
            "Follow up on the incident.",
        ] {
            let found = only_title(ID, title);
            assert_eq!(found.len(), 1, "{title}: {found:#?}");
        }
        assert_eq!(only_title(ID, "Be more careful").len(), 1);
    }

    #[test]
    fn action_items_in_a_document_are_titles() {
        let text = "## Action items\n\n- Investigate further\n- Add an alert on lag\n\n| Action | Owner |\n| --- | --- |\n| Look into the issue | Sam |\n";
        let found = crate::lint::testing::only(ID, text);
        let texts: Vec<&str> = found.iter().map(|f| f.text.as_str()).collect();
        assert_eq!(texts, vec!["Investigate further", "Look into the issue"]);
    }

    #[test]
    fn specific_actions_are_fine() {
        for title in [
            "Investigate why the health check passed while the pod was down",
            "Add an alert on replica lag above 30 s",
            "Make sure the alert fires on 5xx rate above 2%",
            "Review the on-call runbook for the failover step by 2024-06-01",
        ] {
            assert!(only_title(ID, title).is_empty(), "{title}");
        }
        assert_clean(ID, "We will investigate as part of the review.");
        assert_clean(ID, "## Analysis\n\n- Investigate\n");
        assert_clean(ID, "Sam double-checked the rollback plan.");
    }

    #[test]
    fn said_against_asking_people_to_try_harder() {
        assert_clean(
            ID,
            "The fix is to make the alarm more meaningful, not to ask people to try harder.",
        );
        assert_clean(
            ID,
            "Rather than telling staff to be more careful, we added a second check.",
        );
        assert_flags(
            ID,
            "Operators should try harder to catch alarms.",
            "try harder",
        );
    }
}
