//! The team library's records in a namespace: where the team's database
//! is (`{ns}:team`) and what was last exchanged with it
//! (`{ns}:team:state`, see [`crate::sync::SyncState`]). No password is
//! ever stored: the server's session cookie is the browser's business.

use super::{KeyValueStore, Library, StoreError};
use crate::ids::is_valid_id;
use crate::model::Postmortem;
use crate::sync::{SyncState, TeamConfig};

impl<S: KeyValueStore> Library<S> {
    fn team_key(&self) -> String {
        self.key("team")
    }
    fn team_state_key(&self) -> String {
        self.key("team:state")
    }

    /// The team library this namespace is connected to, if any. A record
    /// that cannot be read counts as none (the person connects again).
    pub fn team_config(&self) -> Option<TeamConfig> {
        let raw = self.store.get(&self.team_key()).ok().flatten()?;
        serde_json::from_str(&raw).ok()
    }

    pub fn save_team_config(&self, config: &TeamConfig) -> Result<(), StoreError> {
        let raw = serde_json::to_string(config).map_err(|e| StoreError::Other(e.to_string()))?;
        self.store.set(&self.team_key(), &raw)
    }

    /// Forgets the team library and everything exchanged with it; the
    /// drafts stay as they are.
    pub fn forget_team(&self) -> Result<(), StoreError> {
        self.store.remove(&self.team_key())?;
        self.store.remove(&self.team_state_key())
    }

    /// What was last exchanged with the team library (empty before the
    /// first sync, or when the record cannot be read: a full sync then
    /// compares every draft again and loses nothing).
    pub fn team_state(&self) -> SyncState {
        self.store
            .get(&self.team_state_key())
            .ok()
            .flatten()
            .and_then(|raw| serde_json::from_str(&raw).ok())
            .unwrap_or_default()
    }

    pub fn save_team_state(&self, state: &SyncState) -> Result<(), StoreError> {
        let raw = serde_json::to_string(state).map_err(|e| StoreError::Other(e.to_string()))?;
        self.store.set(&self.team_state_key(), &raw)
    }

    /// Sets aside the raw text of a document from the team library that
    /// cannot be read as a postmortem, like an unreadable local draft.
    /// Returns the key it is kept under.
    pub fn set_aside_remote(&self, id: &str, raw: &str) -> Result<String, StoreError> {
        let key = self.unused_quarantine_key(id);
        self.store.set(&key, raw)?;
        Ok(key)
    }

    /// Stores a draft received from the team library. Over a stored copy
    /// its revision moves past the stored one (so an open editor notices);
    /// returns the revision it was stored with. The draft list is not
    /// rewritten for each one: it is rebuilt by the next load, which the
    /// app does after each batch.
    pub fn put_pulled(&self, doc: &Postmortem, over: bool) -> Result<u64, StoreError> {
        if !is_valid_id(&doc.id) {
            return Err(StoreError::Other(format!(
                "\"{}\" is not a usable draft id",
                doc.id
            )));
        }
        let mut doc = doc.clone();
        if over {
            if let Some(stored) = self.stored_revision(&doc.id)? {
                doc.revision = doc.revision.max(stored) + 1;
            }
        }
        let raw = serde_json::to_string(&doc).map_err(|e| StoreError::Other(e.to_string()))?;
        self.store.set(&self.draft_key(&doc.id), &raw)?;
        Ok(doc.revision)
    }

    /// The revision stored for draft `id` now, when it can be read.
    pub fn revision_of(&self, id: &str) -> Option<u64> {
        self.stored_revision(id).ok().flatten()
    }

    /// True when a copy of draft `id` is set aside as unreadable.
    pub fn has_quarantined(&self, id: &str) -> bool {
        let exact = format!("{}{id}", self.quarantine_prefix());
        let numbered = format!("{exact}:");
        self.store
            .keys()
            .unwrap_or_default()
            .iter()
            .any(|k| k == &exact || k.starts_with(&numbered))
    }
}
