//! Two teammates' browsers and one server (the in-memory twin), synced
//! the way the app does it: push what changed, then read the changes feed.

use chrono::{Duration, TimeZone, Utc};
use serde_json::Value;

use super::twin::Twin;
use super::*;
use crate::store::MemoryStore;

fn t(min: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 20, 14, 0, 0).unwrap() + Duration::minutes(min)
}

/// One teammate's browser: its storage and its name on the server.
struct Browser {
    store: MemoryStore,
    who: &'static str,
}

impl Browser {
    fn new(who: &'static str) -> Self {
        Browser {
            store: MemoryStore::new(),
            who,
        }
    }

    fn lib(&self) -> Library<&MemoryStore> {
        Library::new(&self.store, "afterword")
    }

    fn create(&self, id: &str, title: &str) {
        let mut doc = Postmortem::new(id.into(), t(0));
        doc.title = title.into();
        self.lib().save(&mut doc, t(1)).unwrap();
    }

    fn edit(&self, id: &str, f: impl FnOnce(&mut Postmortem)) {
        let lib = self.lib();
        let mut doc = lib.open(id).unwrap().unwrap();
        f(&mut doc);
        lib.save(&mut doc, t(5)).unwrap();
    }

    fn title(&self, id: &str) -> Option<String> {
        self.lib().open(id).unwrap().map(|d| d.title)
    }

    /// Pushes, then pulls; returns what the pull did.
    fn sync(&self, twin: &mut Twin) -> Vec<Incoming> {
        self.push(twin);
        self.pull(twin).expect("pull")
    }

    fn push(&self, twin: &mut Twin) -> Vec<String> {
        let lib = self.lib();
        let mut state = lib.team_state();
        let loaded = lib.load();
        let out = outgoing(&lib, &state, &metas(&loaded), self.who);
        let bodies: Vec<Value> = out.iter().map(|o| o.body.clone()).collect();
        let answers = twin.bulk_docs(&bodies);
        let refused = pushed(&mut state, &out, &answers);
        lib.save_team_state(&state).unwrap();
        refused
    }

    fn pull(&self, twin: &mut Twin) -> Result<Vec<Incoming>, StoreError> {
        let lib = self.lib();
        let mut state = lib.team_state();
        let feed = twin.changes(&state.since);
        let mut done = Vec::new();
        for row in feed["results"].as_array().unwrap() {
            match incoming(&lib, &mut state, row) {
                Ok(Incoming::NeedRevisions { id, winner, revs }) => {
                    for rev in revs {
                        let loser = twin.get_rev(&server_id(&id), &rev).unwrap();
                        done.push(server_conflict(&mut state, &id, &winner, &rev, &loser));
                    }
                }
                Ok(other) => done.push(other),
                Err(e) => {
                    // The sequence stays where it was: nothing is skipped.
                    // (Noting it may fail too when storage is full.)
                    let _ = lib.save_team_state(&state);
                    return Err(e);
                }
            }
            state.since = seq_text(&row["seq"]);
        }
        state.since = seq_text(&feed["last_seq"]);
        lib.save_team_state(&state).unwrap();
        Ok(done)
    }

    fn state(&self) -> SyncState {
        self.lib().team_state()
    }

    fn resolve(&self, id: &str, choice: Choice) -> Option<String> {
        let lib = self.lib();
        let mut state = lib.team_state();
        let out = resolve(&lib, &mut state, id, choice, t(9), 7).unwrap();
        lib.save_team_state(&state).unwrap();
        out
    }

    fn waiting(&self) -> usize {
        let lib = self.lib();
        let loaded = lib.load();
        outgoing(&lib, &lib.team_state(), &metas(&loaded), self.who).len()
    }
}

fn metas(loaded: &crate::store::Loaded) -> Vec<DraftMeta> {
    loaded.drafts.iter().map(|(m, _)| m.clone()).collect()
}

fn server_title(twin: &Twin, id: &str) -> Option<String> {
    twin.get(&server_id(id))
        .map(|d| d["title"].as_str().unwrap_or_default().to_owned())
}

/// Dana writes these drafts (id, title) and both teammates sync, so each
/// browser and the server hold them.
fn shared(drafts: &[(&str, &str)]) -> (Twin, Browser, Browser) {
    let mut twin = Twin::new();
    let (dana, sam) = (Browser::new("dana"), Browser::new("sam"));
    for (id, title) in drafts {
        dana.create(id, title);
    }
    dana.sync(&mut twin);
    sam.sync(&mut twin);
    (twin, dana, sam)
}

#[test]
fn a_draft_written_by_one_teammate_reaches_the_other_and_edits_come_back() {
    let mut twin = Twin::new();
    let (dana, sam) = (Browser::new("dana"), Browser::new("sam"));
    dana.create("pm-a", "Checkout outage");
    dana.sync(&mut twin);
    assert_eq!(
        server_title(&twin, "pm-a").as_deref(),
        Some("Checkout outage")
    );

    let got = sam.sync(&mut twin);
    assert_eq!(got, vec![Incoming::Applied("pm-a".into())]);
    assert_eq!(sam.title("pm-a").as_deref(), Some("Checkout outage"));

    sam.edit("pm-a", |d| {
        d.summary = "Payments timed out for 20 minutes.".into()
    });
    assert_eq!(sam.waiting(), 1, "the edit waits to be sent");
    sam.sync(&mut twin);
    dana.sync(&mut twin);
    let doc = dana.lib().open("pm-a").unwrap().unwrap();
    assert_eq!(doc.summary, "Payments timed out for 20 minutes.");
    // Nobody sends anything more: a pulled change is not pushed back.
    assert_eq!(dana.waiting(), 0);
    assert_eq!(sam.waiting(), 0);
    assert!(dana.sync(&mut twin).is_empty());
}

#[test]
fn the_trash_state_travels_and_a_draft_deleted_for_good_goes_for_everyone() {
    let (mut twin, dana, sam) = shared(&[("pm-a", "Disk full")]);

    dana.lib().set_trashed("pm-a", Some(t(3))).unwrap();
    dana.sync(&mut twin);
    sam.sync(&mut twin);
    assert_eq!(sam.lib().trashed_at("pm-a"), Some(t(3)));

    dana.lib().delete_forever("pm-a").unwrap();
    dana.sync(&mut twin);
    assert!(twin.get(&server_id("pm-a")).is_none());
    let got = sam.sync(&mut twin);
    assert_eq!(got, vec![Incoming::Removed("pm-a".into())]);
    assert!(!sam.lib().is_stored("pm-a"));
}

#[test]
fn edits_on_both_sides_wait_for_a_choice_and_keep_mine_wins_on_the_server() {
    let (mut twin, dana, sam) = shared(&[("pm-a", "Queue backlog")]);

    dana.edit("pm-a", |d| d.title = "Queue backlog (dana)".into());
    sam.edit("pm-a", |d| d.title = "Queue backlog (sam)".into());
    dana.sync(&mut twin);
    let got = sam.sync(&mut twin);
    assert_eq!(got, vec![Incoming::Conflicted("pm-a".into())]);
    // Neither copy was overwritten.
    assert_eq!(sam.title("pm-a").as_deref(), Some("Queue backlog (sam)"));
    assert_eq!(
        server_title(&twin, "pm-a").as_deref(),
        Some("Queue backlog (dana)")
    );
    let c = sam.state().conflicts["pm-a"].clone();
    assert_eq!(c.by, "dana");
    assert_eq!(c.at, Some(t(5)));
    assert_eq!(c.theirs_doc().unwrap().title, "Queue backlog (dana)");
    // Held back until the choice is made.
    assert_eq!(sam.waiting(), 0);

    sam.resolve("pm-a", Choice::KeepMine);
    sam.sync(&mut twin);
    assert_eq!(
        server_title(&twin, "pm-a").as_deref(),
        Some("Queue backlog (sam)")
    );
    dana.sync(&mut twin);
    assert_eq!(dana.title("pm-a").as_deref(), Some("Queue backlog (sam)"));
    assert!(dana.state().conflicts.is_empty());
}

#[test]
fn take_theirs_and_keep_both_lose_nothing() {
    let (mut twin, dana, sam) = shared(&[("pm-a", "A"), ("pm-b", "B")]);
    for (id, who) in [("pm-a", &dana), ("pm-b", &dana)] {
        who.edit(id, |d| d.owner = "Dana".into());
    }
    sam.edit("pm-a", |d| d.owner = "Sam".into());
    sam.edit("pm-b", |d| d.owner = "Sam".into());
    dana.sync(&mut twin);
    sam.sync(&mut twin);

    sam.resolve("pm-a", Choice::TakeTheirs);
    let a = sam.lib().open("pm-a").unwrap().unwrap();
    assert_eq!(a.owner, "Dana");

    let copy = sam.resolve("pm-b", Choice::KeepBoth).expect("a new draft");
    assert_eq!(sam.lib().open("pm-b").unwrap().unwrap().owner, "Dana");
    let mine = sam.lib().open(&copy).unwrap().unwrap();
    assert_eq!(mine.owner, "Sam");
    assert_eq!(mine.title, "B (my edits)");

    sam.sync(&mut twin);
    // Only the copy is new on the server; the taken copies are not sent back.
    assert_eq!(twin.get(&server_id(&copy)).unwrap()["owner"], "Sam");
    assert_eq!(server_title(&twin, "pm-a").as_deref(), Some("A"));
    assert_eq!(twin.get(&server_id("pm-a")).unwrap()["edited_by"], "dana");
    dana.sync(&mut twin);
    assert_eq!(dana.lib().open(&copy).unwrap().unwrap().owner, "Sam");
    assert_eq!(sam.waiting() + dana.waiting(), 0);
}

#[test]
fn conflicting_revisions_on_the_server_are_offered_and_removed_once_chosen() {
    let mut twin = Twin::new();
    let dana = Browser::new("dana");
    dana.create("pm-a", "DNS");
    dana.sync(&mut twin);
    // Another replica of the database had its own edit of the draft.
    let mut other = twin.get(&server_id("pm-a")).unwrap();
    other["title"] = "DNS (from the other office)".into();
    other["edited_by"] = "lee".into();
    other.as_object_mut().unwrap().remove("_rev");
    twin.replicate_conflict(&server_id("pm-a"), other);

    let got = dana.pull(&mut twin).unwrap();
    assert!(
        got.contains(&Incoming::Conflicted("pm-a".into())),
        "{got:?}"
    );
    let c = dana.state().conflicts["pm-a"].clone();
    assert_eq!(c.by, "lee");
    assert_eq!(c.drop_revs.len(), 1);

    dana.resolve("pm-a", Choice::TakeTheirs);
    dana.sync(&mut twin);
    let winner = twin.get(&server_id("pm-a")).unwrap();
    assert_eq!(winner["title"], "DNS (from the other office)");
    assert!(winner.get("_conflicts").is_none(), "{winner}");
    assert_eq!(
        dana.title("pm-a").as_deref(),
        Some("DNS (from the other office)")
    );
    assert!(dana.sync(&mut twin).is_empty());
    assert!(dana.state().drop.is_empty());
}

#[test]
fn a_draft_deleted_on_the_server_while_edited_here_is_kept_and_asked_about() {
    let (mut twin, dana, sam) = shared(&[("pm-a", "Certificate expiry"), ("pm-b", "Cron drift")]);
    sam.edit("pm-a", |d| d.summary = "Still being written".into());
    sam.edit("pm-b", |d| d.summary = "Also edited".into());
    dana.lib().delete_forever("pm-a").unwrap();
    dana.lib().delete_forever("pm-b").unwrap();
    dana.sync(&mut twin);

    let got = sam.sync(&mut twin);
    assert!(got.contains(&Incoming::Conflicted("pm-a".into())));
    assert!(sam.state().conflicts["pm-a"].theirs.is_none());
    assert!(sam.lib().is_stored("pm-a"));

    // Keep mine: shared again.
    sam.resolve("pm-a", Choice::KeepMine);
    sam.sync(&mut twin);
    assert_eq!(
        twin.get(&server_id("pm-a")).unwrap()["summary"],
        "Still being written"
    );
    // Take theirs: kept here in the trash, out of the team library.
    sam.resolve("pm-b", Choice::TakeTheirs);
    assert!(sam.lib().trashed_at("pm-b").is_some());
    assert!(sam.state().is_local_only("pm-b"));
    sam.sync(&mut twin);
    assert!(twin.get(&server_id("pm-b")).is_none());
}

#[test]
fn a_draft_kept_local_only_is_never_sent() {
    let mut twin = Twin::new();
    let dana = Browser::new("dana");
    dana.create("pm-a", "Private notes");
    let lib = dana.lib();
    let mut state = lib.team_state();
    state.set_local_only("pm-a", true);
    lib.save_team_state(&state).unwrap();
    dana.sync(&mut twin);
    assert!(twin.get(&server_id("pm-a")).is_none());
    assert_eq!(dana.waiting(), 0);

    let mut state = lib.team_state();
    state.set_local_only("pm-a", false);
    lib.save_team_state(&state).unwrap();
    dana.sync(&mut twin);
    assert_eq!(
        server_title(&twin, "pm-a").as_deref(),
        Some("Private notes")
    );
    assert!(dana.state().is_shared("pm-a"));
}

#[test]
fn an_unreadable_server_document_is_set_aside_and_the_rest_arrives() {
    let mut twin = Twin::new();
    let dana = Browser::new("dana");
    twin.put_raw(serde_json::json!({
        "_id": "postmortem:pm-bad", "type": "postmortem", "schema_version": 1, "id": "pm-bad",
        "created_at": "not a time", "updated_at": "2026-11-20T14:00:00Z",
    }));
    twin.put_raw(serde_json::json!({ "_id": "note-1", "text": "not ours" }));
    let sam = Browser::new("sam");
    sam.create("pm-ok", "Fine");
    sam.sync(&mut twin);

    let got = dana.sync(&mut twin);
    assert!(
        got.iter()
            .any(|g| matches!(g, Incoming::SetAside { id, .. } if id == "pm-bad")),
        "{got:?}"
    );
    assert!(got.contains(&Incoming::Applied("pm-ok".into())));
    let loaded = dana.lib().load();
    assert!(loaded.quarantined.iter().any(|q| q.id == "pm-bad"));
    // Set aside is not deleted: nothing is sent for it.
    assert_eq!(dana.waiting(), 0);
    assert!(dana.sync(&mut twin).is_empty(), "not set aside twice");
}

#[test]
fn a_full_storage_stops_the_pull_and_it_resumes_where_it_stopped() {
    let mut twin = Twin::new();
    let sam = Browser::new("sam");
    for i in 0..5 {
        sam.create(
            &format!("pm-{i}"),
            &format!("Incident {i} {}", "x".repeat(400)),
        );
    }
    sam.sync(&mut twin);

    let mut dana = Browser::new("dana");
    dana.store = MemoryStore::with_quota(3_000);
    let err = dana.pull(&mut twin).unwrap_err();
    assert_eq!(err, StoreError::QuotaExceeded);
    let got_first = dana.lib().load().drafts.len();
    assert!(got_first < 5);
    // Room again: the next pull brings the rest, nothing is skipped.
    dana.store.quota = None;
    dana.pull(&mut twin).unwrap();
    assert_eq!(dana.lib().load().drafts.len(), 5);
    assert_eq!(dana.waiting(), 0);
}

#[test]
fn the_feed_resumes_from_the_stored_sequence() {
    let (mut twin, dana, sam) = shared(&[("pm-a", "A")]);
    let since = sam.state().since.clone();
    assert!(!since.is_empty());
    dana.create("pm-b", "B");
    dana.sync(&mut twin);
    // Only what changed after the stored sequence comes in.
    assert_eq!(
        sam.pull(&mut twin).unwrap(),
        vec![Incoming::Applied("pm-b".into())]
    );
}

#[test]
fn a_write_made_with_an_old_revision_is_refused_and_compared_on_the_next_pull() {
    let (mut twin, dana, sam) = shared(&[("pm-a", "A")]);
    dana.edit("pm-a", |d| d.title = "A by dana".into());
    dana.sync(&mut twin);
    sam.edit("pm-a", |d| d.title = "A by sam".into());
    // Sam's push carries the old _rev: the server says conflict.
    sam.push(&mut twin);
    assert_eq!(server_title(&twin, "pm-a").as_deref(), Some("A by dana"));
    assert_eq!(
        sam.pull(&mut twin).unwrap(),
        vec![Incoming::Conflicted("pm-a".into())]
    );
}

#[test]
fn documents_on_the_server_are_exported_postmortems_valid_against_the_schema() {
    let schema: Value = serde_json::from_str(include_str!(
        "../../../../public/schema/postmortem.v1.schema.json"
    ))
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let mut twin = Twin::new();
    let dana = Browser::new("dana");
    dana.create("pm-a", "Schema check");
    dana.edit("pm-a", |d| d.summary = "Something happened.".into());
    dana.lib().set_trashed("pm-a", Some(t(6))).unwrap();
    dana.sync(&mut twin);
    let doc = twin.get(&server_id("pm-a")).unwrap();
    let errors: Vec<String> = validator.iter_errors(&doc).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(doc["type"], "postmortem");
    // Read back it is the draft, with none of the server's fields left in.
    let back = from_server("pm-a", &doc).unwrap();
    assert_eq!(back.doc, dana.lib().open("pm-a").unwrap().unwrap());
    assert_eq!(back.trashed_at, Some(t(6)));
}

#[test]
fn the_shipped_design_document_carries_the_validation_function_as_written() {
    let design: Value = serde_json::from_str(DESIGN_DOC).unwrap();
    assert_eq!(design["_id"], "_design/afterword");
    let source = include_str!("../../../../couchdb/validate.js");
    let function = &source[source.find("function (").unwrap()..];
    assert_eq!(
        design["validate_doc_update"].as_str().unwrap(),
        function.trim()
    );
}

impl Browser {
    fn push_templates(&self, twin: &mut Twin) {
        let lib = self.lib();
        let mut state = lib.team_state();
        let out = outgoing_templates(&lib, &state, self.who);
        let bodies: Vec<Value> = out.iter().map(|o| o.body.clone()).collect();
        let answers = twin.bulk_docs(&bodies);
        pushed_templates(&mut state, &out, &answers);
        lib.save_team_state(&state).unwrap();
    }

    fn template_names(&self) -> Vec<String> {
        let mut names: Vec<String> = self
            .lib()
            .usable_templates()
            .into_iter()
            .map(|t| t.name)
            .collect();
        names.sort();
        names
    }
}

fn custom_template(id: &str, name: &str) -> crate::template::Template {
    let mut t = crate::template::standard();
    t.id = id.into();
    t.name = name.into();
    t.builtin = false;
    t
}

#[test]
fn custom_templates_travel_and_an_edit_on_both_sides_keeps_both() {
    let mut twin = Twin::new();
    let (dana, sam) = (Browser::new("dana"), Browser::new("sam"));
    dana.lib()
        .save_template(&custom_template("ops-review", "Ops review"))
        .unwrap();
    dana.push_templates(&mut twin);
    sam.pull(&mut twin).unwrap();
    assert_eq!(sam.template_names(), vec!["Ops review"]);

    // Sam renames it: it comes back to Dana, and is not sent again.
    sam.lib()
        .save_template(&custom_template("ops-review", "Ops review (short)"))
        .unwrap();
    sam.push_templates(&mut twin);
    dana.pull(&mut twin).unwrap();
    assert_eq!(dana.template_names(), vec!["Ops review (short)"]);
    let lib = dana.lib();
    assert!(outgoing_templates(&lib, &lib.team_state(), "dana").is_empty());

    // Both change it: Dana keeps hers and gets Sam's beside it.
    dana.lib()
        .save_template(&custom_template("ops-review", "Dana's review"))
        .unwrap();
    sam.lib()
        .save_template(&custom_template("ops-review", "Sam's review"))
        .unwrap();
    sam.push_templates(&mut twin);
    dana.pull(&mut twin).unwrap();
    assert_eq!(
        dana.template_names(),
        vec!["Dana's review", "Sam's review (from sam)"]
    );
    dana.push_templates(&mut twin);
    assert_eq!(
        twin.get("template:ops-review").unwrap()["name"],
        "Dana's review"
    );

    // Deleted by Sam (unchanged since at Sam's): gone at Dana's too.
    sam.pull(&mut twin).unwrap();
    sam.lib().delete_template("ops-review").unwrap();
    sam.push_templates(&mut twin);
    dana.pull(&mut twin).unwrap();
    assert!(!dana.template_names().contains(&"Dana's review".to_owned()));
}
