//! `blame-word`: the vocabulary of blame — fault, culprit, to blame,
//! guilty, dropped the ball, screwed up, "Dana's mistake". `git blame`,
//! "blameless", "fault tolerance" and "page fault" are left alone.

use super::finding;
use crate::lint::finding::{Category, Finding};
use crate::lint::registry::{Rule, RuleInfo};
use crate::lint::tokens::Doc;
use crate::lint::Cx;

pub(crate) const INFO: RuleInfo = RuleInfo {
    id: "blame-word",
    category: Category::Attribution,
    description: "Blame vocabulary: fault, culprit, to blame, dropped the ball, screwed up.",
};

pub(crate) struct BlameWord;

const POSSESSIVES: &[&str] = &["my", "our", "your", "his", "her", "their"];

impl Rule for BlameWord {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        let mut push = |a: usize, b: usize, why: &str, fix: Option<String>| {
            let message = format!("“{}” {why}", doc.slice(a, b));
            out.push(finding(
                doc,
                &INFO,
                a,
                b,
                message,
                fix.into_iter().collect(),
            ));
        };
        const BLAME: &str =
            "assigns blame; describe the conditions that made the outcome possible.";
        for i in 0..doc.len() {
            let Some(w) = doc.word(i) else { continue };
            let prev = i.checked_sub(1).and_then(|p| doc.word(p));
            match w {
                "blame" | "blamed" | "blames" | "blaming" => {
                    if prev.is_some_and(|p| ["git", "svn", "hg", "no", "without"].contains(&p))
                        || super::blame_rejected(doc, i)
                    {
                        continue;
                    }
                    // "the blame view", "blame output": the tool, not the act;
                    // "Blame is not useful here": said against blaming.
                    if doc.is_any(
                        i + 1,
                        &[
                            "view",
                            "annotation",
                            "annotations",
                            "output",
                            "command",
                            "tool",
                            "line",
                            "lines",
                            "page",
                            "panel",
                            "gutter",
                            "data",
                        ],
                    ) || doc.is_any(i + 1, &["is", "isn't", "doesn't", "won't"])
                        && doc.is_any(i + 2, &["not", "useful", "helpful", "the"])
                        || doc.is_any(i + 1, &["isn't", "doesn't", "won't"])
                    {
                        continue;
                    }
                    // "No one is being blamed for this outage".
                    if w == "blamed"
                        && i >= 1
                        && doc.is_any(i - 1, &["being", "been", "be", "is", "was", "are", "were"])
                        && super::spared_or_thing(cx, i - 1)
                    {
                        continue;
                    }
                    // "No one is to blame", "Our retry logic is to blame".
                    if prev == Some("to")
                        && i >= 2
                        && (doc.is_any(i - 2, &["is", "was", "are", "were", "be"])
                            && super::spared_or_thing(cx, i - 2)
                            || doc.is_any(i - 2, &["not", "never"]))
                    {
                        continue;
                    }
                    let start = if prev == Some("to") { i - 1 } else { i };
                    push(start, i, BLAME, None);
                }
                "culprit" | "culprits" => {
                    let fix = if w == "culprit" {
                        "contributing factor"
                    } else {
                        "contributing factors"
                    };
                    push(
                        i,
                        i,
                        "casts a contributing factor as a wrongdoer.",
                        Some(fix.to_string()),
                    );
                }
                "guilty" | "guilt" => push(i, i, BLAME, None),
                "fault" | "faults" => {
                    // "It was nobody's fault" clears people; it blames no one.
                    let nobody =
                        prev.is_some_and(|p| ["nobody's", "no-one's", "one's", "no"].contains(&p));
                    if nobody {
                        continue;
                    }
                    // "No individual is at fault here".
                    if prev == Some("at")
                        && i >= 2
                        && doc.is_any(i - 2, &["is", "was", "are", "were", "be"])
                        && super::spared_or_thing(cx, i - 2)
                    {
                        continue;
                    }
                    let possessed = prev.is_some_and(|p| {
                        POSSESSIVES.contains(&p) || p.ends_with("'s") || p == "at"
                    });
                    let of_someone = doc.is(i + 1, "of") && prev != Some("no");
                    let lies = doc.is_any(i + 1, &["lies", "lay"]);
                    if !(possessed || of_someone || lies) {
                        continue;
                    }
                    let start = if possessed { i - 1 } else { i };
                    push(start, i, BLAME, None);
                }
                "dropped" if doc.seq(i + 1, &["the", "ball"]) => {
                    push(
                        i,
                        i + 2,
                        BLAME,
                        Some(doc.match_case(i, "did not complete the step")),
                    );
                }
                "screwed" | "messed" | "fucked" | "effed" | "goofed" if doc.is(i + 1, "up") => {
                    push(i, i + 1, BLAME, None);
                }
                "screw-up" | "screwup" | "mess-up" | "fuck-up" | "fuckup" => {
                    push(i, i, BLAME, None)
                }
                "blew" if doc.is(i + 1, "it") => push(i, i + 1, BLAME, None),
                _ if doc.is_any(
                    i + 1,
                    &[
                        "mistake",
                        "mistakes",
                        "oversight",
                        "doing",
                        "blunder",
                        "screw-up",
                    ],
                ) && (POSSESSIVES.contains(&w) || w.ends_with("'s")) =>
                {
                    push(
                        i,
                        i + 1,
                        BLAME,
                        Some(doc.match_case(i, "a slip the process allowed")),
                    );
                }
                "part" | "side" if i >= 2 && doc.is(i - 2, "on") => {
                    if let Some(who) = failing_on_someone(doc, i) {
                        push(who, i, BLAME, None);
                    }
                }
                _ => {}
            }
        }
    }
}

/// Words that make what sits "on someone's part/side" a failure.
const FAILING: &[&str] = &[
    "slip",
    "mistake",
    "error",
    "oversight",
    "lapse",
    "misstep",
    "carelessness",
    "negligence",
    "failure",
    "delay",
    "delays",
    "miss",
    "fault",
    "problem",
    "issue",
    "holdup",
    "blunder",
    "misjudgement",
    "misjudgment",
    "inattention",
    "confusion",
];

/// "a small slip on Hope's part", "the delay was mostly on Tsegaye's side":
/// the failure put on one person. `i` is "part" or "side", right after a
/// capitalised possessive that is not a system or an acronym. Where the
/// person starts, or `None`.
fn failing_on_someone(doc: &Doc, i: usize) -> Option<usize> {
    let who = i - 1;
    let w = doc.word(who)?;
    let base = crate::lint::people::strip_possessive(w);
    let raw = doc.slice(who, who);
    if base == w
        || !doc.tokens[who].capitalised
        || crate::lint::systems::is_system(base)
        || raw
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
    {
        return None;
    }
    // The failure comes before "on", within the clause: "a slip on X's
    // part", "the delay … was mostly on X's side".
    let on = i - 2;
    let failing = (on.saturating_sub(12)..on)
        .rev()
        .take_while(|&k| doc.word(k).is_some())
        .any(|k| doc.is_any(k, FAILING));
    let was =
        (on.saturating_sub(3)..on).any(|k| doc.is_any(k, &["was", "were", "is", "lay", "lies"]));
    let part = doc.is(i, "part");
    (failing && (part || was)).then_some(who)
}

#[cfg(test)]
mod tests {
    use crate::lint::testing::{assert_clean, assert_flags, assert_rewrite};

    const ID: &str = "blame-word";

    #[test]
    fn help_or_a_system_on_someones_side_is_fine() {
        assert_clean(
            ID,
            "Thanks to quick thinking on Mereanui's part, nothing was lost.",
        );
        assert_clean(ID, "The delay was on AWS's side.");
        assert_clean(ID, "On Teuila's side of the call, the audio kept dropping.");
        assert_clean(ID, "The fix on Teuila's side shipped at 10:00.");
    }

    #[test]
    fn blame_vocabulary_is_flagged() {
        assert_flags(ID, "Kenji is to blame for the outage.", "to blame");
        assert_flags(ID, "The outage was Andrei's doing.", "Andrei's doing");
        assert_flags(ID, "It was Dana's fault.", "Dana's fault");
        assert_flags(ID, "The on-call was at fault here.", "at fault");
        assert_flags(ID, "Ops screwed up the DNS change.", "screwed up");
        assert_flags(ID, "The team blamed the vendor.", "blamed");
        assert_flags(
            ID,
            "The export broke because of an oversight on Mereanui's part.",
            "Mereanui's part",
        );
        assert_flags(
            ID,
            "The holdup in restoring the ledger was largely on Teuila's side.",
            "Teuila's side",
        );
        assert_rewrite(
            ID,
            "The culprit was a stale cache entry.",
            "The contributing factor was a stale cache entry.",
        );
        assert_rewrite(
            ID,
            "Release management dropped the ball on the hand-off.",
            "Release management did not complete the step on the hand-off.",
        );
        assert_rewrite(
            ID,
            "It was his mistake.",
            "It was a slip the process allowed.",
        );
    }

    #[test]
    fn technical_terms_are_not_blame() {
        assert_clean(ID, "Run git blame on the config file to find the change.");
        assert_clean(ID, "Open the blame view to see when the line changed.");
        assert_clean(ID, "Blame is not useful here; the check was missing.");
        assert_clean(ID, "This is a blameless review.");
        assert_clean(ID, "We are adding fault tolerance to the queue.");
        assert_clean(ID, "A page fault storm slowed the host.");
        assert_clean(ID, "The faulty disk was replaced at 11:20.");
        assert_clean(ID, "Dana's change was rolled back.");
        assert_clean(ID, "It was nobody's fault, and no one's fault lies here.");
        assert_clean(ID, "No one is to blame for the cutover delay.");
        assert_clean(ID, "No one is being blamed for this outage.");
        assert_clean(ID, "Dana is not to blame; the runbook was out of date.");
        assert_clean(
            ID,
            "Our retry logic is to blame: it hammered the auth service.",
        );
    }

    #[test]
    fn clearing_people_and_rejecting_blame_are_not_blame() {
        for text in [
            "No individual is at fault here; the deploy tool allowed an untested change to reach every region.",
            "No single engineer was at fault.",
            "Blaming Nikolai would miss the point — any of us could have clicked the same button in that dialog.",
            "Blaming the on-call won't fix the alert.",
        ] {
            assert_clean(ID, text);
        }
        assert_flags(ID, "Marek is at fault here.", "at fault");
    }
}
