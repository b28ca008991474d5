//! The save indicator and the panels that explain a failed or conflicting
//! save, each with a way out that loses nothing.

use leptos::prelude::*;

use crate::browser::{download, local_clock};
use crate::components::leave_choice::download_as;
use crate::session::{SaveStatus, Session};
use crate::state::use_app;

/// "Saving…", "Saved 14:02" or "Not saved: <reason>", announced politely.
#[component]
pub fn SaveIndicator(session: Session) -> impl IntoView {
    let text = move || match session.status.get() {
        SaveStatus::Clean => "All changes saved".to_owned(),
        SaveStatus::Saving => "Saving…".to_owned(),
        SaveStatus::Saved(at) => format!("Saved {}", local_clock(at)),
        SaveStatus::Failed(why) => format!("Not saved: {why}"),
        SaveStatus::Conflict(_) => "Not saved: changed in another tab".to_owned(),
    };
    let class = move || match session.status.get() {
        SaveStatus::Failed(_) | SaveStatus::Conflict(_) => "save-status is-error",
        SaveStatus::Saving => "save-status is-pending",
        _ => "save-status",
    };
    view! { <p class=class role="status" aria-live="polite" data-testid="save-status">{text}</p> }
}

/// Offers the draft as a JSON file: the way out when storage fails.
pub fn download_draft(session: Session) -> Result<(), String> {
    let doc = session.doc.get_untracked();
    let json = serde_json::to_string_pretty(&doc).map_err(|e| e.to_string())?;
    let name = format!("{}-unsaved-draft.json", doc.updated_at.format("%Y-%m-%d"));
    download(&name, "application/json", &json)
}

#[component]
pub fn SaveProblem(session: Session) -> impl IntoView {
    let download_error = RwSignal::new(None::<String>);
    let save_copy = move |_| {
        if let Err(e) = download_draft(session) {
            download_error.set(Some(e));
        }
    };
    move || {
        match session.status.get() {
        // A draft that was never stored has its own banner (`NotKept`).
        SaveStatus::Failed(_) if !session.stored.get() => ().into_any(),
        SaveStatus::Failed(why) => view! {
            <div class="panel panel-error" role="alert">
                <h2>"Your latest edits are not saved"</h2>
                <p>
                    "The browser refused to store this draft (" {why} "). "
                    "Your edits are kept in this tab while it stays open. "
                    "Download the draft to keep a copy, free some space (empty the trash, delete old drafts), then try again."
                </p>
                <div class="actions">
                    <button class="btn btn-primary" on:click=save_copy>"Download this draft"</button>
                    <button class="btn" on:click=move |_| session.flush()>"Try saving again"</button>
                </div>
                {move || download_error.get().map(|e| view! { <p class="error">{e}</p> })}
            </div>
        }
        .into_any(),
        SaveStatus::Conflict(theirs) => {
            let when = local_clock(theirs.updated_at);
            view! {
                <div class="panel panel-error" role="alert">
                    <h2>"This draft was changed in another tab"</h2>
                    <p>
                        "Another tab or window saved this draft at " {when}
                        ". Your edits here are not saved yet. Choose what to keep:"
                    </p>
                    <div class="actions">
                        <button class="btn btn-primary" on:click=move |_| session.keep_both()>
                            "Keep both (save mine as a copy)"
                        </button>
                        <button class="btn" on:click=move |_| session.keep_mine()>
                            "Keep mine (replace the other)"
                        </button>
                        <button class="btn btn-danger" on:click=move |_| session.use_theirs()>
                            "Discard mine, show the other"
                        </button>
                        <button class="btn" on:click=save_copy>"Download mine"</button>
                    </div>
                </div>
            }
            .into_any()
        }
        _ => ().into_any(),
    }
    }
}

/// The banner of a draft storage never took: it lives in this tab only, and
/// downloading it is one click away.
#[component]
pub fn NotKept(session: Session) -> impl IntoView {
    let app = use_app();
    let feedback = RwSignal::new(String::new());
    let offer = move |markdown: bool| {
        feedback.set(match download_as(app, session, markdown) {
            Ok(name) => format!("Downloaded {name}."),
            Err(e) => format!("Could not download: {e}."),
        });
    };
    view! {
        <Show when=move || !session.stored.get()>
            <div class="panel panel-warn not-kept" role="alert" data-testid="not-kept">
                <h2>"This draft is not kept"</h2>
                <p>
                    "This browser does not let Afterword store anything (a private window, storage switched off, or full). "
                    "You can write the whole postmortem here, but it exists only in this tab: download it to keep it."
                </p>
                <div class="actions">
                    <button type="button" class="btn btn-primary" on:click=move |_| offer(false)>"Download JSON"</button>
                    <button type="button" class="btn" on:click=move |_| offer(true)>"Download Markdown"</button>
                </div>
                <p class="hint" role="status">{move || feedback.get()}</p>
            </div>
        </Show>
    }
}
