//! One control (or group of controls) per template field. Single fields
//! are drawn from the core's field table (`fields::spec_field`); lists and
//! groups have editors of their own. Guided mode, the full editor and the
//! "More fields" area all render through [`field_view`].

use afterword_core::template::FieldId;
use leptos::prelude::*;

use crate::components::fields::{field_hint, section_text_field, spec_field, words};
use crate::components::{actions, analysis, impact, links, people, timeline, times};
use crate::session::Session;

/// A list's heading (left out when the section around it has the same
/// one) and its hint, both from the field table in the template's words.
pub fn list_heading(key: &str, untitled: bool) -> impl IntoView {
    let words = words();
    let (label, hint) = afterword_core::field::spec(key)
        .map(|s| (s.label_in(words), field_hint(s.hint_in(words))))
        .unwrap_or_default();
    view! {
        {(!untitled).then(|| view! { <h3>{label}</h3> })}
        {(!hint.is_empty()).then(|| view! { <p class="hint">{hint}</p> })}
    }
}

/// The control for `field`. `title` labels free-text sections; `section`
/// is the title of the section around it. Lists and groups are wrapped in
/// an element carrying the field's key (`data-field`), like every single
/// control, so the checklist can go to them.
pub fn field_view(session: Session, field: &FieldId, title: &str, section: &str) -> AnyView {
    use FieldId as F;
    // A list whose heading repeats the section's title ("Timeline" in the
    // "Timeline" section) leaves its own heading out.
    let untitled = section
        .trim()
        .eq_ignore_ascii_case(&field.label_in(words()));
    let list = match field {
        F::Participants => {
            Some(view! { <people::Participants session=session untitled=untitled /> }.into_any())
        }
        F::Reviewers => Some(view! { <people::Reviewers session=session /> }.into_any()),
        F::Times => {
            Some(view! { <times::KeyTimes session=session untitled=untitled /> }.into_any())
        }
        F::BusinessMetrics => {
            Some(view! { <impact::BusinessMetrics session=session untitled=untitled /> }.into_any())
        }
        F::Timeline => Some(
            view! { <timeline::TimelineEditor session=session untitled=untitled /> }.into_any(),
        ),
        F::ContributingFactors => {
            Some(view! { <analysis::Factors session=session untitled=untitled /> }.into_any())
        }
        F::FourQuestions => {
            Some(view! { <analysis::FourQuestions session=session untitled=untitled /> }.into_any())
        }
        F::ActionItems => {
            Some(view! { <actions::ActionItems session=session untitled=untitled /> }.into_any())
        }
        F::Links => Some(view! { <links::Links session=session untitled=untitled /> }.into_any()),
        _ => None,
    };
    if let Some(list) = list {
        return view! { <div class="field-group" data-field=field.key()>{list}</div> }.into_any();
    }
    match field {
        F::Text(key) => {
            // Several text fields in one section: each is named after its
            // key ("what_happened" → "What happened").
            let label = if title.trim().is_empty() {
                field.label()
            } else {
                title.to_owned()
            };
            section_text_field(session, key.clone(), label).into_any()
        }
        F::Unknown(key) => view! {
            <p class="hint">{format!("This template names a field this version does not know (\"{key}\"); it is left out.")}</p>
        }
        .into_any(),
        other => other
            .specs()
            .first()
            .map(|spec| spec_field(session, spec))
            .unwrap_or_else(|| ().into_any()),
    }
}
