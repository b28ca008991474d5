//! Words that are talked about rather than used: a short quoted term ("the
//! chat line saying “careless” is not a finding", "we avoid phrases like
//! "human error"") and a blame word under a negation ("we do not call this
//! operator error", "nobody is to blame"). Findings there are dropped after
//! the rules run. Quoted speech — a sentence in quotes, ending with its own
//! punctuation — is still checked: the words are in the document either way.

use super::finding::Finding;
use super::tokens::{Doc, Kind};

/// Rules whose words can be mentioned or negated without blaming anyone.
const WORD_RULES: &[&str] = &["human-error", "blame-word", "judgement", "punitive-action"];

/// Words that negate what follows in the same clause.
const NEGATORS: &[&str] = &[
    "not", "no", "never", "don't", "doesn't", "didn't", "isn't", "wasn't", "aren't", "weren't",
    "won't", "avoid", "avoids", "avoiding", "without", "nor", "nobody", "none", "neither",
    "nobody's", "instead",
];

/// Quotes of at most this many words, without closing punctuation, are a
/// mention of the words.
const MENTION_WORDS: usize = 6;

/// Whether the text between two quotes is a short term rather than quoted
/// speech: a few words, not ending like a sentence.
fn is_term(inner: &str) -> bool {
    inner.split_whitespace().count() <= MENTION_WORDS
        && !inner.trim_end().ends_with([',', '.', '!', '?'])
}

/// Byte ranges of short quoted terms in `text`.
fn quoted_terms(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match c {
            '\n' => open = None,
            '\u{201c}' => open = Some(i),
            '"' | '\u{201d}' => match open.take() {
                Some(start) => {
                    let open_len = text[start..].chars().next().map_or(1, char::len_utf8);
                    if is_term(text.get(start + open_len..i).unwrap_or_default()) {
                        out.push((start, i + c.len_utf8()));
                    }
                }
                None if c == '"' => open = Some(i),
                None => {}
            },
            _ => {}
        }
    }
    out.extend(single_quoted_terms(text));
    out.sort_unstable_by_key(|&(_, end)| end);
    out
}

/// Short terms in single quotes: 'PEBKAC', ‘careless’. An opening quote
/// follows a space or a bracket and a closing one is followed by neither a
/// letter nor a digit, so apostrophes ("didn't", "the engineers' laptops")
/// neither open nor close one.
fn single_quoted_terms(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let b = text.as_bytes();
    // Byte by byte: the quotes are ASCII or start with 0xE2 (U+2018 and
    // U+2019 are E2 80 98 and E2 80 99), so no character is decoded.
    let alnum_at = |k: usize| {
        b.get(k)
            .is_some_and(|&c| c.is_ascii_alphanumeric() || c >= 0xC0)
    };
    let space_before = |k: usize| {
        k == 0
            || matches!(b[k - 1], b' ' | b'\t' | b'\n' | b'(' | b'[')
            // An em or en dash: E2 80 94 or E2 80 93.
            || k >= 3 && b[k - 3] == 0xE2 && b[k - 2] == 0x80 && matches!(b[k - 1], 0x93 | 0x94)
    };
    let mut i = 0;
    while i < b.len() {
        let (len, curly_open, curly_close) = match b[i] {
            b'\n' => {
                open = None;
                i += 1;
                continue;
            }
            b'\'' => (1, true, true),
            0xE2 if b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0x98) => (3, true, false),
            0xE2 if b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0x99) => (3, false, true),
            _ => {
                i += 1;
                continue;
            }
        };
        let opens = curly_open && space_before(i) && alnum_at(i + len);
        let closes = curly_close && !space_before(i) && !alnum_at(i + len);
        if let (Some(start), true) = (open, closes) {
            // The opening quote is one byte (') or three (‘).
            let open_len = if b[start] == b'\'' { 1 } else { 3 };
            if is_term(text.get(start + open_len..i).unwrap_or_default()) {
                out.push((start, i + len));
            }
            open = None;
        } else if opens {
            open = Some(i);
        }
        i += len;
    }
    out
}

/// Words after a quoted statement that take it back: "An early draft said
/// 'Ola caused the outage'; we have rewritten that line because it isn't
/// true".
const TAKEN_BACK: &[&str] = &[
    "rewritten",
    "rewrote",
    "removed",
    "struck",
    "withdrawn",
    "retracted",
    "untrue",
    "isn't true",
    "is not true",
    "wasn't true",
    "not accurate",
    "inaccurate",
    "no longer says",
];

/// Whether bytes `start..end` of `text` lie inside a quotation that the
/// rest of its sentence takes back.
fn quoted_and_taken_back(text: &str, start: usize, end: usize) -> bool {
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let before = &text[line_start..start];
    let after = &text[end..line_end];
    let open = before.rfind(['"', '\u{201c}', '\u{2018}', '\'']);
    let close = after.find(['"', '\u{201d}', '\u{2019}', '\'']);
    let (Some(open), Some(close)) = (open, close) else {
        return false;
    };
    // An apostrophe inside a word ("Ola's") is not a quote.
    let opens = before[..open]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric());
    if !opens {
        return false;
    }
    // "… rather than 'why didn't Mateus check?'": a question set aside.
    let lead = before[..open].trim_end().to_lowercase();
    if ["rather than", "instead of"]
        .iter()
        .any(|w| lead.ends_with(w))
    {
        return true;
    }
    let close_len = after[close..].chars().next().map_or(1, char::len_utf8);
    let rest = after[close + close_len..].to_lowercase();
    let sentence = rest.split(['.', '!', '?']).next().unwrap_or_default();
    TAKEN_BACK.iter().any(|w| sentence.contains(w))
}

/// Openings that set what follows aside as a claim nobody makes: "Nobody
/// here is saying the registrar should have caught it", "Rather than
/// asking why the curator didn't act, we asked …", "We avoid the phrase
/// 'root cause: operator'".
const DISOWNING: &[&str] = &[
    "nobody is saying",
    "nobody here is saying",
    "no one is saying",
    "no one here is saying",
    "we are not saying",
    "we're not saying",
    "this is not to say",
    "rather than asking",
    "instead of asking",
    "we avoid the phrase",
    "we avoid the word",
    "we avoid the term",
    "we no longer write",
];

/// Whether the sentence before byte `offset` opens by disowning a claim.
fn disowned(text: &str, offset: usize) -> bool {
    let before = &text[..offset];
    let start = before
        .rfind(['\n', '.', '!', '?', '|'])
        .map_or(0, |i| i + 1);
    let lead = before[start..].trim_start().to_lowercase();
    DISOWNING
        .iter()
        .any(|d| lead.starts_with(d) || lead.contains(&format!(" {d}")))
}

pub(crate) fn drop_mentions(doc: &Doc, found: &mut Vec<Finding>) {
    if found.is_empty() {
        return;
    }
    found.retain(|f| {
        !quoted_and_taken_back(doc.text, f.span.offset, f.span.end)
            && !disowned(doc.text, f.span.offset)
    });
    let quotes = quoted_terms(doc.text);
    found.retain(|f| {
        if !WORD_RULES.contains(&f.rule.as_str()) && f.rule != "hindsight" {
            return true;
        }
        // Findings are not sorted yet; a binary search keeps this linear
        // enough: O(findings × log quotes).
        let q = quotes.partition_point(|&(_, end)| end <= f.span.offset);
        if quotes
            .get(q)
            .is_some_and(|&(start, end)| start <= f.span.offset && f.span.end <= end)
        {
            return false;
        }
        if !WORD_RULES.contains(&f.rule.as_str()) {
            return true;
        }
        !negated(doc, f.span.offset)
    });
}

/// Verbs that name how something is described: a negation in front of
/// one ("we agreed not to describe this as human error") reaches the words
/// it frames, however far back it is in the clause.
const FRAMING_VERBS: &[&str] = &[
    "call",
    "calling",
    "describe",
    "describing",
    "label",
    "labelling",
    "labeling",
    "frame",
    "framing",
    "classify",
    "classifying",
    "record",
    "recording",
    "treat",
    "treating",
    "count",
    "counting",
    "file",
    "filing",
    "attribute",
    "attributing",
];

/// Whether one of the four words before byte `offset`, in the same
/// clause, negates it, or a negated framing verb earlier in the clause
/// puts it in a description that is refused.
fn negated(doc: &Doc, offset: usize) -> bool {
    let t = doc.tokens.partition_point(|t| t.start < offset);
    let mut seen = 0;
    let mut j = t;
    while j > 0 && seen < 8 {
        j -= 1;
        match doc.tokens[j].kind {
            Kind::Word => {
                // "no" and "without" belong to the noun right after them:
                // "there was no operator error", but not "shipping with no
                // tests is a rookie mistake".
                // "No one was careless" negates like "nobody".
                let reach = if doc.is_any(j, &["no", "without"]) && !doc.is(j + 1, "one") {
                    2
                } else {
                    4
                };
                if seen < reach && doc.is_any(j, NEGATORS) {
                    return true;
                }
                if doc.is_any(j, FRAMING_VERBS)
                    && (j.saturating_sub(3)..j).any(|k| doc.is_any(k, NEGATORS))
                {
                    return true;
                }
                seen += 1;
            }
            Kind::Code => {}
            _ => return false,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use crate::lint::{lint_text, LintConfig};

    fn flagged(text: &str) -> bool {
        !lint_text(text, &LintConfig::default()).is_empty()
    }

    #[test]
    fn mentioned_and_negated_words_are_not_blame() {
        for text in [
            "The chat line saying \u{201c}careless\u{201d} is not a finding.",
            "We avoid phrases like \"human error\" in our reports.",
            "We do not call this operator error.",
            "There was no operator error; the console sent the wrong request.",
            "Nobody is to blame for the outage.",
            "The old template had a \"who is to blame\" field.",
            "We agreed not to describe this as human error in the report.",
            "The team chose not to label the outage a careless mistake.",
            "The word 'careless' in the chat export is not a finding.",
            "The ticket's title, \u{2018}PEBKAC\u{2019}, was changed.",
        ] {
            assert!(!flagged(text), "{text}");
        }
    }

    #[test]
    fn quoted_speech_and_plain_use_still_count() {
        for text in [
            "\"Ravi crashed the scheduler again,\" the lead wrote.",
            "It was human error.",
            "The rollout was careless and not reviewed.",
            "We did not wait for the review, and calling it human error is fair.",
            // Declining to blame someone for a fault still names the fault.
            "Don't blame the intern for being careless.",
            "Shipping a destructive job with no tests is a rookie mistake.",
            "The engineers' careless rollout took the site down.",
            "The chat said \u{2018}honestly the on-call was careless and lazy about the whole rollout\u{2019}.",
        ] {
            assert!(flagged(text), "{text}");
        }
    }

    #[test]
    fn a_claim_set_aside_before_it_is_made() {
        for text in [
            "Nobody here is saying the night porter should have noticed; the panel showed green.",
            "Rather than asking why Hemi didn't act, we asked why the alert went to a shared inbox.",
            "We avoid the phrase 'operator error' in these reviews.",
            "No one was careless: the gauge reads the same at both ends.",
        ] {
            assert!(!flagged(text), "{text}");
        }
        assert!(flagged(
            "Everyone is saying the night porter should have noticed."
        ));
    }
}
