//! The document laid out by its template: guided mode (one section at a
//! time, with help, examples, progress and navigation) and full mode (every
//! section on one page), plus the "More fields" area for content the
//! template does not show.

use afterword_core::template::{
    can_open, fields_outside, first_incomplete, missing_fields, progress, section_complete,
    FieldId, OutsideField, Section, Template,
};
use leptos::prelude::*;

use crate::components::checklist::GoTo;
use crate::components::rows::{MoreRows, Window};
use crate::components::sections::field_view;
use crate::session::Session;

/// The fields of one section. A lone free-text field takes the section's
/// title as its label.
pub fn section_fields(session: Session, section: &Section) -> impl IntoView {
    let texts = section
        .fields
        .iter()
        .filter(|f| matches!(f, FieldId::Text(_)))
        .count();
    let title = if texts == 1 {
        section.title.clone()
    } else {
        String::new()
    };
    let build = || {
        section
            .fields
            .iter()
            .map(|f| field_view(session, f, &title, &section.title))
            .collect_view()
    };
    // A section of one field whose help says what to write: the field's
    // own hint would repeat it.
    if section.fields.len() == 1 && !section.help.trim().is_empty() {
        crate::components::fields::without_hints(build)
    } else {
        build()
    }
}

/// "3 of 8 sections complete" with a progress bar.
#[component]
pub fn Progress(session: Session, template: Memo<Template>) -> impl IntoView {
    let counts = Memo::new(move |_| template.with(|t| session.doc.with(|d| progress(d, t))));
    let text = move || {
        let (done, all) = counts.get();
        format!("{done} of {all} sections complete")
    };
    view! {
        <div class="progress">
            <p id="progress-label" class="progress-label">{text}</p>
            <div class="progress-bar" role="progressbar" aria-labelledby="progress-label"
                aria-valuemin="0"
                aria-valuemax=move || counts.get().1.to_string()
                aria-valuenow=move || counts.get().0.to_string()
                aria-valuetext=text>
                <div class="progress-fill" style:width=move || {
                    let (done, all) = counts.get();
                    format!("{}%", (done * 100).checked_div(all).unwrap_or(0))
                }></div>
            </div>
        </div>
    }
}

#[component]
pub fn GuidedView(
    session: Session,
    template: Memo<Template>,
    current: RwSignal<usize>,
) -> impl IntoView {
    // Per-section state, recomputed as the writer types (cheap: a few trims).
    let state = Memo::new(move |_| {
        template.with(|t| {
            session.doc.with(|d| {
                t.sections
                    .iter()
                    .enumerate()
                    .map(|(i, s)| (section_complete(d, s), can_open(d, t, i)))
                    .collect::<Vec<_>>()
            })
        })
    });
    let blocked_by = Memo::new(move |_| {
        template.with(|t| {
            if !t.strict_order {
                return None;
            }
            session
                .doc
                .with(|d| first_incomplete(d, t))
                .and_then(|i| t.sections.get(i).map(|s| s.title.clone()))
        })
    });
    let count = move || template.with(|t| t.sections.len());
    // Keep the index inside the template after a switch.
    Effect::new(move |_| {
        let n = count();
        if current.get_untracked() >= n && n > 0 {
            current.set(n - 1);
        }
    });
    let app = crate::state::use_app();
    let go = move |i: usize| {
        if state.with_untracked(|s| s.get(i).is_some_and(|x| x.1)) {
            current.set(i);
            // Once the new section is on screen, move focus to its heading so
            // keyboard and screen-reader users start at its top.
            set_timeout(
                move || {
                    if let Some(h) = app.find_id("guided-section-title") {
                        let _ = h.focus();
                    }
                },
                std::time::Duration::ZERO,
            );
        }
    };
    view! {
        <div class="guided">
            <nav class="section-nav" aria-label="Sections">
                <ol>
                    {move || template.with(|t| t.sections.iter().enumerate().map(|(i, s)| {
                        let title = s.title.clone();
                        let complete = move || state.with(|st| st.get(i).is_some_and(|x| x.0));
                        let open = move || state.with(|st| st.get(i).is_some_and(|x| x.1));
                        view! {
                            <li>
                                <button type="button" class="section-link"
                                    class:is-current=move || current.get() == i
                                    class:is-complete=complete
                                    aria-current=move || (current.get() == i).then_some("step")
                                    disabled=move || !open()
                                    on:click=move |_| go(i)>
                                    <span class="tick" aria-hidden="true">{move || if complete() { "✓" } else { "" }}</span>
                                    {title}
                                    <span class="visually-hidden">{move || if complete() { " (complete)" } else if !open() { " (locked)" } else { "" }}</span>
                                </button>
                            </li>
                        }
                    }).collect_view())}
                </ol>
                {move || blocked_by.get().map(|title| view! {
                    <p class="hint strict-note">{format!("This template is filled in order: complete \u{201c}{title}\u{201d} to open the sections after it.")}</p>
                })}
            </nav>
            <div class="guided-main">
                // Keyed For, not a closure: a closure would rebuild the previous
                // section's controls in place, and a textarea the writer typed in
                // keeps its typed value whatever its new content says.
                <For each=move || [(current.get(), template.with(|t| t.id.clone()))] key=|k| k.clone() let:k>
                    {
                        let i = k.0;
                        match template.with_untracked(|t| t.sections.get(i).cloned()) {
                            Some(section) => view! { <GuidedSection session=session section=section index=i total=count() state=state go=Callback::new(go) /> }.into_any(),
                            None => view! { <p>"This template has no sections."</p> }.into_any(),
                        }
                    }
                </For>
            </div>
        </div>
    }
}

#[component]
fn GuidedSection(
    session: Session,
    section: Section,
    index: usize,
    total: usize,
    state: Memo<Vec<(bool, bool)>>,
    go: Callback<usize>,
) -> impl IntoView {
    let s2 = section.clone();
    let missing = Memo::new(move |_| {
        session.doc.with(|d| {
            missing_fields(d, &s2)
                .iter()
                .map(|f| f.label())
                .collect::<Vec<_>>()
        })
    });
    let next_open = move || state.with(|s| s.get(index + 1).is_some_and(|x| x.1));
    let good = (!section.good_example.is_empty()).then(|| section.good_example.clone());
    let bad = (!section.bad_example.is_empty()).then(|| section.bad_example.clone());
    let required = section
        .required
        .iter()
        .map(|f| f.label())
        .collect::<Vec<_>>();
    view! {
        <div class="guided-section">
            <p class="step-count">{format!("Section {} of {total}", index + 1)}</p>
            <h2 id="guided-section-title" tabindex="-1">{section.title.clone()}</h2>
            {(!section.help.is_empty()).then(|| view! { <p class="section-help">{section.help.clone()}</p> })}
            {(good.is_some() || bad.is_some()).then(|| view! {
                <div class="examples">
                    {good.map(|g| view! { <div class="example example-good"><h3>"A good example"</h3><p>{g}</p></div> })}
                    {bad.map(|b| view! { <div class="example example-bad"><h3>"A weak example"</h3><p>{b}</p></div> })}
                </div>
            })}
            {(!required.is_empty()).then(|| view! {
                <p class="required-note">{format!("Required: {}.", required.join(", "))}</p>
            })}
            <div class="section-fields">{section_fields(session, &section)}</div>
            <p class="section-state" role="status">{move || {
                let m = missing.get();
                if m.is_empty() { "This section is complete.".to_owned() } else { format!("Still needed: {}.", m.join(", ")) }
            }}</p>
            <div class="guided-nav">
                <button type="button" class="btn" disabled=index == 0 on:click=move |_| go.run(index.saturating_sub(1))>"Back"</button>
                {(index + 1 < total).then(|| view! {
                    <button type="button" class="btn btn-primary" disabled=move || !next_open() on:click=move |_| go.run(index + 1)>"Next"</button>
                })}
            </div>
        </div>
    }
}

#[component]
pub fn FullView(session: Session, template: Memo<Template>) -> impl IntoView {
    let complete = Memo::new(move |_| {
        template.with(|t| {
            session.doc.with(|d| {
                t.sections
                    .iter()
                    .map(|s| section_complete(d, s))
                    .collect::<Vec<_>>()
            })
        })
    });
    view! {
        <div class="full">
            // Keyed by template so a switch gets fresh controls (see GuidedView).
            <For each=move || [template.with(|t| t.id.clone())] key=|k| k.clone() let:_k>
            {template.with_untracked(|t| t.sections.iter().enumerate().map(|(i, s)| {
                // A plain block, not a labelled region: the region's name would
                // repeat the label of the field inside ("Summary").
                let heading = format!("full-{}", s.id);
                view! {
                    <div class="section">
                        <h2 id=heading>
                            {s.title.clone()}
                            <span class="section-done" aria-hidden="true">{move || if complete.with(|c| c.get(i).copied().unwrap_or(false)) { " ✓" } else { "" }}</span>
                        </h2>
                        {(!s.help.is_empty()).then(|| view! { <p class="hint">{s.help.clone()}</p> })}
                        {section_fields(session, s)}
                    </div>
                }
            }).collect_view())}
            </For>
        </div>
    }
}

/// Content kept in the document that the template does not show. The list
/// is taken when the template changes (not on every keystroke), so a field
/// does not vanish while it is being emptied.
#[component]
pub fn MoreFields(session: Session, template: Memo<Template>) -> impl IntoView {
    // A field the checklist asked for that this template does not show is
    // offered here too, empty as it is.
    let go = use_context::<GoTo>();
    let outside = Memo::new(move |_| {
        let asked = go.and_then(|g| g.0.get());
        template.with(|t| {
            let mut out = session.doc.with_untracked(|d| fields_outside(d, t));
            let wanted = asked
                .filter(|k| t.section_showing(k).is_none())
                .and_then(|k| FieldId::showing(&k));
            if let Some(field) = wanted {
                if !out
                    .iter()
                    .any(|o| o.field.covers(&field) || field.covers(&o.field))
                {
                    out.push(OutsideField {
                        label: field.label(),
                        field,
                    });
                }
            }
            out
        })
    });
    // Hundreds of extra sections are drawn a part at a time.
    let keys =
        Memo::new(move |_| outside.with(|o| o.iter().map(|o| o.field.key()).collect::<Vec<_>>()));
    let window = Window::of(keys);
    let shown = move || {
        window.shown.with(|keys| {
            let keys: std::collections::HashSet<&String> = keys.iter().collect();
            outside.with(|o| {
                o.iter()
                    .filter(|o| keys.contains(&o.field.key()))
                    .cloned()
                    .collect::<Vec<_>>()
            })
        })
    };
    view! {
        <Show when=move || !outside.with(|o| o.is_empty())>
            <section class="section more-fields" aria-labelledby="more-fields-title">
                <h2 id="more-fields-title">"More fields"</h2>
                <p class="hint">"Content this template does not show. It is kept, exported and comes back with any template that shows it."</p>
                <For each=shown key=|o| o.field.key() let:o>
                    {field_view(session, &o.field, &o.label, "")}
                </For>
                <MoreRows window=window noun="fields" />
            </section>
        </Show>
    }
}

/// "Kept but not shown in this template: …", after a template switch.
#[component]
pub fn OutsideNotice(session: Session, template: Memo<Template>) -> impl IntoView {
    let labels = Memo::new(move |_| {
        template.with(|t| {
            session.doc.with_untracked(|d| {
                fields_outside(d, t)
                    .into_iter()
                    .map(|o| o.label)
                    .collect::<Vec<_>>()
            })
        })
    });
    view! {
        <Show when=move || !labels.with(|l| l.is_empty())>
            // One line until opened: a long list must not push the document
            // below the fold.
            <details class="notice notice-info outside-notice">
                <summary>{move || match labels.with(Vec::len) {
                    1 => "1 field with content is not shown in this template".to_owned(),
                    n => format!("{n} fields with content are not shown in this template"),
                }}</summary>
                <p>{move || format!("Kept but not shown in this template: {}. You will find them under \u{201c}More fields\u{201d}.", labels.with(|l| some_of(l, 8)))}</p>
            </details>
        </Show>
    }
}

/// "a, b, c and 40 more": a long list named in a sentence.
fn some_of(items: &[String], n: usize) -> String {
    if items.len() <= n {
        return items.join(", ");
    }
    format!("{} and {} more", items[..n].join(", "), items.len() - n)
}
