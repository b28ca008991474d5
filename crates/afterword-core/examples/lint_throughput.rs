//! Measures lint throughput in words per second, for comparison with other
//! prose linters (see scripts/bench-lint.sh).
//!
//! `lint_throughput [--emit] [--words N] [--rounds N] [FILE]`
//! - `--emit` prints the generated document and exits, so another tool can
//!   lint exactly the same text;
//! - with FILE, lints that file instead of the generated document.

use afterword_core::lint::{lint_text, LintConfig};
use std::time::Instant;

#[path = "../benches/support/document.rs"]
mod document;

fn main() {
    let mut args = std::env::args().skip(1);
    let mut emit = false;
    let mut words = 10_000;
    let mut rounds = 50;
    let mut file = None;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--emit" => emit = true,
            "--words" => words = args.next().and_then(|v| v.parse().ok()).unwrap_or(words),
            "--rounds" => rounds = args.next().and_then(|v| v.parse().ok()).unwrap_or(rounds),
            _ => file = Some(arg),
        }
    }
    let text = match file {
        Some(path) => match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) => {
                eprintln!("cannot read {path}: {e}");
                std::process::exit(2);
            }
        },
        None => document::document(words),
    };
    if emit {
        print!("{text}");
        return;
    }
    let cfg = LintConfig::with_participants(document::PARTICIPANTS);
    let count = document::word_count(&text);
    // One warm-up run, then the timed rounds.
    let findings = lint_text(&text, &cfg).len();
    let start = Instant::now();
    for _ in 0..rounds {
        std::hint::black_box(lint_text(std::hint::black_box(&text), &cfg));
    }
    let secs = start.elapsed().as_secs_f64() / f64::from(rounds);
    println!(
        "afterword: {count} words, {findings} findings, {:.3} ms per run, {:.0} words/s",
        secs * 1000.0,
        count as f64 / secs
    );
}
