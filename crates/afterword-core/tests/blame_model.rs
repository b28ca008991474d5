//! The shipped sentence model is what training on the development corpus
//! gives, so it was trained on nothing else (the held-out part stays
//! unseen) and retraining after a corpus change is never forgotten.

use afterword_core::lint::model::{encode, shipped_bytes, train, training_features, THRESHOLD};
use serde::Deserialize;

#[derive(Deserialize)]
struct Sentence {
    text: String,
    blame: bool,
}

#[test]
fn the_shipped_model_is_the_one_trained_on_the_development_part() {
    let dev = include_str!("../corpus/sentences/dev.jsonl");
    let examples: Vec<(Vec<u32>, bool)> = dev
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str::<Sentence>(l).expect("a corpus line"))
        .map(|s| (training_features(&s.text), s.blame))
        .filter(|(f, _)| !f.is_empty())
        .collect();
    let set: Vec<(&[u32], bool)> = examples.iter().map(|(f, b)| (f.as_slice(), *b)).collect();
    let (w, bias) = train(&set);
    let fresh = encode(&w, bias, THRESHOLD);
    let shipped = shipped_bytes();
    assert_eq!(
        fresh.len(),
        shipped.len(),
        "the model file has the wrong size"
    );
    // Weights may round one step apart where floating point differs across
    // machines; anything more means the file is stale.
    let off = fresh
        .iter()
        .zip(shipped)
        .skip(20)
        .filter(|(a, b)| (**a as i8).abs_diff(**b as i8) > 1)
        .count();
    assert_eq!(
        off, 0,
        "data/blame-model.bin is out of date: run `cargo run --release -p afterword-core --example train_blame_model`"
    );
}
