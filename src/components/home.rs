//! The home screen: every draft (newest edit first), the trash, drafts that
//! could not be read, and how much storage they use.

use afterword_core::draft_list::{self, DraftOrder};
use afterword_core::ids::new_id;
use afterword_core::store::{DraftMeta, Quarantined};
use leptos::prelude::*;

use crate::browser::{download, entropy, human_size, local_when, now};
use crate::components::backup::BackupRestore;
use crate::components::fields::signal_input;
use crate::components::import::ImportZone;
use crate::components::samples::{is_sample, SampleControls};
use crate::state::{use_app, Route};

/// How many rows of the list are drawn at first, and how many more each
/// "Show more" adds.
const PAGE_ROWS: usize = 50;

#[component]
pub fn Home() -> impl IntoView {
    let app = use_app();
    // The editor is a part of its own: fetched while the person reads the
    // list, so opening a draft does not wait for it.
    crate::parts::prefetch(crate::parts::Part::Editor(String::new()));
    let live = Memo::new(move |_| {
        app.drafts.with(|d| {
            d.iter()
                .filter(|m| m.trashed_at.is_none())
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let query = RwSignal::new(String::new());
    let order = RwSignal::new(DraftOrder::default());
    let shown = Memo::new(move |_| {
        let mut rows = query.with(|q| {
            live.with(|l| {
                l.iter()
                    .filter(|m| draft_list::matches(m, q))
                    .cloned()
                    .collect::<Vec<_>>()
            })
        });
        draft_list::sort(&mut rows, order.get());
        rows
    });
    // A long library is drawn a page at a time: the first rows at once, the
    // next ones when asked for. A new search or order starts again.
    let limit = RwSignal::new(PAGE_ROWS);
    Effect::new(move |prev: Option<()>| {
        query.track();
        order.track();
        if prev.is_some() {
            limit.set(PAGE_ROWS);
        }
    });
    let page = Memo::new(move |_| {
        let n = limit.get();
        shown.with(|rows| rows.iter().take(n).cloned().collect::<Vec<_>>())
    });
    let hidden = move || shown.with(Vec::len).saturating_sub(limit.get());
    let trashed = Memo::new(move |_| {
        app.drafts.with(|d| {
            d.iter()
                .filter(|m| m.trashed_at.is_some())
                .cloned()
                .collect::<Vec<_>>()
        })
    });

    view! {
        <section class="home" aria-labelledby="home-title">
            <div class="home-head">
                <h1 id="home-title">"Your postmortems"</h1>
                <button class="btn btn-primary" on:click=move |_| app.create_draft()>
                    "New postmortem"
                </button>
                <a class="btn" href="#/team" on:click=move |_| app.route.set(Route::Team)>"Team library"</a>
            </div>
            <Show
                when=move || !live.with(|l| l.is_empty())
                fallback=|| {
                    view! {
                        <div class="empty">
                            <p>"No postmortems yet."</p>
                            <p class="hint">
                                "Start one after an outage, a failed deploy, data loss or a missed launch. "
                                "Everything stays in this browser: nothing is sent anywhere."
                            </p>
                        </div>
                    }
                }
            >
                <div class="list-tools" role="search">
                    {signal_input(
                        "draft-search",
                        "Search postmortems",
                        query,
                        view! { <{..} type="search" placeholder="Title, summary, owner or participant" /> },
                        "",
                    )}
                    <div class="field">
                        <label for="draft-order">"Sort by"</label>
                        <select
                            id="draft-order"
                            on:change=move |ev| {
                                if let Some(o) = DraftOrder::from_key(&event_target_value(&ev)) {
                                    order.set(o);
                                }
                            }
                        >
                            {DraftOrder::ALL
                                .into_iter()
                                .map(|o| view! { <option value=o.key() selected=move || order.get() == o>{o.label()}</option> })
                                .collect_view()}
                        </select>
                    </div>
                </div>
                <p class="list-count" role="status">
                    {move || {
                        let (n, all) = (shown.with(Vec::len), live.with(Vec::len));
                        match (query.with(|q| q.trim().is_empty()), n) {
                            (true, _) => String::new(),
                            (false, 0) => format!("No postmortem matches “{}”.", query.get().trim()),
                            (false, 1) => format!("1 of {all} postmortems matches."),
                            (false, n) => format!("{n} of {all} postmortems match."),
                        }
                    }}
                </p>
                <ul class="draft-list" aria-label="Drafts">
                    <For each=move || page.get() key=|m| (m.id.clone(), m.updated_at, m.title.clone()) let:meta>
                        <DraftRow meta=meta />
                    </For>
                </ul>
                <Show when=move || hidden() != 0>
                    <p class="list-more">
                        <button class="btn" on:click=move |_| limit.update(|n| *n += PAGE_ROWS)>
                            {move || {
                                let more = hidden().min(PAGE_ROWS);
                                format!("Show {more} more ({} not shown)", hidden())
                            }}
                        </button>
                    </p>
                </Show>
            </Show>
            <SampleControls />
            <ImportZone />
            <Unreadable />
            <Show when=move || !trashed.with(|t| t.is_empty())>
                <details class="trash">
                    <summary>{move || format!("Trash ({})", trashed.with(|t| t.len()))}</summary>
                    <p class="hint">"Drafts in the trash stay on this device until you delete them for good."</p>
                    <ul class="draft-list" aria-label="Trash">
                        <For each=move || trashed.get() key=|m| m.id.clone() let:meta>
                            <TrashRow meta=meta />
                        </For>
                    </ul>
                </details>
            </Show>
            <BackupRestore />
            <StorageUsage />
        </section>
    }
}

fn severity_badge(meta: &DraftMeta) -> impl IntoView {
    meta.severity.map(|s| {
        let class = format!("badge badge-{}", s.label().to_lowercase());
        view! { <span class=class>{s.label()}</span> }
    })
}

#[component]
fn DraftRow(meta: DraftMeta) -> impl IntoView {
    let app = use_app();
    let renaming = RwSignal::new(false);
    let id = meta.id.clone();
    let href = Route::Draft(meta.id.clone()).to_hash();
    let title = meta.title.clone();
    let title_for_label = meta.title.clone();
    let rename_id = format!("rename-{}", meta.id);
    let rename_input = NodeRef::<leptos::html::Input>::new();
    // `autofocus` does nothing on an element added later; focus the field
    // each time the form appears.
    Effect::new(move |_| {
        if let Some(input) = rename_input.get() {
            let _ = input.focus();
        }
    });

    let rename = {
        let id = id.clone();
        move |value: String| {
            let lib = app.library();
            match lib.open(&id) {
                Ok(Some(mut doc)) => {
                    doc.title = value.trim().to_owned();
                    match lib.save(&mut doc, now()) {
                        Ok(meta) => app.upsert_meta(meta),
                        Err(e) => app.notify(format!("Could not rename: {e}.")),
                    }
                }
                Ok(None) => app.notify("That draft no longer exists."),
                Err(e) => app.notify(format!("Could not rename: {e}.")),
            }
            renaming.set(false);
        }
    };
    let duplicate = {
        let id = id.clone();
        move |_| match app.library().open(&id) {
            Ok(Some(mut doc)) => {
                doc.id = new_id("pm", now(), entropy());
                doc.revision = 0;
                doc.title = afterword_core::draft_list::copy_title(doc.display_title());
                doc.created_at = now();
                let mut copy = doc;
                match app.library().save(&mut copy, now()) {
                    Ok(meta) => app.upsert_meta(meta),
                    Err(e) => app.notify(format!("Could not duplicate: {e}.")),
                }
            }
            _ => app.notify("Could not duplicate: the draft could not be read."),
        }
    };
    let trash = {
        let id = id.clone();
        move |_| match app.library().set_trashed(&id, Some(now())) {
            Ok(()) => app.drafts.update(|rows| {
                if let Some(m) = rows.iter_mut().find(|m| m.id == id) {
                    m.trashed_at = Some(now());
                }
            }),
            Err(e) => app.notify(format!("Could not move to the trash: {e}.")),
        }
    };

    view! {
        <li class="draft">
            <Show
                when=move || renaming.get()
                fallback=move || {
                    view! {
                        <a class="draft-title" href=href.clone()>{title.clone()}</a>
                    }
                }
            >
                <form
                    class="rename"
                    on:submit={
                        let rename = rename.clone();
                        move |ev: leptos::ev::SubmitEvent| {
                            ev.prevent_default();
                            // A NodeRef, not a document lookup: the list may
                            // live inside an embedding page's shadow root.
                            let value = rename_input.get_untracked().map(|i| i.value()).unwrap_or_default();
                            rename(value);
                        }
                    }
                >
                    <label class="visually-hidden" for=rename_id.clone()>"New title"</label>
                    <input id=rename_id.clone() type="text" value=title_for_label.clone() node_ref=rename_input />
                    <button class="btn btn-small btn-primary" type="submit">"Save"</button>
                    <button class="btn btn-small" type="button" on:click=move |_| renaming.set(false)>"Cancel"</button>
                </form>
            </Show>
            <div class="draft-meta">
                {is_sample(&meta.id).then(|| view! { <span class="badge badge-sample">"Sample"</span> })}
                <crate::components::team::TeamMark id=meta.id.clone() />
                {severity_badge(&meta)}
                <span class="status">{meta.status.label()}</span>
                <span class="edited">"Edited " {local_when(meta.updated_at)}</span>
            </div>
            <div class="draft-actions" aria-label=format!("Actions for {}", meta.title)>
                <button class="btn btn-small" on:click=move |_| renaming.set(true)>"Rename"</button>
                <button class="btn btn-small" on:click=duplicate>"Duplicate"</button>
                <button class="btn btn-small" on:click=trash>"Delete"</button>
            </div>
        </li>
    }
}

#[component]
fn TrashRow(meta: DraftMeta) -> impl IntoView {
    let app = use_app();
    let restore = {
        let id = meta.id.clone();
        move |_| match app.library().set_trashed(&id, None) {
            Ok(()) => app.drafts.update(|rows| {
                if let Some(m) = rows.iter_mut().find(|m| m.id == id) {
                    m.trashed_at = None;
                }
            }),
            Err(e) => app.notify(format!("Could not restore: {e}.")),
        }
    };
    let delete = {
        let id = meta.id.clone();
        move |()| match app.library().delete_forever(&id) {
            Ok(()) => {
                app.drafts.update(|rows| rows.retain(|m| m.id != id));
                app.refresh_usage();
            }
            Err(e) => app.notify(format!("Could not delete: {e}.")),
        }
    };
    view! {
        <li class="draft">
            <span class="draft-title">{meta.title.clone()}</span>
            <div class="draft-meta">
                {severity_badge(&meta)}
                <span class="edited">"Edited " {local_when(meta.updated_at)}</span>
            </div>
            <div class="draft-actions">
                <button class="btn btn-small" on:click=restore>"Restore"</button>
                <ConfirmInPlace
                    ask="Delete for good…"
                    ask_danger=true
                    group="Confirm deletion"
                    warning="This cannot be undone. "
                    confirm="Delete for good"
                    on_confirm=Callback::new(delete)
                />
            </div>
        </li>
    }
}

/// A button for something that cannot be undone: it asks once more in
/// place ("This cannot be undone. [Delete for good] [Keep it]"). The
/// keyboard moves to the confirming button, and back when the person keeps
/// the thing.
#[component]
fn ConfirmInPlace(
    /// The first button ("Delete for good…").
    ask: &'static str,
    /// The first button already looks dangerous.
    #[prop(optional)]
    ask_danger: bool,
    /// What screen readers call the question ("Confirm deletion").
    group: &'static str,
    warning: &'static str,
    /// The button that does it.
    confirm: &'static str,
    on_confirm: Callback<()>,
) -> impl IntoView {
    let confirming = RwSignal::new(false);
    let ask_ref = NodeRef::<leptos::html::Button>::new();
    let confirm_ref = NodeRef::<leptos::html::Button>::new();
    let switch = move |to: bool| {
        confirming.set(to);
        request_animation_frame(move || {
            let target = if to { confirm_ref } else { ask_ref };
            if let Some(b) = target.try_get_untracked().flatten() {
                let _ = b.focus();
            }
        });
    };
    view! {
        <Show
            when=move || confirming.get()
            fallback=move || view! {
                <button class="btn btn-small" class:btn-danger=ask_danger node_ref=ask_ref on:click=move |_| switch(true)>
                    {ask}
                </button>
            }
        >
            <span class="confirm" role="group" aria-label=group>
                {warning}
                <button class="btn btn-small btn-danger" node_ref=confirm_ref on:click=move |_| on_confirm.run(())>{confirm}</button>
                <button class="btn btn-small" on:click=move |_| switch(false)>"Keep it"</button>
            </span>
        </Show>
    }
}

/// Drafts that could not be read: kept aside, never changed by the app.
#[component]
fn Unreadable() -> impl IntoView {
    let app = use_app();
    view! {
        <Show when=move || !app.quarantined.with(|q| q.is_empty())>
            <section class="panel panel-warn unreadable" aria-labelledby="unreadable-title">
                <h2 id="unreadable-title">"Drafts that could not be read"</h2>
                <p>
                    "These were stored in this browser but are damaged or from an unknown version. "
                    "Afterword keeps them exactly as found and never changes them. Download the raw text to recover what you can."
                </p>
                <ul class="draft-list">
                    <For each=move || app.quarantined.get() key=|q| q.key.clone() let:q>
                        <UnreadableRow q=q />
                    </For>
                </ul>
            </section>
        </Show>
    }
}

#[component]
fn UnreadableRow(q: Quarantined) -> impl IntoView {
    let app = use_app();
    let fetch = {
        let key = q.key.clone();
        let id = q.id.clone();
        move |_| match app.library().quarantined_raw(&key) {
            Ok(Some(raw)) => {
                if let Err(e) = download(
                    &format!("afterword-unreadable-{id}.txt"),
                    "text/plain",
                    &raw,
                ) {
                    app.notify(e);
                }
            }
            Ok(None) => app.notify("That entry is no longer stored."),
            Err(e) => app.notify(format!("Could not read it: {e}.")),
        }
    };
    let discard = {
        let key = q.key.clone();
        move |()| match app.library().discard_quarantined(&key) {
            Ok(()) => app.reload(),
            Err(e) => app.notify(format!("Could not remove it: {e}.")),
        }
    };
    view! {
        <li class="draft">
            <span class="draft-title">"Draft " {q.id.clone()} " (could not be read)"</span>
            <div class="draft-meta">
                <span>{human_size(q.bytes.div_ceil(2))}</span>
                {q.reason.clone().map(|r| view! { <span class="reason">{r}</span> })}
            </div>
            <div class="draft-actions">
                <button class="btn btn-small" on:click=fetch>"Download raw text"</button>
                <ConfirmInPlace
                    ask="Remove…"
                    group="Confirm removal"
                    warning="Removed for good. "
                    confirm="Remove"
                    on_confirm=Callback::new(discard)
                />
            </div>
        </li>
    }
}

#[component]
fn StorageUsage() -> impl IntoView {
    let app = use_app();
    view! {
        <p class="usage" data-testid="storage-usage">
            {move || match app.usage.get() {
                // Measured once the page is idle after start.
                None => String::new(),
                Some(Ok(u)) if u.spilled_units > 0 => {
                    let percent = u.origin_units as f64 * 100.0 / u.quota_units as f64;
                    format!(
                        "Drafts use {} of this browser's storage for this site: local storage is full ({:.1}% of about {} is in use), so {} of them is kept in IndexedDB.",
                        human_size(u.namespace_units),
                        percent,
                        human_size(u.quota_units),
                        human_size(u.spilled_units),
                    )
                }
                Some(Ok(u)) => {
                    let percent = u.origin_units as f64 * 100.0 / u.quota_units as f64;
                    format!(
                        "Drafts use {} of this browser's local storage for this site; {:.1}% of about {} is in use.",
                        human_size(u.namespace_units),
                        percent,
                        human_size(u.quota_units),
                    )
                }
                Some(Err(e)) => format!("Browser storage cannot be measured ({e}): drafts may not be kept after this tab closes."),
            }}
        </p>
    }
}
