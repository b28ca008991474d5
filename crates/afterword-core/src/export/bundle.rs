//! Backup bundles: every draft, the team's templates and the settings in one
//! file, to move a library to another browser or keep a copy.
//!
//! Reading a bundle is forgiving per draft and strict about the envelope: each
//! draft goes through [`restore_value`] on its own, so one damaged draft is
//! reported (with its index and path) while the others still come through.
//! Nothing is written by this module: [`plan_restore`] says what a restore
//! would add and replace, so the app can show it and ask first.

use std::collections::{BTreeMap, HashSet};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::model::{Id, Postmortem};
use crate::restore::{over_limits, plain_serde_message, restore_value, RestoreError};

use super::ImportError;

pub const BUNDLE_FORMAT: &str = "afterword-bundle";
pub const BUNDLE_VERSION: u32 = 1;
/// Bundles hold many drafts, so they may be larger than one document, but
/// not without bound: anything bigger is refused before parsing.
pub const MAX_BUNDLE_BYTES: usize = 40 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bundle {
    /// Always [`BUNDLE_FORMAT`]; tells a bundle from a single postmortem.
    pub format: String,
    pub bundle_version: u32,
    pub exported_at: DateTime<Utc>,
    pub drafts: Vec<Postmortem>,
    /// Team templates, kept as the template module stores them.
    pub templates: Vec<Value>,
    pub settings: Value,
    /// Drafts that were in the trash, and since when: they go back there
    /// when restored. Left out when empty (and absent from older bundles).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub trashed: BTreeMap<Id, DateTime<Utc>>,
    /// Versions that tabs kept when they closed with edits they could not
    /// save, so a backup loses none of them. Left out when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kept_versions: Vec<KeptVersion>,
}

/// One version a closing tab kept (the store's recovery keys).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeptVersion {
    /// `{draft id}:{time}`, the recovery key without its namespace.
    pub name: String,
    /// The kept document, exactly as stored.
    pub draft: Value,
}

impl Bundle {
    pub fn new(
        exported_at: DateTime<Utc>,
        drafts: Vec<Postmortem>,
        templates: Vec<Value>,
        settings: Value,
    ) -> Self {
        Bundle {
            format: BUNDLE_FORMAT.to_owned(),
            bundle_version: BUNDLE_VERSION,
            exported_at,
            drafts,
            templates,
            settings,
            trashed: BTreeMap::new(),
            kept_versions: Vec::new(),
        }
    }

    /// The same bundle, with the versions closing tabs kept.
    pub fn with_kept_versions(mut self, kept: Vec<KeptVersion>) -> Self {
        self.kept_versions = kept;
        self
    }

    /// The same bundle, noting which of its drafts are in the trash.
    pub fn with_trashed(mut self, trashed: BTreeMap<Id, DateTime<Utc>>) -> Self {
        self.trashed = trashed;
        self
    }
}

/// The bundle as pretty JSON, ending with a newline.
pub fn to_bundle_json(bundle: &Bundle) -> String {
    let mut out = serde_json::to_string_pretty(bundle).unwrap_or_else(|_| "{}".to_owned());
    out.push('\n');
    out
}

/// What could be read from a bundle.
#[derive(Debug, Clone, PartialEq)]
pub struct BundleRead {
    pub exported_at: DateTime<Utc>,
    /// The drafts that could be read, in bundle order.
    pub drafts: Vec<Postmortem>,
    pub templates: Vec<Value>,
    pub settings: Value,
    /// Drafts of the bundle that were in the trash, and since when.
    pub trashed: BTreeMap<Id, DateTime<Utc>>,
    /// Drafts left out: their index in the bundle and why.
    pub unreadable: Vec<(usize, String)>,
    /// Versions closing tabs kept, put back as they were.
    pub kept_versions: Vec<KeptVersion>,
}

/// A draft named in a restore plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedDraft {
    pub id: Id,
    pub title: String,
}

/// What restoring a bundle would do, for the person to confirm.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RestorePlan {
    /// Drafts the library does not have yet.
    pub added: Vec<PlannedDraft>,
    /// Drafts whose id the library already has: restoring overwrites them.
    pub replaced: Vec<PlannedDraft>,
    /// Drafts that cannot be restored: index in the bundle and why.
    pub unreadable: Vec<(usize, String)>,
}

/// Reads a backup bundle. The envelope must be sound; drafts are read one
/// by one and a bad one lands in [`BundleRead::unreadable`].
pub fn read_bundle(raw: &str) -> Result<BundleRead, ImportError> {
    if raw.len() > MAX_BUNDLE_BYTES {
        return Err(ImportError::TooLarge {
            bytes: raw.len(),
            limit: MAX_BUNDLE_BYTES,
        });
    }
    let value: Value = serde_json::from_str(raw).map_err(|e| ImportError::NotJson {
        line: e.line(),
        column: e.column(),
        message: plain_serde_message(&e.to_string()),
    })?;
    let Value::Object(mut map) = value else {
        return Err(ImportError::NotABundle {
            message: "expected a JSON object describing an Afterword backup bundle".into(),
        });
    };
    match map.get("format").and_then(Value::as_str) {
        Some(BUNDLE_FORMAT) => {}
        Some(other) => {
            return Err(ImportError::NotABundle {
                message: format!("format: \"{other}\" is not an Afterword backup bundle"),
            })
        }
        None if map.contains_key("schema_version") => {
            return Err(ImportError::NotABundle {
                message: "this file is a single postmortem, not a backup bundle; import it as a postmortem instead".into(),
            })
        }
        None => {
            return Err(ImportError::NotABundle {
                message: "format: missing; this is not an Afterword backup bundle".into(),
            })
        }
    }
    let version = map
        .get("bundle_version")
        .and_then(Value::as_u64)
        .ok_or_else(|| invalid("bundle_version", "expected a whole number"))?;
    if version > u64::from(BUNDLE_VERSION) {
        return Err(ImportError::BundleTooNew { found: version });
    }
    if version == 0 {
        return Err(invalid(
            "bundle_version",
            "0 is not a version Afterword ever wrote",
        ));
    }
    let exported_at = map
        .get("exported_at")
        .and_then(Value::as_str)
        .and_then(|s| DateTime::parse_from_rfc3339(s).ok())
        .map(|t| t.with_timezone(&Utc))
        .ok_or_else(|| {
            invalid(
                "exported_at",
                "expected a UTC timestamp such as 2026-11-20T14:02:00Z",
            )
        })?;
    let drafts = match map.remove("drafts") {
        Some(Value::Array(items)) => items,
        Some(_) => return Err(invalid("drafts", "expected a list of postmortems")),
        None => return Err(invalid("drafts", "missing")),
    };
    let templates = match map.remove("templates") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items,
        Some(_) => return Err(invalid("templates", "expected a list of templates")),
    };
    let settings = match map.remove("settings") {
        None | Some(Value::Null) => Value::Object(Default::default()),
        Some(v @ Value::Object(_)) => v,
        Some(_) => return Err(invalid("settings", "expected an object")),
    };
    let trashed = match map.remove("trashed") {
        None | Some(Value::Null) => BTreeMap::new(),
        Some(Value::Object(marks)) => {
            let mut out = BTreeMap::new();
            for (id, at) in marks {
                let at = at
                    .as_str()
                    .and_then(|s| DateTime::parse_from_rfc3339(s).ok())
                    .ok_or_else(|| {
                        invalid(
                            &format!("trashed.{id}"),
                            "expected the UTC time the draft was put in the trash",
                        )
                    })?;
                out.insert(id, at.with_timezone(&Utc));
            }
            out
        }
        Some(_) => {
            return Err(invalid(
                "trashed",
                "expected an object of draft ids and times",
            ))
        }
    };

    let kept_versions = match map.remove("kept_versions") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => {
            let mut out = Vec::new();
            for (i, item) in items.into_iter().enumerate() {
                let kept: KeptVersion = serde_json::from_value(item).map_err(|e| {
                    invalid(
                        &format!("kept_versions[{i}]"),
                        &plain_serde_message(&e.to_string()),
                    )
                })?;
                out.push(kept);
            }
            out
        }
        Some(_) => return Err(invalid("kept_versions", "expected a list of kept versions")),
    };
    let mut read = BundleRead {
        exported_at,
        drafts: Vec::new(),
        templates,
        settings,
        trashed,
        unreadable: Vec::new(),
        kept_versions,
    };
    let mut seen: HashSet<Id> = HashSet::new();
    for (index, draft) in drafts.into_iter().enumerate() {
        match restore_value(draft).and_then(|doc| match over_limits(&doc) {
            Some(e) => Err(e),
            None => Ok(doc),
        }) {
            Ok(doc) => {
                if seen.insert(doc.id.clone()) {
                    read.drafts.push(doc);
                } else {
                    read.unreadable.push((
                        index,
                        format!(
                            "drafts[{index}].id: \"{}\" appears earlier in the bundle; the first one is kept",
                            doc.id
                        ),
                    ));
                }
            }
            Err(e) => read.unreadable.push((index, draft_message(index, &e))),
        }
    }
    Ok(read)
}

/// What restoring `bundle` into a library holding `existing_ids` would do.
pub fn plan_restore<S: AsRef<str>>(bundle: &BundleRead, existing_ids: &[S]) -> RestorePlan {
    let existing: HashSet<&str> = existing_ids.iter().map(AsRef::as_ref).collect();
    let mut plan = RestorePlan {
        unreadable: bundle.unreadable.clone(),
        ..RestorePlan::default()
    };
    for doc in &bundle.drafts {
        let entry = PlannedDraft {
            id: doc.id.clone(),
            title: doc.display_title().to_owned(),
        };
        if existing.contains(doc.id.as_str()) {
            plan.replaced.push(entry);
        } else {
            plan.added.push(entry);
        }
    }
    plan
}

fn invalid(path: &str, message: &str) -> ImportError {
    ImportError::InvalidBundle {
        path: path.to_owned(),
        message: message.to_owned(),
    }
}

/// "drafts[2].timeline[0].at: not a UTC timestamp…"
fn draft_message(index: usize, e: &RestoreError) -> String {
    match e {
        RestoreError::Invalid { path, message } if !path.is_empty() && path != "." => {
            format!("drafts[{index}].{path}: {message}")
        }
        other => format!("drafts[{index}]: {other}"),
    }
}
