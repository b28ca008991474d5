//! Versions of drafts that tabs kept when they closed with edits they could
//! not save (another tab had saved the same draft, or storage refused).
//! Offered on every screen until the person chooses, for each: open it,
//! compare it with the saved draft, keep it as a draft of its own, or
//! discard it.

use afterword_core::compare::differences;
use afterword_core::ids::new_id;
use afterword_core::store::Recovered;
use leptos::prelude::*;

use crate::browser::{download, entropy, local_when, now};
use crate::state::{use_app, Route};

#[component]
pub fn KeptVersions() -> impl IntoView {
    let app = use_app();
    let heading = move || {
        let n = app.guard.kept.with(Vec::len);
        if n == 1 {
            "1 unsaved version was kept when a tab closed".to_owned()
        } else {
            format!("{n} unsaved versions were kept when tabs closed")
        }
    };
    view! {
        <Show when=move || !app.guard.kept.with(Vec::is_empty)>
            <section class="panel panel-warn kept-versions" aria-labelledby="kept-title" data-testid="kept-versions">
                <h2 id="kept-title">{heading}</h2>
                <p>"For each: open it, compare it with the saved draft, keep it as a draft of its own, or discard it."</p>
                <ul class="kept-list">
                    <For each=move || app.guard.kept.get() key=|r| r.key.clone() let:kept>
                        <KeptRow kept=kept />
                    </For>
                </ul>
            </section>
        </Show>
    }
}

#[component]
fn KeptRow(kept: Recovered) -> impl IntoView {
    let app = use_app();
    let comparing = RwSignal::new(false);
    let confirming = RwSignal::new(false);
    let problem = RwSignal::new(String::new());
    let when = local_when(kept.kept_at);
    let key = kept.key.clone();
    let title = match &kept.doc {
        Ok(doc) => format!("“{}”", doc.display_title()),
        Err(_) => format!("A version of draft {}", kept.id),
    };
    let discard = {
        let key = key.clone();
        move |_| match app.library().discard_recovered(&key) {
            Ok(()) => app.guard.refresh(&app.library()),
            Err(e) => problem.set(format!("Could not discard it: {e}.")),
        }
    };
    let doc = match kept.doc {
        Ok(doc) => doc,
        Err(why) => {
            let raw_key = key.clone();
            let download_raw = move |_| {
                let raw = app.library().recovered_raw(&raw_key).ok().flatten();
                if let Some(raw) = raw {
                    if let Err(e) = download("kept-version.json", "application/json", &raw) {
                        problem.set(e);
                    }
                }
            };
            return view! {
                <li class="kept-row">
                    <p><strong>{title}</strong>{format!(", kept {when}, could not be read: {why}")}</p>
                    <div class="actions">
                        <button type="button" class="btn btn-small" on:click=download_raw>"Download its text"</button>
                        <button type="button" class="btn btn-small btn-danger" on:click=discard>"Discard"</button>
                    </div>
                    <p class="error">{move || problem.get()}</p>
                </li>
            }
            .into_any();
        }
    };
    let stored = app.library().open(&doc.id).ok().flatten();
    let diffs = stored.as_ref().map(|s| differences(&doc, s, 40));
    let stored_note = match &stored {
        Some(s) => format!(
            "the saved draft was last edited {}",
            local_when(s.updated_at)
        ),
        None => "the draft itself is no longer stored".to_owned(),
    };
    let open = {
        let (doc, key) = (doc.clone(), key.clone());
        move |_| {
            let id = doc.id.clone();
            let here = app.open.0.get_untracked().filter(|s| s.id() == id);
            match here {
                Some(session) => {
                    let stored = app.library().open(&id).ok().flatten();
                    session.adopt(doc.clone(), key.clone(), stored);
                    app.guard.own(&key, true);
                }
                None => {
                    app.guard.open_kept(key.clone(), doc.clone());
                    app.navigate(Route::Draft(id));
                }
            }
        }
    };
    let keep = {
        let (doc, key) = (doc.clone(), key.clone());
        move |_| {
            let mut copy = doc.clone();
            copy.id = new_id("pm", now(), entropy());
            copy.revision = 0;
            copy.title = format!("{} (kept from a closed tab)", doc.display_title());
            match app.library().save(&mut copy, now()) {
                Ok(meta) => {
                    app.upsert_meta(meta);
                    if let Err(e) = app.library().discard_recovered(&key) {
                        problem.set(format!(
                            "Kept as “{}”, but the kept version could not be removed: {e}.",
                            copy.title
                        ));
                    }
                    app.notify(format!(
                        "The kept version is now the draft “{}”.",
                        copy.title
                    ));
                    app.guard.refresh(&app.library());
                }
                Err(e) => problem.set(format!("Could not keep it: {e}.")),
            }
        }
    };
    let compare_view = move || {
        comparing.get().then(|| match &diffs {
            None => view! { <p class="hint">"There is no saved draft to compare with."</p> }.into_any(),
            Some(d) if d.is_empty() => view! { <p class="hint">"It is the same as the saved draft."</p> }.into_any(),
            Some(d) => view! {
                <table class="kept-compare">
                    <thead><tr><th scope="col">"Field"</th><th scope="col">"Kept version"</th><th scope="col">"Saved draft"</th></tr></thead>
                    <tbody>
                        {d.iter().map(|x| view! { <tr><th scope="row">{x.place.clone()}</th><td>{x.ours.clone()}</td><td>{x.theirs.clone()}</td></tr> }).collect_view()}
                    </tbody>
                </table>
            }
            .into_any(),
        })
    };
    view! {
        <li class="kept-row" data-testid="kept-row">
            <p><strong>{title}</strong>{format!(", kept {when}; {stored_note}.")}</p>
            <div class="actions">
                <button type="button" class="btn btn-small btn-primary" on:click=open>"Open"</button>
                <button type="button" class="btn btn-small" aria-expanded=move || comparing.get().to_string()
                    on:click=move |_| comparing.update(|c| *c = !*c)>"Compare"</button>
                <button type="button" class="btn btn-small" on:click=keep>"Keep"</button>
                <Show when=move || !confirming.get() fallback=move || view! {
                    <span class="confirm">
                        "Discard this version for good? "
                        <button type="button" class="btn btn-small btn-danger" on:click=discard.clone()>"Discard for good"</button>
                        <button type="button" class="btn btn-small" on:click=move |_| confirming.set(false)>"Cancel"</button>
                    </span>
                }>
                    <button type="button" class="btn btn-small" on:click=move |_| confirming.set(true)>"Discard"</button>
                </Show>
            </div>
            {compare_view}
            <p class="error">{move || problem.get()}</p>
        </li>
    }
    .into_any()
}
