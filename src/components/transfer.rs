//! What export, import, backup and restore share in the app: the Markdown
//! options for a document (its template's section order, the checklist
//! hook) and reading a chosen or dropped file without trusting it. Drafts
//! are written by the library (`Library::put_imported`).

use afterword_core::export::{ImportError, MarkdownOptions};
use afterword_core::model::Postmortem;
use afterword_core::store::Library;
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

/// Everything `to_markdown` needs for this document, with the same options
/// `afterword export` uses: the document's template (a
/// built-in, a usable custom one, else Standard) decides the section order.
/// The checklist is left out: [`markdown_options_with_checklist`] adds it,
/// and only the editor's export menu asks for it, so the linter it needs
/// stays in the editor's part of the app.
pub fn markdown_options(app: &AppState, doc: &Postmortem) -> MarkdownOptions {
    MarkdownOptions::for_template(&app.library().template_for(doc))
}

/// [`markdown_options`] with the "Before you share" checklist appended.
pub fn markdown_options_with_checklist(app: &AppState, doc: &Postmortem) -> MarkdownOptions {
    let mut opts = markdown_options(app, doc);
    opts.include_checklist = checklist_lines_for(app, doc);
    opts
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

/// "20 Nov 2026, 14:02" style text of when a stored draft was last edited.
pub fn last_edited(lib: &Library<WebStore>, id: &str) -> Option<(String, String)> {
    let doc = lib.open(id).ok().flatten()?;
    Some((
        doc.display_title().to_owned(),
        crate::browser::local_when(doc.updated_at),
    ))
}
