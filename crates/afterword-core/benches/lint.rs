//! Lint throughput on a 10,000-word postmortem, the size the editor must
//! lint on every keystroke.

use afterword_core::lint::{lint_action_title, lint_text, LintConfig};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

#[path = "support/document.rs"]
mod document;

fn bench(c: &mut Criterion) {
    let text = document::document(10_000);
    let cfg = LintConfig::with_participants(document::PARTICIPANTS);
    let words = document::word_count(&text) as u64;

    let mut group = c.benchmark_group("lint");
    group.throughput(Throughput::Elements(words));
    group.bench_function("lint_text/10k-words", |b| {
        b.iter(|| lint_text(black_box(&text), black_box(&cfg)))
    });
    group.finish();

    c.bench_function("lint_action_title", |b| {
        b.iter(|| lint_action_title(black_box("Investigate the issue further"), black_box(&cfg)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
