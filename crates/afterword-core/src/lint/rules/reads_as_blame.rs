//! `reads-as-blame`: a sentence that no listed phrase matches but that, read
//! whole, puts a person at the centre of what went wrong ("Priya approved the
//! PR without opening the diff"). The reading comes from the small model in
//! `lint/model.rs`; a sentence another rule already flagged is left to that
//! rule, which can say more precisely what is wrong.

use std::sync::OnceLock;

use super::OBJECT_STOP;
use crate::lint::finding::{Category, Finding};
use crate::lint::model::{self, Model, Who};
use crate::lint::registry::{Rule, RuleInfo};
use crate::lint::{Cx, Mode};

pub(crate) const INFO: RuleInfo = RuleInfo {
    id: "reads-as-blame",
    category: Category::Attribution,
    description: "A sentence that, read as a whole, makes a person the reason something went wrong, though it uses none of the listed phrases.",
};

pub(crate) struct ReadsAsBlame;

fn shipped() -> Option<&'static Model> {
    static MODEL: OnceLock<Option<Model>> = OnceLock::new();
    MODEL.get_or_init(Model::shipped).as_ref()
}

impl Rule for ReadsAsBlame {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Finding>) {
        if cx.mode != Mode::Prose {
            return;
        }
        let Some(m) = shipped() else { return };
        let doc = cx.doc;
        let already = out.len();
        for s in model::sentences(doc, cx.people) {
            let (from, to) = (doc.tokens[s.start].start, doc.tokens[s.end - 1].end);
            if out[..already]
                .iter()
                .any(|f| f.span.offset < to && f.span.end > from)
            {
                continue;
            }
            if m.score(&model::features(doc, &s)) < m.threshold() {
                continue;
            }
            // Checked only for the few sentences the model would flag.
            if exonerates(doc, s.start, s.end)
                || routine_or_praised(doc, s.start, s.end)
                || reports_trouble(doc, &s)
                || people_in_general(doc, &s)
                || people_only_as_objects(doc, &s)
                || people_only_as_owner_tags(doc, &s)
                || super::sarcastic_credit::thanks_for_help(doc, s.start, s.end)
                || super::sarcastic_credit::thanks_with_good_news(doc, s.start, s.end)
            {
                continue;
            }
            // The person the sentence is about: a name or a role before a
            // bare pronoun, then what they are said to have done.
            let Some(who) = s
                .people
                .iter()
                .find(|p| p.who != Who::Pronoun)
                .or_else(|| s.people.first())
            else {
                continue;
            };
            let end = doc
                .clause_end(who.end + 1, 6, OBJECT_STOP)
                .filter(|&e| e < s.end)
                .unwrap_or(who.end);
            let person = doc.slice(who.start, who.end);
            out.push(super::finding(
                doc,
                &INFO,
                who.start,
                end,
                format!(
                    "Read as a whole, this sentence makes {person} the reason something went wrong. \
                     Say what happened and what made it possible (a missing check, an unclear \
                     signal, a risky default) rather than who did it."
                ),
                Vec::new(),
            ));
        }
    }
}

/// Whether tokens `from..to` say that nobody was at fault: "nobody on the
/// shift did anything wrong", "Arjun did nothing wrong", "it was not
/// Mira's fault", "no one is to blame", "Pavel never missed a page". Such a
/// sentence names people to clear them.
fn exonerates(doc: &crate::lint::tokens::Doc, from: usize, to: usize) -> bool {
    let negated = |k: usize| {
        (from.max(k.saturating_sub(12))..k).any(|j| {
            doc.is_any(
                j,
                &[
                    "nobody", "not", "never", "didn't", "wasn't", "isn't", "no", "none",
                ],
            )
        })
    };
    (from..to).any(|k| match doc.word(k) {
        // "Nobody here \"failed to\" do anything": nobody and a slip.
        Some("failed" | "forgot" | "neglected" | "missed" | "ignored")
            if (from.max(k.saturating_sub(4))..k).any(|j| doc.is(j, "nobody"))
                || (from.max(k.saturating_sub(4))..k).any(|j| doc.seq(j, &["no", "one"])) =>
        {
            true
        }
        // "nobody is being written up", "in line with our blameless
        // policy", "this is not the finding of this review".
        Some("blameless") => true,
        Some("nobody")
            if doc.is_any(k + 1, &["is", "will"]) && doc.is_any(k + 2, &["being", "be"]) =>
        {
            true
        }
        Some("not")
            if doc.is_any(k + 1, &["the", "a", "our"])
                && doc.is_any(k + 2, &["finding", "conclusion"]) =>
        {
            true
        }
        // "Adebayo's laptop was fine; the docking station firmware is why".
        Some("fine") if k > from + 1 => {
            doc.is_any(k - 1, &["was", "were", "is", "are"])
                && (from..k - 1).any(|j| doc.word(j).is_some_and(|w| w.ends_with("'s")))
        }
        // "Blaming Nikolai would miss the point".
        Some("blaming" | "blame") if super::blame_rejected(doc, k) => true,
        Some("wrong") if k > from => {
            doc.is(k - 1, "nothing") || doc.is(k - 1, "anything") && negated(k - 1)
        }
        // "Gulnara never missed a page", "Pavel didn't forget to": a step
        // that was not skipped.
        Some(
            "missed" | "ignored" | "forgot" | "overlooked" | "neglected" | "miss" | "ignore"
            | "forget" | "overlook" | "neglect",
        ) if k > from => doc.is_any(k - 1, &["never", "didn't", "not"]),
        Some("fault" | "blame") if k > from => {
            negated(k)
                && (k.saturating_sub(3).max(from)..k)
                    .any(|j| doc.is_any(j, &["not", "no", "nobody's", "anyone's", "to", "at"]))
        }
        _ => false,
    })
}

/// Whether tokens `from..to` tell of work done as planned or done well and
/// say nothing went wrong: "published by Callum on the usual schedule",
/// "staff moved to the downtime procedure quickly and consistently",
/// "ran first doses all morning without complaint".
fn routine_or_praised(doc: &crate::lint::tokens::Doc, from: usize, to: usize) -> bool {
    let marked = (from..to).any(|k| {
        doc.seq(k, &["as", "planned"])
            || doc.seq(k, &["as", "designed"])
            || doc.seq(k, &["as", "scheduled"])
            || doc.seq(k, &["on", "schedule"])
            || doc.seq(k, &["usual", "schedule"])
            || doc.seq(k, &["without", "complaint"])
            || doc.seq(k, &["by", "the", "book"])
            || doc.is_any(
                k,
                &[
                    "calmly",
                    "consistently",
                    "flawlessly",
                    "smoothly",
                    "exemplary",
                    "precise",
                    "invaluable",
                    "teamwork",
                ],
            )
            || doc.seq(k, &["quick", "and"])
            || doc.seq(k, &["as", "part", "of", "the"])
                && doc.is_any(
                    k + 4,
                    &[
                        "annual",
                        "planned",
                        "scheduled",
                        "routine",
                        "regular",
                        "usual",
                    ],
                )
            || doc.seq(k, &["quickly", "and"])
            // "so Sipho had to break glass": the emergency-access procedure.
            || doc.seq(k, &["break", "glass"])
            || doc.is(k, "break-glass")
            // "when the people who made the change are off shift".
            || doc.is(k, "off") && doc.is_any(k + 1, &["shift", "duty"])
            || doc.seq(k, &["on", "leave"]) && !(from..k).any(|j| doc.is_any(j, &["not", "isn't", "wasn't"]))
            // "a phone number for an engineering manager who left the
            // company in June".
            || doc.seq(k, &["left", "the", "company"])
            || doc.seq(k, &["left", "the", "organisation"])
            || doc.seq(k, &["left", "the", "organization"])
            // "Lars's decision to use the run 1 export avoided another run".
            || doc.is_any(k, &["avoided", "saved", "spared", "prevented"])
            // "when most of the team was online": who was there.
            || doc.is_any(k, &["was", "were"])
                && doc.is_any(k + 1, &["online", "available", "awake", "around", "present", "on-site"])
            // "was the right call", "Weronika's sharp eye caught the problem".
            || doc.seq(k, &["right", "call"])
            || doc.seq(k, &["good", "call"])
            || doc.seq(k, &["sharp", "eye"])
            || doc.seq(k, &["quick", "thinking"])
            || doc.is_any(k, &["caught", "spotted"])
                && doc.is_any(k + 1, &["the", "it", "this"])
                && !(from..k).any(|j| doc.is_any(j, &["have", "would", "could", "should", "had", "ought"]))
    });
    let troubled = (from..to).any(|k| {
        doc.is_any(
            k,
            &[
                "wrong", "not", "never", "no", "forgot", "failed", "ignored", "skipped", "missed",
                "broke", "deleted", "instead", "despite", "anyway", "but", "although", "though",
                "without", "only", "finally", "again",
            ],
        ) && !doc.seq(k, &["without", "complaint"])
            || doc.word(k).is_some_and(|w| w.ends_with("n't"))
    });
    marked && !troubled
}

/// Whether the only people in the sentence are people in general, and none
/// of them did anything: "must be visible where people look", "the route
/// from the sound to someone who can act on it". A lesson, not a charge.
fn people_in_general(doc: &crate::lint::tokens::Doc, s: &model::Sentence) -> bool {
    // "Anyone paying attention would have seen it" is hindsight aimed at
    // whoever was there.
    let hindsight = (s.start..s.end).any(|k| {
        doc.is_any(k, &["would", "should", "could", "must"]) && doc.is(k + 1, "have")
            || doc.is_any(k, &["obviously", "obvious", "clearly"])
    });
    if hindsight {
        return false;
    }
    let general = s.people.iter().all(|m| {
        m.start == m.end
            && (doc.is_any(m.start, &["people", "someone", "somebody", "humans"])
                && !crate::lint::people::past_verb(doc, m.end + 1)
                && !(doc.is(m.end + 1, "who") && crate::lint::people::past_verb(doc, m.end + 2))
                // "discovering what you forgot to count": anyone.
                || doc.is(m.start, "you")
                    && m.start > 0
                    && doc.is_any(m.start - 1, &["what", "whatever", "things", "anything", "if", "when"])
                // "the only route to the ALB for anyone on shift": whoever it
                // might be.
                || doc.is_any(m.start, &["anyone", "anybody"])
                    && m.start > 0
                    && doc.is_any(m.start - 1, &["for", "to", "of"]))
    });
    // A lesson in the present tense about people in general or about
    // things: "Frontline staff notice problems first", "Health checks must
    // look like real traffic, or they will tell comforting lies".
    let lesson = (s.start..s.end).all(|k| {
        !crate::lint::people::past_verb(doc, k)
            && !doc.is_any(
                k,
                &["was", "were", "had", "did", "didn't", "wasn't", "weren't"],
            )
    }) && s.people.iter().all(|m| {
        doc.is_any(
            m.end,
            &[
                "people",
                "staff",
                "users",
                "humans",
                "operators",
                "teams",
                "they",
                "them",
                "someone",
                "somebody",
            ],
        )
    });
    general || lesson
}

/// Whether every person in the sentence is only paged, told or written to:
/// "which made every minor retry page the team".
/// Whether every person in the sentence is only a tag naming who owns it:
/// "- [ ] Enable approvals for prod flag changes (@emeka, PAY-1402)"; not
/// "Primary cause: contractor error (Lwazi)", where the tag names a culprit.
fn people_only_as_owner_tags(doc: &crate::lint::tokens::Doc, s: &model::Sentence) -> bool {
    let culprit = (s.start..s.end).any(|k| {
        doc.is_any(
            k,
            &[
                "error",
                "errors",
                "cause",
                "caused",
                "fault",
                "mistake",
                "blame",
                "because",
                "responsible",
                "culprit",
            ],
        )
    });
    !culprit
        && !s.people.is_empty()
        && s.people.iter().all(|m| {
            let mut k = m.start;
            if k > 0 && doc.is_punct(k - 1, '@') {
                k -= 1;
            }
            k > 0
                && (doc.is_punct(k - 1, '(') || doc.is_punct(k - 1, ',') && k >= 2)
                && (doc.is_punct(m.end + 1, ',') || doc.is_punct(m.end + 1, ')'))
                && (k.saturating_sub(6)..k).any(|j| doc.is_punct(j, '('))
        })
}

fn people_only_as_objects(doc: &crate::lint::tokens::Doc, s: &model::Sentence) -> bool {
    // "we reimbursed their taxi fares", "we steered traffic to the
    // secondary CDN": the writers, as a team, tell what they did.
    // Unless the sentence names a cause or sounds ironic: "we agreed the
    // underlying cause was Lesieli", "we owe our weekend of pages to …".
    let only_us =
        s.people.iter().all(|m| {
            m.who == Who::Pronoun && doc.is_any(m.start, &["we", "us", "our", "ourselves"])
        }) && !(s.start..s.end).any(|k| {
            doc.is_any(
                k,
                &[
                    "cause",
                    "fault",
                    "blame",
                    "owe",
                    "genius",
                    "props",
                    "kudos",
                    "thanks",
                    "well",
                    "stroke",
                    "gratitude",
                ],
            )
        }) && !super::sarcastic_credit::sounds_ironic(doc, s.start, s.end);
    if only_us {
        return true;
    }
    s.people.iter().all(|m| {
        m.start > s.start
            && doc.is_any(
                m.start - 1,
                &[
                    "page", "paged", "pages", "woke", "wake", "wakes", "alerted", "alert",
                    "alerts", "notified", "notify", "emailed", "texted",
                ],
            )
    })
}

/// Whether the sentence opens with a person reporting something: "Purser
/// Aoife Brennan calls Crew Control: her tablet shows no pairing". What
/// they report may be trouble; reporting it is not.
fn reports_trouble(doc: &crate::lint::tokens::Doc, s: &model::Sentence) -> bool {
    // "Purser Aoife Brennan calls", "| 07:48 | Ward 4B charge nurse Precious
    // Moyo calls the lab": what comes before the person says who they are,
    // with no verb of its own.
    let lead_in = |m: &model::Mention| {
        m.start - s.start <= 8
            && (s.start..m.start).all(|k| {
                doc.word(k).is_none_or(|w| {
                    doc.tokens[k].capitalised
                        || w.starts_with(|c: char| c.is_ascii_digit())
                        || crate::lint::roles::is_role_word(w)
                        || matches!(
                            w,
                            "charge" | "duty" | "shift" | "night" | "day" | "senior" | "junior"
                        )
                })
            })
    };
    let Some(who) = s
        .people
        .iter()
        .take(2)
        .find(|m| lead_in(m))
        .map(|m| s.people.iter().find(|n| n.start == m.end + 1).unwrap_or(m))
    else {
        return false;
    };
    let opens = lead_in(who);
    let verb = who.end + 1;
    // Telling, or finding out: what they report or find may be wrong ("Priyanka
    // identified the wrong version"); that is not on them.
    let reports = doc.is_any(
        verb,
        &[
            "calls",
            "called",
            "phones",
            "phoned",
            "rings",
            "rang",
            "reports",
            "reported",
            "raises",
            "raised",
            "flags",
            "flagged",
            "emails",
            "emailed",
            "messages",
            "messaged",
            "posts",
            "posted",
            "escalates",
            "escalated",
            "notices",
            "noticed",
            "spots",
            "spotted",
            "asks",
            "asked",
            "tells",
            "told",
            "radios",
            "radioed",
            "detects",
            "detected",
            "identifies",
            "identified",
            "finds",
            "found",
            "receives",
            "received",
            "confirms",
            "confirmed",
            "traces",
            "traced",
            "diagnoses",
            "diagnosed",
        ],
    );
    // Answering the incident: "Tomás Ferreira puts Moodle into a reduced
    // mode", "Camille is incident commander". What they do here must not go
    // wrong itself.
    let responds = doc.is_any(
        verb,
        &[
            "declares",
            "declared",
            "joins",
            "joined",
            "arrives",
            "arrived",
            "pages",
            "paged",
            "restores",
            "restored",
            "puts",
            "switches",
            "switched",
            "opens",
            "opened",
            "takes",
            "took",
            "becomes",
            "became",
            "leads",
            "led",
            "starts",
            "coordinates",
            "loads",
            "checks",
            "checked",
            "reviews",
            "updates",
            "updated",
            "sends",
            "contacts",
            "contacted",
            "verifies",
            "verified",
            "monitors",
            "monitored",
            "coordinated",
        ],
    ) || doc.is(verb, "is")
        && (verb + 1..(verb + 3).min(s.end))
            .any(|k| doc.is_any(k, &["commander", "lead", "coordinator", "scribe"]));
    let judged = (s.start..s.end).any(|k| {
        doc.is_any(
            k,
            &[
                "should", "forgot", "ignored", "finally", "late", "instead", "failed", "only",
            ],
        )
    });
    // "Had Aroha checked the diff …, none of this would have happened".
    let judged = judged
        || doc.is_any(s.start, &["had", "if"])
        || (s.start..s.end)
            .any(|k| doc.is_any(k, &["would", "could", "might"]) && doc.is(k + 1, "have"));
    let went_wrong = (verb..s.end).any(|k| {
        doc.is_any(
            k,
            &[
                "wrong",
                "not",
                "never",
                "without",
                "mistakenly",
                "accidentally",
                "again",
            ],
        ) || doc.word(k).is_some_and(|w| w.ends_with("n't"))
    });
    opens && (reports || responds && !went_wrong) && !judged
}

#[cfg(test)]
mod tests {
    use crate::lint::testing::{assert_clean, only_no_people};

    #[test]
    fn sentences_built_like_blame_are_read_as_blame() {
        for text in [
            "Carlos signed off on a build that never ran the tests.",
            "Teodor rubber-stamped the rollout plan and went home.",
        ] {
            let found = only_no_people("reads-as-blame", text);
            assert_eq!(found.len(), 1, "{text}: {found:#?}");
            assert!(found[0].message.contains(&found[0].text[..4]), "{found:#?}");
        }
    }

    #[test]
    fn people_doing_their_work_are_not() {
        for text in [
            "Lea restarted the worker at 14:05 UTC.",
            "Rahul paged the database team, who joined within five minutes.",
            "The cron job failed to run at midnight.",
            "The on-call engineer failed over to the replica at 14:09.",
            "The warning Ravi found on the proxy:",
            "Customers landed on a page with no Shared Budgets entry point.",
            "No one in the room, Kwabena included, did anything wrong that night.",
            "Ayesha did nothing wrong; the runbook pointed at the old cluster.",
            "It was not Hamid's fault that the alert never fired.",
            "Nice work, Oyelaran, on coordinating the vendor call; the hand-off notes were superb.",
            "Kudos to Ines for rewriting the paging policy after the review.",
            "Kwame ran `kill -9` on the stuck consumer because it ignored the shutdown signal.",
            "Ngaio restarted the scheduler after it ignored two config reloads.",
            "Gulnara never missed a page during her six weeks on call.",
            "In two years Pavel did not ignore a single alert.",
        ] {
            let found = only_no_people("reads-as-blame", text);
            assert!(found.is_empty(), "{text}: {found:#?}");
        }
    }

    #[test]
    fn reporting_trouble_and_people_in_general_are_not_blame() {
        for text in [
            "- **18:14** — Purser Aoife Brennan calls Crew Control: her tablet shows no pairing for tomorrow although she is not on leave.",
            "State that decides readiness, such as control mode, must be visible where people look.",
            "An alarm is only as good as the route from the sound to someone who can act on it.",
            "The response card beside it lists a phone number for an engineering manager who left the company in June.",
            "The solver returned the best legal solution it could find, which left 23 positions open.",
            "5. Break-glass was the only route to the prod ALB for anyone on shift.",
            "- Nobody on shift had write access to the ALB listener in prod, so Sipho had to break glass.",
            "Metrics-based alerting was unaffected, which is why the rest of the on-call rotation had a quiet afternoon.",
            "At 10:52 a merchant in São Paulo emailed support about wrong tax amounts on a batch of orders.",
            "- It was a Friday evening in Europe, not Black Friday.",
            "- [ ] Enable approvals for all prod flag changes (@emeka, PAY-1402)",
            "- [ ] Alert on certificate expiry 30 days out (Tendai, Ruslan)",
        ] {
            let found = only_no_people("reads-as-blame", text);
            assert!(found.is_empty(), "{text}: {found:#?}");
        }
    }

    #[test]
    fn ships_arrivals_quoted_words_and_team_tools_are_not_people_to_blame() {
        for text in [
            "The MV Margarethe Schulte berthed two hours late because the crane outage had backed up the whole quay.",
            "| 05:10 | Rafael arrives on site, finds the outstation router locked up after a firmware watchdog fault, and power-cycles it. |",
            "- \"Unknown\" is a different outcome from \"failed\", and our tools and procedures need to treat it that way.",
            "- Support macros for duplicate rewards did not exist and had to be written live.",
        ] {
            let found = only_no_people("reads-as-blame", text);
            assert!(found.is_empty(), "{text}: {found:#?}");
        }
    }

    #[test]
    fn places_lessons_and_people_who_are_only_paged_are_not_blame() {
        for text in [
            "The outage was caused by a power fault at the Victoria substation.",
            "The config key `operator_error_threshold` was set to 0, which made every minor retry page the team.",
            "Special recognition goes to Nomvula, whose careful log analysis pinned down the memory leak.",
            "- Frontline staff notice problems first; their channels should be part of incident detection.",
            "- Health checks must look like real traffic, or they will tell comforting lies.",
            "- Counting what you care about is cheaper than discovering what you forgot to count.",
        ] {
            let found = crate::lint::lint_text(text, &crate::lint::LintConfig::default());
            assert!(found.is_empty(), "{text}: {found:#?}");
        }
    }

    #[test]
    fn the_writers_as_a_team_telling_what_they_did() {
        for text in [
            "At 11:02 we moved the reporting traffic to the standby replica.",
            "We refunded every booking fee the same evening.",
        ] {
            assert_clean("reads-as-blame", text);
        }
    }
}
