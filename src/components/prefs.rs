//! The editor's settings kept in `{ns}:settings`: the writer's name (recorded
//! on status changes), the editing mode chosen for each draft, and the zone
//! the timeline is shown in. Read tolerantly; unknown fields are kept.

use afterword_core::store::KeyValueStore;
use serde_json::{Map, Value};

use crate::state::AppState;

/// Drafts remember at most this many modes; the oldest are forgotten.
const MAX_MODES: usize = 200;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// One section at a time, with help and examples.
    Guided,
    /// The whole document on one page.
    Full,
}

impl Mode {
    fn key(self) -> &'static str {
        match self {
            Mode::Guided => "guided",
            Mode::Full => "full",
        }
    }
}

fn read(app: &AppState) -> Map<String, Value> {
    let lib = app.library();
    lib.store()
        .get(&lib.key("settings"))
        .ok()
        .flatten()
        .and_then(|raw| serde_json::from_str::<Value>(&raw).ok())
        .and_then(|v| match v {
            Value::Object(m) => Some(m),
            _ => None,
        })
        .unwrap_or_default()
}

fn write(app: &AppState, change: impl FnOnce(&mut Map<String, Value>)) -> Result<(), String> {
    let mut settings = read(app);
    change(&mut settings);
    let lib = app.library();
    let raw = Value::Object(settings).to_string();
    lib.store()
        .set(&lib.key("settings"), &raw)
        .map_err(|e| format!("the setting could not be saved: {e}"))
}

/// The mode a draft was last edited in; drafts opened for the first time
/// get the full editor.
pub fn mode(app: &AppState, draft: &str) -> Mode {
    let settings = read(app);
    match settings
        .get("editor_modes")
        .and_then(|m| m.get(draft))
        .and_then(Value::as_str)
    {
        Some("guided") => Mode::Guided,
        _ => Mode::Full,
    }
}

pub fn set_mode(app: &AppState, draft: &str, mode: Mode) -> Result<(), String> {
    write(app, |s| {
        let modes = s
            .entry("editor_modes")
            .or_insert_with(|| Value::Object(Map::new()));
        if !modes.is_object() {
            *modes = Value::Object(Map::new());
        }
        if let Value::Object(m) = modes {
            m.remove(draft);
            while m.len() >= MAX_MODES {
                let Some(first) = m.keys().next().cloned() else {
                    break;
                };
                m.remove(&first);
            }
            m.insert(draft.to_owned(), Value::String(mode.key().to_owned()));
        }
    })
}

/// The writer's name, recorded with status changes.
pub fn your_name(app: &AppState) -> String {
    read(app)
        .get("your_name")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned()
}

pub fn set_your_name(app: &AppState, name: &str) -> Result<(), String> {
    write(app, |s| {
        s.insert("your_name".into(), Value::String(name.trim().to_owned()));
    })
}

/// True when the timeline should show times in the reader's zone.
pub fn timeline_local(app: &AppState) -> bool {
    read(app)
        .get("timeline_zone")
        .and_then(Value::as_str)
        .is_some_and(|z| z == "local")
}

pub fn set_timeline_local(app: &AppState, local: bool) -> Result<(), String> {
    write(app, |s| {
        s.insert(
            "timeline_zone".into(),
            Value::String(if local { "local" } else { "utc" }.into()),
        );
    })
}

/// Custom templates saved in `{ns}:templates`; unreadable entries are
/// skipped here (the template manager reports them).
pub fn custom_templates(app: &AppState) -> Vec<afterword_core::template::Template> {
    let lib = app.library();
    let Some(raw) = lib.store().get(&lib.key("templates")).ok().flatten() else {
        return Vec::new();
    };
    let Ok(Value::Array(items)) = serde_json::from_str::<Value>(&raw) else {
        return Vec::new();
    };
    items
        .into_iter()
        .filter_map(|v| afterword_core::template::template_from_json(&v.to_string()).ok())
        .collect()
}

/// The template a document names: a built-in, a custom one, or Standard
/// when neither is known here (the id is kept in the document).
pub fn template_for(app: &AppState, id: &str) -> afterword_core::template::Template {
    afterword_core::template::template_by_id(id)
        .or_else(|| custom_templates(app).into_iter().find(|t| t.id == id))
        .unwrap_or_else(afterword_core::template::standard)
}
