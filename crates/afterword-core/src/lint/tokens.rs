//! The token stream every rule reads: words (with their lowercase form),
//! punctuation, inline code and hard breaks, each with its byte range in the
//! original text. Built once per lint run.

use super::markdown::Piece;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    Punct(char),
    /// Inline code: part of the sentence, never part of a phrase.
    Code,
    /// A boundary between paragraphs, list items or table cells.
    Break,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct Token {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    /// Range of the lowercase form in [`Doc::lower`].
    lower: (u32, u32),
    /// The first character is uppercase.
    pub capitalised: bool,
    /// The first word of a sentence, list item or cell.
    pub sentence_start: bool,
}

/// A tokenised text.
pub(crate) struct Doc<'a> {
    pub text: &'a str,
    pub tokens: Vec<Token>,
    lower: String,
}

impl<'a> Doc<'a> {
    pub(crate) fn new(text: &'a str, pieces: &[Piece]) -> Doc<'a> {
        let mut doc = Doc {
            text,
            tokens: Vec::with_capacity(text.len() / 5),
            lower: String::with_capacity(text.len()),
        };
        let mut sentence_start = true;
        for piece in pieces {
            match *piece {
                Piece::Prose { start, end } => doc.tokenise(start, end, &mut sentence_start),
                Piece::Code { start, end } => {
                    doc.push(Kind::Code, start, end);
                    sentence_start = false;
                }
                Piece::Break => {
                    if !matches!(
                        doc.tokens.last(),
                        None | Some(Token {
                            kind: Kind::Break,
                            ..
                        })
                    ) {
                        doc.push(Kind::Break, 0, 0);
                    }
                    sentence_start = true;
                }
            }
        }
        doc
    }

    fn push(&mut self, kind: Kind, start: usize, end: usize) -> &mut Token {
        let from = self.lower.len() as u32;
        if kind == Kind::Word {
            let word = &self.text[start..end];
            if word.is_ascii() {
                self.lower.push_str(word);
                if let Some(added) = self.lower.get_mut(from as usize..) {
                    added.make_ascii_lowercase();
                }
            } else {
                for c in word.chars() {
                    // Curly apostrophes read as straight ones.
                    let c = if c == '\u{2019}' { '\'' } else { c };
                    self.lower.extend(c.to_lowercase());
                }
            }
        }
        let to = self.lower.len() as u32;
        let (start, end) = if kind == Kind::Break {
            let at = self.tokens.last().map_or(0, |t| t.end);
            (at, at)
        } else {
            (start, end)
        };
        self.tokens.push(Token {
            kind,
            start,
            end,
            lower: (from, to),
            capitalised: false,
            sentence_start: false,
        });
        let last = self.tokens.len() - 1;
        &mut self.tokens[last]
    }

    /// The character at byte `i` (which must be a char boundary).
    fn char_at(&self, i: usize) -> char {
        self.text[i..].chars().next().unwrap_or(' ')
    }

    /// Whether a letter or digit starts at byte `i`, before `end`.
    fn alnum_at(&self, i: usize, end: usize) -> bool {
        if i >= end {
            return false;
        }
        let b = self.text.as_bytes()[i];
        if b < 0x80 {
            b.is_ascii_alphanumeric()
        } else {
            self.char_at(i).is_alphanumeric()
        }
    }

    /// Where the word starting at byte `i` ends. Joiners stay inside a word
    /// when a letter or digit follows: "on-call", "didn't", "v1.2", "and/or".
    fn word_end(&self, mut i: usize, end: usize) -> usize {
        let bytes = self.text.as_bytes();
        while i < end {
            let b = bytes[i];
            if b.is_ascii_alphanumeric() || b == b'_' {
                i += 1;
            } else if b < 0x80 {
                if matches!(b, b'-' | b'\'' | b'.' | b'/' | b'@') && self.alnum_at(i + 1, end) {
                    i += 1;
                } else {
                    break;
                }
            } else {
                let c = self.char_at(i);
                let len = c.len_utf8();
                if c.is_alphanumeric() || c == '\u{2019}' && self.alnum_at(i + len, end) {
                    i += len;
                } else {
                    break;
                }
            }
        }
        i
    }

    fn tokenise(&mut self, start: usize, end: usize, sentence_start: &mut bool) {
        let bytes = self.text.as_bytes();
        let mut i = start;
        while i < end {
            let b = bytes[i];
            let (c, len) = if b < 0x80 {
                (b as char, 1)
            } else {
                let c = self.char_at(i);
                (c, c.len_utf8())
            };
            if c.is_whitespace() || matches!(c, '*' | '_' | '~') {
                // Emphasis markers are transparent.
                i += len;
            } else if c.is_alphanumeric() {
                let word_end = self.word_end(i + len, end);
                let starts_sentence = *sentence_start;
                let tok = self.push(Kind::Word, i, word_end);
                tok.capitalised = c.is_uppercase();
                tok.sentence_start = starts_sentence;
                *sentence_start = false;
                i = word_end;
            } else {
                self.push(Kind::Punct(c), i, i + len);
                if matches!(c, '.' | '!' | '?') {
                    *sentence_start = true;
                }
                i += len;
            }
        }
    }

    /// Whether token `i` is the break between two cells of one table row
    /// (a `|` with no line end between its neighbours).
    pub(crate) fn cell_break(&self, i: usize) -> bool {
        if i == 0 || i + 1 >= self.tokens.len() || self.tokens[i].kind != Kind::Break {
            return false;
        }
        let (from, to) = (self.tokens[i - 1].end, self.tokens[i + 1].start);
        from < to
            && self
                .text
                .get(from..to)
                .is_some_and(|gap| gap.contains('|') && !gap.contains('\n'))
    }

    pub(crate) fn len(&self) -> usize {
        self.tokens.len()
    }

    /// The lowercase form of word `i`, or `None` when `i` is not a word.
    #[inline]
    pub(crate) fn word(&self, i: usize) -> Option<&str> {
        let t = self.tokens.get(i)?;
        if !matches!(t.kind, Kind::Word) {
            return None;
        }
        self.lower.get(t.lower.0 as usize..t.lower.1 as usize)
    }

    /// Whether token `i` is the word `w` (given in lowercase).
    #[inline]
    pub(crate) fn is(&self, i: usize, w: &str) -> bool {
        // Called for nearly every word by every rule: lengths first, then
        // the bytes in place.
        self.word(i)
            .is_some_and(|x| x.len() == w.len() && x.bytes().zip(w.bytes()).all(|(a, b)| a == b))
    }

    /// Whether token `i` is one of `words`.
    #[inline]
    pub(crate) fn is_any(&self, i: usize, words: &[&str]) -> bool {
        self.word(i).is_some_and(|w| in_list(w, words))
    }

    /// Whether the words `phrase` follow each other from token `i`.
    #[inline]
    pub(crate) fn seq(&self, i: usize, phrase: &[&str]) -> bool {
        phrase.iter().enumerate().all(|(k, w)| self.is(i + k, w))
    }

    /// Whether token `i` is the punctuation mark `c`.
    #[inline]
    pub(crate) fn is_punct(&self, i: usize, c: char) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| matches!(t.kind, Kind::Punct(p) if p == c))
    }

    /// The original text from token `a` through token `b` (inclusive).
    pub(crate) fn slice(&self, a: usize, b: usize) -> &'a str {
        let text: &'a str = self.text;
        text.get(self.tokens[a].start..self.tokens[b].end)
            .unwrap_or_default()
    }

    /// The index of the last token of the clause that starts at `i`: the run
    /// of words up to (not including) punctuation, code or a break, at most
    /// `max` words long.
    pub(crate) fn clause_end(&self, i: usize, max: usize, stop: &[&str]) -> Option<usize> {
        let mut last = None;
        let mut j = i;
        while j < self.len() && j < i + max {
            match self.word(j) {
                Some(w) if !stop.contains(&w) => last = Some(j),
                _ => break,
            }
            j += 1;
        }
        last
    }

    /// Gives `s` a capital first letter when the text it replaces starts a
    /// sentence at token `i`.
    pub(crate) fn match_case(&self, i: usize, s: &str) -> String {
        if self
            .tokens
            .get(i)
            .is_some_and(|t| t.capitalised && t.sentence_start)
        {
            capitalise(s)
        } else {
            s.to_string()
        }
    }
}

/// Whether `w` is one of `words`. Checking the length and the first byte
/// before comparing the rest keeps the many word-list lookups of a lint run
/// cheap.
#[inline]
pub(crate) fn in_list(w: &str, words: &[&str]) -> bool {
    let w = w.as_bytes();
    let Some(&first) = w.first() else {
        return words.iter().any(|x| x.is_empty());
    };
    // Words are short: comparing bytes in place is cheaper than a call to
    // memcmp for each candidate.
    words.iter().any(|x| {
        let x = x.as_bytes();
        x.len() == w.len() && x[0] == first && x.iter().zip(w).all(|(a, b)| a == b)
    })
}

/// FNV-1a, for the word sets: short keys, no need to resist collisions.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A set of words for the lists that are asked about for nearly every word
/// of a text, where a scan of the list would cost more than the rest.
pub(crate) struct WordSet(
    std::collections::HashSet<&'static str, std::hash::BuildHasherDefault<Fnv>>,
);

impl WordSet {
    pub(crate) fn new(lists: &[&[&'static str]]) -> WordSet {
        WordSet(lists.iter().flat_map(|l| l.iter().copied()).collect())
    }

    pub(crate) fn contains(&self, w: &str) -> bool {
        self.0.contains(w)
    }
}

pub(crate) fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let doc = Doc::new(
            text,
            &[Piece::Prose {
                start: 0,
                end: text.len(),
            }],
        );
        (0..doc.len())
            .map(|i| doc.word(i).map_or_else(|| "·".to_string(), str::to_string))
            .collect()
    }

    #[test]
    fn joiners_stay_inside_words() {
        assert_eq!(
            words("The on-call didn't use just-in-time v1.2 **now**."),
            [
                "the",
                "on-call",
                "didn't",
                "use",
                "just-in-time",
                "v1.2",
                "now",
                "·"
            ]
        );
    }

    #[test]
    fn curly_apostrophes_read_as_straight() {
        assert_eq!(words("Dana\u{2019}s"), ["dana's"]);
    }
}
