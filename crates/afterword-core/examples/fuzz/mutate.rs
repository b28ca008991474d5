//! Turns seed inputs into new, slightly (or badly) broken ones.
//!
//! Blind byte changes find little in a JSON or date parser: most inputs die
//! at the first syntax check. So besides flipping and moving bytes, the
//! mutator drops in whole tokens of the formats our parsers read (JSON
//! syntax, extreme numbers, timestamps, zones, Markdown and ignore comments,
//! awkward Unicode) and repeats chunks to make long lines and deep nesting.

use afterword_core::sample::SplitMix64;

/// Pieces of the formats the parsers read.
const TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    "\"",
    ":",
    ",",
    "null",
    "true",
    "false",
    "-0",
    "1e999",
    "-1",
    "18446744073709551616",
    "9007199254740993",
    "0.1e-400",
    "NaN",
    "\"\\ud800\"",
    "\\u0000",
    "\\\"",
    "\"schema_version\":1",
    "\"schema_version\":2",
    "\"id\":\"pm-1\"",
    "\"id\":\"\"",
    "\"id\":\"../x\"",
    "\"timeline\":[{\"id\":\"e\"}]",
    "\"at\":\"2026-02-30T25:61:00Z\"",
    "\"2026-11-20T14:02:00Z\"",
    "\"+275760-09-13T00:00:00Z\"",
    "\"due\":\"2026-13-01\"",
    "\"revision\":18446744073709551615",
    "\"format\":\"afterword-bundle\"",
    "\"bundle_version\":1",
    "\"drafts\":[",
    "\"trashed\":{\"pm-1\":\"x\"}",
    "14:02",
    "23:59:60",
    "24:00",
    "UTC",
    "+14:00",
    "-12:00",
    "+99:99",
    "PM",
    "12:00 AM",
    "Nov 31",
    "2026-11-20",
    "9999-12-31",
    "(next day)",
    "\n",
    "\r\n",
    "\r",
    "\t",
    "  ",
    "`",
    "```",
    "~~~",
    "> ",
    "# ",
    "- ",
    "* ",
    "1. ",
    "| a | b |",
    "<!-- afterword-ignore -->",
    "<!-- afterword-disable hindsight -->",
    "<!-- afterword-enable -->",
    "<!--",
    "-->",
    "[link](http://x)",
    "](",
    "<b>",
    "&amp;",
    "should have",
    "human error",
    "just",
    "obviously",
    "careless",
    "why didn't",
    "\u{202e}",
    "\u{200b}",
    "\u{fe0f}",
    "e\u{301}",
    "\u{1f525}",
    "\u{10ffff}",
    "\u{feff}",
    "İ",
    "ß",
    "ǅ",
];

pub struct Mutator {
    rng: SplitMix64,
    max_bytes: usize,
}

impl Mutator {
    pub fn new(seed: u64, max_bytes: usize) -> Self {
        Mutator {
            rng: SplitMix64::new(seed),
            max_bytes,
        }
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.rng.next_u64() % n as u64) as usize
        }
    }

    /// A mutated copy of one of `seeds`, one to eight changes deep.
    pub fn mutate(&mut self, seeds: &[Vec<u8>]) -> Vec<u8> {
        let mut input = seeds
            .get(self.below(seeds.len()))
            .cloned()
            .unwrap_or_default();
        let rounds = 1 + self.below(8);
        for _ in 0..rounds {
            self.once(&mut input, seeds);
        }
        input.truncate(self.max_bytes);
        input
    }

    fn once(&mut self, input: &mut Vec<u8>, seeds: &[Vec<u8>]) {
        let len = input.len();
        match self.below(12) {
            0 if len > 0 => {
                let i = self.below(len);
                input[i] ^= 1 << self.below(8);
            }
            1 if len > 0 => {
                let i = self.below(len);
                input[i] = self.rng.next_u64() as u8;
            }
            2 => {
                let i = self.below(len + 1);
                input.insert(i, self.rng.next_u64() as u8);
            }
            3 if len > 0 => {
                let i = self.below(len);
                let n = 1 + self.below((len - i).min(64));
                input.drain(i..i + n);
            }
            4..=6 => {
                let token = TOKENS[self.below(TOKENS.len())].as_bytes();
                let at = self.below(len + 1);
                let i = self.char_boundary(input, at);
                input.splice(i..i, token.iter().copied());
            }
            7 if len > 0 => {
                // Repeat a chunk: long lines, long lists, deep nesting.
                let i = self.below(len);
                let n = 1 + self.below((len - i).min(32));
                let chunk = input[i..i + n].to_vec();
                let most = if self.rng.chance(5) { 2000 } else { 16 };
                let times = 1 + self.below(most);
                let room = self.max_bytes.saturating_sub(len) / n.max(1);
                for _ in 0..times.min(room) {
                    input.splice(i..i, chunk.iter().copied());
                }
            }
            8 if !seeds.is_empty() => {
                // Splice a piece of another input in.
                let other = &seeds[self.below(seeds.len())];
                if !other.is_empty() {
                    let a = self.below(other.len());
                    let b = a + 1 + self.below((other.len() - a).min(256));
                    let i = self.below(len + 1);
                    input.splice(i..i, other[a..b].iter().copied());
                }
            }
            9 if len > 0 => input.truncate(self.below(len)),
            10 if len > 0 => {
                // A number made extreme.
                let start = self.below(len);
                let digit = (0..len)
                    .map(|k| (k + start) % len)
                    .find(|&k| input[k].is_ascii_digit());
                if let Some(i) = digit {
                    let big: &[u8] = match self.below(4) {
                        0 => b"99999999999999999999999",
                        1 => b"0",
                        2 => b"-1",
                        _ => b"4294967296",
                    };
                    input.splice(i..i + 1, big.iter().copied());
                }
            }
            _ if len > 1 => {
                // Swap two bytes (breaks pairing of quotes and brackets).
                let (a, b) = (self.below(len), self.below(len));
                input.swap(a, b);
            }
            _ => input.extend_from_slice(TOKENS[self.below(TOKENS.len())].as_bytes()),
        }
    }

    /// Tokens go between characters most of the time, so the text stays
    /// UTF-8 and reaches the parser instead of its decoder.
    fn char_boundary(&mut self, input: &[u8], mut i: usize) -> usize {
        if self.rng.chance(10) {
            return i;
        }
        while i < input.len() && (input[i] & 0xC0) == 0x80 {
            i += 1;
        }
        i
    }
}
