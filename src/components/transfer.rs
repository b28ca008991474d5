//! What export, import, backup and restore share in the app: the Markdown
//! options for a document (its template's section order, the checklist
//! hook), reading a chosen or dropped file without trusting it, and writing
//! imported drafts exactly as they were exported.

use afterword_core::export::{ImportError, MarkdownOptions};
use afterword_core::ids::is_valid_id;
use afterword_core::model::Postmortem;
use afterword_core::store::{KeyValueStore, Library, StoreError};
use afterword_core::template::{template_by_id, FieldId, Template};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

use crate::browser::WebStore;
use crate::state::AppState;

/// The "Before you share" checklist of `doc` as lines for the export, each
/// with whether it is done.
pub fn checklist_lines_for(app: &AppState, doc: &Postmortem) -> Option<Vec<(String, bool)>> {
    let list = crate::components::checklist::checklist_for(doc, app);
    Some(afterword_core::checklist::checklist_lines(&list))
}

/// The template a document follows: a built-in one, else a custom one
/// stored under `{ns}:templates` (read tolerantly: a damaged list or entry is
/// simply not found, and the default order applies).
pub fn template_for(app: &AppState, doc: &Postmortem) -> Option<Template> {
    if let Some(t) = template_by_id(&doc.template) {
        return Some(t);
    }
    let lib = app.library();
    let raw = lib.store().get(&lib.key("templates")).ok().flatten()?;
    let list: Vec<serde_json::Value> = serde_json::from_str(&raw).ok()?;
    list.into_iter()
        .filter_map(|v| serde_json::from_value::<Template>(v).ok())
        .find(|t| t.id == doc.template)
}

/// The Markdown section a template field is printed in.
fn markdown_section(field: &FieldId) -> Option<String> {
    use FieldId as F;
    let id = match field {
        F::Title
        | F::IncidentDate
        | F::Owner
        | F::Participants
        | F::Reviewers
        | F::Severity
        | F::Kind
        | F::Category
        | F::AlertSource
        | F::ReportedTo => "metadata",
        F::Summary => "summary",
        F::Times | F::Started | F::Detected | F::Acknowledged | F::Mitigated | F::Resolved => {
            "times"
        }
        F::ImpactDescription
        | F::UserVisibleMinutes
        | F::CustomersAffected
        | F::CustomersReported
        | F::FunctionalSeverity
        | F::BusinessMetrics
        | F::DataLost
        | F::RecoveryPoint
        | F::SloBudget => "impact",
        F::Timeline => "timeline",
        F::ContributingFactors | F::Trigger | F::Detection | F::Resolution => "analysis",
        F::FourQuestions => "four_questions",
        F::WentWell | F::WentWrong | F::GotLucky | F::Gaps | F::Lessons => "lessons",
        F::ActionItems => "action_items",
        F::Links => "links",
        F::Text(key) => return Some(key.clone()),
        F::Unknown(_) => return None,
    };
    Some(id.to_owned())
}

/// Markdown section ids in the order the template shows their fields: the
/// first field of a section decides where that section goes.
pub fn section_order(template: Option<&Template>) -> Vec<String> {
    let mut order: Vec<String> = Vec::new();
    for section in template.map(|t| t.sections.as_slice()).unwrap_or_default() {
        for field in &section.fields {
            if let Some(id) = markdown_section(field) {
                if !order.contains(&id) {
                    order.push(id);
                }
            }
        }
    }
    order
}

/// Everything `to_markdown` needs for this document.
pub fn markdown_options(app: &AppState, doc: &Postmortem, with_checklist: bool) -> MarkdownOptions {
    MarkdownOptions {
        section_order: section_order(template_for(app, doc).as_ref()),
        include_checklist: if with_checklist {
            checklist_lines_for(app, doc)
        } else {
            None
        },
    }
}

/// What a file looks like from its name and type, before reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Json,
    Markdown,
    Other,
}

pub fn kind_of(name: &str, mime: &str) -> FileKind {
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".json") || mime == "application/json" {
        FileKind::Json
    } else if lower.ends_with(".md") || lower.ends_with(".markdown") || mime == "text/markdown" {
        FileKind::Markdown
    } else {
        FileKind::Other
    }
}

/// Why a file of the wrong kind is refused, or `None` when it may be read.
pub fn wrong_kind_message(name: &str, mime: &str, what: &str) -> Option<String> {
    match kind_of(name, mime) {
        FileKind::Json => None,
        FileKind::Markdown => Some(format!(
            "“{name}” is a Markdown file; Afterword reads {what} saved as .json files. (A postmortem written in Markdown comes in with “Import a file” on the home screen.)"
        )),
        FileKind::Other => Some(format!(
            "“{name}” is not a JSON file. Afterword imports {what} saved as .json files."
        )),
    }
}

/// Reads a chosen or dropped file as text. The size is checked first, so a
/// huge file is refused before a single byte of it is read.
pub async fn read_text(file: &web_sys::File, limit: usize) -> Result<String, String> {
    let size = file.size();
    if size > limit as f64 {
        return Err(ImportError::TooLarge {
            bytes: size as usize,
            limit,
        }
        .to_string());
    }
    let text = JsFuture::from(file.text())
        .await
        .map_err(|e| format!("the file could not be read ({})", js_message(&e)))?;
    text.as_string()
        .ok_or_else(|| "the file could not be read as text".to_owned())
}

fn js_message(e: &JsValue) -> String {
    js_sys::Reflect::get(e, &JsValue::from_str("message"))
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_else(|| "unknown error".to_owned())
}

/// True when a draft is stored under this id (live or in the trash).
pub fn is_stored(lib: &Library<WebStore>, id: &str) -> bool {
    matches!(lib.store().get(&lib.draft_key(id)), Ok(Some(_)))
}

/// Writes an imported document exactly as it came (same revision, same
/// "last updated"), so exporting it again gives the same file. The draft
/// list is rebuilt from storage by the caller (`AppState::reload`).
pub fn put_draft(lib: &Library<WebStore>, doc: &Postmortem) -> Result<(), StoreError> {
    if !is_valid_id(&doc.id) {
        return Err(StoreError::Other(format!(
            "\"{}\" is not a usable draft id",
            doc.id
        )));
    }
    let raw = serde_json::to_string(doc).map_err(|e| StoreError::Other(e.to_string()))?;
    lib.store().set(&lib.draft_key(&doc.id), &raw)
}

/// Writes `doc` over a stored draft with the same id. Its revision moves past
/// the stored one, so a tab that has the old draft open notices the change
/// instead of saving over it.
pub fn put_over(lib: &Library<WebStore>, doc: &Postmortem) -> Result<(), StoreError> {
    let stored = lib.open(&doc.id).ok().flatten().map(|d| d.revision);
    let mut doc = doc.clone();
    if let Some(stored) = stored {
        doc.revision = doc.revision.max(stored) + 1;
    }
    put_draft(lib, &doc)
}

/// "20 Nov 2026, 14:02" style text of when a stored draft was last edited.
pub fn last_edited(lib: &Library<WebStore>, id: &str) -> Option<(String, String)> {
    let doc = lib.open(id).ok().flatten()?;
    Some((
        doc.display_title().to_owned(),
        crate::browser::local_when(doc.updated_at),
    ))
}
