//! Backing up the whole library to one file and restoring it, on the home
//! screen. A restore is previewed first (what is added, what would be
//! replaced, what cannot be read) and replaces nothing without an explicit
//! confirmation. If the browser refuses a write half-way, the person is told
//! exactly what was and was not restored.

use std::collections::BTreeMap;

use afterword_core::export::bundle::MAX_BUNDLE_BYTES;
use afterword_core::export::{plan_restore, read_bundle, to_bundle_json, Bundle, BundleRead};
use afterword_core::store::{SettingsError, StoreError, TemplatesError};
use chrono::{DateTime, Local, Utc};
use leptos::prelude::*;
use serde_json::{Map, Value};

use crate::browser::{download, local_when, now};
use crate::components::file_button::FileButton;
use crate::components::notice::dismissible;
use crate::components::transfer::{read_text, wrong_kind_message};
use crate::state::{use_app, AppState};

#[component]
pub fn BackupRestore() -> impl IntoView {
    let app = use_app();
    let backup_note = RwSignal::new(String::new());
    let state = RwSignal::new(RestoreState::Idle);

    let export_all = move |_| backup_note.set(write_backup(app));
    let on_files = Callback::new(move |files: Vec<web_sys::File>| {
        if let Some(file) = files.into_iter().next() {
            read_backup(app, state, file);
        }
    });

    view! {
        <section class="backup" aria-labelledby="backup-title">
            <h2 id="backup-title">"Backup and restore"</h2>
            <p class="hint">
                "One file with every draft (the trash included), your custom templates and your settings: "
                "keep it somewhere safe or restore it in another browser."
            </p>
            <div class="actions">
                <button class="btn" on:click=export_all>"Export all"</button>
                <FileButton
                    text="Restore from backup"
                    label="Backup file to restore"
                    accept=".json,application/json"
                    on_files=on_files
                />
            </div>
            <p class="backup-note" role="status">{move || backup_note.get()}</p>
            <RestorePanel state=state />
        </section>
    }
}

/// Builds the backup file and offers it; returns what to tell the person.
fn write_backup(app: AppState) -> String {
    let loaded = app.library().load();
    let trash: BTreeMap<String, DateTime<Utc>> = loaded
        .drafts
        .iter()
        .filter_map(|(m, _)| Some((m.id.clone(), m.trashed_at?)))
        .collect();
    let trashed = trash.len();
    let unreadable = loaded.quarantined.len();
    let drafts: Vec<_> = loaded.drafts.into_iter().map(|(_, d)| d).collect();
    let mut notes: Vec<String> = Vec::new();
    let lib = app.library();
    let templates = lib.templates_for_backup().unwrap_or_else(|_| {
        notes.push("Your custom templates could not be read and are not in the backup.".into());
        Vec::new()
    });
    let settings = lib.settings_for_backup().unwrap_or_else(|_| {
        notes.push("Your settings could not be read and are not in the backup.".into());
        Value::Object(Map::new())
    });
    let (n_drafts, n_templates) = (drafts.len(), templates.len());
    let kept = lib.kept_versions_for_backup();
    let bundle = Bundle::new(now(), drafts, templates, settings)
        .with_trashed(trash)
        .with_kept_versions(kept);
    let name = format!("afterword-backup-{}.json", Local::now().format("%Y-%m-%d"));
    if let Err(e) = download(&name, "application/json", &to_bundle_json(&bundle)) {
        return format!("The backup could not be saved: {e}.");
    }
    let mut msg = format!(
        "Saved {name}: {n_drafts} draft{}{}, {n_templates} custom template{} and your settings.",
        plural(n_drafts),
        if trashed > 0 {
            format!(" ({trashed} from the trash, which go back to the trash when restored)")
        } else {
            String::new()
        },
        plural(n_templates),
    );
    if unreadable > 0 {
        msg.push_str(&format!(
            " {unreadable} draft{} that could not be read {} not included; download {} raw text from the list above.",
            plural(unreadable),
            if unreadable == 1 { "is" } else { "are" },
            if unreadable == 1 { "its" } else { "their" },
        ));
    }
    for n in notes {
        msg.push(' ');
        msg.push_str(&n);
    }
    msg
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

#[derive(Debug, Clone, PartialEq)]
enum RestoreState {
    Idle,
    Reading(String),
    Refused {
        file: String,
        problem: String,
    },
    Preview(Box<Preview>),
    /// "Add and replace" chosen: confirm the overwrite first.
    ConfirmReplace(Box<Preview>),
    Done {
        lines: Vec<String>,
        failed: bool,
    },
}

#[derive(Debug, Clone, PartialEq)]
struct Preview {
    file: String,
    read: BundleRead,
    added: Vec<String>,
    /// Title in the backup, and "title, last edited …" of the stored draft.
    replaced: Vec<(String, String)>,
    unreadable: Vec<String>,
}

fn read_backup(app: AppState, state: RwSignal<RestoreState>, file: web_sys::File) {
    let name = file.name();
    if let Some(problem) = wrong_kind_message(&name, &file.type_(), "backups") {
        state.set(RestoreState::Refused {
            file: name,
            problem,
        });
        return;
    }
    state.set(RestoreState::Reading(name.clone()));
    leptos::task::spawn_local(async move {
        let raw = match read_text(&file, MAX_BUNDLE_BYTES).await {
            Ok(raw) => raw,
            Err(problem) => {
                state.try_set(RestoreState::Refused {
                    file: name,
                    problem,
                });
                return;
            }
        };
        let read = match read_bundle(&raw) {
            Ok(read) => read,
            Err(e) => {
                state.try_set(RestoreState::Refused {
                    file: name,
                    problem: e.to_string(),
                });
                return;
            }
        };
        let lib = app.library();
        let existing: Vec<String> = read
            .drafts
            .iter()
            .filter(|d| lib.is_stored(&d.id))
            .map(|d| d.id.clone())
            .collect();
        let plan = plan_restore(&read, &existing);
        let replaced = plan
            .replaced
            .iter()
            .map(|p| {
                let mine = lib
                    .open(&p.id)
                    .ok()
                    .flatten()
                    .map(|d| {
                        format!(
                            "yours: “{}”, last edited {}",
                            d.display_title(),
                            local_when(d.updated_at)
                        )
                    })
                    .unwrap_or_else(|| "yours could not be read".to_owned());
                (p.title.clone(), mine)
            })
            .collect();
        state.try_set(RestoreState::Preview(Box::new(Preview {
            file: name,
            added: plan
                .added
                .iter()
                .map(|p| format!("“{}”", p.title))
                .collect(),
            replaced,
            unreadable: plan.unreadable.iter().map(|(_, m)| m.clone()).collect(),
            read,
        })));
    });
}

/// Writes the backup's drafts, then its templates and settings. Stops at
/// the first refused write and says what was and was not restored.
fn apply(app: AppState, read: &BundleRead, replace: bool) -> RestoreState {
    let lib = app.library();
    let mut restored: Vec<String> = Vec::new();
    let mut replaced: Vec<String> = Vec::new();
    let mut skipped: Vec<String> = Vec::new();
    let mut not_restored: Vec<String> = Vec::new();
    let mut failure: Option<StoreError> = None;
    for doc in &read.drafts {
        let title = format!("“{}”", doc.display_title());
        let exists = lib.is_stored(&doc.id);
        if exists && !replace {
            skipped.push(title);
            continue;
        }
        if failure.is_some() {
            not_restored.push(title);
            continue;
        }
        // A draft that was in the trash goes back there; one that was not
        // comes out of it. The library writes the mark with the draft.
        let mark = read.trashed.get(&doc.id).copied();
        let result = if exists {
            lib.put_imported_over(doc, mark)
        } else {
            lib.put_imported(doc, mark)
        };
        match result {
            Ok(_) if exists => replaced.push(title),
            Ok(_) => restored.push(title),
            Err(e) => {
                failure = Some(e);
                not_restored.push(title);
            }
        }
    }
    app.reload();
    let mut lines = Vec::new();
    let list = |v: &[String]| v.join(", ");
    if let Some(e) = &failure {
        lines.push(format!("The restore stopped: {e}."));
    }
    if !restored.is_empty() {
        lines.push(format!("Added: {}.", list(&restored)));
    }
    if !replaced.is_empty() {
        lines.push(format!("Replaced: {}.", list(&replaced)));
    }
    if !skipped.is_empty() {
        lines.push(format!(
            "Kept as they were (already here): {}.",
            list(&skipped)
        ));
    }
    if failure.is_some() {
        lines.push(format!(
            "Not restored: {}, nor the templates and settings of the backup.",
            list(&not_restored)
        ));
        lines.push(
            "Free some space (for example, delete drafts in the trash for good), then restore again: drafts already restored will be listed as replaceable."
                .to_owned(),
        );
    } else {
        lines.extend(merge_templates(app, &read.templates, replace));
        lines.extend(merge_settings(app, &read.settings, replace));
        lines.extend(put_kept_versions(app, read));
    }
    app.refresh_usage();
    RestoreState::Done {
        lines,
        failed: failure.is_some(),
    }
}

/// Puts back the versions closing tabs kept (never over one already here).
fn put_kept_versions(app: AppState, read: &BundleRead) -> Option<String> {
    if read.kept_versions.is_empty() {
        return None;
    }
    let lib = app.library();
    let (mut added, mut problems) = (0, Vec::new());
    for kept in &read.kept_versions {
        let raw = match &kept.draft {
            Value::String(raw) => raw.clone(),
            other => other.to_string(),
        };
        match lib.put_recovered(&kept.name, &raw) {
            Ok(true) => added += 1,
            Ok(false) => {}
            Err(e) => problems.push(e.to_string()),
        }
    }
    app.guard.refresh(&lib);
    Some(if problems.is_empty() {
        format!("Versions kept by closed tabs: {added} put back.")
    } else {
        format!(
            "Versions kept by closed tabs: {added} put back; not put back: {}.",
            problems.join("; ")
        )
    })
}

/// Adds the backup's custom templates to the stored list (matching ids are
/// overwritten only in "replace" mode). Says what happened, if anything.
fn merge_templates(app: AppState, incoming: &[Value], replace: bool) -> Option<String> {
    if incoming.is_empty() {
        return None;
    }
    Some(match app.library().merge_templates(incoming, replace) {
        Ok(m) if m.added + m.replaced == 0 => {
            "Templates: you already have every template in the backup.".into()
        }
        Ok(m) => format!("Templates: {} added, {} replaced.", m.added, m.replaced),
        Err(TemplatesError::Unreadable(_)) => {
            "Templates were not restored: the stored list could not be read, and Afterword does not write over it."
                .into()
        }
        Err(e) => format!("Templates were not restored: {e}. The drafts above were."),
    })
}

/// Adds the backup's settings to the stored ones, keeping any setting the
/// backup does not mention; matching settings change only in "replace" mode.
fn merge_settings(app: AppState, incoming: &Value, replace: bool) -> Option<String> {
    match app.library().merge_settings(incoming, replace) {
        Ok(0) => None,
        Ok(changed) => Some(format!("Settings: {changed} restored.")),
        Err(SettingsError::Unreadable(_)) => Some(
            "Settings were not restored: the stored settings could not be read, and Afterword does not write over them."
                .into(),
        ),
        Err(e) => Some(format!("Settings were not restored: {e}. The drafts above were.")),
    }
}

#[component]
fn RestorePanel(state: RwSignal<RestoreState>) -> impl IntoView {
    let app = use_app();
    let cancel = move |_| state.set(RestoreState::Idle);
    let add_only = move |_| {
        if let RestoreState::Preview(p) = state.get_untracked() {
            state.set(apply(app, &p.read, false));
        }
    };
    let ask_replace = move |_| {
        if let RestoreState::Preview(p) = state.get_untracked() {
            state.set(RestoreState::ConfirmReplace(p));
        }
    };
    let replace = move |_| {
        if let RestoreState::ConfirmReplace(p) = state.get_untracked() {
            state.set(apply(app, &p.read, true));
        }
    };

    move || {
        match state.get() {
        RestoreState::Idle => ().into_any(),
        RestoreState::Reading(name) => {
            view! { <p role="status">{format!("Reading “{name}”…")}</p> }.into_any()
        }
        RestoreState::Refused { file, problem } => dismissible(
            "panel panel-error",
            "alert",
            None,
            view! {
                <h3>{format!("“{file}” cannot be restored")}</h3>
                <p>{problem}</p>
                <p>"Nothing was changed."</p>
            },
            move || state.set(RestoreState::Idle),
        )
        .into_any(),
        RestoreState::Preview(p) => {
            let can_replace = !p.replaced.is_empty();
            let nothing = p.added.is_empty() && p.replaced.is_empty();
            view! {
                <div class="panel restore-preview" role="group" aria-labelledby="restore-preview-title">
                    <h3 id="restore-preview-title">{format!("Restore “{}”?", p.file)}</h3>
                    <p class="hint">{format!("Backup made {}.", local_when(p.read.exported_at))}</p>
                    <PlanList title="Will be added" items=p.added.clone() />
                    <PlanList
                        title="Already here; replaced only if you choose “Add and replace”"
                        items=p.replaced.iter().map(|(t, mine)| format!("“{t}” ({mine})")).collect()
                    />
                    <PlanList title="Cannot be restored" items=p.unreadable.clone() />
                    <p>
                        {format!(
                            "Also in the backup: {} custom template{}{}.",
                            p.read.templates.len(),
                            plural(p.read.templates.len()),
                            if p.read.settings.as_object().is_some_and(|m| !m.is_empty()) { " and settings" } else { "" },
                        )}
                    </p>
                    <div class="actions">
                        <Show when=move || !nothing>
                            <button class="btn btn-small btn-primary" on:click=add_only>"Add new only"</button>
                        </Show>
                        <Show when=move || can_replace>
                            <button class="btn btn-small" on:click=ask_replace>"Add and replace…"</button>
                        </Show>
                        <button class="btn btn-small" on:click=cancel>"Cancel"</button>
                    </div>
                </div>
            }
            .into_any()
        }
        RestoreState::ConfirmReplace(p) => view! {
            <div class="panel panel-warn" role="alertdialog" aria-labelledby="restore-confirm-title" aria-describedby="restore-confirm-text">
                <h3 id="restore-confirm-title">{format!("Replace {} draft{}?", p.replaced.len(), plural(p.replaced.len()))}</h3>
                <p id="restore-confirm-text">"These drafts will be overwritten by the backup's copies. This cannot be undone."</p>
                <ul>{p.replaced.iter().map(|(t, mine)| view! { <li>{format!("“{t}” ({mine})")}</li> }).collect_view()}</ul>
                <div class="actions">
                    <button class="btn btn-small btn-danger" on:click=replace>"Add and replace"</button>
                    <button class="btn btn-small" on:click=cancel>"Cancel"</button>
                </div>
            </div>
        }
        .into_any(),
        RestoreState::Done { lines, failed } => {
            let (class, role) = if failed {
                ("panel panel-error", "alert")
            } else {
                ("panel", "status")
            };
            dismissible(
                class,
                role,
                Some("restore-result"),
                view! {
                    <h3>{if failed { "The restore did not finish" } else { "Restored" }}</h3>
                    <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                },
                move || state.set(RestoreState::Idle),
            )
            .into_any()
        }
    }
    }
}

#[component]
fn PlanList(title: &'static str, items: Vec<String>) -> impl IntoView {
    (!items.is_empty()).then(|| {
        let n = items.len();
        view! {
            <h4>{format!("{title} ({n})")}</h4>
            <ul>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
        }
    })
}
