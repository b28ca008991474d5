//! The five key times (entered in UTC) and the durations derived from them,
//! each with its formula; contradicting times get a message, never a
//! negative duration.

use afterword_core::metrics::{check_times, durations};
use leptos::prelude::*;

use afterword_core::template::FieldId;

use crate::components::fields::spec_field;
use crate::session::Session;

#[component]
pub fn KeyTimes(
    session: Session,
    /// The section around it already has this heading.
    #[prop(optional)]
    untitled: bool,
) -> impl IntoView {
    view! {
        <div class="subsection key-times">
            {(!untitled).then(|| view! { <h3>{FieldId::Times.label()}</h3> })}
            <p class="hint">"Enter times in UTC on the 24-hour clock, as 2026-11-20 14:02; your local time is shown beside each."</p>
            <div class="grid">
                {FieldId::Times.specs().into_iter().map(|spec| spec_field(session, spec)).collect_view()}
            </div>
            <Durations session=session />
        </div>
    }
}

#[component]
pub fn Durations(session: Session) -> impl IntoView {
    let words = crate::components::fields::words();
    // Recomputed only when a key time changes, not on every keystroke elsewhere.
    let times = Memo::new(move |_| session.doc.with(|d| d.times.clone()));
    let rows = Memo::new(move |_| {
        times.with(|t| {
            durations(t)
                .into_iter()
                .map(|m| {
                    (
                        m.label_in(words),
                        m.formula_in(words),
                        m.display_value_in(words),
                        m.value.is_ok(),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let problems = Memo::new(move |_| {
        times.with(|t| {
            check_times(t)
                .into_iter()
                .map(|p| p.message)
                .collect::<Vec<_>>()
        })
    });
    view! {
        <div class="durations">
            <h4>"Durations"</h4>
            <Show when=move || !problems.with(|p| p.is_empty())>
                <div class="notice notice-warn" role="alert">
                    <p><strong>"These times contradict each other:"</strong></p>
                    <ul>{move || problems.get().into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
                </div>
            </Show>
            <dl class="metric-list">
                {move || rows.get().into_iter().map(|(label, formula, value, ok)| view! {
                    <div class="metric" class:metric-missing=!ok>
                        <dt>{label}</dt>
                        <dd><span class="metric-value">{value}</span>" "<span class="formula">{format!("= {formula}")}</span></dd>
                    </div>
                }).collect_view()}
            </dl>
        </div>
    }
}
