//! One file per family of blaming language, each with its tests.

pub(crate) mod blame_word;
pub(crate) mod custom_phrase;
pub(crate) mod damage;
pub(crate) mod hindsight;
pub(crate) mod human_error;
pub(crate) mod judgement;
pub(crate) mod minimizer;
pub(crate) mod person_as_cause;
pub(crate) mod person_root_cause;
pub(crate) mod punitive_action;
pub(crate) mod reads_as_blame;
pub(crate) mod sarcastic_credit;
pub(crate) mod vague_action;
pub(crate) mod work_as_cause;

use super::finding::Finding;
use super::registry::RuleInfo;
use super::tokens::Doc;
use super::Cx;

/// A finding of rule `info` on tokens `a..=b`.
pub(crate) fn finding(
    doc: &Doc,
    info: &RuleInfo,
    a: usize,
    b: usize,
    message: impl Into<String>,
    suggestions: Vec<String>,
) -> Finding {
    let start = doc.tokens[a].start;
    let end = doc.tokens[b].end;
    Finding::new(
        info.id,
        info.category,
        doc.text,
        start,
        end,
        message,
        suggestions,
    )
}

/// The rewrite that drops the words `a..b` (exclusive) and keeps word `b`,
/// carrying the capital letter over: "Simply restart" → "Restart". Used with
/// a finding on `a..=b`. `None` when `b` is not a word.
pub(crate) fn drop_before(doc: &Doc, a: usize, b: usize) -> Option<String> {
    doc.word(b)?;
    let kept = doc.slice(b, b);
    if doc.tokens[a].capitalised && doc.tokens[a].sentence_start {
        Some(super::tokens::capitalise(kept))
    } else {
        Some(kept.to_string())
    }
}

/// Words that end the object of a verb.
pub(crate) const OBJECT_STOP: &[&str] = &[
    "at", "on", "in", "during", "when", "by", "because", "and", "but", "while", "after", "before",
    "with", "so", "which", "that", "for", "since", "until", "as", "then", "again", "twice", "from",
    "without", "despite", "within", "around", "about",
];

/// Words between a subject and "be"/"been" in a passive: "will", "has
/// been", "should then", "was immediately".
const AUXILIARIES: &[&str] = &[
    "will",
    "would",
    "shall",
    "should",
    "must",
    "may",
    "might",
    "can",
    "could",
    "has",
    "have",
    "had",
    "to",
    "also",
    "then",
    "now",
    "already",
    "immediately",
    "temporarily",
    "formally",
    "later",
    "since",
    "just",
    "is",
    "was",
    "are",
    "were",
    "been",
    "being",
];

/// The subject before the "be" word at `i` ("was suspended", "is to
/// blame"), when it is clearly
/// no person, or a person said to be spared: "the promotion was suspended",
/// "no one should be disciplined", "Kenji will not be written up".
pub(crate) fn spared_or_thing(cx: &Cx<'_>, i: usize) -> bool {
    let doc = cx.doc;
    let mut j = i;
    while j > 0 && doc.is_any(j - 1, AUXILIARIES) {
        j -= 1;
    }
    if (j..i).any(|k| doc.is_any(k, &["not", "never"]))
        || doc.is_any(
            i.saturating_sub(1),
            &["not", "never", "won't", "shouldn't", "wasn't"],
        )
    {
        return true;
    }
    let Some(s) = j.checked_sub(1) else {
        return false;
    };
    let Some(word) = doc.word(s) else {
        return false;
    };
    if matches!(word, "nobody" | "no-one" | "noone" | "none")
        || word == "one" && s > 0 && doc.is(s - 1, "no")
    {
        return true;
    }
    // "No individual is at fault", "no single engineer is to blame", "no
    // team was responsible".
    if s > 0
        && (s.saturating_sub(2)..s).any(|k| doc.is(k, "no"))
        && (doc.is_any(
            s,
            &["individual", "person", "people", "one", "team", "human"],
        ) || crate::lint::roles::is_role_word(word))
    {
        return true;
    }
    // "once it was identified as the blocker".
    if matches!(word, "it" | "this" | "which")
        && !(s.saturating_sub(8)..s)
            .rev()
            .take_while(|&k| doc.word(k).is_some())
            .any(|k| doc.is_any(k, &["who", "whoever"]))
    {
        return true;
    }
    // "The master node was demoted": machines are promoted and demoted too.
    if doc.is_any(
        s,
        &[
            "node",
            "nodes",
            "replica",
            "replicas",
            "primary",
            "server",
            "servers",
            "instance",
            "instances",
            "host",
            "hosts",
            "broker",
            "brokers",
            "leader",
            "cluster",
            "database",
            "shard",
            "shards",
            "pod",
            "pods",
        ],
    ) {
        return true;
    }
    if cx.people.mention_ending_at(doc, s).is_some()
        || crate::lint::roles::is_role_word(word)
        || doc.tokens[s].capitalised
        || doc.is_any(s, &["who", "whoever", "he", "she", "they", "responsible"])
    {
        return false;
    }
    // "Whoever pushed the change should be identified": the person is
    // further back.
    if (s.saturating_sub(8)..s)
        .rev()
        .take_while(|&k| doc.word(k).is_some())
        .any(|k| doc.is_any(k, &["who", "whoever", "whom"]))
    {
        return false;
    }
    // "The technician responsible for the mislabelled samples has been let
    // go": a person earlier in the clause is the subject.
    if (s.saturating_sub(10)..s)
        .rev()
        .take_while(|&k| doc.word(k).is_some())
        .any(|k| {
            doc.word(k).is_some_and(crate::lint::roles::is_role_word)
                || cx
                    .people
                    .mention_ending_at(doc, k)
                    .is_some_and(|a| a.sure && a.kind != crate::lint::people::ActorKind::Pronoun)
        })
    {
        return false;
    }
    // "the promotion", "this account", "our nightly job": a thing.
    let phrase = (s.saturating_sub(3)..s)
        .rev()
        .take_while(|&k| doc.word(k).is_some())
        .collect::<Vec<_>>();
    phrase.iter().any(|&k| {
        doc.is_any(
            k,
            &[
                "the", "a", "an", "this", "that", "these", "those", "our", "its", "every", "all",
            ],
        )
    }) && !phrase
        .iter()
        .any(|&k| doc.word(k).is_some_and(crate::lint::roles::is_role_word))
}

/// Whether the blame word at `i` opens a sentence that rejects blaming:
/// "Blaming Nikolai would miss the point", "Blaming the on-call won't fix
/// the alert".
pub(crate) fn blame_rejected(doc: &Doc, i: usize) -> bool {
    let opens = doc.tokens[i].sentence_start
        || i > 0 && doc.is_any(i - 1, &["but", "and", "yet"]) && doc.tokens[i - 1].sentence_start;
    opens
        && doc.is_any(i, &["blaming", "blame"])
        && (i + 1..(i + 8).min(doc.len()))
            .take_while(|&k| doc.word(k).is_some())
            .any(|k| {
                doc.is_any(
                    k,
                    &[
                        "would", "will", "does", "is", "doesn't", "won't", "wouldn't", "isn't",
                    ],
                ) && (k + 1..(k + 4).min(doc.len())).any(|j| {
                    doc.is_any(
                        j,
                        &[
                            "miss",
                            "misses",
                            "not",
                            "unfair",
                            "wrong",
                            "pointless",
                            "nothing",
                            "useless",
                            "fix",
                            "help",
                        ],
                    )
                }) && !(k + 1..(k + 4).min(doc.len()))
                    .any(|j| doc.is_any(j, &["right", "fair", "justified"]))
            })
}
