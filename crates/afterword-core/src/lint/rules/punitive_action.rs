//! `punitive-action`: follow-ups that punish or watch a person instead of
//! changing the system — "Kenji will be written up", "Lena loses deploy
//! access", "Aisha will be removed from the on-call rotation", "disciplinary
//! action", "the engineer responsible". People who expect punishment stop
//! reporting problems. Access scoped by design ("the contractor's access was
//! scoped to staging, as planned") and rotations that change for everyone
//! are left alone.

use super::finding;
use crate::lint::finding::{Category, Finding};
use crate::lint::registry::{Rule, RuleInfo};
use crate::lint::tokens::Doc;
use crate::lint::Cx;

pub(crate) const INFO: RuleInfo = RuleInfo {
    id: "punitive-action",
    category: Category::ActionItem,
    description: "Follow-ups that punish or supervise a person (\"will be written up\", \"loses deploy access\").",
};

pub(crate) struct PunitiveAction;

const MESSAGE: &str =
    "Punishes or watches a person instead of changing the system; name a change to the tooling or process that makes the failure harder.";

/// Passive punishments after "will be", "has been", "was", "gets".
const PUNISHED: &[&str] = &[
    "written",
    "reprimanded",
    "disciplined",
    "fired",
    "sacked",
    "suspended",
    "demoted",
    "retrained",
    "re-trained",
    "supervised",
    "replaced",
    "removed",
    "taken",
    "moved",
    "banned",
    "barred",
    "blocked",
    "punished",
    "sanctioned",
    "warned",
    "named",
    "shamed",
    "dealt",
    "identified",
    "reviewed",
    "watched",
    "monitored",
    "coached",
    "counselled",
    "counseled",
    "held",
    "let",
    "put",
    "excluded",
];

const BE: &[&str] = &[
    "be", "been", "being", "is", "was", "were", "are", "get", "gets", "got",
];

/// The last token of a punitive phrase that starts at `i`.
/// Every word an arm of [`punitive_at`] starts with, besides [`BE`]: the
/// match below is only tried for these. A new arm adds its words here.
const FIRST_WORDS: &[&str] = &[
    "have",
    "penalty",
    "punishment",
    "sanction",
    "move",
    "take",
    "loses",
    "lose",
    "lost",
    "losing",
    "revoke",
    "revoked",
    "revoking",
    "suspend",
    "withdraw",
    "place",
    "hr",
    "mandatory",
    "retraining",
    "re-training",
    "attend",
    "undergo",
    "access",
    "rights",
    "privileges",
    "permissions",
    "retrain",
    "re-train",
    "re-educate",
    "reeducate",
    "remove",
    "pull",
    "bench",
    "disciplinary",
    "punitive",
    "buddy",
    "chaperone",
    "babysitter",
    "minder",
    "supervisor",
    "handler",
    "write",
    "writes",
    "writing",
    "wrote",
    "formal",
    "final",
    "written",
    "performance",
    "reprimand",
    "reprimanded",
    "no",
    "not",
    "ask",
    "asks",
    "get",
    "gets",
    "need",
    "needs",
    "remind",
    "tell",
    "warn",
    "instruct",
    "responsible",
    "until",
];

/// What a person is held back from until they are trained: "revoke …",
/// "no deploys …", "off the rotation …".
const HELD_BACK: &[&str] = &[
    "revoke",
    "revoked",
    "suspend",
    "suspended",
    "remove",
    "removed",
    "lose",
    "loses",
    "no",
    "not",
    "barred",
    "banned",
    "blocked",
    "off",
    "restrict",
    "restricted",
    "pull",
    "pulled",
    "bench",
    "benched",
    "freeze",
    "frozen",
];

fn punitive_at(cx: &Cx<'_>, i: usize) -> Option<usize> {
    let doc = cx.doc;
    let w = doc.word(i)?;
    static FIRST: std::sync::OnceLock<crate::lint::tokens::WordSet> = std::sync::OnceLock::new();
    if !FIRST
        .get_or_init(|| crate::lint::tokens::WordSet::new(&[FIRST_WORDS, BE]))
        .contains(w)
    {
        return None;
    }
    match w {
        // "have a word with Brook about being more diligent": a talking-to.
        "have"
            if doc.seq(i + 1, &["a", "word", "with"])
                || doc.seq(i + 1, &["a", "quiet", "word", "with"]) =>
        {
            let with = if doc.is(i + 2, "quiet") { i + 4 } else { i + 3 };
            (with + 1..(with + 6).min(doc.len()))
                .take_while(|&k| doc.word(k).is_some())
                .find(|&k| doc.is(k, "about"))
                // … about their conduct, not "about the contract terms".
                .filter(|&k| {
                    doc.word(k + 1).is_some_and(|w| w.ends_with("ing"))
                        || doc.is_any(
                            k + 1,
                            &[
                                "their",
                                "his",
                                "her",
                                "care",
                                "attention",
                                "conduct",
                                "behaviour",
                                "behavior",
                                "diligence",
                            ],
                        )
                })
        }
        // "has been permanently removed from our site access list": an
        // adverb may stand between.
        _ if BE.contains(&w)
            && (doc.is_any(i + 1, PUNISHED)
                || doc
                    .word(i + 1)
                    .is_some_and(|a| a.len() > 4 && a.ends_with("ly"))
                    && doc.is_any(i + 2, PUNISHED))
            && !super::spared_or_thing(cx, i) =>
        {
            let p = if doc.is_any(i + 1, PUNISHED) {
                i + 1
            } else {
                i + 2
            };
            let pw = doc.word(p)?;
            let end = match pw {
                "written" if doc.is(p + 1, "up") => p + 1,
                "written" => return None,
                "dealt" if doc.is(p + 1, "with") => p + 1,
                "held" if doc.is(p + 1, "accountable") || doc.is(p + 1, "responsible") => p + 1,
                "held" => return None,
                "let" if doc.is(p + 1, "go") => p + 1,
                "let" => return None,
                "put"
                    if (p + 1..p + 5).any(|j| {
                        doc.is_any(j, &["pip", "probation", "notice", "plan", "watch"])
                    }) =>
                {
                    p + 1
                }
                "put" => return None,
                "removed" | "taken" | "moved" | "excluded" => {
                    // "removed from the on-call rotation", "taken off the
                    // release team"; not "removed from the load balancer".
                    let k = (p + 1..p + 7).find(|&j| {
                        doc.is_any(
                            j,
                            &[
                                "rotation", "rota", "team", "on-call", "project", "release",
                                "schedule", "role", "duty", "access", "pager",
                            ],
                        )
                    })?;
                    if !doc.is_any(p + 1, &["from", "off", "out"]) {
                        return None;
                    }
                    k
                }
                "reviewed" if doc.is(p + 1, "by") && doc.is_any(p + 2, &["hr", "management"]) => {
                    p + 2
                }
                "reviewed" => return None,
                // "when she was blocked" is waiting on something; a
                // sanction says from what: "blocked from deploying".
                "blocked" if !doc.is(p + 1, "from") => return None,
                "identified" | "named" | "monitored" | "watched" | "blocked" | "replaced"
                | "warned" => {
                    // Only when said of a person: "whoever pushed the change
                    // should be identified".
                    if !person_subject_near(doc, i) {
                        return None;
                    }
                    p
                }
                "banned" | "barred" if doc.is(p + 1, "from") => p + 1,
                "banned" | "barred" => p,
                _ => p,
            };
            Some(end)
        }
        "loses" | "lose" | "lost" | "losing" | "revoke" | "revoked" | "revoking" | "suspend"
        | "withdraw" => {
            let k = (i + 1..i + 5)
                .find(|&j| doc.is_any(j, &["access", "rights", "privileges", "permissions"]))?;
            if w.starts_with("lost") && !person_subject_near(doc, i) {
                return None;
            }
            // "Revoke Yasmin's access to the change calendar": a person's
            // access, wherever it leads; a bot's access to one bucket is
            // scoping.
            let persons = (i + 1..k).any(|j| {
                doc.word(j).is_some_and(|w| {
                    let base = crate::lint::people::strip_possessive(w);
                    base != w
                        && (crate::lint::roles::is_role_word(base)
                            || doc.tokens[j].capitalised && !crate::lint::systems::is_system(base))
                })
            });
            if doc.is(k + 1, "to") && !doc.is(k + 2, "production") && !persons {
                return None;
            }
            // "Suspend Aoife's change rights": only a person's.
            if matches!(w, "suspend" | "withdraw") && !persons {
                return None;
            }
            Some(k)
        }
        // "… from clinical queues until retrained".
        "until"
            if doc.is_any(
                i + 1,
                &["retrained", "re-trained", "recertified", "re-certified"],
            ) && (i.saturating_sub(15)..i)
                .rev()
                .take_while(|&j| doc.tokens[j].kind != crate::lint::tokens::Kind::Break)
                .any(|j| doc.is_any(j, HELD_BACK)) =>
        {
            Some(i + 1)
        }
        // "… until she completes a communications course": a person held
        // back until they are trained.
        "until"
            if (i.saturating_sub(15)..i)
                .rev()
                .take_while(|&j| doc.tokens[j].kind != crate::lint::tokens::Kind::Break)
                .any(|j| doc.is_any(j, HELD_BACK))
                && (doc.is_any(i + 1, &["he", "she"])
                    || doc.tokens.get(i + 1).is_some_and(|t| t.capitalised)
                        && doc.word(i + 1).is_some_and(|w| {
                            !crate::lint::roles::is_common_word(w)
                                && !crate::lint::roles::is_role_word(w)
                                && !crate::lint::systems::is_system(w)
                        })) =>
        {
            let verb = (i + 2..(i + 4).min(doc.len())).find(|&j| {
                doc.is_any(
                    j,
                    &[
                        "completes",
                        "complete",
                        "completed",
                        "attends",
                        "attend",
                        "attended",
                        "finishes",
                        "finish",
                        "finished",
                        "passes",
                        "pass",
                        "passed",
                        "takes",
                        "take",
                        "taken",
                        "does",
                        "redoes",
                        "retakes",
                    ],
                )
            })?;
            (verb + 1..(verb + 6).min(doc.len()))
                .take_while(|&j| doc.word(j).is_some())
                .find(|&j| {
                    doc.is_any(
                        j,
                        &[
                            "course",
                            "training",
                            "workshop",
                            "certification",
                            "refresher",
                            "class",
                            "module",
                            "retraining",
                            "re-training",
                        ],
                    )
                })
        }
        // "The intern's deploy permissions are revoked".
        "access" | "rights" | "privileges" | "permissions" => {
            let k = (i + 1..i + 4).find(|&j| {
                doc.is_any(
                    j,
                    &[
                        "revoked",
                        "removed",
                        "suspended",
                        "pulled",
                        "withdrawn",
                        "stripped",
                    ],
                )
            })?;
            let owner = (i.saturating_sub(4)..i).any(|j| {
                doc.word(j).is_some_and(|w| {
                    let base = crate::lint::people::strip_possessive(w);
                    base != w
                        && (crate::lint::roles::is_role_word(base) || doc.tokens[j].capitalised)
                })
            });
            owner.then_some(k)
        }
        // "Retrain Aisha on the deploy process", "remove the intern from
        // the rotation": an order aimed at a person.
        "retrain" | "re-train" | "re-educate" | "reeducate" | "remove" | "pull" | "bench"
        | "move" | "take"
            if doc.tokens[i].sentence_start
                || i > 0 && doc.is_any(i - 1, &["to", "will", "must", "should"]) =>
        {
            // "Remove D. Hartley's upload permissions pending a review".
            if matches!(w, "remove" | "pull") {
                let owned = (i + 1..(i + 6).min(doc.len()))
                    .take_while(|&k| doc.word(k).is_some() || doc.is_punct(k, '.'))
                    .find(|&k| {
                        doc.is_any(k, &["access", "rights", "privileges", "permissions"])
                            && (i + 1..k).any(|j| {
                                doc.word(j).is_some_and(|x| {
                                    let base = crate::lint::people::strip_possessive(x);
                                    base != x
                                        && (crate::lint::roles::is_role_word(base)
                                            || doc.tokens[j].capitalised
                                                && !crate::lint::systems::is_system(base))
                                })
                            })
                    });
                if owned.is_some() {
                    return owned;
                }
            }
            // A capitalised word right before "off"/"from" is the one moved,
            // even when it is also a common word: "Move Will off the rotation".
            let moved_off = |j: usize| doc.is_any(j + 1, &["off", "from"]);
            let person = |j: usize| {
                doc.tokens.get(j).is_some_and(|t| t.capitalised)
                    && doc
                        .word(j)
                        .is_some_and(|w| !crate::lint::roles::is_common_word(w) || moved_off(j))
                    && !crate::lint::systems::is_system(doc.word(j).unwrap_or_default())
            };
            let role = |j: usize| {
                doc.is(j, "the")
                    && doc
                        .word(j + 1)
                        .is_some_and(crate::lint::roles::is_role_word)
            };
            // The longest role first: "Remove the service desk agent from
            // clinical queues", "Remove the on-call analyst from the rota".
            let whom_end = if let Some(end) = doc
                .is(i + 1, "the")
                .then(|| crate::lint::roles::role_starting_at(doc, i + 1))
                .flatten()
                .filter(|&end| doc.is_any(end + 1, &["from", "off"]) || !role(i + 1))
            {
                end
            } else if role(i + 1) {
                i + 2
            } else if person(i + 1) {
                // "Remove Dr. Bakradze from night shifts": the name after a
                // title.
                if doc.is_any(i + 1, crate::lint::people::TITLES)
                    && person(i + 2 + usize::from(doc.is_punct(i + 2, '.')))
                {
                    i + 2 + usize::from(doc.is_punct(i + 2, '.'))
                } else {
                    i + 1
                }
            } else {
                return None;
            };
            if matches!(w, "retrain" | "re-train" | "re-educate" | "reeducate") {
                return Some(whom_end);
            }
            // "remove X from the on-call rotation", "pull X off deploys".
            let k = (whom_end + 1..(whom_end + 6).min(doc.len())).find(|&j| {
                doc.is_any(
                    j,
                    &[
                        "rotation",
                        "on-call",
                        "deploys",
                        "production",
                        "prod",
                        "access",
                        "pager",
                        "queue",
                        "queues",
                        "rota",
                        "duty",
                        "duties",
                        "shifts",
                    ],
                )
            })?;
            // "Move X off the rotation" and "take X off on-call"; moving
            // someone from one rotation to another is not a punishment.
            let away = if matches!(w, "move" | "take") {
                &["off"][..]
            } else {
                &["from", "off"][..]
            };
            doc.is_any(whom_end + 1, away).then_some(k)
        }
        // "As a penalty for the data loss, the branch librarians involved
        // must redo the training": the follow-up named as a punishment.
        "penalty" | "punishment" | "sanction"
            if i >= 2 && doc.is(i - 2, "as") && doc.is_any(i - 1, &["a", "the"])
                || i >= 1 && doc.is(i - 1, "as") && w == "punishment" =>
        {
            Some(i)
        }
        // "Place the junior developer on a PIP", "put Ines on probation".
        "place" | "put"
            if doc.tokens[i].sentence_start
                || i > 0 && doc.is_any(i - 1, &["to", "will", "must", "should", ":"])
                || i > 0 && doc.is_punct(i - 1, ':') =>
        {
            let on = (i + 2..(i + 7).min(doc.len()))
                .take_while(|&k| doc.word(k).is_some())
                .find(|&k| doc.is(k, "on"))?;
            let whom = &doc.slice(i + 1, on - 1);
            let person = crate::lint::roles::role_starting_at(doc, i + 1).is_some()
                || doc.tokens[i + 1].capitalised
                    && !crate::lint::systems::is_system(doc.word(i + 1).unwrap_or_default())
                    && !whom.is_empty();
            let plan = (on + 1..(on + 5).min(doc.len()))
                .take_while(|&k| doc.word(k).is_some())
                .find(|&k| doc.is_any(k, &["pip", "probation", "notice", "watch"]))
                .or_else(|| doc.seq(on + 1, &["a", "performance"]).then_some(on + 2));
            (person).then_some(plan?)
        }
        // "HR has been informed", "the matter has been referred to HR".
        "hr" if doc.is_any(i + 1, &["has", "have", "was", "is", "will"])
            && (i + 2..(i + 5).min(doc.len())).any(|k| {
                doc.is_any(
                    k,
                    &["informed", "notified", "involved", "told", "contacted"],
                )
            }) =>
        {
            (i + 2..(i + 5).min(doc.len())).find(|&k| {
                doc.is_any(
                    k,
                    &["informed", "notified", "involved", "told", "contacted"],
                )
            })
        }
        // "Retraining for Ivana on model release".
        "retraining" | "re-training"
            if doc.is(i + 1, "for")
                && (crate::lint::roles::role_starting_at(doc, i + 2).is_some()
                    || doc.tokens.get(i + 2).is_some_and(|t| t.capitalised)
                        && !crate::lint::systems::is_system(
                            doc.word(i + 2).unwrap_or_default(),
                        )) =>
        {
            Some(i + 2)
        }
        // "Identity squad to attend mandatory retraining".
        "mandatory" | "attend" | "undergo"
            if doc.is_any(i + 1, &["retraining", "re-training", "refresher"])
                || doc.is(i + 1, "mandatory")
                    && doc.is_any(i + 2, &["retraining", "re-training", "refresher"]) =>
        {
            Some(if doc.is(i + 1, "mandatory") {
                i + 2
            } else {
                i + 1
            })
        }
        "disciplinary" | "punitive" => Some(i),
        // "Dariusz will need a buddy for every production change".
        "buddy" | "chaperone" | "babysitter" | "minder" | "supervisor" | "handler"
            if (i.saturating_sub(3)..i)
                .any(|k| doc.is_any(k, &["need", "needs", "get", "gets", "assigned", "given"]))
                && person_subject_near(doc, i) =>
        {
            Some(i)
        }
        // "We will write up Björn", "write the on-call up".
        "write" | "writes" | "writing" | "wrote" | "written"
            if w != "written" || doc.is(i + 1, "up") =>
        {
            let person = |j: usize| {
                doc.tokens[j].capitalised && doc.word(j).is_some()
                    || doc.word(j).is_some_and(crate::lint::roles::is_role_word)
                    || doc.is_any(j, &["him", "her", "them"])
            };
            let role = |j: usize| doc.word(j).is_some_and(crate::lint::roles::is_role_word);
            // "the DBA", "the two pickers involved".
            let whom = |j: usize| {
                person(j) && !role(j)
                    || doc.is(j, "the") && role(j + 1)
                    || doc.is(j, "the")
                        && doc.word(j + 1).is_some_and(|n| {
                            n.bytes().all(|b| b.is_ascii_digit())
                                || matches!(n, "two" | "three" | "four" | "both")
                        })
                        && role(j + 2)
            };
            if doc.is(i + 1, "up") && whom(i + 2) {
                Some(i + 1)
            } else if doc.is(i + 2, "up") && whom(i + 1) {
                Some(i + 2)
            } else if doc.is(i + 3, "up") && doc.is(i + 1, "the") && role(i + 2) {
                Some(i + 3)
            } else {
                None
            }
        }
        "formal" | "final" | "written" if doc.is_any(i + 1, &["warning", "reprimand"]) => {
            Some(i + 1)
        }
        "performance" if doc.seq(i + 1, &["improvement", "plan"]) => Some(i + 2),
        "reprimand" | "reprimanded" => Some(i),
        // "… is no longer trusted with prod access".
        // People are trusted with something; a certificate is trusted by
        // browsers.
        "no" if doc.is(i + 1, "longer")
            && doc.is(i + 2, "trusted")
            && doc.is_any(i + 3, &["with", "to", "on", "near", "around"]) =>
        {
            Some(i + 2)
        }
        "no" if doc.is(i + 1, "longer") && doc.is_any(i + 2, &["be", "allowed", "permitted"]) => {
            let end =
                (i + 2..i + 5).find(|&j| doc.is_any(j, &["allowed", "permitted", "trusted"]))?;
            Some(end)
        }
        "not"
            if doc.is(i + 1, "be")
                && doc.is_any(i + 2, &["allowed", "permitted", "trusted"])
                && person_subject_near(doc, i) =>
        {
            Some(i + 2)
        }
        "ask" | "asks" if doc.is(i + 1, "permission") => Some(i + 1),
        // "Kairat has to get sign-off for every change".
        "get" | "gets" | "need" | "needs"
            if doc.is_any(i + 1, &["sign-off", "signoff", "permission", "approval"])
                && doc.is_any(i + 2, &["for", "before", "from"])
                && (i.saturating_sub(3)..i)
                    .any(|k| doc.is_any(k, &["has", "have", "must", "will"]))
                && person_subject_near(doc, i) =>
        {
            Some(i + 1)
        }
        // "remind Dmitri to pay attention", "tell the on-call to be careful".
        "remind" | "tell" | "warn" | "instruct" => {
            let to = (i + 2..(i + 5).min(doc.len())).find(|&j| doc.is(j, "to"))?;
            let vigilance = doc.is_any(
                to + 1,
                &[
                    "pay",
                    "be",
                    "take",
                    "double-check",
                    "watch",
                    "focus",
                    "stop",
                    "think",
                ],
            );
            let person = (i + 1..to).any(|j| {
                doc.tokens[j].capitalised
                    || doc.word(j).is_some_and(crate::lint::roles::is_role_word)
            });
            (vigilance && person).then_some(to + 1)
        }
        "responsible"
            if i > 0
                // "We found no single person responsible" clears people.
                && !(i.saturating_sub(4)..i).any(|k| doc.is_any(k, &["no", "any", "not", "never"]))
                && doc.is_any(
                    i - 1,
                    &[
                        "engineer",
                        "person",
                        "operator",
                        "developer",
                        "dba",
                        "individual",
                        "one",
                        "people",
                        "employee",
                        "contractor",
                        "team",
                    ],
                ) =>
        {
            Some(i)
        }
        _ => None,
    }
}

/// Whether a person or "whoever …" is the subject a few words back.
fn person_subject_near(doc: &Doc, i: usize) -> bool {
    (i.saturating_sub(8)..i).any(|k| {
        doc.is_any(k, &["whoever", "he", "she", "they", "responsible"])
            || doc.word(k).is_some_and(crate::lint::roles::is_role_word)
                && !doc.is_any(k + 1, &["rotation", "schedule"])
            || doc.tokens[k].capitalised && !doc.tokens[k].sentence_start
    })
}

impl Rule for PunitiveAction {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        let mut i = 0;
        let mut last_end = None;
        while i < doc.len() {
            match punitive_at(cx, i) {
                // "Remove X from the queues until retrained" is one finding.
                Some(end)
                    if doc.is(i, "until")
                        && last_end.is_some_and(|e: usize| {
                            (e..i).all(|k| doc.word(k).is_some() || doc.is_punct(k, ','))
                        }) =>
                {
                    i = end + 1;
                }
                Some(end) => {
                    out.push(finding(doc, &INFO, i, end, MESSAGE, vec![]));
                    last_end = Some(end);
                    i = end + 1;
                }
                None => i += 1,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::testing::{assert_clean, only_no_people};

    const ID: &str = "punitive-action";

    #[test]
    fn punishment_and_supervision_are_flagged() {
        for text in [
            "Going forward, Aisha will be removed from the on-call rotation.",
            "Revoke Tendai's access to the billing console.",
            "Tendai is off the pager until she completes the escalation training.",
            "| 3 | No deploys for Marek until he passes a change-management course | Ines |",
            "Kenji will be written up for the outage.",
            "Lena loses deploy access until further notice.",
            "Going forward, Dario will be blocked from merging to main.",
            "- [ ] Remove Dr. Bakradze from unsupervised night shifts",
            "- Tomasz has been moved off the rotation for a month.",
            "| Action | The intern will be retrained | Zofia |",
            "Disciplinary action will follow.",
            "We will write up Björn for bypassing change control.",
            "HR is going to write the on-call up.",
            "Going forward, Dariusz will need a buddy for every production change.",
            "Sven received a formal warning.",
            "The contractor will no longer be allowed to touch DNS.",
            "Whoever pushed the change should be identified.",
            "The DBA responsible will answer for it.",
            "Will Arjun be put on a performance improvement plan?",
            "- [ ] Put the DBA on a performance improvement plan",
            "Effective today, the contractor's production permissions are suspended.",
            "| Follow-up | Marta's admin rights removed until the review |",
            "Retrain Kofi on the release checklist before his next deploy.",
            "- [ ] Remove the contractor from the on-call rotation",
            "- [ ] Move Dorota off the deploy rotation until further notice",
            "Take the intern off on-call for the rest of the quarter.",
            "- [ ] Move Mark off the release rotation",
            "The release manager will be replaced for the next release.",
            "- Action: remind Dmitri to pay attention during deploys.",
            "From now on, Kairat has to get sign-off for every change.",
            "Kenji was suspended pending the review.",
            "The night shift lead will be disciplined.",
            "Whoever approved it should be fired.",
            "| 5 | Remove the service desk agent from clinical queues | Service Desk Manager |",
            "Access for the night operator is suspended until retrained.",
            "Action item: place the junior developer on a PIP and review progress in 30 days.",
            "| 4 | Suspend Aoife's change-implementation rights pending retraining | Ward IT |",
            "HR has been informed and the matter is being handled with the individual directly.",
            "| 3 | Remove D. Hartley's upload permissions pending a conduct review. | Standards |",
            "| Identity squad to attend mandatory retraining on key management | Manager |",
            "Going forward, the Manila support pod is no longer trusted with prod access.",
            "The technician responsible for the mislabelled samples has been let go.",
            "| 5 | Retraining for Ivana on model release process | People Ops | 31 May |",
            "We've written up the two pickers involved and noted it in their reviews.",
        ] {
            let found = only_no_people(ID, text);
            assert!(!found.is_empty(), "{text}");
            assert!(found.iter().all(|f| f.span.end <= text.len()), "{text}");
        }
    }

    #[test]
    fn system_changes_and_access_by_design_are_fine() {
        assert_clean(
            ID,
            "Revoke the deploy bot's access to the artifacts bucket.",
        );
        assert_clean(
            ID,
            "Ana shadows the rotation until she completes onboarding training.",
        );
        assert_clean(
            ID,
            "Freeze schema changes until Finance completes the quarter close.",
        );
        assert_clean(
            ID,
            "- Zanele posted an update every ten minutes, including when she was blocked.",
        );
        assert_clean(
            ID,
            "The master node was demoted and a replica was promoted automatically.",
        );
        assert_clean(
            ID,
            "The deploy bot's permissions were revoked after the key leaked.",
        );
        assert_clean(
            ID,
            "Access to the old bucket was removed once the export finished.",
        );
        assert_clean(ID, "The node was removed from the load balancer at 14:05.");
        assert_clean(
            ID,
            "The contractor's access was scoped to the staging account, as planned.",
        );
        assert_clean(ID, "The on-call rotation will include a shadow shift.");
        assert_clean(ID, "Move Grafana off the shared host before the upgrade.");
        assert_clean(ID, "Take Kafka off the critical path for deploys.");
        assert_clean(
            ID,
            "Move Dorota from the infra rotation to the release rotation.",
        );
        assert_clean(ID, "Security rotated all keys as a precaution.");
        assert_clean(ID, "The old build was replaced by the fixed one.");
        assert_clean(
            ID,
            "Customers lost access to the dashboard for ten minutes.",
        );
        assert_clean(ID, "The doc was written by the incident lead.");
        assert_clean(ID, "We will write up the timeline tonight.");
        assert_clean(ID, "New joiners get a buddy for their first month.");
        assert_clean(ID, "Priya will write up the findings for the review.");
        assert_clean(
            ID,
            "Customer service heard 50 minutes after the promotion was suspended.",
        );
        assert_clean(
            ID,
            "Trading was halted and the account was suspended by the bank.",
        );
        assert_clean(
            ID,
            "No one should be disciplined for this; the tooling made it easy.",
        );
        assert_clean(ID, "Nobody will be written up, and nobody was fired.");
        assert_clean(ID, "Kenji will not be written up for the outage.");
        assert_clean(ID, "Place the new replica on a dedicated host.");
        assert_clean(
            ID,
            "The old intermediate certificate is no longer trusted by browsers.",
        );
        assert_clean(
            ID,
            "Suspend the nightly job's write access until the fix ships.",
        );
        assert_clean(
            ID,
            "Thanks to Bjørn for clearing the lock once it was identified as the blocker.",
        );
        assert_clean(
            ID,
            "We did not find any single person responsible, and we do not look for one.",
        );
    }

    #[test]
    fn a_role_of_two_words_taken_off_the_rota() {
        for text in [
            "Remove the on-call analyst from the rota until they repeat on-call induction.",
            "| 6 | Remove the on-call analyst from the rota until they repeat on-call induction | Pathology IT manager | 14 Feb |",
        ] {
            assert_eq!(only_no_people(ID, text).len(), 1, "{text}");
        }
        assert_clean(ID, "Move the on-call analyst to the new rota from March.");
    }

    #[test]
    fn removed_for_good_with_an_adverb_between() {
        assert_eq!(
            only_no_people(
                ID,
                "The vendor's engineer has been permanently removed from our site access list."
            )
            .len(),
            1
        );
        assert_clean(
            ID,
            "The old badge reader has been permanently removed from the site.",
        );
    }

    #[test]
    fn a_follow_up_named_as_a_penalty() {
        assert_eq!(
            only_no_people(ID, "As a penalty for the data loss, the branch librarians involved must redo the full GDPR training.").len(),
            1
        );
        assert_clean(
            ID,
            "The late-payment penalty was waived for every affected customer.",
        );
    }

    #[test]
    fn a_word_with_someone_about_their_care() {
        assert!(!only_no_people(
            ID,
            "Action: have a quiet word with Ilkka about double-checking."
        )
        .is_empty());
        assert_clean(
            ID,
            "We will have a word with the vendor about the contract terms.",
        );
    }
}
