//! The editor's preferences (the writer's name, the editing mode chosen for
//! each draft, the zone the timeline is shown in) and the templates it can
//! use, read from and written to the library. How they are stored is the
//! core's business (`afterword_core::store`).

use afterword_core::template::Template;

pub use afterword_core::store::EditorMode as Mode;

use crate::state::AppState;

/// The mode a draft was last edited in; drafts opened for the first time
/// get the full editor.
pub fn mode(app: &AppState, draft: &str) -> Mode {
    app.library().settings_or_default().editor_mode(draft)
}

pub fn set_mode(app: &AppState, draft: &str, mode: Mode) -> Result<(), String> {
    save(app, |s| s.set_editor_mode(draft, mode))
}

/// The writer's name, recorded with status changes.
pub fn your_name(app: &AppState) -> String {
    app.library().settings_or_default().your_name().to_owned()
}

pub fn set_your_name(app: &AppState, name: &str) -> Result<(), String> {
    save(app, |s| s.set_your_name(name))
}

/// True when the timeline should show times in the reader's zone.
pub fn timeline_local(app: &AppState) -> bool {
    app.library().settings_or_default().timeline_local()
}

pub fn set_timeline_local(app: &AppState, local: bool) -> Result<(), String> {
    save(app, |s| s.set_timeline_local(local))
}

fn save(
    app: &AppState,
    change: impl FnOnce(&mut afterword_core::store::Settings),
) -> Result<(), String> {
    app.library()
        .update_settings(change)
        .map_err(|e| format!("the setting could not be saved: {e}"))
}

/// The usable custom templates (the Templates screen lists the others with
/// what is wrong with them).
pub fn custom_templates(app: &AppState) -> Vec<Template> {
    app.library().usable_templates()
}

/// The template a document names: a built-in, a usable custom one, or
/// Standard when neither is known here (the id is kept in the document).
pub fn template_for(app: &AppState, id: &str) -> Template {
    let lib = app.library();
    lib.template(id)
        .unwrap_or_else(afterword_core::template::standard)
}
