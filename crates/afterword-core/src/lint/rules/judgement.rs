//! `judgement`: words that judge a person's character or competence —
//! careless, sloppy, negligent, lazy, reckless, incompetent, stupid. The same
//! words inside technical terms ("lazy loading", "dumb terminal") are left
//! alone, and so are hyphenated compounds, which are single tokens.

use super::finding;
use crate::lint::finding::{Category, Finding};
use crate::lint::registry::{Rule, RuleInfo};
use crate::lint::tokens::Doc;
use crate::lint::Cx;

pub(crate) const INFO: RuleInfo = RuleInfo {
    id: "judgement",
    category: Category::Tone,
    description: "Words that judge a person: careless, sloppy, negligent, lazy, reckless…",
};

pub(crate) struct Judgement;

const WORDS: &[&str] = &[
    "amateur",
    "amateur-hour",
    "amateurish",
    "boneheaded",
    "careless",
    "carelessly",
    "carelessness",
    "cavalier",
    "cavalierly",
    "clown",
    "clowns",
    "clueless",
    "dumb",
    "foolish",
    "foolishly",
    "idiot",
    "idiotic",
    "idiots",
    "incompetence",
    "incompetent",
    "incompetently",
    "inept",
    "ineptitude",
    "irresponsible",
    "irresponsibly",
    "lackadaisical",
    "lax",
    "laziness",
    "lazy",
    "moron",
    "moronic",
    "morons",
    "negligence",
    "negligent",
    "negligently",
    "reckless",
    "recklessly",
    "recklessness",
    "rookie",
    "silly",
    "slapdash",
    "sloppily",
    "sloppiness",
    "sloppy",
    "stupid",
    "stupidity",
    "stupidly",
    "thoughtless",
    "thoughtlessly",
];

/// The judgement words that are nouns, and so cannot just be dropped.
const NOUNS: &[&str] = &[
    "carelessness",
    "sloppiness",
    "negligence",
    "laziness",
    "recklessness",
    "incompetence",
    "stupidity",
    "idiot",
    "idiots",
    "ineptitude",
];

/// Words that turn a judgement word into a technical term.
fn technical(doc: &Doc, word: &str, next: usize) -> bool {
    match word {
        "lazy" => doc.is_any(
            next,
            &[
                "loading",
                "load",
                "loaded",
                "loads",
                "evaluation",
                "evaluated",
                "initialization",
                "initialisation",
                "init",
                "initialized",
                "initialised",
                "static",
                "iterator",
                "iterators",
                "val",
                "value",
                "values",
                "sequence",
                "sequences",
                "import",
                "imports",
                "binding",
                "bindings",
                "fetch",
                "fetching",
                "compilation",
                "mode",
                "list",
                "lists",
                "collection",
                "collections",
                "deserialization",
                "mount",
                "mounting",
                "hydration",
                "route",
                "routes",
                "consumer",
                "consumers",
                "cell",
                "lock",
            ],
        ),
        "stupid" => doc.is_any(next, &["backoff", "sort", "simple"]),
        "sloppy" => doc.is_any(next, &["quorum", "quorums"]),
        "amateur" => doc.is_any(
            next,
            &["radio", "astronomy", "league", "sports", "photographer"],
        ),
        "dumb" => doc.is_any(
            next,
            &[
                "terminal",
                "terminals",
                "pipe",
                "pipes",
                "client",
                "proxy",
                "switch",
            ],
        ),
        // "silly" and "rookie" only judge a person in "silly mistake".
        "silly" | "rookie" => {
            !doc.is_any(next, &["mistake", "mistakes", "error", "errors", "move"])
        }
        _ => false,
    }
}

/// Words after an adjective that show it describes something, so the
/// adjective can simply be dropped.
const NOT_A_NOUN: &[&str] = &[
    "and", "or", "but", "to", "of", "about", "with", "in", "on", "when", "that", "as", "enough",
    "for", "by", "at", "here", "there", "again", "because", "while",
];

/// Nouns for a person, after "any junior …", "a first-year …".
const PERSON_NOUNS: &[&str] = &[
    "junior",
    "beginner",
    "novice",
    "newbie",
    "child",
    "kid",
    "intern",
    "student",
    "trainee",
    "rookie",
    "engineer",
    "operator",
    "developer",
    "dba",
    "admin",
    "sre",
    "person",
    "one",
    "human",
    "professional",
    "programmer",
    "reviewer",
    "grad",
    "manager",
    "lead",
    "tester",
    "analyst",
    "architect",
    "administrator",
    "sysadmin",
];

/// Qualities that set a bar someone failed: "any competent engineer".
const BAR: &[&str] = &[
    "reasonable",
    "competent",
    "decent",
    "experienced",
    "sane",
    "half-decent",
    "qualified",
    "good",
    "careful",
    "sensible",
    "first-year",
    "junior",
    "new",
    "trained",
    "responsible",
];

/// A judging phrase starting at `i`, and its last token.
/// Every word an arm of [`phrase_at`] starts with: the match is only tried
/// for these. A new arm adds its words here.
const PHRASE_STARTS: &[&str] = &[
    "too",
    "don't",
    "doesn't",
    "didn't",
    "a",
    "all",
    "an",
    "any",
    "anyway",
    "apparently",
    "asleep",
    "assumed",
    "basic",
    "circus",
    "clearly",
    "cowboy",
    "cowboys",
    "decided",
    "despite",
    "didn't",
    "disaster",
    "doesn't",
    "dropped",
    "drops",
    "embarrassment",
    "even",
    "evidently",
    "figured",
    "freaked",
    "had",
    "has",
    "have",
    "how",
    "ignoring",
    "isn't",
    "joke",
    "lack",
    "no",
    "not",
    "obviously",
    "panicked",
    "panics",
    "regardless",
    "shambles",
    "should",
    "simply",
    "thought",
    "trainwreck",
    "wasn't",
    "weren't",
    "what",
];

fn phrase_at(cx: &Cx<'_>, i: usize) -> Option<usize> {
    let doc = cx.doc;
    let w = doc.word(i)?;
    static STARTS: std::sync::OnceLock<crate::lint::tokens::WordSet> = std::sync::OnceLock::new();
    if !STARTS
        .get_or_init(|| crate::lint::tokens::WordSet::new(&[PHRASE_STARTS]))
        .contains(w)
    {
        return None;
    }
    match w {
        // "All Lena had to do was …", "all they had to do was …".
        "all" => {
            let had = (i + 1..(i + 5).min(doc.len()))
                .find(|&k| doc.is_any(k, &["had", "has", "needed"]))?;
            if !doc.seq(had + 1, &["to", "do"]) || !doc.is_any(had + 3, &["was", "is"]) {
                return None;
            }
            // The frame itself says a person: "All Sigrún had to do was …".
            let who = cx.people.actor_ending_at(doc, had - 1);
            who.filter(|a| {
                a.start == i + 1 && (a.sure || a.kind == crate::lint::people::ActorKind::Name)
            })?;
            Some(had + 3)
        }
        // "Any junior would have known", "even a child could have seen",
        // "any competent engineer knows".
        "any" | "a" | "an" | "even" => {
            let mut k = i + 1;
            if w == "even" && doc.is_any(k, &["a", "an"]) {
                k += 1;
            }
            let mut barred = w == "even";
            let mut noun = None;
            while k < (i + 5).min(doc.len()) {
                let word = doc.word(k)?;
                if PERSON_NOUNS.contains(&word)
                    && !(BAR.contains(&word)
                        && doc.word(k + 1).is_some_and(|n| PERSON_NOUNS.contains(&n)))
                {
                    noun = Some(k);
                    barred |= BAR.contains(&word);
                } else if BAR.contains(&word) {
                    barred = true;
                } else if noun.is_none()
                    && barred
                    && doc.word(k + 1).is_some_and(|n| PERSON_NOUNS.contains(&n))
                {
                    // "any competent project manager": a modifier before the noun.
                } else if noun.is_some() {
                    break;
                } else {
                    return None;
                }
                k += 1;
            }
            let noun = noun?;
            let junior = doc.is_any(
                noun,
                &[
                    "junior", "child", "kid", "beginner", "novice", "newbie", "intern", "student",
                    "trainee", "rookie", "grad",
                ],
            );
            // "any junior would have …", and "only a rookie would …".
            let only = w == "a" || w == "an";
            let only = !only || i > 0 && doc.is(i - 1, "only");
            if !(barred || junior && only) {
                return None;
            }
            doc.is_any(
                noun + 1,
                &[
                    "would", "could", "should", "knows", "know", "can", "would've", "could've",
                    "wouldn't",
                ],
            )
            .then_some(noun + 1)
        }
        // "How hard is it to check which tank you are filling?": a question
        // that mocks the person asked (a question about a system, "how hard
        // is it to shard Postgres?", asks no one).
        "how"
            if doc.seq(i + 1, &["hard", "is", "it", "to"])
                || doc.seq(i + 1, &["difficult", "is", "it", "to"])
                || doc.seq(i + 1, &["hard", "can", "it", "be"]) =>
        {
            let to = (i + 5..doc.len())
                .find(|&k| {
                    doc.is_punct(k, '?') || doc.tokens[k].kind == crate::lint::tokens::Kind::Break
                })
                .unwrap_or(doc.len());
            let aimed = (i + 5..to).any(|k| {
                doc.is_any(k, &["you", "your", "you're", "yourself", "you've"])
                    || cx.people.level(k) >= crate::lint::people::Level::Maybe
                        && doc.is_punct(k - 1, ',')
                        && k + 1 == to
            });
            aimed.then_some(i + 4)
        }
        // "What kind of engineer deploys at 5pm on a Friday with no rollback
        // plan?": a question that mocks whoever did it. Asking what kind
        // of engineer a team needs asks no one.
        "what" if doc.is_any(i + 1, &["kind", "sort", "type"]) && doc.is(i + 2, "of") => {
            let mut k = i + 3;
            if doc.is_any(k, &["a", "an"]) {
                k += 1;
            }
            let noun = (k..(k + 3).min(doc.len()))
                .take_while(|&j| doc.word(j).is_some())
                .find(|&j| {
                    doc.is_any(j, &["person", "human", "professional", "idiot"])
                        || doc.word(j).is_some_and(crate::lint::roles::is_role_word)
                })?;
            let to = (noun + 1..doc.len())
                .find(|&j| {
                    doc.is_punct(j, '?')
                        || doc.is_punct(j, '.')
                        || doc.is_punct(j, '!')
                        || doc.tokens[j].kind == crate::lint::tokens::Kind::Break
                })
                .filter(|&j| doc.is_punct(j, '?'))?;
            let verb = noun + 1;
            let would = doc.is_any(verb, &["would", "wouldn't", "could"])
                && !doc.is_any(
                    verb + 1,
                    &["we", "you", "they", "i", "the", "our", "this", "that"],
                );
            let reckless = doc.word(verb).is_some_and(|v| {
                v.len() > 3 && v.ends_with('s') && !matches!(v, "does" | "has" | "was" | "needs")
            }) && (verb + 1..to).any(|j| {
                doc.is_any(
                    j,
                    &[
                        "without",
                        "no",
                        "never",
                        "friday",
                        "prod",
                        "production",
                        "straight",
                        "directly",
                        "unreviewed",
                        "untested",
                        "blindly",
                    ],
                )
            });
            (would || reckless).then_some(verb)
        }
        "no" if doc.is_any(i + 1, &["idea", "clue"]) && doc.is_any(i + 2, &["what", "how"]) => {
            Some(i + 2)
        }
        "asleep" if doc.seq(i + 1, &["at", "the", "wheel"]) => Some(i + 3),
        "asleep"
            if i >= 2
                && doc.is_any(i - 1, &["was", "were"])
                && doc.is_any(i + 1, &["while", "throughout"]) =>
        {
            cx.people.actor_ending_at(doc, i - 2).filter(|a| a.sure)?;
            Some(i)
        }
        "panicked" | "panics" | "freaked" => {
            let actor = cx.people.actor_ending_at(doc, i.checked_sub(1)?)?;
            (actor.sure && actor.kind != crate::lint::people::ActorKind::Pronoun
                || doc.is_any(actor.start, &["he", "she", "they"]))
            .then_some(i)
        }
        "lack"
            if doc.is(i + 1, "of")
                && doc.is_any(
                    i + 2,
                    &[
                        "attention",
                        "care",
                        "diligence",
                        "competence",
                        "judgement",
                        "judgment",
                        "skill",
                        "experience",
                        "discipline",
                    ],
                ) =>
        {
            // "Joaquín's lack of attention", "the team's lack of care".
            let owner = i
                .checked_sub(1)
                .and_then(|p| cx.people.possessor_ending_at(doc, p));
            owner.is_some().then_some(i + 2)
        }
        "wasn't" | "weren't" | "not" if doc.seq(i + 1, &["paying", "attention"]) => Some(i + 2),
        "didn't" if doc.seq(i + 1, &["pay", "attention"]) => Some(i + 2),
        "disaster" | "shambles" | "joke" | "embarrassment" | "trainwreck" | "circus" => {
            if !doc.is_any(
                i.checked_sub(1)?,
                &["a", "an", "total", "complete", "absolute"],
            ) {
                return None;
            }
            let person = (i.saturating_sub(8)..i).any(|k| {
                cx.people
                    .possessor_ending_at(doc, k)
                    .is_some_and(|a| a.sure)
                    || cx.people.actor_ending_at(doc, k).is_some_and(|a| {
                        a.sure && a.kind != crate::lint::people::ActorKind::Pronoun
                    })
            });
            person.then_some(i)
        }
        "basic" if doc.is_any(i + 1, &["stuff", "mistake", "mistakes", "error"]) => Some(i + 1),
        // "acted like a cowboy", "a cowboy on the console"; "cowboy
        // change" is left to a team's own phrases.
        "cowboy" | "cowboys"
            if doc.word(i + 1).is_none()
                || doc.is_any(i + 1, &["on", "with", "in", "at", "again", "and"]) =>
        {
            Some(i)
        }
        "should" if doc.seq(i + 1, &["know", "better"]) => Some(i + 2),
        // "… who apparently had better things to do".
        "had" | "have" | "has" if doc.seq(i + 1, &["better", "things", "to", "do"]) => Some(i + 4),
        // "the shore IT team are frankly too inexperienced to be trusted
        // with live schema changes".
        "too"
            if doc.is_any(
                i + 1,
                &[
                    "inexperienced",
                    "junior",
                    "green",
                    "careless",
                    "lazy",
                    "sloppy",
                    "incompetent",
                    "clueless",
                ],
            ) && doc.is(i + 2, "to")
                && person_subject_before(cx, i) =>
        {
            Some(i + 1)
        }
        // "the night crew just don't care about scanning".
        "don't" | "doesn't" | "didn't"
            if doc.is(i + 1, "care")
                && !doc.is_any(i + 2, &["if", "whether", "which", "who"])
                && person_subject_before(cx, i) =>
        {
            Some(i + 1)
        }
        // "The logistics coordinator is simply not up to the job".
        "not" | "isn't" | "wasn't" | "aren't" | "weren't"
            if doc.seq(i + 1, &["up", "to", "the"])
                && doc.is_any(i + 4, &["job", "task", "role", "work"])
                && (i.saturating_sub(5)..i).any(|k| {
                    cx.people.actor_ending_at(doc, k).is_some_and(|a| {
                        a.sure && a.kind != crate::lint::people::ActorKind::Pronoun
                    }) || doc.word(k).is_some_and(crate::lint::roles::is_role_word)
                }) =>
        {
            Some(i + 4)
        }
        // "the night editor isn't fit for the role".
        "isn't" | "wasn't" | "not"
            if doc.seq(i + 1, &["fit", "for", "the"])
                && doc.is_any(i + 4, &["role", "job", "position", "rota", "rotation"]) =>
        {
            Some(i + 4)
        }
        // "dropped the escalation on the floor" ("dropped the ball" is a
        // blame word of its own).
        "dropped" | "drops" if person_subject_before(cx, i) => {
            let floor = (i + 2..(i + 7).min(doc.len()))
                .take_while(|&k| doc.word(k).is_some())
                .find(|&k| doc.seq(k, &["on", "the", "floor"]))?;
            Some(floor + 2)
        }
        // "clearly didn't understand the retry logic", "didn't even read
        // the runbook": a verdict on what a person grasped.
        "clearly" | "obviously" | "evidently" | "apparently" | "simply" => {
            let neg = i + 1;
            let verb = match doc.word(neg)? {
                "didn't" | "doesn't" | "never" | "couldn't" => neg + 1,
                "did" | "does" if doc.is(neg + 1, "not") => neg + 2,
                _ => return None,
            };
            let verb = if doc.is(verb, "even") { verb + 1 } else { verb };
            if !doc.is_any(
                verb,
                &[
                    "understand",
                    "grasp",
                    "read",
                    "know",
                    "think",
                    "care",
                    "bother",
                    "check",
                    "test",
                    "look",
                ],
            ) || !person_subject_before(cx, i)
            {
                return None;
            }
            Some(verb)
        }
        "didn't" | "doesn't" if doc.is(i + 1, "even") && doc.word(i + 2).is_some() => {
            person_subject_before(cx, i).then_some(i + 2)
        }
        // "Despite two warnings, Ji-ho deployed on Friday", "deployed despite
        // the warnings".
        "despite" | "ignoring" => {
            let warn = (i + 1..(i + 5).min(doc.len()))
                .take_while(|&k| doc.word(k).is_some())
                .find(|&k| {
                    doc.is_any(
                        k,
                        &[
                            "warning",
                            "warnings",
                            "alert",
                            "alerts",
                            "objections",
                            "concerns",
                            "advice",
                            "pushback",
                        ],
                    )
                })?;
            let mut next = warn + 1;
            if doc.is_punct(next, ',') {
                next += 1;
            }
            let after = cx.people.actor_starting_at(doc, next).is_some_and(|a| {
                a.sure && a.kind != crate::lint::people::ActorKind::Pronoun
                    || doc.is_any(a.start, &["he", "she", "they"])
            });
            (after || person_subject_before(cx, i)).then_some(warn)
        }
        // "Hiroshi thought it was fine to skip the canary".
        "thought" | "figured" | "assumed" | "decided"
            if doc.seq(i + 1, &["it", "was"])
                && doc.is_any(i + 3, &["fine", "ok", "okay", "safe", "smart"])
                && doc.is(i + 4, "to")
                && person_subject_before(cx, i) =>
        {
            Some(i + 4)
        }
        // "… but Sven ran it anyway": going ahead against what was known.
        "anyway" | "regardless"
            if doc.word(i + 1).is_none() && i >= 2 && person_subject_before(cx, i - 1) =>
        {
            Some(i)
        }
        _ => None,
    }
}

/// Whether a person (a name, a role, or he/she/they) is the subject of the
/// clause that reaches token `i`: the nearest mention before it in the same
/// sentence, at most a dozen tokens back, with a verb between.
fn person_subject_before(cx: &Cx<'_>, i: usize) -> bool {
    let doc = cx.doc;
    let from = i.saturating_sub(12);
    let mut k = i;
    while k > from {
        k -= 1;
        if doc.word(k).is_none() {
            return false;
        }
        if doc.is(k, "whoever") {
            return true;
        }
        if let Some(a) = cx.people.actor_ending_at(doc, k) {
            let pronoun = a.kind == crate::lint::people::ActorKind::Pronoun;
            return a.sure && (!pronoun || doc.is_any(a.start, &["he", "she", "they"]));
        }
        if doc.tokens[k].sentence_start {
            return false;
        }
    }
    false
}

/// Whether `w` is one of [`WORDS`]: asked for every word of a text.
fn judging_word(w: &str) -> bool {
    static SET: std::sync::OnceLock<crate::lint::tokens::WordSet> = std::sync::OnceLock::new();
    SET.get_or_init(|| crate::lint::tokens::WordSet::new(&[WORDS]))
        .contains(w)
}

/// Adjectives that judge an attitude: "the team's attitude to checks is
/// casual at best".
const POOR_ATTITUDE: &[&str] = &[
    "casual",
    "relaxed",
    "poor",
    "bad",
    "wrong",
    "dismissive",
    "problematic",
    "lax",
    "careless",
    "nonchalant",
    "complacent",
    "sloppy",
    "arrogant",
    "unprofessional",
];

/// "The merchandising team's attitude to file checks is casual", "which
/// tells you a lot about the team's attitude": a verdict on a person's or
/// team's attitude. The tokens flagged.
fn attitude_at(cx: &Cx<'_>, i: usize) -> Option<(usize, usize)> {
    let doc = cx.doc;
    if !doc.is_any(i, &["attitude", "attitudes", "mindset"]) || i == 0 {
        return None;
    }
    // Only people have an attitude: a name no list knows counts too
    // ("Giedrė's attitude toward change control").
    let owner = cx.people.possessor_ending_at(doc, i - 1).filter(|a| {
        a.kind != crate::lint::people::ActorKind::Pronoun
            && (a.sure || a.kind == crate::lint::people::ActorKind::Name)
    })?;
    let judged = (i + 1..(i + 9).min(doc.len()))
        .take_while(|&k| doc.word(k).is_some())
        .find(|&k| {
            (doc.is_any(k, POOR_ATTITUDE)
                || doc.is_any(k, &["problem", "issue"])
                    && doc.is_any(k - 1, &["real", "the", "a", "main", "whole"]))
                && (i + 1..k).any(|b| doc.is_any(b, &["is", "was", "are", "were", "seems"]))
        });
    if let Some(k) = judged {
        return Some((owner.start, k));
    }
    // "… which tells you a lot about the team's attitude".
    let start = owner.start;
    let told = start >= 2
        && doc.is(start - 1, "about")
        && (start.saturating_sub(6)..start)
            .any(|k| doc.is_any(k, &["tells", "says", "shows", "speaks"]));
    told.then_some((start, i))
}

impl Rule for Judgement {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        for i in 0..doc.len() {
            let Some(w) = doc.word(i) else { continue };
            if let Some((a, b)) = attitude_at(cx, i) {
                let message = format!(
                    "“{}” is a verdict on people's attitude; describe what made the checks easy to skip.",
                    doc.slice(a, b)
                );
                out.push(finding(doc, &INFO, a, b, message, vec![]));
                continue;
            }
            if let Some(end) = phrase_at(cx, i) {
                let said = doc.slice(i, end);
                let message = match w {
                    "dropped" | "drops" => format!(
                        "“{said}” says a person let the work fall; describe what it competed with and what would have caught it."
                    ),
                    "anyway" | "regardless" | "thought" | "figured" | "assumed" | "decided"
                    | "despite" | "ignoring" => format!(
                        "“{said}” says a person went ahead against what they knew; describe what they saw and why going ahead made sense then."
                    ),
                    "clearly" | "obviously" | "evidently" | "apparently" | "simply" | "didn't"
                    | "doesn't" => format!(
                        "“{said}” is a verdict on what a person grasped; describe what they knew and what the system showed them."
                    ),
                    _ => format!(
                        "“{said}” judges a person against a bar in hindsight; describe what they knew and what the system showed them."
                    ),
                };
                out.push(finding(doc, &INFO, i, end, message, vec![]));
                continue;
            }
            if !judging_word(w) || technical(doc, w, i + 1) {
                continue;
            }
            let message = format!(
                "“{}” judges a person; describe the conditions and decisions instead.",
                doc.slice(i, i)
            );
            let is_noun = NOUNS.contains(&w);
            let fix = if matches!(w, "silly" | "rookie")
                || !is_noun && doc.word(i + 1).is_some_and(|n| !NOT_A_NOUN.contains(&n))
            {
                super::drop_before(doc, i, i + 1)
            } else {
                None
            };
            let last = if fix.is_some() { i + 1 } else { i };
            out.push(finding(
                doc,
                &INFO,
                i,
                last,
                message,
                fix.into_iter().collect(),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::testing::{assert_clean, assert_flags, assert_rewrite, only_no_people};

    const ID: &str = "judgement";

    #[test]
    fn word_list_is_sorted_for_lookup() {
        assert!(super::WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn verdicts_in_everyday_words() {
        for (text, flagged) in [
            (
                "All Sigrún had to do was open the change calendar.",
                "All Sigrún had to do was",
            ),
            (
                "Still no word from the gateway team, who apparently had better things to do.",
                "had better things to do",
            ),
            (
                "Frankly, the night editor isn't fit for the role.",
                "isn't fit for the role",
            ),
        ] {
            assert_flags(ID, text, flagged);
        }
        assert_clean(ID, "The old switch is not fit for the load we now carry.");
        assert_clean(ID, "All Kafka had to do was rebalance, and it did.");
    }

    #[test]
    fn a_verdict_on_attitude() {
        assert_flags(
            ID,
            "The merchandising team's attitude to file checks is casual at best.",
            "The merchandising team's attitude to file checks is casual",
        );
        assert_flags(
            ID,
            "Ops ignored the warnings, which tells you a lot about the team's attitude.",
            "the team's attitude",
        );
        assert_clean(
            ID,
            "The team's attitude to the review was open and curious.",
        );
        assert_clean(ID, "The attitude indicator on the dashboard is wrong.");
    }

    #[test]
    fn judgement_words_before_what_they_describe_are_dropped() {
        assert_rewrite(
            ID,
            "A careless change to the firewall rules blocked port 443.",
            "A change to the firewall rules blocked port 443.",
        );
        assert_rewrite(
            ID,
            "Sam recklessly force-pushed to main.",
            "Sam force-pushed to main.",
        );
        assert_rewrite(
            ID,
            "It was a sloppy migration script.",
            "It was a migration script.",
        );
        assert_rewrite(
            ID,
            "A rookie mistake in the config.",
            "A mistake in the config.",
        );
    }

    #[test]
    fn judgements_of_a_person_are_flagged() {
        assert_flags(ID, "Frankly, the rollout was negligent.", "negligent");
        assert_flags(ID, "The DBA was lazy about backups.", "lazy");
        assert_flags(
            ID,
            "That was incompetent and everyone saw it.",
            "incompetent",
        );
        assert_flags(ID, "A stupid typo took the site down.", "stupid typo");
    }

    #[test]
    fn technical_terms_are_not_judgement() {
        assert_clean(ID, "Lazy loading deferred the image requests.");
        assert_clean(ID, "The page uses lazy-loaded modules.");
        assert_clean(ID, "We connect through a dumb terminal in the data centre.");
        assert_clean(ID, "The handler is simply-typed and lazily evaluated.");
        assert_clean(ID, "The cost was negligible.");
        assert_clean(ID, "A silly name for a service.");
        assert_clean(ID, "The suggester falls back to stupid backoff.");
        assert_clean(ID, "The kernel panicked at 03:10 on two hosts.");
        assert_clean(ID, "Any engineer can page the database team.");
        assert_clean(ID, "The on-call was asleep when the first page came.");
    }

    #[test]
    fn bars_in_hindsight_judge_people() {
        for (text, flagged) in [
            (
                "All Lena had to do was read the runbook.",
                "All Lena had to do was",
            ),
            (
                "Any junior would have known not to run that.",
                "Any junior would",
            ),
            (
                "Even a child could have seen the config was wrong.",
                "Even a child could",
            ),
            (
                "It's basic stuff that any competent engineer knows.",
                "basic stuff",
            ),
            ("The intern had no idea what he was doing.", "no idea what"),
            (
                "Was the support team asleep at the wheel?",
                "asleep at the wheel",
            ),
            (
                "The night operator panicked and made things worse.",
                "panicked",
            ),
            (
                "Mehmet's handling of the failover was a disaster.",
                "disaster",
            ),
            (
                "The only mistake was Joaquín's lack of attention.",
                "lack of attention",
            ),
            (
                "| Notes | Sven acted like a cowboy on the console |",
                "cowboy",
            ),
            (
                "- The vendor dropped our ticket on the floor for a week",
                "dropped our ticket on the floor",
            ),
            (
                "The analyst who built the report clearly didn't understand the join.",
                "clearly didn't understand",
            ),
            ("Wiremu didn't even read the runbook.", "didn't even read"),
            (
                "The checks were red, but Kalani merged it anyway.",
                "anyway",
            ),
            (
                "Apparently Hiroshi thought it was fine to skip the canary.",
                "thought it was fine to",
            ),
            (
                "Any competent project manager would have spotted the missing owner.",
                "Any competent project manager would",
            ),
            (
                "Despite two warnings, Thabiso deployed on Friday evening.",
                "Despite two warnings",
            ),
            (
                "Whoever approved that pull request clearly didn't read it.",
                "clearly didn't read",
            ),
        ] {
            let found = crate::lint::testing::only_no_people(ID, text);
            assert!(
                found.iter().any(|f| f.text == flagged),
                "{text}: {found:#?}"
            );
        }
    }

    #[test]
    fn idioms_and_verdicts_said_of_systems_are_fine() {
        for text in [
            "The load balancer dropped the connections on the floor during the reload.",
            "The parser clearly didn't understand the new header format.",
            "The deploy went out anyway.",
            "Despite the warnings in the log, the job kept running.",
            "We rolled back anyway, as a precaution.",
            "Sam didn't understand the alert because it had no description.",
            "The ball was in the vendor's court until Monday.",
        ] {
            let found = crate::lint::testing::only_no_people(ID, text);
            assert!(found.is_empty(), "{text}: {found:#?}");
        }
    }

    #[test]
    fn not_up_to_the_job_is_a_verdict_on_a_person() {
        assert_flags(
            ID,
            "The logistics coordinator is simply not up to the job, and this incident proves it.",
            "not up to the job",
        );
        assert_clean(ID, "The old pump is not up to the job at peak flow.");
    }

    #[test]
    fn too_inexperienced_not_caring_and_an_attitude_that_is_the_problem() {
        for (text, flagged) in [
            ("- Part of the problem is that the shore IT team are frankly too inexperienced to be trusted with live schema changes.", "too inexperienced"),
            ("Quoted from the review channel: \"the night crew at the Daventry depot just don't care about scanning, never have.\"", "don't care"),
            ("Giedrė's attitude toward change control is the real problem here.", "Giedrė's attitude toward change control is the real problem"),
        ] {
            assert_flags(ID, text, flagged);
        }
        assert_clean(ID, "The pump is too old to be trusted with the night load.");
        assert_clean(ID, "Customers don't care which region serves them.");
    }

    #[test]
    fn how_hard_is_it_asked_of_a_person() {
        for text in [
            "How hard is it to read the label before you scan, Oyelaran?",
            "Honestly, how difficult is it to check your own diff?",
        ] {
            assert!(!only_no_people(ID, text).is_empty(), "{text}");
        }
        assert_clean(ID, "How hard is it to shard Postgres across regions?");
    }

    #[test]
    fn what_kind_of_engineer_asked_of_what_someone_did() {
        for text in [
            "What kind of engineer deploys at 5pm on a Friday with no rollback plan? Jovanović, apparently.",
            "what sort of operator would skip the pre-flight checklist?",
            "What kind of DBA runs a schema change straight against production?",
        ] {
            assert!(!only_no_people(ID, text).is_empty(), "{text}");
        }
        for text in [
            "What kind of engineer would we need to own the billing pipeline?",
            "What kind of engineer owns the ingest service?",
            "What type of operator account has write access?",
            "We discussed what kind of engineer deploys to production in the new process.",
        ] {
            assert_clean(ID, text);
        }
    }

    #[test]
    fn only_a_beginner_would() {
        assert!(!only_no_people(
            ID,
            "Only a novice would reboot the kiln controller mid-firing."
        )
        .is_empty());
        assert_clean(
            ID,
            "Only a novice pilot programme would need this much review.",
        );
    }
}
