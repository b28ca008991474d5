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
use crate::lint::tokens::{Doc, Kind};
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

/// Adverbs between a modal and "have": "could easily have", "should
/// really have".
const MODAL_ADVERBS: &[&str] = &[
    "easily",
    "really",
    "probably",
    "surely",
    "definitely",
    "certainly",
    "simply",
    "just",
    "clearly",
    "obviously",
    "at",
    "least",
    "also",
    "absolutely",
    "totally",
    "have",
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
            let mut j = i + 1;
            let mut negated = false;
            while j < i + 4
                && (doc.is_any(j, MODAL_ADVERBS) && !doc.is(j, "have")
                    || doc.is_any(j, &["not", "never"]))
            {
                negated |= doc.is_any(j, &["not", "never"]);
                j += 1;
            }
            if !doc.is(j, "have") {
                return None;
            }
            (j, negated)
        }
        "shouldn't" | "couldn't" | "mustn't" if doc.is(i + 1, "have") => (i + 1, true),
        "ought" if doc.is(i + 1, "to") && doc.is(i + 2, "have") => (i + 2, false),
        "needed" | "need" if doc.is(i + 1, "to") && doc.is(i + 2, "have") => (i + 2, false),
        _ => return None,
    };
    let next = doc.word(end + 1)?;
    if NOT_PARTICIPLE.contains(&next) {
        return None;
    }
    Some((end, negated))
}

/// Steps only people take: "If Ebun had looked …", "Farzaneh should have
/// checked …" count for a name the lists do not know.
const HUMAN_STEPS: &[&str] = &[
    "looked",
    "checked",
    "double-checked",
    "waited",
    "read",
    "asked",
    "reviewed",
    "verified",
    "confirmed",
    "glanced",
    "followed",
    "escalated",
    "paged",
    "told",
    "warned",
    "listened",
    "noticed",
    "tested",
    "known",
    "realised",
    "realized",
    "spotted",
    "bothered",
    "thought",
];

/// Words that open a clause: an actor right after one is its subject.
const CLAUSE_OPENERS: &[&str] = &[
    "and", "but", "so", "because", "that", "when", "since", "surely", "honestly", "frankly",
];

/// Whether a person is the subject of the verb phrase starting at `i`:
/// right before it ("Dana should have"), or opening the clause a few words
/// back ("Anyone reading the alert should have known").
fn person_before(cx: &Cx<'_>, i: usize) -> bool {
    if i == 0 {
        return false;
    }
    let doc = cx.doc;
    let mut j = i - 1;
    while j > 0 && doc.is_any(j, ADVERBS) {
        j -= 1;
    }
    if cx.people.actor_ending_at(doc, j).is_some_and(|a| a.sure) {
        return true;
    }
    // A subject with a short modifier after it.
    for end in j.saturating_sub(4)..j {
        if let Some(a) = cx.people.actor_ending_at(doc, end) {
            let opens = a.start == 0
                || doc.word(a.start - 1).is_none()
                || doc.is_any(a.start - 1, CLAUSE_OPENERS);
            // "Anyone reviewing #4412 should have …": a ticket number or
            // inline code can sit in the modifier.
            let plain = (end + 1..=j).all(|k| {
                doc.is_punct(k, '#')
                    || doc.tokens[k].kind == crate::lint::tokens::Kind::Code
                    || doc.word(k).is_some_and(|w| {
                        !matches!(
                            w,
                            "is" | "was" | "were" | "are" | "had" | "has" | "did" | "and"
                        )
                    })
            });
            if a.sure
                && opens
                && plain
                && doc.is_any(
                    a.start,
                    &[
                        "anyone",
                        "anybody",
                        "everyone",
                        "everybody",
                        "nobody",
                        "someone",
                        "whoever",
                        "any",
                        "a",
                        "the",
                    ],
                )
            {
                return true;
            }
        }
    }
    false
}

/// "Why didn't the on-call …", "How could nobody …", "What was the
/// on-call thinking", "Shouldn't the release manager have …": a question
/// that faults a person. The index of the person's last token.
fn faulting_question(cx: &Cx<'_>, i: usize) -> Option<usize> {
    let doc = cx.doc;
    let w = doc.word(i)?;
    let aux = match w {
        "why" | "how" => i + 1,
        "what" if doc.is_any(i + 1, &["was", "were"]) => i + 1,
        "shouldn't" | "couldn't" | "wouldn't" if doc.tokens[i].sentence_start => i,
        _ => return None,
    };
    let a = doc.word(aux)?;
    if !matches!(
        a,
        "didn't"
            | "did"
            | "wasn't"
            | "weren't"
            | "couldn't"
            | "could"
            | "hadn't"
            | "wouldn't"
            | "shouldn't"
            | "was"
            | "were"
            | "had"
            | "on"
            | "is"
            | "isn't"
    ) {
        return None;
    }
    let mut start = aux + 1;
    if a == "on" {
        // "How on earth did …"
        if !doc.is(start, "earth") {
            return None;
        }
        start += 2;
    }
    // Only with a negated or blaming subject: "Why did nobody …", "How
    // could nobody …", "How did the reviewer miss …".
    for end in start..(start + 5).min(doc.len()) {
        doc.word(end)?;
        if let Some(actor) = cx.people.mention_ending_at(doc, end) {
            // "Why did Xiadani approve the rollout …?": a name the lists do
            // not know still counts when a person's act follows.
            let human_act = doc.is_any(
                end + 1,
                &[
                    "approve", "merge", "push", "ignore", "skip", "sign", "deploy", "bypass",
                    "run", "check", "read", "test", "wait", "ask", "escalate", "call", "stop",
                    "look", "review", "confirm", "verify", "page", "tell",
                ],
            ) && actor.kind == crate::lint::people::ActorKind::Name;
            if actor.start != start || !(actor.sure || human_act) {
                continue;
            }
            let negated = a.ends_with("n't")
                || doc.is_any(actor.start, &["nobody", "no"])
                || doc.is(end + 1, "not");
            let blaming_verb = doc.is_any(
                end + 1,
                &[
                    "miss", "ignore", "forget", "overlook", "skip", "think", "thinking", "let",
                    "break", "approve", "merge", "deploy", "push", "run", "delete", "allow",
                    "drop", "wipe", "remove", "kill", "touch", "bypass", "disable",
                ],
            ) || doc.is_any(end + 2, &["thinking", "miss", "ignore", "forget"]);
            let what_ok = w != "what" || doc.is_any(end + 1, &["thinking", "doing"]);
            if (negated || blaming_verb) && what_ok {
                return Some(end);
            }
        }
    }
    None
}

/// What makes "bothered to" a reproach: "nobody bothered to", "couldn't be
/// bothered to".
const BOTHER_NEGATIONS: &[&str] = &["nobody", "no", "never", "couldn't", "can't", "wouldn't"];

const WHO_MESSAGE: &str =
    "Asks who did it; ask what made the change possible and what would have caught it.";

/// "Who approved this?", "Who broke staging?": a question that hunts for the
/// person behind a change. The index of the verb.
fn who_did_it(doc: &Doc, i: usize) -> Option<usize> {
    let verb = i + 1;
    if !doc.is_any(
        verb,
        &[
            "approved", "broke", "merged", "pushed", "deployed", "deleted", "dropped", "wiped",
            "nuked", "touched", "shipped", "allowed", "let", "signed", "messed", "screwed",
            "disabled", "removed", "killed", "forgot",
        ],
    ) {
        return None;
    }
    let question = (verb + 1..(verb + 12).min(doc.len()))
        .take_while(|&k| doc.word(k).is_some() || doc.is_punct(k, '?') || doc.is_punct(k, '\''))
        .any(|k| doc.is_punct(k, '?'));
    question.then_some(verb)
}

/// "Had the release manager read the changelog, …": an inverted
/// counterfactual with a person as the subject. The person's last token.
fn inverted_had(cx: &Cx<'_>, i: usize) -> Option<usize> {
    let doc = cx.doc;
    let opens = i == 0
        || doc.word(i - 1).is_none()
        || doc.is_any(
            i - 1,
            &[
                "prevented",
                "avoided",
                "happened",
                "been",
                "stopped",
                "caught",
                "only",
                "and",
            ],
        );
    // "…, Harjit Sandhu, had a joint message agreed": after a person's
    // name set off by commas, "had" is that person's verb.
    if i >= 2 && doc.is_punct(i - 1, ',') && cx.people.mention_ending_at(doc, i - 2).is_some() {
        return None;
    }
    if !opens {
        return None;
    }
    for end in i + 1..(i + 5).min(doc.len()) {
        doc.word(end)?;
        if let Some(actor) = cx.people.mention_ending_at(doc, end) {
            // "Had Lemma checked the cut-off time, …": a name no list holds,
            // before a step only people take.
            let unlisted = actor.start == end
                && cx.people.unlisted_name(doc, end)
                && doc.is_any(
                    end + 1,
                    &[
                        "checked",
                        "read",
                        "looked",
                        "tested",
                        "reviewed",
                        "verified",
                        "asked",
                        "waited",
                        "followed",
                        "noticed",
                        "listened",
                        "escalated",
                        "double-checked",
                        "bothered",
                    ],
                );
            if actor.start == i + 1 && (actor.sure || unlisted) && doc.word(end + 1).is_some() {
                if doc.is_any(end + 1, &["been", "a", "the", "no", "any"]) {
                    return None;
                }
                // "Had the reviewer checked …": what follows is a step the
                // person took, not a noun ("had a joint staff message").
                let mut verb = end + 1;
                if doc.is_any(
                    verb,
                    &["only", "just", "actually", "even", "simply", "bothered"],
                ) || doc
                    .word(verb)
                    .is_some_and(|w| w.len() > 4 && w.ends_with("ly"))
                {
                    verb += 1;
                }
                let participle = crate::lint::people::past_verb(doc, verb)
                    || doc.word(verb).is_some_and(|w| {
                        w.len() > 3 && w.ends_with("en")
                            || matches!(
                                w,
                                "done"
                                    | "read"
                                    | "run"
                                    | "kept"
                                    | "sent"
                                    | "made"
                                    | "put"
                                    | "set"
                                    | "built"
                                    | "told"
                                    | "caught"
                                    | "thought"
                                    | "brought"
                                    | "held"
                                    | "gone"
                                    | "known"
                                    | "seen"
                                    | "paid"
                                    | "said"
                                    | "heard"
                                    | "understood"
                                    | "followed"
                                    | "stopped"
                                    | "waited"
                            )
                    });
                if !participle {
                    return None;
                }
                return Some(end);
            }
        }
    }
    None
}

/// "It was obvious that Omar's script …", "should have been obvious to
/// Kwame", "clear to anyone": hindsight that the person should have seen.
fn obvious_to_person(cx: &Cx<'_>, i: usize) -> Option<(usize, usize)> {
    let doc = cx.doc;
    let start =
        (i.saturating_sub(3)..i).find(|&k| doc.is_any(k, &["was", "is", "been", "seemed"]))?;
    if doc.is(i - 1, "not") || doc.is_any(i.saturating_sub(2), &["not", "no"]) {
        return None;
    }
    if doc.is(i + 1, "to") {
        let actor = cx.people.mention_ending_at(doc, i + 2).or_else(|| {
            (i + 2..(i + 6).min(doc.len())).find_map(|e| {
                cx.people
                    .mention_ending_at(doc, e)
                    .filter(|a| a.start == i + 2)
            })
        })?;
        if actor.start == i + 2 && actor.sure {
            return Some((start, actor.end));
        }
        return None;
    }
    if doc.is(i + 1, "that") {
        for e in i + 2..(i + 7).min(doc.len()) {
            doc.word(e)?;
            let a = cx
                .people
                .mention_ending_at(doc, e)
                .or_else(|| cx.people.possessor_ending_at(doc, e));
            if let Some(a) = a {
                // "It was obvious that Pania's rota change would clash": a
                // possessive before a piece of work is a person's.
                let owns_work = a.kind == crate::lint::people::ActorKind::Name
                    && doc.word(e).is_some_and(|w| w.ends_with("'s"))
                    && (e + 1..(e + 4).min(doc.len()))
                        .take_while(|&k| doc.word(k).is_some())
                        .any(|k| super::work_as_cause::is_work(doc.word(k).unwrap_or_default()));
                if a.start == i + 2
                    && (a.sure || owns_work)
                    && a.kind != crate::lint::people::ActorKind::Pronoun
                {
                    return Some((start, a.end));
                }
            }
        }
        // "It was obvious that the migration would lock the table, but Sven
        // ran it anyway": the person comes later in the same sentence.
        if doc.word(start.checked_sub(1)?) == Some("it") {
            let mut e = i + 2;
            while e < (i + 24).min(doc.len()) {
                if matches!(
                    doc.tokens[e].kind,
                    crate::lint::tokens::Kind::Punct('.' | '?' | '!' | ';')
                        | crate::lint::tokens::Kind::Break
                ) {
                    break;
                }
                if let Some(a) = cx.people.mention_ending_at(doc, e) {
                    let named = a.kind != crate::lint::people::ActorKind::Pronoun;
                    let despite = (i + 2..a.start).any(|k| {
                        doc.is_any(k, &["but", "yet", "still", "nevertheless", "nonetheless"])
                    });
                    if a.sure && named && despite && doc.word(a.end + 1).is_some() {
                        return Some((start - 1, i));
                    }
                }
                e += 1;
            }
        }
    }
    None
}

/// "A simple look at the ledger would have told the on-call …", "a quick
/// check by Thandiwe would have spared us two days": the easy step someone
/// did not take, in hindsight. The tokens flagged.
fn easy_step_would_have(cx: &Cx<'_>, i: usize) -> Option<(usize, usize)> {
    let doc = cx.doc;
    let easy = i >= 2
        && doc.is_any(
            i - 1,
            &[
                "simple",
                "quick",
                "single",
                "basic",
                "cursory",
                "brief",
                "two-minute",
                "five-minute",
                "one-minute",
                "little",
            ],
        )
        && doc.is_any(i - 2, &["a", "one", "any"]);
    if !easy {
        return None;
    }
    let mut by_person = false;
    let mut j = i + 1;
    while j + 2 < doc.len() && j < i + 16 {
        if doc.word(j).is_none() && !doc.is_punct(j, ',') && doc.tokens[j].kind != Kind::Code {
            return None;
        }
        if doc.is(j, "by")
            && cx
                .people
                .actor_starting_at(doc, j + 1)
                .is_some_and(|a| a.sure)
        {
            by_person = true;
        }
        if doc.is_any(j, &["would", "could"]) && doc.is(j + 1, "have") {
            let verb = j + 2;
            if !doc.is_any(
                verb,
                &[
                    "told",
                    "shown",
                    "showed",
                    "warned",
                    "saved",
                    "spared",
                    "caught",
                    "prevented",
                    "stopped",
                    "revealed",
                    "alerted",
                    "avoided",
                    "flagged",
                ],
            ) {
                return None;
            }
            let object = cx
                .people
                .actor_starting_at(doc, verb + 1)
                .is_some_and(|a| a.sure && a.kind != crate::lint::people::ActorKind::Pronoun);
            return (by_person || object).then_some((i - 2, verb));
        }
        j += 1;
    }
    None
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
                        // A name the linter only suspects is a person when
                        // what it "had" done is a step only people take:
                        // "If Ebun had looked at the dashboard …".
                        let human_step = doc.is_any(had + 1, HUMAN_STEPS);
                        if actor.is_some_and(|a| a.start == i + 1 && (a.sure || human_step))
                            && doc.word(had + 1).is_some_and(|w| w != "been")
                        {
                            out.push(finding(doc, &INFO, i, had, MESSAGE, vec![]));
                        }
                    }
                }
                "why" | "how" | "what" | "shouldn't" | "couldn't" | "wouldn't"
                    if faulting_question(cx, i).is_some() =>
                {
                    if let Some(end) = faulting_question(cx, i) {
                        out.push(finding(doc, &INFO, i, end, MESSAGE, vec![]));
                    }
                }
                "look" | "glance" | "check" | "peek" | "read" | "query" | "test" | "question"
                    if easy_step_would_have(cx, i).is_some() =>
                {
                    if let Some((a, b)) = easy_step_would_have(cx, i) {
                        out.push(finding(doc, &INFO, a, b, MESSAGE, vec![]));
                    }
                }
                // "The dispatcher only needed to glance at the map".
                "only" | "just"
                    if doc.is_any(i + 1, &["needed", "had"])
                        && doc.is(i + 2, "to")
                        && i > 0
                        && cx.people.actor_ending_at(doc, i - 1).is_some_and(|a| {
                            a.kind != crate::lint::people::ActorKind::Pronoun
                                && (a.sure || a.kind == crate::lint::people::ActorKind::Name)
                        }) =>
                {
                    let start = cx.people.actor_ending_at(doc, i - 1).map_or(i, |a| a.start);
                    out.push(finding(doc, &INFO, start, i + 2, MESSAGE, vec![]));
                }
                // "Anyone familiar with the ward layout would have known".
                "would"
                    if doc.is(i + 1, "have")
                        && doc.is_any(
                            i + 2,
                            &["known", "spotted", "realised", "realized", "caught"],
                        )
                        && (i.saturating_sub(8)..i)
                            .rev()
                            .take_while(|&k| doc.word(k).is_some())
                            .any(|k| doc.is_any(k, &["anyone", "anybody", "everyone"])) =>
                {
                    let from = (i.saturating_sub(8)..i)
                        .rev()
                        .take_while(|&k| doc.word(k).is_some())
                        .filter(|&k| doc.is_any(k, &["anyone", "anybody", "everyone"]))
                        .last()
                        .unwrap_or(i);
                    out.push(finding(doc, &INFO, from, i + 2, MESSAGE, vec![]));
                }
                "had" if inverted_had(cx, i).is_some() => {
                    if let Some(end) = inverted_had(cx, i) {
                        out.push(finding(doc, &INFO, i, end, MESSAGE, vec![]));
                    }
                }
                "obvious" | "clear" | "foreseeable" | "predictable"
                    if obvious_to_person(cx, i).is_some() =>
                {
                    if let Some((a, b)) = obvious_to_person(cx, i) {
                        out.push(finding(doc, &INFO, a, b, MESSAGE, vec![]));
                    }
                }
                "who" if doc.tokens[i].sentence_start && who_did_it(doc, i).is_some() => {
                    if let Some(end) = who_did_it(doc, i) {
                        out.push(finding(doc, &INFO, i, end, WHO_MESSAGE, vec![]));
                    }
                }
                "who"
                    if i > 0
                        && (i.saturating_sub(3)..i)
                            .any(|k| doc.is_any(k, &["nobody", "one", "anyone", "anybody"]))
                        && modal_have(doc, i + 1).is_some() =>
                {
                    if let Some((end, _)) = modal_have(doc, i + 1) {
                        out.push(finding(doc, &INFO, i + 1, end, MESSAGE, vec![]));
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
                "bothered"
                    if doc.is(i + 1, "to")
                        && (i.saturating_sub(5)..i).any(|k| doc.is_any(k, BOTHER_NEGATIONS)) =>
                {
                    let from = (i.saturating_sub(5)..i)
                        .find(|&k| doc.is_any(k, BOTHER_NEGATIONS))
                        .unwrap_or(i);
                    out.push(finding(doc, &INFO, from, i + 1, MESSAGE, vec![]));
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
                    // "Farzaneh should have checked …": a name no list knows,
                    // right before the modal, taking a step only people take.
                    let named_step = i > 0
                        && doc.is_any(end + 1, HUMAN_STEPS)
                        && cx.people.actor_ending_at(doc, i - 1).is_some_and(|a| {
                            a.kind == crate::lint::people::ActorKind::Name
                                && (a.start == 0
                                    || doc.word(a.start - 1).is_none()
                                    || doc.tokens[a.start].sentence_start)
                        });
                    if !person_before(cx, i) && !named_step {
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
    use crate::lint::testing::{assert_clean, assert_flags, assert_rewrite, only_no_people};

    const ID: &str = "hindsight";

    #[test]
    fn questions_and_verdicts_about_names_no_list_knows() {
        assert_flags(
            ID,
            "Why did Xiadani approve the rollout when the canary was clearly red?",
            "Why did Xiadani",
        );
        assert_flags(
            ID,
            "It was obvious that Pania's rota change would clash with the payroll run.",
            "was obvious that Pania's",
        );
        assert_clean(ID, "Why did Kafka approve the offset commit twice?");
        assert_flags(
            ID,
            "Farzaneh should have checked replication lag before promoting the replica.",
            "should have",
        );
        assert_clean(ID, "Terraform should have checked the state lock first.");
        assert_flags(
            ID,
            "The on-call only needed to scroll down to see the warning.",
            "The on-call only needed to",
        );
        assert_clean(ID, "The job only needed to run once.");
        assert_flags(
            ID,
            "- Anyone familiar with the ward layout would have known Ward 9 shares that switch.",
            "Anyone familiar with the ward layout would have known",
        );
        assert_clean(
            ID,
            "Anyone watching the dashboard would have seen the lag fall at 14:05.",
        );
    }

    #[test]
    fn an_easy_step_someone_skipped() {
        assert_flags(
            ID,
            "A simple look at the ledger would have told the on-call the first run had already paid out.",
            "A simple look at the ledger would have told",
        );
        assert_flags(
            ID,
            "- One quick check by Thandiwe on Tuesday would have spared the catalogue two days of downtime.",
            "One quick check by Thandiwe on Tuesday would have spared",
        );
        assert_clean(
            ID,
            "A quick look at the dashboard would have shown the lag, so the alert now links to it.",
        );
        assert_clean(
            ID,
            "A simple check in the deploy script would have caught the typo.",
        );
    }

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
        for text in [
            "If Teuilani had checked the replica lag first, the failover would have been clean.",
            "If Mereanui had waited for the drain to finish, no orders would have been lost.",
        ] {
            assert_eq!(
                crate::lint::testing::only_no_people(ID, text).len(),
                1,
                "{text}"
            );
        }
    }

    #[test]
    fn a_subject_with_a_ticket_number_in_its_modifier() {
        let text = "- Anybody approving #981 should have seen the empty allow-list.";
        assert_eq!(
            crate::lint::testing::only_no_people(ID, text).len(),
            1,
            "{text}"
        );
    }

    #[test]
    fn hunting_for_who_did_it_and_obviousness_before_the_act() {
        assert_flags(
            ID,
            "Who approved this? Farzana did, without reading it.",
            "Who approved",
        );
        assert_flags(
            ID,
            "- who merged the hotfix to main on a Friday?",
            "who merged",
        );
        assert_flags(
            ID,
            "It was obvious that the flag would flip every tenant, yet Ramón enabled it.",
            "It was obvious",
        );
        assert_clean(ID, "Who was paged first, and when?");
        assert_clean(ID, "Who approved the change is recorded in the deploy log.");
        assert_clean(
            ID,
            "It was obvious that the disk was full once Sam opened the dashboard.",
        );
    }

    #[test]
    fn systems_and_plans_are_not_hindsight() {
        assert_clean(
            ID,
            "If Zephyrix had restarted cleanly, the queue would have drained.",
        );
        assert_clean(
            ID,
            "If Zephyrix had been patched, the exploit would have failed.",
        );
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
        assert_clean(ID, "Had Compaction finished, the disk would have had room.");
        assert_clean(
            ID,
            "Had Velero checked the bucket policy, the restore would have started.",
        );
        assert!(!crate::lint::testing::only_no_people(
            ID,
            "Had Kowalczyk checked the cut-off time, the batch would have gone out before 16:00."
        )
        .is_empty());
        assert_clean(
            ID,
            "If the alert had fired sooner, we would have rolled back earlier.",
        );
    }

    #[test]
    fn had_after_a_name_set_off_by_commas_is_that_persons_verb() {
        assert_clean(
            ID,
            "- Daniela and the council's payroll manager, Harjit Sandhu, had a joint staff message agreed within three hours.",
        );
        assert_clean(
            ID,
            "Had the reviewer a second screen, the diff would be easier to read.",
        );
    }

    #[test]
    fn why_did_a_name_no_list_knows_not_do_a_step() {
        assert!(!only_no_people(
            ID,
            "Why didn't Tupaq check the replica lag before promoting it?"
        )
        .is_empty());
        assert_clean(ID, "Why didn't Kafka rebalance the partitions?");
        assert!(
            !only_no_people(ID, "The locum should have checked the allergy band first.").is_empty()
        );
    }
}
