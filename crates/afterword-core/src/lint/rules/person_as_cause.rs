//! `person-as-cause`: a person or team as the subject of a failure verb —
//! "Dana broke the deploy", "QA let the bug through", "ops misconfigured
//! production". Naming someone in a neutral action ("Sam rolled back the
//! deploy") is fine, and so is a system as the subject ("the deploy broke").

use super::damage::{damage_at, Class};
use super::{finding, OBJECT_STOP};
use crate::lint::finding::{Category, Finding};
use crate::lint::people::{Actor, ActorKind, ADVERBS};
use crate::lint::registry::{Rule, RuleInfo};
use crate::lint::tokens::{Doc, Kind};
use crate::lint::Cx;

pub(crate) const INFO: RuleInfo = RuleInfo {
    id: "person-as-cause",
    category: Category::Attribution,
    description: "A person or team named as the cause of a failure (\"Dana broke the deploy\").",
};

pub(crate) struct PersonAsCause;

/// What the person is said to have done.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Verb {
    Damage(Class),
    ForgotTo,
    Ignored,
    Missed,
}

/// Things a person can be said to have missed, as opposed to a deadline,
/// a meeting or a train.
const MISS_BENIGN: &[&str] = &[
    "launch",
    "date",
    "deadline",
    "meeting",
    "call",
    "standup",
    "window",
    "train",
    "flight",
    "bus",
    "target",
    "chance",
    "opportunity",
    "cut-off",
    "cutoff",
    "slot",
    "release",
    "lunch",
    "point",
    "mark",
    "beginning",
    "start",
    "end",
];

/// "Chioma never sent the build to QA".
fn never_did(doc: &Doc, i: usize) -> Option<(Verb, usize)> {
    doc.is_any(
        i + 1,
        &[
            "sent",
            "tested",
            "checked",
            "ran",
            "reviewed",
            "updated",
            "told",
            "read",
            "renewed",
            "rotated",
            "followed",
            "escalated",
            "replied",
            "responded",
            "looked",
            "paged",
            "filed",
            "merged",
            "applied",
            "verified",
            "confirmed",
        ],
    )
    .then_some((Verb::Missed, i + 1))
}

/// Whether word `k` is a step a person skips ("update", "notify") taken on
/// something ("the DNS record"), with what that led to later in the
/// sentence: "… didn't update the DNS record, which left …".
fn skipped_step_with_harm(doc: &Doc, k: usize) -> bool {
    doc.is_any(
        k,
        &[
            "update", "check", "notify", "tell", "escalate", "verify", "confirm", "review",
            "renew", "page", "warn", "inform", "document",
        ],
    ) && doc.is_any(
        k + 1,
        &["the", "a", "an", "our", "their", "his", "her", "any"],
    ) && (k + 2..(k + 25).min(doc.len()))
        .take_while(|&j| {
            !doc.is_punct(j, '.')
                && !doc.is_punct(j, ';')
                && doc.tokens[j].kind != crate::lint::tokens::Kind::Break
        })
        .any(|j| {
            doc.is_any(
                j,
                &[
                    "left", "leaving", "so", "causing", "caused", "meant", "broke", "stranded",
                ],
            )
        })
}

/// An omission verb at `i`: "forgot to", "neglected to", "ignored",
/// "overlooked", "missed the page".
fn omission_at(doc: &Doc, i: usize) -> Option<(Verb, usize)> {
    let w = doc.word(i)?;
    // "Mercy never missed a page", "Omar never ignored an alert": a missed
    // step that did not happen is praise.
    if i > 0
        && doc.is_any(i - 1, &["never", "not"])
        && matches!(
            w,
            "missed" | "ignored" | "forgot" | "overlooked" | "neglected" | "disregarded"
        )
    {
        return None;
    }
    let v = match w {
        "forgot" | "neglected" | "forgets" | "neglects" if doc.is(i + 1, "to") => {
            (Verb::ForgotTo, i + 1)
        }
        "forgot" | "forgets" | "neglected" => (Verb::Missed, i),
        "ignored" | "disregarded" | "ignores" | "brushed" => (Verb::Ignored, i),
        "overlooked" | "overlooks" => (Verb::Missed, i),
        // "Svetlana never got around to updating the runbook", "Bao did
        // not get round to it".
        "never" | "didn't" | "hadn't" | "did" | "had" => {
            let get = if doc.is_any(i, &["did", "had"]) {
                if !doc.is(i + 1, "not") {
                    return None;
                }
                i + 2
            } else {
                i + 1
            };
            if doc.is_any(get, &["got", "get", "gotten"])
                && doc.is_any(get + 1, &["around", "round"])
                && doc.is(get + 2, "to")
            {
                (Verb::ForgotTo, get + 2)
            } else if w != "had" && skipped_step_with_harm(doc, get) {
                // "Tala didn't update the DNS record, which left half the
                // clients on the old host".
                (Verb::Missed, get)
            } else if w == "never" {
                return never_did(doc, i);
            } else {
                return None;
            }
        }
        // "Kirsten was supposed to renew the domain and didn't".
        "supposed"
            if doc.is(i + 1, "to")
                && i > 0
                && doc.is_any(i - 1, &["was", "were"])
                && (i + 2..(i + 14).min(doc.len()))
                    .take_while(|&k| doc.word(k).is_some() || doc.is_punct(k, ','))
                    .any(|k| {
                        doc.is_any(k, &["didn't", "never", "hadn't", "wasn't"])
                            && doc.is_any(k - 1, &["and", "but"])
                    }) =>
        {
            (Verb::ForgotTo, i + 1)
        }
        // "skipped the canary stage", "bypassed change control"; not
        // "skipped lunch" or "skipped ahead".
        "skipped" | "skips" | "bypassed" | "bypasses" | "circumvented"
            if doc.is_any(
                i + 1,
                &[
                    "the", "a", "an", "our", "their", "his", "her", "two", "both",
                ],
            ) && !doc.is_any(i + 2, &["line", "queue", "lunch", "meeting"]) =>
        {
            (Verb::Missed, i)
        }
        "missed" | "misses" => {
            let limit = super::damage::clause_limit(doc, i + 1, 5);
            if doc.word(i + 1).is_none() || (i + 1..limit).any(|j| doc.is_any(j, MISS_BENIGN)) {
                return None;
            }
            (Verb::Missed, i)
        }
        _ => return None,
    };
    Some(v)
}

/// Words that may stand between a subject and its verb, beyond adverbs:
/// "managed to", "went and", "then".
fn subject_end(doc: &Doc, verb: usize) -> Option<usize> {
    let mut j = verb.checked_sub(1)?;
    // "| 02:14 | Okonkwo (night porter) | Propped the fire door open … |": a
    // timeline row whose who-cell is the subject of its what-cell.
    if doc.cell_break(j) {
        j = j.checked_sub(1)?;
        if doc.is_punct(j, ')') {
            let open = (j.saturating_sub(6)..j)
                .rev()
                .find(|&k| doc.is_punct(k, '('))?;
            j = open.checked_sub(1)?;
        }
        return Some(j);
    }
    if doc.is(verb, "supposed") && doc.is_any(j, &["was", "were"]) && j > 0 {
        j -= 1;
    }
    loop {
        if doc.is_any(j, ADVERBS) && j > 0 {
            j -= 1;
        } else if j > 1
            && (doc.is(j, "to") && doc.is_any(j - 1, LEAD_INS) || doc.seq(j - 1, &["went", "and"]))
        {
            j -= 2;
        } else if let Some(open) = appositive_opening(doc, j) {
            // "Bao, understandably busy, did not get around to …".
            j = open - 1;
        } else {
            return Some(j);
        }
    }
}

/// When token `j` closes a short aside between commas ("Bao, understandably
/// busy, did not …"), the comma that opens it.
fn appositive_opening(doc: &Doc, j: usize) -> Option<usize> {
    if !doc.is_punct(j, ',') || j < 3 {
        return None;
    }
    let open = (j.saturating_sub(8)..j - 1)
        .rev()
        .find(|&k| doc.word(k).is_none())?;
    (doc.is_punct(open, ',') && open >= 1 && doc.word(open - 1).is_some()).then_some(open)
}

/// The subject whose last token is `j`, or a subject a few words back:
/// after a short prepositional phrase ("the SRE on duty", "someone on the
/// data team") or before an earlier verb joined by "and" ("Emre ran the job
/// against production and erased the uploads").
fn subject_at(cx: &Cx<'_>, j: usize) -> Option<Actor> {
    let doc = cx.doc;
    if let Some(a) = cx.people.actor_ending_at(doc, j) {
        return Some(a);
    }
    // "Imaging went down after the technician unplugged the array": the
    // subject of a clause opened by a conjunction that is also a
    // preposition.
    if let Some(a) = cx.people.mention_ending_at(doc, j) {
        if a.start > 0
            && a.sure
            && a.kind != ActorKind::Pronoun
            && doc.is_any(
                a.start - 1,
                &["after", "before", "when", "once", "until", "since"],
            )
        {
            return Some(a);
        }
    }
    // "It was Samir who deleted the DNS zone".
    if doc.is(j, "who") && j > 0 {
        if let Some(a) = cx.people.mention_ending_at(doc, j - 1) {
            if a.kind != ActorKind::Pronoun {
                return Some(a);
            }
        }
    }
    for k in j.saturating_sub(4)..j {
        if k > 0 && doc.is_any(k, &["on", "from", "in", "at", "of", "with"]) {
            if let Some(a) = cx.people.actor_ending_at(doc, k - 1) {
                let plain = (k + 1..=j).all(|m| {
                    doc.word(m)
                        .is_some_and(|w| !matches!(w, "and" | "was" | "is" | "were" | "had"))
                });
                if plain && opens_clause(doc, a.start) {
                    return Some(a);
                }
            }
        }
    }
    if doc.is(j, "and") {
        // The subject of the first verb of the clause.
        let from = j.saturating_sub(14);
        for start in (from..j).rev() {
            if doc.word(start).is_none() {
                break;
            }
            if opens_clause(doc, start) {
                for end in start..(start + 4).min(j) {
                    if let Some(a) = cx.people.actor_ending_at(doc, end) {
                        if a.start == start && a.sure {
                            return Some(a);
                        }
                    }
                }
                break;
            }
        }
    }
    None
}

/// Whether token `i` starts a clause: the text, a sentence, a cell, or
/// right after punctuation.
fn opens_clause(doc: &Doc, i: usize) -> bool {
    i == 0 || doc.word(i - 1).is_none() || doc.tokens[i].sentence_start || after_clock(doc, i)
}

/// Whether token `i` follows the time that opens a timeline line: "- 10:12
/// Somebody on the platform team …".
pub(crate) fn after_clock(doc: &Doc, i: usize) -> bool {
    let digits = |k: usize| {
        doc.word(k)
            .is_some_and(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit() || b == b':'))
    };
    let mut i = i;
    // "- **16:20** — Contractor forgets …": a dash after the time.
    if i > 1 && ['—', '–', '-'].iter().any(|&c| doc.is_punct(i - 1, c)) && digits(i - 2) {
        i -= 1;
    }
    let mut k = i;
    while k > 0 && (digits(k - 1) || doc.is_punct(k - 1, ':')) {
        k -= 1;
    }
    k < i && (k == 0 || doc.word(k - 1).is_none())
}

/// Verbs before "to" that lead into the damage: "managed to break".
const LEAD_INS: &[&str] = &[
    "managed",
    "decided",
    "chose",
    "proceeded",
    "went",
    "tried",
    "decide",
    "choose",
    "try",
    "opt",
    "opted",
];

/// Base forms after "managed to" and similar: "managed to break".
fn base_damage(doc: &Doc, i: usize) -> Option<Class> {
    let w = doc.word(i)?;
    let c = match w {
        "break" | "corrupt" | "wipe" | "nuke" | "destroy" | "crash" | "erase" | "overwrite"
        | "trash" | "brick" | "overload" => Class::Broke,
        "take" | "bring" | "knock"
            if (i + 1..i + 6).any(|j| doc.is_any(j, &["down", "offline"])) =>
        {
            Class::TookDown
        }
        "delete" | "drop" | "purge" | "truncate" => Class::Deleted,
        _ => return None,
    };
    Some(c)
}

impl Rule for PersonAsCause {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        // Where the last "because" was: the readings that need one look
        // only near it.
        let mut last_because: Option<usize> = None;
        for i in 1..doc.len() {
            if doc.word(i).is_none() {
                continue;
            }
            if doc.is(i - 1, "because") {
                last_because = Some(i - 1);
            }
            let because_near = last_because.is_some_and(|b| b + 6 >= i);
            if doc.is(i, "by") {
                if let Some(f) = passive_by_person(cx, i) {
                    out.push(f);
                }
                continue;
            }
            if let Some(f) = because_of_person(cx, i).or_else(|| on_person(cx, i)) {
                out.push(f);
                continue;
            }
            if let Some(f) = pinned_on(cx, i) {
                out.push(f);
                continue;
            }
            if let Some(f) = that_is_what(cx, i) {
                out.push(f);
                continue;
            }
            if last_because.is_some_and(|b| b + 10 >= i) {
                if let Some(f) = because_someone_somewhere(cx, i) {
                    out.push(f);
                    continue;
                }
            }
            if let Some(f) = without_checking(cx, i) {
                out.push(f);
                continue;
            }
            let (verb, verb_end, human) = if let Some(d) = damage_at(doc, i) {
                (Verb::Damage(d.class), d.end, d.human)
            } else if let Some((v, end)) = omission_at(doc, i) {
                (v, end, true)
            } else if doc.is(i - 1, "to")
                && i >= 2
                && doc.is_any(i - 2, &["chose", "decided", "opted"])
                && doc.is_any(
                    i,
                    &["ignore", "skip", "bypass", "disable", "silence", "overrule"],
                )
            {
                (Verb::Ignored, i, true)
            } else if doc.is(i - 1, "to")
                && i >= 2
                && doc.is_any(
                    i - 2,
                    &["decide", "decided", "choose", "chose", "opt", "opted"],
                )
                && super::damage::wrong_target(
                    doc,
                    i + 1,
                    super::damage::clause_limit(doc, i + 1, 9),
                )
            {
                // "Why did the vendor's engineer decide to reboot the wrong
                // core switch …?"
                (Verb::Damage(Class::Deleted), i, true)
            } else if harm_then_after(doc, i) {
                (Verb::Damage(Class::Deleted), i, true)
            } else if because_near && (harm_then_because(cx, i) || because_then_harm(cx, i)) {
                (Verb::Damage(Class::Caused), i, true)
            } else if doc.is(i - 1, "to") && i >= 2 && doc.is(i - 2, "managed") {
                match base_damage(doc, i) {
                    Some(c) => (Verb::Damage(c), i, true),
                    None => continue,
                }
            } else {
                continue;
            };
            let Some(j) = subject_end(doc, i) else {
                continue;
            };
            let Some(actor) = subject_at(cx, j) else {
                continue;
            };
            // "Kamala pushed the wrong Docker tag": a listed given name that
            // is also a rare word acts like a person on a system.
            let named_act = actor.start == actor.end
                && cx.people.listed_given_word(doc, actor.start)
                && matches!(
                    verb,
                    Verb::Damage(Class::Shipped | Class::Deleted | Class::TookDown)
                );
            // "Vuthy paused truck appointments early": pausing, disabling
            // and silencing are how people stop harm, so a name no list is
            // sure of is not made a person by them.
            let stops_harm = doc.is_any(
                i,
                &[
                    "paused", "disabled", "silenced", "muted", "snoozed", "locked", "cut", "shut",
                    "reset", "revoked", "left",
                ],
            );
            // "Kowalczyk took the brine pump offline": a name no list
            // holds, doing damage only a hand does.
            let unlisted_act = actor.start == actor.end
                && cx.people.unlisted_name(doc, actor.start)
                && matches!(
                    verb,
                    Verb::Damage(
                        Class::Shipped
                            | Class::Deleted
                            | Class::TookDown
                            | Class::Broke
                            | Class::Misconfigured
                    )
                )
                && !stops_harm;
            // "| 09:12 | Nguyen Van Thanh | deleted the static routes … |": a
            // who-cell that holds only a name, no list needed.
            let who_cell = doc.cell_break(i - 1)
                && !stops_harm
                && actor.kind == ActorKind::Name
                && matches!(verb, Verb::Damage(_))
                && {
                    // The cell from its start to the name: capitalised words.
                    let from = (actor.start.saturating_sub(3)..actor.start)
                        .rev()
                        .find(|&k| doc.word(k).is_none());
                    from.is_some_and(|b| {
                        doc.cell_break(b)
                            && (b + 1..=actor.end)
                                .all(|k| doc.word(k).is_some() && doc.tokens[k].capitalised)
                            && (actor.end > b + 1 || cx.people.unlisted_name(doc, actor.start))
                    })
                };
            if !actor.sure && !human && !named_act && !unlisted_act && !who_cell {
                continue;
            }
            // "… than discovering what you forgot to count": "you" in a
            // lesson is anyone.
            if actor.kind == ActorKind::Pronoun
                && doc.is(actor.start, "you")
                && actor.start > 0
                && doc.is_any(
                    actor.start - 1,
                    &["what", "whatever", "things", "anything", "if", "when"],
                )
            {
                continue;
            }
            // "No one lost data": a negated subject clears people.
            if actor.kind == ActorKind::Pronoun
                && doc.is_any(actor.start, &["nobody", "no"])
                && matches!(verb, Verb::Damage(_))
            {
                continue;
            }
            out.push(report(doc, actor, verb, i, verb_end));
        }
    }
}

/// "Imaging was unavailable for two hours after the technician unplugged
/// the array": a verb that harms only when its object mattered, in a clause
/// that follows the harm it caused.
fn harm_then_after(doc: &Doc, i: usize) -> bool {
    if !doc.word(i).is_some_and(super::damage::is_delete_verb) {
        return false;
    }
    let Some(after) = (i.saturating_sub(6)..i)
        .rev()
        .take_while(|&k| doc.word(k).is_some())
        .find(|&k| doc.is_any(k, &["after", "when", "once"]))
    else {
        return false;
    };
    super::damage::harm_told_before(doc, after, 14, |_| false)
}

/// "Payments were late because Olamide switched the bureau to the new
/// profile": harm told first, then a person's act as the whole reason.
fn harm_then_because(cx: &Cx<'_>, i: usize) -> bool {
    let doc = cx.doc;
    if i < 2 || !crate::lint::people::past_verb(doc, i) {
        return false;
    }
    let Some(actor) = cx.people.mention_ending_at(doc, i - 1) else {
        return false;
    };
    if actor.kind == ActorKind::Pronoun || actor.start == 0 || !doc.is(actor.start - 1, "because") {
        return false;
    }
    super::damage::harm_told_before(doc, actor.start - 1, 12, |_| false)
}

/// "The texts went to the wrong clients because reception staff at the
/// Harrowgate clinic imported last year's list": harm told first, then a
/// person, where they work, and their act as the reason.
fn because_someone_somewhere(cx: &Cx<'_>, i: usize) -> Option<Finding> {
    let doc = cx.doc;
    if i < 4 || !crate::lint::people::past_verb(doc, i) {
        return None;
    }
    let at = (i.saturating_sub(6)..i - 1)
        .rev()
        .take_while(|&k| doc.word(k).is_some())
        .find(|&k| doc.is_any(k, &["at", "in", "on", "from"]))?;
    let actor = cx.people.mention_ending_at(doc, at - 1)?;
    if actor.kind == ActorKind::Pronoun || !actor.sure || actor.start < 2 {
        return None;
    }
    // "because reception staff at …": one word may describe them.
    let because = if doc.is(actor.start - 1, "because") {
        actor.start - 1
    } else if doc.is(actor.start - 2, "because") && doc.word(actor.start - 1).is_some() {
        actor.start - 2
    } else {
        return None;
    };
    super::damage::harm_told_before(doc, because, 12, |_| false).then(|| {
        named(
            doc,
            actor.start,
            actor,
            "Names “{who}” as the cause; describe what in the system or process made this possible.",
        )
    })
}

/// "Because the security guard silenced the panel at 02:20, the excursion
/// ran on for another four hours": a sentence that opens with a person's act
/// as the reason, then tells the harm it led to.
fn because_then_harm(cx: &Cx<'_>, i: usize) -> bool {
    let doc = cx.doc;
    if i < 2 || !crate::lint::people::past_verb(doc, i) {
        return false;
    }
    let Some(actor) = cx.people.mention_ending_at(doc, i - 1) else {
        return false;
    };
    if actor.kind == ActorKind::Pronoun || actor.start == 0 {
        return false;
    }
    let because = actor.start - 1;
    // "Because" opens the sentence (or a timeline entry after its time).
    if !doc.is(because, "because") || !opens_clause(doc, because) {
        return false;
    }
    // The reason ends at the first comma; the harm follows it.
    let Some(comma) = (i + 1..(i + 20).min(doc.len()))
        .take_while(|&k| {
            !matches!(
                doc.tokens[k].kind,
                Kind::Break | Kind::Punct('.' | ';' | '!' | '?')
            )
        })
        .find(|&k| doc.is_punct(k, ','))
    else {
        return false;
    };
    super::damage::harm_told_after(doc, comma + 1, 16)
}

/// "**05:52** — Ruaridh restarts the manifest database mid-sync, and that
/// restart is what knocks out check-in", "@kit.marlowe turns off origin
/// shielding, and that is what knocks the origin over": a person's act, then
/// that act named as what did the damage.
fn that_is_what(cx: &Cx<'_>, i: usize) -> Option<Finding> {
    let doc = cx.doc;
    if !doc.is(i, "what") || i < 3 || !doc.is_any(i - 1, &["is", "was"]) {
        return None;
    }
    let that = if doc.is(i - 2, "that") {
        i - 2
    } else if doc.is(i - 3, "that") {
        i - 3
    } else {
        return None;
    };
    let harm = doc.is_any(
        i + 1,
        &[
            "knocks", "knocked", "takes", "took", "brings", "brought", "breaks", "broke",
            "crashes", "crashed", "kills", "killed",
        ],
    ) && (i + 2..(i + 6).min(doc.len()))
        .any(|k| doc.is_any(k, &["out", "down", "over", "offline"]))
        || super::damage::damage_at(doc, i + 1).is_some();
    if !harm || !doc.is(that - 1, "and") {
        return None;
    }
    // The clause before: a person at its start, then what they did.
    let mut starts: Vec<usize> = (that.saturating_sub(25)..that)
        .rev()
        .take_while(|&k| {
            !matches!(
                doc.tokens[k].kind,
                Kind::Break | Kind::Punct('.' | ';' | '!' | '?')
            )
        })
        .filter(|&k| doc.word(k).is_some() && opens_clause(doc, k))
        .collect();
    starts.reverse();
    // The first place a clause opens with a person who does something.
    let actor = starts.into_iter().take(3).find_map(|k| {
        let a = cx.people.actor_starting_at(doc, k)?;
        ((a.sure || a.kind == ActorKind::Name)
            && a.kind != ActorKind::Pronoun
            && doc.word(a.end + 1).is_some())
        .then_some(a)
    })?;
    Some(named(
        doc,
        actor.start,
        actor,
        "Names “{who}” as the cause; describe what in the system or process made this possible.",
    ))
}

/// Participles that, with "by <person>", say a person did the damage:
/// "the billing database was wiped by Fatima".
const PASSIVE_DAMAGE: &[&str] = &[
    "broken",
    "wiped",
    "deleted",
    "dropped",
    "corrupted",
    "destroyed",
    "erased",
    "overwritten",
    "exposed",
    "misconfigured",
    "caused",
    "nuked",
    "truncated",
    "purged",
    "leaked",
    "botched",
    "triggered",
    "introduced",
    "crashed",
    "killed",
];

/// "<something> was wiped by <person or their work>".
fn passive_by_person(cx: &Cx<'_>, by: usize) -> Option<Finding> {
    let doc = cx.doc;
    let mut p = by.checked_sub(1)?;
    while p > 0 && doc.is_any(p, ADVERBS) {
        p -= 1;
    }
    // "Mistakes were made by Joanna".
    let mistakes_made = doc.is(p, "made")
        && (p.saturating_sub(4)..p).any(|k| doc.is_any(k, &["mistake", "mistakes", "errors"]));
    if !doc.is_any(p, PASSIVE_DAMAGE) && !mistakes_made {
        return None;
    }
    let be = (p.saturating_sub(3)..p).any(|k| {
        doc.is_any(
            k,
            &[
                "was", "were", "been", "got", "is", "are", "be", "get", "gets",
            ],
        )
    });
    if !be {
        return None;
    }
    let doc_len = doc.len();
    // The agent: a person, or a person's work ("by Joaquín's hotfix").
    for end in by + 1..(by + 5).min(doc_len) {
        doc.word(end)?;
        if let Some(actor) = cx.people.possessor_ending_at(doc, end) {
            if actor.start == by + 1 && actor.sure && actor.kind != ActorKind::Pronoun {
                let work_end = (end + 1..(end + 5).min(doc_len))
                    .take_while(|&k| doc.word(k).is_some())
                    .last()
                    .unwrap_or(end);
                let who = doc.slice(actor.start, actor.end);
                return Some(finding(
                    doc,
                    &INFO,
                    p,
                    work_end,
                    format!(
                        "Names “{}” as the cause of the damage; say what the change did and what let it through.",
                        super::work_as_cause::without_possessive(who)
                    ),
                    vec![],
                ));
            }
        }
        if let Some(actor) = cx.people.mention_ending_at(doc, end) {
            if actor.start == by + 1 && actor.sure && !doc.is_any(end + 1, NOT_PEOPLE_AFTER) {
                let who = doc.slice(actor.start, actor.end);
                return Some(finding(
                    doc,
                    &INFO,
                    p,
                    actor.end,
                    format!(
                        "Names “{who}” as the cause; describe what in the system or process made this possible."
                    ),
                    vec![],
                ));
            }
        }
    }
    None
}

/// "Because of Ravi, the release slipped", "the delay was due to the
/// vendor's technician": a person alone as the reason, with nothing they
/// did or went through named after them ("because of Ravi's leave" is not
/// about Ravi).
fn because_of_person(cx: &Cx<'_>, i: usize) -> Option<Finding> {
    let doc = cx.doc;
    let down_to = doc.is(i, "to")
        && doc.is(i - 1, "down")
        && i >= 2
        && doc.is_any(i - 2, &["comes", "came", "come", "boils", "boiled", "boil"]);
    // "the delays trace back to Itzel", "the loss was traced to the
    // contractor", "it all stems from Maksim".
    let traced = doc.is(i, "to")
        && (doc.is(i - 1, "back")
            && i >= 2
            && doc.is_any(
                i - 2,
                &[
                    "trace", "traces", "traced", "tracing", "goes", "go", "went", "leads", "lead",
                    "led", "points", "pointed",
                ],
            )
            || doc.is_any(i - 1, &["traced", "attributable", "attributed"]))
        || doc.is(i, "from") && doc.is_any(i - 1, &["stems", "stem", "stemmed", "stemming"]);
    let opens = doc.is(i, "of") && doc.is(i - 1, "because")
        || doc.is(i, "to") && doc.is_any(i - 1, &["due", "owing"])
        || down_to
        || traced;
    if !opens {
        return None;
    }
    let actor = cx.people.actor_starting_at(doc, i + 1)?;
    if !actor.sure || doc.is_any(actor.start, &["us", "me", "it", "them", "this", "that"]) {
        return None;
    }
    let after = actor.end + 1;
    // "comes down to Thulani not reading the alert".
    let alone = doc.word(after).is_none()
        || doc.is_any(after, &["and", "alone", "again"])
        || doc.is(after, "not") && doc.word(after + 1).is_some_and(|w| w.ends_with("ing"));
    if !alone || doc.word(actor.end)?.ends_with("'s") {
        return None;
    }
    Some(named(
        doc,
        i - 1,
        actor,
        "Names “{who}” as the reason; say what happened and what in the system allowed it.",
    ))
}

/// A finding from `start` to the end of `actor`, its message naming them
/// where `message` says `{who}`.
fn named(doc: &Doc, start: usize, actor: Actor, message: &str) -> Finding {
    let who = doc.slice(actor.start, actor.end);
    finding(
        doc,
        &INFO,
        start,
        actor.end,
        message.replace("{who}", who),
        vec![],
    )
}

const LAID_ON: &str = "Lays the failure on “{who}”; say what happened and what allowed it.";

/// "This outage is on Felipe", "it's on Takeshi that the backups were never
/// tested": the failure laid at a person's door.
fn on_person(cx: &Cx<'_>, i: usize) -> Option<Finding> {
    let doc = cx.doc;
    if !doc.is(i, "on") || !doc.is_any(i - 1, &["is", "was", "it's", "that's", "all"]) {
        return None;
    }
    let actor = cx.people.actor_starting_at(doc, i + 1)?;
    if !actor.sure || actor.kind == ActorKind::Pronoun && !doc.is_any(actor.start, &["him", "them"])
    {
        return None;
    }
    let after = actor.end + 1;
    if !(doc.word(after).is_none() || doc.is_any(after, &["that", "alone", "entirely"])) {
        return None;
    }
    // "The first page is on Dana" (a rota) is not blame: the clause must
    // speak of a failure or start with "it"/"this".
    let from = i.saturating_sub(6);
    let failure = (from..i).any(|k| {
        doc.is_any(
            k,
            &[
                "outage", "incident", "this", "it's", "it", "failure", "mess", "one", "blame",
                "that's", "loss",
            ],
        )
    });
    if !failure {
        return None;
    }
    Some(named(doc, i - 1, actor, LAID_ON))
}

/// "Management pinned the outage on the junior developer", "the review
/// blamed Sam": blame laid on a person, even when reported.
fn pinned_on(cx: &Cx<'_>, i: usize) -> Option<Finding> {
    let doc = cx.doc;
    let w = doc.word(i)?;
    let target = match w {
        "pinned" | "pinning" | "pins" | "pin" => {
            let on = (i + 1..(i + 6).min(doc.len()))
                .take_while(|&k| doc.word(k).is_some())
                .find(|&k| doc.is(k, "on"))?;
            on + 1
        }
        "blamed" | "blaming" | "blames" | "scapegoated"
            if !doc.is(i + 1, "on") && !super::blame_rejected(doc, i) =>
        {
            i + 1
        }
        _ => return None,
    };
    let actor = cx.people.actor_starting_at(doc, target)?;
    if !actor.sure || doc.is_any(actor.start, &["it", "us", "nobody", "no"]) {
        return None;
    }
    // "We never blamed anyone", "nobody blamed Sam" are not blame.
    if (i.saturating_sub(3)..i).any(|k| doc.is_any(k, &["never", "not", "nobody", "didn't", "no"]))
    {
        return None;
    }
    Some(named(doc, i, actor, LAID_ON))
}

/// "Nadia approved the change without looking at the diff": a person said
/// to have acted without a check. Needs a person as the subject of the
/// clause.
fn without_checking(cx: &Cx<'_>, i: usize) -> Option<Finding> {
    let doc = cx.doc;
    // "without looking at the diff", "without a review", "without any tests".
    let check = doc.is_any(
        i + 1,
        &[
            "looking",
            "reading",
            "checking",
            "testing",
            "asking",
            "reviewing",
            "telling",
            "verifying",
            "thinking",
            "waiting",
            "consulting",
            "confirming",
        ],
    ) || doc.is_any(i + 1, &["a", "any", "an"])
        && doc.is_any(
            i + 2,
            &[
                "review", "reviewer", "approval", "test", "tests", "sign-off", "check", "ticket",
                "backup", "second",
            ],
        );
    if !doc.is(i, "without") || !check {
        return None;
    }
    // The nearest person before it in the same sentence.
    let from = i.saturating_sub(12);
    let mut found = None;
    let mut k = i;
    while k > from {
        k -= 1;
        if doc.word(k).is_none() {
            break;
        }
        if let Some(a) = cx.people.actor_ending_at(doc, k) {
            found = Some(a);
            break;
        }
        if doc.tokens[k].sentence_start {
            break;
        }
    }
    let actor = found?;
    // "we" own the decision; "the tool lets anyone push without a review"
    // describes the tool.
    let generic = doc.is_any(
        actor.start,
        &[
            "we",
            "i",
            "anyone",
            "anybody",
            "everyone",
            "everybody",
            "you",
            "people",
        ],
    );
    if !actor.sure || actor.kind == ActorKind::Pronoun && generic {
        return None;
    }
    let who = doc.slice(actor.start, actor.end);
    Some(finding(
        doc,
        &INFO,
        actor.start,
        i + 1,
        format!(
            "Says “{who}” acted without a check; describe what made the check easy to miss or hard to do."
        ),
        vec![],
    ))
}

/// Nouns after a role that make it a system: "by the on-call script".
const NOT_PEOPLE_AFTER: &[&str] = &["script", "bot", "automation", "tool", "job", "process"];

fn report(doc: &Doc, actor: Actor, verb: Verb, i: usize, verb_end: usize) -> Finding {
    let who = doc.slice(actor.start, actor.end);
    let message = match verb {
        Verb::ForgotTo | Verb::Ignored | Verb::Missed => format!(
            "Says “{who}” let a step or a signal slip; describe what left it to memory or attention."
        ),
        _ => format!(
            "Names “{who}” as the cause; describe what in the system or process made this possible."
        ),
    };
    let object = doc
        .clause_end(verb_end + 1, 6, OBJECT_STOP)
        .map(|end| (end, doc.slice(verb_end + 1, end)));
    let case = |s: String| doc.match_case(actor.start, &s);
    let (end, suggestion) = match (verb, object) {
        (Verb::Damage(Class::Broke), Some((end, obj))) if doc.is_any(i, &["broke", "breaks"]) => {
            (end, Some(format!("{obj} broke after a change")))
        }
        (Verb::Damage(Class::Misconfigured), Some((end, obj)))
            if doc.is_any(i, &["misconfigured", "misconfigures"]) =>
        {
            (
                end,
                Some(format!("a configuration change left {obj} misconfigured")),
            )
        }
        (Verb::Ignored, Some((end, obj))) => (end, Some(format!("{obj} went unanswered"))),
        (Verb::Missed, Some((end, obj))) => (end, Some(format!("{obj} went unnoticed"))),
        (Verb::Damage(Class::TookDown), Some((end, obj))) => {
            (end, Some(format!("{obj} went down after a change")))
        }
        (Verb::Damage(Class::TookDown), None) if verb_end > i + 1 => {
            let obj = doc.slice(i + 1, verb_end - 1);
            (verb_end, Some(format!("{obj} went down after a change")))
        }
        (Verb::Damage(Class::Broke), Some((end, obj)))
            if doc.is_any(i, &["botched", "bungled", "mishandled"]) =>
        {
            (end, Some(format!("{obj} did not go as planned")))
        }
        (Verb::Damage(Class::Shipped | Class::Deleted | Class::Broke), Some((end, obj))) => {
            let verb = doc.slice(i, verb_end);
            (end, Some(format!("{obj} was {verb}")))
        }
        (Verb::Damage(Class::Caused), _) if doc.is_any(i, &["caused", "causes"]) => {
            (i, Some("a change caused".to_string()))
        }
        (Verb::Damage(Class::Caused), _) if doc.is(i, "introduced") => {
            (i, Some("a change introduced".to_string()))
        }
        (Verb::Damage(Class::LetThrough), _) => (
            verb_end,
            Some(format!("the review process {}", doc.slice(i, verb_end))),
        ),
        (Verb::ForgotTo, _) => (verb_end, Some("the checklist had no step to".to_string())),
        (Verb::Damage(Class::Caused), _) if doc.is(i + 1, "responsible") => (
            verb_end,
            Some("several conditions contributed to".to_string()),
        ),
        (_, _) => (verb_end, None),
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
    fn a_name_no_list_holds_doing_damage_by_hand() {
        use crate::lint::testing::only_no_people;
        for text in [
            "Kowalczyk took the brine pump offline mid-cycle and ruined two vats of curd.",
            "Okonkwo wiped the replica set while tidying up.",
            "- 09:12 Rautenbach deleted the production bucket.",
        ] {
            assert_eq!(only_no_people(ID, text).len(), 1, "{text}");
        }
        // Things spelled like things, products, and people stopping harm.
        for text in [
            "Velero deleted the old backups at 02:00.",
            "Compaction deleted the tombstones overnight.",
            "Retries took the API offline for a minute.",
            "Longhorn wiped the volume during the rebuild.",
            "Vuthy paused truck appointments early, which stopped customers booking stale slots.",
        ] {
            assert!(only_no_people(ID, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_timeline_row_whose_who_cell_did_the_damage() {
        use crate::lint::testing::only_no_people;
        for text in [
            "| 09:12 | Nguyen Van Thanh | Wiped the routing table on the edge router |",
            "| 02:14 | Okonkwo (night porter) | Wiped the guest-key encoder database |",
            "| 11:05 | the night DBA | Dropped the bookings table in production |",
        ] {
            assert_eq!(only_no_people(ID, text).len(), 1, "{text}");
        }
        for text in [
            "| 09:12 | Nguyen Van Thanh | restored the static routes on the edge router |",
            "| 02:14 | Cron | Deleted the expired sessions |",
            "| 10:40 | Kowalczyk | Paused every outbound job on the edge router |",
            "| Owner | Ana |\n\nDeleted rows are kept for 30 days.",
        ] {
            assert!(only_no_people(ID, text).is_empty(), "{text}");
        }
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
    fn harm_told_first_then_who_did_what() {
        use crate::lint::testing::only_no_people;
        for text in [
            "Patient imaging was unavailable for two hours after the vendor's technician unplugged the storage array.",
            "- 18:02 Yuki knocks the queue service over with a config push.",
            "Yuki took the queue service down with a config push.",
            "Payments were late because Olamide switched the bureau to the new calendar profile.",
            "- **16:20** — Contractor forgets to re-enable the file transfer job after testing.",
        ] {
            assert_eq!(only_no_people(ID, text).len(), 1, "{text}");
        }
        for text in [
            "Imaging came back after the technician replugged the storage array.",
            "The backlog cleared after Yuki removed the stale lock.",
            "Ana brought the queue down to zero by noon.",
            "Checkout failed over cleanly because Ana switched traffic early.",
            "Nothing was lost because Ana restored the backup within minutes.",
        ] {
            assert!(only_no_people(ID, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_person_as_the_reason_skipping_a_step_or_rushing_it() {
        use crate::lint::testing::only_no_people;
        let missed = [
            "Because of Thabo, the rollout slipped by a week.",
            "The two-hour delay was due to the release manager.",
            "The outage happened because Mirela skipped the smoke tests.",
            "- 09:40 Tuan bypassed the change freeze",
            "Halvard rushed the schema change out on Friday evening.",
            "Mistakes were made by Chiamaka during the cutover.",
            "- 14:32 Olga mistakenly dropped the sessions table",
            "Somebody left verbose tracing on and filled the log volume.",
            "Rafaela caused the 502s on checkout.",
            "This outage is on Felipe.",
            "Honestly? It's on Takeshi that the backups were never tested.",
            "Nadia approved the change without looking at the diff.",
            "- 16:20 the release manager merged it without asking anyone",
            "Kamala pushed the wrong Docker tag to the registry.",
            "Anil ran the cleanup job against production.",
            "Our vendor's engineer cut the wrong cable.",
            "In the end it came down to Sizwe not checking the replica.",
            "The failure boils down to the on-call engineer.",
            "Kofi was supposed to rotate the keys and didn't.",
            "- 04:15 Bashir silenced the disk alert and went back to sleep",
            "Ezra dropped the index while the migration was still running.",
            "The ops lead chose to ignore the capacity forecast.",
            "Zhao Lei approved his own pull request and merged it at midnight.",
            "We lost a day of data because Ingrid disabled the backup job.",
            "It was Samir who deleted the DNS zone.",
            "- 10:12 Somebody on the platform team restarted the wrong cluster.",
            "- 09:31 Margit pushed the retry change straight to main without a review.",
            "Hyun-woo is the reason this took three hours to spot.",
            "The release slipped because Mthunzi never sent the build to QA.",
            "The directors pinned the outage on the junior developer.",
            "The first review blamed Ileana for the data loss.",
            "Tomasz never got around to renewing the wildcard certificate.",
            "Most of the lost orders trace back to the night-shift operator.",
            "The stale prices were traced to Kagiso, who edited the feed by hand.",
            "If you ask me, it all stems from Marek.",
            "Zanele, swamped with tickets, did not get round to renewing the certificate.",
            "- 11:02 Koji didn't get around to paging the vendor",
            "Mele, the DBA on call, dropped the orders table.",
            "Nodar, tired after a long double shift, forgot to re-enable the alerts.",
        ]
        .into_iter()
        .filter(|t| only_no_people(ID, t).is_empty())
        .collect::<Vec<_>>();
        assert!(missed.is_empty(), "{missed:#?}");
    }

    #[test]
    fn reasons_steps_and_haste_that_are_not_blame() {
        use crate::lint::testing::only_no_people;
        let flagged = [
            "Because of Ravi's leave, the review moved to Tuesday.",
            "The retry was due to the network partition.",
            "The pipeline skipped the canary stage because it was marked optional.",
            "Sam skipped ahead to the rollback section of the runbook.",
            "Everyone rushed to the incident channel.",
            "Mikko rushed back from lunch to help.",
            "Olga dropped the test table after the drill, as planned.",
            "Sam left the feature flag on for the beta group.",
            "Thanks to Ines, we caught it early.",
            "The first page of the night is on Dana.",
            "We shipped the fix without waiting for the nightly build, as agreed.",
            "The job retried without waiting for the lock.",
            "A construction crew cut the fibre near the data centre.",
            "The alert never fired because the threshold was too high.",
            "Nobody blamed Sam, and the review says why.",
            "It comes down to the retry policy.",
            "Sam was supposed to be off that week, so Dana covered.",
            "We pinned the dependency on version 2.3.",
            "The job shipped without a review step, which the pipeline allowed.",
            "The deploy tool lets anyone push to production without a second approval.",
            "The health check disabled the node, as designed.",
            "Sam deleted the test bucket after the drill.",
            "It was Sam who found the stuck consumer.",
            "Cross-region replication is the reason the data survived.",
            "The latency spike traces back to a missing index.",
            "The retention job did not get around to the archive partition.",
            "After the restart, the cache, already cold, dropped every session.",
            "Nobody, Tomasz included, did anything wrong.",
            "Gulnara never missed a page during her six weeks on call.",
            "In two years Pavel never ignored an alert.",
        ]
        .into_iter()
        .filter(|t| !only_no_people(ID, t).is_empty())
        .collect::<Vec<_>>();
        assert!(flagged.is_empty(), "{flagged:#?}");
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

    #[test]
    fn a_skipped_step_that_led_to_harm() {
        use crate::lint::testing::only_no_people;
        for text in [
            "Teuilani didn't update the status page, which left customers guessing for an hour.",
            "Mereanui did not notify the ward before the cutover, so the nurses were locked out.",
        ] {
            assert_eq!(only_no_people(ID, text).len(), 1, "{text}");
        }
        assert_clean(
            ID,
            "The operator didn't update the record because the form was read-only.",
        );
        assert_clean(
            ID,
            "Teuilani didn't update the status page until the fix had shipped.",
        );
        assert_clean(
            ID,
            "The cron job didn't update the index, which left search stale.",
        );
    }

    #[test]
    fn a_name_the_text_calls_a_system_is_not_a_person() {
        use crate::lint::testing::only_no_people;
        use crate::lint::{lint_text, LintConfig};
        for text in [
            "Margot, the nightly billing scheduler, skipped the 03:00 run because of a clock bug.",
            "Hermes, our release bot, deleted the staging branch after a bad config push.",
            "Greta, the internal mail gateway, dropped every message with an attachment.",
        ] {
            assert!(
                lint_text(text, &LintConfig::default()).is_empty(),
                "{text}: {:#?}",
                lint_text(text, &LintConfig::default())
            );
        }
        for text in [
            "Margot, the on-call engineer for the billing scheduler, skipped the 03:00 run.",
            "Odette, our release manager, deleted the staging branch.",
        ] {
            assert!(
                !lint_text(text, &LintConfig::default()).is_empty(),
                "{text}"
            );
        }
        let text = "Margot, the on-call engineer for the billing scheduler, skipped the 03:00 run.";
        assert!(!only_no_people(ID, text).is_empty(), "{text}");
    }

    #[test]
    fn a_persons_act_as_the_opening_reason_for_harm() {
        for text in [
            "Because Thorvald chose to rotate the TLS certificates on a Friday evening, the check-in kiosks at all four hubs rejected boarding passes until Saturday morning.",
            "- **Sat 02:20** — Because the security guard silenced the panel at 02:20, the excursion ran on for another four hours.",
        ] {
            assert_eq!(crate::lint::testing::only_no_people(ID, text).len(), 1, "{text}");
        }
        for text in [
            "Because Ana restored the backup within minutes, nothing was lost.",
            "Because Priya paged the database team early, the outage stayed short.",
            "Because the scheduler skipped the 03:00 run, the report was late.",
            "Early drafts said 'operator error', but we removed that phrase because the interface made the wrong option the default.",
        ] {
            assert!(crate::lint::testing::only_no_people(ID, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn an_initialled_name_and_a_question_about_a_choice() {
        for text in [
            "The newsroom published the embargoed results forty minutes early after T. Nakashima hit \"Publish\" instead of \"Schedule\".",
            "Why did the vendor's engineer decide to reboot the wrong core switch in the middle of enrollment week?",
        ] {
            assert_eq!(crate::lint::testing::only_no_people(ID, text).len(), 1, "{text}");
        }
        for text in [
            "Why did the vendor's engineer decide to reboot the core switch?",
            "The newsroom published the results after T. Nakashima checked the embargo time.",
        ] {
            assert!(
                crate::lint::testing::only_no_people(ID, text).is_empty(),
                "{text}"
            );
        }
    }

    #[test]
    fn an_act_then_named_as_what_did_the_damage_and_a_person_at_their_workplace() {
        for text in [
            "- **05:52** — Ruaridh restarts the manifest database mid-sync, and that restart is what knocks out check-in at Port Varrick as well.",
            "- **19:31** — @kit.marlowe turns off origin shielding \"to save costs\", and that is what knocks the origin over at kick-off.",
            "The vaccine reminder texts went to the wrong clients because reception staff at the Harrowgate clinic imported last year's contact list.",
        ] {
            assert_eq!(crate::lint::testing::only_no_people(ID, text).len(), 1, "{text}");
        }
        for text in [
            "- **05:52** — Ruaridh restarts the manifest database, and that is what brings check-in back.",
            "Check-in recovered because staff at the Harrowgate clinic switched to the paper list.",
            "An early draft said 'Ola caused the outage'; we have rewritten that line because it isn't true and isn't helpful.",
            "- Counting what you care about is cheaper than discovering what you forgot to count.",
        ] {
            assert!(crate::lint::testing::only_no_people(ID, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn controllers_control_rooms_and_agencies_are_people_unless_a_device_is_meant() {
        for text in [
            "The approach controller failed to pass the squawk code to the tower.",
            "The agency forgot to renew the parking permits.",
            "The control room ignored the flood alarm for forty minutes.",
        ] {
            let found = crate::lint::lint_text(text, &crate::lint::LintConfig::default());
            assert!(!found.is_empty(), "{text}");
        }
        for text in [
            "The pump controller failed to open the bypass valve.",
            "After the firmware push the controller rebooted and dropped its queue.",
            "The server room flooded overnight.",
        ] {
            let found = crate::lint::lint_text(text, &crate::lint::LintConfig::default());
            assert!(found.is_empty(), "{text}: {found:?}");
        }
    }

    #[test]
    fn trades_and_offices_no_list_had_before() {
        for text in [
            "The registrar forgot to lock the roll before the count.",
            "Why didn't the harbour master close the slipway?",
            "Huge thanks to Comms for posting the closure notice two days after the closure.",
            "And the prize for the loudest outage of the year goes to the night auditor.",
            "| Root cause | Duty surveyor (Aylin) |",
        ] {
            let found = crate::lint::lint_text(text, &crate::lint::LintConfig::default());
            assert!(!found.is_empty(), "{text}");
        }
        for text in [
            "The master branch was protected again at 10:02.",
            "We merged the fix into master at 10:02.",
        ] {
            let found = crate::lint::lint_text(text, &crate::lint::LintConfig::default());
            assert!(found.is_empty(), "{text}: {found:?}");
        }
    }

    #[test]
    fn a_role_no_list_holds_is_a_person_once_the_document_says_who() {
        let text = "It was the concessionaire who closed the beach kiosks.\n\nWhy didn't the concessionaire check the tide tables?";
        let found = crate::lint::lint_text(text, &crate::lint::LintConfig::default());
        assert!(found.iter().any(|f| f.rule == "hindsight"), "{found:?}");
        let things = "The concessionaire module forgot the session.\n\nWhy didn't the concessionaire module keep the session?";
        let found = crate::lint::lint_text(things, &crate::lint::LintConfig::default());
        assert!(found.is_empty(), "{found:?}");
    }
}
