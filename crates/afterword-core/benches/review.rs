//! What the follow-up review screen costs with a library of 500 reports:
//! reading them from storage, building the filtered and sorted action list,
//! and the monthly trends over a year.

use std::hint::black_box;

use afterword_core::model::{ActionStatus, Postmortem};
use afterword_core::restore::restore;
use afterword_core::review::{
    collect_actions, review_csv, review_markdown, sort_actions, trends, ActionFilter, SortColumn,
};
use afterword_core::sample::generate_samples;
use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion};

const DRAFTS: usize = 500;
const SEED: u64 = 2026;

/// The day the library is read on.
fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 20).unwrap_or_default()
}

fn library() -> Vec<Postmortem> {
    generate_samples(DRAFTS, SEED, today())
}

fn year() -> (NaiveDate, NaiveDate) {
    let from = NaiveDate::from_ymd_opt(2025, 12, 1).unwrap_or_default();
    let to = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap_or_default();
    (from, to)
}

fn bench_review(c: &mut Criterion) {
    let docs = library();
    let stored: Vec<String> = docs
        .iter()
        .filter_map(|d| serde_json::to_string(d).ok())
        .collect();
    let today = today();
    let (from, to) = year();

    c.bench_function("review/open: restore 500 drafts from JSON", |b| {
        b.iter(|| {
            let docs: Vec<Postmortem> = stored.iter().filter_map(|s| restore(s).ok()).collect();
            black_box(docs)
        })
    });

    let pending = ActionFilter {
        status: Some(vec![ActionStatus::Open, ActionStatus::InProgress]),
        text: Some("alert".into()),
        ..ActionFilter::default()
    };
    c.bench_function(
        "review/list: collect + filter + sort by due (500 drafts)",
        |b| {
            b.iter(|| {
                let rows = collect_actions(black_box(&docs), today);
                let mut shown = pending.apply(&rows);
                sort_actions(&mut shown, SortColumn::Due, false);
                black_box(shown.len())
            })
        },
    );
    c.bench_function("review/list: collect + sort by owner, all rows", |b| {
        b.iter(|| {
            let mut rows = collect_actions(black_box(&docs), today);
            sort_actions(&mut rows, SortColumn::Owner, true);
            black_box(rows)
        })
    });

    c.bench_function("review/trends: 12 months (500 drafts)", |b| {
        b.iter(|| black_box(trends(black_box(&docs), from, to)))
    });

    let rows = collect_actions(&docs, today);
    let t = trends(&docs, from, to);
    c.bench_function("review/export: Markdown agenda", |b| {
        b.iter(|| black_box(review_markdown(black_box(&rows), &t, today)))
    });
    c.bench_function("review/export: CSV", |b| {
        b.iter(|| black_box(review_csv(black_box(&rows))))
    });
}

criterion_group!(benches, bench_review);
criterion_main!(benches);
