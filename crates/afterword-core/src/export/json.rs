//! JSON export and import of a single postmortem.
//!
//! The export is the document exactly as stored, `schema_version` included,
//! pretty-printed with keys in the order of the model's fields and a final
//! newline, so two exports of the same document are byte-identical. Import
//! goes through [`crate::restore::restore`], the one door for outside data.

use chrono::{DateTime, Utc};

use crate::ids::new_id;
use crate::model::Postmortem;
use crate::restore::{over_limits, restore, MAX_DOCUMENT_BYTES};

use super::ImportError;

/// The document as pretty JSON, ending with a newline.
pub fn to_json(doc: &Postmortem) -> String {
    // A document is plain data (strings, numbers, maps with string keys), so
    // serialising it cannot fail; the fallback keeps this panic-free anyway.
    let mut out = serde_json::to_string_pretty(doc).unwrap_or_else(|_| "{}".to_owned());
    out.push('\n');
    out
}

/// Reads a postmortem file: size limit, JSON syntax, migration of older
/// versions, types and ids, each problem named with its path.
pub fn import_json(raw: &str) -> Result<Postmortem, ImportError> {
    if raw.len() > MAX_DOCUMENT_BYTES {
        return Err(ImportError::TooLarge {
            bytes: raw.len(),
            limit: MAX_DOCUMENT_BYTES,
        });
    }
    let doc = restore(raw).map_err(ImportError::Document)?;
    match over_limits(&doc) {
        Some(e) => Err(ImportError::Document(e)),
        None => Ok(doc),
    }
}

/// A copy of an imported document under a new id, for "keep both" when the
/// library already has a draft with the same id. Everything else, entry ids
/// included, stays identical.
pub fn reid(doc: &Postmortem, now: DateTime<Utc>, entropy: u64) -> Postmortem {
    let mut copy = doc.clone();
    copy.id = new_id("pm", now, entropy);
    if copy.id == doc.id {
        copy.id = new_id("pm", now, entropy.wrapping_add(1));
    }
    copy
}

/// The JSON Schema of the document, generated from the Rust types.
#[cfg(feature = "schema")]
pub fn json_schema() -> String {
    let mut schema = schemars::schema_for!(Postmortem);
    schema.schema.metadata().title = Some("Afterword postmortem".to_owned());
    schema.schema.metadata().description = Some(format!(
        "One blameless postmortem as exported by Afterword (schema_version {}).",
        crate::model::SCHEMA_VERSION
    ));
    let mut out = serde_json::to_string_pretty(&schema).unwrap_or_else(|_| "{}".to_owned());
    out.push('\n');
    out
}
