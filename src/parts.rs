//! Screens loaded on demand: the editor (fetched in the background while
//! the list shows, with the checker's name lists and model) and the screens
//! most visits never open.
//!
//! With the `split` feature (what `trunk build` uses, see
//! `scripts/build_wasm.py`) each function below is a split point: the code
//! only it reaches goes into a wasm part of its own, fetched the first time
//! the screen opens (the service worker precaches every part, so this works
//! offline after one visit). Without the feature (tests, `cargo check`) the
//! same functions are plain calls, so behaviour is the same either way.
//!
//! A screen that cannot be fetched (offline before the first full visit, or
//! a server that lost the file) says so and offers to try again; nothing of
//! the open draft depends on it.

use leptos::prelude::*;

use crate::components::editor::EditorPage;
use crate::components::markdown_import::{MarkdownPreview, OnConfirm};
use crate::components::report::ReportPage;
use crate::components::review::ReviewPage;
use crate::components::team::TeamPage;
use crate::components::template_editor::TemplatesPage;

/// A part of the app that could not be fetched.
#[derive(Debug, Clone)]
pub struct PartMissing;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for PartMissing {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        PartMissing
    }
}

/// Declares a screen that loads on demand: `$name` returns its view (a
/// future with the `split` feature, at once without it) and `$preload`
/// fetches its part without drawing anything.
macro_rules! part {
    ($(#[$doc:meta])* $part:ident, $preload:ident, $name:ident ($($arg:ident : $ty:ty),*) $body:block) => {
        $(#[$doc])*
        #[cfg_attr(
            feature = "split",
            leptos::wasm_split::wasm_split(
                $part,
                fallible,
                preload($preload),
                wasm_split_path = ::leptos::wasm_split
            )
        )]
        fn $name($($arg: $ty),*) -> Result<AnyView, PartMissing> {
            let view = $body;
            Ok(view)
        }
    };
}

part!(
    /// The editor of one draft, with the checker.
    editor, preload_editor, editor_screen(id: String) { view! { <EditorPage id=id /> }.into_any() }
);
part!(
    /// The preview of a Markdown postmortem being imported, with the
    /// Markdown reader.
    markdown, preload_markdown, markdown_screen(
        file: String,
        raw: String,
        on_confirm: OnConfirm,
        on_cancel: Callback<()>
    ) {
        view! { <MarkdownPreview file=file raw=raw on_confirm=on_confirm on_cancel=on_cancel /> }.into_any()
    }
);
part!(
    /// The follow-up review, its trends and charts.
    review, preload_review, review_screen() { view! { <ReviewPage /> }.into_any() }
);
part!(
    /// The report and print view of one draft.
    report, preload_report, report_screen(id: String) { view! { <ReportPage id=id /> }.into_any() }
);
part!(
    /// The template editor.
    templates, preload_templates, templates_screen() { view! { <TemplatesPage /> }.into_any() }
);
part!(
    /// The team library's settings and state.
    team, preload_team, team_screen() { view! { <TeamPage /> }.into_any() }
);

/// A screen that may live in a part of its own.
#[derive(Clone)]
pub enum Part {
    Editor(String),
    /// The file's name, its text, and what confirming and cancelling do.
    MarkdownPreview(String, String, OnConfirm, Callback<()>),
    Review,
    Report(String),
    Templates,
    Team,
}

impl Part {
    /// The part's number in [`LOADED`].
    #[cfg(feature = "split")]
    fn bit(&self) -> u8 {
        match self {
            Part::Editor(_) => 1,
            Part::MarkdownPreview(..) => 32,
            Part::Review => 2,
            Part::Report(_) => 4,
            Part::Templates => 8,
            Part::Team => 16,
        }
    }
}

#[cfg(feature = "split")]
thread_local! {
    /// The parts that have arrived (one bit each, see [`Part::bit`]).
    static LOADED: std::cell::Cell<u8> = const { std::cell::Cell::new(0) };
}

/// The view of `part`. Once its part has arrived the screen is built at
/// once, in the caller's reactive scope, exactly as a screen of the main
/// module; before that a short "Opening…" status shows while it is fetched.
pub fn screen(part: Part) -> AnyView {
    #[cfg(not(feature = "split"))]
    {
        let view = match part {
            Part::Editor(id) => editor_screen(id),
            Part::MarkdownPreview(file, raw, yes, no) => markdown_screen(file, raw, yes, no),
            Part::Review => review_screen(),
            Part::Report(id) => report_screen(id),
            Part::Templates => templates_screen(),
            Part::Team => team_screen(),
        };
        view.unwrap_or_else(|PartMissing| ().into_any())
    }
    #[cfg(feature = "split")]
    {
        if LOADED.with(|l| l.get()) & part.bit() != 0 {
            return built(part);
        }
        // None while fetching, then whether it arrived.
        let arrived = RwSignal::new(None::<bool>);
        let base = asset_base();
        let fetch = {
            let part = part.clone();
            move || {
                let part = part.clone();
                let base = base.clone();
                arrived.set(None);
                leptos::task::spawn_local(async move {
                    let ok = fetch(&part, &base).await;
                    if ok {
                        LOADED.with(|l| l.set(l.get() | part.bit()));
                    }
                    // The screen may have been left meanwhile.
                    let _ = arrived.try_set(Some(ok));
                });
            }
        };
        fetch();
        view! {
            {move || match arrived.get() {
                None => view! { <p class="aw-part-loading" role="status">"Opening…"</p> }.into_any(),
                Some(true) => built(part.clone()),
                Some(false) => missing(fetch.clone()),
            }}
        }
        .into_any()
    }
}

/// Starts fetching a part in the background (the editor while the person
/// reads the list), so that opening it later is immediate.
pub fn prefetch(part: Part) {
    #[cfg(feature = "split")]
    {
        let base = asset_base();
        leptos::task::spawn_local(async move {
            if fetch(&part, &base).await {
                LOADED.with(|l| l.set(l.get() | part.bit()));
            }
        });
    }
    #[cfg(not(feature = "split"))]
    let _ = part;
}

/// The app's base address for its own files ("" beside index.html; the
/// embedding module's folder when embedded).
#[cfg(feature = "split")]
fn asset_base() -> String {
    use_context::<crate::state::AppState>()
        .map(|app| app.options.with_value(|o| o.asset_base.clone()))
        .unwrap_or_default()
}

/// Fetches the checker's name lists and model (see
/// `afterword_core::lint::data`), which the editor needs.
#[cfg(feature = "split")]
async fn checker_data(base: &str) -> bool {
    use afterword_core::lint::data;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    if data::installed() {
        return true;
    }
    let url = format!("{base}{}", env!("AFTERWORD_CHECKER_DATA"));
    let Some(window) = web_sys::window() else {
        return false;
    };
    let Ok(response) = JsFuture::from(window.fetch_with_str(&url)).await else {
        return false;
    };
    let response: web_sys::Response = response.unchecked_into();
    let Ok(body) = response.array_buffer() else {
        return false;
    };
    if !response.ok() {
        return false;
    }
    let Ok(body) = JsFuture::from(body).await else {
        return false;
    };
    let bytes = js_sys::Uint8Array::new(&body).to_vec();
    match data::install(bytes) {
        Ok(()) => true,
        Err(e) => {
            web_sys::console::warn_1(&format!("Afterword: {e}").into());
            false
        }
    }
}

#[cfg(feature = "split")]
async fn fetch(part: &Part, base: &str) -> bool {
    let result = match part {
        Part::Editor(_) => {
            if !checker_data(base).await {
                return false;
            }
            preload_editor().await
        }
        Part::MarkdownPreview(..) => preload_markdown().await,
        Part::Review => preload_review().await,
        Part::Report(_) => preload_report().await,
        Part::Templates => preload_templates().await,
        Part::Team => preload_team().await,
    };
    result.is_ok()
}

/// Builds the screen of a part that has arrived: its function then returns
/// on the first poll, so the view is made here and now.
#[cfg(feature = "split")]
fn built(part: Part) -> AnyView {
    use std::future::Future;
    use std::task::{Context, Poll, Waker};
    let bit = part.bit();
    let again = part.clone();
    let future = async move {
        match part {
            Part::Editor(id) => editor_screen(id).await,
            Part::MarkdownPreview(file, raw, yes, no) => markdown_screen(file, raw, yes, no).await,
            Part::Review => review_screen().await,
            Part::Report(id) => report_screen(id).await,
            Part::Templates => templates_screen().await,
            Part::Team => team_screen().await,
        }
    };
    let mut future = std::pin::pin!(future);
    match future
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()))
    {
        Poll::Ready(Ok(view)) => view,
        // Not there after all: fetch it again the usual way, with the
        // "Opening…" status and the choice to try again.
        Poll::Ready(Err(PartMissing)) | Poll::Pending => {
            LOADED.with(|l| l.set(l.get() & !bit));
            screen(again)
        }
    }
}

/// What shows when a part could not be fetched.
#[cfg(feature = "split")]
fn missing(retry: impl Fn() + 'static) -> AnyView {
    view! {
        <div class="panel panel-error aw-part-missing" role="alert">
            <p>
                "This screen could not be loaded: the browser could not fetch it. "
                "Check the connection and try again. Your drafts are not affected."
            </p>
            <button class="btn" on:click=move |_| retry()>"Try again"</button>
        </div>
    }
    .into_any()
}
