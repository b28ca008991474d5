//! `sarcastic-credit`: "Thanks to Omar, every customer got the reset email
//! twice" — credit that is really blame, with a person or team thanked for a
//! bad outcome. Real thanks ("thanks to Lea's page the database team joined
//! at once") and thanks to a system ("thanks to the retry loop, every
//! request was sent three times") are left alone.

use super::finding;
use crate::lint::finding::{Category, Finding};
use crate::lint::people::ActorKind;
use crate::lint::registry::{Rule, RuleInfo};
use crate::lint::tokens::{Doc, Kind, WordSet};
use crate::lint::Cx;

pub(crate) const INFO: RuleInfo = RuleInfo {
    id: "sarcastic-credit",
    category: Category::Attribution,
    description:
        "A person \"thanked\" for a bad outcome (\"Thanks to Omar, the emails went out twice\").",
};

pub(crate) struct SarcasticCredit;

/// Words that make the outcome a bad one.
const BAD: &[&str] = &[
    "down",
    "offline",
    "broke",
    "broken",
    "lost",
    "gone",
    "twice",
    "duplicated",
    "double",
    "doubled",
    "wrong",
    "empty",
    "blank",
    "stuck",
    "slipped",
    "failed",
    "failing",
    "outage",
    "zero",
    "nobody",
    "nothing",
    "errors",
    "error",
    "restoring",
    "behind",
    "corrupted",
    "deleted",
    "locked",
    "missed",
    "late",
    "delayed",
    "weekend",
    "night",
    "angry",
    "bounced",
    "dead",
    "crashed",
    "pointed",
    "leaked",
    "exposed",
    "overloaded",
    "worse",
    "unusable",
    "unavailable",
    "breaking",
    "nuking",
    "wiping",
    "read-only",
    "outages",
    "deleting",
    "dropped",
    "dropping",
    "paged",
    "pagers",
    "apparently",
    "managed",
    "folds",
    "folded",
    "collapsed",
    "buckled",
    "fell",
    "burned",
    "blocked",
    "empties",
    "emptied",
    "wipes",
    "purged",
    "purges",
    "rival",
    "competitor",
    "competitors",
    "unencrypted",
    "unredacted",
    "plaintext",
    "unacknowledged",
    "unanswered",
    "unnoticed",
    "flooded",
];

/// Acts that are harm in themselves when someone is "thanked" for them.
const HARMFUL_ACTS: &[&str] = &[
    "taking",
    "breaking",
    "nuking",
    "wiping",
    "deleting",
    "dropping",
    "crashing",
    "shipping",
    "pushing",
    "merging",
    "leaving",
    "turning",
    "killing",
    "bringing",
    "knocking",
    "making",
    "giving",
    "teaching",
    "reminding",
    "letting",
    "forgetting",
    "ignoring",
    "skipping",
    "deploying",
    "rebooting",
    "restarting",
    "running",
    "changing",
    "disabling",
    "locking",
    "losing",
    "corrupting",
    "overwriting",
    "truncating",
    "flooding",
    "spamming",
    "paging",
    "waking",
    "blocking",
    "missing",
    "approving",
    "rolling",
    "sitting",
    "launching",
];

/// Acts that are harm whatever follows: "thanks for ignoring the page".
const HARM_IN_ITSELF: &[&str] = &[
    "breaking",
    "nuking",
    "wiping",
    "deleting",
    "crashing",
    "killing",
    "forgetting",
    "ignoring",
    "skipping",
    "losing",
    "corrupting",
    "overwriting",
    "truncating",
    "spamming",
];

/// Words that mark praise as ironic: "his famously speedy replies", "the
/// surprise 3 a.m. page".
const IRONY: &[&str] = &[
    "famously",
    "surprise",
    "somehow",
    "heroically",
    "legendary",
    "impressively",
    "masterful",
    "masterfully",
    "genius",
    "inspired",
    "cheapest",
];

/// Words that make it a good one, so the thanks are real.
const GOOD: &[&str] = &[
    "only",
    "caught",
    "quick",
    "quickly",
    "fast",
    "once",
    "within",
    "saved",
    "recovered",
    "accurate",
    "never",
    "working",
    "joined",
    "early",
    "minutes",
    "seconds",
    "clear",
    "staying",
    "running",
    "helped",
    "help",
    "fixed",
    "found",
    "stayed",
    "safe",
    "prevented",
    "avoided",
    "spotted",
    "noticed",
    "catching",
    "spotting",
    "noticing",
    "finding",
    "before",
    "no",
];

/// Praise words that open credit: "great job", "nice work".
const PRAISE: &[&str] = &[
    "great",
    "good",
    "nice",
    "fine",
    "excellent",
    "stellar",
    "top",
    "amazing",
    "brilliant",
    "outstanding",
    "fantastic",
    "awesome",
    "superb",
];

const PRAISE_NOUNS: &[&str] = &["job", "work", "going", "effort", "stuff", "call"];

/// Words that hand credit to whoever follows: "kudos to", "props to".
const CREDIT_TO: &[&str] = &[
    "cheers",
    "thanks",
    "kudos",
    "props",
    "shoutout",
    "shout-out",
    "congrats",
    "congratulations",
    "credit",
];

/// Verbs that credit someone with what comes before them: "we owe this
/// wake-up call to Beatriz".
const OWE: &[&str] = &["owe", "owes", "owed"];

/// Words that make what is owed a bad thing said sweetly.
const OWED_IRONY: &[&str] = &[
    "lovely",
    "wonderful",
    "delightful",
    "charming",
    "wake-up",
    "sleepless",
];

/// The first words of the other openers below.
const OPENERS: &[&str] = &[
    "have",
    "has",
    "owe",
    "owes",
    "owed",
    "gold",
    "special",
    "honourable",
    "honorable",
    "hats",
    "shout",
    "well",
    "way",
    "another",
    "applause",
    "recognition",
    "full",
    "bravo",
    "kind",
    "award",
    "prize",
    "medal",
    "trophy",
];

/// Whether token `k` ends the clause: the end of a sentence, a semicolon
/// or a break, but not the dot of "a.m." or "e.g.".
fn ends_clause(doc: &Doc, k: usize) -> bool {
    match doc.tokens[k].kind {
        Kind::Punct('.') => {
            !(k > 0
                && doc.tokens[k - 1].end == doc.tokens[k].start
                && doc.is_any(k - 1, &["a.m", "p.m", "e.g", "i.e", "etc", "approx", "vs"]))
        }
        Kind::Punct('!' | '?' | ';') | Kind::Break => true,
        _ => false,
    }
}

/// Whether word `j` credits someone with showing that something does not
/// work: "for proving the restore had never worked".
fn shows_broken(doc: &Doc, j: usize) -> bool {
    doc.is_any(j, &["proving", "showing", "demonstrating"])
        && (j + 1..(j + 10).min(doc.len()))
            .take_while(|&k| !ends_clause(doc, k))
            .any(|k| {
                doc.is_any(k, &["never", "not"])
                    || doc.word(k).is_some_and(|w| w.ends_with("n't"))
                    // "on proving that `rm -rf` works exactly as documented".
                    || doc.tokens[k].kind == Kind::Code && destructive(doc.slice(k, k))
            })
}

/// Whether the words from `j` on show someone "what happens when you …".
fn teaches_what_happens(doc: &Doc, j: usize) -> bool {
    (j..(j + 8).min(doc.len()))
        .take_while(|&k| !ends_clause(doc, k))
        .any(|k| doc.seq(k, &["what", "happens", "when"]) || doc.seq(k, &["what", "happens", "if"]))
}

/// Whether token `k` is a quotation mark, straight or curly.
fn quote_mark(doc: &Doc, k: usize) -> bool {
    matches!(
        doc.tokens[k].kind,
        Kind::Punct('"' | '\'' | '\u{2018}' | '\u{2019}' | '\u{201c}')
    )
}

/// Whether token `k` opens scare quotes round one or two words: 'tiny',
/// "quick fix".
fn scare_quoted(doc: &Doc, k: usize) -> bool {
    let open = |k: usize| {
        doc.tokens
            .get(k)
            .is_some_and(|t| matches!(t.kind, Kind::Punct('\'' | '"' | '\u{2018}' | '\u{201c}')))
    };
    let close = |k: usize| {
        doc.tokens
            .get(k)
            .is_some_and(|t| matches!(t.kind, Kind::Punct('\'' | '"' | '\u{2019}' | '\u{201d}')))
    };
    open(k)
        && doc.word(k + 1).is_some()
        && (close(k + 2) || doc.word(k + 2).is_some() && close(k + 3))
        && (k == 0 || doc.tokens[k - 1].end < doc.tokens[k].start)
        // "Ana's 'undo' button" names a label, not a doubt.
        && !(k + 2..k + 5).any(|n| {
            doc.is_any(
                n,
                &["button", "menu", "option", "tab", "link", "field", "setting", "command", "flag", "key", "page", "screen"],
            )
        })
}

/// Whether tokens `from..to` hold a word that marks praise as irony.
pub(crate) fn sounds_ironic(doc: &Doc, from: usize, to: usize) -> bool {
    (from..to).any(|k| doc.is_any(k, IRONY) || doc.is_any(k, OWED_IRONY) || scare_quoted(doc, k))
}

/// Whether the sentence in tokens `from..to` opens with thanks and tells of
/// trouble that went away: "Thanks to Beatriz's firewall change, the
/// scraping traffic dropped to zero".
pub(crate) fn thanks_with_good_news(doc: &Doc, from: usize, to: usize) -> bool {
    (from..(from + 2).min(to)).any(|i| credit_opener(doc, i).is_some())
        && (from..to).any(|j| good_news(doc, j).is_some())
}

/// How many words from `j` on tell of harm that did not happen or of
/// trouble that went away: "nothing was lost", "the scraping traffic
/// dropped to zero".
fn good_news(doc: &Doc, j: usize) -> Option<usize> {
    if doc.is_any(j, &["nothing", "nobody"])
        && doc.is_any(j + 1, &["was", "got", "is", "were"])
        && doc.is_any(
            j + 2,
            &[
                "lost",
                "deleted",
                "dropped",
                "missed",
                "harmed",
                "hurt",
                "broken",
                "corrupted",
            ],
        )
    {
        return Some(3);
    }
    let trouble = [
        "scraping",
        "spam",
        "errors",
        "error",
        "bot",
        "bots",
        "attack",
        "abuse",
        "fraud",
        "junk",
        "alerts",
        "retries",
        "timeouts",
        "failures",
        "complaints",
    ];
    // "bring the error rate down", "the queue back down": trouble that
    // went away.
    if doc.is_any(j, &trouble) || doc.is_any(j, &["latency", "backlog", "queue"]) {
        if let Some(down) = (j + 1..(j + 4).min(doc.len()))
            .take_while(|&k| doc.word(k).is_some())
            .find(|&k| doc.is(k, "down"))
        {
            return Some(down - j + 1);
        }
    }
    // "the POS offline mode worked exactly as you designed it".
    if doc.is_any(j, &["worked", "behaved", "performed"]) {
        let as_ = (j + 1..(j + 4).min(doc.len()))
            .take_while(|&k| doc.word(k).is_some())
            .find(|&k| doc.is(k, "as"))?;
        let meant = (as_ + 1..(as_ + 3).min(doc.len()))
            .take_while(|&k| doc.word(k).is_some())
            .find(|&k| doc.is_any(k, &["designed", "intended", "planned", "documented"]))?;
        let undone = (meant + 1..(meant + 8).min(doc.len()))
            .any(|k| doc.is_any(k, &["not", "never", "except", "until", "if"]));
        return (!undone).then_some(meant - j + 1);
    }
    if doc.is_any(j, &["dropped", "fell", "went"])
        && doc.seq(j + 1, &["to", "zero"])
        && (j.saturating_sub(3)..j).any(|k| doc.is_any(k, &trouble))
    {
        return Some(3);
    }
    None
}

/// Whether word `j` says people lost time to it: "nurses spent two hours
/// hand-counting".
fn spent_time(doc: &Doc, j: usize) -> bool {
    doc.is_any(j, &["spent", "spend", "spending", "lost", "wasted"])
        && (j + 1..(j + 4).min(doc.len())).any(|k| {
            doc.is_any(
                k,
                &["hours", "days", "evening", "night", "weekend", "shift"],
            )
        })
}

/// Whether a command in code destroys what it runs on.
fn destructive(code: &str) -> bool {
    let code = code.to_ascii_lowercase();
    [
        "rm -rf",
        "rm -fr",
        "drop ",
        "truncate",
        "delete from",
        "--force",
        "kill -9",
        "reset --hard",
        "mkfs",
        "dd if=",
    ]
    .iter()
    .any(|c| code.contains(c))
}

/// Whether word `j` credits someone with finding something out in public or
/// the hard way: "for discovering, live in front of customers, that …",
/// "for learning the hard way that …".
fn found_out_publicly(doc: &Doc, j: usize) -> bool {
    doc.is_any(
        j,
        &[
            "discovering",
            "learning",
            "finding",
            "realising",
            "realizing",
            "proving",
            "showing",
            "demonstrating",
            "confirming",
            "testing",
            "trying",
        ],
    ) && (j + 1..(j + 12).min(doc.len()))
        .take_while(|&k| !ends_clause(doc, k))
        .any(|k| {
            doc.seq(k, &["in", "front", "of"])
                && doc.is_any(k + 3, &["customers", "users", "everyone", "clients", "the"])
                || doc.seq(k, &["the", "hard", "way"])
                || doc.seq(k, &["in", "production"])
                    && (doc.is_punct(k - 1, ',')
                        || doc.is_any(k - 1, &["live", "directly", "straight"]))
                || doc.seq(k, &["straight", "to", "production"])
                // "for discovering that yes, the generator really does shut
                // off": surprise at the obvious.
                || doc.is(k, "yes") && doc.is_punct(k + 1, ',')
                || doc.seq(k, &["in", "fact"]) && doc.is_punct(k - 1, ',')
                || doc.seq(k, &["really", "does"])
                || doc.seq(k, &["really", "do"])
                || doc.seq(k, &["for", "the", "very", "first", "time"])
                || doc.seq(k, &["for", "the", "first", "time"])
                    && doc.is_any(k + 4, &["during", "in"])
        })
}

/// Whether word `j` credits someone with doing a risky thing at the worst
/// time: "for scheduling a bank-file change on payday eve", "for deploying
/// the new fare tables at 8:55 on a Monday morning".
fn bad_timing(doc: &Doc, j: usize) -> bool {
    doc.is_any(
        j,
        &[
            "scheduling",
            "deploying",
            "launching",
            "migrating",
            "shipping",
            "releasing",
            "pushing",
            "planning",
            "timing",
            "announcing",
            "telling",
            "notifying",
            "publishing",
            "posting",
            "resetting",
            "rotating",
            "upgrading",
            "patching",
            "switching",
            "cutting",
            "rebooting",
        ],
    ) && (j + 1..(j + 14).min(doc.len()))
        .take_while(|&k| !ends_clause(doc, k))
        .any(|k| {
            // "in the middle of the cup final" (the middle of the night is
            // when maintenance belongs).
            doc.seq(k, &["in", "the", "middle", "of"]) && !doc.is_any(k + 5, &["night", "weekend"])
                || doc.seq(k, &["the", "night", "before"])
                || doc.seq(k, &["the", "day", "before"])
                || doc.seq(k, &["the", "week", "before"])
                // "two hours after the polls opened": too late to help.
                || doc.is_any(k, &["hours", "days", "weeks"]) && doc.is(k + 1, "after")
                // "on the last school day before exams".
                || doc.seq(k, &["day", "before"]) && (k.saturating_sub(3)..k).any(|j| doc.is(j, "last"))
                || doc.is_any(k, &["peak", "busiest"]) && (k.saturating_sub(2)..k).any(|j| doc.is_any(j, &["at", "during", "our", "the"]))
                || doc.seq(k, &["on", "a", "friday"])
                || doc.seq(k, &["friday", "afternoon"])
                || doc.seq(k, &["monday", "morning"])
                || doc.is_any(k, &["eve", "payday", "rush"])
                // "during the 08:00 medication round".
                || doc.is(k, "during")
                    && (k + 1..(k + 5).min(doc.len())).any(|j| {
                        doc.is_any(j, &["round", "launch", "sale", "exams", "finals", "handover", "match"])
                    })
        })
}

/// Whether the sentence in tokens `from..to` opens by crediting someone for
/// an act of help and names nothing bad: "Great job, Rosa, on leading the
/// customer comms". Such thanks are real, however the rest is worded.
pub(crate) fn thanks_for_help(doc: &Doc, from: usize, to: usize) -> bool {
    let opens = (from..(from + 2).min(to)).find_map(|i| credit_opener(doc, i));
    let Some(credited) = opens else { return false };
    // "for" first: in "Thanks to Tunde on the service desk for noticing …"
    // the "on" belongs to where Tunde works.
    let window = credited + 1..(credited + 10).min(to);
    // "Special recognition goes to Nomvula, whose careful log analysis
    // pinned down the memory leak": what they did well, in a clause.
    if doc.is_punct(credited + 2, ',') && doc.is_any(credited + 3, &["whose", "who"]) {
        let good = (credited + 4..to).any(|k| {
            doc.is_any(k, GOOD)
                || doc.is(k, "down")
                    && doc.is_any(
                        k - 1,
                        &["pinned", "tracked", "narrowed", "hunted", "nailed"],
                    )
        });
        let bad = (credited + 4..to).any(|k| {
            doc.is_any(k, BAD)
                && !(doc.is(k, "down")
                    && doc.is_any(k - 1, &["pinned", "tracked", "narrowed", "hunted", "nailed"]))
                || doc.is_any(k, IRONY)
                // Irony quotes: whose "quick fix" …
                || matches!(doc.tokens[k].kind, Kind::Punct('"' | '\u{201c}' | '\u{2018}'))
        });
        if good && !bad {
            return true;
        }
    }
    let Some(act) = window
        .clone()
        .find(|&k| doc.is(k, "for"))
        .or_else(|| window.clone().find(|&k| doc.is(k, "on")))
        .map(|k| k + 1)
    else {
        return false;
    };
    let helps = doc
        .word(act)
        .is_some_and(|g| g.ends_with("ing") && !HARMFUL_ACTS.contains(&g));
    // "for noticing that three calls had the same error text": the trouble
    // is what the help was about.
    let about_trouble = doc.is_any(
        act,
        &[
            "noticing",
            "spotting",
            "catching",
            "flagging",
            "reporting",
            "escalating",
            "diagnosing",
            "tracing",
            "fixing",
            "linking",
        ],
    );
    let quoted = (credited..to).any(|k| quote_mark(doc, k));
    // "couldn't even log in", "so the rest of us didn't have to", "for the
    // first time ever", "deciding backups were optional": the wording
    // turns the credit round.
    let turned = |k: usize| {
        doc.is_any(k, &["not", "never", "cannot", "even", "ever", "optional"])
            || doc.word(k).is_some_and(|w| w.ends_with("n't"))
    };
    helps
        && !quoted
        && !(act..to).any(|k| {
            doc.is_any(k, BAD) && !about_trouble
                || doc.is_any(k, IRONY)
                || shows_broken(doc, k)
                || found_out_publicly(doc, k)
                || bad_timing(doc, k)
                || turned(k)
        })
}

/// Where the one credited starts, less one, when word `i` opens credit.
fn credit_opener(doc: &Doc, i: usize) -> Option<usize> {
    let w = doc.word(i)?;
    static FIRST: std::sync::OnceLock<WordSet> = std::sync::OnceLock::new();
    if !FIRST
        .get_or_init(|| WordSet::new(&[CREDIT_TO, PRAISE, OPENERS]))
        .contains(w)
    {
        return None;
    }
    let skip_comma = |k: usize| if doc.is_punct(k + 1, ',') { k + 1 } else { k };
    if doc.is_any(i, CREDIT_TO) && doc.is(i + 1, "to") {
        return Some(i + 1);
    }
    // "Thanks, Ozan, for the surprise 3 a.m. page".
    if doc.is_any(i, &["thanks", "kudos", "congrats", "congratulations"])
        && doc.is_punct(i + 1, ',')
    {
        return Some(i + 1);
    }
    // "Special recognition goes to Ines", "all the credit goes to X".
    if doc.is_any(
        i,
        &[
            "recognition",
            "credit",
            "thanks",
            "kudos",
            "props",
            "applause",
            "award",
            "prize",
            "medal",
            "trophy",
        ],
    ) && doc.is_any(i + 1, &["goes", "go", "went"])
        && doc.is(i + 2, "to")
    {
        return Some(i + 2);
    }
    // "And the award for most creative use of a production database goes
    // to the night auditor".
    if doc.is_any(i, &["award", "prize", "medal", "trophy"]) && doc.is(i + 1, "for") {
        if let Some(goes) = (i + 2..(i + 14).min(doc.len()))
            .take_while(|&k| doc.word(k).is_some())
            .find(|&k| doc.is_any(k, &["goes", "go", "went"]) && doc.is(k + 1, "to"))
        {
            return Some(goes + 1);
        }
    }
    if doc.seq(i, &["hats", "off", "to"])
        || doc.seq(i, &["shout", "out", "to"])
        || doc.seq(i, &["well", "done", "to"])
        // "a gold star to the site foreman", "special mention to Yevgenia".
        || doc.seq(i, &["gold", "star", "to"])
        || doc.seq(i, &["special", "mention", "to"])
        || doc.seq(i, &["honourable", "mention", "to"])
        || doc.seq(i, &["honorable", "mention", "to"])
    {
        return Some(i + 2);
    }
    // "A round of applause for Yusuf", "we owe a round of applause to X".
    if doc.is(i, "applause") && doc.is_any(i + 1, &["to", "for"]) {
        return Some(i + 1);
    }
    if doc.seq(i, &["well", "done"])
        || doc.seq(i, &["well", "played"])
        || doc.seq(i, &["way", "to", "go"])
    {
        let last = if doc.is(i, "well") { i + 1 } else { i + 2 };
        return doc.is_punct(last + 1, ',').then_some(last + 1);
    }
    if doc.is_any(i, PRAISE) && doc.is_any(i + 1, PRAISE_NOUNS) {
        if doc.is_any(i + 2, &["by", "from"]) {
            return Some(i + 2);
        }
        // "Great job on the release, release management: …".
        if doc.is_any(i + 2, &["on", "with"]) {
            return (i + 3..(i + 8).min(doc.len()))
                .take_while(|&k| doc.word(k).is_some() || doc.is_punct(k, ','))
                .find(|&k| doc.is_punct(k, ','));
        }
        return doc.is_punct(i + 2, ',').then(|| skip_comma(i + 1));
    }
    // "Another stellar release from Oksana".
    // "Another stellar piece of planning from the release captain".
    if doc.is(i, "another") && doc.is_any(i + 1, PRAISE) && doc.word(i + 2).is_some() {
        return (i + 3..(i + 7).min(doc.len()))
            .take_while(|&k| doc.word(k).is_some())
            .find(|&k| doc.is_any(k, &["from", "by"]));
    }
    // "Full marks to infra for …", "Bravo to the growth squad", "A+ work
    // from the Cork office", "Nice of Facilities to …".
    if doc.seq(i, &["full", "marks", "to"]) {
        return Some(i + 2);
    }
    // "we have the night shift to thank for a flooded store".
    if doc.is_any(i, &["have", "has"]) {
        let thank = (i + 2..(i + 7).min(doc.len()))
            .take_while(|&k| doc.word(k).is_some())
            .find(|&k| doc.seq(k, &["to", "thank", "for"]))?;
        return Some(i).filter(|_| thank > i + 1);
    }
    // "We owe this 3 a.m. wake-up call entirely to Beatriz": what is owed
    // comes first.
    if doc.is_any(i, OWE) {
        return (i + 2..(i + 12).min(doc.len()))
            .take_while(|&k| !ends_clause(doc, k))
            .find(|&k| doc.is(k, "to"));
    }
    // "Great to see Rhys's 'quick fix' finally get a real-world test".
    if doc.is_any(i, PRAISE) && doc.seq(i + 1, &["to", "see"]) {
        return Some(i + 2);
    }
    if doc.is(i, "bravo") && doc.is(i + 1, "to") {
        return Some(i + 1);
    }
    if doc.is_any(i, &["nice", "kind"]) && doc.is(i + 1, "of") && doc.tokens[i].sentence_start {
        return Some(i + 1);
    }
    None
}

/// "Bjørn, helpfully, spends twenty minutes insisting it's a transport
/// issue": a kind word set off by commas after a person, then time lost or
/// harm done.
fn helpful_aside(cx: &Cx<'_>, out: &mut Vec<Finding>) {
    let doc = cx.doc;
    for k in 2..doc.len() {
        if !doc.is_any(
            k,
            &[
                "helpfully",
                "thoughtfully",
                "kindly",
                "considerately",
                "graciously",
            ],
        ) || !doc.is_punct(k - 1, ',')
            || !doc.is_punct(k + 1, ',')
        {
            continue;
        }
        let Some(who) = cx.people.mention_ending_at(doc, k - 2) else {
            continue;
        };
        if who.kind == ActorKind::Pronoun {
            continue;
        }
        let harm = (k + 2..(k + 14).min(doc.len()))
            .take_while(|&j| !ends_clause(doc, j))
            .any(|j| {
                spent_time(doc, j) || doc.is_any(j, BAD) || {
                    doc.is_any(j, &["spends", "spent", "wastes", "wasted"])
                        && doc
                            .word(j + 2)
                            .is_some_and(|w| matches!(w, "minutes" | "hours"))
                }
            });
        if harm {
            let who_text = doc.slice(who.start, who.end);
            out.push(finding(
                doc,
                &INFO,
                who.start,
                k,
                format!("Calls what “{who_text}” did helpful in irony: sarcasm that blames; describe what happened and what allowed it."),
                vec![],
            ));
        }
    }
}

impl Rule for SarcasticCredit {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        helpful_aside(cx, out);
        for i in 0..doc.len() {
            // "Thanks to X", "Big thanks to X for …", "Kudos to X", "Great
            // job, X", "Nice work by X", "Another stellar release from X".
            let Some(mut to) = credit_opener(doc, i) else {
                continue;
            };
            if doc.is_punct(to + 1, '@') {
                // "@tkim": the handle is the one credited.
                to += 1;
            }
            // The one thanked: a person, a role, or a person's work.
            let mut who_end = None;
            for end in to + 1..(to + 6).min(doc.len()) {
                if doc.word(end).is_none() {
                    break;
                }
                if let Some(a) = cx.people.mention_ending_at(doc, end) {
                    if a.start == to + 1 && a.sure && a.kind != ActorKind::Pronoun {
                        who_end = Some(end);
                    }
                }
                if let Some(a) = cx.people.possessor_ending_at(doc, end) {
                    if a.start == to + 1 && a.sure && a.kind != ActorKind::Pronoun {
                        // Through the work they did: "Kenji's shortcut".
                        // Quotes around the work count with it: Mateo's
                        // "quick fix".
                        let quote = |k: usize| quote_mark(doc, k);
                        who_end = (end + 1..(end + 6).min(doc.len()))
                            .take_while(|&k| {
                                (doc.word(k).is_some() || quote(k))
                                    && !doc.is_any(k, &["for", "on", "who", "which", "that"])
                            })
                            .last()
                            .or(Some(end));
                        break;
                    }
                }
            }
            // "Great job, platform team", "great job, networking": a team
            // named without "the".
            let who_end = who_end.or_else(|| {
                // "the Dublin office", "the night shift".
                let to = if doc.is(to + 1, "the") { to + 1 } else { to };
                if doc.word(to + 1).is_some()
                    && (doc.is_any(
                        to + 2,
                        &[
                            "team",
                            "crew",
                            "folks",
                            "squad",
                            "management",
                            "leadership",
                            "engineering",
                            "ops",
                            "office",
                            "desk",
                            "shift",
                            "temp",
                            "temps",
                            "room",
                            "centre",
                            "center",
                            "floor",
                        ],
                    ) || doc
                        .word(to + 2)
                        .is_some_and(crate::lint::roles::is_role_word))
                {
                    Some(to + 2)
                } else {
                    doc.word(to + 1)
                        .is_some_and(crate::lint::roles::is_role_word)
                        .then_some(to + 1)
                }
            });
            // "Congratulations to Yevgenia on …", "Nice work, Fenna —": a
            // capitalised word no list knows, spoken to or thanked by name.
            let who_end = who_end.or_else(|| {
                let k = to + 1;
                let spoken_to = doc
                    .tokens
                    .get(k)
                    .is_some_and(|t| t.capitalised && !t.sentence_start)
                    && cx.people.level(k) == crate::lint::people::Level::Maybe
                    && (doc.is_any(k + 1, &["for", "on"])
                        || ['—', '–', ',', ':'].iter().any(|&c| doc.is_punct(k + 1, c)));
                spoken_to.then_some(k)
            });
            let Some(who_end) = who_end else { continue };
            // "Kudos to the database team for restoring the replica": thanks
            // for an act of help are real, unless the act itself did harm
            // ("for taking production down") or the words are in irony
            // quotes.
            // "Thanks to X for …" and "Thanks, X, for …".
            let after = if doc.is_punct(who_end + 1, ',') {
                who_end + 1
            } else {
                who_end
            };
            let irony = doc.is(after + 1, "for")
                && (after + 2..(after + 12).min(doc.len())).any(|k| quote_mark(doc, k));
            // "for sitting on the first alarm", "for getting round to the
            // alert email by Monday": the act is the harm.
            let act_is_harm = doc.is(after + 1, "for")
                && (doc.is_any(after + 2, HARM_IN_ITSELF)
                    || doc.is(after + 2, "sitting") && doc.is(after + 3, "on")
                    || doc.is(after + 2, "getting")
                        && doc.is_any(after + 3, &["round", "around"])
                        && doc.is(after + 4, "to")
                        // … "by Monday lunchtime", "eventually": late.
                        && (after + 5..(after + 14).min(doc.len()))
                            .take_while(|&k| !ends_clause(doc, k))
                            .any(|k| {
                                doc.is_any(k, &["eventually", "finally", "days", "weeks"])
                                    || doc.is(k, "by")
                                        && doc.is_any(
                                            k + 1,
                                            &[
                                                "monday", "tuesday", "wednesday", "thursday", "friday",
                                                "saturday", "sunday", "lunchtime", "tomorrow",
                                            ],
                                        )
                            }));
            // The act can still be thanked for what it did: "for
            // discovering the one button that empties every cache". A bad
            // word that only sets the scene ("during the outage") does not
            // count.
            let harm_done = || {
                (after + 3..(after + 20).min(doc.len()))
                    .take_while(|&k| !ends_clause(doc, k))
                    .any(|k| {
                        // "for emailing the unencrypted salary file": a leak
                        // whatever the act was.
                        doc.is_any(k, &["unencrypted", "unredacted", "plaintext"])
                            || doc.is_any(k, BAD)
                                && !(k.saturating_sub(3)..k).any(|c| {
                                    doc.is_any(
                                        c,
                                        &[
                                            "during",
                                            "after",
                                            "through",
                                            "despite",
                                            "around",
                                            "in",
                                            "throughout",
                                        ],
                                    )
                                })
                                && (after + 3..k)
                                    .any(|c| doc.is_any(c, &["that", "which", "and", "so"]))
                    })
            };
            if doc.is(after + 1, "for")
                && doc
                    .word(after + 2)
                    .is_some_and(|g| g.ends_with("ing") && !HARMFUL_ACTS.contains(&g))
                && !irony
                && !act_is_harm
                && !harm_done()
                // "for buying the cheapest RFID readers on the market".
                && !(after + 2..(after + 10).min(doc.len()))
                    .take_while(|&k| !ends_clause(doc, k))
                    .any(|k| doc.is_any(k, IRONY))
                && !shows_broken(doc, after + 2)
                && !teaches_what_happens(doc, after + 2)
                && !found_out_publicly(doc, after + 2)
                && !bad_timing(doc, after + 2)
            {
                continue;
            }
            // The outcome: the rest of the sentence after the thanked one
            // (after "for" when the outcome is named there).
            let mut bad = irony
                || act_is_harm
                || doc.is(after + 1, "for")
                    && (found_out_publicly(doc, after + 2) || bad_timing(doc, after + 2))
                // "Nice of Facilities to let us know an hour after": the
                // frame is ironic in itself.
                || doc.seq(i, &["nice", "of"])
                || doc.seq(i, &["kind", "of"]);
            // Ironic words make the good ones ironic too ("his famously
            // quick replies").
            // "Another stellar piece of planning from X": praise that
            // counts repeats is irony whatever follows.
            bad |= doc.is(i, "another");
            // "We owe this lovely 3 a.m. wake-up call to X": the thing owed
            // is named before the one credited.
            let award_for =
                doc.is_any(i, &["award", "prize", "medal", "trophy"]) && doc.is(i + 1, "for");
            bad |= award_for
                && (i + 2..to)
                    .any(|k| doc.is_any(k, &["creative", "loudest", "fastest", "biggest"]));
            bad |= (doc.is_any(i, OWE) || award_for)
                && (i + 1..to).any(|k| {
                    doc.is_any(k, BAD) || doc.is_any(k, IRONY) || doc.is_any(k, OWED_IRONY)
                });
            // Scare quotes round the credited work: the vendor's 'maintenance'.
            bad |= (to + 1..=who_end).any(|k| scare_quoted(doc, k));
            let mut irony_seen = bad;
            // "Great to see Rhys's rollback bring the error rate down".
            let mut good = (to + 1..=who_end).any(|k| good_news(doc, k).is_some());
            let mut showing = false;
            let mut j = who_end + 1;
            let limit = (who_end + 25).min(doc.len());
            while j < limit {
                if ends_clause(doc, j) {
                    break;
                }
                if let Some(skip) = good_news(doc, j) {
                    good = true;
                    j += skip;
                    continue;
                }
                if doc.tokens[j].kind == Kind::Word {
                    // "nobody could log in" is bad even with "no" in it.
                    let cannot = doc.is_any(j, &["nobody", "no"])
                        && (doc.is(j + 1, "could") || doc.seq(j + 1, &["one", "could"]))
                        || doc.is_any(j, &["couldn't", "cannot", "can't"]);
                    // "a weekend they will never forget", "in front of
                    // customers", "the hard way": the credit is ironic.
                    let ironic = doc.is_any(j, IRONY)
                        || doc.is_any(j, &["again"])
                            && j > 0
                            && doc.is_any(j - 1, &["once", "yet"])
                        || doc.is(j, "never") && doc.is_any(j + 1, &["forget", "forgets"]);
                    // "for proving the restore had never worked": a
                    // failure shown up by the one credited.
                    showing |= shows_broken(doc, j);
                    let shown_broken = showing;
                    // "launching a promo code with no redemption limit": a
                    // safeguard left out ("with no errors" is good news).
                    let unguarded = doc.seq(j, &["with", "no"])
                        && !doc.is_any(
                            j + 2,
                            &[
                                "errors", "issues", "problems", "downtime", "impact", "loss",
                                "data",
                            ],
                        );
                    // "whose careful log analysis pinned down the leak".
                    let found_down = doc.is(j, "down")
                        && j > 0
                        && doc.is_any(
                            j - 1,
                            &["pinned", "tracked", "narrowed", "hunted", "nailed"],
                        );
                    // "for the Saturday-night page".
                    let late = doc
                        .word(j)
                        .is_some_and(|w| w.ends_with("-night") || w.ends_with("-weekend"));
                    if (doc.is_any(j, BAD) || late) && !found_down
                        || cannot
                        || ironic
                        || shown_broken
                        || unguarded
                    {
                        bad = true;
                    }
                    // "what happens when you deploy from hotel wifi", "her
                    // 'tiny' firewall change", "nurses spent two hours
                    // hand-counting": the lesson, the belittled change, the
                    // time it cost.
                    let ironic = ironic || teaches_what_happens(doc, j);
                    if ironic || scare_quoted(doc, j - 1) || spent_time(doc, j) {
                        bad = true;
                    }
                    irony_seen |= ironic;
                    // "found yet another way to take us offline".
                    let new_way = doc.is_any(j, &["found", "finding", "discovered"])
                        && doc.is_any(j + 1, &["a", "another", "yet", "new"]);
                    let no_one = doc.is(j, "no") && doc.is(j + 1, "one");
                    let excused = new_way || cannot || no_one;
                    // "everyone was paged within ten minutes": speed after
                    // the harm measures the harm.
                    let timing_harm = bad
                        && doc.is_any(
                            j,
                            &[
                                "within", "minutes", "seconds", "quick", "quickly", "fast", "early",
                            ],
                        );
                    let left_out = doc.is(j, "no") && j > 0 && doc.is(j - 1, "with");
                    if doc.is_any(j, GOOD) && !excused && !shown_broken && !timing_harm && !left_out
                    {
                        good = true;
                    }
                }
                j += 1;
            }
            if !bad || good && !irony_seen {
                continue;
            }
            let start = if i > 0 && doc.is_any(i - 1, &["big", "all", "many", "huge", "special"]) {
                i - 1
            } else {
                i
            };
            let who = doc.slice(to + 1, who_end);
            let who = who.trim_start_matches([',', ' ']);
            out.push(finding(
                doc,
                &INFO,
                start,
                who_end,
                format!(
                    "Credits “{who}” with a bad outcome: sarcasm that blames; describe what happened and what allowed it."
                ),
                vec![],
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::testing::{assert_clean, only_no_people};

    const ID: &str = "sarcastic-credit";

    #[test]
    fn thanks_for_a_bad_outcome_is_blame() {
        for text in [
            "Thanks to Omar, every customer got the password reset email twice.",
            "Thanks to the night shift, the backups were gone by Monday.",
            "- Thanks to Mikko, the status page was wrong for an hour.",
            "Big thanks to Daan for taking production down on release day.",
            "| Impact | Thanks to Greg, customers were charged twice |",
            "Thanks to Kenji's shortcut, the whole cluster went down.",
            "Was it thanks to QA that the broken build shipped?",
            "Thanks to Priya, nobody could log in for most of the morning.",
            "Great job, infra team — the whole region was down for lunch.",
            "Kudos to the vendor for an update that deleted every certificate.",
            "Nice work by Mateus: the invoices went out twice.",
            "Another fine release from the mobile team, which crashed on launch.",
            "Well done, @bkowalski, the cache is empty again.",
            "Well played, backend team: every login failed for an hour.",
            "Great job on the release, release management: every on-call in the building was paged within ten minutes.",
            "Great job, data team: the dashboards were blank all week.",
            "Another stellar piece of planning from the release captain: ship the patch, then go on holiday.",
            "Well done to the Dublin office for discovering, live in production, that 'delete' and 'archive' are different buttons.",
            "Full marks to infra for testing the backup restore for the very first time during an actual disaster.",
            "Thanks, Networking, for scheduling the BGP maintenance in the middle of the cup final broadcast.",
            "Full marks to the release team for scheduling a bank-file change on payday eve.",
            "Thanks, Dilnoza, for deploying the new fare tables at 8:55 on a Monday morning.",
            "Nice of Facilities to let us know about the power shutdown an hour after it happened.",
            "Bravo to the growth squad for launching a 90%-off promo code with no redemption limit.",
            "Kudos to Fatima for deleting the nightly backups.",
            "Props to the vendor for 'testing' the update on production.",
            "Well done to the mobile team for shipping a build that folds on launch.",
            "A round of applause for Hamid, who found yet another way to take us offline.",
            "Thanks, Mateus, for the surprise 4 a.m. page.",
            "Thanks, Mateus, for the 'quick' config change.",
            "Great job, networking, on the rule that blocked our own health checks.",
            "Big thanks to Lars for his famously quick replies: only six hours for one key.",
            "Kudos to the data team for discovering the one flag that wipes every report.",
            "Kudos to Hemi for the 3 a.m. reindex nobody asked for.",
            "Hats off to Lukas for demonstrating that the failover script doesn't work.",
            "All the credit goes to Priyanka, whose Sunday deploy gave support a morning they will never forget.",
            "Kudos to Tomasz for learning, in front of customers, that the cache has no expiry.",
            "Props to the contractor's engineer for showing that the restore had never been run.",
            "Thanks to Ines for finding out the hard way that both regions share one database.",
        ] {
            assert_eq!(only_no_people(ID, text).len(), 1, "{text}");
        }
    }

    #[test]
    fn real_thanks_and_systems_are_fine() {
        assert_clean(ID, "Thanks to Lea's page the database team joined at once.");
        assert_clean(
            ID,
            "Great job, Ahmet and Nurul: the POS offline mode worked exactly as you designed it.",
        );
        assert!(!crate::lint::testing::only_no_people(
            ID,
            "Great job, Ahmet: the failover worked as designed until it deleted every booking."
        )
        .is_empty());
        assert_clean(
            ID,
            "Thanks to Ana for scheduling the maintenance in the middle of the night, when traffic is lowest.",
        );
        assert_clean(
            ID,
            "Thanks to Tunde on the service desk for noticing that three calls had the same error text.",
        );
        assert_clean(
            ID,
            "Thanks to Omar's quick rollback, customers saw only two minutes of errors.",
        );
        assert_clean(
            ID,
            "Thanks to the retry loop, every request was sent three times.",
        );
        assert_clean(
            ID,
            "Thanks to a stale DNS entry, half of the traffic went to the old cluster.",
        );
        assert_clean(ID, "Many thanks to Zanele for running the incident call.");
        assert_clean(ID, "Thanks to good backups, no data was lost.");
        assert_clean(
            ID,
            "Thanks to Lukas for proving the restore works end to end.",
        );
        assert_clean(
            ID,
            "Thanks to Leila for the 3 a.m. page that caught the leak.",
        );
        assert_clean(
            ID,
            "Great job by Rhys, who noticed the broken chain before release.",
        );
        assert_clean(
            ID,
            "Kudos to Aylin for catching the wrong build in staging.",
        );
        assert_clean(ID, "Nice work, the dashboards were down for only a minute.");
        assert_clean(ID, "Great work on the failover drill, everyone.");
        assert_clean(
            ID,
            "Special recognition goes to Priyanka, whose runbook let support answer every ticket within minutes.",
        );
        assert_clean(
            ID,
            "Kudos to Tomasz for presenting the findings in front of customers at the review.",
        );
        assert_clean(
            ID,
            "Props to the vendor's engineer for rebuilding the index in under an hour.",
        );
        assert_clean(
            ID,
            "Kudos to the storage team for restoring the volume in an hour.",
        );
        assert_clean(
            ID,
            "Shout-out to Support for answering 300 tickets during the outage.",
        );
        assert_clean(
            ID,
            "Many thanks to Ines for rerouting traffic around the failed link.",
        );
    }

    #[test]
    fn credit_by_name_for_a_bad_time_a_test_in_production_or_a_creative_outage() {
        for text in [
            "Props to the release crew for shipping on the last school day before exams; the timetable portal certainly got a stress test.",
            "Big thanks to Desmond for testing his DNS change directly in production — we all learned a lot about TTLs today.",
            "A special award goes to Ptolemy for the most creative way yet to take down the ticketing system: a bare wildcard in a DELETE query.",
            "Congratulations to Yevgenia on discovering, by deleting the primary, that our backups could not actually be restored.",
            "Nice work, Fenna — nothing says Monday morning like a rate limit of zero requests per second.",
        ] {
            assert_eq!(only_no_people(ID, text).len(), 1, "{text}");
        }
        for text in [
            "Congratulations to Yevgenia on leading the restore drill.",
            "Nice work, Fenna — the rollback took two minutes.",
            "A special award goes to Ptolemy for rewriting the runbook.",
            "Thanks to Redwood for the quick restore.",
        ] {
            assert_clean(ID, text);
        }
    }

    #[test]
    fn credit_for_a_destructive_command_an_inspired_idea_or_a_leak() {
        for text in [
            "Congratulations, @pkowalczyk, on proving that `rm -rf` works exactly as documented on the media server.",
            "Kudos to Facilities for the inspired idea of testing the fire suppression system in the server room during the exam-board data load.",
            "Well done to the agency temp for so efficiently emailing the entire claimant list to a rival insurer.",
        ] {
            assert_eq!(only_no_people(ID, text).len(), 1, "{text}");
        }
        for text in [
            "Congratulations, @pkowalczyk, on proving that `pg_restore` brings the replica back in ten minutes.",
            "Well done to the agency temp for quickly emailing every claimant the corrected letter.",
        ] {
            assert_clean(ID, text);
        }
    }

    #[test]
    fn credit_for_the_cheapest_choice() {
        assert_eq!(
            only_no_people(ID, "Congratulations to procurement for buying the cheapest RFID readers on the market; the warehouse enjoyed a full day of scanning by hand.").len(),
            1
        );
        assert_clean(
            ID,
            "Congratulations to procurement for buying spare RFID readers before the peak.",
        );
    }

    #[test]
    fn a_gold_star_or_a_special_mention_for_a_bad_outcome() {
        for text in [
            "And a gold star to the site foreman for signing off the crane inspection without looking at it — the steel deck thanks you.",
            "Special mention to Yevgenia, whose \"quick fix\" gave us the most exciting four hours of the quarter.",
        ] {
            // Read as blame, by this rule or by the sentence model.
            let found = crate::lint::lint_text(text, &crate::lint::LintConfig::default());
            assert!(!found.is_empty(), "{text}");
        }
        assert_clean(
            ID,
            "Special mention to Yevgenia, whose quick rollback kept the outage to minutes.",
        );
    }

    #[test]
    fn credit_owed_a_lesson_taught_a_leak_or_time_lost() {
        for text in [
            "We owe Sunday's lovely 4 a.m. page to Ignacy and his 'harmless' cache tweak.",
            "Props to Aroha for showing the whole office what happens if you unplug the core switch.",
            "Kudos to Dariusz for confirming that yes, the fire door really does lock itself at 18:00.",
            "Shout-out to the payroll team for attaching the unredacted bonus sheet to the all-staff mail.",
            "Thanks to the contractor's 'planned upgrade', agents spent three hours keying orders by hand.",
            "Great work by the ops floor, leaving the disk alert unacknowledged all weekend.",
            "Thanks, Mirela, for the Sunday-night rollback.",
        ] {
            assert!(!only_no_people(ID, text).is_empty(), "{text}");
        }
        for text in [
            "We owe the quick recovery to Tahmina and her restore drill.",
            "Thanks to Ana's 'undo' button, nothing was lost.",
            "Thanks to Sefa's rate limit, the bot traffic dropped to zero within minutes.",
            "Kudos to the control room for answering every call within a minute.",
        ] {
            assert_clean(ID, text);
        }
    }

    #[test]
    fn someone_to_thank_for_a_bad_outcome() {
        assert!(!only_no_people(
            ID,
            "As usual we have the weekend crew to thank for a flooded basement."
        )
        .is_empty());
        assert_clean(ID, "We have Ana to thank for the quick restore.");
    }

    #[test]
    fn late_help_sitting_on_alarms_ironic_asides_and_bad_timing() {
        for text in [
            "Cheers to the infra team for getting round to the disk alert by Thursday.",
            "Thanks, facilities, for sitting on the boiler fault all weekend.",
            "Great to see Caoimhe's 'small tidy-up' finally meet real traffic.",
            "Ngaio, helpfully, spent forty minutes arguing it was the firewall.",
            "Thanks to the estates team for upgrading the door system during the exam handover.",
            "Thanks, service desk, for rotating every badge the week before the audit.",
        ] {
            assert!(!only_no_people(ID, text).is_empty(), "{text}");
        }
        for text in [
            "Thanks to Ana for getting round to the whole backlog in one afternoon.",
            "Great to see Rhys's rollback bring the error rate down within minutes.",
            "Ngaio, helpfully, shared the runbook link.",
        ] {
            assert_clean(ID, text);
        }
    }
}
