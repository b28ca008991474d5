//! `human-error`: "human error", "operator error", "user error" offered as
//! an explanation. They end the inquiry where it should begin: what made the
//! action possible, and likely? Metrics and UI terms ("user error rate",
//! "user error message") are left alone.

use super::finding;
use crate::lint::finding::{Category, Finding};
use crate::lint::registry::{Rule, RuleInfo};
use crate::lint::tokens::Doc;
use crate::lint::Cx;

pub(crate) const INFO: RuleInfo = RuleInfo {
    id: "human-error",
    category: Category::HumanError,
    description: "\"Human error\", \"operator error\" or \"user error\" given as an explanation.",
};

pub(crate) struct HumanError;

/// Words after "user error" etc. that make it a technical term.
const TECHNICAL: &[&str] = &[
    "rate",
    "rates",
    "budget",
    "budgets",
    "code",
    "codes",
    "message",
    "messages",
    "page",
    "pages",
    "handling",
    "handler",
    "count",
    "counts",
    "log",
    "logs",
    "state",
    "states",
    "path",
    "paths",
    "banner",
    "toast",
    "dialog",
    "screen",
    "class",
    "type",
    "types",
    "response",
    "responses",
];

/// Verbs before "user error" that make it a response the software sent.
const EMITTED: &[&str] = &[
    "returned",
    "returns",
    "return",
    "threw",
    "throws",
    "raised",
    "raises",
    "logged",
    "logs",
    "emitted",
    "emits",
    "shows",
    "showed",
    "displayed",
    "displays",
];

fn suggestion(who: &str) -> Option<&'static str> {
    match who {
        "human" | "personnel" | "staff" | "people" => Some("a step the process let through"),
        "operator" | "operational" => Some("an operational step the tooling allowed"),
        "user" | "customer" => Some("a path the product allowed"),
        "pilot" => Some("a step the process let through"),
        _ => None,
    }
}

/// Slang and euphemisms for "the person at the keyboard got it wrong":
/// PEBKAC, layer 8, ID10T, finger trouble, a fat finger, a brain fart.
/// The index of the phrase's last token.
fn slang_at(doc: &Doc, i: usize) -> Option<usize> {
    let w = doc.word(i)?;
    match w {
        "pebkac" | "pebcak" | "pebmac" | "id10t" | "id-10-t" | "id-ten-t" | "meatware"
        | "layer-8" | "layer8" | "butterfingers" | "wetware" => Some(i),
        "picnic" if doc.slice(i, i) == "PICNIC" => Some(i),
        "layer" if doc.is_any(i + 1, &["8", "eight"]) => Some(i + 1),
        "finger" if doc.is_any(i + 1, &["trouble", "problem", "slip"]) => Some(i + 1),
        "brain" if doc.is_any(i + 1, &["fart", "freeze"]) => Some(i + 1),
        "fat-finger" | "fat-fingering" => Some(i),
        "fat" if doc.is_any(i + 1, &["finger", "fingering"]) => {
            // The noun: "a fat finger", "classic fat finger:", not the verb
            // (the verb is person-as-cause).
            Some(i + 1)
        }
        "between" if doc.seq(i + 1, &["the", "keyboard", "and", "the", "chair"]) => Some(i + 5),
        "between" if doc.seq(i + 1, &["keyboard", "and", "chair"]) => Some(i + 3),
        // The same joke the other way round: "between the chair and the
        // keyboard".
        "between" if doc.seq(i + 1, &["the", "chair", "and", "the", "keyboard"]) => Some(i + 5),
        "between" if doc.seq(i + 1, &["chair", "and", "keyboard"]) => Some(i + 3),
        // "between the duty officer's chair and keyboard".
        "between" => {
            let chair = (i + 1..(i + 6).min(doc.len()))
                .take_while(|&k| doc.word(k).is_some())
                .find(|&k| doc.is_any(k, &["chair", "keyboard"]))?;
            let other = if doc.is(chair, "chair") {
                "keyboard"
            } else {
                "chair"
            };
            (chair + 1..(chair + 4).min(doc.len()))
                .take_while(|&k| doc.word(k).is_some())
                .find(|&k| doc.is(k, other))
                .filter(|_| doc.is(chair + 1, "and"))
        }
        _ => None,
    }
}

/// "through a slip by the scheduling clerk", "a slip-up from Dana": the
/// person's slip as the explanation. The tokens flagged.
fn slip_by(cx: &Cx<'_>, i: usize) -> Option<(usize, usize)> {
    let doc = cx.doc;
    if !doc.is_any(i, &["slip", "slip-up", "slipup", "blunder", "lapse"])
        || !doc.is_any(i + 1, &["by", "from", "on"])
    {
        return None;
    }
    // "a simple slip by Mr. Adebayo-Kruger": past the title.
    let at = if doc.is_any(i + 2, &["mr", "mrs", "ms", "mx", "dr", "prof"]) {
        if doc.is_punct(i + 3, '.') {
            i + 4
        } else {
            i + 3
        }
    } else {
        i + 2
    };
    let actor = cx.people.actor_starting_at(doc, at).or_else(|| {
        // "by the scheduling clerk": up to two modifiers before the role.
        (i + 2..(i + 6).min(doc.len()))
            .take_while(|&e| doc.word(e).is_some())
            .find_map(|e| {
                cx.people
                    .mention_ending_at(doc, e)
                    .filter(|a| a.start == i + 2 || a.start == i + 3)
            })
    })?;
    (actor.sure && actor.kind != crate::lint::people::ActorKind::Pronoun).then_some((i, actor.end))
}

impl Rule for HumanError {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        for i in 0..doc.len() {
            if let Some((a, b)) = slip_by(cx, i) {
                let what = doc.slice(a, b);
                out.push(finding(
                    doc,
                    &INFO,
                    a,
                    b,
                    format!(
                        "“{what}” makes a person's slip the explanation; ask what made the slip possible and likely."
                    ),
                    vec![],
                ));
                continue;
            }
            if let Some(end) = slang_at(doc, i) {
                let what = doc.slice(i, end);
                out.push(finding(
                    doc,
                    &INFO,
                    i,
                    end,
                    format!(
                        "“{what}” blames the person at the keyboard; ask what made the action possible and likely."
                    ),
                    vec![],
                ));
                continue;
            }
            let Some(rewrite) = doc.word(i).and_then(suggestion) else {
                continue;
            };
            if !doc.is_any(i + 1, &["error", "errors", "mistake", "mistakes"]) {
                continue;
            }
            let emitted = |back: usize| i >= back && doc.is_any(i - back, EMITTED);
            if doc.is_any(i + 2, TECHNICAL)
                || emitted(1)
                || (emitted(2) && doc.is_any(i - 1, &["a", "an", "the"]))
            {
                continue;
            }
            let what = doc.slice(i, i + 1);
            out.push(finding(
                doc,
                &INFO,
                i,
                i + 1,
                format!(
                    "“{what}” names a person as the explanation; ask what made the action possible and likely."
                ),
                vec![doc.match_case(i, rewrite)],
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::testing::{assert_clean, assert_flags, assert_rewrite, only_no_people};

    const ID: &str = "human-error";

    #[test]
    fn a_persons_slip_as_the_explanation() {
        assert_flags(
            ID,
            "The wrong fare table went live through a slip by the scheduling engineer, plain and simple.",
            "slip by the scheduling engineer",
        );
        assert_flags(ID, "Not a hardware problem, a wetware failure.", "wetware");
        assert_clean(
            ID,
            "A slip by the load balancer's health check let one bad node stay in.",
        );
        assert_clean(
            ID,
            "The schedule slip by two days was agreed with the client.",
        );
    }

    #[test]
    fn human_error_as_an_explanation() {
        assert_rewrite(
            ID,
            "The outage was caused by human error.",
            "The outage was caused by a step the process let through.",
        );
        assert_rewrite(
            ID,
            "Root cause: operator error during failover.",
            "Root cause: an operational step the tooling allowed during failover.",
        );
        assert_rewrite(
            ID,
            "Support closed it as user error.",
            "Support closed it as a path the product allowed.",
        );
        assert_rewrite(
            ID,
            "Human error, plain and simple.",
            "A step the process let through, plain and simple.",
        );
    }

    #[test]
    fn slang_for_the_person_at_the_keyboard() {
        for text in [
            "Honestly it was a layer 8 problem.",
            "Another ID10T error on the deploy dashboard.",
            "Some finger trouble on the console deleted the wrong volume.",
            "Classic fat finger: the replica count was set to 0.",
            "| Cause | PEBCAK |",
            "Was it a brain fart at two in the morning?",
            "A problem between the keyboard and the chair took down the dashboard.",
        ] {
            assert_eq!(
                crate::lint::testing::only_no_people(ID, text).len(),
                1,
                "{text}"
            );
        }
    }

    #[test]
    fn technical_terms_are_not_human_error() {
        assert_clean(ID, "The layer 7 load balancer dropped the header.");
        assert_clean(ID, "The team had a picnic after the launch.");
        assert_clean(ID, "The error rate rose to 12% within five minutes.");
        assert_clean(ID, "We burned 40% of the error budget.");
        assert_clean(ID, "Logs are now human-readable.");
        assert_clean(ID, "The user error rate stayed flat.");
        assert_clean(ID, "The API returned a user error for malformed input.");
        assert_clean(ID, "The human operator acknowledged the page at 03:12.");
    }

    #[test]
    fn a_slip_by_a_titled_name() {
        assert_eq!(
            crate::lint::testing::only_no_people(ID, "The duplicate reversal was a simple slip by Mr. Adebayo-Kruger, who approved the wrong batch ID.").len(),
            1
        );
    }

    #[test]
    fn the_chair_and_keyboard_joke_either_way_round() {
        assert!(!only_no_people(
            ID,
            "Frankly the outage was a problem between the chair and the keyboard."
        )
        .is_empty());
    }

    #[test]
    fn the_joke_with_a_person_in_the_middle() {
        assert!(!only_no_people(
            ID,
            "Classic case of trouble between the night porter's chair and keyboard."
        )
        .is_empty());
        assert_clean(
            ID,
            "We moved the spare keyboard between the chair and the desk.",
        );
    }
}
