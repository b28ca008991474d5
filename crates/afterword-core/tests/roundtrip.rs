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
            ..Default::default()
        });
        let blocks = parse(&md);
        prop_assert!(!blocks.iter().any(|b| matches!(b, Block::Other(_))), "{:?}", blocks);
        prop_assert!(md.starts_with("# "));
    }
}

#[test]
fn imports_over_the_limits_are_refused_with_the_limit_named() {
    use afterword_core::restore::{MAX_ACTION_ITEMS, MAX_SECTIONS, MAX_TIMELINE_EVENTS};
    let mut doc = full_doc();
    let action = doc.action_items[0].clone();
    doc.action_items = (0..MAX_ACTION_ITEMS)
        .map(|i| {
            let mut a = action.clone();
            a.id = format!("a-{i}");
            a
        })
        .collect();
    for i in 0..MAX_SECTIONS - doc.sections.len() {
        doc.sections.insert(format!("s{i}"), "text".into());
    }
    assert!(import_json(&to_json(&doc)).is_ok(), "at the limits is fine");
    let mut over = doc.clone();
    over.sections.insert("one_more".into(), "text".into());
    assert_eq!(
        import_json(&to_json(&over)).unwrap_err().to_string(),
        format!(
            "sections: {} sections; Afterword opens at most {MAX_SECTIONS}",
            MAX_SECTIONS + 1
        )
    );
    let mut over = doc;
    let event = over.timeline[0].clone();
    over.timeline = (0..=MAX_TIMELINE_EVENTS)
        .map(|i| {
            let mut e = event.clone();
            e.id = format!("e-{i}");
            e
        })
        .collect();
    let err = import_json(&to_json(&over)).unwrap_err().to_string();
    assert!(err.starts_with("timeline: 1001 events"), "{err}");
}
