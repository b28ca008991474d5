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

/// If "root cause" (singular) ends at token `i`, where it starts.
fn root_cause_ending_at(doc: &Doc, i: usize) -> Option<usize> {
    match doc.word(i)? {
        "root-cause" | "rootcause" => Some(i),
        "cause" if i > 0 && doc.is(i - 1, "root") => Some(i - 1),
        _ => None,
    }
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
            // "the root cause [of the outage] was|is|: <person>"
            let mut link = None;
            for j in i + 1..(i + 8).min(doc.len()) {
                if doc.is_any(j, &["was", "is", "were"])
                    || [':', '=', '-', '\u{2014}', '\u{2013}']
                        .iter()
                        .any(|&c| doc.is_punct(j, c))
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
                if let Some(actor) = cx.people.actor_starting_at(doc, k) {
                    out.push(finding(doc, &INFO, start, actor.end, MESSAGE, vec![]));
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
    use crate::lint::testing::{assert_clean, assert_flags};

    const ID: &str = "person-root-cause";

    #[test]
    fn a_person_as_the_root_cause() {
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
    }

    #[test]
    fn systems_as_root_causes_and_headings_are_fine() {
        assert_clean(ID, "# Root cause analysis\n\nThe cache expired.");
        assert_clean(ID, "The root cause was a race in the lease renewal.");
        assert_clean(
            ID,
            "The root cause was our deploy pipeline skipping the canary.",
        );
        assert_clean(ID, "Root cause: certificate expiry on the edge proxy.");
        assert_clean(ID, "Dana wrote the root cause section.");
        assert_clean(ID, "The root cause was Dana's change to the retry policy.");
        assert_clean(ID, "Sam found the root cause at 15:10.");
    }
}
