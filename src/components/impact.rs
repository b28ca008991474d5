//! Impact's business metrics: name / value / unit rows, the value checked
//! as it is typed. (Counts and percentages are fields of the field table:
//! see `fields::number_field`.)

use afterword_core::ids::new_id;
use afterword_core::model::BusinessMetric;
use leptos::prelude::*;

use crate::browser::{entropy, now};
use crate::components::fields::dom_id;
use crate::components::rows::{ids_of, structural};
use crate::components::sections::list_heading;
use crate::session::Session;

/// Reads a business figure's value: a number, whole or with decimals, with
/// thousands separators allowed ("1,800", "4 000", "12.5", "-3").
pub fn parse_amount(raw: &str) -> Result<(), String> {
    let cleaned: String = raw
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | ',' | '_' | '\u{a0}'))
        .collect();
    let digits = cleaned.strip_prefix('-').unwrap_or(&cleaned);
    let (whole, part) = digits.split_once('.').unwrap_or((digits, ""));
    let number = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if cleaned.is_empty()
        || ((!whole.is_empty() || !part.is_empty()) && number(whole) && number(part))
    {
        Ok(())
    } else {
        Err(format!(
            "\"{}\" is not a number: write the figure in digits, such as 1,800 or 12.5, and its unit beside it.",
            raw.trim()
        ))
    }
}

#[component]
pub fn BusinessMetrics(
    session: Session,
    /// The section around it already has this heading.
    #[prop(optional)]
    untitled: bool,
) -> impl IntoView {
    let ids = ids_of(session, |d| &d.impact.business_metrics, |m| &m.id);
    let add = move |_| {
        structural(session, |d| {
            d.impact.business_metrics.push(BusinessMetric {
                id: new_id("bm", now(), entropy()),
                name: String::new(),
                value: String::new(),
                unit: String::new(),
                extra: Default::default(),
            })
        })
    };
    view! {
        <div class="subsection">
            {list_heading("impact.business_metrics", untitled)}
            <ul class="rows">
                <For each=move || ids.get() key=|id| id.clone() let:id>
                    <MetricRow session=session id=id />
                </For>
            </ul>
            <button type="button" class="btn" on:click=add>"Add business figure"</button>
        </div>
    }
}

#[component]
fn MetricRow(session: Session, id: String) -> impl IntoView {
    let Some(m) = session.doc.with_untracked(|d| {
        d.impact
            .business_metrics
            .iter()
            .find(|m| m.id == id)
            .cloned()
    }) else {
        return ().into_any();
    };
    let (n_id, v_id, u_id) = (dom_id("bm-name"), dom_id("bm-value"), dom_id("bm-unit"));
    let edit = {
        let id = id.clone();
        move |f: &dyn Fn(&mut BusinessMetric)| {
            session.edit(|d| {
                if let Some(m) = d.impact.business_metrics.iter_mut().find(|m| m.id == id) {
                    f(m)
                }
            })
        }
    };
    let (e1, e2, e3) = (edit.clone(), edit.clone(), edit);
    let problem = RwSignal::new(None::<String>);
    let msg_id = format!("{v_id}-msg");
    view! {
        <li class="row">
            <div class="field grow">
                <label for=n_id.clone()>"Figure"</label>
                <input id=n_id type="text" value=m.name.clone() on:input=move |ev| { let v = event_target_value(&ev); e1(&|m| m.name = v.clone()) } />
            </div>
            <div class="field field-number">
                <label for=v_id.clone()>"Value"</label>
                <input id=v_id.clone() type="text" inputmode="decimal" value=m.value.clone()
                    aria-invalid=move || problem.with(|p| p.is_some()).then_some("true")
                    aria-describedby=msg_id.clone()
                    on:input=move |ev| {
                        // A value that is not a number leaves the figure as it was.
                        let v = event_target_value(&ev);
                        match parse_amount(&v) {
                            Ok(()) => {
                                problem.set(None);
                                e2(&|m| m.value = v.trim().to_owned());
                            }
                            Err(e) => problem.set(Some(e)),
                        }
                    } />
                <p class="field-error" id=msg_id role="status">{move || problem.get().unwrap_or_default()}</p>
            </div>
            <div class="field">
                <label for=u_id.clone()>"Unit"</label>
                <input id=u_id type="text" value=m.unit.clone() on:input=move |ev| { let v = event_target_value(&ev); e3(&|m| m.unit = v.clone()) } />
            </div>
            <button type="button" class="btn btn-small btn-quiet" on:click=move |_| structural(session, |d| d.impact.business_metrics.retain(|m| m.id != id))>
                "Remove"<span class="visually-hidden">" figure"</span>
            </button>
        </li>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    fn business_figures_are_numbers() {
        for ok in ["1,800", "4 000", "12.5", "-3", "", " 42 ", ".5"] {
            assert_eq!(parse_amount(ok), Ok(()), "{ok}");
        }
        for bad in ["lots", "about 40", "40k", "1.2.3", "-", "."] {
            assert!(parse_amount(bad).is_err(), "{bad}");
        }
    }
}
