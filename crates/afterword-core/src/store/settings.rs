//! The app-wide settings of a namespace: one JSON object under
//! `{ns}:settings`, shared by the editor (the writer's name, the mode each
//! draft was last edited in, the timeline's zone) and the linter (rules
//! switched off, the team's phrases).
//!
//! Reading is tolerant; writing keeps every setting it does not own,
//! including ones from a newer version. Settings that cannot be read are set
//! aside under "could not be read" before anything is written over them.

use std::fmt;

use serde_json::{Map, Value};

use super::{KeyValueStore, Library, StoreError};
use crate::lint::{read_settings, write_settings, LintSettings};

/// Drafts remember at most this many editing modes; the oldest are forgotten.
pub const MAX_EDITOR_MODES: usize = 200;

/// How a draft is edited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditorMode {
    /// One section at a time, with help and examples.
    Guided,
    /// The whole document on one page.
    Full,
}

impl EditorMode {
    fn key(self) -> &'static str {
        match self {
            EditorMode::Guided => "guided",
            EditorMode::Full => "full",
        }
    }
}

/// The stored settings object.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Settings {
    map: Map<String, Value>,
}

impl Settings {
    /// The writer's name, recorded with status changes.
    pub fn your_name(&self) -> &str {
        self.map
            .get("your_name")
            .and_then(Value::as_str)
            .unwrap_or_default()
    }

    pub fn set_your_name(&mut self, name: &str) {
        self.map
            .insert("your_name".into(), Value::String(name.trim().to_owned()));
    }

    /// The mode a draft was last edited in; drafts opened for the first
    /// time get the full editor.
    pub fn editor_mode(&self, draft: &str) -> EditorMode {
        match self
            .map
            .get("editor_modes")
            .and_then(|m| m.get(draft))
            .and_then(Value::as_str)
        {
            Some("guided") => EditorMode::Guided,
            _ => EditorMode::Full,
        }
    }

    pub fn set_editor_mode(&mut self, draft: &str, mode: EditorMode) {
        let modes = self
            .map
            .entry("editor_modes")
            .or_insert_with(|| Value::Object(Map::new()));
        if !modes.is_object() {
            *modes = Value::Object(Map::new());
        }
        if let Value::Object(m) = modes {
            m.remove(draft);
            while m.len() >= MAX_EDITOR_MODES {
                let Some(first) = m.keys().next().cloned() else {
                    break;
                };
                m.remove(&first);
            }
            m.insert(draft.to_owned(), Value::String(mode.key().to_owned()));
        }
    }

    /// True when the timeline shows times in the reader's zone.
    pub fn timeline_local(&self) -> bool {
        self.map
            .get("timeline_zone")
            .and_then(Value::as_str)
            .is_some_and(|z| z == "local")
    }

    pub fn set_timeline_local(&mut self, local: bool) {
        self.map.insert(
            "timeline_zone".into(),
            Value::String(if local { "local" } else { "utc" }.into()),
        );
    }

    /// The linter's settings, with a sentence for each part that could not
    /// be used.
    pub fn lint(&self) -> (LintSettings, Vec<String>) {
        read_settings(Some(&self.to_json()))
    }

    pub fn set_lint(&mut self, lint: &LintSettings) {
        let raw = write_settings(Some(&self.to_json()), lint);
        if let Ok(Value::Object(map)) = serde_json::from_str::<Value>(&raw) {
            self.map = map;
        }
    }

    fn to_json(&self) -> String {
        Value::Object(self.map.clone()).to_string()
    }
}

/// Why the settings could not be read or written.
#[derive(Debug, Clone, PartialEq)]
pub enum SettingsError {
    Store(StoreError),
    /// The stored text is not a settings object.
    Unreadable(String),
}

impl fmt::Display for SettingsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SettingsError::Store(e) => write!(f, "{e}"),
            SettingsError::Unreadable(why) => {
                write!(f, "the stored settings could not be read ({why})")
            }
        }
    }
}

impl From<StoreError> for SettingsError {
    fn from(e: StoreError) -> Self {
        SettingsError::Store(e)
    }
}

impl<S: KeyValueStore> Library<S> {
    fn settings_key(&self) -> String {
        self.key("settings")
    }

    /// The stored settings; empty ones when none are stored.
    pub fn settings(&self) -> Result<Settings, SettingsError> {
        let Some(raw) = self.store.get(&self.settings_key())? else {
            return Ok(Settings::default());
        };
        if raw.trim().is_empty() {
            return Ok(Settings::default());
        }
        match serde_json::from_str::<Value>(&raw) {
            Ok(Value::Object(map)) => Ok(Settings { map }),
            Ok(_) => Err(SettingsError::Unreadable("not a settings object".into())),
            Err(e) => Err(SettingsError::Unreadable(e.to_string())),
        }
    }

    /// The settings, or empty ones when they cannot be read (for reading a
    /// single preference, where the default is the right answer).
    pub fn settings_or_default(&self) -> Settings {
        self.settings().unwrap_or_default()
    }

    /// Changes the stored settings. Unreadable settings are set aside first,
    /// so nothing stored is lost; nothing is written when that fails.
    pub fn update_settings(&self, change: impl FnOnce(&mut Settings)) -> Result<(), SettingsError> {
        let mut settings = match self.settings() {
            Ok(s) => s,
            Err(SettingsError::Unreadable(_)) => {
                if let Some(raw) = self.store.get(&self.settings_key())? {
                    let key = self.unused_quarantine_key("settings");
                    self.store.set(&key, &raw)?;
                }
                Settings::default()
            }
            Err(e) => return Err(e),
        };
        change(&mut settings);
        Ok(self.store.set(&self.settings_key(), &settings.to_json())?)
    }

    /// The linter's settings; problems (unreadable storage included) are
    /// sentences, and the defaults apply.
    pub fn lint_settings(&self) -> (LintSettings, Vec<String>) {
        match self.settings() {
            Ok(s) => s.lint(),
            Err(e) => (
                LintSettings::default(),
                vec![format!(
                    "The settings could not be read ({e}); the linter uses its defaults."
                )],
            ),
        }
    }

    /// Saves the linter's settings, keeping every other setting.
    pub fn save_lint_settings(&self, lint: &LintSettings) -> Result<(), SettingsError> {
        self.update_settings(|s| s.set_lint(lint))
    }

    /// The stored settings object as it is, for a backup.
    pub fn settings_for_backup(&self) -> Result<Value, SettingsError> {
        self.settings().map(|s| Value::Object(s.map))
    }

    /// Adds a backup's settings, keeping any the backup does not mention;
    /// settings present in both change only when `replace` is set. Returns
    /// how many changed. Refused, changing nothing, when the stored settings
    /// cannot be read.
    pub fn merge_settings(&self, incoming: &Value, replace: bool) -> Result<usize, SettingsError> {
        let Value::Object(incoming) = incoming else {
            return Ok(0);
        };
        let mut current = self.settings()?;
        let mut changed = 0;
        for (k, v) in incoming {
            if replace || !current.map.contains_key(k) {
                if current.map.get(k) != Some(v) {
                    changed += 1;
                }
                current.map.insert(k.clone(), v.clone());
            }
        }
        if changed > 0 {
            self.store.set(&self.settings_key(), &current.to_json())?;
        }
        Ok(changed)
    }
}
