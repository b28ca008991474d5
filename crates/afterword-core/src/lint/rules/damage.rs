//! The ways a sentence says something was damaged, shared by the rules that
//! ask who or what did it: "broke checkout", "knocked the billing service
//! offline", "wiped the staging cluster", "let the bug through", "caused the
//! outage", "pushed a bad config", "deleted the production bucket". Whether
//! that is blame depends on the subject, which the calling rule checks.
//!
//! Every look-around is bounded to a few tokens, so a rule stays linear in
//! the length of the text.

use crate::lint::tokens::Doc;

/// How a damage phrase is built, for the message and the rewrite.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Class {
    /// broke, corrupted, wiped, nuked…: the object was damaged.
    Broke,
    /// took / brought / knocked … down, offline, out.
    TookDown,
    /// caused, introduced, led to, is why, is responsible for.
    Caused,
    /// let … through / slip / past.
    LetThrough,
    /// misconfigured, fat-fingered.
    Misconfigured,
    /// pushed, deployed, merged… something bad or untested.
    Shipped,
    /// deleted, dropped, killed… something that mattered, or the wrong one.
    Deleted,
}

/// A damage phrase starting at a verb.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Damage {
    pub class: Class,
    /// The verb.
    pub verb: usize,
    /// The last token of the verb phrase (the particle of "took … down").
    pub end: usize,
    /// The verb is said of people, not systems ("fat-fingered",
    /// "misconfigured", "botched"), so even a name the linter only suspects
    /// is a person here.
    pub human: bool,
}

/// Verbs that always damage their object.
const BREAK: &[&str] = &[
    "severed",
    "double-booked",
    "overbooked",
    "misrouted",
    "mislabelled",
    "mislabeled",
    "broke",
    "breaks",
    "broken",
    "nuked",
    "nukes",
    "trashed",
    "corrupted",
    "corrupts",
    "destroyed",
    "destroys",
    "erased",
    "clobbered",
    "bricked",
    "melted",
    "flooded",
    "overloaded",
    "overwhelmed",
    "hammered",
    "crashed",
    "crashes",
    "froze",
    "overwrote",
    "overwritten",
    "purged",
    "truncated",
    "wiped",
    "wipes",
    "leaked",
    "exposed",
    "botched",
    "bungled",
    "mishandled",
    "derailed",
    "sabotaged",
    "blackholed",
    "borked",
    "hosed",
];

/// Verbs said of people only.
const HUMAN_BREAK: &[&str] = &[
    "botched",
    "bungled",
    "mishandled",
    "sabotaged",
    "fat-fingered",
    "fat-fingers",
    "misconfigured",
    "misconfigures",
    "mistyped",
    "misread",
    "force-pushed",
];

/// Harm words told before their reason: "Imaging was unavailable after …",
/// "Payments were late because …", "Everything fell over because of …".
const HARM_TOLD: &[&str] = &[
    "dead",
    "filled",
    "flooded",
    "froze",
    "frozen",
    "overloaded",
    "disappeared",
    "vanished",
    "broke",
    "broken",
    "corrupted",
    "crashed",
    "delayed",
    "deleted",
    "down",
    "duplicated",
    "errors",
    "failed",
    "failing",
    "fell",
    "late",
    "lost",
    "missed",
    "offline",
    "outage",
    "stalled",
    "stopped",
    "stuck",
    "twice",
    "unavailable",
    "unreachable",
    "wiped",
    "wrong",
];

/// Whether the words right before token `at` (at most `max`, within the
/// clause and across commas) tell of harm, by `HARM_TOLD` or by `also`,
/// and nothing in them negates it: "Nothing was lost because Ana restored
/// the backup" is good news, and "failed over" is not harm.
pub(crate) fn harm_told_before(
    doc: &Doc,
    at: usize,
    max: usize,
    also: impl Fn(usize) -> bool,
) -> bool {
    let before = || {
        (at.saturating_sub(max)..at)
            .rev()
            .take_while(|&k| doc.word(k).is_some() || doc.is_punct(k, ','))
    };
    let negated = before().any(|k| {
        doc.is_any(
            k,
            &["nothing", "no", "not", "never", "nobody", "none", "hardly"],
        ) || doc.word(k).is_some_and(|w| w.ends_with("n't"))
    });
    !negated
        && before().any(|k| {
            doc.is_any(k, HARM_TOLD) && !(doc.is(k, "failed") && doc.is(k + 1, "over")) || also(k)
        })
}

/// Harm words told after their reason, in the clause that follows it:
/// "Because Thorvald rotated the certificates on a Friday evening, the
/// kiosks rejected boarding passes until Saturday".
const HARM_AFTER: &[&str] = &["rejected", "refused", "blocked", "crashing", "dropped"];

/// Whether the words from token `from` on (at most `max`, within the
/// sentence) tell of harm and nothing in them negates it. "Ran on" and
/// "went on for another …" tell of harm that lasted longer.
pub(crate) fn harm_told_after(doc: &Doc, from: usize, max: usize) -> bool {
    let after = || {
        (from..(from + max).min(doc.len()))
            .take_while(|&k| doc.word(k).is_some() || doc.is_punct(k, ',') || doc.is_punct(k, ':'))
    };
    // "…, the outage stayed short": the act limited the harm.
    let negated = after().any(|k| {
        doc.is_any(
            k,
            &[
                "nothing",
                "no",
                "not",
                "never",
                "nobody",
                "none",
                "only",
                "short",
                "shorter",
                "contained",
                "limited",
                "recovered",
                "saved",
                "avoided",
                "prevented",
                "quickly",
                "sooner",
                "earlier",
                "over",
                "ended",
            ],
        ) || doc.word(k).is_some_and(|w| w.ends_with("n't"))
    });
    !negated
        && after().any(|k| {
            doc.is_any(k, HARM_TOLD) && !(doc.is(k, "failed") && doc.is(k + 1, "over"))
                || doc.is_any(k, HARM_AFTER)
                || doc.is_any(k, &["ran", "went", "dragged"])
                    && doc.is(k + 1, "on")
                    && (k + 2..(k + 5).min(doc.len()))
                        .any(|j| doc.is_any(j, &["another", "hours", "longer"]))
        })
}

/// Whether `w` is a verb of [`DELETE`]: harm when its object mattered.
pub(crate) fn is_delete_verb(w: &str) -> bool {
    DELETE.contains(&w)
}

/// Verbs that damage only when their object mattered or was the wrong one:
/// "deleted the production bucket", not "deleted the stale lock file".
const DELETE: &[&str] = &[
    "deleted",
    "deletes",
    "dropped",
    "removed",
    "truncated",
    "killed",
    "terminated",
    "unplugged",
    "revoked",
    "shut",
    "cut",
    "locked",
    "purged",
    "reset",
    "left",
    "erased",
    "disabled",
    "silenced",
    "muted",
    "snoozed",
    "paused",
];

/// Verbs that ship something, damaging when it was flawed.
const SHIP: &[&str] = &[
    "pushed",
    "deployed",
    "merged",
    "shipped",
    "applied",
    "released",
    "committed",
    "rolled",
    "approved",
    "introduced",
    "uploaded",
    "published",
    "ran",
    "wrote",
    "added",
];

/// Words that make a shipped or deleted thing the failure.
pub(crate) const FLAWED: &[&str] = &[
    "bad",
    "broken",
    "buggy",
    "faulty",
    "wrong",
    "untested",
    "unreviewed",
    "unapproved",
    "incorrect",
    "invalid",
    "rushed",
    "half-finished",
    "careless",
    "sloppy",
    "botched",
    "dodgy",
    "risky",
    "bogus",
    "hasty",
    "hurried",
    "reckless",
    "half-baked",
    "unvetted",
    "unchecked",
];

/// What made an ordinary action damage: the wrong target, an accident, or
/// something that mattered.
const MATTERED: &[&str] = &[
    "wrong",
    "production",
    "prod",
    "primary",
    "live",
    "customer",
    "customers",
    "customer's",
    "orders",
    "users",
    "accounts",
    "audit",
    "backups",
    "backup",
    "data",
    "records",
    "invoices",
    "payments",
    "master",
    "everyone",
    "every",
    "all",
    "entire",
    "whole",
    "mistake",
    "accident",
    "instead",
    "peak",
    "public",
    "unencrypted",
    "offline",
    "twice",
    "database",
    "cluster",
    "bucket",
    "zone",
    "dns",
    "volume",
    "repository",
    "alert",
    "alerts",
    "monitoring",
];

/// Objects that show a routine, deliberate clean-up.
const BENIGN: &[&str] = &[
    "stale",
    "unused",
    "old",
    "obsolete",
    "orphaned",
    "temporary",
    "test",
    "dummy",
    "duplicate",
    "runaway",
    "stuck",
    "hung",
    "expired",
    "leftover",
    "deprecated",
    "empty",
    "planned",
    "scheduled",
    "intentionally",
    "deliberately",
    "copy",
    "fix",
    "patch",
    "rollback",
    "corrected",
];

/// What is good to bring down: "brought the lag down".
const REDUCED: &[&str] = &[
    "lag",
    "latency",
    "load",
    "cost",
    "costs",
    "backlog",
    "usage",
    "count",
    "time",
    "errors",
    "noise",
    "rate",
    "temperature",
    "queue",
    "number",
    "spend",
    "bill",
    "risk",
    "level",
    "levels",
    "pressure",
    "demand",
    "traffic",
    "temperatures",
    "numbers",
    "figures",
    "chlorine",
];

/// Outcomes that make "caused …", "introduced …" or "responsible for …"
/// a statement of blame.
pub(crate) const OUTCOMES: &[&str] = &[
    "gap",
    "duplicate",
    "duplicates",
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
    "leak",
    "loss",
    "damage",
    "crash",
    "crashes",
    "disruption",
    "delay",
    "backlog",
    "blackhole",
    "mess",
    "spike",
    "timeouts",
    "slowdown",
    "degradation",
    "corruption",
    "chaos",
    "fallout",
    "5xx",
    "500s",
    "502s",
    "503s",
    "504s",
];

/// Adverbs that make an ordinary act on something a mistake: "mistakenly
/// dropped the sessions table".
const BY_ACCIDENT: &[&str] = &[
    "mistakenly",
    "accidentally",
    "inadvertently",
    "unintentionally",
    "erroneously",
    "wrongly",
    "carelessly",
];

/// A word of [`MATTERED`] in `from..to`, other than a place named after
/// one ("near the data centre").
fn mattered_within(doc: &Doc, from: usize, to: usize) -> bool {
    (from..to).any(|j| {
        doc.is_any(j, MATTERED)
            && !(doc.is(j, "data")
                && doc.is_any(j + 1, &["centre", "center", "centres", "centers"]))
    })
}

fn word_within(doc: &Doc, from: usize, to: usize, list: &[&str]) -> bool {
    (from..to).any(|j| doc.is_any(j, list))
}

/// The end of the words after `i` that can belong to the same clause: up
/// to `max` tokens, stopping at sentence punctuation or a break.
pub(crate) fn clause_limit(doc: &Doc, i: usize, max: usize) -> usize {
    let mut j = i;
    while j < doc.len() && j < i + max {
        let t = doc.tokens[j];
        match t.kind {
            crate::lint::tokens::Kind::Word | crate::lint::tokens::Kind::Code => {}
            crate::lint::tokens::Kind::Punct(',' | '\'' | '"' | '-') => {}
            _ => break,
        }
        j += 1;
    }
    j
}

/// Particles that make "took", "brought", "knocked" a damage verb.
const DOWN: &[&str] = &["down", "offline", "out", "over", "off"];

/// Whether `w` can start a damage phrase at all: checked first, so the
/// look-around below runs only at candidate verbs.
fn candidate(w: &str) -> bool {
    static WORDS: std::sync::OnceLock<crate::lint::tokens::WordSet> = std::sync::OnceLock::new();
    WORDS
        .get_or_init(|| {
            crate::lint::tokens::WordSet::new(&[HUMAN_BREAK, BREAK, DELETE, SHIP, OTHER_VERBS])
        })
        .contains(w)
        || is_past(w)
}

/// The other words a damage phrase can start with.
const OTHER_VERBS: &[&str] = &[
    "fat",
    "threw",
    "rushed",
    "hurried",
    "broke",
    "breaks",
    "broken",
    "took",
    "takes",
    "brought",
    "brings",
    "knocked",
    "knocks",
    "taken",
    "blew",
    "blown",
    "messed",
    "screwed",
    "fucked",
    "effed",
    "mucked",
    "cocked",
    "let",
    "lets",
    "allowed",
    "waved",
    "caused",
    "causes",
    "introduced",
    "is",
    "was",
    "are",
    "were",
    "led",
    "leads",
    "made",
    "cut",
    "locked",
    "ran",
    "executed",
    "applied",
    "tested",
];

/// States a thing is left in when something "made" it so.
const MADE_BROKEN: &[&str] = &[
    "unreachable",
    "unavailable",
    "unusable",
    "unresponsive",
    "inaccessible",
    "unbootable",
    "unreadable",
    "unrecoverable",
];

/// A damage phrase whose verb is token `i`.
pub(crate) fn damage_at(doc: &Doc, i: usize) -> Option<Damage> {
    let w = doc.word(i)?;
    if !candidate(w) {
        return None;
    }
    let limit = clause_limit(doc, i + 1, 9);
    // "removed that phrase because the interface made the wrong option the
    // default": the reason that follows is not the act's object.
    let limit = (i + 1..limit)
        .find(|&j| doc.is_any(j, &["because", "although", "though"]))
        .unwrap_or(limit);
    // Benign words count in the object only: "wiped the staging cluster
    // while cleaning up old namespaces" is still damage.
    let benign = || {
        let object_end = (i + 1..limit)
            .find(|&j| doc.is_any(j, super::OBJECT_STOP) && j > i + 1)
            .unwrap_or(limit);
        word_within(doc, i + 1, object_end, BENIGN)
            || word_within(
                doc,
                i + 1,
                limit,
                &["planned", "scheduled", "intentionally", "deliberately"],
            )
    };
    let d = |class, end, human| {
        Some(Damage {
            class,
            verb: i,
            end,
            human,
        })
    };
    if HUMAN_BREAK.contains(&w) {
        return d(Class::Misconfigured, i, true);
    }
    if w == "fat" && doc.is_any(i + 1, &["fingered", "fingers", "finger"]) {
        return d(Class::Misconfigured, i + 1, true);
    }
    match w {
        "broke" | "breaks" | "broken" => {
            // "broke the work down", "broke even", "broke the news".
            if word_within(
                doc,
                i + 1,
                (i + 5).min(limit),
                &["down", "out", "even", "up", "into"],
            ) || doc.is(i + 1, "even")
                || doc.seq(i + 1, &["the", "news"])
                || doc.word(i + 1).is_none()
            {
                return None;
            }
            return d(Class::Broke, i, false);
        }
        "took" | "takes" | "brought" | "brings" | "knocked" | "knocks" | "taken" => {
            let part = (i + 1..limit.min(i + 6)).find(|&j| doc.is_any(j, DOWN))?;
            if doc.is(part, "over") && !matches!(w, "knocked" | "knocks")
                || doc.is(part, "out") && w == "took"
            {
                return None;
            }
            if doc.is(part, "off") && !doc.is(part + 1, "line") {
                return None;
            }
            // "brought the queue down" is good news; "knocked the queue
            // service over" is not.
            let reduced = (i + 1..part).any(|j| {
                doc.is_any(j, REDUCED)
                    && !doc.is_any(
                        j + 1,
                        &[
                            "service", "services", "server", "servers", "cluster", "node", "nodes",
                            "broker", "brokers", "api", "worker", "workers", "database", "db",
                            "host", "hosts", "system", "app", "manager", "balancer",
                        ],
                    )
            });
            if benign() || reduced {
                return None;
            }
            return d(Class::TookDown, part, false);
        }
        "blew" | "blown" if doc.is_any(i + 1, &["away", "up"]) || doc.is(i + 2, "away") => {
            return d(Class::Broke, i, true);
        }
        "messed" | "screwed" | "fucked" | "effed" | "mucked" | "cocked" if doc.is(i + 1, "up") => {
            return d(Class::Broke, i + 1, true);
        }
        // "rushed the migration out", "rushed the fix into production";
        // not "rushed to restore service" or "rushed back".
        "rushed" | "hurried" => {
            if doc.word(i + 1).is_none()
                || doc.is_any(
                    i + 1,
                    &["to", "in", "back", "over", "home", "off", "through"],
                )
            {
                return None;
            }
            return d(Class::Shipped, i, true);
        }
        "let" | "lets" | "allowed" | "waved" => {
            let end = (i + 1..limit.min(i + 7))
                .find(|&j| doc.is_any(j, &["through", "slip", "slide", "past"]))?;
            return d(Class::LetThrough, end, w == "waved");
        }
        "caused" | "causes" | "introduced" => {
            if !word_within(doc, i + 1, limit.min(i + 6), OUTCOMES) {
                if w == "introduced" {
                    return None;
                }
                if !word_within(doc, i + 1, limit.min(i + 6), MATTERED) {
                    return None;
                }
            }
            return d(Class::Caused, i, false);
        }
        "is" | "was" | "are" | "were" => {
            if doc.is(i + 1, "why") {
                return d(Class::Caused, i + 1, false);
            }
            if doc.seq(i + 1, &["the", "reason"]) {
                return d(Class::Caused, i + 2, false);
            }
            if doc.seq(i + 1, &["responsible", "for"]) {
                if !word_within(doc, i + 3, limit.min(i + 7), OUTCOMES) {
                    return None;
                }
                return d(Class::Caused, i + 2, false);
            }
            if doc.is(i + 1, "behind") && word_within(doc, i + 2, limit.min(i + 5), OUTCOMES) {
                return d(Class::Caused, i + 1, false);
            }
            return None;
        }
        "led" | "leads" if doc.is(i + 1, "to") && word_within(doc, i + 2, limit, OUTCOMES) => {
            return d(Class::Caused, i + 1, false);
        }
        "made" if doc.is_any(i + 1, &["things", "it", "everything"]) && doc.is(i + 2, "worse") => {
            return d(Class::Caused, i + 2, false);
        }
        // "sent the overnight accrual into a loop", "threw the cluster into
        // a crash loop".
        "sent" | "threw" | "pushed" | "tipped" | "plunged" => {
            let into = (i + 1..limit.min(i + 8)).find(|&j| doc.is(j, "into"));
            if let Some(into) = into {
                let end = (into + 1..(into + 4).min(doc.len())).find(|&j| {
                    doc.is_any(
                        j,
                        &[
                            "loop",
                            "tailspin",
                            "meltdown",
                            "chaos",
                            "deadlock",
                            "panic",
                            "read-only",
                            "crash-loop",
                            "spiral",
                        ],
                    )
                });
                if let Some(end) = end {
                    return d(Class::Caused, end, false);
                }
            }
        }
        // "made the fallback effectively unreachable": left it broken.
        "made" => {
            let end = (i + 2..limit.min(i + 7)).find(|&j| doc.is_any(j, MADE_BROKEN));
            if let Some(end) = end {
                return d(Class::Caused, end, false);
            }
        }
        _ => {}
    }
    // "Dispatcher crashed after the upgrade": a thing that failed, with
    // nothing it did to anything else.
    if matches!(w, "crashed" | "hung" | "froze" | "stalled" | "died")
        && doc.is_any(
            i + 1,
            &[
                "after",
                "during",
                "at",
                "on",
                "when",
                "while",
                "in",
                "again",
                "twice",
                "overnight",
                "before",
            ],
        )
    {
        return None;
    }
    // "cut the peak short": ended the harm early.
    if w == "cut" && (i + 1..limit.min(i + 6)).any(|j| doc.is(j, "short")) {
        return None;
    }
    if BREAK.contains(&w) {
        if doc.word(i + 1).is_none() || benign() && !doc.is_any(i, &["corrupted", "nuked"]) {
            return None;
        }
        let human = matches!(w, "nuked" | "trashed" | "clobbered" | "bricked" | "borked");
        return d(Class::Broke, i, human);
    }
    let mattered = || {
        mattered_within(doc, i + 1, limit)
            || word_within(doc, i.saturating_sub(2), i, BY_ACCIDENT)
            || (i + 1..limit)
                .any(|j| doc.is(j, "while") && word_within(doc, j + 1, limit, &["still"]))
            || doc.is(i + 1, "by") && doc.is(i + 2, "mistake")
            || consequence_after(doc, limit)
    };
    // "approved his own pull request".
    if w == "approved" && doc.is_any(i + 1, &["his", "her", "their"]) && doc.is(i + 2, "own") {
        return d(Class::Shipped, i + 2, true);
    }
    if SHIP.contains(&w) && word_within(doc, i + 1, limit.min(i + 6), FLAWED) {
        return d(Class::Shipped, i, false);
    }
    // "cut off the partner API", "locked everyone out": damage whatever
    // the object.
    if matches!(w, "cut" | "locked") && !benign() {
        if let Some(end) = (i + 1..limit.min(i + 5)).find(|&j| doc.is_any(j, &["off", "out"])) {
            return d(Class::TookDown, end, false);
        }
    }
    // "ran the cleanup job against production".
    if matches!(w, "ran" | "executed" | "applied" | "tested")
        && (i + 1..limit).any(|j| {
            doc.is_any(j, &["against", "on", "in"])
                && doc.is_any(j + 1, &["production", "prod", "live"])
                || doc.is(j, "against")
                    && doc.is(j + 1, "the")
                    && doc.is_any(j + 2, &["primary", "production", "wrong"])
        })
    {
        return d(Class::Deleted, i, false);
    }
    // "left debug logging on and filled the disk".
    if w == "left" && !benign() {
        let state = (i + 2..limit)
            .find(|&j| doc.is_any(j, &["on", "running", "enabled", "unlocked", "unattended"]));
        if let Some(state) = state {
            if doc.is(state + 1, "and") && consequence_after(doc, state + 1)
                || consequence_after(doc, limit)
            {
                return d(Class::Deleted, state, false);
            }
        }
    }
    if DELETE.contains(&w) {
        if benign() || !mattered() {
            return None;
        }
        // "shut down the wrong rack", "cut off the partner API",
        // "locked everyone out".
        let end = if matches!(w, "shut" | "cut" | "locked") {
            (i + 1..limit.min(i + 5))
                .find(|&j| doc.is_any(j, &["down", "off", "out"]))
                .unwrap_or(i)
        } else {
            i
        };
        if w == "left" && !word_within(doc, i + 1, limit, &["public", "open", "unencrypted"]) {
            return None;
        }
        return d(Class::Deleted, end, false);
    }
    // Any act on the wrong target: "sent the emails to the wrong customers",
    // "picked the wrong cluster".
    // "Priyanka identified the wrong version": finding the wrong thing is
    // not doing it.
    let perceived = matches!(
        w,
        "identified"
            | "spotted"
            | "noticed"
            | "flagged"
            | "found"
            | "traced"
            | "confirmed"
            | "diagnosed"
            | "caught"
            | "reported"
            | "detected"
            | "highlighted"
    );
    if is_past(w) && !perceived && wrong_target(doc, i + 1, limit) {
        return d(Class::Deleted, i, false);
    }
    None
}

/// Past-tense verbs, regular and a few common irregular ones.
fn is_past(w: &str) -> bool {
    (w.len() > 4 && w.ends_with("ed"))
        || matches!(
            w,
            "ran"
                | "sent"
                | "put"
                | "set"
                | "made"
                | "chose"
                | "hit"
                | "gave"
                | "wrote"
                | "did"
                | "took"
                | "read"
        )
}

/// "the wrong …", "by mistake", "instead of the …" after a verb.
pub(crate) fn wrong_target(doc: &Doc, from: usize, limit: usize) -> bool {
    // "removed that phrase because the interface made the wrong option the
    // default": the wrong thing must be the act's own object.
    (from..limit)
        .take_while(|&j| {
            !doc.is_any(
                j,
                &["because", "since", "although", "though", "while", "but"],
            )
        })
        .any(|j| {
            doc.is(j, "wrong") && !doc.is_any(j - 1, &["nothing", "anything"])
                || doc.is(j, "by") && doc.is_any(j + 1, &["mistake", "accident"])
                || doc.is(j, "instead") && doc.is(j + 1, "of")
        })
}

/// Whether the clause ending at `limit` is followed by "and <something
/// went wrong>": "truncated the events table and the reports went blank".
fn consequence_after(doc: &Doc, limit: usize) -> bool {
    let mut j = limit;
    if doc.is_punct(j, ',') {
        j += 1;
    }
    if !doc.is_any(j, &["and", "so"]) {
        return false;
    }
    word_within(
        doc,
        j + 1,
        (j + 8).min(doc.len()),
        &[
            "lost",
            "tripled",
            "doubled",
            "bounced",
            "failed",
            "stopped",
            "down",
            "offline",
            "broke",
            "crashed",
            "errors",
            "outage",
            "went",
            "filled",
            "exhausted",
            "flooded",
            "overflowed",
            "maxed",
        ],
    )
}
