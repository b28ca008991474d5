//! What the linter reports: a [`Finding`] with its place in the text, why the
//! wording reads as blame, and what to write instead.

use serde::{Deserialize, Serialize};

/// The family a rule belongs to, for grouping findings in the editor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    /// A person or team is named as the cause, or blamed outright.
    Attribution,
    /// "Human error" offered as an explanation.
    HumanError,
    /// Counterfactuals judged with hindsight.
    Hindsight,
    /// Words that judge character or imply the fix was obvious.
    Tone,
    /// Action items that cannot be finished or checked.
    ActionItem,
    /// Phrases a team added itself.
    Custom,
}

/// Where a finding sits in the linted text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    /// Byte offset of the first flagged byte.
    pub offset: usize,
    /// Byte offset just past the flagged text.
    pub end: usize,
    /// 1-based line of `offset`.
    pub line: usize,
    /// 1-based column of `offset`, counted in characters.
    pub column: usize,
}

/// One piece of wording that reads as blame.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// Rule id, such as `hindsight` (see [`super::rules`]).
    pub rule: String,
    pub category: Category,
    #[serde(flatten)]
    pub span: Span,
    /// The flagged text, exactly as written.
    pub text: String,
    /// One line on why this reads as blame.
    pub message: String,
    /// Replacements for the flagged text, best first; may be empty. An empty
    /// string means "remove it".
    pub suggestions: Vec<String>,
    #[serde(default)]
    fingerprint: String,
}

impl Finding {
    /// A finding on `text[offset..end]`; line, column and fingerprint are
    /// filled in once all rules have run.
    pub(crate) fn new(
        rule: &str,
        category: Category,
        text: &str,
        offset: usize,
        end: usize,
        message: impl Into<String>,
        suggestions: Vec<String>,
    ) -> Finding {
        Finding {
            rule: rule.to_string(),
            category,
            span: Span {
                offset,
                end,
                line: 0,
                column: 0,
            },
            text: text.get(offset..end).unwrap_or_default().to_string(),
            message: message.into(),
            suggestions,
            fingerprint: String::new(),
        }
    }

    /// A stable identity for dismissing this finding: the rule, the flagged
    /// words and a few words on each side, but no offsets, so a dismissal
    /// still applies after the text around it is edited.
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }
}

/// Words of context on each side that go into a fingerprint.
const CONTEXT_WORDS: usize = 3;

/// Sorts findings, drops duplicates, and fills in line, column and
/// fingerprint in one pass over the text.
pub(crate) fn finish(text: &str, found: &mut Vec<Finding>) {
    found.sort_by(|a, b| {
        (a.span.offset, a.span.end, &a.rule).cmp(&(b.span.offset, b.span.end, &b.rule))
    });
    found.dedup_by(|b, a| a.rule == b.rule && a.span.offset == b.span.offset);

    // Bytes are enough to count lines and characters: every character
    // starts with exactly one byte that is not a UTF-8 continuation byte.
    let bytes = text.as_bytes();
    let mut line = 1;
    let mut column = 1;
    let mut pos = 0;
    for f in found.iter_mut() {
        let upto = f.span.offset.min(bytes.len());
        for &b in bytes.get(pos..upto).unwrap_or_default() {
            if b == b'\n' {
                line += 1;
                column = 1;
            } else if b & 0xC0 != 0x80 {
                column += 1;
            }
        }
        pos = pos.max(upto);
        f.span.line = line;
        f.span.column = column;
        f.fingerprint = fingerprint(text, f);
    }
}

fn fingerprint(text: &str, f: &Finding) -> String {
    let before = text.get(..f.span.offset).unwrap_or_default();
    let after = text.get(f.span.end..).unwrap_or_default();
    let before_words = last_words_of_line(before, CONTEXT_WORDS);
    let after_words = first_words_of_line(after, CONTEXT_WORDS);

    let mut hash = Fnv::new();
    hash.write(f.rule.as_bytes());
    hash.write(&[0]);
    for w in f.text.split_whitespace() {
        hash.write_lower(w);
    }
    hash.write(&[0]);
    for w in before_words.iter().rev() {
        hash.write_lower(w);
    }
    hash.write(&[0]);
    for w in &after_words {
        hash.write_lower(w);
    }
    format!("{}:{:016x}", f.rule, hash.0)
}

/// Up to `n` whitespace-separated words at the end of `text`'s last line,
/// last word first. Reads only as far back as it needs, so a finding on a
/// very long line costs no more than one on a short line.
fn last_words_of_line(text: &str, n: usize) -> Vec<&str> {
    let mut words = Vec::with_capacity(n);
    let mut end = None;
    for (i, c) in text.char_indices().rev() {
        if c.is_whitespace() {
            if let Some(e) = end.take() {
                words.push(&text[i + c.len_utf8()..e]);
                if words.len() == n {
                    return words;
                }
            }
            if c == '\n' {
                return words;
            }
        } else if end.is_none() {
            end = Some(i + c.len_utf8());
        }
    }
    if let Some(e) = end {
        if words.len() < n {
            words.push(&text[..e]);
        }
    }
    words
}

/// Up to `n` whitespace-separated words at the start of `text`'s first
/// line.
fn first_words_of_line(text: &str, n: usize) -> Vec<&str> {
    let mut words = Vec::with_capacity(n);
    let mut start = None;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                words.push(&text[s..i]);
                if words.len() == n {
                    return words;
                }
            }
            if c == '\n' {
                return words;
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        if words.len() < n {
            words.push(&text[s..]);
        }
    }
    words
}

/// FNV-1a, written out so fingerprints never change with the standard
/// library's hasher.
struct Fnv(u64);

impl Fnv {
    fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn write_lower(&mut self, word: &str) {
        for c in word.chars().flat_map(char::to_lowercase) {
            let mut buf = [0; 4];
            self.write(c.encode_utf8(&mut buf).as_bytes());
        }
        self.write(b" ");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_words_stop_at_the_line() {
        assert_eq!(last_words_of_line("a b\nc d e f ", 3), ["f", "e", "d"]);
        assert_eq!(last_words_of_line("x\nc d", 3), ["d", "c"]);
        assert_eq!(first_words_of_line(" g h\ni j", 3), ["g", "h"]);
        assert_eq!(first_words_of_line("k l m n", 3), ["k", "l", "m"]);
        assert!(last_words_of_line("", 3).is_empty());
    }
}
