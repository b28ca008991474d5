//! Linter settings: rules switched off for this document (stored in it) or
//! for every document (in the app settings), and the team's own phrases,
//! which can be shared as a JSON file.

use afterword_core::lint::{phrases_from_json, phrases_to_json, rules, CustomPhrase, LintSettings};
use leptos::prelude::*;

use crate::browser::download;
use crate::components::fields::dom_id;
use crate::components::lint_state::LintState;
use crate::session::Session;

#[component]
pub fn LintSettingsPanel(session: Session) -> impl IntoView {
    let Some(lint) = use_context::<LintState>() else {
        return ().into_any();
    };
    let error = RwSignal::new(String::new());
    let save = move |new: LintSettings| match lint.save_settings(new) {
        Ok(()) => error.set(String::new()),
        Err(e) => error.set(e),
    };
    // Built only while open: the settings form is long and rarely used.
    let open = RwSignal::new(false);
    let toggled = move |ev: leptos::ev::Event| {
        let now_open = ev
            .target()
            .and_then(|t| js_sys::Reflect::get(&t, &"open".into()).ok())
            .and_then(|v| v.as_bool())
            .unwrap_or(false);
        open.set(now_open);
    };
    view! {
        <details class="lint-card lint-settings" on:toggle=toggled>
            <summary><h2 class="lint-h">"Language rules and team phrases"</h2></summary>
            <Show when=move || open.get()>
            <div class="lint-body">
                <For each=move || lint.settings_problems.get() key=|p| p.clone() let:p>
                    <p class="lint-problem" role="alert">{p}</p>
                </For>
                <Show when=move || error.with(|e| !e.is_empty())>
                    <p class="lint-problem" role="alert">{move || error.get()}</p>
                </Show>
                <RuleTable session=session lint=lint save=save />
                <Phrases lint=lint save=save />
            </div>
            </Show>
        </details>
    }
    .into_any()
}

#[component]
fn RuleTable(
    session: Session,
    lint: LintState,
    save: impl Fn(LintSettings) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    // One memo for every row: a keystroke elsewhere in the document leaves
    // the rules as they were and redraws no row.
    let disabled = Memo::new(move |_| session.doc.with(|d| d.disabled_rules.clone()));
    let rows = rules()
        .iter()
        .map(|r| {
            let id = r.id;
            let here_id = dom_id("rule-doc");
            let all_id = dom_id("rule-all");
            let on_here = move || disabled.with(|d| !d.iter().any(|x| x == id));
            let on_all = move || {
                lint.settings
                    .with(|s| !s.disabled_rules.iter().any(|x| x == id))
            };
            view! {
                <tr>
                    <th scope="row"><code>{id}</code><span class="lint-desc">{r.description}</span></th>
                    <td>
                        <input id=here_id.clone() type="checkbox" prop:checked=on_here
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                session.edit(|d| {
                                    d.disabled_rules.retain(|x| x != id);
                                    if !on { d.disabled_rules.push(id.to_owned()); }
                                });
                            } />
                        <label for=here_id class="visually-hidden">{format!("{id}: on for this document")}</label>
                    </td>
                    <td>
                        <input id=all_id.clone() type="checkbox" prop:checked=on_all
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                let mut s = lint.settings.get_untracked();
                                s.disabled_rules.retain(|x| x != id);
                                if !on { s.disabled_rules.push(id.to_owned()); }
                                save(s);
                            } />
                        <label for=all_id class="visually-hidden">{format!("{id}: on for all documents")}</label>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h3>"Rules"</h3>
        <p class="hint">"Switch a rule off here for this document, or for every document in this browser."</p>
        <div class="lint-table-wrap">
            <table class="lint-rules">
                <thead><tr><th scope="col">"Rule"</th><th scope="col">"This document"</th><th scope="col">"All documents"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

#[component]
fn Phrases(
    lint: LintState,
    save: impl Fn(LintSettings) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let phrase = RwSignal::new(String::new());
    let message = RwSignal::new(String::new());
    let suggestion = RwSignal::new(String::new());
    let import_text = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let (p_id, m_id, s_id, i_id) = (
        dom_id("phrase"),
        dom_id("phrase-msg"),
        dom_id("phrase-sugg"),
        dom_id("phrase-import"),
    );
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let p = phrase.get_untracked().trim().to_owned();
        if p.is_empty() {
            note.set("Type the phrase to avoid first.".into());
            return;
        }
        let mut s = lint.settings.get_untracked();
        if s.custom_phrases
            .iter()
            .any(|c| c.phrase.eq_ignore_ascii_case(&p))
        {
            note.set(format!("\u{201c}{p}\u{201d} is already in the list."));
            return;
        }
        let m = message.get_untracked().trim().to_owned();
        s.custom_phrases.push(CustomPhrase {
            phrase: p.clone(),
            message: if m.is_empty() {
                "Your team chose to avoid this phrase.".into()
            } else {
                m
            },
            suggestion: Some(suggestion.get_untracked().trim().to_owned())
                .filter(|s| !s.is_empty()),
        });
        save(s);
        phrase.set(String::new());
        message.set(String::new());
        suggestion.set(String::new());
        note.set(format!("Added \u{201c}{p}\u{201d}."));
    };
    let export = move |_| {
        let json = lint
            .settings
            .with_untracked(|s| phrases_to_json(&s.custom_phrases));
        if let Err(e) = download("afterword-team-phrases.json", "application/json", &json) {
            note.set(format!("The file could not be made: {e}"));
        }
    };
    let import = move |_| match phrases_from_json(&import_text.get_untracked()) {
        Err(e) => note.set(e),
        Ok((new, problems)) => {
            let mut s = lint.settings.get_untracked();
            let mut added = 0;
            for p in new {
                if !s
                    .custom_phrases
                    .iter()
                    .any(|c| c.phrase.eq_ignore_ascii_case(&p.phrase))
                {
                    s.custom_phrases.push(p);
                    added += 1;
                }
            }
            save(s);
            import_text.set(String::new());
            let mut msg = format!(
                "Imported {added} new phrase{}.",
                if added == 1 { "" } else { "s" }
            );
            for p in problems {
                msg.push(' ');
                msg.push_str(&p);
            }
            note.set(msg);
        }
    };
    view! {
        <h3>"Team phrases"</h3>
        <p class="hint">"Words your team prefers to avoid, flagged in every document in this browser."</p>
        <ul class="lint-list">
            <For
                each=move || lint.settings.with(|s| s.custom_phrases.clone())
                key=|c| c.phrase.clone()
                let:c
            >
                {
                    let p = c.phrase.clone();
                    view! {
                        <li class="lint-item">
                            <span class="lint-kept-text">"\u{201c}" {c.phrase.clone()} "\u{201d}"</span>
                            {c.suggestion.clone().map(|s| view! { <span class="lint-rule">" → " {s}</span> })}
                            <p class="lint-msg">{c.message.clone()}</p>
                            <button type="button" class="btn btn-small btn-quiet"
                                aria-label=format!("Remove the phrase {}", c.phrase)
                                on:click=move |_| {
                                    let mut s = lint.settings.get_untracked();
                                    s.custom_phrases.retain(|x| x.phrase != p);
                                    save(s);
                                }>"Remove"</button>
                        </li>
                    }
                }
            </For>
        </ul>
        <form class="lint-phrase-form" on:submit=add>
            <div class="field">
                <label for=p_id.clone()>"Phrase to avoid"</label>
                <input id=p_id type="text" prop:value=move || phrase.get() on:input=move |ev| phrase.set(event_target_value(&ev)) />
            </div>
            <div class="field">
                <label for=m_id.clone()>"Why (shown with the finding)"</label>
                <input id=m_id type="text" prop:value=move || message.get() on:input=move |ev| message.set(event_target_value(&ev)) />
            </div>
            <div class="field">
                <label for=s_id.clone()>"Suggested wording (optional)"</label>
                <input id=s_id type="text" prop:value=move || suggestion.get() on:input=move |ev| suggestion.set(event_target_value(&ev)) />
            </div>
            <button type="submit" class="btn btn-small">"Add phrase"</button>
        </form>
        <p class="lint-status" role="status" aria-live="polite">{move || note.get()}</p>
        <div class="lint-share">
            <button type="button" class="btn btn-small" on:click=export>"Download phrases (JSON)"</button>
            <div class="field">
                <label for=i_id.clone()>"Import phrases: paste a shared JSON file"</label>
                <textarea id=i_id rows="3" prop:value=move || import_text.get()
                    on:input=move |ev| import_text.set(event_target_value(&ev))></textarea>
            </div>
            <button type="button" class="btn btn-small" on:click=import>"Import phrases"</button>
        </div>
    }
}
