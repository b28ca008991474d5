//! "Before you share": the checklist of what is still open in the draft,
//! with a link to each place to fix. It informs; it never blocks an export.

use std::time::Duration;

use afterword_core::checklist::{checklist, CheckStatus, Checklist};
use afterword_core::model::Postmortem;
use afterword_core::store::KeyValueStore;
use afterword_core::template::{standard, template_by_id, FieldId, Template};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::lint_state::{load_settings, LintState};
use crate::session::Session;
use crate::state::AppState;

/// How long after typing stops the checklist is worked out again.
const REFRESH_DELAY: Duration = Duration::from_millis(500);

/// The document's template: built in, or one of the team's own templates
/// stored in this browser; the standard one if neither is found.
fn template_for(doc: &Postmortem, app: &AppState) -> Template {
    if let Some(t) = template_by_id(&doc.template) {
        return t;
    }
    let lib = app.library();
    lib.store()
        .get(&lib.key("templates"))
        .ok()
        .flatten()
        .and_then(|raw| serde_json::from_str::<Vec<serde_json::Value>>(&raw).ok())
        .into_iter()
        .flatten()
        .filter_map(|v| serde_json::from_value::<Template>(v).ok())
        .find(|t| t.id == doc.template)
        .unwrap_or_else(standard)
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

/// Moves to what a checklist item is about: a linted field, or the field,
/// label or heading named by a template field key.
pub fn jump_to(lint: &LintState, target: &str) -> bool {
    if let Some(control) = lint.control(target) {
        control.scroll_into_view_with_bool(false);
        let _ = control.focus();
        return true;
    }
    let label = FieldId::from_key(target).label();
    let Some(form) = lint.app.find(".doc-form") else {
        return false;
    };
    let Some(el) = find_titled(&form, &label) else {
        return false;
    };
    el.scroll_into_view_with_bool(true);
    let control = el
        .get_attribute("for")
        .and_then(|id| lint.app.find_id(&id))
        .map(web_sys::Element::from)
        .or_else(|| {
            el.closest("fieldset, .subsection")
                .ok()
                .flatten()
                .and_then(|s| {
                    s.query_selector("input, textarea, select, button")
                        .ok()
                        .flatten()
                })
        });
    if let Some(c) = control.and_then(|c| c.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = c.focus();
    }
    true
}

/// The first label or heading under `root` whose text is `title`.
fn find_titled(root: &web_sys::Element, title: &str) -> Option<web_sys::Element> {
    let mut child = root.first_element_child();
    while let Some(el) = child {
        let tag = el.tag_name();
        if matches!(tag.as_str(), "LABEL" | "H2" | "H3")
            && el.text_content().unwrap_or_default().trim() == title
        {
            return Some(el);
        }
        if let Some(found) = find_titled(&el, title) {
            return Some(found);
        }
        child = el.next_element_sibling();
    }
    None
}

#[component]
pub fn BeforeYouShare(session: Session) -> impl IntoView {
    let Some(lint) = use_context::<LintState>() else {
        return ().into_any();
    };
    let app = lint.app;
    let list = RwSignal::new(session.doc.with_untracked(|d| checklist_for(d, &app)));
    let timer = StoredValue::new(None::<TimeoutHandle>);
    let refresh = move || {
        let cfg = lint.global_config();
        let today = chrono::Local::now().date_naive();
        let l = session
            .doc
            .with_untracked(|d| checklist(d, &template_for(d, &app), &cfg, today));
        list.set(l);
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
                                            on:click=move |_| { jump_to(&lint, &t); }>
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
