//! The side panel of the editor: every blameless-language finding of the
//! document grouped by field, with its explanation and rewrites, the
//! findings the team chose to keep, the "Before you share" checklist and the
//! linter settings.

use afterword_core::lint::DocFinding;
use afterword_core::model::Dismissal;
use leptos::prelude::*;

use crate::components::checklist::BeforeYouShare;
use crate::components::lint_settings::LintSettingsPanel;
use crate::components::lint_state::LintState;
use crate::session::Session;

/// Wider than this, the panel starts open beside the form.
const WIDE_PX: f64 = 960.0;

/// The findings of one field, for the panel's grouping.
#[derive(Clone, PartialEq)]
struct Group {
    field: String,
    label: String,
    findings: Vec<DocFinding>,
}

fn groups(all: &[DocFinding]) -> Vec<Group> {
    let mut out: Vec<Group> = Vec::new();
    for f in all.iter().filter(|f| f.dismissed.is_none()) {
        match out.last_mut() {
            Some(g) if g.field == f.field.as_str() => g.findings.push(f.clone()),
            _ => out.push(Group {
                field: f.field.0.clone(),
                label: f.label.clone(),
                findings: vec![f.clone()],
            }),
        }
    }
    out
}

fn is_wide() -> bool {
    window()
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64())
        .is_some_and(|w| w >= WIDE_PX)
}

#[component]
pub fn LintPanel(session: Session) -> impl IntoView {
    let Some(lint) = use_context::<LintState>() else {
        return ().into_any();
    };
    let grouped = Memo::new(move |_| lint.findings.with(|all| groups(all)));
    let open_count = Memo::new(move |_| {
        lint.findings
            .with(|all| all.iter().filter(|f| f.dismissed.is_none()).count())
    });
    let summary = move || match open_count.get() {
        0 => "Blameless language: nothing to review".to_owned(),
        1 => "Blameless language: 1 finding".to_owned(),
        n => format!("Blameless language: {n} findings"),
    };
    let dismissals = Memo::new(move |_| session.doc.with(|d| d.dismissals.clone()));
    let aside = NodeRef::<leptos::html::Aside>::new();
    mark_layout(aside);
    view! {
        <aside class="lint-panel" aria-label="Review before sharing" node_ref=aside>
            <details class="lint-card" id="lint-findings" open=is_wide()>
                <summary id="lint-findings-summary"><h2 class="lint-h">{summary}</h2></summary>
                <div class="lint-body">
                    <p class="lint-status" role="status" aria-live="polite">{move || lint.message.get()}</p>
                    <Show when=move || lint.rewrite.with(Option::is_some)>
                        <p class="lint-undo">
                            <button type="button" class="btn btn-small" on:click=move |_| lint.undo_rewrite()>
                                "Undo rewrite"
                            </button>
                        </p>
                    </Show>
                    <Show
                        when=move || { open_count.get() > 0 }
                        fallback=|| view! {
                            <p class="hint">"Nothing reads as blame. Findings appear here as you write."</p>
                        }
                    >
                        <For each=move || grouped.get() key=|g| g.field.clone() let:group>
                            <FieldGroup lint=lint field=group.field.clone() label=group.label.clone() />
                        </For>
                    </Show>
                    <Show when=move || dismissals.with(|d| !d.is_empty())>
                        <details class="lint-kept">
                            <summary>{move || format!("Kept on purpose ({})", dismissals.with(Vec::len))}</summary>
                            <ul class="lint-list">
                                <For
                                    each=move || dismissals.get()
                                    key=|d| d.fingerprint.clone()
                                    let:d
                                >
                                    <KeptItem lint=lint dismissal=d />
                                </For>
                            </ul>
                        </details>
                    </Show>
                </div>
            </details>
            <BeforeYouShare session=session />
            <LintSettingsPanel session=session />
        </aside>
    }
    .into_any()
}

/// The classes the layout around the panel is drawn by while the panel is
/// on screen: the page's main column widens for it (`aw-main-lint`) and the
/// editor gives it a column (`editor-layout-side`).
///
/// Set here rather than found by the style sheet with `:has()`: a `:has()`
/// rule over the editor is checked again on every change below it (each
/// keystroke redraws a mirror, a count and findings), which restyled the
/// whole editor on every key.
const LAYOUT_MARKS: [(&str, &str); 2] = [
    (".aw-main", "aw-main-lint"),
    (".editor-layout", "editor-layout-side"),
];

fn mark_layout(aside: NodeRef<leptos::html::Aside>) {
    let marked = StoredValue::new_local(Vec::<(web_sys::Element, &'static str)>::new());
    aside.on_load(move |el| {
        let found: Vec<_> = LAYOUT_MARKS
            .iter()
            .filter_map(|(around, class)| {
                let e = el.closest(around).ok().flatten()?;
                e.class_list().add_1(class).ok()?;
                Some((e, *class))
            })
            .collect();
        let _ = marked.try_set_value(found);
    });
    on_cleanup(move || {
        if let Some(found) = marked.try_update_value(std::mem::take) {
            for (e, class) in found {
                let _ = e.class_list().remove_1(class);
            }
        }
    });
}

#[component]
fn FieldGroup(lint: LintState, field: String, label: String) -> impl IntoView {
    let f2 = field.clone();
    let items = Memo::new(move |_| {
        lint.findings.with(|all| {
            all.iter()
                .filter(|f| f.field.as_str() == f2 && f.dismissed.is_none())
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="lint-group">
            <h3 class="lint-field">{label}</h3>
            <ul class="lint-list">
                <For
                    each=move || items.get()
                    key=|f| (f.finding.fingerprint().to_owned(), f.finding.span.offset)
                    let:f
                >
                    <FindingItem lint=lint finding=f />
                </For>
            </ul>
        </section>
    }
}

#[component]
fn FindingItem(lint: LintState, finding: DocFinding) -> impl IntoView {
    let asking = RwSignal::new(false);
    let reason = RwSignal::new(String::new());
    let reason_id = crate::components::fields::dom_id("dismiss");
    let f = StoredValue::new(finding.clone());
    let jump = move |_| {
        f.with_value(|f| {
            if !lint.focus_span(f.field.as_str(), f.finding.span.offset, f.finding.span.end) {
                lint.message
                    .set(format!("{} is not shown on this screen.", f.label));
            }
        })
    };
    let fixes = finding
        .finding
        .suggestions
        .iter()
        .take(3)
        .map(|s| {
            let s = s.clone();
            let text = if s.is_empty() {
                format!("Remove \u{201c}{}\u{201d}", finding.finding.text)
            } else {
                format!("Apply rewrite: \u{201c}{s}\u{201d}")
            };
            view! {
                <button type="button" class="btn btn-small lint-apply"
                    on:click=move |_| f.with_value(|f| lint.apply(f, &s))>{text}</button>
            }
        })
        .collect_view();
    let confirm = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let why = reason.get_untracked();
        if why.trim().is_empty() {
            lint.message
                .set("Say why this wording stays, so reviewers see the reason.".into());
            return;
        }
        f.with_value(|f| lint.dismiss(f, &why));
        asking.set(false);
    };
    view! {
        <li class="lint-item">
            <button type="button" class="lint-jump" on:click=jump
                title="Go to this text in the form">
                "\u{201c}" {finding.finding.text.clone()} "\u{201d}"
            </button>
            <span class="lint-rule">"Rule " <code>{finding.finding.rule.clone()}</code></span>
            <p class="lint-msg">{finding.finding.message.clone()}</p>
            <div class="lint-actions">
                {fixes}
                <button type="button" class="btn btn-small btn-quiet" aria-expanded=move || asking.get().to_string()
                    on:click=move |_| asking.update(|a| *a = !*a)>"Dismiss…"</button>
            </div>
            <Show when=move || asking.get()>
                <form class="lint-dismiss" on:submit=confirm>
                    <label for=reason_id.clone()>"Why does this wording stay?"</label>
                    <input id=reason_id.clone() type="text" placeholder="e.g. quoted from the customer's report"
                        on:input=move |ev| reason.set(event_target_value(&ev)) />
                    <div class="lint-actions">
                        <button type="submit" class="btn btn-small">"Keep this wording"</button>
                        <button type="button" class="btn btn-small btn-quiet" on:click=move |_| asking.set(false)>"Cancel"</button>
                    </div>
                </form>
            </Show>
        </li>
    }
}

#[component]
fn KeptItem(lint: LintState, dismissal: Dismissal) -> impl IntoView {
    let fp = dismissal.fingerprint.clone();
    let reason = if dismissal.reason.trim().is_empty() {
        "No reason given".to_owned()
    } else {
        dismissal.reason.clone()
    };
    view! {
        <li class="lint-item lint-item-kept">
            <span class="lint-kept-text">"\u{201c}" {dismissal.text.clone()} "\u{201d}"</span>
            <span class="lint-rule"><code>{dismissal.rule.clone()}</code></span>
            <p class="lint-msg">"Reason: " {reason}</p>
            <button type="button" class="btn btn-small btn-quiet" on:click=move |_| lint.restore(&fp)>
                "Restore"
            </button>
        </li>
    }
}

/// On a narrow screen the panel sits after the whole form; this bar stays
/// at the bottom of the screen while the person writes, says how many
/// findings there are, and takes them to the list in one tap.
#[component]
pub fn LintBar() -> impl IntoView {
    let Some(lint) = use_context::<LintState>() else {
        return ().into_any();
    };
    let app = crate::state::use_app();
    let open_count = Memo::new(move |_| {
        lint.findings
            .with(|all| all.iter().filter(|f| f.dismissed.is_none()).count())
    });
    let label = move || match open_count.get() {
        0 => "No blameless-language findings".to_owned(),
        1 => "1 finding".to_owned(),
        n => format!("{n} findings"),
    };
    let show_list = move |_| {
        let Some(card) = app.find_id("lint-findings") else {
            return;
        };
        let _ = card.set_attribute("open", "");
        card.scroll_into_view();
        if let Some(summary) = app.find_id("lint-findings-summary") {
            let _ = summary.focus();
        }
    };
    view! {
        <div class="lint-bar">
            <button
                type="button"
                class="btn lint-bar-button"
                class:has-findings=move || { open_count.get() > 0 }
                aria-controls="lint-findings"
                on:click=show_list
            >
                {label}
            </button>
        </div>
    }
    .into_any()
}
