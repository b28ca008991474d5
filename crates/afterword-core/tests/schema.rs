//! The published JSON Schema: generated from the model, kept in the
//! repository for people's own tooling, and actually describing what
//! Afterword exports.
#![cfg(feature = "schema")]

mod common;

use std::path::PathBuf;

use afterword_core::export::json::{json_schema, to_json};
use afterword_core::model::Postmortem;
use common::*;
use proptest::prelude::*;
use serde_json::Value;

fn schema_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../public/schema/postmortem.v1.schema.json")
}

fn validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(&json_schema()).expect("schema is JSON");
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("schema compiles")
}

fn errors(v: &jsonschema::Validator, doc: &Value) -> Vec<String> {
    v.iter_errors(doc)
        .map(|e| format!("{}: {}", e.instance_path(), e))
        .collect()
}

#[test]
fn committed_schema_matches_the_model() {
    let generated = json_schema();
    let path = schema_path();
    if std::env::var_os("AFTERWORD_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{} is out of date with the Rust model.\nRegenerate it with:\n  AFTERWORD_BLESS=1 cargo test -p afterword-core --features schema --test schema\nand commit the result.",
        path.display()
    );
}

#[test]
fn exports_validate_against_the_schema() {
    let v = validator();
    let mut docs = vec![full_doc(), Postmortem::new("pm-empty".into(), at(9, 0))];
    let mut nasty = full_doc();
    nasty.title = NASTY.join("\n");
    nasty.impact.slo_budget_consumed_percent = None;
    nasty.times = Default::default();
    docs.push(nasty);
    for doc in docs {
        let value: Value = serde_json::from_str(&to_json(&doc)).unwrap();
        assert_eq!(errors(&v, &value), Vec::<String>::new(), "{}", doc.id);
    }
}

#[test]
fn invalid_documents_are_rejected() {
    let v = validator();
    let good: Value = serde_json::from_str(&to_json(&full_doc())).unwrap();
    type Change = Box<dyn Fn(&mut Value)>;
    let cases: Vec<(&str, Change)> = vec![
        ("title is a number", Box::new(|d| d["title"] = 42.into())),
        (
            "severity unknown",
            Box::new(|d| d["classification"]["severity"] = "SEV9".into()),
        ),
        (
            "timeline at not a time",
            Box::new(|d| d["timeline"][0]["at"] = "yesterday".into()),
        ),
        (
            "missing id",
            Box::new(|d| {
                d.as_object_mut().unwrap().remove("id");
            }),
        ),
        (
            "missing schema_version",
            Box::new(|d| {
                d.as_object_mut().unwrap().remove("schema_version");
            }),
        ),
        (
            "action status unknown",
            Box::new(|d| d["action_items"][0]["status"] = "maybe".into()),
        ),
        (
            "negative customers",
            Box::new(|d| d["impact"]["customers_affected"] = (-3).into()),
        ),
    ];
    assert!(v.is_valid(&good));
    for (name, change) in cases {
        let mut doc = good.clone();
        change(&mut doc);
        assert!(!v.is_valid(&doc), "{name} was accepted");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn generated_documents_validate(doc in postmortem()) {
        let v = validator();
        let value: Value = serde_json::from_str(&to_json(&doc)).unwrap();
        prop_assert_eq!(errors(&v, &value), Vec::<String>::new());
    }
}

#[test]
fn ids_the_app_would_refuse_are_refused_by_the_schema_too() {
    let v = validator();
    let mut doc: Value = serde_json::from_str(&to_json(&full_doc())).unwrap();
    doc["id"] = "../etc".into();
    assert!(!v.is_valid(&doc));
    doc["id"] = "pm-ok".into();
    doc["timeline"][0]["id"] = "".into();
    assert!(!v.is_valid(&doc));
}
