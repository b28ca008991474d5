mod common;

use afterword_core::export::bundle::*;
use afterword_core::export::json::to_json;
use afterword_core::export::ImportError;
use afterword_core::model::Postmortem;
use common::*;
use serde_json::{json, Value};

fn bundle_of(drafts: Vec<Postmortem>) -> Bundle {
    Bundle::new(
        at(20, 0),
        drafts,
        vec![json!({"id": "team", "sections": ["summary"]})],
        json!({"theme": "dark"}),
    )
}

#[test]
fn a_bundle_reads_back_whole() {
    let mut second = full_doc();
    second.id = "pm-2".into();
    second.title = "Second".into();
    let bundle = bundle_of(vec![full_doc(), second.clone()]);
    let raw = to_bundle_json(&bundle);
    assert!(raw.contains("\"format\": \"afterword-bundle\""));
    assert!(raw.contains("\"bundle_version\": 1"));
    let read = read_bundle(&raw).unwrap();
    assert_eq!(read.drafts, bundle.drafts);
    assert_eq!(read.templates, bundle.templates);
    assert_eq!(read.settings, bundle.settings);
    assert_eq!(read.exported_at, at(20, 0));
    assert!(read.unreadable.is_empty());
    assert!(read.trashed.is_empty());
    assert!(!raw.contains("\"trashed\""), "no trash, no field");

    let plan = plan_restore(&read, &["pm-2", "pm-unrelated"]);
    assert_eq!(
        plan.added,
        vec![PlannedDraft {
            id: "pm-full".into(),
            title: "Payment API outage".into()
        }]
    );
    assert_eq!(
        plan.replaced,
        vec![PlannedDraft {
            id: "pm-2".into(),
            title: "Second".into()
        }]
    );
    assert!(plan.unreadable.is_empty());
}

#[test]
fn a_bad_draft_is_reported_and_the_others_come_through() {
    let bundle = bundle_of(vec![full_doc()]);
    let mut value: Value = serde_json::from_str(&to_bundle_json(&bundle)).unwrap();
    let mut bad: Value = serde_json::from_str(&to_json(&full_doc())).unwrap();
    bad["id"] = "pm-bad".into();
    bad["timeline"][1]["at"] = "half past two".into();
    let mut dup: Value = serde_json::from_str(&to_json(&full_doc())).unwrap();
    dup["title"] = "dup".into();
    let drafts = value["drafts"].as_array_mut().unwrap();
    drafts.push(bad);
    drafts.push(json!(42));
    drafts.push(dup);
    let read = read_bundle(&value.to_string()).unwrap();
    assert_eq!(read.drafts.len(), 1);
    assert_eq!(read.unreadable.len(), 3);
    assert_eq!(read.unreadable[0].0, 1);
    assert!(
        read.unreadable[0]
            .1
            .starts_with("drafts[1].timeline[1].at: not a UTC timestamp"),
        "{:?}",
        read.unreadable
    );
    assert_eq!(
        read.unreadable[1],
        (
            2,
            "drafts[2]: expected a JSON object describing one postmortem".to_string()
        )
    );
    assert!(read.unreadable[2]
        .1
        .contains("appears earlier in the bundle"));
    let plan = plan_restore(&read, &Vec::<String>::new());
    assert_eq!(plan.added.len(), 1);
    assert_eq!(plan.unreadable, read.unreadable);
}

#[test]
fn envelope_problems_are_clear() {
    let single = to_json(&full_doc());
    let err = read_bundle(&single).unwrap_err();
    assert!(err.to_string().contains("single postmortem"), "{err}");

    let cases = [
        (
            json!({"format": "zip"}),
            "is not an Afterword backup bundle",
        ),
        (
            json!({"format": "afterword-bundle", "bundle_version": 7, "exported_at": "2026-11-20T00:00:00Z", "drafts": []}),
            "newer Afterword",
        ),
        (
            json!({"format": "afterword-bundle", "bundle_version": "1"}),
            "bundle_version: expected a whole number",
        ),
        (
            json!({"format": "afterword-bundle", "bundle_version": 1, "exported_at": "now", "drafts": []}),
            "exported_at: expected a UTC timestamp",
        ),
        (
            json!({"format": "afterword-bundle", "bundle_version": 1, "exported_at": "2026-11-20T00:00:00Z", "drafts": {}}),
            "drafts: expected a list",
        ),
        (
            json!({"format": "afterword-bundle", "bundle_version": 1, "exported_at": "2026-11-20T00:00:00Z", "drafts": [], "templates": 3}),
            "templates: expected a list",
        ),
        (json!([1, 2]), "expected a JSON object"),
    ];
    for (value, expected) in cases {
        let err = read_bundle(&value.to_string()).unwrap_err();
        assert!(err.to_string().contains(expected), "{value}: {err}");
    }
    let minimal = json!({"format": "afterword-bundle", "bundle_version": 1, "exported_at": "2026-11-20T00:00:00Z", "drafts": []});
    let read = read_bundle(&minimal.to_string()).unwrap();
    assert!(read.drafts.is_empty() && read.templates.is_empty());
    assert_eq!(read.settings, json!({}));
    assert!(matches!(
        read_bundle("{\"format\":"),
        Err(ImportError::NotJson { .. })
    ));
}

#[test]
fn trash_marks_travel_with_the_bundle() {
    let mut second = full_doc();
    second.id = "pm-2".into();
    let marks = [("pm-2".to_owned(), at(19, 3))].into_iter().collect();
    let bundle = bundle_of(vec![full_doc(), second]).with_trashed(marks);
    let raw = to_bundle_json(&bundle);
    let read = read_bundle(&raw).unwrap();
    assert_eq!(read.trashed, bundle.trashed);
    assert_eq!(read.drafts.len(), 2);

    let mut value: Value = serde_json::from_str(&raw).unwrap();
    value["trashed"]["pm-2"] = "yesterday".into();
    let err = read_bundle(&value.to_string()).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("trashed.pm-2: expected the UTC time"),
        "{err}"
    );
    value["trashed"] = json!([1]);
    let err = read_bundle(&value.to_string()).unwrap_err();
    assert!(
        err.to_string().starts_with("trashed: expected an object"),
        "{err}"
    );
}

#[test]
fn kept_versions_travel_with_a_backup() {
    let kept = KeptVersion {
        name: "pm-full:20261120T140200.000Z".into(),
        draft: serde_json::to_value(full_doc()).unwrap(),
    };
    let bundle = bundle_of(vec![full_doc()]).with_kept_versions(vec![kept.clone()]);
    let read = read_bundle(&to_bundle_json(&bundle)).unwrap();
    assert_eq!(read.kept_versions, vec![kept]);
    // Older backups have none.
    let plain = read_bundle(&to_bundle_json(&bundle_of(vec![full_doc()]))).unwrap();
    assert!(plain.kept_versions.is_empty());
    let mut bad: Value = serde_json::from_str(&to_bundle_json(&bundle)).unwrap();
    bad["kept_versions"][0]["name"] = 7.into();
    let err = read_bundle(&bad.to_string()).unwrap_err().to_string();
    assert!(err.starts_with("kept_versions[0]"), "{err}");
}

#[test]
fn a_draft_over_the_limits_is_refused_alone_with_the_limit_named() {
    let mut big = full_doc();
    big.id = "pm-big".into();
    let event = big.timeline[0].clone();
    big.timeline = (0..1_001)
        .map(|i| {
            let mut e = event.clone();
            e.id = format!("ev-{i}");
            e
        })
        .collect();
    let read = read_bundle(&to_bundle_json(&bundle_of(vec![full_doc(), big]))).unwrap();
    assert_eq!(read.drafts.len(), 1);
    assert_eq!(
        read.unreadable[0].1,
        "drafts[1].timeline: 1001 events; Afterword opens at most 1000"
    );
}
