//! "Try with sample postmortems": made-up postmortems for a first look at
//! the review and the trends, marked as samples (ids starting `sample-`,
//! titles ending "(sample)") and removable in one step without touching
//! anything the person wrote.

use afterword_core::sample::generate_samples;
use afterword_core::store::StoreError;
use leptos::prelude::*;

use crate::browser::{entropy, now};
use crate::state::{use_app, AppState, Route};

/// How many samples one click adds: enough for a year of trends.
pub const SAMPLE_COUNT: usize = 24;

const SAMPLE_PREFIX: &str = "sample-";

/// True for drafts made by "Try with sample postmortems".
pub fn is_sample(id: &str) -> bool {
    id.starts_with(SAMPLE_PREFIX)
}

/// Stores the samples. All or nothing: when a write fails part-way, the
/// ones already written are removed again and the error says so.
fn add_samples(app: AppState) -> Result<usize, String> {
    let lib = app.library();
    // Dated over the year before today, as the review screen counts it.
    let today = chrono::Local::now().date_naive();
    let mut docs = generate_samples(SAMPLE_COUNT, entropy(), today);
    let mut written: Vec<String> = Vec::new();
    for doc in docs.iter_mut() {
        doc.title = format!("{} (sample)", doc.display_title());
        // Each keeps the "last edited" time it was made with, spread over
        // the days after its incident, rather than all showing "now".
        let edited = doc.updated_at.min(now());
        match lib.save(doc, edited) {
            // The list is updated once at the end: each row's own update
            // would re-measure storage every time.
            Ok(_) => written.push(doc.id.clone()),
            Err(e) => {
                let mut left = Vec::new();
                for id in &written {
                    if lib.delete_forever(id).is_err() {
                        left.push(id.clone());
                    }
                }
                app.reload();
                let why = match e {
                    afterword_core::store::SaveError::Store(StoreError::QuotaExceeded) => {
                        "browser storage is full".to_owned()
                    }
                    other => other.to_string(),
                };
                return Err(if left.is_empty() {
                    format!(
                        "The sample postmortems could not be added: {why}. None were kept; your own postmortems are unchanged."
                    )
                } else {
                    format!(
                        "The sample postmortems could not be added: {why}. {} of them could not be removed again; they are marked Sample and \"Remove sample postmortems\" deletes them.",
                        left.len()
                    )
                });
            }
        }
    }
    app.reload();
    Ok(written.len())
}

/// Deletes every sample for good, in the trash or not.
fn remove_samples(app: AppState) -> Result<usize, String> {
    let lib = app.library();
    let ids: Vec<String> = app.drafts.with_untracked(|d| {
        d.iter()
            .filter(|m| is_sample(&m.id))
            .map(|m| m.id.clone())
            .collect()
    });
    let mut removed = 0;
    let mut failed = None;
    for id in &ids {
        match lib.delete_forever(id) {
            Ok(()) => removed += 1,
            Err(e) => failed = Some(e),
        }
    }
    app.reload();
    match failed {
        None => Ok(removed),
        Some(e) => Err(format!(
            "{removed} of {} sample postmortems were removed; the others could not be: {e}.",
            ids.len()
        )),
    }
}

/// The home screen's entry: add samples when there are none, remove them
/// (after confirmation) when there are.
#[component]
pub fn SampleControls() -> impl IntoView {
    let app = use_app();
    let samples = Memo::new(move |_| {
        app.drafts
            .with(|d| d.iter().filter(|m| is_sample(&m.id)).count())
    });
    let own_live = Memo::new(move |_| {
        app.drafts.with(|d| {
            d.iter()
                .any(|m| !is_sample(&m.id) && m.trashed_at.is_none())
        })
    });
    let confirming = RwSignal::new(false);
    let add = move |_| {
        match add_samples(app) {
        Ok(n) => app.notify(format!(
            "Added {n} sample postmortems, marked Sample. Open the Review to see their action items and trends."
        )),
        Err(e) => app.notify(e),
    }
    };
    let remove = move |_| {
        confirming.set(false);
        match remove_samples(app) {
            Ok(n) => app.notify(format!(
                "Removed {n} sample postmortems. Your own postmortems were not touched."
            )),
            Err(e) => app.notify(e),
        }
    };
    view! {
        <div class="samples" class:samples-first=move || !own_live.get() data-testid="samples">
            <Show
                when=move || { samples.get() > 0 }
                fallback=move || view! {
                    <p class="hint">
                        "New here? Add " {SAMPLE_COUNT} " made-up postmortems to see the editor, the follow-up review and the trends with real-looking data. They are marked Sample and can be removed in one step."
                    </p>
                    <button
                        class=move || if own_live.get() { "btn" } else { "btn btn-primary" }
                        on:click=add
                    >
                        "Try with sample postmortems"
                    </button>
                }
            >
                <p class="hint">
                    {move || format!("{} sample postmortems are in your list. ", samples.get())}
                    <a href="#/review" on:click=move |_| app.route.set(Route::Review)>"Open the follow-up review"</a>
                </p>
                <Show
                    when=move || confirming.get()
                    fallback=move || view! {
                        <button class="btn btn-small" on:click=move |_| confirming.set(true)>
                            "Remove sample postmortems…"
                        </button>
                    }
                >
                    <span class="confirm" role="group" aria-label="Confirm removing the samples">
                        {move || format!("Delete the {} sample postmortems for good? Your own postmortems are not touched. ", samples.get())}
                        <button class="btn btn-small btn-danger" on:click=remove>"Remove samples"</button>
                        <button class="btn btn-small" on:click=move |_| confirming.set(false)>"Keep them"</button>
                    </span>
                </Show>
            </Show>
        </div>
    }
}
