//! `person-root-cause`: a single root cause that is a person — "the root
//! cause was Dana", "root cause: the on-call engineer", "Sam was the root
//! cause". Incidents come from several interacting conditions; naming a
//! person as *the* cause stops the analysis. Headings such as "Root cause
//! analysis" are never linted.

use super::finding;
use crate::lint::finding::{Category, Finding};
use crate::lint::registry::{Rule, RuleInfo};
use crate::lint::tokens::Doc;
use crate::lint::Cx;

pub(crate) const INFO: RuleInfo = RuleInfo {
    id: "person-root-cause",
    category: Category::Attribution,
    description: "A person named as the single root cause (\"the root cause was Dana\").",
};

pub(crate) struct PersonRootCause;

const MESSAGE: &str =
    "Names a person as the single root cause; list the conditions that contributed instead.";

/// Words that may sit between "was" and the person: "was simply Dana".
const FILLER: &[&str] = &[
    "that",
    "simply",
    "just",
    "clearly",
    "ultimately",
    "obviously",
    "basically",
    "essentially",
    "really",
    "actually",
];

/// Words that make "cause" the single cause: "the root cause", "the sole
/// cause", "one cause".
const SINGLE: &[&str] = &[
    "root",
    "sole",
    "single",
    "primary",
    "main",
    "only",
    "real",
    "true",
    "one",
    "actual",
    "underlying",
    "ultimate",
    "whole",
];

/// If "root cause" (singular) ends at token `i`, where it starts.
fn root_cause_ending_at(doc: &Doc, i: usize) -> Option<usize> {
    match doc.word(i)? {
        "root-cause" | "rootcause" => Some(i),
        "cause" if i > 0 && doc.is_any(i - 1, SINGLE) => Some(i - 1),
        // "| Cause | Anil's script …", "Cause: Nadia".
        "cause" | "causes" | "reason" | "trigger" | "culprit"
            if (i == 0 || doc.word(i - 1).is_none())
                && (doc.word(i + 1).is_none() || doc.is(i + 1, "of")) =>
        {
            Some(i)
        }
        // "Primary contributing factor: the junior DBA", "main factor: Lea".
        "factor"
            if i >= 2
                && doc.is(i - 1, "contributing")
                && doc.is_any(
                    i - 2,
                    &["primary", "main", "biggest", "key", "major", "root"],
                ) =>
        {
            Some(i - 2)
        }
        "factor" if i >= 1 && doc.is_any(i - 1, &["primary", "main", "biggest", "root"]) => {
            Some(i - 1)
        }
        // "The problem was Ingrid", "the culprit was the intern".
        // Not "the first person to learn of the problem was the opening
        // nurse": there the problem is what they learned of.
        "problem" | "culprit" | "issue"
            if i > 0
                && doc.is(i - 1, "the")
                && doc.is_any(i + 1, &["was", "is"])
                && !(i >= 2 && doc.is_any(i - 2, &["of", "about", "with", "to", "for"])) =>
        {
            Some(i - 1)
        }
        // "The cause was Lakshmi."
        "cause" if i > 0 && doc.is(i - 1, "the") && (i == 1 || doc.word(i - 2).is_none()) => {
            Some(i - 1)
        }
        _ => None,
    }
}

/// The person named from token `k` on, or a person's work ("Sven's manual
/// change"): the last token of the mention.
fn person_or_their_work(cx: &Cx<'_>, k: usize) -> Option<usize> {
    let doc = cx.doc;
    // "Dr. Alemu", "Ms Okafor": the title belongs to the name after it.
    let mut k = k;
    if doc.is_any(k, crate::lint::people::TITLES)
        && doc.tokens.get(k).is_some_and(|t| t.capitalised)
    {
        k += if doc.is_punct(k + 1, '.') { 2 } else { 1 };
    }
    // "Y. Demir, fare systems": the family name after an initial.
    if doc.is_punct(k + 1, '.')
        && doc.tokens.get(k).is_some_and(|t| t.capitalised)
        && doc.slice(k, k).chars().count() == 1
        && doc.tokens.get(k + 2).is_some_and(|t| t.capitalised)
    {
        k += 2;
    }
    if let Some(actor) = cx.people.actor_starting_at(doc, k) {
        if actor.sure {
            return Some(actor.end);
        }
    }
    // "Merchandising analyst uploaded …": an unknown capitalised word that
    // opens a role.
    if let Some(end) = crate::lint::roles::role_starting_at(doc, k) {
        return Some(end);
    }
    // "Night-shift operator (K. Mensah) misread the gauge": a role whose
    // modifiers the forward reading stops at.
    for end in k..(k + 5).min(doc.len()) {
        if doc.tokens[end].kind == crate::lint::tokens::Kind::Break {
            break;
        }
        if crate::lint::roles::role_ending_at(doc, end).is_some_and(|s| s >= k)
            && !doc.word(end).is_some_and(|w| w.ends_with("'s"))
        {
            return Some(end);
        }
        // "| Root cause | Night auditor (Okonkwo) |": a role with no
        // determiner, as a cell is written.
        if end <= k + 1
            && doc.word(end).is_some_and(crate::lint::roles::is_role_word)
            && doc.word(end + 1).is_none()
        {
            return Some(end);
        }
        // "Root cause: store manager Haziq": a role, then the name.
        if end <= k + 1
            && doc.word(end).is_some_and(crate::lint::roles::is_role_word)
            && cx.people.level(end + 1) >= crate::lint::people::Level::Maybe
            && doc.tokens[end + 1].capitalised
            && doc.word(end + 2).is_none()
        {
            return Some(end + 1);
        }
    }
    // "the root cause is Jordan, not the scheduler", "was Alemu propping
    // the door open": a name no list is sure of, alone or doing something.
    if cx.people.level(k) >= crate::lint::people::Level::Maybe && doc.tokens[k].capitalised {
        let mut end = k;
        while cx.people.level(end + 1) >= crate::lint::people::Level::Maybe && end < k + 3 {
            end += 1;
        }
        if !doc.word(end).is_some_and(|w| w.ends_with("'s")) {
            let alone = end + 1 >= doc.len()
                || matches!(
                    doc.tokens[end + 1].kind,
                    crate::lint::tokens::Kind::Break
                        | crate::lint::tokens::Kind::Punct('.' | ',' | ';' | '!')
                );
            let listed = (k..=end).any(|j| {
                doc.word(j).is_some_and(|w| {
                    crate::lint::names::lookup(w).is_some() && !crate::lint::systems::is_system(w)
                })
            });
            let acting = doc
                .word(end + 1)
                .is_some_and(|w| w.len() > 4 && w.ends_with("ing"));
            // A word no list knows ("Sidekiq retrying") is a person only by
            // what only people do.
            let human_act = doc.is_any(
                end + 1,
                &[
                    "propping",
                    "leaving",
                    "ignoring",
                    "forgetting",
                    "skipping",
                    "approving",
                    "misreading",
                    "rushing",
                    "typing",
                    "pressing",
                    "clicking",
                    "unplugging",
                    "overriding",
                    "bypassing",
                    "deciding",
                    "refusing",
                ],
            );
            // "| Root cause | Nwosu (night shift) |": a name with the role
            // or shift it was on.
            let described = doc.is_punct(end + 1, '(')
                && (end + 2..(end + 5).min(doc.len()))
                    .any(|j| doc.word(j).is_some_and(crate::lint::roles::is_role_word));
            let inside = !doc.tokens[k].sentence_start;
            // "The root cause here was Sepideh, not the scheduler": a name
            // no list holds, spelled like a name, alone.
            let unlisted = end == k && cx.people.unlisted_name(doc, k) && alone;
            if (listed || unlisted) && inside && (alone || acting) || human_act || described {
                return Some(end);
            }
        }
    }
    for end in k..(k + 4).min(doc.len()) {
        doc.word(end)?;
        if let Some(a) = cx.people.possessor_ending_at(doc, end) {
            if a.start == k && a.sure && a.kind != crate::lint::people::ActorKind::Pronoun {
                let work = (end + 1..(end + 4).min(doc.len()))
                    .take_while(|&j| doc.word(j).is_some())
                    .find(|&j| super::work_as_cause::is_work(doc.word(j).unwrap_or_default()));
                return work;
            }
        }
    }
    None
}

impl Rule for PersonRootCause {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        for i in 0..doc.len() {
            let Some(start) = root_cause_ending_at(doc, i) else {
                continue;
            };
            // "the root cause [of the outage] was|is|: <person>", also in
            // the next table cell.
            let mut link = None;
            for j in i + 1..(i + 8).min(doc.len()) {
                if doc.is_any(j, &["was", "is", "were"])
                    || [':', '=', '-', '\u{2014}', '\u{2013}', '?']
                        .iter()
                        .any(|&c| doc.is_punct(j, c))
                    || j == i + 1 && doc.tokens[j].kind == crate::lint::tokens::Kind::Break
                {
                    link = Some(j);
                    break;
                }
                if doc.word(j).is_none() {
                    break;
                }
            }
            if let Some(link) = link {
                let mut k = link + 1;
                while doc.is_any(k, FILLER) {
                    k += 1;
                }
                if let Some(end) = person_or_their_work(cx, k) {
                    out.push(finding(doc, &INFO, start, end, MESSAGE, vec![]));
                    continue;
                }
            }
            // "<person> was the root cause"
            let mut j = start;
            while j > 0
                && doc.is_any(
                    j - 1,
                    &[
                        "the", "a", "sole", "single", "real", "true", "ultimate", "main", "only",
                    ],
                )
            {
                j -= 1;
            }
            if j >= 2 && doc.is_any(j - 1, &["was", "is", "were", "are"]) {
                if let Some(actor) = cx.people.actor_ending_at(doc, j - 2) {
                    out.push(finding(doc, &INFO, actor.start, i, MESSAGE, vec![]));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::testing::{assert_clean, assert_flags, only_no_people};

    const ID: &str = "person-root-cause";

    #[test]
    fn a_person_as_the_root_cause() {
        assert_flags(
            ID,
            "Cause of outage: the game server team's hotfix.",
            "Cause of outage: the game server team's hotfix",
        );
        assert_flags(
            ID,
            "| Cause | Merchandising analyst uploaded the file in the old template |",
            "Cause | Merchandising analyst",
        );
        assert_flags(
            ID,
            "| Cause | Data engineering team pushed an untested schema change |",
            "Cause | Data engineering team",
        );
        assert_flags(ID, "The root cause was Dana.", "root cause was Dana");
        assert_flags(
            ID,
            "Root cause: the on-call engineer.",
            "Root cause: the on-call engineer",
        );
        assert_flags(
            ID,
            "The root cause of the outage was simply Sam.",
            "root cause of the outage was simply Sam",
        );
        assert_flags(
            ID,
            "Priya Nair was the root cause.",
            "Priya Nair was the root cause",
        );
        assert_flags(
            ID,
            "The root cause was the DBA's oversight.",
            "root cause was the DBA's oversight",
        );
        assert_flags(ID, "The root cause is that we", "root cause is that we");
        assert_flags(
            ID,
            "The root cause was Dana's change to the retry policy.",
            "root cause was Dana's change",
        );
        assert_flags(
            ID,
            "Main contributing factor: the night-shift operator.",
            "Main contributing factor: the night-shift operator",
        );
        assert_flags(
            ID,
            "Root cause: Mereanui's manual change to the ACLs.",
            "Root cause: Mereanui's manual change",
        );
        for text in [
            "Root cause: Kenji deleted the production bucket.",
            "| Root cause | The contractor pushed the wrong DNS record |",
            "The root cause? The support lead.",
            "The incident had one cause: Fatima deployed without approval.",
            "The cause was Lakshmi and nobody else.",
            "Root cause: human operators.",
            "| Cause | Dana ran the cleanup job against production |",
            "The problem was Ingrid, plain and simple.",
            "Honestly, the culprit was the night-shift operator.",
        ] {
            assert_eq!(
                crate::lint::testing::only_no_people(ID, text).len(),
                1,
                "{text}"
            );
        }
    }

    #[test]
    fn a_heading_that_names_a_person_as_the_cause() {
        for text in [
            "## Root cause: Olumide, nobody else\n\nThe details follow.",
            "#### Trigger: the contractor\n",
        ] {
            assert_eq!(
                crate::lint::testing::only_no_people(ID, text).len(),
                1,
                "{text}"
            );
        }
        assert_clean(ID, "## Root cause: a race in the lease renewal\n");
        assert_clean(ID, "### Cause: disk pressure on the primary\n");
    }

    #[test]
    fn systems_as_root_causes_and_headings_are_fine() {
        assert_clean(ID, "# Root cause analysis\n\nThe cache expired.");
        assert_clean(ID, "The root cause was a race in the lease renewal.");
        assert_clean(ID, "Root cause: Kafka's retention change.");
        assert_clean(
            ID,
            "Main contributing factor: the retry storm from the mobile app.",
        );
        assert_clean(
            ID,
            "Primary contributing factor: disk pressure on the primary.",
        );
        assert_clean(
            ID,
            "The root cause was our deploy pipeline skipping the canary.",
        );
        assert_clean(ID, "Root cause: certificate expiry on the edge proxy.");
        assert_clean(ID, "Dana wrote the root cause section.");
        assert_clean(ID, "The root cause was the change to the retry policy.");
        assert_clean(
            ID,
            "| Root cause | An expired certificate on the internal CA |",
        );
        assert_clean(ID, "The cause is clearly visible in the graph.");
        assert_clean(ID, "Sam found the root cause at 15:10.");
        assert_clean(ID, "The problem was a missing index on the orders table.");
        assert_clean(ID, "| Cause | Disk pressure on the primary |");
    }

    #[test]
    fn learning_of_the_problem_is_not_being_it() {
        assert_clean(
            ID,
            "The first person to learn of the problem was the opening nurse at 07:10.",
        );
        assert_eq!(
            crate::lint::testing::only_no_people(ID, "The root cause of the failed payroll run was the HR systems analyst, who uploaded an unvalidated file.").len(),
            1
        );
    }

    #[test]
    fn titled_names_roles_with_modifiers_and_names_no_list_is_sure_of() {
        for text in [
            "The root cause here was Sepideh, not the scheduler.",
            "The root cause of this incident was Fenna.",
            "| INC-4471 | POS outage, 38 stores | Root cause: store manager Haziq | Closed |",
            "| Root cause | Y. Demir, fare systems |",
            "The root cause was Dr. Okonkwo leaving the valve half open.",
            "| Root cause | Day-shift technician (R. Baptiste) skipped the torque check |",
            "At the end of the day the root cause was Hannelore, not the pipeline.",
            "| Root cause | Ilse's manual override of the pump schedule |",
        ] {
            assert!(!only_no_people(ID, text).is_empty(), "{text}");
        }
        for text in [
            "The root cause was Sidekiq retrying forever.",
            "The root cause was Travis, not the tests.",
            "The root cause was Paris losing power.",
            "The root cause was Compaction, not the disks.",
            "The root cause here was Kubernetes, not the app.",
        ] {
            assert_clean(ID, text);
        }
    }

    #[test]
    fn a_name_with_the_shift_it_was_on() {
        assert!(!only_no_people(ID, "| Root cause | Okwuosa (early shift) |").is_empty());
    }
}
