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

    // Linear whatever the shape: one 500 KB line, the same text in lines,
    // and one paragraph with 10,000 findings.
    let cfg = LintConfig::default();
    let long = document::one_line(500_000);
    let lines = document::in_lines(500_000);
    let findings = document::many_findings(10_000);
    let mut group = c.benchmark_group("lint_shapes");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(long.len() as u64));
    group.bench_function("one_line/500KB", |b| {
        b.iter(|| lint_text(black_box(&long), black_box(&cfg)))
    });
    group.bench_function("in_lines/500KB", |b| {
        b.iter(|| lint_text(black_box(&lines), black_box(&cfg)))
    });
    group.throughput(Throughput::Elements(10_000));
    group.bench_function("findings/10k", |b| {
        b.iter(|| lint_text(black_box(&findings), black_box(&cfg)))
    });
    group.finish();

    c.bench_function("lint_action_title", |b| {
        b.iter(|| lint_action_title(black_box("Investigate the issue further"), black_box(&cfg)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
