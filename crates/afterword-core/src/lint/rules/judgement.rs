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
    "amateurish",
    "boneheaded",
    "careless",
    "carelessly",
    "carelessness",
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
    "lax",
    "laziness",
    "lazy",
    "moronic",
    "negligence",
    "negligent",
    "negligently",
    "reckless",
    "recklessly",
    "recklessness",
    "rookie",
    "silly",
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

impl Rule for Judgement {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        for i in 0..doc.len() {
            let Some(w) = doc.word(i) else { continue };
            if WORDS.binary_search(&w).is_err() || technical(doc, w, i + 1) {
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
    use crate::lint::testing::{assert_clean, assert_flags, assert_rewrite};

    const ID: &str = "judgement";

    #[test]
    fn word_list_is_sorted_for_lookup() {
        assert!(super::WORDS.windows(2).all(|w| w[0] < w[1]));
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
    }
}
