//! Starting a postmortem: an optional check that one is warranted, then the
//! choice of template. Both can be skipped straight to the full editor.

use afterword_core::template::{builtin_templates, Template};
use leptos::prelude::*;

use crate::components::prefs::{self, Mode};
use crate::session::Session;
use crate::state::use_app;

/// When a postmortem is usually worth writing, and when usually not.
const WARRANTED: [&str; 7] = [
    "Users saw an outage or a serious slowdown",
    "A deployment failed or had to be rolled back",
    "Security was breached, or a security policy was not followed",
    "Data was lost or damaged",
    "A deadline or launch date was missed",
    "It has happened before, or it is still not understood",
    "Someone involved asked for one",
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Step {
    Triage,
    Template,
}

/// The start screens. `done` is called with the chosen mode once the
/// writer has picked a template or skipped.
#[component]
pub fn StartFlow(session: Session, done: Callback<Mode>) -> impl IntoView {
    let app = use_app();
    let step = RwSignal::new(Step::Triage);
    let ticked = RwSignal::new(vec![false; WARRANTED.len()]);
    let templates = StoredValue::new(
        builtin_templates()
            .into_iter()
            .chain(prefs::custom_templates(&app))
            .collect::<Vec<Template>>(),
    );
    let start = move |template: Option<String>, mode: Mode| {
        let id = session.id();
        // The choice is a saved edit, so a reopened draft goes straight to
        // the editor. A failure to remember the mode only costs the default.
        let _ = prefs::set_mode(&app, &id, mode);
        session.edit(|d| {
            if let Some(t) = template {
                d.template = t;
            }
        });
        done.run(mode);
    };
    let skip_all = move |_| start(None, Mode::Full);
    // Each step's question takes the focus, so the keyboard starts there.
    let to_step = move |to: Step| {
        step.set(to);
        app.focus_later(match to {
            Step::Triage => "triage-title",
            Step::Template => "template-title",
        });
    };
    let verdict = move || {
        let n = ticked.with(|t| t.iter().filter(|x| **x).count());
        if n == 0 {
            "Nothing ticked yet. If none of these apply, a postmortem may not be needed (minor problems and scheduled work that caused nothing usually are not), but you can still write one.".to_owned()
        } else {
            format!(
                "{} ticked: a postmortem is worth writing.",
                afterword_core::words::count(n, "reason", "reasons")
            )
        }
    };
    view! {
        <div class="start">
            {move || match step.get() {
                Step::Triage => view! {
                    <section class="start-step" aria-labelledby="triage-title">
                        <h2 id="triage-title" tabindex="-1">"Is a postmortem warranted?"</h2>
                        <p class="hint">"Optional: tick what applies to this incident."</p>
                        <fieldset class="triage">
                            <legend class="visually-hidden">"Reasons to write a postmortem"</legend>
                            {WARRANTED.iter().enumerate().map(|(i, text)| {
                                let id = format!("triage-{i}");
                                view! {
                                    <div class="field-check">
                                        <input type="checkbox" id=id.clone() on:change=move |ev| {
                                            let v = event_target_checked(&ev);
                                            ticked.update(|t| t[i] = v);
                                        } />
                                        <label for=id>{*text}</label>
                                    </div>
                                }
                            }).collect_view()}
                        </fieldset>
                        <p class="triage-verdict" role="status">{verdict}</p>
                        <div class="button-row">
                            <button type="button" class="btn btn-primary" on:click=move |_| to_step(Step::Template)>"Continue"</button>
                            <button type="button" class="btn" on:click=move |_| to_step(Step::Template)>"Skip this question"</button>
                            <button type="button" class="btn btn-quiet" on:click=skip_all>"Skip to the full editor"</button>
                        </div>
                    </section>
                }
                .into_any(),
                Step::Template => view! {
                    <section class="start-step" aria-labelledby="template-title">
                        <h2 id="template-title" tabindex="-1">"Choose a template"</h2>
                        <p class="hint">"A template decides which sections you fill in and in what order, with help for each. You can switch later without losing anything."</p>
                        <ul class="template-cards">
                            {templates.get_value().into_iter().map(|t| {
                                let id = t.id.clone();
                                let strict = t.strict_order.then_some(" Sections are filled in strict order.");
                                let count = afterword_core::words::count(t.sections.len(), "section", "sections");
                                view! {
                                    <li>
                                        <button type="button" class="template-card" on:click=move |_| start(Some(id.clone()), Mode::Guided)>
                                            <span class="template-name">{t.name.clone()}</span>
                                            <span class="template-desc">{t.description.clone()}{strict}</span>
                                            <span class="template-count">{count}</span>
                                        </button>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                        <div class="button-row">
                            <button type="button" class="btn" on:click=move |_| to_step(Step::Triage)>"Back"</button>
                            <button type="button" class="btn btn-quiet" on:click=skip_all>"Skip to the full editor"</button>
                        </div>
                    </section>
                }
                .into_any(),
            }}
        </div>
    }
}
