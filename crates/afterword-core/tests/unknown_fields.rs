//! Fields this version does not know survive every trip a document makes:
//! load from storage, an edit, a save, a JSON export and an import. One test
//! per place an object can sit, so a failure names the type that drops them.

mod common;

use afterword_core::export::bundle::{read_bundle, to_bundle_json, Bundle};
use afterword_core::export::json::{import_json, to_json};
use afterword_core::model::Postmortem;
use afterword_core::store::{KeyValueStore, Library, MemoryStore};
use common::*;
use serde_json::{json, Value};

/// A full document with an unknown field added to the object at `path`
/// (a JSON pointer), as a newer version or another tool might write it.
fn with_unknown(path: &str) -> (Value, Value) {
    let mut raw: Value = serde_json::from_str(&to_json(&full_doc())).unwrap();
    let marker = json!({ "from": "a newer version", "path": path, "n": [1, 2.5, null] });
    let target = raw
        .pointer_mut(path)
        .and_then(Value::as_object_mut)
        .unwrap_or_else(|| panic!("{path} is not an object in the full document"));
    target.insert("x_future_field".into(), marker.clone());
    (raw, marker)
}

fn unknown_at(doc: &Postmortem, path: &str) -> Option<Value> {
    let v: Value = serde_json::from_str(&to_json(doc)).ok()?;
    v.pointer(path)?.get("x_future_field").cloned()
}

/// Load from storage, edit, save, load again, export, import, back up and
/// restore: the unknown field at `path` is there at every step.
fn survives_everything(path: &str) {
    let (raw, marker) = with_unknown(path);
    let store = MemoryStore::new();
    let lib = Library::new(&store, "afterword");
    store
        .set("afterword:draft:pm-full", &raw.to_string())
        .unwrap();

    let loaded = lib.load();
    assert!(loaded.quarantined.is_empty(), "{:?}", loaded.quarantined);
    let mut doc = loaded.drafts[0].1.clone();
    assert_eq!(unknown_at(&doc, path), Some(marker.clone()), "load, {path}");

    doc.title = "Edited title".into();
    if let Some(e) = doc.timeline.first_mut() {
        e.text.push_str(" (edited)");
    }
    lib.save(&mut doc, at(21, 0)).unwrap();
    let reopened = lib.open("pm-full").unwrap().unwrap();
    assert_eq!(reopened.title, "Edited title");
    assert_eq!(
        unknown_at(&reopened, path),
        Some(marker.clone()),
        "save, {path}"
    );

    let exported = to_json(&reopened);
    let imported = import_json(&exported).unwrap();
    assert_eq!(imported, reopened, "import of an export, {path}");
    assert_eq!(to_json(&imported), exported, "export is byte-identical");

    let bundle = to_bundle_json(&Bundle::new(at(22, 0), vec![imported], vec![], json!({})));
    let read = read_bundle(&bundle).unwrap();
    assert_eq!(
        unknown_at(&read.drafts[0], path),
        Some(marker),
        "backup, {path}"
    );
}

macro_rules! unknown_field_tests {
    ($($name:ident => $path:literal),+ $(,)?) => {$(
        #[test]
        fn $name() {
            survives_everything($path);
        }
    )+};
}

unknown_field_tests!(
    postmortem_keeps_unknown_fields => "",
    participant_keeps_unknown_fields => "/participants/1",
    classification_keeps_unknown_fields => "/classification",
    key_times_keep_unknown_fields => "/times",
    impact_keeps_unknown_fields => "/impact",
    business_metric_keeps_unknown_fields => "/impact/business_metrics/0",
    timeline_event_keeps_unknown_fields => "/timeline/2",
    analysis_keeps_unknown_fields => "/analysis",
    contributing_factor_keeps_unknown_fields => "/analysis/contributing_factors/0",
    four_questions_keep_unknown_fields => "/analysis/four_questions",
    action_item_keeps_unknown_fields => "/action_items/0",
    link_keeps_unknown_fields => "/links/0",
    workflow_keeps_unknown_fields => "/workflow",
    status_change_keeps_unknown_fields => "/workflow/history/0",
    dismissal_keeps_unknown_fields => "/dismissals/0",
);

#[test]
fn an_unknown_field_moves_with_its_entry_when_entries_are_reordered() {
    let (raw, marker) = with_unknown("/timeline/2");
    let mut doc = import_json(&raw.to_string()).unwrap();
    let moved = doc.timeline.remove(2);
    doc.timeline.insert(0, moved);
    assert_eq!(unknown_at(&doc, "/timeline/0"), Some(marker));
    assert_eq!(unknown_at(&doc, "/timeline/1"), None);
}

#[test]
fn unknown_fields_do_not_hide_a_bad_known_one() {
    let (mut raw, _) = with_unknown("/timeline/0");
    raw["timeline"][0]["at"] = "yesterday".into();
    let err = import_json(&raw.to_string()).unwrap_err().to_string();
    assert!(err.contains("timeline[0].at"), "{err}");
}
