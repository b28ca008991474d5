//! What is exported comes back unchanged.

mod common;

use afterword_core::export::json::{import_json, reid, to_json};
use afterword_core::export::markdown::{to_markdown, MarkdownOptions};
use afterword_core::ids::is_valid_id;
use afterword_core::model::SCHEMA_VERSION;
use afterword_core::restore::restore;
use common::*;
use proptest::prelude::*;

#[test]
fn json_is_pretty_stable_and_ends_with_a_newline() {
    let doc = full_doc();
    let out = to_json(&doc);
    assert!(out.ends_with("}\n"));
    assert!(
        out.starts_with("{\n  \"schema_version\": 1,\n  \"id\": \"pm-full\","),
        "{out}"
    );
    assert_eq!(out, to_json(&doc.clone()));
    // Keys follow the model's field order.
    let title = out.find("\"title\"").unwrap();
    let summary = out.find("\"summary\"").unwrap();
    let timeline = out.find("\"timeline\"").unwrap();
    assert!(title < summary && summary < timeline);
    assert!(out.contains(&format!("\"schema_version\": {SCHEMA_VERSION}")));
}

#[test]
fn import_reads_an_export() {
    let doc = full_doc();
    assert_eq!(import_json(&to_json(&doc)), Ok(doc));
}

#[test]
fn reid_keeps_everything_but_the_id() {
    let doc = full_doc();
    let copy = reid(&doc, at(20, 0), 7);
    assert_ne!(copy.id, doc.id);
    assert!(is_valid_id(&copy.id));
    assert_eq!(restore(&to_json(&copy)).as_ref(), Ok(&copy));
    let mut back = copy.clone();
    back.id = doc.id.clone();
    assert_eq!(back, doc);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn restore_reads_back_every_exported_document(doc in postmortem()) {
        let json = to_json(&doc);
        let back = restore(&json);
        prop_assert_eq!(back.as_ref(), Ok(&doc), "{}", json);
        let back = back.unwrap_or_else(|_| doc.clone());
        let opts = MarkdownOptions::default();
        prop_assert_eq!(to_markdown(&back, &opts), to_markdown(&doc, &opts));
        prop_assert_eq!(to_json(&back), json);
    }

    #[test]
    fn markdown_never_panics_and_stays_one_document(doc in postmortem()) {
        let md = to_markdown(&doc, &MarkdownOptions {
            section_order: vec!["links".into(), "timeline".into()],
            include_checklist: Some(vec![("x".into(), true)]),
        });
        let blocks = parse(&md);
        prop_assert!(!blocks.iter().any(|b| matches!(b, Block::Other(_))), "{:?}", blocks);
        prop_assert!(md.starts_with("# "));
    }
}
