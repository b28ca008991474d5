//! One control (or group of controls) per template field: the single place
//! that knows how each [`FieldId`] of a postmortem is edited. Guided mode,
//! the full editor and the "More fields" area all render through it.

use std::collections::HashMap;
use std::sync::Mutex;

use afterword_core::model::{AlertSource, Category, IncidentKind, Postmortem, Severity};
use afterword_core::template::FieldId;
use leptos::prelude::*;

use crate::components::fields::{
    date_value, dom_id, parse_date, select_field, text_field, utc_time_field,
};
use crate::components::{actions, analysis, impact, links, people, timeline, times};
use crate::session::Session;

/// Field controls take `&'static str` labels and `Copy` setters; section
/// titles and free-text keys come from templates, so each distinct string is
/// kept once for the life of the page (a few dozen at most).
pub fn intern(s: &str) -> &'static str {
    static POOL: Mutex<Option<HashMap<String, &'static str>>> = Mutex::new(None);
    let mut guard = match POOL.lock() {
        Ok(g) => g,
        Err(poisoned) => poisoned.into_inner(),
    };
    let pool = guard.get_or_insert_with(HashMap::new);
    if let Some(v) = pool.get(s) {
        return v;
    }
    let leaked: &'static str = Box::leak(s.to_owned().into_boxed_str());
    pool.insert(s.to_owned(), leaked);
    leaked
}

pub fn options<T: Copy>(
    all: &[T],
    key: fn(T) -> &'static str,
    label: fn(T) -> &'static str,
    none: &'static str,
) -> Vec<(&'static str, &'static str)> {
    std::iter::once(("", none))
        .chain(all.iter().map(|v| (key(*v), label(*v))))
        .collect()
}

fn long(
    session: Session,
    label: &'static str,
    hint: &'static str,
    get: fn(&Postmortem) -> &String,
    set: fn(&mut Postmortem) -> &mut String,
) -> AnyView {
    text_field(
        session,
        label,
        hint,
        true,
        move |d| get(d).clone(),
        move |d, v| *set(d) = v,
    )
    .into_any()
}

/// The control for `field`. `title` labels free-text sections.
pub fn field_view(session: Session, field: &FieldId, title: &str, section: &str) -> AnyView {
    use FieldId as F;
    // A list whose heading repeats the section's title ("Timeline" in the
    // "Timeline" section) leaves its own heading out.
    let untitled = section.trim().eq_ignore_ascii_case(&field.label());
    match field {
        F::Title => text_field(session, "Title", "A short name people will recognise, e.g. \"Checkout errors after the 2.14 release\".", false, |d| d.title.clone(), |d, v| d.title = v).into_any(),
        F::Summary => long(session, "Summary", "One paragraph: what happened, who was affected, for how long, and what changes now.", |d| &d.summary, |d| &mut d.summary),
        F::IncidentDate => view! { <IncidentDate session=session /> }.into_any(),
        F::Owner => text_field(session, "Owner", "The one person who drives this postmortem to done.", false, |d| d.owner.clone(), |d, v| d.owner = v).into_any(),
        F::Participants => view! { <people::Participants session=session untitled=untitled /> }.into_any(),
        F::Reviewers => view! { <people::Reviewers session=session /> }.into_any(),
        F::Severity => select_field(session, "Severity", options(&Severity::ALL, |s| s.label(), |s| s.label(), "Not set"), |d| d.classification.severity.map_or("", |s| s.label()), |d, v| d.classification.severity = Severity::from_label(v)).into_any(),
        F::Kind => select_field(session, "Kind of incident", options(IncidentKind::ALL, IncidentKind::key, IncidentKind::label, "Not set"), |d| d.classification.kind.map_or("", |k| k.key()), |d, v| d.classification.kind = IncidentKind::from_key(v)).into_any(),
        F::Category => select_field(session, "Category", options(Category::ALL, Category::key, Category::label, "Not set"), |d| d.classification.category.map_or("", |k| k.key()), |d, v| d.classification.category = Category::from_key(v)).into_any(),
        F::AlertSource => select_field(session, "Where the first signal came from", options(AlertSource::ALL, AlertSource::key, AlertSource::label, "Not set"), |d| d.classification.alert_source.map_or("", |k| k.key()), |d, v| d.classification.alert_source = AlertSource::from_key(v)).into_any(),
        F::ReportedTo => text_field(session, "Reported to", "The team or department the incident was reported to.", false, |d| d.classification.reported_to.clone(), |d, v| d.classification.reported_to = v).into_any(),
        F::Times => view! { <times::KeyTimes session=session untitled=untitled /> }.into_any(),
        F::Started => utc_time_field(session, "Started", |d| d.times.started, |d, v| d.times.started = v).into_any(),
        F::Detected => utc_time_field(session, "Detected", |d| d.times.detected, |d, v| d.times.detected = v).into_any(),
        F::Acknowledged => utc_time_field(session, "Acknowledged", |d| d.times.acknowledged, |d, v| d.times.acknowledged = v).into_any(),
        F::Mitigated => utc_time_field(session, "Mitigated", |d| d.times.mitigated, |d, v| d.times.mitigated = v).into_any(),
        F::Resolved => utc_time_field(session, "Resolved", |d| d.times.resolved, |d, v| d.times.resolved = v).into_any(),
        F::ImpactDescription => long(session, "What users experienced", "Who was affected, how, and how many. Numbers beat adjectives.", |d| &d.impact.description, |d| &mut d.impact.description),
        F::UserVisibleMinutes => impact::whole_number(session, "Minutes of user-visible impact", |d| d.impact.user_visible_minutes, |d, v| d.impact.user_visible_minutes = v),
        F::CustomersAffected => impact::whole_number(session, "Customers affected", |d| d.impact.customers_affected, |d, v| d.impact.customers_affected = v),
        F::CustomersReported => impact::whole_number(session, "Customers who reported it", |d| d.impact.customers_reported, |d, v| d.impact.customers_reported = v),
        F::FunctionalSeverity => text_field(session, "Type of impact", "For example: checkout unavailable, reports delayed, degraded search.", false, |d| d.impact.functional_severity.clone(), |d, v| d.impact.functional_severity = v).into_any(),
        F::BusinessMetrics => view! { <impact::BusinessMetrics session=session untitled=untitled /> }.into_any(),
        F::DataLost => long(session, "Data lost", "What was lost for good, if anything, and whether it was recovered.", |d| &d.impact.data_lost, |d| &mut d.impact.data_lost),
        F::RecoveryPoint => utc_time_field(session, "Recovery point", |d| d.impact.recovery_point, |d, v| d.impact.recovery_point = v).into_any(),
        F::SloBudget => impact::percent(session),
        F::Timeline => view! { <timeline::TimelineEditor session=session untitled=untitled /> }.into_any(),
        F::ContributingFactors => view! { <analysis::Factors session=session untitled=untitled /> }.into_any(),
        F::Trigger => long(session, "Trigger", "What set the incident off, as distinct from the conditions that let it happen.", |d| &d.analysis.trigger, |d| &mut d.analysis.trigger),
        F::Detection => long(session, "Detection", "How the problem was noticed, and how it could be noticed sooner.", |d| &d.analysis.detection, |d| &mut d.analysis.detection),
        F::Resolution => long(session, "Resolution", "What stopped the impact and what fixed the cause.", |d| &d.analysis.resolution, |d| &mut d.analysis.resolution),
        F::WentWell => long(session, "What went well", "", |d| &d.analysis.went_well, |d| &mut d.analysis.went_well),
        F::WentWrong => long(session, "What went wrong", "Describe conditions and systems, not people.", |d| &d.analysis.went_wrong, |d| &mut d.analysis.went_wrong),
        F::GotLucky => long(session, "Where we got lucky", "", |d| &d.analysis.got_lucky, |d| &mut d.analysis.got_lucky),
        F::Gaps => long(session, "Gaps identified", "Missing alerts, runbooks, access, training or tools.", |d| &d.analysis.gaps, |d| &mut d.analysis.gaps),
        F::Lessons => long(session, "Lessons learned", "", |d| &d.analysis.lessons, |d| &mut d.analysis.lessons),
        F::FourQuestions => view! { <analysis::FourQuestions session=session untitled=untitled /> }.into_any(),
        F::ActionItems => view! { <actions::ActionItems session=session untitled=untitled /> }.into_any(),
        F::Links => view! { <links::Links session=session untitled=untitled /> }.into_any(),
        F::Text(key) => {
            let key = intern(key);
            // Several text fields in one section: each is named after its
            // key ("what_happened" → "What happened").
            let label = if title.trim().is_empty() {
                intern(&field.label())
            } else {
                intern(title)
            };
            text_field(
                session,
                label,
                "",
                true,
                move |d| d.sections.get(key).cloned().unwrap_or_default(),
                move |d, v| {
                    d.sections.insert(key.to_owned(), v);
                },
            )
            .into_any()
        }
        F::Unknown(key) => view! {
            <p class="hint">{format!("This template names a field this version does not know (\"{key}\"); it is left out.")}</p>
        }
        .into_any(),
    }
}

#[component]
fn IncidentDate(session: Session) -> impl IntoView {
    let id = dom_id("date");
    let initial = date_value(session.doc.with_untracked(|d| d.incident_date));
    view! {
        <div class="field">
            <label for=id.clone()>"Incident date"</label>
            <input id=id type="date" value=initial on:input=move |ev| {
                let v = parse_date(&event_target_value(&ev));
                session.edit(|d| d.incident_date = v);
            } />
        </div>
    }
}
