mod common;

use afterword_core::export::filename::{file_name, slug, MAX_SLUG_LEN};
use afterword_core::model::Postmortem;
use common::*;
use proptest::prelude::*;

#[test]
fn uses_incident_date_and_title() {
    assert_eq!(
        file_name(&full_doc(), "md"),
        "2026-11-20-payment-api-outage.md"
    );
    assert_eq!(
        file_name(&full_doc(), ".JSON"),
        "2026-11-20-payment-api-outage.json"
    );
}

#[test]
fn falls_back_to_created_date_and_untitled() {
    let doc = Postmortem::new(
        "pm-1".into(),
        chrono::DateTime::from_timestamp(86_400 * 3, 0).unwrap(),
    );
    assert_eq!(file_name(&doc, "csv"), "1970-01-04-untitled.csv");
    let mut doc = doc;
    doc.title = "日本語 ☕ !!!".into();
    assert_eq!(file_name(&doc, "md"), "1970-01-04-untitled.md");
}

#[test]
fn slugs_are_ascii_and_short() {
    assert_eq!(
        slug("  Café outage: DB / cache — 50% errors!! "),
        "cafe-outage-db-cache-50-errors"
    );
    assert_eq!(slug("../../etc/passwd"), "etc-passwd");
    let long = slug(&"word ".repeat(40));
    assert!(long.len() <= MAX_SLUG_LEN && !long.ends_with('-'), "{long}");
    assert_eq!(slug(&"x".repeat(100)).len(), MAX_SLUG_LEN);
}

proptest! {
    #[test]
    fn any_title_gives_a_safe_name(title in text()) {
        let mut doc = full_doc();
        doc.title = title;
        let name = file_name(&doc, "md");
        prop_assert!(name.len() <= 11 + MAX_SLUG_LEN + 3);
        prop_assert!(name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.'));
        prop_assert!(!name.contains("--") && !name.contains(".."));
    }
}
