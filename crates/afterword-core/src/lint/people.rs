//! Recognising people in the token stream: names from the document's
//! participant list, roles ("the on-call", "QA", "the platform team") and
//! personal pronouns. A capitalised word is never taken for a person on its
//! own: only known names count.

use super::tokens::Doc;

/// The participant names of a document, split into lowercase parts.
pub(crate) struct Names {
    parts: Vec<Vec<String>>,
}

impl Names {
    pub(crate) fn new(participants: &[String]) -> Names {
        let parts = participants
            .iter()
            .map(|name| {
                // "Dana Ortiz (incident lead)" → ["dana", "ortiz"]
                let name = name.split('(').next().unwrap_or_default();
                name.split(|c: char| c.is_whitespace() || c == ',')
                    .map(|p| {
                        p.trim_matches(|c: char| !c.is_alphanumeric())
                            .to_lowercase()
                    })
                    .filter(|p| p.chars().count() >= 2)
                    .collect::<Vec<_>>()
            })
            .filter(|p: &Vec<String>| !p.is_empty())
            .collect();
        Names { parts }
    }

    fn is_part(&self, word: &str) -> bool {
        self.parts.iter().any(|n| n.iter().any(|p| p == word))
    }

    /// Whether token `i` is a capitalised part of a known name.
    fn name_at(&self, doc: &Doc, i: usize) -> bool {
        doc.tokens.get(i).is_some_and(|t| t.capitalised)
            && doc.word(i).is_some_and(|w| self.is_part(w))
    }

    /// Whether token `i` is a known name followed by `'s`.
    fn possessive_name_at(&self, doc: &Doc, i: usize) -> bool {
        doc.tokens.get(i).is_some_and(|t| t.capitalised)
            && doc
                .word(i)
                .and_then(|w| w.strip_suffix("'s").or_else(|| w.strip_suffix('\'')))
                .is_some_and(|w| self.is_part(w))
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
}

const SUBJECT_PRONOUNS: &[&str] = &["i", "we", "you", "he", "she", "they", "someone", "somebody"];
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
];

/// Nouns for people by what they do.
const ROLES: &[&str] = &[
    "on-call",
    "oncall",
    "on-caller",
    "oncaller",
    "on-callers",
    "dba",
    "dbas",
    "qa",
    "ops",
    "devops",
    "sre",
    "sres",
    "engineer",
    "engineers",
    "developer",
    "developers",
    "dev",
    "devs",
    "operator",
    "operators",
    "admin",
    "admins",
    "administrator",
    "administrators",
    "sysadmin",
    "sysadmins",
    "intern",
    "interns",
    "contractor",
    "contractors",
    "reviewer",
    "reviewers",
    "responder",
    "responders",
    "tester",
    "testers",
    "manager",
    "managers",
    "team",
    "teams",
    "staff",
    "employee",
    "employees",
    "lead",
    "owner",
    "approver",
    "deployer",
    "author",
];

/// Roles that name a person or team without "the": "QA let it through".
const BARE_ROLES: &[&str] = &[
    "qa",
    "ops",
    "devops",
    "sre",
    "sres",
    "dba",
    "dbas",
    "engineers",
    "developers",
    "devs",
    "operators",
    "admins",
    "sysadmins",
    "testers",
    "reviewers",
    "responders",
    "staff",
];

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "our", "their", "your", "my", "his", "her", "this", "that", "one", "another",
    "some",
];

/// Words that cannot sit between a determiner and a role noun.
const NOT_MODIFIERS: &[&str] = &[
    "was", "were", "is", "are", "had", "has", "have", "and", "or", "but", "to", "of", "by", "for",
    "with", "from", "in", "on", "at", "that", "which", "who", "it",
];

/// A word before a mention that makes it the object, not the subject.
const PREPOSITIONS: &[&str] = &[
    "by", "from", "of", "for", "with", "to", "at", "on", "in", "than", "about", "into", "after",
    "before", "like", "via", "asked", "told", "paged", "pinged",
];

/// Words that may stand between a subject and its verb.
pub(crate) const ADVERBS: &[&str] = &[
    "accidentally",
    "inadvertently",
    "mistakenly",
    "unknowingly",
    "unintentionally",
    "carelessly",
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
];

impl Names {
    /// The person or team whose mention ends at token `end`, when that
    /// mention can be a subject (it does not follow a preposition).
    pub(crate) fn actor_ending_at(&self, doc: &Doc, end: usize) -> Option<Actor> {
        let word = doc.word(end)?;
        let actor = if SUBJECT_PRONOUNS.contains(&word) {
            Actor {
                start: end,
                end,
                kind: ActorKind::Pronoun,
            }
        } else if self.name_at(doc, end) {
            let mut start = end;
            while start > 0 && self.name_at(doc, start - 1) {
                start -= 1;
            }
            Actor {
                start,
                end,
                kind: ActorKind::Name,
            }
        } else if word == "it" && doc.slice(end, end) == "IT" {
            Actor {
                start: end,
                end,
                kind: ActorKind::Role,
            }
        } else if ROLES.contains(&word) {
            let start = role_start(doc, end, word)?;
            Actor {
                start,
                end,
                kind: ActorKind::Role,
            }
        } else {
            return None;
        };
        if actor.start > 0 && doc.is_any(actor.start - 1, PREPOSITIONS) {
            return None;
        }
        Some(actor)
    }

    /// The person or team mentioned from token `start` on, as the complement
    /// of "was"/"is" or after a colon: "Dana", "the on-call engineer",
    /// "him", and possessives such as "Dana's" or "their".
    pub(crate) fn actor_starting_at(&self, doc: &Doc, start: usize) -> Option<Actor> {
        let word = doc.word(start)?;
        if POSSESSIVE_PRONOUNS.contains(&word) && doc.is_any(start + 1, PERSONAL_NOUNS) {
            return Some(Actor {
                start,
                end: start + 1,
                kind: ActorKind::Pronoun,
            });
        }
        if OBJECT_PRONOUNS.contains(&word) && word != "her" {
            return Some(Actor {
                start,
                end: start,
                kind: ActorKind::Pronoun,
            });
        }
        if self.name_at(doc, start) || self.possessive_name_at(doc, start) {
            let mut end = start;
            while self.name_at(doc, end)
                && (self.name_at(doc, end + 1) || self.possessive_name_at(doc, end + 1))
            {
                end += 1;
            }
            if self.possessive_name_at(doc, end) {
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
            });
        }
        let mut i = start;
        if DETERMINERS.contains(&word) {
            i += 1;
        } else if !BARE_ROLES.contains(&word) && !BARE_ROLES.contains(&strip_possessive(word)) {
            return None;
        }
        // Up to three words: modifiers, then the role noun (possibly
        // possessive: "the on-call engineer's").
        let mut found = None;
        for j in i..(i + 4).min(doc.len()) {
            let Some(w) = doc.word(j) else { break };
            if ROLES.contains(&strip_possessive(w)) {
                found = Some(j);
                if w.ends_with('\'') || w.ends_with("'s") {
                    if !doc.is_any(j + 1, PERSONAL_NOUNS) {
                        return None;
                    }
                    found = Some(j + 1);
                    break;
                }
            } else if found.is_some() || NOT_MODIFIERS.contains(&w) {
                break;
            }
        }
        found.map(|end| Actor {
            start,
            end,
            kind: ActorKind::Role,
        })
    }
}

fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix('\''))
        .unwrap_or(w)
}

/// Where a role mention ending at `end` starts: at its determiner, or at
/// the role itself when the role stands alone ("QA", "ops").
fn role_start(doc: &Doc, end: usize, word: &str) -> Option<usize> {
    let mut j = end;
    // Modifiers, then a determiner: "the new on-call engineer".
    for _ in 0..4 {
        if j == 0 {
            break;
        }
        let Some(w) = doc.word(j - 1) else { break };
        if DETERMINERS.contains(&w) {
            return Some(j - 1);
        }
        if NOT_MODIFIERS.contains(&w) || PREPOSITIONS.contains(&w) {
            break;
        }
        j -= 1;
    }
    if BARE_ROLES.contains(&word) {
        return Some(end);
    }
    // "Platform team", "Infra engineers": a capitalised modifier.
    if (word == "team" || word == "teams") && end > 0 {
        let before = doc.tokens.get(end - 1)?;
        if before.capitalised && doc.word(end - 1).is_some() {
            return Some(end - 1);
        }
    }
    None
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

    #[test]
    fn roles_names_and_pronouns_are_people() {
        let names = Names::new(&["Dana Ortiz (incident lead)".to_string()]);
        for (text, end, start) in [
            ("Dana Ortiz broke", 1, 0),
            ("the on-call engineer broke", 2, 0),
            ("QA let", 0, 0),
            ("then they broke", 1, 1),
            ("the Platform team broke", 2, 0),
        ] {
            let d = doc(text);
            let a = names.actor_ending_at(&d, end);
            assert_eq!(a.map(|a| a.start), Some(start), "{text}");
        }
    }

    #[test]
    fn unknown_capitalised_words_are_not_people() {
        let names = Names::new(&["Dana".to_string()]);
        let d = doc("Postgres broke");
        assert_eq!(names.actor_ending_at(&d, 0), None);
        let d = doc("a change by Dana broke");
        assert_eq!(names.actor_ending_at(&d, 3), None);
    }
}
