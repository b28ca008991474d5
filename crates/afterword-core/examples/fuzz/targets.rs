//! The parsers the fuzzer feeds, and the inputs each one starts from.
//!
//! To fuzz another parser, add one [`Target`] to [`targets`]: a name, a
//! function that takes any text and must neither panic nor hang, and the
//! seed inputs (real examples of what the parser reads; the fuzzer mutates
//! them). Seeds may come from fixture files with [`fixture`].

use afterword_core::export::bundle::{plan_restore, read_bundle, to_bundle_json, Bundle};
use afterword_core::export::json::{import_json, to_json};
use afterword_core::export::markdown::{to_markdown, MarkdownOptions};
use afterword_core::import::{
    authors, import_markdown, read_chat, to_events, ChatFile, MarkdownImportOptions,
};
use afterword_core::lint::{lint_document, lint_text, LintConfig};
use afterword_core::restore::{diagnose, restore};
use afterword_core::sample::generate_samples;
use afterword_core::store::{KeyValueStore, Library, MemoryStore};
use afterword_core::timeline_paste::{parse_timeline, PasteContext};

pub struct Target {
    pub name: &'static str,
    pub run: fn(&str),
    pub seeds: Vec<String>,
}

/// Every fuzzed parser.
pub fn targets() -> Vec<Target> {
    let samples = generate_samples(
        6,
        7,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap_or_default(),
    );
    let docs: Vec<String> = samples.iter().map(to_json).collect();
    let mut doc_seeds = docs.clone();
    doc_seeds.extend(
        [
            "valid.json",
            "wrong-types.json",
            "future-version.json",
            "truncated.json",
        ]
        .iter()
        .filter_map(|f| fixture(f)),
    );
    let bundle = to_bundle_json(&Bundle::new(
        chrono::DateTime::UNIX_EPOCH,
        samples.iter().take(3).cloned().collect(),
        vec![serde_json::json!({"id": "team", "name": "Team"})],
        serde_json::json!({"lint": {"disabled": ["hindsight"]}}),
    ));
    let mut bundle_seeds = vec![bundle];
    bundle_seeds.extend(fixture("bundle-one-bad.json"));
    let prose: Vec<String> = samples
        .iter()
        .flat_map(|d| {
            [
                d.summary.clone(),
                d.analysis.went_wrong.clone(),
                to_markdown(d, &MarkdownOptions::default()),
            ]
        })
        .filter(|t| !t.is_empty())
        .take(12)
        .collect();
    let paste = vec![
        "14:02 UTC paged the on-call engineer\n14:05 - rollback started\n".to_owned(),
        "2026-11-20 23:58 - deploy 2.14 went out\n00:03 errors rose (next day)\n\
         Nov 21 00:10 +01:00 status page updated\n10:15 PM acknowledged\n"
            .to_owned(),
        "[14:02:33] alice: restarting the pool\n- 14:07 cache flushed\n* 1400 noted\n".to_owned(),
    ];
    let markdown_seeds: Vec<String> = [
        "atlassian-style.md",
        "gitlab-style.md",
        "pagerduty-style.md",
        "sre-book-style.md",
    ]
    .iter()
    .filter_map(|f| core_fixture(&format!("import/{f}")))
    .chain(prose.iter().cloned())
    .collect();
    let chat_seeds: Vec<String> = [
        "mattermost-export.jsonl",
        "plain-log.txt",
        "slack-messages.json",
        "teams-messages.json",
        "slack-channel/2024-03-01.json",
    ]
    .iter()
    .filter_map(|f| core_fixture(&format!("import/chat/{f}")))
    .collect();
    vec![
        Target {
            name: "markdown import",
            run: |s| {
                let opts = MarkdownImportOptions {
                    id: "pm-1".into(),
                    now: chrono::DateTime::UNIX_EPOCH,
                    overrides: Default::default(),
                };
                if let Ok(read) = import_markdown(s, &opts) {
                    let _ = to_json(&read.doc);
                }
            },
            seeds: markdown_seeds,
        },
        Target {
            name: "chat import",
            run: |s| {
                let ctx = PasteContext {
                    default_date: chrono::NaiveDate::from_ymd_opt(2024, 3, 1),
                    assume_utc_offset_minutes: 0,
                };
                // As one file, and as a channel folder with its user list.
                for name in ["export.json", "2024-03-01.json"] {
                    let files = [
                        ChatFile {
                            name: name.into(),
                            text: s.to_owned(),
                        },
                        ChatFile {
                            name: "users.json".into(),
                            text: r#"[{"id":"U1","name":"ana"}]"#.into(),
                        },
                    ];
                    if let Ok(export) =
                        read_chat(&files[..if name == "export.json" { 1 } else { 2 }], ctx)
                    {
                        let picked: Vec<usize> = (0..export.messages.len()).collect();
                        let _ = authors(&export.messages);
                        let _ = to_events(&export.messages, &picked, &Default::default(), |i| {
                            format!("ev-{i}")
                        });
                    }
                }
            },
            seeds: chat_seeds,
        },
        Target {
            name: "json import",
            run: |s| {
                if let Ok(doc) = import_json(s) {
                    let _ = to_json(&doc);
                    let _ = to_markdown(&doc, &MarkdownOptions::default());
                }
                let _ = diagnose(s);
            },
            seeds: doc_seeds.clone(),
        },
        Target {
            name: "draft restore (storage)",
            run: |s| {
                let _ = restore(s);
                let store = MemoryStore::new();
                let _ = store.set("fuzz:draft:pm-1", s);
                let _ = store.set("fuzz:index", s);
                let _ = store.set("fuzz:trash", s);
                let lib = Library::new(&store, "fuzz");
                let loaded = lib.load();
                for (_, mut doc) in loaded.drafts {
                    let _ = lib.save(&mut doc, chrono::DateTime::UNIX_EPOCH);
                }
                let _ = lib.open("pm-1");
            },
            seeds: doc_seeds,
        },
        Target {
            name: "backup bundle",
            run: |s| {
                if let Ok(read) = read_bundle(s) {
                    let _ = plan_restore(&read, &["pm-1"]);
                }
            },
            seeds: bundle_seeds,
        },
        Target {
            name: "timeline paste",
            run: |s| {
                let ctx = PasteContext {
                    default_date: chrono::NaiveDate::from_ymd_opt(2026, 11, 20),
                    assume_utc_offset_minutes: 60,
                };
                let parsed = parse_timeline(s, ctx);
                let _ = parsed.to_timeline_events(|i| format!("ev-{i}"));
            },
            seeds: paste,
        },
        Target {
            name: "markdown linter",
            run: |s| {
                let _ = lint_text(s, &LintConfig::default());
            },
            seeds: prose,
        },
        Target {
            name: "document linter",
            run: |s| {
                if let Ok(doc) = restore(s) {
                    let _ = lint_document(&doc, &LintConfig::default());
                }
            },
            seeds: docs,
        },
    ]
}

/// A fixture file of the core's tests, if it is there.
pub fn core_fixture(name: &str) -> Option<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/");
    std::fs::read_to_string(format!("{dir}{name}")).ok()
}

/// A fixture file of the command line's tests, if it is there.
pub fn fixture(name: &str) -> Option<String> {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../afterword-cli/tests/fixtures/"
    );
    std::fs::read_to_string(format!("{dir}{name}")).ok()
}
