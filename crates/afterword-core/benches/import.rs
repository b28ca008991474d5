//! What the import screens cost: reading a 10,000-message Slack export and
//! a Mattermost one of the same size, picking messages by keyword, and
//! reading a long Markdown postmortem back in.

use std::hint::black_box;

use afterword_core::export::markdown::{to_markdown, MarkdownOptions};
use afterword_core::import::{
    import_markdown, read_chat, ChatFile, ChatFilter, MarkdownImportOptions,
};
use afterword_core::sample::generate_samples;
use afterword_core::timeline_paste::PasteContext;
use chrono::{DateTime, Utc};
use criterion::{criterion_group, criterion_main, Criterion};

const MESSAGES: usize = 10_000;

fn slack_export() -> String {
    let items: Vec<String> = (0..MESSAGES)
        .map(|i| {
            format!(
                r#"{{"type":"message","ts":"{}.000{:03}","user":"U{:02}","text":"<@U{:02}> step {i}: checked <https://dashboards.example.com/d/{i}|graph {i}> :eyes:","pinned_to":{}}}"#,
                1_709_284_800 + i * 7,
                i % 1000,
                i % 12,
                (i + 1) % 12,
                if i % 50 == 0 { "[\"C1\"]" } else { "[]" }
            )
        })
        .collect();
    format!("[{}]", items.join(",\n"))
}

fn mattermost_export() -> String {
    (0..MESSAGES)
        .map(|i| {
            format!(
                r#"{{"type":"post","post":{{"team":"t","channel":"c","user":"user{}","message":"step {i} done :white_check_mark:","create_at":{}}}}}"#,
                i % 12,
                1_709_284_800_000u64 + i as u64 * 7_000
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn bench_import(c: &mut Criterion) {
    let slack = vec![ChatFile {
        name: "2024-03-01.json".into(),
        text: slack_export(),
    }];
    let mm = vec![ChatFile {
        name: "export.jsonl".into(),
        text: mattermost_export(),
    }];
    c.bench_function("import/chat: read 10,000 Slack messages", |b| {
        b.iter(|| black_box(read_chat(black_box(&slack), PasteContext::default())))
    });
    c.bench_function("import/chat: read 10,000 Mattermost posts", |b| {
        b.iter(|| black_box(read_chat(black_box(&mm), PasteContext::default())))
    });
    if let Ok(export) = read_chat(&slack, PasteContext::default()) {
        let filter = ChatFilter {
            keyword: "step 99".into(),
            ..ChatFilter::default()
        };
        c.bench_function("import/chat: keyword filter over 10,000 messages", |b| {
            b.iter(|| black_box(filter.pick(black_box(&export.messages))))
        });
    }
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap_or_default();
    let docs = generate_samples(1, 7, today);
    let md = docs
        .first()
        .map(|d| to_markdown(d, &MarkdownOptions::default()))
        .unwrap_or_default();
    let opts = MarkdownImportOptions {
        id: "pm-bench".into(),
        now: DateTime::<Utc>::from_timestamp(1_700_000_000, 0).unwrap_or_default(),
        overrides: Default::default(),
    };
    c.bench_function("import/markdown: read a sample postmortem back", |b| {
        b.iter(|| black_box(import_markdown(black_box(&md), &opts)))
    });
}

criterion_group!(benches, bench_import);
criterion_main!(benches);
