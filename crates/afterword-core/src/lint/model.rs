//! A second reading of every sentence that has a person in it: a small
//! linear model over the sentence's words, with each person replaced by a
//! placeholder, and over the words just around each person. The rules know
//! the phrases of blame; the model weighs how a whole sentence is built
//! ("Priya approved the PR without opening the diff"), so it catches wording
//! no rule lists.
//!
//! It is trained only on the development part of the corpus
//! (`examples/train_blame_model.rs`, which never reads the held-out part) and
//! shipped as `data/blame-model.bin`: a header, then one signed byte per
//! hashed feature. Sentences with no person in them are never scored, so
//! the model cannot flag "the cron job failed to run".

use super::people::{strip_possessive, Level, People};
use super::roles;
use super::systems::is_system;
use super::tokens::{in_list, Doc, Kind};

/// How many weights the model has (features are hashed into them).
pub const BUCKETS: usize = 1 << 15;

const MAGIC: &[u8; 8] = b"AWBLAME1";
const HEADER: usize = 8 + 4 + 4 + 4;

/// How a person is referred to in a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Who {
    /// A name the linter is sure of.
    Name,
    /// A capitalised word that may be a name.
    MaybeName,
    Role,
    Pronoun,
}

/// One person in a sentence: tokens `start..=end`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Mention {
    pub start: usize,
    pub end: usize,
    pub who: Who,
}

/// A sentence (or list item, or table cell) with at least one person in
/// it: tokens `start..end`.
pub(crate) struct Sentence {
    pub start: usize,
    pub end: usize,
    pub people: Vec<Mention>,
}

/// Pronouns that stand for people.
const PRONOUNS: &[&str] = &[
    "he",
    "she",
    "they",
    "him",
    "them",
    "someone",
    "somebody",
    "nobody",
    "anyone",
    "anybody",
    "everyone",
    "everybody",
    "whoever",
    "you",
    "we",
    "i",
    "us",
];

/// Every sentence of `doc` that mentions a person.
pub(crate) fn sentences(doc: &Doc, people: &People) -> Vec<Sentence> {
    let mut out = Vec::new();
    let n = doc.len();
    let mut start = 0;
    while start < n {
        let mut end = start + 1;
        while end < n && doc.tokens[end].kind != Kind::Break && !doc.tokens[end].sentence_start {
            end += 1;
        }
        let mentions = mentions(doc, people, start, end);
        // A line that ends in a colon introduces what follows ("The warning
        // Ravi found on edge-fra-03:"): it states nothing itself.
        let introduces = doc.is_punct(end - 1, ':');
        if !mentions.is_empty() && !introduces {
            out.push(Sentence {
                start,
                end,
                people: mentions,
            });
        }
        start = end;
        while start < n && doc.tokens[start].kind == Kind::Break {
            start += 1;
        }
    }
    out
}

fn mentions(doc: &Doc, people: &People, start: usize, end: usize) -> Vec<Mention> {
    let mut out = Vec::new();
    // Role mentions are at most four words long and end in a role word:
    // only look for one where such a word is near.
    let roleish: Vec<bool> = (start..end)
        .map(|k| {
            doc.word(k).is_some_and(|w| {
                let w = strip_possessive(w);
                roles::is_role_word(w) || in_list(w, &["humans", "human", "people"])
            })
        })
        .collect();
    let role_near = |i: usize| roleish[i - start..(i + 5).min(end) - start].contains(&true);
    let mut i = start;
    while i < end {
        let Some(w) = doc.word(i) else {
            i += 1;
            continue;
        };
        // A capitalised word that may be a name but is also a product, a
        // place or a day ("Travis", "Tuesday") is left to the rules, which
        // ask for a verb only people do.
        let base = strip_possessive(w);
        // And a capitalised word no name list knows, unless the text shows
        // it is a person: "Shared Budgets", "App Store".
        let doubtful = people.level(i) == Level::Maybe
            && (is_system(base) || super::names::lookup(base).is_none());
        // "\"Unknown\" is a different outcome": a quoted word is a term.
        let quote = |k: usize| {
            matches!(
                doc.tokens.get(k).map(|t| t.kind),
                Some(Kind::Punct('"' | '\u{201c}' | '\u{201d}'))
            )
        };
        let quoted = i > 0 && quote(i - 1) && quote(i + 1);
        if people.level(i) >= Level::Maybe && !doubtful && !quoted {
            let mut e = i;
            let mut sure = people.level(i) == Level::Sure;
            while e + 1 < end
                && people.level(e + 1) >= Level::Maybe
                && !doc.word(e).unwrap_or_default().ends_with("'s")
            {
                e += 1;
                sure |= people.level(e) == Level::Sure;
            }
            let who = if sure { Who::Name } else { Who::MaybeName };
            out.push(Mention {
                start: i,
                end: e,
                who,
            });
            i = e + 1;
            continue;
        }
        if let Some(e) = role_near(i)
            .then(|| roles::role_starting_at(doc, i))
            .flatten()
            .filter(|&e| e < end)
        {
            out.push(Mention {
                start: i,
                end: e,
                who: Who::Role,
            });
            i = e + 1;
            continue;
        }
        if in_list(w, PRONOUNS) {
            out.push(Mention {
                start: i,
                end: i,
                who: Who::Pronoun,
            });
        }
        i += 1;
    }
    out
}

/// FNV-1a over the parts of a feature name.
fn hash(parts: &[&str]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for (k, p) in parts.iter().enumerate() {
        if k > 0 {
            h ^= 0x1f;
            h = h.wrapping_mul(0x0100_0193);
        }
        for b in p.bytes() {
            h ^= u32::from(b);
            h = h.wrapping_mul(0x0100_0193);
        }
    }
    h % (BUCKETS as u32)
}

/// Verbs of fault that, after "it" or "which", are said of a program.
const SYSTEM_FAULTS: &[&str] = &[
    "ignored",
    "ignores",
    "missed",
    "skipped",
    "dropped",
    "failed",
    "refused",
    "forgot",
    "lost",
    "broke",
    "overlooked",
    "rejected",
    "hung",
    "crashed",
    "stalled",
    "neglected",
];

/// The words of a sentence as the model sees them: people replaced by what
/// kind of mention they are, numbers and times by one token, code by one, a
/// program's fault ("it ignored") by one.
fn words<'a>(doc: &'a Doc, s: &Sentence) -> Vec<&'a str> {
    let mut out = Vec::with_capacity(s.end - s.start);
    let mut i = s.start;
    while i < s.end {
        if let Some(m) = s.people.iter().find(|m| m.start == i) {
            let possessive = doc
                .word(m.end)
                .is_some_and(|w| w.ends_with("'s") || w.ends_with('\''));
            out.push(match (m.who, possessive) {
                (Who::Name, false) => "<name>",
                (Who::Name, true) => "<name's>",
                (Who::MaybeName, false) => "<maybe>",
                (Who::MaybeName, true) => "<maybe's>",
                (Who::Role, false) => "<role>",
                (Who::Role, true) => "<role's>",
                (Who::Pronoun, _) => doc.word(i).unwrap_or("<pronoun>"),
            });
            i = m.end + 1;
            continue;
        }
        let t = &doc.tokens[i];
        match t.kind {
            Kind::Word => {
                let w = doc.word(i).unwrap_or_default();
                if w.bytes().next().is_some_and(|b| b.is_ascii_digit()) {
                    out.push("<num>");
                } else if i > s.start
                    && doc.is_any(i - 1, &["it", "which"])
                    && doc.is_any(i, SYSTEM_FAULTS)
                {
                    // "because it ignored SIGTERM": a program at fault, said
                    // with the verbs used of people.
                    out.push("<it-fault>");
                } else if fails_over(doc, i, s.end) {
                    // "failed over to the replica", "we failed the cluster
                    // over": the operation, not a failure.
                    out.push("<failover>");
                } else {
                    out.push(strip_possessive(w));
                }
            }
            Kind::Code => out.push("<code>"),
            Kind::Punct('?') => out.push("?"),
            Kind::Punct(',') => out.push(","),
            Kind::Punct(':') => out.push(":"),
            Kind::Punct('"') | Kind::Punct('\u{201c}') | Kind::Punct('\u{201d}') => out.push("\""),
            _ => {}
        }
        i += 1;
    }
    out
}

/// Whether word `i` is "fail" in "fail over" / "fail the cluster over".
fn fails_over(doc: &Doc, i: usize, end: usize) -> bool {
    if !doc.is_any(i, &["fail", "fails", "failed", "failing"]) {
        return false;
    }
    (i + 1..(i + 6).min(end))
        .take_while(|&k| {
            doc.word(k)
                .is_some_and(|w| !matches!(w, "to" | "and" | "because"))
        })
        .any(|k| {
            doc.is(k, "over")
                && !doc
                    .word(k + 1)
                    .is_some_and(|w| w.bytes().all(|b| b.is_ascii_digit()))
        })
}

/// The hashed features of one sentence.
pub(crate) fn features(doc: &Doc, s: &Sentence) -> Vec<u32> {
    let w = words(doc, s);
    let mut f = Vec::with_capacity(w.len() * 5 + 1);
    f.push(hash(&["bias"]));
    for (k, word) in w.iter().enumerate() {
        f.push(hash(&["u", word]));
        if let Some(next) = w.get(k + 1) {
            f.push(hash(&["b", word, next]));
        }
        if word.starts_with('<') && word.len() > 2 && *word != "<num>" && *word != "<code>"
            || PRONOUNS.contains(word)
        {
            // The words around a person: what they did, what was theirs.
            if let Some(next) = w.get(k + 1) {
                f.push(hash(&["a+1", word, next]));
                f.push(hash(&["a+1", next]));
                if let Some(next2) = w.get(k + 2) {
                    f.push(hash(&["a+2", next, next2]));
                    f.push(hash(&["a~", next2]));
                }
                if let Some(next3) = w.get(k + 3) {
                    f.push(hash(&["a~", next3]));
                }
            }
            if k > 0 {
                f.push(hash(&["a-1", w[k - 1], word]));
            } else {
                f.push(hash(&["a0", word]));
            }
        }
    }
    f.sort_unstable();
    f.dedup();
    f
}

/// The shipped weights.
pub(crate) struct Model {
    scale: f32,
    bias: f32,
    threshold: f32,
    weights: &'static [u8],
}

impl Model {
    /// The model in `data/blame-model.bin`, or `None` when the file is not
    /// one (then the layer is silent and every rule still runs).
    pub(crate) fn shipped() -> Option<Model> {
        let b = super::data::model()?;
        if b.len() != HEADER + BUCKETS || &b[..8] != MAGIC {
            return None;
        }
        let f = |at: usize| f32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]]);
        Some(Model {
            scale: f(8),
            bias: f(12),
            threshold: f(16),
            weights: &b[HEADER..],
        })
    }

    /// The probability that a sentence with these features puts a person
    /// at the centre of a failure.
    pub(crate) fn score(&self, features: &[u32]) -> f32 {
        let mut z = self.bias;
        for &h in features {
            let w = self.weights[h as usize] as i8;
            z += f32::from(w) * self.scale;
        }
        1.0 / (1.0 + (-z).exp())
    }

    pub(crate) fn threshold(&self) -> f32 {
        self.threshold
    }
}

/// The threshold the shipped model flags at: chosen with the training
/// example's `--cv 5` as the lowest at which the rules and the model
/// together keep a precision near 0.95 on folds the model did not see.
pub const THRESHOLD: f32 = 0.85;

const EPOCHS: usize = 5;
const RUNS: usize = 7;
const RATE: f32 = 0.3;
const L2: f32 = 1e-3;
/// Most sentences that mention a person are not blame, though the corpus
/// holds more blameful ones: a blameless example counts this many times.
const BLAMELESS_WEIGHT: f32 = 2.0;

/// Logistic regression by AdaGrad over `(features, blame)` examples, in a
/// fixed order, so the same examples always give the same weights. Returns
/// the weights and the bias.
pub fn train(examples: &[(&[u32], bool)]) -> (Vec<f32>, f32) {
    // The average of a few runs in different orders: one run's weights
    // depend on the order it saw the examples in, and the average is
    // steadier on text none of them saw.
    let mut w = vec![0f32; BUCKETS];
    let mut bias = 0f32;
    for seed in 0..RUNS {
        let (wi, bi) = train_once(
            examples,
            0x9e37_79b9_7f4a_7c15u64 ^ (seed as u64 * 0x2545_f491),
        );
        for (a, b) in w.iter_mut().zip(&wi) {
            *a += b / RUNS as f32;
        }
        bias += bi / RUNS as f32;
    }
    (w, bias)
}

fn train_once(examples: &[(&[u32], bool)], seed: u64) -> (Vec<f32>, f32) {
    let mut w = vec![0f32; BUCKETS];
    let mut g2 = vec![1e-6f32; BUCKETS];
    let (mut bias, mut bias_g2) = (0f32, 1e-6f32);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = seed;
    for _ in 0..EPOCHS {
        for i in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            let j = usize::try_from(rng % (i as u64 + 1)).unwrap_or(0);
            order.swap(i, j);
        }
        for &k in &order {
            let (features, blame) = examples[k];
            let p = probability(&w, bias, features);
            let err = if blame { p - 1.0 } else { p * BLAMELESS_WEIGHT };
            for &h in features {
                let h = h as usize;
                let g = err + L2 * w[h];
                g2[h] += g * g;
                w[h] -= RATE * g / g2[h].sqrt();
            }
            bias_g2 += err * err;
            bias -= RATE * err / bias_g2.sqrt();
        }
    }
    (w, bias)
}

/// The model's reading of `features` with unquantised weights, as in
/// training.
pub fn probability(weights: &[f32], bias: f32, features: &[u32]) -> f32 {
    let z = bias + features.iter().map(|&h| weights[h as usize]).sum::<f32>();
    1.0 / (1.0 + (-z).exp())
}

/// The bytes of a model file: weights quantised to one signed byte each.
pub fn encode(weights: &[f32], bias: f32, threshold: f32) -> Vec<u8> {
    let max = weights.iter().fold(0f32, |m, w| m.max(w.abs())).max(1e-6);
    let scale = max / 127.0;
    let mut out = Vec::with_capacity(HEADER + BUCKETS);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&scale.to_le_bytes());
    out.extend_from_slice(&bias.to_le_bytes());
    out.extend_from_slice(&threshold.to_le_bytes());
    for &w in weights.iter().take(BUCKETS) {
        let q = (w / scale).round().clamp(-127.0, 127.0) as i8;
        out.push(q as u8);
    }
    out.resize(HEADER + BUCKETS, 0);
    out
}

/// The features a corpus sentence is trained on: those of every part of it
/// that mentions a person (most are one sentence), merged. Empty when no
/// person is mentioned: the model never sees such a sentence.
pub fn training_features(text: &str) -> Vec<u32> {
    let mut f: Vec<u32> = text_features(text).into_iter().flatten().collect();
    f.sort_unstable();
    f.dedup();
    f
}

/// The shipped model file.
pub fn shipped_bytes() -> &'static [u8] {
    super::data::model().unwrap_or(&[])
}

/// The features of every sentence of `text` that mentions a person, as the
/// linter sees them with no participant list: what the training example
/// learns from.
pub fn text_features(text: &str) -> Vec<Vec<u32>> {
    let scan = super::markdown::scan(text);
    let doc = Doc::new(text, &scan.pieces);
    let people = People::new(&[], &doc);
    sentences(&doc, &people)
        .iter()
        .map(|s| features(&doc, s))
        .collect()
}
