//! Custom templates in the team library: one server document each
//! (`_id` = `template:{id}`, `type` = `"template"`, the template as
//! *Export* writes it). A template changed here since the last exchange is
//! sent; one changed on the server and not here is taken. Changed on both
//! sides, nothing is dropped: this browser's stays, and the server's is
//! kept beside it as a copy named after who changed it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::{Incoming, Pushed, SyncState};
use crate::store::{KeyValueStore, Library, StoreError};
use crate::template::{template_from_json, Template};

pub const TEMPLATE_PREFIX: &str = "template:";
pub const TEMPLATE_TYPE: &str = "template";

/// What was last exchanged for one custom template.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TrackedTemplate {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rev: Option<String>,
    /// Fingerprint of the template's JSON as last exchanged.
    #[serde(default)]
    pub hash: u64,
}

pub type TrackedTemplates = BTreeMap<String, TrackedTemplate>;

/// FNV-1a of the template's JSON: enough to tell "changed since".
fn fingerprint(t: &Template) -> u64 {
    let json = serde_json::to_string(t).unwrap_or_default();
    json.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// One template write to send.
#[derive(Debug, Clone, PartialEq)]
pub struct OutgoingTemplate {
    pub id: String,
    pub body: Value,
    /// The fingerprint it carries (`None`: a deletion).
    pub hash: Option<u64>,
}

/// Custom templates changed or deleted here since the last exchange.
pub fn outgoing_templates<S: KeyValueStore>(
    lib: &Library<S>,
    state: &SyncState,
    edited_by: &str,
) -> Vec<OutgoingTemplate> {
    let Ok(stored) = lib.custom_templates() else {
        // Unreadable list: nothing is sent, and nothing deleted.
        return Vec::new();
    };
    let mut out = Vec::new();
    for t in &stored.usable {
        let tracked = state.templates.get(&t.id);
        let hash = fingerprint(t);
        if tracked.is_some_and(|k| k.hash == hash) {
            continue;
        }
        let mut body = Map::new();
        body.insert(
            "_id".into(),
            Value::String(format!("{TEMPLATE_PREFIX}{}", t.id)),
        );
        if let Some(rev) = tracked.and_then(|k| k.rev.clone()) {
            body.insert("_rev".into(), Value::String(rev));
        }
        body.insert("type".into(), Value::String(TEMPLATE_TYPE.into()));
        if !edited_by.is_empty() {
            body.insert("edited_by".into(), Value::String(edited_by.into()));
        }
        if let Ok(Value::Object(mut map)) = serde_json::to_value(t) {
            map.remove("builtin");
            body.append(&mut map);
        }
        out.push(OutgoingTemplate {
            id: t.id.clone(),
            body: Value::Object(body),
            hash: Some(hash),
        });
    }
    let unusable: Vec<&str> = stored
        .issues
        .iter()
        .filter_map(|i| i.id.as_deref())
        .collect();
    for (id, k) in &state.templates {
        let Some(rev) = &k.rev else { continue };
        if stored.usable.iter().any(|t| &t.id == id) || unusable.contains(&id.as_str()) {
            continue;
        }
        out.push(OutgoingTemplate {
            id: id.clone(),
            body: serde_json::json!({ "_id": format!("{TEMPLATE_PREFIX}{id}"), "_rev": rev, "_deleted": true }),
            hash: None,
        });
    }
    out
}

/// Records the server's answers to [`outgoing_templates`]' writes.
pub fn pushed_templates(state: &mut SyncState, sent: &[OutgoingTemplate], answers: &[Pushed]) {
    for (w, answer) in sent.iter().zip(answers) {
        if let Pushed::Ok { rev } = answer {
            match w.hash {
                Some(hash) => {
                    state.templates.insert(
                        w.id.clone(),
                        TrackedTemplate {
                            rev: Some(rev.clone()),
                            hash,
                        },
                    );
                }
                None => {
                    state.templates.remove(&w.id);
                }
            }
        }
    }
}

/// Applies one `_changes` row for a template document.
pub fn incoming_template<S: KeyValueStore>(
    lib: &Library<S>,
    state: &mut SyncState,
    id: &str,
    row: &Value,
) -> Result<Incoming, StoreError> {
    let store_err = |e: crate::store::TemplatesError| StoreError::Other(e.to_string());
    let (doc, rev) = super::row_doc_and_rev(row);
    let tracked = state.templates.get(id).cloned();
    if tracked.as_ref().and_then(|k| k.rev.as_deref()) == Some(rev.as_str()) {
        return Ok(Incoming::Unchanged);
    }
    let local = lib.usable_templates().into_iter().find(|t| t.id == id);
    let unchanged_here = |t: &Template| tracked.as_ref().is_some_and(|k| k.hash == fingerprint(t));
    if row.get("deleted").and_then(Value::as_bool).unwrap_or(false) {
        match &local {
            Some(t) if unchanged_here(t) => {
                lib.delete_template(id).map_err(store_err)?;
                state.templates.remove(id);
                return Ok(Incoming::Removed(id.to_owned()));
            }
            // Changed here: kept, and sent again as new.
            Some(_) => {
                state
                    .templates
                    .insert(id.to_owned(), TrackedTemplate::default());
            }
            None => {
                state.templates.remove(id);
            }
        }
        return Ok(Incoming::Unchanged);
    }
    let body: Map<String, Value> = doc
        .as_object()
        .map(|m| {
            m.iter()
                .filter(|(k, _)| {
                    !k.starts_with('_') && k.as_str() != "type" && k.as_str() != "edited_by"
                })
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect()
        })
        .unwrap_or_default();
    let theirs = match template_from_json(&Value::Object(body).to_string()) {
        Ok(t) if t.id == id => t,
        // Not a template this version can use: left on the server.
        _ => {
            state.templates.entry(id.to_owned()).or_default().rev = Some(rev);
            return Ok(Incoming::Unchanged);
        }
    };
    match local {
        Some(mine) if !unchanged_here(&mine) && fingerprint(&mine) != fingerprint(&theirs) => {
            // Both changed: theirs is kept beside mine, mine is sent.
            let who = doc
                .get("edited_by")
                .and_then(Value::as_str)
                .unwrap_or("the team");
            let mut copy = theirs.clone();
            let generation = rev.split('-').next().unwrap_or("2");
            copy.id = format!("{id}-{generation}");
            copy.name = format!("{} (from {who})", theirs.name);
            lib.save_template(&copy).map_err(store_err)?;
            state.templates.insert(
                id.to_owned(),
                TrackedTemplate {
                    rev: Some(rev),
                    hash: 0,
                },
            );
            Ok(Incoming::Applied(copy.id))
        }
        _ => {
            lib.save_template(&theirs).map_err(store_err)?;
            state.templates.insert(
                id.to_owned(),
                TrackedTemplate {
                    rev: Some(rev),
                    hash: fingerprint(&theirs),
                },
            );
            Ok(Incoming::Applied(id.to_owned()))
        }
    }
}
