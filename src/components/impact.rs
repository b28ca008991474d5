//! Impact figures: whole numbers and a percentage checked as they are typed,
//! and business metrics as name / value / unit rows.

use afterword_core::ids::new_id;
use afterword_core::model::{BusinessMetric, Postmortem};
use leptos::prelude::*;

use crate::browser::{entropy, now};
use crate::components::fields::dom_id;
use crate::components::rows::{ids_of, structural};
use crate::components::sections::list_heading;
use crate::session::Session;

/// Reads a count: digits only (spaces and thousands separators allowed).
pub fn parse_count(raw: &str) -> Result<Option<u64>, String> {
    let cleaned: String = raw
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | ',' | '_' | '\u{a0}'))
        .collect();
    if cleaned.is_empty() {
        return Ok(None);
    }
    if !cleaned.chars().all(|c| c.is_ascii_digit()) {
        return Err(format!(
            "\"{}\" is not a whole number: use digits only, such as 120.",
            raw.trim()
        ));
    }
    cleaned
        .parse::<u64>()
        .map(Some)
        .map_err(|_| "That number is too large.".to_owned())
}

/// Reads a percentage from 0 to 100 (a trailing % is allowed).
pub fn parse_percent(raw: &str) -> Result<Option<f64>, String> {
    let t = raw.trim().trim_end_matches('%').trim().replace(',', ".");
    if t.is_empty() {
        return Ok(None);
    }
    match t.parse::<f64>() {
        Ok(v) if v.is_finite() && (0.0..=100.0).contains(&v) => Ok(Some(v)),
        Ok(_) => Err("Enter a share between 0 and 100 percent.".into()),
        Err(_) => Err(format!(
            "\"{}\" is not a number: write it like 12.5.",
            raw.trim()
        )),
    }
}

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

/// A text input checked on every keystroke; bad input leaves the document
/// as it was and says why beside the field.
fn checked_input(
    session: Session,
    (field, label, hint): (&'static str, &'static str, &'static str),
    suffix: &'static str,
    initial: String,
    check: fn(&str) -> Result<(), String>,
    apply: impl Fn(&str, &mut Postmortem) + Copy + Send + Sync + 'static,
) -> AnyView {
    let id = dom_id("num");
    let msg_id = format!("{id}-msg");
    let hint_id = format!("{id}-hint");
    let described = if hint.is_empty() {
        msg_id.clone()
    } else {
        format!("{hint_id} {msg_id}")
    };
    let problem = RwSignal::new(None::<String>);
    view! {
        <div class="field field-number">
            <label for=id.clone()>{label}</label>
            {(!hint.is_empty()).then(|| view! { <p class="hint" id=hint_id>{hint}</p> })}
            <div class="with-unit">
                <input id=id type="text" inputmode="decimal" value=initial data-field=field
                    aria-invalid=move || problem.with(|p| p.is_some()).then_some("true")
                    aria-describedby=described
                    on:input=move |ev| {
                        let raw = event_target_value(&ev);
                        match check(&raw) {
                            Ok(()) => {
                                problem.set(None);
                                session.edit(|d| apply(&raw, d));
                            }
                            Err(e) => problem.set(Some(e)),
                        }
                    } />
                {(!suffix.is_empty()).then(|| view! { <span class="unit">{suffix}</span> })}
            </div>
            <p class="field-error" id=msg_id role="status">{move || problem.get().unwrap_or_default()}</p>
        </div>
    }
    .into_any()
}

/// A whole number (minutes, customers), marked with its field key.
pub fn whole_number(
    session: Session,
    field: &'static str,
    label: (&'static str, &'static str),
    get: impl Fn(&Postmortem) -> Option<u64> + 'static,
    set: impl Fn(&mut Postmortem, Option<u64>) + Copy + Send + Sync + 'static,
) -> AnyView {
    let initial = session
        .doc
        .with_untracked(|d| get(d).map(|v| v.to_string()).unwrap_or_default());
    checked_input(
        session,
        (field, label.0, label.1),
        "",
        initial,
        |raw| parse_count(raw).map(|_| ()),
        move |raw, d| set(d, parse_count(raw).ok().flatten()),
    )
}

/// A percentage from 0 to 100, marked with its field key.
pub fn percent(
    session: Session,
    field: &'static str,
    label: (&'static str, &'static str),
    get: impl Fn(&Postmortem) -> Option<f64> + 'static,
    set: impl Fn(&mut Postmortem, Option<f64>) + Copy + Send + Sync + 'static,
) -> AnyView {
    let initial = session
        .doc
        .with_untracked(|d| get(d).map(|v| v.to_string()).unwrap_or_default());
    checked_input(
        session,
        (field, label.0, label.1),
        "%",
        initial,
        |raw| parse_percent(raw).map(|_| ()),
        move |raw, d| set(d, parse_percent(raw).ok().flatten()),
    )
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
    fn counts_accept_separators_and_refuse_words() {
        assert_eq!(parse_count(" 1,200 "), Ok(Some(1200)));
        assert_eq!(parse_count(""), Ok(None));
        assert!(parse_count("about 40").is_err());
        assert!(parse_count("-3").is_err());
    }

    #[wasm_bindgen_test]
    fn business_figures_are_numbers() {
        for ok in ["1,800", "4 000", "12.5", "-3", "", " 42 ", ".5"] {
            assert_eq!(parse_amount(ok), Ok(()), "{ok}");
        }
        for bad in ["lots", "about 40", "40k", "1.2.3", "-", "."] {
            assert!(parse_amount(bad).is_err(), "{bad}");
        }
    }

    #[wasm_bindgen_test]
    fn percentages_stay_between_0_and_100() {
        assert_eq!(parse_percent("12.5%"), Ok(Some(12.5)));
        assert_eq!(parse_percent("3,5"), Ok(Some(3.5)));
        assert!(parse_percent("140").is_err());
        assert!(parse_percent("lots").is_err());
    }
}
