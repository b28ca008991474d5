//! A library stored by an earlier build opens unchanged.
//!
//! `fixtures/library-2026-12.json` is a dump of the storage (key → value)
//! that the build of 2026-12-02 wrote through its own code: drafts saved by
//! `Library::save` (one full, one small, one moved to the trash), a draft it
//! set aside as unreadable, the custom templates as its template editor
//! stored them (one usable, one damaged, both with the field keys of that
//! time: `trigger`, `severity`…), the settings as its preferences and its
//! linter wrote them (with one setting from a newer version), and a key of
//! another app.

use std::collections::BTreeMap;

use afterword_core::lint::LintSettings;
use afterword_core::store::{EditorMode, KeyValueStore, Library, MemoryStore};
use afterword_core::template::FieldId;
use chrono::{TimeZone, Utc};

fn stored() -> BTreeMap<String, String> {
    serde_json::from_str(include_str!("fixtures/library-2026-12.json")).unwrap()
}

fn store_with(entries: &BTreeMap<String, String>) -> MemoryStore {
    let store = MemoryStore::new();
    for (k, v) in entries {
        store.set(k, v).unwrap();
    }
    store
}

fn dump(store: &MemoryStore) -> BTreeMap<String, String> {
    store
        .keys()
        .unwrap()
        .into_iter()
        .map(|k| {
            let v = store.get(&k).unwrap().unwrap();
            (k, v)
        })
        .collect()
}

#[test]
fn everything_stored_reads_back_and_nothing_is_rewritten() {
    let before = stored();
    let store = store_with(&before);
    let lib = Library::new(&store, "afterword");

    let loaded = lib.load();
    assert!(loaded.notices.is_empty(), "{:?}", loaded.notices);
    let ids: Vec<&str> = loaded.drafts.iter().map(|(m, _)| m.id.as_str()).collect();
    assert_eq!(ids, ["pm-small", "pm-full", "pm-trashed"]);
    let trashed = loaded.drafts.iter().find(|(m, _)| m.id == "pm-trashed");
    assert_eq!(
        trashed.and_then(|(m, _)| m.trashed_at),
        Some(Utc.with_ymd_and_hms(2026, 12, 1, 12, 0, 0).unwrap())
    );
    assert_eq!(loaded.quarantined.len(), 1);
    assert_eq!(loaded.quarantined[0].key, "afterword:quarantine:pm-broken");
    assert_eq!(
        lib.quarantined_raw("afterword:quarantine:pm-broken")
            .unwrap()
            .as_deref(),
        Some("{\"schema_version\":1, \"title\": oops")
    );

    let full = lib.open("pm-full").unwrap().unwrap();
    assert_eq!(full.revision, 4);
    assert_eq!(full.template, "tpl-payments");
    assert_eq!(full.dismissals.len(), 2);
    assert_eq!(full.dismissals[1].reason, "Quoted from the customer email");
    assert_eq!(full.disabled_rules, ["hindsight", "minimizer"]);
    assert_eq!(
        full.analysis.four_questions.why,
        "The pin had no expiry alert."
    );
    assert_eq!(full.sections["what_happened"], "The export ran twice.");

    // Templates: the usable one with its old field keys, the damaged one
    // reported, not used.
    let templates = lib.custom_templates().unwrap();
    assert_eq!(templates.usable.len(), 1);
    let custom = &templates.usable[0];
    assert_eq!(custom.id, "tpl-payments");
    let causes = &custom.sections[custom.section_index("causes").unwrap()];
    assert_eq!(
        causes.fields,
        [FieldId::ContributingFactors, FieldId::Trigger]
    );
    assert!(custom.sections[0].fields.contains(&FieldId::Severity));
    assert_eq!(
        custom.sections.last().unwrap().fields,
        [FieldId::text("what_happened")]
    );
    assert_eq!(templates.issues.len(), 1);
    let issue = templates.issues[0].to_string();
    assert!(
        issue.starts_with("The custom template \u{201c}Damaged\u{201d} cannot be used: "),
        "{issue}"
    );
    assert!(issue.contains("unknown field \"impact.mood\""), "{issue}");
    assert_eq!(lib.template_for(&full).id, "tpl-payments");
    assert!(lib.template("tpl-damaged").is_none());

    // Settings: the editor's and the linter's, all readable.
    let settings = lib.settings().unwrap();
    assert_eq!(settings.your_name(), "Ana Lima");
    assert_eq!(settings.editor_mode("pm-full"), EditorMode::Guided);
    assert_eq!(settings.editor_mode("pm-small"), EditorMode::Full);
    assert!(settings.timeline_local());
    let (lint, problems) = lib.lint_settings();
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(lint.disabled_rules, ["hindsight"]);
    assert_eq!(lint.custom_phrases[0].phrase, "rockstar");

    assert_eq!(dump(&store), before, "reading changed what is stored");
}

#[test]
fn writing_keeps_what_this_version_does_not_own() {
    let before = stored();
    let store = store_with(&before);
    let lib = Library::new(&store, "afterword");

    lib.update_settings(|s| s.set_your_name("Bo Chen")).unwrap();
    lib.save_lint_settings(&LintSettings::default()).unwrap();
    let raw: serde_json::Value =
        serde_json::from_str(&store.get("afterword:settings").unwrap().unwrap()).unwrap();
    assert_eq!(raw["from_a_newer_version"]["kept"], true);
    assert_eq!(raw["editor_modes"]["pm-full"], "guided");
    assert_eq!(raw["your_name"], "Bo Chen");

    let usable = lib.custom_templates().unwrap().usable;
    lib.save_templates(&usable).unwrap();
    let list: Vec<serde_json::Value> =
        serde_json::from_str(&store.get("afterword:templates").unwrap().unwrap()).unwrap();
    let old: Vec<serde_json::Value> = serde_json::from_str(&before["afterword:templates"]).unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[1], old[1], "the damaged template is kept as it was");
    // Saved again with today's keys, it reads back the same.
    assert_eq!(lib.custom_templates().unwrap().usable, usable);
    assert_eq!(list[0]["sections"][3]["fields"][1], "analysis.trigger");

    assert_eq!(
        store.get("another-app:key").unwrap().as_deref(),
        Some("not ours")
    );
}
