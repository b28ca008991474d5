//! The team library: what Afterword exchanges with the team's CouchDB
//! (or a compatible server), decided here without any network.
//!
//! A draft on the server is the JSON Afterword exports, plus CouchDB's own
//! fields (`_id` = `postmortem:{id}`, `_rev`) and three of ours: `type`
//! (`"postmortem"`), `trashed_at` (set while the draft is in the trash) and
//! `edited_by` (the team member whose copy it is). Other tools read them as
//! they read an exported file.
//!
//! [`SyncState`] remembers, per draft, the server revision (`_rev`) and the
//! local revision last exchanged: a draft whose local revision or trash mark
//! moved since is pushed ([`outgoing`]); a server change to a draft that did
//! not change here is applied ([`incoming`]). A change on both sides since
//! the last exchange, a server-side conflict (`_conflicts`) and a deletion
//! on the server of a draft edited here become a [`Conflict`] that waits
//! for the person's choice ([`resolve`]): nothing is overwritten silently.
//!
//! Custom templates travel the same way, one document each
//! (`template:{id}`, see [`outgoing_templates`]).
//!
//! The adapter that talks to the server (fetch, `_bulk_docs`, the
//! `_changes` feed) calls these functions and saves the state after each
//! step; after a reload it resumes from [`SyncState::since`].

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::export::json::reid;
use crate::model::Postmortem;
use crate::restore::restore_value;
use crate::store::{DraftMeta, KeyValueStore, Library, StoreError};

pub use templates::{
    incoming_template, outgoing_templates, pushed_templates, OutgoingTemplate, TrackedTemplate,
    TEMPLATE_PREFIX, TEMPLATE_TYPE,
};

mod templates;

/// The document a `_changes` row carries and its revision (from the
/// document, or from the row's change list for a deletion).
pub(crate) fn row_doc_and_rev(row: &Value) -> (Value, String) {
    let doc = row.get("doc").cloned().unwrap_or(Value::Null);
    let rev = doc
        .get("_rev")
        .and_then(Value::as_str)
        .or_else(|| row.pointer("/changes/0/rev").and_then(Value::as_str))
        .unwrap_or_default()
        .to_owned();
    (doc, rev)
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod twin;

/// What starts the `_id` of a postmortem on the server.
pub const DOC_PREFIX: &str = "postmortem:";
/// The `type` field of a postmortem on the server.
pub const DOC_TYPE: &str = "postmortem";
/// The design document that keeps anything but postmortems out of the
/// database (installed as `_design/afterword`).
pub const DESIGN_DOC: &str = include_str!("../../../../couchdb/afterword.json");

/// Where the team library is. No password: the server's session cookie
/// is kept by the browser.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TeamConfig {
    /// The database's address, e.g. `https://couch.example.com/postmortems`.
    pub url: String,
    /// Who signed in last (to show "Signed in as dana" before the server
    /// confirms it).
    #[serde(default)]
    pub user: String,
}

/// A local revision no draft has: a draft tracked with it is sent again.
const CHANGED: u64 = u64::MAX;

/// What was last exchanged for one draft.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Tracked {
    /// The server's revision of the draft, once it is there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rev: Option<String>,
    /// The local revision that matched it; another one means "changed here".
    #[serde(default)]
    pub revision: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trashed_at: Option<DateTime<Utc>>,
    /// The person keeps this draft out of the team library.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub local_only: bool,
}

/// A draft changed here and on the server, waiting for the person's choice.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Conflict {
    /// The server's copy as JSON; `None` when it was deleted on the server.
    pub theirs: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theirs_trashed_at: Option<DateTime<Utc>>,
    /// The server revision a resolution writes over.
    pub rev: String,
    /// Who changed the server's copy, and when (as far as it says).
    #[serde(default)]
    pub by: String,
    #[serde(default)]
    pub at: Option<DateTime<Utc>>,
    /// Conflicting server revisions that a resolution removes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub drop_revs: Vec<String>,
}

impl Conflict {
    /// The server's copy, read through the one door for outside data.
    pub fn theirs_doc(&self) -> Option<Postmortem> {
        let raw = self.theirs.as_deref()?;
        crate::restore::restore(raw).ok()
    }
}

/// Everything exchanged with the team library so far.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SyncState {
    /// The `_changes` sequence read up to (opaque text; empty: from the
    /// start).
    #[serde(default)]
    pub since: String,
    #[serde(default)]
    pub drafts: BTreeMap<String, Tracked>,
    #[serde(default)]
    pub conflicts: BTreeMap<String, Conflict>,
    /// Server revisions to delete (conflicting copies the person resolved).
    #[serde(default)]
    pub drop: Vec<(String, String)>,
    /// What was last exchanged for each custom template.
    #[serde(default)]
    pub templates: templates::TrackedTemplates,
    /// When the last full exchange finished.
    #[serde(default)]
    pub synced_at: Option<DateTime<Utc>>,
}

impl SyncState {
    pub fn is_local_only(&self, id: &str) -> bool {
        self.drafts.get(id).is_some_and(|t| t.local_only)
    }

    /// True when the draft is on the server (as far as the last exchange
    /// knows).
    pub fn is_shared(&self, id: &str) -> bool {
        self.drafts
            .get(id)
            .is_some_and(|t| t.rev.is_some() && !t.local_only)
    }

    /// Keeps a draft out of the team library (or shares it again). Its
    /// server copy, if any, stays there.
    pub fn set_local_only(&mut self, id: &str, local_only: bool) {
        let t = self.drafts.entry(id.to_owned()).or_default();
        t.local_only = local_only;
        if !local_only {
            // Compare it afresh: pushed if it differs from the server copy.
            t.revision = CHANGED;
        }
    }

    /// How many local changes wait to be sent.
    pub fn waiting(&self, drafts: &[DraftMeta], revisions: impl Fn(&str) -> Option<u64>) -> usize {
        let changed = drafts
            .iter()
            .filter(|m| !self.conflicts.contains_key(&m.id))
            .filter(|m| match self.drafts.get(&m.id) {
                Some(t) if t.local_only => false,
                Some(t) => t.trashed_at != m.trashed_at || revisions(&m.id) != Some(t.revision),
                None => true,
            })
            .count();
        changed + self.drop.len()
    }
}

/// `_id` on the server of draft `id`.
pub fn server_id(id: &str) -> String {
    format!("{DOC_PREFIX}{id}")
}

/// The draft id of a server `_id`, when it names a postmortem.
pub fn draft_id(server_id: &str) -> Option<&str> {
    server_id
        .strip_prefix(DOC_PREFIX)
        .filter(|id| !id.is_empty())
}

/// A draft as the server stores it.
pub fn server_doc(
    doc: &Postmortem,
    trashed_at: Option<DateTime<Utc>>,
    rev: Option<&str>,
    edited_by: &str,
) -> Value {
    let mut map = match serde_json::to_value(doc) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    };
    let mut out = Map::new();
    out.insert("_id".into(), Value::String(server_id(&doc.id)));
    if let Some(rev) = rev {
        out.insert("_rev".into(), Value::String(rev.to_owned()));
    }
    out.insert("type".into(), Value::String(DOC_TYPE.into()));
    if let Some(at) = trashed_at {
        out.insert("trashed_at".into(), Value::String(at.to_rfc3339()));
    }
    if !edited_by.is_empty() {
        out.insert("edited_by".into(), Value::String(edited_by.to_owned()));
    }
    out.append(&mut map);
    Value::Object(out)
}

/// A server document read back: the draft and our fields beside it.
#[derive(Debug, Clone, PartialEq)]
pub struct Remote {
    pub doc: Postmortem,
    pub trashed_at: Option<DateTime<Utc>>,
    pub edited_by: String,
}

/// Fields the server document has besides the exported postmortem.
const SERVER_FIELDS: [&str; 3] = ["type", "trashed_at", "edited_by"];

/// Reads a server document as draft `id`. The reason when it cannot be.
pub fn from_server(id: &str, value: &Value) -> Result<Remote, String> {
    let Value::Object(map) = value else {
        return Err("it is not a JSON object".into());
    };
    if map.get("type").and_then(Value::as_str) != Some(DOC_TYPE) {
        return Err("it does not say it is a postmortem (\"type\")".into());
    }
    let trashed_at = map
        .get("trashed_at")
        .and_then(Value::as_str)
        .and_then(|s| DateTime::parse_from_rfc3339(s).ok())
        .map(|t| t.with_timezone(&Utc));
    let edited_by = map
        .get("edited_by")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    let body: Map<String, Value> = map
        .iter()
        .filter(|(k, _)| !k.starts_with('_') && !SERVER_FIELDS.contains(&k.as_str()))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let doc = restore_value(Value::Object(body)).map_err(|e| e.to_string())?;
    if doc.id != id {
        return Err(format!(
            "it says it is draft \"{}\" but is stored as draft {id}",
            doc.id
        ));
    }
    Ok(Remote {
        doc,
        trashed_at,
        edited_by,
    })
}

/// One write to send (`_bulk_docs`), and what it stands for.
#[derive(Debug, Clone, PartialEq)]
pub struct Outgoing {
    pub id: String,
    pub body: Value,
    /// The local revision and trash mark it carries (`None` for a deletion).
    pub revision: Option<(u64, Option<DateTime<Utc>>)>,
}

/// What to send: every shared draft that changed here since the last
/// exchange, the deletion of shared drafts deleted here for good, and the
/// removal of conflicting copies the person resolved. Drafts waiting for a
/// conflict choice are held back.
///
/// `drafts` is the draft list (every stored draft, trashed ones included);
/// only the drafts that changed are read in full.
pub fn outgoing<S: KeyValueStore>(
    lib: &Library<S>,
    state: &SyncState,
    drafts: &[DraftMeta],
    edited_by: &str,
) -> Vec<Outgoing> {
    let mut out = Vec::new();
    for meta in drafts {
        if state.conflicts.contains_key(&meta.id) {
            continue;
        }
        let tracked = state.drafts.get(&meta.id);
        if tracked.is_some_and(|t| t.local_only) {
            continue;
        }
        let unchanged = tracked.is_some_and(|t| {
            t.trashed_at == meta.trashed_at && lib.revision_of(&meta.id) == Some(t.revision)
        });
        if unchanged {
            continue;
        }
        let Ok(Some(doc)) = lib.open(&meta.id) else {
            continue;
        };
        let rev = tracked.and_then(|t| t.rev.as_deref());
        out.push(Outgoing {
            id: doc.id.clone(),
            body: server_doc(&doc, meta.trashed_at, rev, edited_by),
            revision: Some((doc.revision, meta.trashed_at)),
        });
    }
    let listed: std::collections::BTreeSet<&str> = drafts.iter().map(|m| m.id.as_str()).collect();
    for (id, t) in &state.drafts {
        let Some(rev) = &t.rev else { continue };
        if t.local_only || state.conflicts.contains_key(id) || listed.contains(id.as_str()) {
            continue;
        }
        // Only a draft deleted for good: one set aside as unreadable is
        // still the person's and is not deleted for the team.
        if lib.is_stored(id) || lib.has_quarantined(id) {
            continue;
        }
        out.push(Outgoing {
            id: id.clone(),
            body: serde_json::json!({ "_id": server_id(id), "_rev": rev, "_deleted": true }),
            revision: None,
        });
    }
    for (id, rev) in &state.drop {
        out.push(Outgoing {
            id: id.clone(),
            body: serde_json::json!({ "_id": server_id(id), "_rev": rev, "_deleted": true }),
            revision: None,
        });
    }
    out
}

/// The server's answer to one write.
#[derive(Debug, Clone, PartialEq)]
pub enum Pushed {
    Ok {
        rev: String,
    },
    /// The server has a revision this browser has not seen: the next pull
    /// brings it, and it is compared then.
    Conflict,
    /// Refused for another reason (e.g. the design document's check).
    Refused(String),
}

/// Records the server's answers to [`outgoing`]'s writes. Returns the
/// refusals, to show.
pub fn pushed(state: &mut SyncState, sent: &[Outgoing], answers: &[Pushed]) -> Vec<String> {
    let mut refused = Vec::new();
    for (w, answer) in sent.iter().zip(answers) {
        let dropped_rev = w
            .body
            .get("_rev")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let is_drop = state
            .drop
            .iter()
            .any(|(id, rev)| id == &w.id && rev == dropped_rev);
        match answer {
            Pushed::Ok { rev } => match w.revision {
                Some((revision, trashed_at)) => {
                    let t = state.drafts.entry(w.id.clone()).or_default();
                    t.rev = Some(rev.clone());
                    t.revision = revision;
                    t.trashed_at = trashed_at;
                }
                None if is_drop => state
                    .drop
                    .retain(|(id, rev)| !(id == &w.id && rev == dropped_rev)),
                None => {
                    state.drafts.remove(&w.id);
                }
            },
            // A conflicting copy already gone is as good as removed.
            Pushed::Conflict if is_drop => state
                .drop
                .retain(|(id, rev)| !(id == &w.id && rev == dropped_rev)),
            Pushed::Conflict => {}
            Pushed::Refused(why) => refused.push(format!(
                "Draft {} was refused by the team library: {why}",
                w.id
            )),
        }
    }
    refused
}

/// What a pulled change did here.
#[derive(Debug, Clone, PartialEq)]
pub enum Incoming {
    /// Nothing to do (our own write coming back, a foreign document, a
    /// draft kept local only).
    Unchanged,
    /// The server's copy was stored here (new, changed or in the trash).
    Applied(String),
    /// Deleted on the server and unchanged here: removed here too.
    Removed(String),
    /// Changed on both sides: waits for the person.
    Conflicted(String),
    /// Unreadable: its raw text is set aside under this key.
    SetAside {
        id: String,
        key: String,
        reason: String,
    },
    /// The server holds conflicting revisions: fetch them and pass each to
    /// [`server_conflict`].
    NeedRevisions {
        id: String,
        winner: String,
        revs: Vec<String>,
    },
}

/// Applies one row of the `_changes` feed (with `include_docs` and
/// `conflicts`). A storage error (quota) stops the pull: the caller keeps
/// the feed's sequence where it was, so nothing is skipped.
pub fn incoming<S: KeyValueStore>(
    lib: &Library<S>,
    state: &mut SyncState,
    row: &Value,
) -> Result<Incoming, StoreError> {
    let server_id = row.get("id").and_then(Value::as_str).unwrap_or_default();
    if let Some(id) = server_id.strip_prefix(TEMPLATE_PREFIX) {
        return incoming_template(lib, state, id, row);
    }
    let Some(id) = draft_id(server_id) else {
        return Ok(Incoming::Unchanged);
    };
    let id = id.to_owned();
    let deleted = row.get("deleted").and_then(Value::as_bool).unwrap_or(false);
    let (doc, rev) = row_doc_and_rev(row);
    let others: Vec<String> = doc
        .get("_conflicts")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|r| r.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    let tracked = state.drafts.get(&id).cloned();
    if tracked.as_ref().is_some_and(|t| t.local_only) {
        return Ok(Incoming::Unchanged);
    }
    let needs_revisions = |state: &SyncState| {
        let known: Vec<&String> = state
            .drop
            .iter()
            .filter(|(d, _)| d == &id)
            .map(|(_, r)| r)
            .collect();
        let revs: Vec<String> = others
            .iter()
            .filter(|r| !known.contains(r))
            .cloned()
            .collect();
        (!revs.is_empty() && !state.conflicts.contains_key(&id)).then(|| Incoming::NeedRevisions {
            id: id.clone(),
            winner: rev.clone(),
            revs,
        })
    };
    if tracked.as_ref().and_then(|t| t.rev.as_deref()) == Some(rev.as_str()) {
        return Ok(needs_revisions(state).unwrap_or(Incoming::Unchanged));
    }
    let local = lib.open(&id).ok().flatten();
    let trashed_here = lib.trashed_at(&id);
    let unchanged_here = |t: &Option<Tracked>, local: &Postmortem| {
        t.as_ref()
            .is_some_and(|t| t.revision == local.revision && t.trashed_at == trashed_here)
    };

    if deleted {
        return match local {
            None => {
                state.drafts.remove(&id);
                Ok(Incoming::Unchanged)
            }
            Some(local) if unchanged_here(&tracked, &local) => {
                lib.delete_forever(&id)?;
                state.drafts.remove(&id);
                Ok(Incoming::Removed(id))
            }
            Some(local) => {
                state.conflicts.insert(
                    id.clone(),
                    Conflict {
                        theirs: None,
                        theirs_trashed_at: None,
                        rev,
                        by: String::new(),
                        at: None,
                        drop_revs: Vec::new(),
                    },
                );
                let _ = local;
                Ok(Incoming::Conflicted(id))
            }
        };
    }

    let remote = match from_server(&id, &doc) {
        Ok(r) => r,
        Err(reason) => {
            let raw = serde_json::to_string(&doc).unwrap_or_default();
            let key = lib.set_aside_remote(&id, &raw)?;
            // Not asked for again; a later readable revision replaces it.
            state.drafts.entry(id.clone()).or_default().rev = Some(rev);
            return Ok(Incoming::SetAside { id, key, reason });
        }
    };

    match local {
        Some(local) if !unchanged_here(&tracked, &local) => {
            if same_content(&local, &remote.doc) && trashed_here == remote.trashed_at {
                // Both sides hold the same: nothing to choose.
                state.drafts.insert(
                    id.clone(),
                    Tracked {
                        rev: Some(rev.clone()),
                        revision: local.revision,
                        trashed_at: trashed_here,
                        local_only: false,
                    },
                );
                return Ok(needs_revisions(state).unwrap_or(Incoming::Unchanged));
            }
            state.conflicts.insert(
                id.clone(),
                Conflict {
                    theirs: serde_json::to_string(&remote.doc).ok(),
                    theirs_trashed_at: remote.trashed_at,
                    rev,
                    by: remote.edited_by,
                    at: Some(remote.doc.updated_at),
                    drop_revs: Vec::new(),
                },
            );
            Ok(Incoming::Conflicted(id))
        }
        stored => {
            let revision = store_remote(lib, &remote, stored.is_some())?;
            state.drafts.insert(
                id.clone(),
                Tracked {
                    rev: Some(rev.clone()),
                    revision,
                    trashed_at: remote.trashed_at,
                    local_only: false,
                },
            );
            Ok(needs_revisions(state).unwrap_or(Incoming::Applied(id)))
        }
    }
}

/// Writes the server's copy here; returns the local revision it got.
fn store_remote<S: KeyValueStore>(
    lib: &Library<S>,
    remote: &Remote,
    over: bool,
) -> Result<u64, StoreError> {
    let revision = lib.put_pulled(&remote.doc, over)?;
    if lib.trashed_at(&remote.doc.id) != remote.trashed_at {
        lib.set_trashed(&remote.doc.id, remote.trashed_at)?;
    }
    Ok(revision)
}

/// Two copies of a draft that differ only in their local bookkeeping.
fn same_content(a: &Postmortem, b: &Postmortem) -> bool {
    let mut b = b.clone();
    b.revision = a.revision;
    b.updated_at = a.updated_at;
    *a == b
}

/// A conflicting revision held by the server (`_conflicts`), fetched with
/// `?rev=`: offered to the person against the winning copy.
pub fn server_conflict(
    state: &mut SyncState,
    id: &str,
    winner: &str,
    loser_rev: &str,
    loser: &Value,
) -> Incoming {
    if state.conflicts.contains_key(id) {
        return Incoming::Unchanged;
    }
    let (theirs, trashed, by, at) = match from_server(id, loser) {
        Ok(r) => (
            serde_json::to_string(&r.doc).ok(),
            r.trashed_at,
            r.edited_by,
            Some(r.doc.updated_at),
        ),
        // An unreadable conflicting copy is not a postmortem to choose:
        // it is removed from the server's conflicts (its text stays in
        // the server's history).
        Err(_) => {
            state.drop.push((id.to_owned(), loser_rev.to_owned()));
            return Incoming::Unchanged;
        }
    };
    state.conflicts.insert(
        id.to_owned(),
        Conflict {
            theirs,
            theirs_trashed_at: trashed,
            rev: winner.to_owned(),
            by,
            at,
            drop_revs: vec![loser_rev.to_owned()],
        },
    );
    Incoming::Conflicted(id.to_owned())
}

/// The person's choice for a conflict, the same as between two tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    /// Keep this browser's copy and send it over the server's.
    KeepMine,
    /// Take the server's copy (for a draft deleted on the server: move it
    /// to the trash here).
    TakeTheirs,
    /// Keep this browser's copy as a new draft and take the server's.
    KeepBoth,
}

/// Carries out the person's choice. Returns the id of the new draft for
/// [`Choice::KeepBoth`].
pub fn resolve<S: KeyValueStore>(
    lib: &Library<S>,
    state: &mut SyncState,
    id: &str,
    choice: Choice,
    now: DateTime<Utc>,
    entropy: u64,
) -> Result<Option<String>, StoreError> {
    let Some(conflict) = state.conflicts.get(id).cloned() else {
        return Ok(None);
    };
    let mut copy_id = None;
    if choice == Choice::KeepBoth {
        if let Ok(Some(mine)) = lib.open(id) {
            let mut copy = reid(&mine, now, entropy);
            copy.revision = 0;
            copy.title = format!("{} (my edits)", mine.display_title());
            lib.save(&mut copy, now).map_err(|e| match e {
                crate::store::SaveError::Store(e) => e,
                other => StoreError::Other(other.to_string()),
            })?;
            copy_id = Some(copy.id);
        }
    }
    let keep_mine = choice == Choice::KeepMine;
    match (&conflict.theirs, keep_mine) {
        (_, true) => {
            let t = state.drafts.entry(id.to_owned()).or_default();
            // Deleted on the server: sent again as a new document.
            t.rev = conflict.theirs.as_ref().map(|_| conflict.rev.clone());
            t.revision = CHANGED;
        }
        (None, false) => {
            // Deleted there: kept here, in the trash and out of the team
            // library, until the person deletes it.
            if lib.trashed_at(id).is_none() {
                lib.set_trashed(id, Some(now))?;
            }
            let t = state.drafts.entry(id.to_owned()).or_default();
            t.rev = None;
            t.local_only = true;
        }
        (Some(raw), false) => {
            let doc = crate::restore::restore(raw).map_err(|e| StoreError::Other(e.to_string()))?;
            let remote = Remote {
                doc,
                trashed_at: conflict.theirs_trashed_at,
                edited_by: conflict.by.clone(),
            };
            let revision = store_remote(lib, &remote, lib.is_stored(id))?;
            let t = state.drafts.entry(id.to_owned()).or_default();
            t.rev = Some(conflict.rev.clone());
            t.trashed_at = remote.trashed_at;
            // A server-side conflict: the winner must take this content.
            t.revision = if conflict.drop_revs.is_empty() {
                revision
            } else {
                CHANGED
            };
        }
    }
    for rev in &conflict.drop_revs {
        state.drop.push((id.to_owned(), rev.clone()));
    }
    state.conflicts.remove(id);
    Ok(copy_id)
}

/// The sequence to resume from, as the `_changes` feed gives it (a number
/// in older servers and PouchDB Server, text in CouchDB 2 and later).
pub fn seq_text(seq: &Value) -> String {
    match seq {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}
