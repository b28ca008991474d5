//! Recognising people in the token stream, with or without a participant
//! list: names (the document's participants, the shipped name lists, and
//! capitalised words that the text shows doing what people do), roles ("the
//! on-call", "QA", "the platform team", "Finance"), and personal pronouns.
//!
//! Every word gets a [`Level`] once per lint run, so rules ask in constant
//! time. A name is `Sure` when it is a participant or a given name from the
//! lists; it is only a `Maybe` when the spelling is also a word, a product or
//! a place ("Travis", "Cache"), a family name alone, or a capitalised word no
//! list knows. A `Maybe` becomes `Sure` when the document shows it is a
//! person: a pronoun refers back to it ("Ana deployed it before she left"),
//! it does something only people do ("Ximena joined the call"), or it is
//! followed by a family name. Words that appear in inline code or host names
//! (`maria.internal`) are systems in this document.

use std::collections::HashSet;

use super::names::{self, NameKind};
use super::systems::is_system;
use super::tokens::{Doc, Kind};

/// How sure the linter is that a word names a person.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Level {
    No,
    /// Could be a person; a rule needs a verb only people do.
    Maybe,
    Sure,
}

/// The people of one text: its participants and a level for every token.
pub(crate) struct People {
    levels: Vec<Level>,
    /// Nouns the document shows to be people by what they do ("the MSP
    /// neglected to …", "the purser apologised"), in lowercase.
    learned: HashSet<String>,
}

/// Acts only people do, strict enough that the noun before one of them
/// ("the purser apologised") is a person wherever the document names it.
/// Forgetting and neglecting are not among them: caches forget and
/// autoscalers neglect.
const ONLY_PEOPLE_DO: &[&str] = &[
    "apologised",
    "apologized",
    "admitted",
    "hesitated",
    "volunteered",
    "insisted",
    "promised",
];

/// Nouns that stay things whatever verb follows ("the cache forgot the
/// session").
const NEVER_LEARNED: &[&str] = &[
    "system",
    "service",
    "cache",
    "server",
    "app",
    "job",
    "script",
    "process",
    "browser",
    "client",
    "device",
    "tool",
    "bot",
    "code",
    "update",
    "alert",
    "page",
    "pipeline",
    "config",
    "sync",
    "scheduler",
    "api",
    "database",
    "db",
    "model",
    "router",
    "firewall",
    "kiosk",
    "terminal",
    "printer",
    "scanner",
    "phone",
    "laptop",
    "software",
    "firmware",
    "network",
    "queue",
    "worker",
];

/// Words before a role noun that make it one person or group: "the MSP",
/// "our curator".
const ROLE_DETERMINERS: &[&str] = &["the", "our", "their", "your", "this", "that"];

/// The nouns `ONLY_PEOPLE_DO` shows to be people in `doc`.
fn learned_roles(doc: &Doc) -> HashSet<String> {
    let mut learned = HashSet::new();
    for i in 2..doc.len() {
        // "It was the MSP who locked every workstation out": "who" is said
        // of people, "that" and "which" of things.
        let who = doc.is(i, "who") || doc.is(i, "who's");
        let noun = if who && doc.is_punct(i - 1, ',') {
            i - 2
        } else {
            i - 1
        };
        if !(doc.is_any(i, ONLY_PEOPLE_DO) || who) || noun < 2 {
            continue;
        }
        let i = noun + 1;
        let Some(raw) = doc.word(i - 1) else { continue };
        let base = strip_possessive(raw);
        if base.len() < 2
            || !base.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-')
            || super::roles::is_role_word(base)
            || super::systems::is_system(base)
            || NEVER_LEARNED.contains(&base)
            || SUBJECT_PRONOUNS.contains(&base)
        {
            continue;
        }
        // Right after a determiner, or one modifier after it: "the MSP",
        // "the rota coordinator".
        let det = |k: usize| doc.is_any(k, ROLE_DETERMINERS);
        if det(i - 2) || i >= 3 && det(i - 3) && doc.word(i - 2).is_some() {
            learned.insert(base.to_owned());
        }
    }
    learned
}

/// A participant name split into lowercase parts: "Dana Ortiz (lead)" →
/// ["dana", "ortiz"].
fn name_parts(participants: &[String]) -> HashSet<String> {
    let mut parts = HashSet::new();
    for name in participants {
        let name = name.split('(').next().unwrap_or_default();
        for p in name.split(|c: char| c.is_whitespace() || c == ',') {
            let p = p
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            if p.chars().count() >= 2 {
                parts.insert(p);
            }
        }
    }
    parts
}

/// Words that appear in inline code or as a part of a host name: systems.
/// Head nouns that make an appositive a system: "Beatrice, the internal job
/// scheduler, …", "Hermes, our deploy bot, …".
const SYSTEM_HEADS: &[&str] = &[
    "scheduler",
    "service",
    "bot",
    "daemon",
    "job",
    "pipeline",
    "cluster",
    "database",
    "server",
    "queue",
    "tool",
    "script",
    "system",
    "platform",
    "app",
    "application",
    "gateway",
    "proxy",
    "balancer",
    "cache",
    "broker",
    "crawler",
    "agent",
    "runner",
    "controller",
    "monitor",
    "robot",
    "chatbot",
    "engine",
    "firewall",
    "router",
    "host",
];

/// Whether the capitalised word `i` is followed by an appositive that names
/// a system: "Beatrice, the internal job scheduler, skipped …".
fn system_appositive(doc: &Doc, i: usize) -> bool {
    if !doc.tokens[i].capitalised
        || !doc.is_punct(i + 1, ',')
        || !doc.is_any(i + 2, &["the", "our", "their", "its", "an", "a"])
    {
        return false;
    }
    // The appositive ends at the next comma, dash or the end of the
    // sentence, within a few words; its last word is the head.
    let mut k = i + 3;
    while k < doc.len() && k < i + 9 && doc.word(k).is_some() {
        k += 1;
    }
    k > i + 3
        && (k >= doc.len()
            || doc.is_punct(k, ',')
            || doc.is_punct(k, '\u{2014}')
            || doc.is_punct(k, '\u{2013}')
            || doc.is_punct(k, '('))
        && doc.is_any(k - 1, SYSTEM_HEADS)
        // "Dana, the on-call engineer for the job scheduler, …" is a person.
        && !(i + 3..k - 1).any(|j| doc.is_any(j, &["for", "of", "on", "who", "with"]))
}

fn system_words(doc: &Doc) -> HashSet<String> {
    let mut out = HashSet::new();
    for (i, t) in doc.tokens.iter().enumerate() {
        if t.kind == Kind::Word && system_appositive(doc, i) {
            if let Some(w) = doc.word(i) {
                out.insert(strip_possessive(w).to_lowercase());
            }
            continue;
        }
        let piece = match t.kind {
            Kind::Code => doc.text.get(t.start..t.end).unwrap_or_default(),
            Kind::Word => {
                if is_handle(doc, i) {
                    continue;
                }
                let w = doc.word(i).unwrap_or_default();
                // "maria.internal", "kenji-bot@": dots inside a word that is
                // not a version number.
                if !(w.contains('.') || w.contains('@'))
                    || w.bytes().all(|b| b.is_ascii_digit() || b == b'.')
                {
                    continue;
                }
                w
            }
            _ => continue,
        };
        for part in piece.split(|c: char| !c.is_alphanumeric()) {
            if part.len() >= 2 && part.len() <= 30 {
                out.insert(part.to_lowercase());
            }
        }
    }
    out
}

pub(crate) fn strip_possessive(w: &str) -> &str {
    let b = w.as_bytes();
    match b {
        [.., b'\'', b's'] => &w[..w.len() - 2],
        [.., b'\''] => &w[..w.len() - 1],
        _ => w,
    }
}

/// What only a person's possessive is followed by: "Farrukh's hotfix",
/// "Tala's manual change", "Ines's typo".
const HUMAN_WORK: &[&str] = &[
    "rushed",
    "hasty",
    "botched",
    "sloppy",
    "last-minute",
    "hotfix",
    "hotfixes",
    "typo",
    "typos",
    "slip",
    "manual",
    "hand-edited",
    "handwritten",
    "late-night",
    "fat-finger",
    "fat-fingered",
    "copy-paste",
];

/// Verbs of acts only people do: a capitalised word before one of them is a
/// person everywhere in the document.
const HUMAN_ACTS: &[&str] = &[
    "said",
    "says",
    "wrote",
    "asked",
    "told",
    "replied",
    "joined",
    "left",
    "paged",
    "called",
    "emailed",
    "messaged",
    "pinged",
    "agreed",
    "decided",
    "noticed",
    "thought",
    "believed",
    "assumed",
    "acknowledged",
    "confirmed",
    "forgot",
    "remembered",
    "apologised",
    "apologized",
    "admitted",
    "explained",
    "suggested",
    "typed",
    "approved",
    "reviewed",
    "volunteered",
    "panicked",
    "hesitated",
    "realised",
    "realized",
    "neglected",
    "overlooked",
    "misread",
    "misunderstood",
    "insisted",
    "refused",
    "promised",
    "wanted",
    "tried",
];

/// Whether a capitalised family name from the lists follows word `i`:
/// "Dev Patel", "Grace Okafor".
fn family_name_after(doc: &Doc, i: usize) -> bool {
    doc.tokens.get(i + 1).is_some_and(|t| t.capitalised)
        && doc.word(i + 1).is_some_and(|w| {
            matches!(
                names::lookup(strip_possessive(w)),
                Some(NameKind::Family | NameKind::FamilyWord)
            )
        })
}

/// Words after which a subject acts by not acting: "Mercy didn't test",
/// "Rob never reviewed".
const NOT_DONE: &[&str] = &["didn't", "never", "hadn't", "wouldn't", "won't"];

/// Praise that speaks to whoever follows it: "Nice work, Sky", "Thanks,
/// Rob".
const PRAISE_CALL: &[&str] = &[
    "work", "job", "done", "thanks", "congrats", "kudos", "effort", "call",
];

/// Whether `w`, at token `i`, is a name from the shipped lists that the
/// words around it show to be a person even though its spelling is also a
/// word ("Mercy", "Rob", "Sky"): it does or fails to do something ("Mercy
/// obviously didn't test", "Rob never reviewed"), it is the subject of a
/// question about what someone did ("Why did Rob merge …?"), or it is spoken
/// to after praise ("Nice work, Sky —").
fn listed_name_in_person_context(doc: &Doc, i: usize, w: &str) -> bool {
    let not_done = |k: usize| doc.is_any(k, NOT_DONE) || doc.seq(k, &["did", "not"]);
    let adverb = doc
        .word(i + 1)
        .is_some_and(|a| a.len() > 4 && a.ends_with("ly"));
    let context = not_done(i + 1)
        || adverb && (not_done(i + 2) || doc.is_any(i + 2, HUMAN_ACTS))
        || i >= 2
            && doc.is_any(i - 1, &["did", "didn't"])
            && doc.is_any(i - 2, &["why", "how", "when", "where"])
        || i >= 2
            && doc.is_punct(i - 1, ',')
            && doc.is_any(i - 2, PRAISE_CALL)
            && doc.word(i + 1).is_none();
    context && names::lookup(w).is_some()
}

/// Common verbs whose past tense does not end in "-ed".
const IRREGULAR_PAST: &[&str] = &[
    "ran", "took", "broke", "forgot", "made", "wrote", "left", "sent", "set", "put", "cut", "hit",
    "let", "knew", "saw", "thought", "told", "gave", "got", "began", "brought", "threw", "blew",
    "tore", "shut", "kept", "built", "spent", "lost", "fell", "overrode", "undid", "mistook",
    "misread", "forgot", "slept", "went", "did", "chose", "drove", "took",
];

/// Whether token `i` is a verb in the past tense: "pushed", "ran",
/// "fat-fingered". Words ending in "-ed" that are not verbs ("red",
/// "bed", "need") are short or listed.
pub(crate) fn past_verb(doc: &Doc, i: usize) -> bool {
    doc.word(i).is_some_and(|w| {
        IRREGULAR_PAST.contains(&w)
            || w.len() > 4
                && w.ends_with("ed")
                && !matches!(
                    w,
                    "speed" | "needed" | "seed" | "feed" | "breed" | "shared" | "based"
                )
    })
}

/// First words of place names: the capitalised word after one of them is
/// part of the place ("São Paulo", "Santa Clara", "Port Louis").
const PLACE_NAME_STARTS: &[&str] = &[
    "são", "san", "santa", "santo", "los", "las", "new", "port", "fort", "mount", "lake", "rio",
    "porto", "puerto", "ciudad", "nueva", "nuevo", "cape", "saint", "st",
];

const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Endings of English nouns, adjectives and verb forms that names rarely
/// have: a capitalised "Compaction", "Retries" or "Autoscaling" opening a
/// sentence is a thing.
const NOUN_ENDINGS: &[&str] = &[
    "tion", "sion", "ment", "ness", "ity", "ing", "ance", "ence", "ism", "ure", "age", "ery", "s",
    "ed", "ly", "al", "ive", "ous", "er", "or", "able", "ible", "ful", "less", "ship", "ware",
    "work", "base", "flow", "box", "hub", "ops", "bot", "ic", "ix",
];

/// Titles that make the next capitalised word a person.
pub(crate) const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "dr",
    "mx",
    "prof",
    "professor",
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
];

const PRONOUNS_BACK: &[&str] = &[
    "he", "she", "him", "his", "her", "hers", "himself", "herself",
];

/// Chat mentions that reach a whole channel rather than one person.
const CHANNEL_MENTIONS: &[&str] = &["here", "channel", "everyone", "all"];

/// Whether word `i` is a chat handle written right after an `@`:
/// "@ravi.k", "@tkim", "@Dana". Bots ("@deploy-bot") and channel-wide
/// mentions are not people.
pub(crate) fn is_handle(doc: &Doc, i: usize) -> bool {
    let Some(w) = doc.word(i) else { return false };
    i > 0
        && doc.is_punct(i - 1, '@')
        && doc.tokens[i - 1].end == doc.tokens[i].start
        && w.len() <= 39
        && w.chars().next().is_some_and(char::is_alphabetic)
        && !CHANNEL_MENTIONS.contains(&w)
        && !w
            .split(|c: char| !c.is_alphanumeric())
            .any(|p| p == "bot" || p == "bots" || p == "ci")
}

fn word_level(doc: &Doc, i: usize, parts: &HashSet<String>, systems: &HashSet<String>) -> Level {
    let t = doc.tokens[i];
    if is_handle(doc, i) {
        return Level::Sure;
    }
    if t.kind != Kind::Word || !t.capitalised {
        return Level::No;
    }
    let Some(w) = doc.word(i) else {
        return Level::No;
    };
    let base = strip_possessive(w);
    if parts.contains(base) {
        return Level::Sure;
    }
    if base.len() < 2
        || base
            .bytes()
            .any(|b| b.is_ascii_digit() || matches!(b, b'.' | b'/' | b'@' | b'_'))
    {
        return Level::No;
    }
    // "AWS", "DNS", "QA": capitals throughout are acronyms, not names.
    let raw = doc.slice(i, i);
    if raw
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase)
    {
        return Level::No;
    }
    if systems.contains(base) {
        return Level::No;
    }
    // "the Victoria substation", "the Sophia building": a name before a
    // place or a thing after "the" names that place.
    if i > 0
        && doc.is(i - 1, "the")
        && doc.is_any(
            i + 1,
            &[
                "substation",
                "station",
                "depot",
                "clinic",
                "hospital",
                "branch",
                "office",
                "street",
                "road",
                "bridge",
                "building",
                "site",
                "centre",
                "center",
                "plant",
                "warehouse",
                "terminal",
                "line",
                "campus",
                "hall",
                "room",
                "park",
                "square",
                "wing",
                "ward",
                "theatre",
                "theater",
                "tower",
                "house",
                "library",
                "school",
                "quay",
                "dock",
                "yard",
                "mine",
                "pit",
                "farm",
                "estate",
                "gate",
                "tunnel",
                "cluster",
                "server",
                "release",
                "trailer",
                "trailers",
                "hub",
                "fleet",
                "vans",
                "trucks",
                "lorries",
                "buses",
                "trains",
                "region",
                "route",
                "routes",
                "district",
                "servers",
                "stores",
                "branches",
                "sites",
                "offices",
            ],
        )
    {
        return Level::No;
    }
    // "parcels bound for Poznań", "diverted to Gdańsk": where things go.
    if i > 1
        && (doc.is(i - 1, "for") && doc.is_any(i - 2, &["bound", "destined", "headed"])
            || doc.is(i - 1, "to")
                && doc.is_any(i - 2, &["headed", "routed", "diverted", "rerouted"]))
    {
        return Level::No;
    }
    // "São Paulo", "San Jose", "Santa Clara", "Fort William": the words
    // of a place's name, not a person's.
    let place_word = |k: usize| {
        doc.tokens.get(k).is_some_and(|t| t.capitalised)
            && doc.is_any(k, PLACE_NAME_STARTS)
            && doc.tokens.get(k + 1).is_some_and(|t| t.capitalised)
    };
    if place_word(i) || i > 0 && place_word(i - 1) {
        return Level::No;
    }
    // "Black Friday", "Cyber Monday", "Patch Tuesday": a day, not a family
    // name before a verb.
    if base == w && doc.is_any(i + 1, WEEKDAYS) && doc.tokens[i + 1].capitalised {
        return Level::No;
    }
    // "the MV Margarethe Schulte", "HMS Belfast": a ship's name.
    let ship = |k: usize| {
        doc.tokens.get(k).is_some_and(|t| t.kind == Kind::Word)
            && matches!(
                doc.slice(k, k),
                "MV" | "MS" | "SS" | "HMS" | "RV" | "MT" | "USS" | "FV" | "RMS"
            )
    };
    if i > 0 && ship(i - 1) || i > 1 && ship(i - 2) && doc.tokens[i - 1].capitalised {
        return Level::No;
    }
    // "Panel 2", "Ward 9", "Gate 14": a numbered place or thing.
    if base == w
        && doc.tokens.get(i + 1).is_some_and(|n| n.kind == Kind::Word)
        && doc
            .word(i + 1)
            .is_some_and(|n| n.bytes().next().is_some_and(|b| b.is_ascii_digit()))
    {
        return Level::No;
    }
    let mut kind = names::lookup(base);
    if kind.is_none() {
        // "Jun-seo", "Jean-Luc", "Ji-ho": a hyphenated given name whose first
        // part the lists know as a name and not as a word.
        // A first part that is also a word ("Jun") still makes a name with
        // a short syllable after it, as in Korean given names.
        if let Some((first, rest)) = base.split_once('-') {
            let syllable = (2..=4).contains(&rest.len()) && !super::roles::is_common_word(rest);
            let given = match names::lookup(first) {
                Some(NameKind::Given) => !super::roles::is_common_word(first),
                Some(NameKind::GivenWord) => syllable,
                _ => false,
            };
            if !rest.is_empty() && rest.chars().all(char::is_alphabetic) && given {
                kind = Some(NameKind::Given);
            }
        }
    }
    if is_system(base) {
        // "Travis" the build service, "Jordan" the country: only context can
        // make these people.
        return match kind {
            Some(NameKind::Given) => Level::Maybe,
            _ => Level::No,
        };
    }
    if super::roles::is_role_word(base) || super::roles::is_common_word(base) {
        // "Will knocked out DNS", "Grace deleted the index": a given name
        // that is also a word, right before a verb in the past tense.
        let given = matches!(kind, Some(NameKind::Given | NameKind::GivenWord));
        let function_word = base.len() < 3
            || matches!(
                base,
                "the"
                    | "our"
                    | "his"
                    | "her"
                    | "its"
                    | "this"
                    | "that"
                    | "these"
                    | "those"
                    | "all"
                    | "some"
                    | "each"
                    | "every"
                    | "any"
                    | "one"
                    | "who"
                    | "why"
                    | "how"
                    | "what"
                    | "then"
                    | "once"
                    | "both"
                    | "most"
                    | "many"
                    | "few"
                    | "nobody"
            );
        // "Page sent to the gateway on-call", "Bill paid by card": a
        // participle with no object is a headline about the thing.
        let headline = doc.is_any(
            i + 1,
            &[
                "sent",
                "paid",
                "raised",
                "opened",
                "closed",
                "filed",
                "logged",
                "issued",
                "posted",
                "received",
                "booked",
                "scheduled",
            ],
        ) && doc.is_any(i + 2, &["to", "by", "via", "from", "for", "at", "with"]);
        if given
            && base == w
            && !function_word
            && (!super::roles::is_role_word(base) && past_verb(doc, i + 1) && !headline
                || family_name_after(doc, i))
        {
            return Level::Sure;
        }
        // "Dang is why the auth cache got flushed": a listed name that is
        // also a word, named as the reason.
        if kind.is_some()
            && base == w
            && !function_word
            && !super::roles::is_role_word(base)
            && doc.is_any(i + 1, &["is", "was"])
            && doc.is(i + 2, "why")
        {
            return Level::Sure;
        }
        return Level::No;
    }
    match kind {
        Some(NameKind::Given) => Level::Sure,
        Some(NameKind::GivenWord) | Some(NameKind::Family) => Level::Maybe,
        Some(NameKind::FamilyWord) if !t.sentence_start => Level::Maybe,
        Some(NameKind::FamilyWord) => Level::No,
        None => Level::Maybe,
    }
}

impl People {
    pub(crate) fn new(participants: &[String], doc: &Doc) -> People {
        let parts = name_parts(participants);
        let systems = system_words(doc);
        let n = doc.len();
        let mut levels: Vec<Level> = (0..n)
            .map(|i| word_level(doc, i, &parts, &systems))
            .collect();

        // Words the document shows to be people, wherever they appear.
        let mut shown: HashSet<&str> = HashSet::new();
        // The nearest personal pronoun after each token, within its
        // paragraph (scanning backwards keeps this linear).
        let mut next_pronoun: Option<usize> = None;
        for i in (0..n).rev() {
            if doc.tokens[i].kind == Kind::Break {
                next_pronoun = None;
                continue;
            }
            if doc.is_any(i, PRONOUNS_BACK) {
                next_pronoun = Some(i);
            }
            if levels[i] != Level::Maybe {
                continue;
            }
            let w = doc.word(i).map(strip_possessive).unwrap_or_default();
            let pronoun_near = next_pronoun.is_some_and(|p| p - i <= 25);
            // "Farrukh's hotfix", "Makerita's manual change": work only a
            // person turns out.
            let human_work =
                doc.word(i).is_some_and(|raw| raw != w) && doc.is_any(i + 1, HUMAN_WORK);
            let acts = doc.is_any(i + 1, HUMAN_ACTS)
                || human_work
                || (doc.is_punct(i + 1, ',') && doc.is(i + 2, "who"))
                || listed_name_in_person_context(doc, i, w);
            // "T. Nakashima", "J. Okoro": a family name after an initial.
            let initialled = i >= 2
                && doc.is_punct(i - 1, '.')
                && doc.tokens[i - 2].kind == Kind::Word
                && doc.slice(i - 2, i - 2).chars().count() == 1
                && doc.slice(i - 2, i - 2).chars().all(char::is_uppercase);
            // "Mr Adebayo", "Dr. Halldórsdóttir".
            let titled = i > 0 && doc.is_any(i - 1, TITLES)
                || i > 1 && doc.is_punct(i - 1, '.') && doc.is_any(i - 2, TITLES)
                || initialled;
            let full_name = levels.get(i + 1).is_some_and(|l| *l >= Level::Maybe)
                && doc.tokens[i + 1].capitalised
                && !doc.word(i).unwrap_or_default().ends_with("'s");
            let after_given = i > 0 && levels[i - 1] == Level::Sure;
            if pronoun_near || acts || titled || (full_name && after_given) {
                shown.insert(w);
            }
            if after_given {
                // "Kenji Watanabe": a family name after a known given name.
                levels[i] = Level::Sure;
            }
        }
        if !shown.is_empty() {
            for (i, level) in levels.iter_mut().enumerate() {
                if *level == Level::Maybe
                    && doc
                        .word(i)
                        .is_some_and(|w| shown.contains(strip_possessive(w)))
                {
                    *level = Level::Sure;
                }
            }
        }
        // A given name before a family name: "Maybe Sure" pairs read as one
        // person.
        for i in 1..n {
            if levels[i] == Level::Sure && levels[i - 1] == Level::Maybe {
                let w = doc.word(i - 1).unwrap_or_default();
                if !w.ends_with("'s") && doc.tokens[i - 1].capitalised {
                    levels[i - 1] = Level::Sure;
                }
            }
        }
        People {
            levels,
            learned: learned_roles(doc),
        }
    }

    /// A noun the document showed to be a person ([`learned_roles`]) ending
    /// at token `end`, after a determiner: where the mention starts.
    fn learned_role_ending_at(&self, doc: &Doc, end: usize) -> Option<usize> {
        if self.learned.is_empty() {
            return None;
        }
        let base = strip_possessive(doc.word(end)?);
        if !self.learned.contains(base) {
            return None;
        }
        (end.saturating_sub(3)..end)
            .rev()
            .take_while(|&k| doc.word(k).is_some())
            .find(|&k| doc.is_any(k, ROLE_DETERMINERS))
    }

    /// How sure the linter is that token `i` is (part of) a person's name.
    pub(crate) fn level(&self, i: usize) -> Level {
        self.levels.get(i).copied().unwrap_or(Level::No)
    }

    /// Whether token `i` is a given name from the shipped lists that is
    /// also a rare English word ("Kamala", "Anil"): a person when it does
    /// something to a system, though the linter does not count it as sure.
    pub(crate) fn listed_given_word(&self, doc: &Doc, i: usize) -> bool {
        self.level(i) == Level::Maybe
            && doc
                .word(i)
                .is_some_and(|w| names::lookup(strip_possessive(w)) == Some(NameKind::GivenWord))
    }

    /// Whether word `i` is only a `Maybe` because no list knows it, or the
    /// lists know it only as a family name ("Kowalczyk", "Nwachukwu"), and
    /// it is spelled like a name rather than like an English noun or a
    /// product ("Compaction", "Retries", "PgBouncer").
    pub(crate) fn unlisted_name(&self, doc: &Doc, i: usize) -> bool {
        if self.level(i) != Level::Maybe || !doc.tokens[i].capitalised {
            return false;
        }
        let Some(w) = doc.word(i) else { return false };
        let raw = doc.slice(i, i);
        w.chars().count() >= 3
            && w.chars().all(|c| c.is_alphabetic() || c == '-')
            && raw.chars().skip(1).all(|c| !c.is_uppercase())
            && matches!(names::lookup(w), None | Some(NameKind::Family))
            && !is_system(w)
            && !NOUN_ENDINGS.iter().any(|e| w.ends_with(e))
    }

    fn name_at(&self, i: usize) -> bool {
        self.level(i) >= Level::Maybe
    }
}

/// How a person is referred to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ActorKind {
    Name,
    Role,
    Pronoun,
}

/// A mention of a person or team, tokens `start..=end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Actor {
    pub start: usize,
    pub end: usize,
    pub kind: ActorKind,
    /// False for a name the linter only suspects (see [`Level::Maybe`]):
    /// rules then ask for a verb that only people do.
    pub sure: bool,
}

const SUBJECT_PRONOUNS: &[&str] = &[
    "i",
    "we",
    "you",
    "he",
    "she",
    "they",
    "someone",
    "somebody",
    "nobody",
    "anyone",
    "anybody",
    "everyone",
    "everybody",
    "whoever",
];
const OBJECT_PRONOUNS: &[&str] = &[
    "i", "we", "you", "he", "she", "they", "me", "us", "him", "her", "them", "someone", "somebody",
];
const POSSESSIVE_PRONOUNS: &[&str] = &["my", "our", "your", "his", "her", "their"];

/// What a possessive must be followed by to point at a person rather than
/// at their work: "Dana's mistake", but not "Dana's change".
pub(crate) const PERSONAL_NOUNS: &[&str] = &[
    "mistake",
    "mistakes",
    "error",
    "errors",
    "oversight",
    "decision",
    "negligence",
    "fault",
    "inaction",
    "carelessness",
    "judgement",
    "judgment",
    "lapse",
    "failure",
    "incompetence",
    "typo",
    "doing",
    "blunder",
    "slip",
];

/// Words that may stand between a subject and its verb.
pub(crate) const ADVERBS: &[&str] = &[
    "accidentally",
    "inadvertently",
    "mistakenly",
    "unknowingly",
    "unintentionally",
    "carelessly",
    "recklessly",
    "also",
    "then",
    "again",
    "apparently",
    "somehow",
    "had",
    "has",
    "have",
    "just",
    "completely",
    "totally",
    "simply",
    "clearly",
    "obviously",
    "actually",
    "probably",
    "unfortunately",
    "really",
    "basically",
    "likely",
    "later",
    "eventually",
    "initially",
    "originally",
    "previously",
    "first",
    "all",
    "both",
    "definitely",
    "certainly",
    "never",
    "still",
    "once",
    "twice",
    "single-handedly",
    "personally",
    "promptly",
    "quickly",
    "hastily",
    "evidently",
    "seemingly",
    "supposedly",
    "allegedly",
    "almost",
    "nearly",
];

/// A word before a mention that makes it the object, not the subject.
const PREPOSITIONS: &[&str] = &[
    "by", "from", "of", "for", "with", "to", "at", "on", "in", "than", "about", "into", "after",
    "before", "like", "via", "asked", "told", "paged", "pinged", "thank", "thanks",
];

impl People {
    /// The person or team whose mention ends at token `end`, when that
    /// mention can be a subject (it does not follow a preposition).
    pub(crate) fn actor_ending_at(&self, doc: &Doc, end: usize) -> Option<Actor> {
        let actor = self.mention_ending_at(doc, end)?;
        if actor.start > 0 && doc.is_any(actor.start - 1, PREPOSITIONS) {
            return None;
        }
        Some(actor)
    }

    /// Like [`People::actor_ending_at`], also after a preposition: "by
    /// Kenji", "thanks to the DBA".
    pub(crate) fn mention_ending_at(&self, doc: &Doc, end: usize) -> Option<Actor> {
        let word = doc.word(end)?;
        let actor = if SUBJECT_PRONOUNS.contains(&word) {
            Actor {
                start: end,
                end,
                kind: ActorKind::Pronoun,
                sure: true,
            }
        } else if word == "one" && end > 0 && doc.is(end - 1, "no") {
            Actor {
                start: end - 1,
                end,
                kind: ActorKind::Pronoun,
                sure: true,
            }
        } else if self.name_at(end) && !word.ends_with("'s") && !word.ends_with('\'') {
            let mut start = end;
            while start > 0 && self.name_at(start - 1) && !doc.word(start - 1)?.ends_with("'s") {
                start -= 1;
            }
            let sure = (start..=end).any(|k| self.level(k) == Level::Sure);
            Actor {
                start,
                end,
                kind: ActorKind::Name,
                sure,
            }
        } else {
            let start = super::roles::role_ending_at(doc, end)
                .or_else(|| self.learned_role_ending_at(doc, end))?;
            Actor {
                start,
                end,
                kind: ActorKind::Role,
                sure: true,
            }
        };
        Some(actor)
    }

    /// A person whose possessive ends at token `end` ("Tom's", "the DBA's",
    /// "their"): the start of the mention.
    pub(crate) fn possessor_ending_at(&self, doc: &Doc, end: usize) -> Option<Actor> {
        let word = doc.word(end)?;
        if POSSESSIVE_PRONOUNS.contains(&word) && word != "our" {
            return Some(Actor {
                start: end,
                end,
                kind: ActorKind::Pronoun,
                sure: true,
            });
        }
        if !(word.ends_with("'s") || word.ends_with('\'')) {
            return None;
        }
        if self.name_at(end) {
            let mut start = end;
            while start > 0 && self.name_at(start - 1) {
                start -= 1;
            }
            let sure = (start..=end).any(|k| self.level(k) == Level::Sure);
            return Some(Actor {
                start,
                end,
                kind: ActorKind::Name,
                sure,
            });
        }
        let start = super::roles::role_ending_at(doc, end)
            .or_else(|| self.learned_role_ending_at(doc, end))?;
        Some(Actor {
            start,
            end,
            kind: ActorKind::Role,
            sure: true,
        })
    }

    /// The person or team mentioned from token `start` on, as the complement
    /// of "was"/"is" or after a colon: "Dana", "the on-call engineer",
    /// "him", and possessives such as "Dana's mistake" or "their error".
    pub(crate) fn actor_starting_at(&self, doc: &Doc, start: usize) -> Option<Actor> {
        let word = doc.word(start)?;
        if POSSESSIVE_PRONOUNS.contains(&word) && doc.is_any(start + 1, PERSONAL_NOUNS) {
            return Some(Actor {
                start,
                end: start + 1,
                kind: ActorKind::Pronoun,
                sure: true,
            });
        }
        if OBJECT_PRONOUNS.contains(&word) && word != "her" {
            return Some(Actor {
                start,
                end: start,
                kind: ActorKind::Pronoun,
                sure: true,
            });
        }
        if self.name_at(start) {
            let mut end = start;
            while !doc.word(end)?.ends_with("'s") && self.name_at(end + 1) {
                end += 1;
            }
            let sure = (start..=end).any(|k| self.level(k) == Level::Sure);
            if doc.word(end)?.ends_with("'s") || doc.word(end)?.ends_with('\'') {
                // "Dana's mistake" is about the person; "Dana's change" is not.
                if !doc.is_any(end + 1, PERSONAL_NOUNS) {
                    return None;
                }
                end += 1;
            }
            return Some(Actor {
                start,
                end,
                kind: ActorKind::Name,
                sure,
            });
        }
        let end = super::roles::role_starting_at(doc, start).or_else(|| {
            // "the MSP", "the rota coordinator", when the document shows
            // them to be people.
            (start + 1..(start + 3).min(doc.len()))
                .take_while(|&k| doc.word(k).is_some())
                .find(|&k| self.learned_role_ending_at(doc, k) == Some(start))
        })?;
        Some(Actor {
            start,
            end,
            kind: ActorKind::Role,
            sure: true,
        })
    }

    /// Every run of name tokens the linter is sure of, as token ranges.
    pub(crate) fn name_runs(&self) -> Vec<(usize, usize)> {
        let mut runs = Vec::new();
        let mut i = 0;
        while i < self.levels.len() {
            if self.levels[i] == Level::Sure {
                let start = i;
                while i + 1 < self.levels.len() && self.levels[i + 1] == Level::Sure {
                    i += 1;
                }
                runs.push((start, i));
            }
            i += 1;
        }
        runs
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::markdown::Piece;

    fn doc(text: &str) -> Doc<'_> {
        Doc::new(
            text,
            &[Piece::Prose {
                start: 0,
                end: text.len(),
            }],
        )
    }

    fn sure_names(text: &str, participants: &[&str]) -> Vec<String> {
        let scan = crate::lint::markdown::scan(text);
        let d = Doc::new(text, &scan.pieces);
        let p: Vec<String> = participants.iter().map(|s| s.to_string()).collect();
        let people = People::new(&p, &d);
        people
            .name_runs()
            .into_iter()
            .map(|(a, b)| d.slice(a, b).to_string())
            .collect()
    }

    #[test]
    fn names_that_are_words_before_a_past_verb() {
        assert_eq!(
            sure_names("Will knocked out DNS for the office.", &[]),
            ["Will"]
        );
        assert_eq!(sure_names("Grace deleted the wrong index.", &[]), ["Grace"]);
        assert!(sure_names("Will the new index hold?", &[]).is_empty());
        assert_eq!(
            sure_names("| Cause | Dev Patel ran the migration |", &[]),
            ["Dev Patel"]
        );
    }

    #[test]
    fn work_only_people_turn_out_makes_a_name() {
        assert_eq!(
            sure_names("Teuilani's hotfix disabled logging in every region.", &[]).len(),
            1
        );
        assert_eq!(
            sure_names("Root cause: Mereanui's manual change to the ACLs.", &[]).len(),
            1
        );
        assert!(sure_names("Kafka's retention change dropped old events.", &[]).is_empty());
        assert!(sure_names("Zephyrix's nightly job dropped old events.", &[]).is_empty());
    }

    #[test]
    fn a_system_appositive_is_not_a_person() {
        assert!(sure_names(
            "Margot, the nightly billing scheduler, skipped the run.",
            &[]
        )
        .is_empty());
        assert_eq!(
            sure_names("Margot, the on-call engineer, skipped the run.", &[]),
            ["Margot"]
        );
    }

    #[test]
    fn chat_handles_are_people_but_bots_and_channels_are_not() {
        assert_eq!(
            sure_names("@ravi.k ignored three pages; @tkim joined.", &[]),
            ["ravi.k", "tkim"]
        );
        assert!(sure_names("@deploy-bot posted; @here please look.", &[]).is_empty());
    }

    #[test]
    fn names_from_the_lists_need_no_participant_list() {
        assert_eq!(
            sure_names("Lena broke checkout and Kenji Watanabe restarted it.", &[]),
            ["Lena", "Kenji Watanabe"]
        );
        assert_eq!(
            sure_names("Then Joaquín and Ngozi joined.", &[]),
            ["Joaquín", "Ngozi"]
        );
    }

    #[test]
    fn systems_places_and_code_words_are_not_people() {
        assert!(sure_names("Kafka dropped messages while Frankfurt was drained.", &[]).is_empty());
        assert!(sure_names("Travis failed the build on Friday.", &[]).is_empty());
        assert!(sure_names("The host `maria` restarted; Maria is its name.", &[]).is_empty());
        assert!(sure_names("AWS and QA were on the call.", &[]).is_empty());
    }

    #[test]
    fn places_and_days_named_like_people_are_not_people() {
        for text in [
            "A merchant in São Paulo emailed support at 10:52.",
            "San Jose confirmed the link was back; Santa Clara did not.",
            "It was a Friday evening in Europe, not Black Friday.",
            "Cyber Monday traffic doubled the checkout load.",
        ] {
            assert!(sure_names(text, &[]).is_empty(), "{text}");
        }
        // A name before a weekday with a verb between is still a name.
        assert_eq!(
            sure_names("Paulo emailed support on Friday.", &[]),
            ["Paulo"]
        );
    }

    #[test]
    fn context_makes_a_suspected_name_a_person() {
        // Unknown to the lists, but a pronoun refers back to it.
        assert_eq!(
            sure_names("Zyrrah deployed it before she left.", &[]),
            ["Zyrrah"]
        );
        // Does what only people do, so it is a person elsewhere too.
        assert_eq!(
            sure_names("Qorvash joined the call. Later Qorvash broke it.", &[]),
            ["Qorvash", "Qorvash"]
        );
        // A participant is always a person.
        assert_eq!(
            sure_names("Travis broke it.", &["Travis Young"]),
            ["Travis"]
        );
    }

    #[test]
    fn a_listed_name_that_is_also_a_word_is_a_person_by_what_it_does() {
        // Not acting, acting with an adverb before the verb, asked about,
        // spoken to after praise.
        assert_eq!(
            sure_names("Mercy plainly never checked the replica.", &[]),
            ["Mercy"]
        );
        assert_eq!(
            sure_names("Then Mercy didn't rotate the key.", &[]),
            ["Mercy"]
        );
        assert_eq!(
            sure_names("Why did Mercy restart the primary?", &[]),
            ["Mercy"]
        );
        assert_eq!(sure_names("Great job, Mercy — nice notes.", &[]), ["Mercy"]);
        // The same words with nothing a person does stay words.
        assert!(sure_names("Mercy is not a strategy.", &[]).is_empty());
        assert!(sure_names("The sky never cleared over Dublin.", &[]).is_empty());
    }

    #[test]
    fn roles_names_and_pronouns_are_people() {
        for (text, end, start) in [
            ("Dana Ortiz broke", 1, 0),
            ("the on-call engineer broke", 2, 0),
            ("QA let", 0, 0),
            ("then they broke", 1, 1),
            ("the Platform team broke", 2, 0),
            ("Finance failed", 0, 0),
            ("no one checked", 1, 0),
        ] {
            let d = doc(text);
            let people = People::new(&["Dana Ortiz".to_string()], &d);
            let a = people.actor_ending_at(&d, end);
            assert_eq!(a.map(|a| a.start), Some(start), "{text}");
        }
    }

    #[test]
    fn a_person_after_a_preposition_is_not_the_subject() {
        let d = doc("a change by Dana broke");
        let people = People::new(&[], &d);
        assert_eq!(people.actor_ending_at(&d, 3), None);
        assert!(people.mention_ending_at(&d, 3).is_some());
    }
}
