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
    let mut shapes = false;
    let mut disabled = Vec::new();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--emit" => emit = true,
            "--shapes" => shapes = true,
            "--disable" => disabled.extend(args.next()),
            "--words" => words = args.next().and_then(|v| v.parse().ok()).unwrap_or(words),
            "--rounds" => rounds = args.next().and_then(|v| v.parse().ok()).unwrap_or(rounds),
            _ => file = Some(arg),
        }
    }
    if shapes {
        print_shapes(rounds.min(10));
        return;
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
    let mut cfg = LintConfig::with_participants(document::PARTICIPANTS);
    cfg.disabled.extend(disabled);
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

/// Times one text, returning the findings and the seconds per run.
fn time(text: &str, cfg: &LintConfig, rounds: u32) -> (usize, f64) {
    let findings = lint_text(text, cfg).len();
    let start = Instant::now();
    for _ in 0..rounds {
        std::hint::black_box(lint_text(std::hint::black_box(text), cfg));
    }
    (
        findings,
        start.elapsed().as_secs_f64() / f64::from(rounds.max(1)),
    )
}

/// Lint time for texts of the same size in different shapes: if the linter
/// is linear, one long line costs what the same text in lines costs, and
/// ten times the findings cost about ten times as much.
fn print_shapes(rounds: u32) {
    let cfg = LintConfig::default();
    for (name, text) in [
        ("50 KB in lines", document::in_lines(50_000)),
        ("500 KB in lines", document::in_lines(500_000)),
        ("500 KB one line", document::one_line(500_000)),
        ("1,000 findings", document::many_findings(1_000)),
        ("10,000 findings", document::many_findings(10_000)),
    ] {
        let (findings, secs) = time(&text, &cfg, rounds);
        println!(
            "afterword: {name:<16} {:>7} bytes, {findings:>6} findings, {:>8.2} ms",
            text.len(),
            secs * 1000.0
        );
    }
}
