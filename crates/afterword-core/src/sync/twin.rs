//! An in-memory twin of the parts of CouchDB's API the team library uses:
//! revisions and their check on every write (`_bulk_docs`), deletions as
//! tombstones, conflicting revisions (as replication from a third copy
//! makes them, `new_edits=false`), the winner CouchDB picks, and the
//! `_changes` feed with `include_docs` and `conflicts`.

use std::collections::BTreeMap;

use serde_json::{json, Value};

use super::Pushed;

#[derive(Debug, Clone)]
struct Leaf {
    rev: String,
    body: Value,
    deleted: bool,
}

#[derive(Debug, Default)]
struct Entry {
    leaves: Vec<Leaf>,
    seq: u64,
}

fn generation(rev: &str) -> u64 {
    rev.split('-')
        .next()
        .and_then(|g| g.parse().ok())
        .unwrap_or(0)
}

impl Entry {
    /// CouchDB's winner: a live leaf before a deleted one, then the
    /// longest history, then the greatest revision id.
    fn winner(&self) -> Option<&Leaf> {
        self.leaves.iter().max_by(|a, b| {
            (!a.deleted, generation(&a.rev), &a.rev).cmp(&(!b.deleted, generation(&b.rev), &b.rev))
        })
    }
}

#[derive(Debug, Default)]
pub struct Twin {
    docs: BTreeMap<String, Entry>,
    seq: u64,
    made: u64,
}

impl Twin {
    pub fn new() -> Self {
        Twin::default()
    }

    fn next_rev(&mut self, generation: u64) -> String {
        self.made += 1;
        format!("{generation}-{:08x}", self.made)
    }

    /// `POST /db/_bulk_docs` with the default `new_edits=true`.
    pub fn bulk_docs(&mut self, docs: &[Value]) -> Vec<Pushed> {
        docs.iter().map(|d| self.put(d.clone())).collect()
    }

    fn put(&mut self, mut body: Value) -> Pushed {
        let Some(id) = body.get("_id").and_then(Value::as_str).map(str::to_owned) else {
            return Pushed::Refused("no _id".into());
        };
        let given = body.get("_rev").and_then(Value::as_str).map(str::to_owned);
        let deleted = body
            .get("_deleted")
            .and_then(Value::as_bool)
            .unwrap_or(false);
        let entry = self.docs.entry(id.clone()).or_default();
        let at = match &given {
            Some(rev) => match entry.leaves.iter().position(|l| &l.rev == rev) {
                Some(i) => Some(i),
                None => return Pushed::Conflict,
            },
            None => {
                // Without a revision, only a new or deleted document.
                if entry.winner().is_some_and(|w| !w.deleted) {
                    return Pushed::Conflict;
                }
                None
            }
        };
        let generation = match (at, entry.winner()) {
            (Some(i), _) => generation(&entry.leaves[i].rev) + 1,
            (None, Some(w)) => generation(&w.rev) + 1,
            (None, None) => 1,
        };
        let rev = self.next_rev(generation);
        let entry = self.docs.get_mut(&id).expect("entry made above");
        if let Some(obj) = body.as_object_mut() {
            obj.remove("_rev");
            obj.remove("_deleted");
        }
        let leaf = Leaf {
            rev: rev.clone(),
            body,
            deleted,
        };
        match at {
            Some(i) => entry.leaves[i] = leaf,
            None => {
                entry.leaves.retain(|l| !l.deleted);
                entry.leaves.push(leaf);
            }
        }
        self.seq += 1;
        entry.seq = self.seq;
        Pushed::Ok { rev }
    }

    /// A conflicting revision arriving by replication from another copy of
    /// the database (`new_edits=false`): a sibling of the current winner
    /// that loses against it (its revision id sorts lower).
    pub fn replicate_conflict(&mut self, id: &str, body: Value) -> String {
        let generation = self
            .docs
            .get(id)
            .and_then(Entry::winner)
            .map_or(1, |w| generation(&w.rev));
        let rev = format!("{generation}-0000000{:04x}", self.made);
        self.made += 1;
        let entry = self.docs.entry(id.to_owned()).or_default();
        entry.leaves.push(Leaf {
            rev: rev.clone(),
            body,
            deleted: false,
        });
        self.seq += 1;
        entry.seq = self.seq;
        rev
    }

    /// Writes a document directly, as another tool would (`PUT` over the
    /// winner).
    pub fn put_raw(&mut self, mut body: Value) -> Pushed {
        let id = body
            .get("_id")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned();
        if let Some(w) = self.docs.get(&id).and_then(Entry::winner) {
            body["_rev"] = Value::String(w.rev.clone());
        }
        self.put(body)
    }

    fn shown(id: &str, entry: &Entry, leaf: &Leaf) -> Value {
        let mut doc = leaf.body.clone();
        if !doc.is_object() {
            doc = json!({});
        }
        doc["_id"] = Value::String(id.to_owned());
        doc["_rev"] = Value::String(leaf.rev.clone());
        if leaf.deleted {
            doc["_deleted"] = Value::Bool(true);
        }
        let conflicts: Vec<Value> = entry
            .leaves
            .iter()
            .filter(|l| !l.deleted && l.rev != leaf.rev)
            .map(|l| Value::String(l.rev.clone()))
            .collect();
        if !conflicts.is_empty() {
            doc["_conflicts"] = Value::Array(conflicts);
        }
        doc
    }

    /// `GET /db/_changes?since=…&include_docs=true&conflicts=true`:
    /// one row per document changed after `since`, oldest first.
    pub fn changes(&self, since: &str) -> Value {
        let since: u64 = since.parse().unwrap_or(0);
        let mut rows: Vec<(u64, Value)> = self
            .docs
            .iter()
            .filter(|(_, e)| e.seq > since)
            .filter_map(|(id, e)| {
                let w = e.winner()?;
                let mut row = json!({
                    "seq": e.seq,
                    "id": id,
                    "changes": [{ "rev": w.rev }],
                    "doc": Self::shown(id, e, w),
                });
                if w.deleted {
                    row["deleted"] = Value::Bool(true);
                }
                Some((e.seq, row))
            })
            .collect();
        rows.sort_by_key(|(s, _)| *s);
        json!({
            "results": rows.into_iter().map(|(_, r)| r).collect::<Vec<_>>(),
            "last_seq": self.seq,
        })
    }

    /// `GET /db/{id}?rev=…`.
    pub fn get_rev(&self, id: &str, rev: &str) -> Option<Value> {
        let e = self.docs.get(id)?;
        let leaf = e.leaves.iter().find(|l| l.rev == rev)?;
        Some(Self::shown(id, e, leaf))
    }

    /// `GET /db/{id}`: the winner, `None` when missing or deleted.
    pub fn get(&self, id: &str) -> Option<Value> {
        let e = self.docs.get(id)?;
        let w = e.winner().filter(|w| !w.deleted)?;
        Some(Self::shown(id, e, w))
    }
}
