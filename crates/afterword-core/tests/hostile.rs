//! Files from elsewhere: broken, huge, deeply nested or malicious. Each one
//! gets a clear answer and never a panic. (How fast the answer comes is
//! measured by the benchmarks, not asserted here.)

mod common;

use afterword_core::export::bundle::{read_bundle, MAX_BUNDLE_BYTES};
use afterword_core::export::json::{import_json, to_json};
use afterword_core::export::markdown::{to_markdown, MarkdownOptions};
use afterword_core::export::ImportError;
use afterword_core::restore::{diagnose, RestoreError, MAX_DOCUMENT_BYTES};
use common::*;
use serde_json::Value;

#[test]
fn truncated_json_names_the_position() {
    let raw = to_json(&full_doc());
    for cut in [1, raw.len() / 3, raw.len() - 2] {
        let err = import_json(&raw[..cut]).unwrap_err();
        assert!(
            matches!(err, ImportError::Document(RestoreError::NotJson { .. })),
            "{err:?}"
        );
        assert!(
            err.to_string().starts_with("not valid JSON (line "),
            "{err}"
        );
    }
    assert!(import_json("").is_err());
}

#[test]
fn wrong_types_name_the_path() {
    let mut v: Value = serde_json::from_str(&to_json(&full_doc())).unwrap();
    v["action_items"][0]["due"] = "next week".into();
    let err = import_json(&v.to_string()).unwrap_err().to_string();
    assert!(
        err.starts_with("action_items[0].due: not a date such as 2026-11-20"),
        "{err}"
    );
    v["action_items"][0]["due"] = serde_json::Value::Null;
    v["impact"]["customers_affected"] = "many".into();
    let err = import_json(&v.to_string()).unwrap_err().to_string();
    assert!(
        err.starts_with("impact.customers_affected: invalid type: string \"many\""),
        "{err}"
    );
}

#[test]
fn every_problem_is_listed_with_its_path() {
    let mut v: Value = serde_json::from_str(&to_json(&full_doc())).unwrap();
    v["title"] = 1.into();
    v["timeline"][0]["at"] = "soon".into();
    v["timeline"][2]["starred"] = "yes".into();
    v["action_items"][0]["status"] = "maybe".into();
    v["links"][0].as_object_mut().unwrap().remove("id");
    v["impact"]["business_metrics"][0]["id"] = "".into();
    let problems: Vec<String> = diagnose(&v.to_string())
        .iter()
        .map(|p| p.to_string())
        .collect();
    let mut paths: Vec<&str> = problems
        .iter()
        .map(|p| p.split(':').next().unwrap_or(""))
        .collect();
    paths.sort_unstable();
    assert_eq!(
        paths,
        [
            "action_items[0].status",
            "impact.business_metrics[0].id",
            "links[0]",
            "timeline[0].at",
            "timeline[2].starred",
            "title",
        ],
        "{problems:#?}"
    );
    assert!(
        problems.contains(&"links[0]: missing field `id`".to_string()),
        "{problems:#?}"
    );
    assert!(diagnose(&to_json(&full_doc())).is_empty());
}

#[test]
fn unknown_versions_are_refused_clearly() {
    let mut v: Value = serde_json::from_str(&to_json(&full_doc())).unwrap();
    v["schema_version"] = 2.into();
    let err = import_json(&v.to_string()).unwrap_err().to_string();
    assert!(err.contains("newer Afterword"), "{err}");
    v["schema_version"] = 0.into();
    let err = import_json(&v.to_string()).unwrap_err().to_string();
    assert!(err.contains("not a version Afterword ever wrote"), "{err}");
    v["schema_version"] = "1".into();
    let err = import_json(&v.to_string()).unwrap_err().to_string();
    assert_eq!(err, "schema_version: expected a whole number");
}

#[test]
fn fifty_megabytes_are_refused_at_once() {
    let mut doc = full_doc();
    doc.summary = "x".repeat(50 * 1024 * 1024);
    let raw = to_json(&doc);
    assert!(raw.len() > MAX_BUNDLE_BYTES && raw.len() > MAX_DOCUMENT_BYTES);
    let err = import_json(&raw).unwrap_err();
    let bundle_err = read_bundle(&raw).unwrap_err();
    assert_eq!(
        err.to_string(),
        "the file is 50.0 MB; Afterword reads files of at most 8 MB"
    );
    assert_eq!(
        bundle_err.to_string(),
        "the file is 50.0 MB; Afterword reads files of at most 40 MB"
    );
    assert!(matches!(
        diagnose(&raw)[..],
        [RestoreError::TooLarge { .. }]
    ));
}

#[test]
fn deep_nesting_is_refused_without_overflow() {
    let raw = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let err = import_json(&raw).unwrap_err();
    assert!(
        err.to_string()
            .ends_with("nested too deeply (a postmortem never goes past a few levels)"),
        "{err}"
    );
    assert!(read_bundle(&raw).is_err());
    assert_eq!(diagnose(&raw).len(), 1);
    let inside = format!(
        "{{\"format\":\"afterword-bundle\",\"bundle_version\":1,\"exported_at\":\"2026-11-20T00:00:00Z\",\"drafts\":[{}{}]}}",
        "{\"a\":[".repeat(50_000),
        "]}".repeat(50_000)
    );
    assert!(read_bundle(&inside).is_err());
}

#[test]
fn script_in_text_is_kept_as_text_and_escaped_on_export() {
    let mut doc = full_doc();
    doc.title = "<script>alert(document.cookie)</script>".into();
    doc.summary = "<img src=x onerror=alert(1)> & <!-- x -->".into();
    let back = import_json(&to_json(&doc)).unwrap();
    assert_eq!(back.title, doc.title);
    let md = to_markdown(&back, &MarkdownOptions::default());
    assert!(!md.contains("<script") && !md.contains("<img") && !md.contains("<!--"));
    let blocks = parse(&md);
    assert_eq!(blocks[0], Block::Heading(1, doc.title.clone()));
    assert_eq!(
        after_heading(&blocks, "Summary"),
        Some(&Block::Paragraph(doc.summary.clone()))
    );
}

#[test]
fn garbage_never_panics() {
    for raw in [
        "null",
        "true",
        "\"text\"",
        "{}",
        "{\"schema_version\":-1}",
        "{\"schema_version\":1e400}",
        "\u{feff}{}",
        "{\"schema_version\":1,\"id\":\"x\"}",
    ] {
        let err = import_json(raw).expect_err(raw);
        assert!(!err.to_string().trim().is_empty(), "{raw}");
        assert!(read_bundle(raw).is_err(), "{raw}");
        assert!(!diagnose(raw).is_empty(), "{raw}");
    }
}
