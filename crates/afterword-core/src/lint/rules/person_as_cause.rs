//! `person-as-cause`: a person or team as the subject of a failure verb —
//! "Dana broke the deploy", "QA let the bug through", "ops misconfigured
//! production". Naming someone in a neutral action ("Sam rolled back the
//! deploy") is fine, and so is a system as the subject ("the deploy broke").

use super::{finding, OBJECT_STOP};
use crate::lint::finding::{Category, Finding};
use crate::lint::people::{Actor, ADVERBS};
use crate::lint::registry::{Rule, RuleInfo};
use crate::lint::tokens::Doc;
use crate::lint::Cx;

pub(crate) const INFO: RuleInfo = RuleInfo {
    id: "person-as-cause",
    category: Category::Attribution,
    description: "A person or team named as the cause of a failure (\"Dana broke the deploy\").",
};

pub(crate) struct PersonAsCause;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Verb {
    Broke,
    Caused,
    LetThrough,
    Misconfigured,
    ForgotTo,
    Ignored,
    Missed,
    TookDown,
    Introduced,
    Botched,
    Responsible,
    /// "deployed a broken build", "pushed a bad config".
    Shipped,
    /// "accidentally deleted the table": only with an adverb of accident.
    Deleted,
}

/// Words that make a shipped thing the failure.
const FLAWED: &[&str] = &[
    "bad",
    "broken",
    "buggy",
    "faulty",
    "wrong",
    "untested",
    "incorrect",
];

/// Adverbs that turn a plain action into an accident pinned on someone.
const ACCIDENTALLY: &[&str] = &[
    "accidentally",
    "inadvertently",
    "mistakenly",
    "unknowingly",
    "unintentionally",
    "carelessly",
];

/// Things a person can be said to have missed or ignored, as opposed to a
/// deadline or a train.
const SIGNALS: &[&str] = &[
    "alert",
    "alerts",
    "alarm",
    "alarms",
    "warning",
    "warnings",
    "page",
    "pages",
    "bug",
    "bugs",
    "error",
    "errors",
    "sign",
    "signs",
    "issue",
    "issues",
    "step",
    "steps",
    "check",
    "checks",
    "problem",
    "problems",
    "message",
    "messages",
    "notification",
    "notifications",
    "regression",
    "regressions",
    "review",
    "ticket",
    "tickets",
    "email",
    "escalation",
    "symptoms",
    "dashboard",
];

/// Outcomes that make "X introduced …" or "X was responsible for …" a
/// statement of blame.
const OUTCOMES: &[&str] = &[
    "bug",
    "bugs",
    "regression",
    "regressions",
    "outage",
    "outages",
    "incident",
    "failure",
    "failures",
    "error",
    "errors",
    "breakage",
    "problem",
    "problems",
    "issue",
    "downtime",
    "mistake",
    "defect",
    "vulnerability",
];

fn verb_at(doc: &Doc, i: usize) -> Option<(Verb, usize)> {
    let w = doc.word(i)?;
    let v = match w {
        "broke" | "breaks" => {
            // "broke the work down", "broke even", "broke out the numbers".
            if (i + 1..i + 5).any(|j| doc.is_any(j, &["down", "out", "even", "up", "into"])) {
                return None;
            }
            (Verb::Broke, i)
        }
        "caused" | "causes" => (Verb::Caused, i),
        "let" | "lets" | "allowed" => {
            let end = (i + 1..i + 6)
                .take_while(|&j| doc.word(j).is_some())
                .find(|&j| doc.is_any(j, &["through", "slip", "slide", "past"]))?;
            (Verb::LetThrough, end)
        }
        "misconfigured" => (Verb::Misconfigured, i),
        "forgot" | "neglected" if doc.is(i + 1, "to") => (Verb::ForgotTo, i + 1),
        "forgot" => (Verb::Missed, i),
        "ignored" | "disregarded" => (Verb::Ignored, i),
        "missed" | "overlooked" => {
            let obj_end = doc.clause_end(i + 1, 4, OBJECT_STOP)?;
            if !(i + 1..=obj_end).any(|j| doc.is_any(j, SIGNALS)) {
                return None;
            }
            (Verb::Missed, i)
        }
        "took" | "brought" | "knocked" => {
            let down = (i + 1..i + 4)
                .take_while(|&j| doc.word(j).is_some())
                .find(|&j| doc.is(j, "down"))?;
            (Verb::TookDown, down)
        }
        "introduced" => {
            let obj_end = doc.clause_end(i + 1, 4, OBJECT_STOP)?;
            if !(i + 1..=obj_end).any(|j| doc.is_any(j, OUTCOMES)) {
                return None;
            }
            (Verb::Introduced, i)
        }
        "botched" | "mishandled" | "bungled" => (Verb::Botched, i),
        "pushed" | "deployed" | "merged" | "shipped" | "applied" | "released" | "committed" => {
            let obj_end = doc.clause_end(i + 1, 4, OBJECT_STOP)?;
            if !(i + 1..=obj_end).any(|j| doc.is_any(j, FLAWED)) {
                return None;
            }
            (Verb::Shipped, i)
        }
        "deleted" | "dropped" | "removed" | "wiped" | "truncated" | "overwrote" | "killed"
            if i > 0 && doc.is_any(i - 1, ACCIDENTALLY) =>
        {
            (Verb::Deleted, i)
        }
        "was" | "were" | "is" | "are" if doc.is(i + 1, "responsible") && doc.is(i + 2, "for") => {
            let obj_end = doc.clause_end(i + 3, 4, OBJECT_STOP)?;
            if !(i + 3..=obj_end).any(|j| doc.is_any(j, OUTCOMES)) {
                return None;
            }
            (Verb::Responsible, i + 2)
        }
        _ => return None,
    };
    Some(v)
}

impl Rule for PersonAsCause {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        for i in 1..doc.len() {
            let Some((verb, verb_end)) = verb_at(doc, i) else {
                continue;
            };
            let mut j = i - 1;
            while j > 0 && doc.is_any(j, ADVERBS) {
                j -= 1;
            }
            let Some(actor) = cx.people.actor_ending_at(doc, j) else {
                continue;
            };
            out.push(report(doc, actor, verb, i, verb_end));
        }
    }
}

fn report(doc: &Doc, actor: Actor, verb: Verb, i: usize, verb_end: usize) -> Finding {
    let who = doc.slice(actor.start, actor.end);
    let message = format!(
        "Names “{who}” as the cause; describe what in the system or process made this possible."
    );
    let object = doc
        .clause_end(verb_end + 1, 6, OBJECT_STOP)
        .map(|end| (end, doc.slice(verb_end + 1, end)));
    let case = |s: String| doc.match_case(actor.start, &s);
    let (end, suggestion) = match (verb, object) {
        (Verb::Broke, Some((end, obj))) => (end, Some(format!("{obj} broke after a change"))),
        (Verb::Misconfigured, Some((end, obj))) => (
            end,
            Some(format!("a configuration change left {obj} misconfigured")),
        ),
        (Verb::Ignored, Some((end, obj))) => (end, Some(format!("{obj} went unanswered"))),
        (Verb::Missed, Some((end, obj))) => (end, Some(format!("{obj} went unnoticed"))),
        (Verb::TookDown, Some((end, obj))) => {
            (end, Some(format!("{obj} went down after a change")))
        }
        (Verb::TookDown, None) if verb_end > i + 1 => {
            let obj = doc.slice(i + 1, verb_end - 1);
            (verb_end, Some(format!("{obj} went down after a change")))
        }
        (Verb::Botched, Some((end, obj))) => (end, Some(format!("{obj} did not go as planned"))),
        (Verb::Shipped, Some((end, obj))) => {
            let verb = doc.slice(i, i);
            (end, Some(format!("{obj} was {verb}")))
        }
        (Verb::Deleted, Some((end, obj))) => {
            let verb = doc.slice(i, i);
            (end, Some(format!("{obj} was {verb}")))
        }
        (Verb::Caused, _) => (i, Some("a change caused".to_string())),
        (Verb::Introduced, _) => (i, Some("a change introduced".to_string())),
        (Verb::LetThrough, _) => (
            verb_end,
            Some(format!("the review process {}", doc.slice(i, verb_end))),
        ),
        (Verb::ForgotTo, _) => (verb_end, Some("the checklist had no step to".to_string())),
        (Verb::Responsible, _) => (
            verb_end,
            Some("several conditions contributed to".to_string()),
        ),
        (_, None) => (verb_end, None),
    };
    let suggestions = suggestion.map(case).into_iter().collect();
    finding(doc, &INFO, actor.start, end, message, suggestions)
}

#[cfg(test)]
mod tests {
    use crate::lint::testing::{assert_clean, assert_flags, assert_rewrite};

    const ID: &str = "person-as-cause";

    #[test]
    fn a_person_breaking_something_becomes_the_thing_breaking() {
        assert_rewrite(
            ID,
            "Dana broke the deploy at 14:02 UTC.",
            "The deploy broke after a change at 14:02 UTC.",
        );
        assert_rewrite(
            ID,
            "Then Dana Ortiz accidentally broke the login page.",
            "Then the login page broke after a change.",
        );
    }

    #[test]
    fn a_team_letting_a_bug_through_becomes_the_process() {
        assert_rewrite(
            ID,
            "QA let the bug through.",
            "The review process let the bug through.",
        );
        assert_rewrite(
            ID,
            "Ops misconfigured production.",
            "A configuration change left production misconfigured.",
        );
    }

    #[test]
    fn roles_and_pronouns_count_as_people() {
        assert_rewrite(
            ID,
            "The on-call engineer ignored the alert for 20 minutes.",
            "The alert went unanswered for 20 minutes.",
        );
        assert_rewrite(
            ID,
            "We forgot to renew the certificate.",
            "The checklist had no step to renew the certificate.",
        );
        assert_rewrite(
            ID,
            "The DBA took down the primary during the upgrade.",
            "The primary went down after a change during the upgrade.",
        );
        assert_rewrite(
            ID,
            "The platform team caused the outage.",
            "A change caused the outage.",
        );
        assert_flags(ID, "He missed the page twice.", "He missed the page");
        assert_flags(
            ID,
            "Priya was responsible for the outage.",
            "Priya was responsible for",
        );
    }

    #[test]
    fn neutral_actions_and_systems_are_not_blame() {
        assert_clean(ID, "Sam rolled back the deploy at 14:05 UTC.");
        assert_clean(
            ID,
            "The deploy broke at 14:02 when the migration locked the table.",
        );
        assert_clean(ID, "A config change by Dana broke the cache.");
        assert_clean(ID, "Postgres broke the replication slot.");
        assert_clean(ID, "We broke the work down into three tasks.");
        assert_clean(ID, "The team missed the launch date by two days.");
        assert_clean(ID, "Sam introduced a feature flag for the new path.");
        assert_clean(ID, "Dana was responsible for the rollback.");
        assert_clean(ID, "Sam deployed the fix at 15:20.");
        assert_clean(ID, "Dana deleted the stale lock file to unblock the job.");
    }

    #[test]
    fn unknown_capitalised_words_are_not_people() {
        assert_clean(ID, "Kafka caused the backlog.");
        assert_clean(ID, "Friday broke our assumptions about traffic.");
    }
}
