//! Everything Afterword stores, kept in a key-value store (the browser's
//! localStorage in the app, an in-memory map in tests). [`Library`] is the
//! one owner of it: no other code builds a storage key or parses a stored
//! value; it asks the library, whose reads validate and whose failures are
//! typed errors.
//!
//! Layout, every key under one namespace so other apps on the origin are
//! never touched:
//! - `{ns}:draft:{id}`: one postmortem as JSON, with the blameless-language
//!   findings the team dismissed and the rules it switched off for it;
//! - `{ns}:index`: the draft list (title, severity, status, times, trash),
//!   a cache that is rebuilt from the drafts whenever it disagrees;
//! - `{ns}:quarantine:{id}`: the raw text of a draft (or of the list, or of
//!   the settings) that could not be read. The library never writes over or
//!   removes a quarantined entry on its own;
//! - `{ns}:trash`: which drafts are in the trash and since when. Kept apart
//!   from the index so that rebuilding the index never empties the trash;
//! - `{ns}:recovered:{id}:{time}`: a version of a draft that a closing tab
//!   could not save (another tab had saved the draft meanwhile). Kept until
//!   the person chooses what to do with it; never removed on its own;
//! - `{ns}:open:{id}:{tab}`: when a tab last said it has the draft open, in
//!   ms since 1970. Tabs see each other's writes with a delay, so a tab that
//!   closes while another has the same draft open keeps its unsaved version
//!   under a recovery key instead of writing the draft (see
//!   [`Library::others_have_open`]);
//! - `{ns}:templates`: the custom templates ([`templates`]);
//! - `{ns}:settings`: the app-wide settings, the linter's included
//!   ([`settings`]);
//! - `{ns}:team` and `{ns}:team:state`: the team library this namespace
//!   syncs with, and what was last exchanged with it ([`team`]).
//!
//! The key is the truth about which draft an entry is: a document stored
//! under `{ns}:draft:pm-x` that says it is `pm-b` is set aside like any
//! other unreadable draft, whether it is met by a load, an open or a save,
//! so it can never be written over `pm-b`.
//!
//! Every failure is reported, never swallowed: a draft that cannot be written
//! stays with the caller, who tells the person and offers a download.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::sync::Mutex;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::ids::is_valid_id;
use crate::model::{Postmortem, Severity, WorkflowStatus};
use crate::restore::{restore, RestoreError};

mod settings;
mod team;
mod templates;

pub use settings::{EditorMode, Settings, SettingsError, MAX_EDITOR_MODES};
pub use templates::{StoredTemplates, TemplateIssue, TemplatesError, TemplatesMerged};

pub const DEFAULT_NAMESPACE: &str = "afterword";

/// Browsers give each origin about five million characters of localStorage.
pub const TYPICAL_QUOTA_UNITS: usize = 5 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq)]
pub enum StoreError {
    /// The browser refused the write: the storage quota is full.
    QuotaExceeded,
    /// Storage is switched off or not reachable (some private modes).
    Unavailable(String),
    Other(String),
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::QuotaExceeded => write!(f, "browser storage is full"),
            StoreError::Unavailable(why) => write!(f, "browser storage is not available ({why})"),
            StoreError::Other(why) => write!(f, "{why}"),
        }
    }
}

/// The few operations Afterword needs from a key-value store.
pub trait KeyValueStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&self, key: &str) -> Result<(), StoreError>;
    fn keys(&self) -> Result<Vec<String>, StoreError>;
    /// True when `key` is held in an overflow tier (the browser's
    /// IndexedDB once localStorage is full), which the quota does not count.
    fn spilled(&self, _key: &str) -> bool {
        false
    }
}

/// An in-memory store with an optional quota, for tests and for running
/// without browser storage.
#[derive(Debug, Default)]
pub struct MemoryStore {
    map: RefCell<BTreeMap<String, String>>,
    /// Maximum total size in UTF-16 units (as browsers count), if any.
    pub quota: Option<usize>,
    /// When set, every write fails as storage does in some private modes.
    pub disabled: bool,
}

impl MemoryStore {
    pub fn new() -> Self {
        MemoryStore::default()
    }

    pub fn with_quota(units: usize) -> Self {
        MemoryStore {
            quota: Some(units),
            ..MemoryStore::default()
        }
    }

    fn used_without(&self, key: &str) -> usize {
        self.map
            .borrow()
            .iter()
            .filter(|(k, _)| k.as_str() != key)
            .map(|(k, v)| utf16_len(k) + utf16_len(v))
            .sum()
    }
}

impl KeyValueStore for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.map.borrow().get(key).cloned())
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        if self.disabled {
            return Err(StoreError::Unavailable("writes are disabled".into()));
        }
        if let Some(quota) = self.quota {
            if self.used_without(key) + utf16_len(key) + utf16_len(value) > quota {
                return Err(StoreError::QuotaExceeded);
            }
        }
        self.map
            .borrow_mut()
            .insert(key.to_owned(), value.to_owned());
        Ok(())
    }
    fn remove(&self, key: &str) -> Result<(), StoreError> {
        if self.disabled {
            return Err(StoreError::Unavailable("writes are disabled".into()));
        }
        self.map.borrow_mut().remove(key);
        Ok(())
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        Ok(self.map.borrow().keys().cloned().collect())
    }
}

/// A shared store is a store: tests keep the store they hand to a library
/// and look inside it; the app shares one between editors.
impl<T: KeyValueStore + ?Sized> KeyValueStore for &T {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        (**self).get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        (**self).set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), StoreError> {
        (**self).remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        (**self).keys()
    }
}

fn utf16_len(s: &str) -> usize {
    s.encode_utf16().count()
}

/// A store that remembers the size of every entry it has read or written,
/// so the usage figure costs no second read of a draft: the start-up load
/// reads each draft once and a save knows what it wrote.
///
/// Writes made past it (another tab) are announced with
/// [`Library::forget_size`]; until then the figure may lag behind them.
struct SizedStore<S> {
    inner: S,
    sizes: Mutex<Sizes>,
}

#[derive(Default)]
struct Sizes {
    /// UTF-16 units of key and value, per key.
    of: HashMap<String, usize>,
    /// True once every stored key has a size, so no key listing is needed.
    complete: bool,
}

impl<S> SizedStore<S> {
    fn new(inner: S) -> Self {
        SizedStore {
            inner,
            sizes: Mutex::new(Sizes::default()),
        }
    }

    fn with_sizes<T>(&self, f: impl FnOnce(&mut Sizes) -> T) -> T {
        let mut guard = self.sizes.lock().unwrap_or_else(|e| e.into_inner());
        f(&mut guard)
    }

    fn note(&self, key: &str, value: Option<&str>) {
        self.with_sizes(|s| match value {
            Some(v) => {
                s.of.insert(key.to_owned(), utf16_len(key) + utf16_len(v));
            }
            None => {
                s.of.remove(key);
            }
        });
    }
}

impl<S: KeyValueStore> KeyValueStore for SizedStore<S> {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        let value = self.inner.get(key)?;
        self.note(key, value.as_deref());
        Ok(value)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.inner.set(key, value)?;
        self.note(key, Some(value));
        Ok(())
    }
    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.inner.remove(key)?;
        self.note(key, None);
        Ok(())
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.inner.keys()
    }
    fn spilled(&self, key: &str) -> bool {
        self.inner.spilled(key)
    }
}

/// One row of the draft list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DraftMeta {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub severity: Option<Severity>,
    #[serde(default)]
    pub status: WorkflowStatus,
    pub updated_at: DateTime<Utc>,
    /// Set while the draft is in the trash.
    #[serde(default)]
    pub trashed_at: Option<DateTime<Utc>>,
    /// For the home list's sort by incident date. Taken from the draft when
    /// it is read or saved; not stored in the index, which stays as it was.
    #[serde(skip)]
    pub incident_date: Option<chrono::NaiveDate>,
    /// What the home list's search looks through besides the title: the
    /// owner, the participants' names and the start of the summary. Like
    /// `incident_date`, kept in memory only.
    #[serde(skip)]
    pub search_text: String,
}

/// How much of the summary the search keeps: enough to find a draft by what
/// it is about, little enough to keep the list light.
const SUMMARY_CHARS: usize = 160;

/// True when two draft lists would be stored the same (the in-memory search
/// fields aside), which is also when they show the same rows: the index is
/// rewritten only when it is out of date, and a list is redrawn only when
/// a row changed.
pub fn same_rows(a: &[DraftMeta], b: &[DraftMeta]) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|(x, y)| {
            x.id == y.id
                && x.title == y.title
                && x.severity == y.severity
                && x.status == y.status
                && x.updated_at == y.updated_at
                && x.trashed_at == y.trashed_at
        })
}

impl DraftMeta {
    fn of(doc: &Postmortem, trashed_at: Option<DateTime<Utc>>) -> Self {
        let mut search_text = doc.owner.trim().to_owned();
        for p in &doc.participants {
            if !p.name.trim().is_empty() {
                search_text.push('\n');
                search_text.push_str(p.name.trim());
            }
        }
        let summary: String = doc.summary.trim().chars().take(SUMMARY_CHARS).collect();
        if !summary.is_empty() {
            search_text.push('\n');
            search_text.push_str(&summary);
        }
        DraftMeta {
            id: doc.id.clone(),
            title: doc.display_title().to_owned(),
            severity: doc.classification.severity,
            status: doc.workflow.status,
            updated_at: doc.updated_at,
            trashed_at,
            incident_date: doc.incident_date,
            search_text: search_text.trim().to_owned(),
        }
    }
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct Index {
    #[serde(default)]
    drafts: Vec<DraftMeta>,
}

/// Trash marks: draft id and when it was put in the trash.
type TrashMarks = BTreeMap<String, DateTime<Utc>>;

/// The id and revision of a stored draft, read without the rest.
#[derive(Deserialize)]
struct Peek {
    #[serde(default)]
    id: String,
    #[serde(default)]
    revision: u64,
}

fn peek(raw: &str) -> Option<Peek> {
    serde_json::from_str(raw).ok()
}

/// Reads a stored draft, applying the rule every read shares: besides being
/// a readable document, it must be the draft its key names.
pub fn read_stored(id: &str, raw: &str) -> Result<Postmortem, RestoreError> {
    let doc = restore(raw)?;
    if doc.id != id {
        return Err(RestoreError::Invalid {
            path: "id".into(),
            message: format!(
                "\"{}\" does not match the key it is stored under (draft {id}); it was set aside so it cannot replace draft {}",
                doc.id, doc.id
            ),
        });
    }
    Ok(doc)
}

/// A stored draft that could not be read, kept aside untouched.
#[derive(Debug, Clone, PartialEq)]
pub struct Quarantined {
    /// The storage key holding the raw text.
    pub key: String,
    /// The draft id it was stored under.
    pub id: String,
    /// Why it could not be read, when known from this load.
    pub reason: Option<String>,
    pub bytes: usize,
}

/// What a full load of the namespace found.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    /// Readable drafts, newest edit first (trashed ones included; see
    /// [`DraftMeta::trashed_at`]).
    pub drafts: Vec<(DraftMeta, Postmortem)>,
    pub quarantined: Vec<Quarantined>,
    /// Plain-language notes about anything repaired or set aside.
    pub notices: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum SaveError {
    /// The stored copy changed since it was loaded (another tab saved it).
    Conflict {
        theirs: Box<Postmortem>,
    },
    Store(StoreError),
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SaveError::Conflict { .. } => {
                write!(f, "this draft was changed in another tab or window")
            }
            SaveError::Store(e) => write!(f, "{e}"),
        }
    }
}

impl From<StoreError> for SaveError {
    fn from(e: StoreError) -> Self {
        SaveError::Store(e)
    }
}

/// A version of a draft kept by a tab that closed before it could save it.
#[derive(Debug, Clone, PartialEq)]
pub struct Recovered {
    /// The storage key holding it (`{ns}:recovered:{id}:{time}`).
    pub key: String,
    /// The draft it is a version of.
    pub id: String,
    /// When the closing tab kept it.
    pub kept_at: DateTime<Utc>,
    /// The kept version, or why it cannot be read.
    pub doc: Result<Postmortem, String>,
}

/// How a time is written in a recovery key: sortable, without `:`.
const RECOVERY_TIME: &str = "%Y%m%dT%H%M%S%.3fZ";

/// Storage usage, in UTF-16 units as browsers count localStorage.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Usage {
    /// The namespace's entries, wherever they are held.
    pub namespace_units: usize,
    /// Everything in localStorage for the origin (what its quota counts).
    pub origin_units: usize,
    pub quota_units: usize,
    /// The namespace's entries held in the overflow tier, not in
    /// localStorage (see [`KeyValueStore::spilled`]).
    pub spilled_units: usize,
}

/// The drafts of one namespace in one store.
pub struct Library<S> {
    store: SizedStore<S>,
    ns: String,
    /// The stored index as last read or written, parsed, so a save that
    /// finds it unchanged does not parse the whole list again.
    index_cache: Mutex<Option<(String, Vec<DraftMeta>)>>,
    /// The draft this library wrote last: its key, the revision it wrote
    /// and the exact text. A save finding that text still stored knows it
    /// holds its own last save without parsing the whole draft again.
    last_written: Mutex<Option<Written>>,
}

struct Written {
    key: String,
    revision: u64,
    raw: String,
}

impl<S: KeyValueStore> Library<S> {
    pub fn new(store: S, namespace: &str) -> Self {
        let ns = if namespace.trim().is_empty() {
            DEFAULT_NAMESPACE.to_owned()
        } else {
            namespace.trim().to_owned()
        };
        Library {
            store: SizedStore::new(store),
            ns,
            index_cache: Mutex::new(None),
            last_written: Mutex::new(None),
        }
    }

    pub fn namespace(&self) -> &str {
        &self.ns
    }

    /// True when `key` is one of this namespace's storage keys (a write
    /// another tab made, seen through the browser's storage event).
    pub fn owns_key(&self, key: &str) -> bool {
        key.strip_prefix(&self.ns)
            .is_some_and(|rest| rest.starts_with(':'))
    }

    /// The draft stored under `key`, when it is a draft's key.
    pub fn draft_id_of_key<'k>(&self, key: &'k str) -> Option<&'k str> {
        key.strip_prefix(&self.ns)?.strip_prefix(":draft:")
    }

    fn draft_key(&self, id: &str) -> String {
        format!("{}:draft:{id}", self.ns)
    }
    fn index_key(&self) -> String {
        format!("{}:index", self.ns)
    }
    fn trash_key(&self) -> String {
        format!("{}:trash", self.ns)
    }
    fn quarantine_prefix(&self) -> String {
        format!("{}:quarantine:", self.ns)
    }
    fn recovered_prefix(&self) -> String {
        format!("{}:recovered:", self.ns)
    }
    /// Key for a small setting or collection owned by this namespace.
    fn key(&self, name: &str) -> String {
        format!("{}:{name}", self.ns)
    }

    /// Reads every draft of the namespace, sets aside the unreadable ones and
    /// repairs the index. Never fails: problems become notices.
    pub fn load(&self) -> Loaded {
        let mut out = Loaded::default();
        // Whatever changed since, the keys are listed again for the usage
        // figure (the values read here are not read twice).
        self.store.with_sizes(|s| s.complete = false);
        let keys = match self.store.keys() {
            Ok(k) => k,
            Err(e) => {
                out.notices
                    .push(format!("Drafts could not be listed: {e}."));
                return out;
            }
        };
        let index = self.read_index(&mut out);
        let trashed = self.read_trash(&index, &mut out);

        let draft_prefix = format!("{}:draft:", self.ns);
        for key in keys.iter().filter(|k| k.starts_with(&draft_prefix)) {
            let id = &key[draft_prefix.len()..];
            let raw = match self.store.get(key) {
                Ok(Some(raw)) => raw,
                Ok(None) => continue,
                Err(e) => {
                    out.notices
                        .push(format!("Draft {id} could not be read: {e}."));
                    continue;
                }
            };
            match read_stored(id, &raw) {
                Ok(doc) => {
                    let meta = DraftMeta::of(&doc, trashed.get(id).copied());
                    out.drafts.push((meta, doc));
                }
                Err(err) => self.set_aside(id, key, &raw, &err, &mut out),
            }
        }

        let prefix = self.quarantine_prefix();
        for key in self.store.keys().unwrap_or(keys) {
            if let Some(rest) = key.strip_prefix(&prefix) {
                if out.quarantined.iter().any(|q| q.key == key) {
                    continue;
                }
                let bytes = self.store.get(&key).ok().flatten().map_or(0, |r| r.len());
                out.quarantined.push(Quarantined {
                    id: rest.split(':').next().unwrap_or(rest).to_owned(),
                    key: key.clone(),
                    reason: None,
                    bytes,
                });
            }
        }
        out.quarantined.sort_by(|a, b| a.key.cmp(&b.key));

        out.drafts.sort_by(|a, b| {
            b.0.updated_at
                .cmp(&a.0.updated_at)
                .then(a.0.id.cmp(&b.0.id))
        });
        let metas: Vec<DraftMeta> = out.drafts.iter().map(|(m, _)| m.clone()).collect();
        if !same_rows(&metas, &index.drafts) {
            if let Err(e) = self.write_index(metas) {
                out.notices
                    .push(format!("The draft list could not be updated: {e}."));
            }
        }
        out
    }

    /// The draft list as the index has it, with the trash marks, when the
    /// index can be read and lists exactly the drafts stored: what a start
    /// shows before [`Library::load`] has read every draft. `None` when
    /// anything is off (no index, a damaged one, a draft it does not list),
    /// and then only `load` will do. Reads the key list, the index and the
    /// trash marks, and writes nothing.
    pub fn listed(&self) -> Option<Vec<DraftMeta>> {
        let keys = self.store.keys().ok()?;
        let raw = self.store.get(&self.index_key()).ok()??;
        let index = serde_json::from_str::<Index>(&raw).ok()?;
        let prefix = format!("{}:draft:", self.ns);
        let mut stored: Vec<&str> = keys
            .iter()
            .filter_map(|k| k.strip_prefix(&prefix))
            .collect();
        let mut listed: Vec<&str> = index.drafts.iter().map(|m| m.id.as_str()).collect();
        stored.sort_unstable();
        listed.sort_unstable();
        if stored != listed {
            return None;
        }
        // No trash key yet: the index's own marks are the ones there are.
        let marks = match self.store.get(&self.trash_key()).ok()? {
            Some(raw) => Some(serde_json::from_str::<TrashMarks>(&raw).ok()?),
            None => None,
        };
        self.remember_index(raw, index.drafts.clone());
        let mut rows = index.drafts;
        if let Some(marks) = marks {
            for row in &mut rows {
                row.trashed_at = marks.get(&row.id).copied();
            }
        }
        rows.sort_by(|a, b| b.updated_at.cmp(&a.updated_at).then(a.id.cmp(&b.id)));
        Some(rows)
    }

    fn read_index(&self, out: &mut Loaded) -> Index {
        let raw = match self.store.get(&self.index_key()) {
            Ok(Some(raw)) => raw,
            _ => return Index::default(),
        };
        match serde_json::from_str::<Index>(&raw) {
            Ok(index) => {
                self.remember_index(raw, index.drafts.clone());
                index
            }
            Err(_) => {
                // Only the trash marks live solely in the index; keep its raw
                // text so nothing is lost, then rebuild from the drafts.
                let key = self.unused_quarantine_key("index");
                match self.store.set(&key, &raw) {
                    Ok(()) => out.notices.push(
                        "The draft list could not be read and was rebuilt from the drafts; \
                         the old list is kept under \"could not be read\"."
                            .into(),
                    ),
                    Err(e) => out.notices.push(format!(
                        "The draft list could not be read and could not be set aside ({e})."
                    )),
                }
                Index::default()
            }
        }
    }

    /// The trash marks. Read from their own key; a library written before
    /// that key existed has them only in the index, and they move over.
    fn read_trash(&self, index: &Index, out: &mut Loaded) -> TrashMarks {
        let from_index = || -> TrashMarks {
            index
                .drafts
                .iter()
                .filter_map(|m| Some((m.id.clone(), m.trashed_at?)))
                .collect()
        };
        match self.store.get(&self.trash_key()) {
            Ok(Some(raw)) => match serde_json::from_str::<TrashMarks>(&raw) {
                Ok(marks) => marks,
                Err(_) => {
                    let key = self.unused_quarantine_key("trash");
                    let kept = self.store.set(&key, &raw);
                    let marks = from_index();
                    let rewritten = kept.is_ok() && self.write_trash(&marks).is_ok();
                    out.notices.push(if rewritten {
                        "The list of drafts in the trash could not be read; it was rebuilt from the draft list and the old one is kept under \"could not be read\".".into()
                    } else {
                        "The list of drafts in the trash could not be read and was left as it is.".into()
                    });
                    marks
                }
            },
            // A library from before the trash had its own key: the marks
            // move over with the next write (a load changes nothing).
            Ok(None) => from_index(),
            Err(e) => {
                out.notices
                    .push(format!("The trash could not be read: {e}."));
                from_index()
            }
        }
    }

    fn stored_trash(&self) -> Result<TrashMarks, StoreError> {
        match self.store.get(&self.trash_key())? {
            Some(raw) => serde_json::from_str(&raw).map_err(|_| {
                StoreError::Other("the list of drafts in the trash could not be read".into())
            }),
            None => {
                // Not moved over yet: the index still holds the marks.
                Ok(self
                    .stored_index_rows()?
                    .iter()
                    .filter_map(|m| Some((m.id.clone(), m.trashed_at?)))
                    .collect())
            }
        }
    }

    fn write_trash(&self, marks: &TrashMarks) -> Result<(), StoreError> {
        let raw = serde_json::to_string(marks).map_err(|e| StoreError::Other(e.to_string()))?;
        self.store.set(&self.trash_key(), &raw)
    }

    fn set_aside(&self, id: &str, key: &str, raw: &str, err: &RestoreError, out: &mut Loaded) {
        let qkey = self.unused_quarantine_key(id);
        let reason = err.to_string();
        match self.store.set(&qkey, raw) {
            Ok(()) => {
                // The copy is safe; only now free the draft key.
                if self.store.remove(key).is_err() {
                    out.notices.push(format!(
                        "Draft {id} could not be read and its original could not be moved."
                    ));
                }
                out.quarantined.push(Quarantined {
                    key: qkey,
                    id: id.to_owned(),
                    reason: Some(reason),
                    bytes: raw.len(),
                });
            }
            Err(e) => {
                // Could not copy: leave it exactly where it is.
                out.notices.push(format!(
                    "Draft {id} could not be read ({reason}) and could not be set aside ({e}); it was left untouched."
                ));
                out.quarantined.push(Quarantined {
                    key: key.to_owned(),
                    id: id.to_owned(),
                    reason: Some(reason),
                    bytes: raw.len(),
                });
            }
        }
    }

    fn unused_quarantine_key(&self, id: &str) -> String {
        let base = format!("{}{id}", self.quarantine_prefix());
        let mut key = base.clone();
        let mut n = 2;
        while matches!(self.store.get(&key), Ok(Some(_))) {
            key = format!("{base}:{n}");
            n += 1;
        }
        key
    }

    fn write_index(&self, drafts: Vec<DraftMeta>) -> Result<(), StoreError> {
        let index = Index { drafts };
        let raw = serde_json::to_string(&index).map_err(|e| StoreError::Other(e.to_string()))?;
        self.store.set(&self.index_key(), &raw)?;
        self.remember_index(raw, index.drafts);
        Ok(())
    }

    fn remember_index(&self, raw: String, drafts: Vec<DraftMeta>) {
        let mut cache = self.index_cache.lock().unwrap_or_else(|e| e.into_inner());
        *cache = Some((raw, drafts));
    }

    /// The stored index's rows: parsed again only when the stored text is
    /// not the one this library last read or wrote (another tab wrote it).
    fn stored_index_rows(&self) -> Result<Vec<DraftMeta>, StoreError> {
        let Some(raw) = self.store.get(&self.index_key())? else {
            return Ok(Vec::new());
        };
        {
            let cache = self.index_cache.lock().unwrap_or_else(|e| e.into_inner());
            if let Some((seen, rows)) = cache.as_ref() {
                if *seen == raw {
                    return Ok(rows.clone());
                }
            }
        }
        let rows = serde_json::from_str::<Index>(&raw)
            .unwrap_or_default()
            .drafts;
        self.remember_index(raw, rows.clone());
        Ok(rows)
    }

    fn update_index(&self, f: impl FnOnce(&mut Vec<DraftMeta>)) -> Result<(), StoreError> {
        let mut drafts = self.stored_index_rows()?;
        f(&mut drafts);
        drafts.sort_by(|a, b| b.updated_at.cmp(&a.updated_at).then(a.id.cmp(&b.id)));
        self.write_index(drafts)
    }

    /// The revision currently stored for `id`, if the stored copy is readable.
    fn stored_revision(&self, id: &str) -> Result<Option<u64>, StoreError> {
        Ok(self
            .store
            .get(&self.draft_key(id))?
            .and_then(|raw| peek(&raw))
            .map(|p| p.revision))
    }

    /// Saves one draft. Refuses (with [`SaveError::Conflict`]) when another
    /// writer saved it since `doc` was loaded. On success `doc.revision` and
    /// `doc.updated_at` are advanced; on failure `doc` is unchanged.
    ///
    /// A write never replaces a stored copy it has not seen: one with another
    /// revision is a conflict, and one that cannot be read as this draft is
    /// set aside first (or the save is refused when it cannot be).
    pub fn save(&self, doc: &mut Postmortem, now: DateTime<Utc>) -> Result<DraftMeta, SaveError> {
        let key = self.draft_key(&doc.id);
        if let Some(raw) = self.store.get(&key)? {
            // The common case, our own last save still stored, costs one
            // comparison of texts; anything else one small parse.
            let seen = self.wrote_last(&key, doc.revision, &raw)
                || peek(&raw).is_some_and(|p| p.id == doc.id && p.revision == doc.revision);
            if !seen {
                match read_stored(&doc.id, &raw) {
                    Ok(theirs) => {
                        return Err(SaveError::Conflict {
                            theirs: Box::new(theirs),
                        })
                    }
                    Err(err) => self.keep_aside(&doc.id, &raw, &err)?,
                }
            }
        }
        self.write(doc, now)
    }

    /// Saves `doc` over whatever is stored (the person chose to keep theirs).
    /// A stored copy that cannot be read is still set aside first.
    pub fn save_over(
        &self,
        doc: &mut Postmortem,
        now: DateTime<Utc>,
    ) -> Result<DraftMeta, SaveError> {
        if let Some(raw) = self.store.get(&self.draft_key(&doc.id))? {
            match read_stored(&doc.id, &raw) {
                Ok(theirs) => doc.revision = doc.revision.max(theirs.revision),
                Err(err) => self.keep_aside(&doc.id, &raw, &err)?,
            }
        }
        self.write(doc, now)
    }

    /// Copies an unreadable stored copy of `id` aside before it is written
    /// over; refuses when the copy cannot be made.
    fn keep_aside(&self, id: &str, raw: &str, err: &RestoreError) -> Result<(), StoreError> {
        let qkey = self.unused_quarantine_key(id);
        self.store.set(&qkey, raw).map_err(|e| {
            StoreError::Other(format!(
                "the stored copy could not be read ({err}) and could not be set aside ({e}), so it was not written over"
            ))
        })
    }

    fn write(&self, doc: &mut Postmortem, now: DateTime<Utc>) -> Result<DraftMeta, SaveError> {
        if !is_valid_id(&doc.id) {
            return Err(SaveError::Store(StoreError::Other(format!(
                "\"{}\" is not a usable draft id",
                doc.id
            ))));
        }
        // The document is written as its next revision; on failure it is
        // put back as it was.
        let (revision, updated_at) = (doc.revision, doc.updated_at);
        doc.revision += 1;
        doc.updated_at = now;
        let key = self.draft_key(&doc.id);
        let written = serde_json::to_string(&*doc)
            .map_err(|e| StoreError::Other(e.to_string()))
            .and_then(|raw| self.store.set(&key, &raw).map(|()| raw));
        let raw = match written {
            Ok(raw) => raw,
            Err(e) => {
                doc.revision = revision;
                doc.updated_at = updated_at;
                self.forget_written();
                return Err(e.into());
            }
        };
        self.remember_written(Written {
            key,
            revision: doc.revision,
            raw,
        });
        // A library from before the trash had its own key: the marks move
        // over with this first write, so losing the index never empties it.
        // One read of the marks serves both that and this draft's row.
        let marks = match self.store.get(&self.trash_key()) {
            Ok(Some(raw)) => serde_json::from_str::<TrashMarks>(&raw).ok(),
            Ok(None) => self.stored_trash().ok().inspect(|marks| {
                if !marks.is_empty() {
                    let _ = self.write_trash(marks);
                }
            }),
            Err(_) => None,
        };
        let trashed_at = marks.and_then(|m| m.get(&doc.id).copied());
        let meta = DraftMeta::of(doc, trashed_at);
        let row = meta.clone();
        // The draft itself is safe; a stale index is repaired on next load.
        let _ = self.update_index(move |rows| {
            rows.retain(|m| m.id != row.id);
            rows.push(row);
        });
        Ok(meta)
    }

    /// True when `raw`, stored under `key`, is exactly what this library
    /// last wrote there, as `revision`.
    fn wrote_last(&self, key: &str, revision: u64, raw: &str) -> bool {
        let last = self.last_written.lock().unwrap_or_else(|e| e.into_inner());
        last.as_ref()
            .is_some_and(|w| w.key == key && w.revision == revision && w.raw == raw)
    }

    fn remember_written(&self, written: Written) {
        *self.last_written.lock().unwrap_or_else(|e| e.into_inner()) = Some(written);
    }

    fn forget_written(&self) {
        *self.last_written.lock().unwrap_or_else(|e| e.into_inner()) = None;
    }

    /// When the draft `id` was put in the trash; `None` when it is not there.
    pub fn trashed_at(&self, id: &str) -> Option<DateTime<Utc>> {
        self.stored_trash().ok()?.get(id).copied()
    }

    /// Reads one draft as stored now. One that cannot be read as the draft
    /// `id` (including one that says it is another draft) is set aside, as
    /// [`Library::load`] does, and reported.
    pub fn open(&self, id: &str) -> Result<Option<Postmortem>, String> {
        let key = self.draft_key(id);
        match self.store.get(&key) {
            Ok(Some(raw)) => match read_stored(id, &raw) {
                Ok(doc) => Ok(Some(doc)),
                Err(err) => {
                    let mut out = Loaded::default();
                    self.set_aside(id, &key, &raw, &err, &mut out);
                    Err(err.to_string())
                }
            },
            Ok(None) => Ok(None),
            Err(e) => Err(e.to_string()),
        }
    }

    /// Moves a draft to the trash (or back, with `None`).
    pub fn set_trashed(&self, id: &str, at: Option<DateTime<Utc>>) -> Result<(), StoreError> {
        if self.store.get(&self.draft_key(id))?.is_none() {
            return Err(StoreError::Other(format!("no draft {id} in the list")));
        }
        let mut marks = self.stored_trash()?;
        match at {
            Some(at) => marks.insert(id.to_owned(), at),
            None => marks.remove(id),
        };
        self.write_trash(&marks)?;
        // The marks are safe; a stale index is repaired on next load.
        let _ = self.update_index(|rows| {
            for m in rows.iter_mut().filter(|m| m.id == id) {
                m.trashed_at = at;
            }
        });
        Ok(())
    }

    /// Removes a draft for good (the person confirmed it).
    pub fn delete_forever(&self, id: &str) -> Result<(), StoreError> {
        self.store.remove(&self.draft_key(id))?;
        if let Ok(mut marks) = self.stored_trash() {
            if marks.remove(id).is_some() {
                let _ = self.write_trash(&marks);
            }
        }
        self.update_index(|rows| rows.retain(|m| m.id != id))
    }

    /// True when a draft is stored under `id` (live or in the trash, readable
    /// or not).
    pub fn is_stored(&self, id: &str) -> bool {
        matches!(self.store.get(&self.draft_key(id)), Ok(Some(_)))
    }

    /// True when draft `id` is kept by the store's overflow tier rather than
    /// its main storage (see [`KeyValueStore::spilled`]).
    pub fn is_spilled(&self, id: &str) -> bool {
        self.store.spilled(&self.draft_key(id))
    }

    /// Stores an imported or restored draft exactly as it came (same
    /// revision, same "last updated"), so exporting it again gives the same
    /// file, and gives it its row in the draft list, in the trash when
    /// `trashed_at` is set. Use [`Library::put_imported_over`] when a draft
    /// with this id is stored.
    pub fn put_imported(
        &self,
        doc: &Postmortem,
        trashed_at: Option<DateTime<Utc>>,
    ) -> Result<DraftMeta, StoreError> {
        if !is_valid_id(&doc.id) {
            return Err(StoreError::Other(format!(
                "\"{}\" is not a usable draft id",
                doc.id
            )));
        }
        let raw = serde_json::to_string(doc).map_err(|e| StoreError::Other(e.to_string()))?;
        self.store.set(&self.draft_key(&doc.id), &raw)?;
        let meta = DraftMeta::of(doc, trashed_at);
        let row = meta.clone();
        // The draft itself is safe; a stale index is repaired on next load,
        // except for the trash mark, so that failure is reported.
        self.update_index(move |rows| {
            rows.retain(|m| m.id != row.id);
            rows.push(row);
        })?;
        Ok(meta)
    }

    /// Writes an imported draft over the stored one with the same id. Its
    /// revision moves past the stored one, so a tab that has the old draft
    /// open notices the change instead of saving over it.
    pub fn put_imported_over(
        &self,
        doc: &Postmortem,
        trashed_at: Option<DateTime<Utc>>,
    ) -> Result<DraftMeta, StoreError> {
        let mut doc = doc.clone();
        if let Ok(Some(stored)) = self.stored_revision(&doc.id) {
            doc.revision = doc.revision.max(stored) + 1;
        }
        self.put_imported(&doc, trashed_at)
    }

    /// The raw text kept under a quarantine key, for download.
    pub fn quarantined_raw(&self, key: &str) -> Result<Option<String>, StoreError> {
        if !key.starts_with(&self.quarantine_prefix()) && !key.starts_with(&self.draft_key("")) {
            return Ok(None);
        }
        self.store.get(key)
    }

    /// Removes a quarantined entry; only ever on the person's explicit request.
    pub fn discard_quarantined(&self, key: &str) -> Result<(), StoreError> {
        if !key.starts_with(&self.quarantine_prefix()) {
            return Err(StoreError::Other("not a quarantined entry".into()));
        }
        self.store.remove(key)
    }

    /// Keeps `doc` under a recovery key of its own, for a tab that is closing
    /// and cannot ask the person what to do with edits it could not save.
    /// `tab` (letters and digits) names the tab in the key: tabs closing in
    /// the same millisecond may not see each other's writes yet, and must
    /// still not pick the same key. Returns the key.
    pub fn keep_recovered(
        &self,
        doc: &Postmortem,
        now: DateTime<Utc>,
        tab: &str,
    ) -> Result<String, StoreError> {
        if !is_valid_id(&doc.id) {
            return Err(StoreError::Other(format!(
                "\"{}\" is not a usable draft id",
                doc.id
            )));
        }
        let tab: String = tab.chars().filter(char::is_ascii_alphanumeric).collect();
        let base = format!(
            "{}{}:{}-{tab}",
            self.recovered_prefix(),
            doc.id,
            now.format(RECOVERY_TIME)
        );
        let mut key = base.clone();
        let mut n = 2;
        while matches!(self.store.get(&key), Ok(Some(_))) {
            key = format!("{base}-{n}");
            n += 1;
        }
        let raw = serde_json::to_string(doc).map_err(|e| StoreError::Other(e.to_string()))?;
        self.store.set(&key, &raw)?;
        Ok(key)
    }

    /// Every kept version, oldest first.
    pub fn recovered(&self) -> Vec<Recovered> {
        let prefix = self.recovered_prefix();
        let mut out: Vec<Recovered> = self
            .store
            .keys()
            .unwrap_or_default()
            .into_iter()
            .filter_map(|key| {
                let rest = key.strip_prefix(&prefix)?;
                let (id, time) = rest.split_once(':')?;
                let time = time.split('-').next().unwrap_or(time);
                let kept_at = chrono::NaiveDateTime::parse_from_str(
                    time.trim_end_matches('Z'),
                    RECOVERY_TIME.trim_end_matches('Z'),
                )
                .map(|t| t.and_utc())
                .unwrap_or_default();
                let doc = match self.store.get(&key) {
                    Ok(Some(raw)) => read_stored(id, &raw).map_err(|e| e.to_string()),
                    Ok(None) => return None,
                    Err(e) => Err(e.to_string()),
                };
                Some(Recovered {
                    id: id.to_owned(),
                    key,
                    kept_at,
                    doc,
                })
            })
            .collect();
        out.sort_by(|a, b| a.kept_at.cmp(&b.kept_at).then(a.key.cmp(&b.key)));
        out
    }

    /// The raw text of a kept version (for a download or a backup).
    pub fn recovered_raw(&self, key: &str) -> Result<Option<String>, StoreError> {
        if !key.starts_with(&self.recovered_prefix()) {
            return Ok(None);
        }
        self.store.get(key)
    }

    /// The name of a kept version inside its namespace (`{id}:{time}`), as
    /// backups carry it.
    pub fn recovered_name<'a>(&self, key: &'a str) -> Option<&'a str> {
        key.strip_prefix(&self.recovered_prefix())
    }

    /// Every kept version as a backup carries it: its name and the stored
    /// document, read as JSON when it is JSON and as text when it is not,
    /// so nothing a tab kept is left out.
    pub fn kept_versions_for_backup(&self) -> Vec<crate::export::bundle::KeptVersion> {
        self.recovered()
            .into_iter()
            .filter_map(|r| {
                let raw = self.recovered_raw(&r.key).ok().flatten()?;
                Some(crate::export::bundle::KeptVersion {
                    name: self.recovered_name(&r.key)?.to_owned(),
                    draft: serde_json::from_str(&raw).unwrap_or(serde_json::Value::String(raw)),
                })
            })
            .collect()
    }

    /// Puts a kept version back under its name (restoring a backup); one
    /// already there is left as it is. Returns whether it was written.
    pub fn put_recovered(&self, name: &str, raw: &str) -> Result<bool, StoreError> {
        let usable = name.split_once(':').is_some_and(|(id, time)| {
            is_valid_id(id)
                && !time.is_empty()
                && time
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
        });
        if !usable {
            return Err(StoreError::Other(format!(
                "\"{name}\" is not the name of a kept version"
            )));
        }
        let key = format!("{}{name}", self.recovered_prefix());
        if self.store.get(&key)?.is_some() {
            return Ok(false);
        }
        self.store.set(&key, raw)?;
        Ok(true)
    }

    /// Writes a newer state of the same unsaved edits over a version this
    /// tab kept itself.
    pub fn rewrite_recovered(&self, key: &str, doc: &Postmortem) -> Result<(), StoreError> {
        if !key.starts_with(&self.recovered_prefix()) {
            return Err(StoreError::Other("not a kept version".into()));
        }
        let raw = serde_json::to_string(doc).map_err(|e| StoreError::Other(e.to_string()))?;
        self.store.set(key, &raw)
    }

    /// Removes a kept version; only ever on the person's explicit choice.
    pub fn discard_recovered(&self, key: &str) -> Result<(), StoreError> {
        if !key.starts_with(&self.recovered_prefix()) {
            return Err(StoreError::Other("not a kept version".into()));
        }
        self.store.remove(key)
    }

    fn open_prefix(&self, id: &str) -> String {
        format!("{}:open:{id}:", self.ns)
    }

    /// Notes that tab `tab` has draft `id` open, at `now_ms`.
    pub fn mark_open(&self, id: &str, tab: &str, now_ms: u64) -> Result<(), StoreError> {
        self.store.set(
            &format!("{}{tab}", self.open_prefix(id)),
            &now_ms.to_string(),
        )
    }

    /// Tab `tab` no longer has draft `id` open.
    pub fn mark_closed(&self, id: &str, tab: &str) -> Result<(), StoreError> {
        self.store.remove(&format!("{}{tab}", self.open_prefix(id)))
    }

    /// True when another tab said, less than `max_age_ms` ago, that it has
    /// draft `id` open. Marks older than that (a tab that crashed) are
    /// cleared.
    pub fn others_have_open(&self, id: &str, tab: &str, now_ms: u64, max_age_ms: u64) -> bool {
        let prefix = self.open_prefix(id);
        let mut others = false;
        for key in self.store.keys().unwrap_or_default() {
            let Some(who) = key.strip_prefix(&prefix) else {
                continue;
            };
            if who == tab {
                continue;
            }
            let at = self
                .store
                .get(&key)
                .ok()
                .flatten()
                .and_then(|v| v.parse::<u64>().ok())
                .unwrap_or(0);
            if now_ms.saturating_sub(at) < max_age_ms {
                others = true;
            } else {
                let _ = self.store.remove(&key);
            }
        }
        others
    }

    /// How much storage the namespace and the whole origin use. Entries
    /// this library has read or written are not read again: after the
    /// start-up load only the keys it never met are read, once, and after
    /// that the figure follows the library's own writes without reading.
    pub fn usage(&self) -> Result<Usage, StoreError> {
        if !self.store.with_sizes(|s| s.complete) {
            let keys = self.store.keys()?;
            let unknown: Vec<&String> = self.store.with_sizes(|s| {
                let present: HashSet<&str> = keys.iter().map(String::as_str).collect();
                s.of.retain(|k, _| present.contains(k.as_str()));
                keys.iter()
                    .filter(|k| !s.of.contains_key(k.as_str()))
                    .collect()
            });
            for key in unknown {
                self.store.get(key)?;
            }
            self.store.with_sizes(|s| s.complete = true);
        }
        let prefix = format!("{}:", self.ns);
        let (namespace_units, origin_units, spilled_units) = self.store.with_sizes(|s| {
            s.of.iter()
                .fold((0, 0, 0), |(ns, all, spilled), (key, size)| {
                    let mine = key.starts_with(&prefix);
                    if self.store.spilled(key) {
                        let size = if mine { *size } else { 0 };
                        (ns + size, all, spilled + size)
                    } else {
                        (ns + if mine { *size } else { 0 }, all + size, spilled)
                    }
                })
        });
        Ok(Usage {
            namespace_units,
            origin_units,
            quota_units: TYPICAL_QUOTA_UNITS,
            spilled_units,
        })
    }

    /// Another writer (a tab, another editor) changed `key`, or the whole
    /// storage when `None`: its size is measured again by the next
    /// [`Library::usage`].
    pub fn forget_size(&self, key: Option<&str>) {
        self.store.with_sizes(|s| {
            match key {
                Some(k) => {
                    s.of.remove(k);
                }
                None => s.of.clear(),
            }
            s.complete = false;
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};

    fn t(min: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 20, 14, 0, 0).unwrap() + Duration::minutes(min)
    }

    fn doc(id: &str, title: &str) -> Postmortem {
        let mut d = Postmortem::new(id.into(), t(0));
        d.title = title.into();
        d
    }

    /// A store whose overflow tier holds every key naming draft "big".
    struct Overflowing(MemoryStore);

    impl KeyValueStore for Overflowing {
        fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
            self.0.get(key)
        }
        fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
            self.0.set(key, value)
        }
        fn remove(&self, key: &str) -> Result<(), StoreError> {
            self.0.remove(key)
        }
        fn keys(&self) -> Result<Vec<String>, StoreError> {
            self.0.keys()
        }
        fn spilled(&self, key: &str) -> bool {
            key.ends_with(":big")
        }
    }

    #[test]
    fn says_which_drafts_the_overflow_tier_keeps() {
        let lib = Library::new(Overflowing(MemoryStore::new()), "team-a");
        lib.save(&mut doc("big", "Moved"), t(1)).unwrap();
        lib.save(&mut doc("small", "Stayed"), t(2)).unwrap();
        assert!(lib.is_spilled("big"));
        assert!(!lib.is_spilled("small"));
        assert!(!Library::new(MemoryStore::new(), "team-a").is_spilled("big"));
    }

    #[test]
    fn saves_and_lists_newest_first() {
        let lib = Library::new(MemoryStore::new(), "afterword");
        let mut a = doc("a", "First");
        let mut b = doc("b", "Second");
        lib.save(&mut a, t(1)).unwrap();
        lib.save(&mut b, t(2)).unwrap();
        lib.save(&mut a, t(3)).unwrap();
        let loaded = lib.load();
        let titles: Vec<_> = loaded
            .drafts
            .iter()
            .map(|(m, _)| m.title.as_str())
            .collect();
        assert_eq!(titles, ["First", "Second"]);
        assert_eq!(loaded.drafts[0].1.revision, 2);
        assert!(loaded.quarantined.is_empty() && loaded.notices.is_empty());
    }

    #[test]
    fn keeps_every_key_under_its_namespace() {
        let store = MemoryStore::new();
        store.set("someone-else", "theirs").unwrap();
        let lib = Library::new(store, "team-a");
        lib.save(&mut doc("a", "A"), t(1)).unwrap();
        lib.load();
        let keys = lib.store.keys().unwrap();
        assert!(keys
            .iter()
            .all(|k| k.starts_with("team-a:") || k == "someone-else"));
        assert_eq!(
            lib.store.get("someone-else").unwrap().as_deref(),
            Some("theirs")
        );
        // Another namespace on the same store sees nothing.
        let other = Library::new(MemoryStore::new(), "team-b");
        assert!(other.load().drafts.is_empty());
    }

    #[test]
    fn sets_aside_an_unreadable_draft_and_keeps_the_others() {
        let lib = Library::new(MemoryStore::new(), "afterword");
        lib.save(&mut doc("good", "Good"), t(1)).unwrap();
        lib.store
            .set("afterword:draft:bad", "{\"schema_version\":1, oops")
            .unwrap();
        let loaded = lib.load();
        assert_eq!(loaded.drafts.len(), 1);
        assert_eq!(loaded.quarantined.len(), 1);
        let q = &loaded.quarantined[0];
        assert_eq!(q.id, "bad");
        assert!(q.reason.as_deref().unwrap_or("").contains("not valid JSON"));
        assert_eq!(
            lib.quarantined_raw(&q.key).unwrap().as_deref(),
            Some("{\"schema_version\":1, oops")
        );
        // A second load still lists it, and never writes over it.
        let again = lib.load();
        assert_eq!(again.quarantined.len(), 1);
        assert_eq!(again.quarantined[0].key, q.key);
    }

    #[test]
    fn leaves_an_unreadable_draft_in_place_when_it_cannot_be_copied() {
        let store = MemoryStore::new();
        store.set("afterword:draft:bad", "garbage").unwrap();
        let mut store = store;
        store.disabled = true;
        let lib = Library::new(store, "afterword");
        let loaded = lib.load();
        assert_eq!(loaded.quarantined[0].key, "afterword:draft:bad");
        assert_eq!(
            lib.store.get("afterword:draft:bad").unwrap().as_deref(),
            Some("garbage")
        );
    }

    #[test]
    fn rebuilds_a_corrupt_index_and_keeps_its_text() {
        let lib = Library::new(MemoryStore::new(), "afterword");
        lib.save(&mut doc("a", "A"), t(1)).unwrap();
        lib.store.set("afterword:index", "not json").unwrap();
        let loaded = lib.load();
        assert_eq!(loaded.drafts.len(), 1);
        assert_eq!(loaded.notices.len(), 1);
        assert_eq!(
            lib.store
                .get("afterword:quarantine:index")
                .unwrap()
                .as_deref(),
            Some("not json")
        );
    }

    #[test]
    fn a_full_quota_keeps_the_document_unchanged_in_memory() {
        let lib = Library::new(MemoryStore::with_quota(2_000), "afterword");
        let mut d = doc("a", "A");
        lib.save(&mut d, t(1)).unwrap();
        let before = d.clone();
        d.summary = "x".repeat(5_000);
        let edited = d.clone();
        let err = lib.save(&mut d, t(2)).unwrap_err();
        assert_eq!(err, SaveError::Store(StoreError::QuotaExceeded));
        assert_eq!(d, edited, "the edit stays in memory");
        assert_eq!(
            lib.open("a").unwrap().unwrap(),
            before,
            "the stored copy is intact"
        );
    }

    #[test]
    fn detects_a_save_from_another_tab() {
        let lib = Library::new(MemoryStore::new(), "afterword");
        let mut mine = doc("a", "A");
        lib.save(&mut mine, t(1)).unwrap();
        let mut theirs = lib.open("a").unwrap().unwrap();
        theirs.title = "Theirs".into();
        lib.save(&mut theirs, t(2)).unwrap();
        mine.title = "Mine".into();
        match lib.save(&mut mine, t(3)) {
            Err(SaveError::Conflict { theirs }) => assert_eq!(theirs.title, "Theirs"),
            other => panic!("expected a conflict, got {other:?}"),
        }
        assert_eq!(lib.open("a").unwrap().unwrap().title, "Theirs");
        lib.save_over(&mut mine, t(4)).unwrap();
        assert_eq!(lib.open("a").unwrap().unwrap().title, "Mine");
    }

    #[test]
    fn a_save_notices_another_writer_after_its_own_saves() {
        let store = MemoryStore::new();
        let lib = Library::new(&store, "afterword");
        let other = Library::new(&store, "afterword");
        let mut mine = doc("a", "A");
        lib.save(&mut mine, t(1)).unwrap();
        // Its own last save still stored: saved again without a conflict.
        mine.title = "Mine".into();
        lib.save(&mut mine, t(2)).unwrap();
        assert_eq!(mine.revision, 2);
        // Another writer's save is not mistaken for its own.
        let mut theirs = other.open("a").unwrap().unwrap();
        theirs.title = "Theirs".into();
        other.save(&mut theirs, t(3)).unwrap();
        mine.title = "Mine again".into();
        match lib.save(&mut mine, t(4)) {
            Err(SaveError::Conflict { theirs }) => assert_eq!(theirs.title, "Theirs"),
            other => panic!("expected a conflict, got {other:?}"),
        }
        assert_eq!(
            mine.revision, 2,
            "a refused save leaves the document as it was"
        );
    }

    #[test]
    fn trash_restore_and_delete_forever() {
        let lib = Library::new(MemoryStore::new(), "afterword");
        lib.save(&mut doc("a", "A"), t(1)).unwrap();
        lib.set_trashed("a", Some(t(2))).unwrap();
        assert_eq!(lib.load().drafts[0].0.trashed_at, Some(t(2)));
        // Saving a trashed draft keeps it in the trash.
        let mut d = lib.open("a").unwrap().unwrap();
        lib.save(&mut d, t(3)).unwrap();
        assert_eq!(lib.load().drafts[0].0.trashed_at, Some(t(2)));
        lib.set_trashed("a", None).unwrap();
        assert_eq!(lib.load().drafts[0].0.trashed_at, None);
        lib.delete_forever("a").unwrap();
        assert!(lib.load().drafts.is_empty());
        assert!(lib
            .store
            .keys()
            .unwrap()
            .iter()
            .all(|k| !k.contains("draft:")));
    }

    #[test]
    fn a_draft_whose_id_disagrees_with_its_key_is_set_aside_not_written_over_another() {
        let lib = Library::new(MemoryStore::new(), "afterword");
        let mut b = doc("pm-b", "The real B");
        lib.save(&mut b, t(1)).unwrap();
        let stored_b = lib.store.get("afterword:draft:pm-b").unwrap();
        let mut forged = doc("pm-b", "Forged under x");
        forged.revision = 7;
        let forged_raw = serde_json::to_string(&forged).unwrap();
        lib.store.set("afterword:draft:pm-x", &forged_raw).unwrap();

        // Opening it directly is refused and sets it aside.
        let err = lib.open("pm-x").unwrap_err();
        assert!(err.contains("does not match the key"), "{err}");
        assert_eq!(lib.store.get("afterword:draft:pm-x").unwrap(), None);
        let loaded = lib.load();
        assert_eq!(loaded.drafts.len(), 1);
        assert_eq!(loaded.quarantined.len(), 1);
        assert_eq!(
            lib.quarantined_raw(&loaded.quarantined[0].key)
                .unwrap()
                .as_deref(),
            Some(forged_raw.as_str()),
            "kept byte for byte"
        );
        assert_eq!(lib.store.get("afterword:draft:pm-b").unwrap(), stored_b);
    }

    #[test]
    fn the_listed_drafts_are_what_a_load_lists_when_the_index_agrees() {
        let lib = Library::new(MemoryStore::new(), "afterword");
        // A library that never saved has nothing listed to trust.
        assert_eq!(lib.listed(), None);
        lib.save(&mut doc("a", "A"), t(1)).unwrap();
        lib.save(&mut doc("b", "B"), t(2)).unwrap();
        lib.save(&mut doc("c", "C"), t(3)).unwrap();
        lib.set_trashed("b", Some(t(4))).unwrap();
        let rows = |metas: Vec<DraftMeta>| -> Vec<(String, String, Option<DateTime<Utc>>)> {
            metas
                .into_iter()
                .map(|m| (m.id, m.title, m.trashed_at))
                .collect()
        };
        let loaded: Vec<DraftMeta> = lib.load().drafts.into_iter().map(|(m, _)| m).collect();
        assert_eq!(rows(lib.listed().unwrap()), rows(loaded));
        // A draft the index does not list, a damaged index or trash list:
        // only a load can say what is there.
        lib.store
            .set(
                "afterword:draft:d",
                &serde_json::to_string(&doc("d", "D")).unwrap(),
            )
            .unwrap();
        assert_eq!(lib.listed(), None);
        lib.store.remove("afterword:draft:d").unwrap();
        assert!(lib.listed().is_some());
        lib.store.set("afterword:trash", "{broken").unwrap();
        assert_eq!(lib.listed(), None);
        lib.store.remove("afterword:trash").unwrap();
        lib.store.set("afterword:index", "[").unwrap();
        assert_eq!(lib.listed(), None);
    }

    #[test]
    fn a_load_sets_aside_a_draft_whose_id_disagrees_with_its_key() {
        let lib = Library::new(MemoryStore::new(), "afterword");
        lib.save(&mut doc("pm-b", "B"), t(1)).unwrap();
        let forged = serde_json::to_string(&doc("pm-b", "Forged")).unwrap();
        lib.store.set("afterword:draft:pm-x", &forged).unwrap();
        let loaded = lib.load();
        let ids: Vec<_> = loaded.drafts.iter().map(|(m, _)| m.id.as_str()).collect();
        assert_eq!(ids, ["pm-b"]);
        assert_eq!(loaded.quarantined[0].id, "pm-x");
        assert!(loaded.quarantined[0]
            .reason
            .as_deref()
            .unwrap_or("")
            .contains("does not match"));
        assert_eq!(lib.open("pm-b").unwrap().unwrap().title, "B");
    }

    #[test]
    fn a_save_never_writes_over_a_stored_copy_it_cannot_read() {
        let lib = Library::new(MemoryStore::new(), "afterword");
        let mut a = doc("a", "A");
        lib.save(&mut a, t(1)).unwrap();
        // Something else wrote a damaged copy while the draft was open.
        lib.store.set("afterword:draft:a", "{broken").unwrap();
        a.title = "Mine".into();
        lib.save(&mut a, t(2)).unwrap();
        assert_eq!(lib.open("a").unwrap().unwrap().title, "Mine");
        assert_eq!(
            lib.store.get("afterword:quarantine:a").unwrap().as_deref(),
            Some("{broken")
        );
        // And when it cannot be set aside, the save is refused.
        let mut store = MemoryStore::new();
        store.set("afterword:draft:a", "{broken").unwrap();
        store.quota = Some(store.used_without("") + 3);
        let lib = Library::new(store, "afterword");
        assert!(lib.save(&mut doc("a", "A"), t(3)).is_err());
        assert_eq!(
            lib.store.get("afterword:draft:a").unwrap().as_deref(),
            Some("{broken")
        );
    }

    #[test]
    fn the_trash_survives_a_deleted_or_damaged_index() {
        for damage in [None, Some("not json"), Some("{\"drafts\":[]}")] {
            let lib = Library::new(MemoryStore::new(), "afterword");
            lib.save(&mut doc("a", "A"), t(1)).unwrap();
            lib.save(&mut doc("b", "B"), t(2)).unwrap();
            lib.set_trashed("a", Some(t(3))).unwrap();
            match damage {
                None => lib.store.remove("afterword:index").unwrap(),
                Some(raw) => lib.store.set("afterword:index", raw).unwrap(),
            }
            let loaded = lib.load();
            let marks: Vec<_> = loaded
                .drafts
                .iter()
                .map(|(m, _)| (m.id.as_str(), m.trashed_at))
                .collect();
            assert_eq!(marks, [("b", None), ("a", Some(t(3)))], "{damage:?}");
            assert_eq!(lib.trashed_at("a"), Some(t(3)));
        }
    }

    #[test]
    fn trash_marks_of_an_older_library_move_to_their_own_key() {
        let lib = Library::new(MemoryStore::new(), "afterword");
        lib.save(&mut doc("a", "A"), t(1)).unwrap();
        lib.set_trashed("a", Some(t(2))).unwrap();
        // An older version kept the marks only in the index.
        lib.store.remove("afterword:trash").unwrap();
        assert_eq!(lib.trashed_at("a"), Some(t(2)));
        assert_eq!(lib.load().drafts[0].0.trashed_at, Some(t(2)));
        // The next save moves them.
        let mut b = doc("b", "B");
        lib.save(&mut b, t(3)).unwrap();
        assert!(lib.store.get("afterword:trash").unwrap().is_some());
        lib.store.remove("afterword:index").unwrap();
        let loaded = lib.load();
        let a = loaded.drafts.iter().find(|(m, _)| m.id == "a").unwrap();
        assert_eq!(a.0.trashed_at, Some(t(2)));
    }

    #[test]
    fn a_damaged_trash_list_is_kept_and_rebuilt_from_the_index() {
        let lib = Library::new(MemoryStore::new(), "afterword");
        lib.save(&mut doc("a", "A"), t(1)).unwrap();
        lib.set_trashed("a", Some(t(2))).unwrap();
        lib.store.set("afterword:trash", "[oops").unwrap();
        let loaded = lib.load();
        assert_eq!(loaded.drafts[0].0.trashed_at, Some(t(2)));
        assert_eq!(
            lib.store
                .get("afterword:quarantine:trash")
                .unwrap()
                .as_deref(),
            Some("[oops")
        );
        assert_eq!(lib.trashed_at("a"), Some(t(2)));
    }

    #[test]
    fn a_closing_tab_keeps_its_version_until_the_person_chooses() {
        let lib = Library::new(MemoryStore::new(), "afterword");
        let mut mine = doc("pm-a", "Mine");
        lib.save(&mut mine, t(1)).unwrap();
        mine.title = "Mine, unsaved".into();
        let k1 = lib.keep_recovered(&mine, t(2), "ta").unwrap();
        let k2 = lib.keep_recovered(&mine, t(2), "ta").unwrap();
        assert!(
            k1.starts_with("afterword:recovered:pm-a:20261120T140200"),
            "{k1}"
        );
        assert_ne!(k1, k2, "one tab keeping twice at once keeps two versions");
        // Two tabs that do not see each other's writes yet (each browser tab
        // reads its own copy of local storage) still pick different keys.
        let other_tab = Library::new(MemoryStore::new(), "afterword");
        let k3 = other_tab.keep_recovered(&mine, t(2), "tb").unwrap();
        assert!(k3 != k1 && k3 != k2, "{k3}");
        // Loads, saves and other drafts leave them alone.
        lib.load();
        lib.save(&mut mine, t(3)).unwrap();
        let kept = lib.recovered();
        assert_eq!(kept.len(), 2);
        assert_eq!(kept[0].id, "pm-a");
        assert_eq!(kept[0].kept_at, t(2));
        assert_eq!(kept[0].doc.as_ref().unwrap().title, "Mine, unsaved");
        assert_eq!(lib.load().drafts.len(), 1, "a kept version is not a draft");
        lib.discard_recovered(&k1).unwrap();
        assert_eq!(lib.recovered().len(), 1);
        assert!(lib.discard_recovered("afterword:draft:pm-a").is_err());
        // A backup puts one back, never over another.
        let raw = lib.recovered_raw(&k2).unwrap().unwrap();
        let (n1, n2) = (
            lib.recovered_name(&k1).unwrap(),
            lib.recovered_name(&k2).unwrap(),
        );
        assert!(!lib.put_recovered(n2, "other").unwrap());
        assert!(lib.put_recovered(n1, &raw).unwrap());
        assert_eq!(lib.recovered().len(), 2);
        assert!(lib.put_recovered("../x:1", &raw).is_err());
        // A backup carries each kept version by name, unreadable ones as text.
        lib.put_recovered("pm-b:20261120T150000.000Z", "[oops")
            .unwrap();
        let backup = lib.kept_versions_for_backup();
        assert_eq!(backup.len(), 3);
        assert_eq!(backup[0].draft["title"], "Mine, unsaved");
        let broken = backup.iter().find(|k| k.name.starts_with("pm-b:")).unwrap();
        assert_eq!(broken.draft, serde_json::Value::String("[oops".into()));
    }

    #[test]
    fn tabs_know_who_else_has_a_draft_open() {
        let lib = Library::new(MemoryStore::new(), "afterword");
        lib.mark_open("pm-a", "tab1", 1_000).unwrap();
        assert!(!lib.others_have_open("pm-a", "tab1", 2_000, 40_000));
        lib.mark_open("pm-a", "tab2", 1_500).unwrap();
        assert!(lib.others_have_open("pm-a", "tab1", 2_000, 40_000));
        assert!(!lib.others_have_open("pm-b", "tab1", 2_000, 40_000));
        // A tab that crashed stops counting, and its mark goes.
        assert!(!lib.others_have_open("pm-a", "tab1", 50_000, 40_000));
        assert_eq!(lib.store.get("afterword:open:pm-a:tab2").unwrap(), None);
        lib.mark_closed("pm-a", "tab1").unwrap();
        assert!(lib
            .store
            .keys()
            .unwrap()
            .iter()
            .all(|k| !k.contains(":open:")));
    }

    #[test]
    fn measures_usage_per_namespace() {
        let store = MemoryStore::new();
        store.set("other", "12345").unwrap();
        let lib = Library::new(store, "afterword");
        lib.save(&mut doc("a", "A"), t(1)).unwrap();
        let u = lib.usage().unwrap();
        assert!(u.namespace_units > 0);
        assert_eq!(u.origin_units, u.namespace_units + "other".len() + 5);
    }

    /// Counts the values read from a store.
    #[derive(Default)]
    struct Counting {
        inner: MemoryStore,
        reads: std::cell::Cell<usize>,
    }

    impl KeyValueStore for &Counting {
        fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
            self.reads.set(self.reads.get() + 1);
            self.inner.get(key)
        }
        fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
            self.inner.set(key, value)
        }
        fn remove(&self, key: &str) -> Result<(), StoreError> {
            self.inner.remove(key)
        }
        fn keys(&self) -> Result<Vec<String>, StoreError> {
            self.inner.keys()
        }
    }

    #[test]
    fn usage_reads_no_draft_twice_and_follows_saves() {
        let store = Counting::default();
        let writer = Library::new(&store.inner, "afterword");
        for i in 0..20 {
            writer.save(&mut doc(&format!("d{i}"), "A"), t(i)).unwrap();
        }
        let full = writer.usage().unwrap();

        let lib = Library::new(&store, "afterword");
        let loaded = lib.load();
        assert_eq!(loaded.drafts.len(), 20);
        let after_load = store.reads.get();
        assert_eq!(lib.usage().unwrap(), full);
        assert_eq!(store.reads.get(), after_load, "usage read a value again");

        // A save reads the draft and the small lists, never the library.
        let mut d = loaded.drafts[0].1.clone();
        d.summary = "x".repeat(1000);
        lib.save(&mut d, t(50)).unwrap();
        let before = store.reads.get();
        let u = lib.usage().unwrap();
        assert_eq!(store.reads.get(), before);
        // The same figure as measuring everything afresh.
        assert_eq!(u, Library::new(&store.inner, "afterword").usage().unwrap());
        assert!(u.namespace_units > full.namespace_units + 900);
    }

    #[test]
    fn usage_sees_another_writer_once_told() {
        let store = MemoryStore::new();
        let lib = Library::new(&store, "afterword");
        lib.save(&mut doc("a", "A"), t(1)).unwrap();
        let before = lib.usage().unwrap();
        store.set("afterword:draft:b", &"y".repeat(500)).unwrap();
        lib.forget_size(Some("afterword:draft:b"));
        let after = lib.usage().unwrap();
        assert_eq!(
            after.namespace_units,
            before.namespace_units + "afterword:draft:b".len() + 500
        );
        store.remove("afterword:draft:b").unwrap();
        lib.forget_size(None);
        assert_eq!(lib.usage().unwrap(), before);
    }

    #[test]
    fn a_save_uses_the_index_another_tab_wrote() {
        let store = MemoryStore::new();
        let mine = Library::new(&store, "afterword");
        let theirs = Library::new(&store, "afterword");
        mine.save(&mut doc("a", "A"), t(1)).unwrap();
        theirs.save(&mut doc("b", "B"), t(2)).unwrap();
        mine.save(&mut doc("c", "C"), t(3)).unwrap();
        let ids: Vec<String> = Library::new(&store, "afterword")
            .stored_index_rows()
            .unwrap()
            .into_iter()
            .map(|m| m.id)
            .collect();
        assert_eq!(ids, ["c", "b", "a"]);
    }
}
