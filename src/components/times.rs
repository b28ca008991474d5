//! The five key times (entered in UTC) and the durations derived from them,
//! each with its formula; contradicting times get a message, never a
//! negative duration.

use afterword_core::metrics::{check_times, durations};
use leptos::prelude::*;

use crate::components::fields::utc_time_field;
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
            {(!untitled).then(|| view! { <h3>"Key times"</h3> })}
            <p class="hint">"Enter times in UTC; your local time is shown beside each."</p>
            <div class="grid">
                {utc_time_field(session, "Started", |d| d.times.started, |d, v| d.times.started = v)}
                {utc_time_field(session, "Detected", |d| d.times.detected, |d, v| d.times.detected = v)}
                {utc_time_field(session, "Acknowledged", |d| d.times.acknowledged, |d, v| d.times.acknowledged = v)}
                {utc_time_field(session, "Mitigated", |d| d.times.mitigated, |d, v| d.times.mitigated = v)}
                {utc_time_field(session, "Resolved", |d| d.times.resolved, |d, v| d.times.resolved = v)}
            </div>
            <Durations session=session />
        </div>
    }
}

#[component]
pub fn Durations(session: Session) -> impl IntoView {
    // Recomputed only when a key time changes, not on every keystroke elsewhere.
    let times = Memo::new(move |_| session.doc.with(|d| d.times.clone()));
    let rows = Memo::new(move |_| {
        times.with(|t| {
            durations(t)
                .into_iter()
                .map(|m| (m.label, m.formula, m.display_value(), m.value.is_ok()))
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
