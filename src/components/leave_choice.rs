//! The question asked when a draft cannot be saved on the way out: download
//! the draft, retry, or leave and lose the changes. Nothing moves until the
//! person answers.

use afterword_core::export::{file_name, to_json, to_markdown};
use leptos::prelude::*;

use crate::browser::download;
use crate::components::transfer::markdown_options;
use crate::session::{SaveStatus, Session};
use crate::state::{use_app, AppState};

/// Offers the open draft as a JSON or Markdown file.
pub fn download_as(app: AppState, session: Session, markdown: bool) -> Result<String, String> {
    let doc = session.doc.get_untracked();
    let (name, mime, text) = if markdown {
        let opts = markdown_options(&app, &doc);
        (
            file_name(&doc, "md"),
            "text/markdown",
            to_markdown(&doc, &opts),
        )
    } else {
        (file_name(&doc, "json"), "application/json", to_json(&doc))
    };
    download(&name, mime, &text)?;
    let format = if markdown { "md" } else { "json" };
    app.emit_exported(&doc, format, &name, &text);
    Ok(name)
}

#[component]
pub fn LeaveChoice() -> impl IntoView {
    let app = use_app();
    let feedback = RwSignal::new(String::new());
    let session = move || app.open.0.get_untracked();
    let why = move || {
        let Some(s) = app.open.0.get() else {
            return String::new();
        };
        if !s.stored.get() {
            return "This browser keeps nothing Afterword writes (storage is switched off or refuses every write), so this draft exists only in this tab.".to_owned();
        }
        match s.status.get() {
            SaveStatus::Failed(why) => format!("The browser refused to store this draft: {why}."),
            SaveStatus::Conflict(_) => "Another tab saved this draft since you started editing here, so your edits were not saved over it. Stay to choose which version to keep.".to_owned(),
            _ => "Your latest edits could not be saved.".to_owned(),
        }
    };
    let offer = move |markdown: bool| {
        if let Some(s) = session() {
            feedback.set(match download_as(app, s, markdown) {
                Ok(name) => format!("Downloaded {name}."),
                Err(e) => format!("Could not download: {e}."),
            });
        }
    };
    let retry = move |_| {
        let Some(to) = app.guard.leaving.get_untracked() else {
            return;
        };
        if session().is_none_or(|s| s.try_leave()) {
            app.carry_on(to);
        } else {
            feedback.set("Still not saved.".to_owned());
        }
    };
    let lose = move |_| {
        let Some(to) = app.guard.leaving.get_untracked() else {
            return;
        };
        if let Some(s) = session() {
            s.abandon();
            app.guard.forget_unstored(&s.id());
        }
        app.carry_on(to);
    };
    let stay = move |_| {
        feedback.set(String::new());
        app.guard.leaving.set(None);
    };
    Effect::new(move |_| {
        if app.guard.leaving.with(Option::is_some) {
            feedback.set(String::new());
            app.focus_later("leave-download");
        }
    });
    view! {
        <Show when=move || app.guard.leaving.with(Option::is_some)>
            <div class="panel panel-error leave-choice" role="alertdialog" aria-labelledby="leave-title"
                aria-describedby="leave-why" data-testid="leave-choice">
                <h2 id="leave-title">"Your latest edits are not saved"</h2>
                <p id="leave-why">{why} " Download the draft, retry, or leave and lose the changes."</p>
                <div class="actions">
                    <button id="leave-download" type="button" class="btn btn-primary" on:click=move |_| offer(false)>"Download the draft"</button>
                    <button type="button" class="btn" on:click=move |_| offer(true)>"Download as Markdown"</button>
                    <button type="button" class="btn" on:click=retry>"Retry"</button>
                    <button type="button" class="btn btn-danger" on:click=lose>"Leave and lose the changes"</button>
                    <button type="button" class="btn btn-quiet" on:click=stay>"Stay on this draft"</button>
                </div>
                <p class="hint" role="status">{move || feedback.get()}</p>
            </div>
        </Show>
    }
}
