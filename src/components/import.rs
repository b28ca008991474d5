//! Importing a postmortem file on the home screen, chosen with a button or
//! dropped anywhere on the screen. A JSON file goes through the core's
//! `import_json` (size, syntax, version, types, ids); every problem is shown
//! with its path and nothing stored changes. A Markdown file is previewed
//! first (`markdown_import`) and becomes a new draft once confirmed. A draft whose id is already
//! stored asks first: keep both (the import gets a new id) or replace (after
//! a confirmation naming the draft and its last edit).

use afterword_core::export::{import_json, read_bundle, reid};
use afterword_core::model::Postmortem;
use afterword_core::restore::{diagnose, MAX_DOCUMENT_BYTES};
use leptos::prelude::*;

use crate::browser::{entropy, now};
use crate::components::fields::dom_id;
use crate::components::file_button::FileButton;
use crate::components::notice::dismissible;
use crate::components::transfer::{kind_of, last_edited, read_text, wrong_kind_message, FileKind};
use crate::state::{use_app, AppState, Route};

#[derive(Debug, Clone, PartialEq)]
enum ImportState {
    Idle,
    Reading(String),
    /// A Markdown file, shown in a preview before anything is stored.
    Markdown {
        file: String,
        raw: String,
    },
    /// The file was refused; nothing changed.
    Refused {
        file: String,
        problems: Vec<String>,
    },
    /// A draft with this id is stored: keep both or replace?
    Conflict {
        doc: Box<Postmortem>,
        existing_title: String,
        existing_edited: String,
    },
    /// "Replace" chosen: one more confirmation.
    ConfirmReplace {
        doc: Box<Postmortem>,
        existing_title: String,
        existing_edited: String,
    },
    Imported {
        id: String,
        title: String,
        note: String,
    },
}

#[component]
pub fn ImportZone() -> impl IntoView {
    let app = use_app();
    let state = RwSignal::new(ImportState::Idle);
    let dragging = RwSignal::new(false);
    let help_id = dom_id("import-help");

    // Files dropped anywhere on the home screen are imported; without this
    // the browser would leave the app to show the file.
    let over = window_event_listener(leptos::ev::dragover, move |ev| {
        if carries_files(&ev) && app.owns_event(&ev) {
            ev.prevent_default();
            dragging.set(true);
        }
    });
    let leave = window_event_listener(leptos::ev::dragleave, move |ev| {
        // Leaving the window has no related target.
        if ev.related_target().is_none() {
            dragging.set(false);
        }
    });
    let drop = window_event_listener(leptos::ev::drop, move |ev| {
        if !carries_files(&ev) || !app.owns_event(&ev) {
            return;
        }
        ev.prevent_default();
        dragging.set(false);
        let files = ev
            .data_transfer()
            .and_then(|dt| dt.files())
            .map(|list| (0..list.length()).filter_map(|i| list.item(i)).collect())
            .unwrap_or_default();
        import_files(app, state, files);
    });
    on_cleanup(move || {
        over.remove();
        leave.remove();
        drop.remove();
    });

    let on_files = Callback::new(move |files| import_files(app, state, files));

    view! {
        <section
            class=move || if dragging.get() { "import-zone is-dragging" } else { "import-zone" }
            aria-labelledby="import-title"
            data-testid="import-zone"
        >
            <h2 id="import-title">"Import a postmortem"</h2>
            <p class="hint" id=help_id.clone()>
                "Drop a postmortem .json or Markdown (.md) file anywhere on this screen, or choose one. "
                "It becomes a new draft; nothing you already have is changed without asking. "
                "A Markdown file is previewed first."
            </p>
            <FileButton
                text="Import a file"
                label="Postmortem file to import"
                accept=".json,application/json,.md,.markdown,text/markdown"
                described_by=help_id
                on_files=on_files
            />
            <ImportOutcome state=state />
        </section>
    }
}

/// True when a drag carries files (not text or a link).
pub fn carries_files(ev: &web_sys::DragEvent) -> bool {
    ev.data_transfer()
        .map(|dt| {
            dt.types()
                .iter()
                .any(|t| t.as_string().as_deref() == Some("Files"))
        })
        .unwrap_or(false)
}

fn import_files(app: AppState, state: RwSignal<ImportState>, files: Vec<web_sys::File>) {
    let file = match files.len() {
        0 => return,
        1 => files.into_iter().next(),
        n => {
            state.set(ImportState::Refused {
                file: format!("{n} files"),
                problems: vec!["import one file at a time; nothing was imported".to_owned()],
            });
            return;
        }
    };
    let Some(file) = file else { return };
    let name = file.name();
    if kind_of(&name, &file.type_()) == FileKind::Markdown {
        state.set(ImportState::Reading(name.clone()));
        leptos::task::spawn_local(async move {
            let next = match read_text(&file, afterword_core::import::MAX_MARKDOWN_BYTES).await {
                Ok(raw) => ImportState::Markdown { file: name, raw },
                Err(why) => ImportState::Refused {
                    file: name,
                    problems: vec![why],
                },
            };
            state.try_set(next);
        });
        return;
    }
    if let Some(why) = wrong_kind_message(&name, &file.type_(), "postmortems") {
        state.set(ImportState::Refused {
            file: name,
            problems: vec![why],
        });
        return;
    }
    state.set(ImportState::Reading(name.clone()));
    leptos::task::spawn_local(async move {
        let raw = match read_text(&file, MAX_DOCUMENT_BYTES).await {
            Ok(raw) => raw,
            Err(why) => {
                state.try_set(ImportState::Refused {
                    file: name,
                    problems: vec![why],
                });
                return;
            }
        };
        state.try_set(examine(app, &name, &raw));
    });
}

/// Reads the text and decides: refused, conflicting, or imported.
fn examine(app: AppState, name: &str, raw: &str) -> ImportState {
    let doc = match import_json(raw) {
        Ok(doc) => doc,
        Err(first) => {
            if read_bundle(raw).is_ok() {
                return ImportState::Refused {
                    file: name.to_owned(),
                    problems: vec![
                        "this is a backup of a whole library; use “Restore from backup” below to bring it back".to_owned(),
                    ],
                };
            }
            // Every problem at once, so the file can be fixed in one pass.
            let mut problems: Vec<String> = diagnose(raw).iter().map(|e| e.to_string()).collect();
            if problems.is_empty() {
                problems.push(first.to_string());
            }
            return ImportState::Refused {
                file: name.to_owned(),
                problems,
            };
        }
    };
    let lib = app.library();
    if lib.is_stored(&doc.id) {
        let (existing_title, existing_edited) =
            last_edited(&lib, &doc.id).unwrap_or_else(|| (doc.id.clone(), "unknown".to_owned()));
        return ImportState::Conflict {
            doc: Box::new(doc),
            existing_title,
            existing_edited,
        };
    }
    store(app, doc, false, "")
}

fn store(app: AppState, doc: Postmortem, over: bool, note: &str) -> ImportState {
    let lib = app.library();
    // A draft written over stays where it was (in the trash or not).
    let result = if over {
        lib.put_imported_over(&doc, lib.trashed_at(&doc.id))
    } else {
        lib.put_imported(&doc, None)
    };
    match result {
        Ok(_) => {
            app.reload();
            ImportState::Imported {
                id: doc.id.clone(),
                title: doc.display_title().to_owned(),
                note: note.to_owned(),
            }
        }
        Err(e) => ImportState::Refused {
            file: doc.display_title().to_owned(),
            problems: vec![format!("it could not be stored: {e}; nothing was changed")],
        },
    }
}

#[component]
fn ImportOutcome(state: RwSignal<ImportState>) -> impl IntoView {
    let app = use_app();
    let keep_both = move |_| {
        if let ImportState::Conflict { doc, .. } = state.get_untracked() {
            let mut copy = reid(&doc, now(), entropy());
            copy.title =
                afterword_core::draft_list::imported_title(doc.display_title(), now().date_naive());
            state.set(store(
                app,
                copy,
                false,
                " as a separate draft; the one you had is unchanged",
            ));
        }
    };
    let ask_replace = move |_| {
        if let ImportState::Conflict {
            doc,
            existing_title,
            existing_edited,
        } = state.get_untracked()
        {
            state.set(ImportState::ConfirmReplace {
                doc,
                existing_title,
                existing_edited,
            });
        }
    };
    let replace = move |_| {
        if let ImportState::ConfirmReplace { doc, .. } = state.get_untracked() {
            let closed = matches!(
                app.library().open(&doc.id),
                Ok(Some(d)) if d.workflow.status == afterword_core::model::WorkflowStatus::Closed
            );
            if closed {
                state.set(ImportState::Refused {
                    file: doc.display_title().to_owned(),
                    problems: vec![
                        "The draft it would replace is closed, so it is read-only. Reopen it first, or import the file as a separate draft (Keep both).".to_owned(),
                    ],
                });
                return;
            }
            state.set(store(
                app,
                *doc,
                true,
                ", replacing the draft with the same id",
            ));
        }
    };
    let cancel = move |_| state.set(ImportState::Idle);

    move || {
        match state.get() {
        ImportState::Idle => ().into_any(),
        ImportState::Reading(name) => view! {
            <p class="import-status" role="status">{format!("Reading “{name}”…")}</p>
        }
        .into_any(),
        ImportState::Markdown { file, raw } => {
            let on_confirm = Callback::new(move |doc: Postmortem| {
                state.set(store(app, doc, false, " from Markdown as a new draft"));
            });
            let on_cancel = Callback::new(move |_| state.set(ImportState::Idle));
            crate::parts::screen(crate::parts::Part::MarkdownPreview(file, raw, on_confirm, on_cancel))
        }
        ImportState::Refused { file, problems } => dismissible(
            "panel panel-error import-result",
            "alert",
            None,
            view! {
                <h3>{format!("“{file}” was not imported")}</h3>
                <ul class="problems">
                    {problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
                </ul>
                <p>"Nothing was changed."</p>
            },
            move || state.set(ImportState::Idle),
        )
        .into_any(),
        ImportState::Conflict { doc, existing_title, existing_edited } => view! {
            <div class="panel panel-warn import-result" role="group" aria-labelledby="import-conflict-title">
                <h3 id="import-conflict-title">"You already have this draft"</h3>
                <p>
                    {format!(
                        "The file holds “{}”, with the same id as your draft “{}” (last edited {}).",
                        doc.display_title(), existing_title, existing_edited
                    )}
                </p>
                <div class="actions">
                    <button class="btn btn-small btn-primary" on:click=keep_both>"Keep both"</button>
                    <button class="btn btn-small" on:click=ask_replace>"Replace…"</button>
                    <button class="btn btn-small" on:click=cancel>"Cancel"</button>
                </div>
            </div>
        }
        .into_any(),
        ImportState::ConfirmReplace { existing_title, existing_edited, .. } => view! {
            <div class="panel panel-warn import-result" role="alertdialog" aria-labelledby="import-replace-title" aria-describedby="import-replace-text">
                <h3 id="import-replace-title">"Replace your draft?"</h3>
                <p id="import-replace-text">
                    {format!(
                        "Your draft “{existing_title}”, last edited {existing_edited}, will be overwritten by the file. This cannot be undone."
                    )}
                </p>
                <div class="actions">
                    <button class="btn btn-small btn-danger" on:click=replace>"Replace it"</button>
                    <button class="btn btn-small" on:click=cancel>"Cancel"</button>
                </div>
            </div>
        }
        .into_any(),
        ImportState::Imported { id, title, note } => {
            let href = Route::Draft(id).to_hash();
            view! {
                <p class="import-status panel" role="status">
                    {format!("Imported “{title}”{note}. ")}
                    <a href=href>{format!("Open “{title}”")}</a>
                </p>
            }
            .into_any()
        }
    }
    }
}
