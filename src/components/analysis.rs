//! Contributing factors (each with a category and evidence links) and the
//! "four questions" view of the analysis.

use afterword_core::field::spec;
use afterword_core::ids::new_id;
use afterword_core::model::{Category, ContributingFactor};
use afterword_core::template::FieldId;
use leptos::prelude::*;

use crate::browser::{entropy, now};
use crate::components::fields::{dom_id, row_text, spec_field};
use crate::components::rows::{ids_of, structural};
use crate::components::sections::list_heading;
use crate::session::Session;

#[component]
pub fn Factors(
    session: Session,
    /// The section around it already has this heading.
    #[prop(optional)]
    untitled: bool,
) -> impl IntoView {
    let ids = ids_of(session, |d| &d.analysis.contributing_factors, |c| &c.id);
    let add = move |_| {
        structural(session, |d| {
            d.analysis.contributing_factors.push(ContributingFactor {
                id: new_id("cf", now(), entropy()),
                text: String::new(),
                category: None,
                evidence: Vec::new(),
                extra: Default::default(),
            })
        })
    };
    view! {
        <div class="subsection">
            {list_heading("analysis.contributing_factors", untitled)}
            <ul class="rows">
                <For each=move || ids.get() key=|id| id.clone() let:id>
                    <FactorRow session=session id=id />
                </For>
            </ul>
            <button type="button" class="btn" on:click=add>"Add contributing factor"</button>
            // The checklist asks why when fewer than two factors are listed.
            <Show when=move || ids.with(|l| l.len() < 2)>
                {spec("analysis.single_factor_reason").map(|s| spec_field(session, s))}
            </Show>
        </div>
    }
}

#[component]
fn FactorRow(session: Session, id: String) -> impl IntoView {
    let Some(f) = session.doc.with_untracked(|d| {
        d.analysis
            .contributing_factors
            .iter()
            .find(|c| c.id == id)
            .cloned()
    }) else {
        return ().into_any();
    };
    let (c_id, e_id) = (dom_id("factor-cat"), dom_id("factor-ev"));
    let edit = {
        let id = id.clone();
        move |g: &dyn Fn(&mut ContributingFactor)| {
            session.edit(|d| {
                if let Some(c) = d
                    .analysis
                    .contributing_factors
                    .iter_mut()
                    .find(|c| c.id == id)
                {
                    g(c)
                }
            })
        }
    };
    let (e1, e2) = (edit.clone(), edit);
    view! {
        <li class="row row-stack">
            {row_text(session, "analysis.contributing_factors", id.clone(), "Factor", "field grow field-grows")}
            <div class="field">
                <label for=c_id.clone()>"Category"</label>
                <select id=c_id on:change=move |ev| { let v = Category::from_key(&event_target_value(&ev)); e1(&|c| c.category = v) }>
                    <option value="" selected=f.category.is_none()>"Not set"</option>
                    {Category::ALL.iter().map(|k| view! { <option value=k.key() selected=Some(*k) == f.category>{k.label()}</option> }).collect_view()}
                </select>
            </div>
            <div class="field grow">
                <label for=e_id.clone()>"Evidence links (one per line)"</label>
                <textarea id=e_id rows="2" on:input=move |ev| {
                    let v: Vec<String> = event_target_value(&ev).lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect();
                    e2(&|c| c.evidence = v.clone())
                }>{f.evidence.join("\n")}</textarea>
            </div>
            <button type="button" class="btn btn-small btn-quiet" on:click=move |_| structural(session, |d| d.analysis.contributing_factors.retain(|c| c.id != id))>
                "Remove"<span class="visually-hidden">" factor"</span>
            </button>
        </li>
    }
    .into_any()
}

#[component]
pub fn FourQuestions(
    session: Session,
    /// The section around it already has this heading.
    #[prop(optional)]
    untitled: bool,
) -> impl IntoView {
    view! {
        <div class="subsection four-questions">
            {(!untitled).then(|| view! { <h3>{FieldId::FourQuestions.label()}</h3> })}
            {FieldId::FourQuestions.specs().into_iter().map(|spec| spec_field(session, spec)).collect_view()}
        </div>
    }
}
