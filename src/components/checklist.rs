//! "Before you share": the checklist of what is still open in the draft,
//! with a link to each place to fix. It informs; it never blocks an export.

use std::time::Duration;

use afterword_core::checklist::{checklist, checklist_with, CheckStatus, Checklist};
use afterword_core::model::Postmortem;
use afterword_core::template::Template;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::lint_state::{load_settings, LintState};
use crate::session::Session;
use crate::state::{css_string, AppState};

/// How long after typing stops the checklist is worked out again.
const REFRESH_DELAY: Duration = Duration::from_millis(500);

/// The document's template: built in, or one of the team's own usable
/// templates; the standard one if neither is found.
fn template_for(doc: &Postmortem, app: &AppState) -> Template {
    app.library().template_for(doc)
}

/// The checklist for a document with this browser's settings, for the
/// export menu and the panel.
pub fn checklist_for(doc: &Postmortem, app: &AppState) -> Checklist {
    let cfg = load_settings(app).0.config();
    let today = chrono::Local::now().date_naive();
    checklist(doc, &template_for(doc, app), &cfg, today)
}

fn icon(s: CheckStatus) -> &'static str {
    match s {
        CheckStatus::Done => "\u{2713}",
        CheckStatus::Open => "\u{25cb}",
        CheckStatus::Warning => "!",
    }
}

/// The field the checklist asked to go to, by its key: the editor opens
/// the section that shows it (or shows it under "More fields" when the
/// template does not), so its control can take the focus.
#[derive(Clone, Copy)]
pub struct GoTo(pub RwSignal<Option<String>>);

/// Focuses the control of the field with this key (`data-field`): the
/// control itself, or for a list or a group, its first control.
pub fn focus_field(app: &AppState, key: &str) -> bool {
    // A group ("times") may be shown by its members alone (a template with
    // only the start and end times): the first member shown stands for it.
    let key = css_string(key);
    let Some(el) = app
        .find(&format!("[data-field=\"{key}\"]"))
        .or_else(|| app.find(&format!("[data-field^=\"{key}.\"]")))
    else {
        return false;
    };
    let control = if matches!(
        el.tag_name().as_str(),
        "INPUT" | "TEXTAREA" | "SELECT" | "BUTTON"
    ) {
        Some(el)
    } else {
        el.query_selector("input, textarea, select, button")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<web_sys::HtmlElement>().ok())
    };
    let Some(control) = control else {
        return false;
    };
    control.scroll_into_view_with_bool(false);
    control.focus().is_ok()
}

/// Moves to what a checklist item is about, by the field key or row path
/// the core gives it. A field not on screen is asked for first (see
/// [`GoTo`]) and focused once it is drawn.
pub fn jump_to(app: AppState, go: Option<GoTo>, target: &str) {
    if focus_field(&app, target) {
        return;
    }
    if let Some(go) = go {
        go.0.set(Some(target.to_owned()));
    }
    let target = target.to_owned();
    // Drawn on the next frame; focused on the one after.
    request_animation_frame(move || {
        request_animation_frame(move || {
            if app.is_alive() {
                focus_field(&app, &target);
            }
        })
    });
}

#[component]
pub fn BeforeYouShare(session: Session) -> impl IntoView {
    let Some(lint) = use_context::<LintState>() else {
        return ().into_any();
    };
    let app = lint.app;
    let go = use_context::<GoTo>();
    let list = RwSignal::new(session.doc.with_untracked(|d| checklist_for(d, &app)));
    let timer = StoredValue::new(None::<TimeoutHandle>);
    let refresh = move || {
        let cfg = lint.global_config();
        let today = chrono::Local::now().date_naive();
        // The findings the editor keeps current: the document is not
        // linted again for the checklist.
        let l = session.doc.with_untracked(|d| {
            lint.findings
                .with_untracked(|f| checklist_with(d, &template_for(d, &app), f, &cfg, today))
        });
        // Typing rarely changes what the list says: it is drawn again only
        // when it does.
        if list.with_untracked(|old| *old != l) {
            list.set(l);
        }
    };
    Effect::new(move |first: Option<()>| {
        session.doc.track();
        lint.settings.track();
        if first.is_none() {
            return;
        }
        if let Some(h) = timer.get_value() {
            h.clear();
        }
        timer.set_value(set_timeout_with_handle(refresh, REFRESH_DELAY).ok());
    });
    // A refresh still pending when the editor closes must not run.
    on_cleanup(move || {
        if let Some(Some(h)) = timer.try_get_value() {
            h.clear();
        }
    });
    let open_count = move || list.with(Checklist::open_count);
    let summary = move || match open_count() {
        0 => "Before you share: all done".to_owned(),
        1 => "Before you share: 1 item open".to_owned(),
        n => format!("Before you share: {n} items open"),
    };
    let groups = move || {
        list.with(|l| {
            let mut out: Vec<(&'static str, Vec<afterword_core::checklist::CheckItem>)> =
                Vec::new();
            for i in &l.items {
                match out.iter_mut().find(|(g, _)| *g == i.group) {
                    Some((_, items)) => items.push(i.clone()),
                    None => out.push((i.group, vec![i.clone()])),
                }
            }
            out
        })
    };
    view! {
        <details class="lint-card checklist">
            <summary><h2 class="lint-h">{summary}</h2></summary>
            <div class="lint-body">
                <p class="hint">"Nothing here stops you from exporting; it is what reviewers will ask about."</p>
                {move || groups().into_iter().map(|(group, items)| view! {
                    <h3>{group}</h3>
                    <ul class="check-list">
                        {items.into_iter().map(|i| {
                            let target = i.target.clone();
                            let status = i.status;
                            view! {
                                <li class="check-item" data-check=i.id.clone() data-status=status.label().to_lowercase()>
                                    <span class="check-icon" aria-hidden="true">{icon(status)}</span>
                                    <span class="check-text">
                                        <span class="check-status">{status.label()} ": "</span>
                                        {i.label.clone()}
                                        {(!i.detail.is_empty()).then(|| view! { <span class="check-detail">{i.detail.clone()}</span> })}
                                    </span>
                                    {(status != CheckStatus::Done).then(|| target.map(|t| view! {
                                        <button type="button" class="btn btn-small btn-quiet check-go"
                                            data-target=t.clone() on:click=move |_| jump_to(app, go, &t)>
                                            "Go to it"<span class="visually-hidden">": " {i.label.clone()}</span>
                                        </button>
                                    }))}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }).collect_view()}
            </div>
        </details>
    }
    .into_any()
}
