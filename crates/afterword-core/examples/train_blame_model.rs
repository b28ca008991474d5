//! Trains the sentence model of the `reads-as-blame` rule on the
//! development part of the corpus and writes `data/blame-model.bin`. It
//! reads no other file: the held-out part stays unseen.
//!
//! `train_blame_model [--cv K] [--out FILE] [DEV_JSONL]`
//!
//! With `--cv K` it trains on K−1 folds of the development part and scores
//! the fold left out, for every fold, then prints what the rules and the
//! model together would catch at each threshold: that is how the shipped
//! threshold is chosen. Training is deterministic, so the same corpus gives
//! the same file (a test checks the shipped one against it).

use afterword_core::lint::model::{self, encode, training_features};
use afterword_core::lint::{lint_text, LintConfig};
use serde::Deserialize;
use std::path::PathBuf;

#[derive(Deserialize)]
struct Sentence {
    text: String,
    blame: bool,
}

/// The threshold shipped: chosen with `--cv 5` as the lowest at which the
/// rules and the model together keep a precision near 0.95 on the folds.
const THRESHOLD: f32 = model::THRESHOLD;

struct Example {
    features: Vec<u32>,
    blame: bool,
}

/// The features of a corpus sentence: those of every part of it that
/// mentions a person (most are one sentence). `None` when no person is
/// mentioned, so the model never sees it.
fn example(s: &Sentence) -> Option<Example> {
    let features = training_features(&s.text);
    if features.is_empty() {
        return None;
    }
    Some(Example {
        features,
        blame: s.blame,
    })
}

fn train(examples: &[&Example]) -> (Vec<f32>, f32) {
    let set: Vec<(&[u32], bool)> = examples
        .iter()
        .map(|e| (e.features.as_slice(), e.blame))
        .collect();
    model::train(&set)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let mut cv: Option<usize> = None;
    let mut out = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/blame-model.bin");
    let mut dev = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus/sentences/dev.jsonl");
    while let Some(a) = args.next() {
        match a.as_str() {
            "--cv" => cv = args.next().and_then(|k| k.parse().ok()),
            "--out" => out = args.next().map(PathBuf::from).unwrap_or(out),
            other => dev = PathBuf::from(other),
        }
    }
    let text = std::fs::read_to_string(&dev).unwrap_or_else(|e| {
        eprintln!("cannot read {}: {e}", dev.display());
        std::process::exit(2);
    });
    let sentences: Vec<Sentence> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("a corpus line"))
        .collect();

    if let Some(k) = cv.filter(|&k| k >= 2) {
        cross_validate(&sentences, k);
        return;
    }
    let examples: Vec<Example> = sentences.iter().filter_map(example).collect();
    let refs: Vec<&Example> = examples.iter().collect();
    let (w, bias) = train(&refs);
    std::fs::write(&out, encode(&w, bias, THRESHOLD)).unwrap_or_else(|e| {
        eprintln!("cannot write {}: {e}", out.display());
        std::process::exit(1);
    });
    println!(
        "trained on {} sentences that mention a person ({} in {}); wrote {}",
        examples.len(),
        sentences.len(),
        dev.display(),
        out.display()
    );
}

/// Rules alone, and rules with the model at several thresholds, scored on
/// each fold with a model that never saw it.
fn cross_validate(sentences: &[Sentence], k: usize) {
    let mut rules_only = LintConfig::default();
    rules_only.disabled.insert("reads-as-blame".to_string());
    let by_rules: Vec<bool> = sentences
        .iter()
        .map(|s| !lint_text(&s.text, &rules_only).is_empty())
        .collect();
    let examples: Vec<Option<Example>> = sentences.iter().map(example).collect();
    let mut p = vec![0f32; sentences.len()];
    for fold in 0..k {
        let train_set: Vec<&Example> = examples
            .iter()
            .enumerate()
            .filter(|(i, _)| i % k != fold)
            .filter_map(|(_, e)| e.as_ref())
            .collect();
        let (w, bias) = train(&train_set);
        for (i, e) in examples.iter().enumerate() {
            if i % k == fold {
                p[i] = e
                    .as_ref()
                    .map_or(0.0, |e| model::probability(&w, bias, &e.features));
            }
        }
    }
    let line = |label: &str, flagged: &dyn Fn(usize) -> bool| {
        let (mut tp, mut fp, mut fn_) = (0, 0, 0);
        for (i, s) in sentences.iter().enumerate() {
            match (s.blame, flagged(i)) {
                (true, true) => tp += 1,
                (false, true) => fp += 1,
                (true, false) => fn_ += 1,
                _ => {}
            }
        }
        let prec = f64::from(tp) / f64::from((tp + fp).max(1));
        let rec = f64::from(tp) / f64::from((tp + fn_).max(1));
        println!("{label:<22} precision {prec:.3}  recall {rec:.3}  (tp {tp} fp {fp} fn {fn_})");
    };
    line("rules", &|i| by_rules[i]);
    for t in [0.5f32, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95] {
        line(&format!("model alone ≥ {t:.2}"), &|i| p[i] >= t);
        line(&format!("rules + model ≥ {t:.2}"), &|i| {
            by_rules[i] || p[i] >= t
        });
    }
}
