//! The Templates screen (`#/templates`): lists the built-in and custom
//! templates, makes custom ones from built-ins, edits them (names, guidance,
//! section order, sections added or removed), saves them in the library,
//! deletes them, and moves them between teams as JSON files.

use afterword_core::template::{
    builtin_templates, custom_template_id, template_from_json, template_to_json, validate_template,
    Template, MAX_TEMPLATE_BYTES,
};
use leptos::prelude::*;

use crate::browser::{download, entropy, now};
use crate::components::file_button::FileButton;
use crate::components::prefs;
use crate::components::transfer::{read_text, wrong_kind_message};
use crate::state::{use_app, AppState};

/// A message shown under the list: good news or a problem.
#[derive(Clone, PartialEq)]
enum Note {
    Done(String),
    Problem(String),
}

/// An imported template whose id is already used by a custom template.
#[derive(Clone)]
struct Clash {
    incoming: Template,
    existing_name: String,
    /// The person chose "Replace" and is asked to confirm.
    confirming: bool,
}

/// Writes the whole list of custom templates. Entries this version cannot
/// read are kept as they were, so a newer app's templates are not lost.
fn write_all(app: &AppState, list: &[Template]) -> Result<(), String> {
    app.library().save_templates(list).map_err(|e| format!("The templates could not be saved: {e}. Your edits are kept on this screen; free some space (for example by emptying the trash) and save again."))
}

/// "Customer follow-up" → "customer-follow-up", for file names.
fn file_slug(name: &str) -> String {
    let slug = afterword_core::words::slug(name, '-', 60);
    if slug.is_empty() {
        "template".to_owned()
    } else {
        slug
    }
}

#[component]
pub fn TemplatesPage() -> impl IntoView {
    let app = use_app();
    let customs = RwSignal::new(prefs::custom_templates(&app));
    let editing: RwSignal<Option<Template>> = RwSignal::new(None);
    // Bumped when the editor's form must be drawn again (sections moved,
    // added or removed; another template opened).
    let rev = RwSignal::new(0u32);
    let note: RwSignal<Option<Note>> = RwSignal::new(None);
    let deleting: RwSignal<Option<String>> = RwSignal::new(None);
    let clash: RwSignal<Option<Clash>> = RwSignal::new(None);

    let open = move |t: Template| {
        editing.set(Some(t));
        rev.update(|r| *r += 1);
        note.set(None);
        app.focus_later("tpl-name");
    };
    let new_from = move |base: Template| {
        let id = custom_template_id(now(), entropy());
        let t = base.customised(id, &format!("{} (custom)", base.name));
        open(t);
    };
    let export = move |t: Template| {
        let name = format!("afterword-template-{}.json", file_slug(&t.name));
        match download(&name, "application/json", &template_to_json(&t)) {
            Ok(()) => note.set(Some(Note::Done(format!(
                "Exported “{}” as {name}.",
                t.name
            )))),
            Err(e) => note.set(Some(Note::Problem(format!("Export failed: {e}.")))),
        }
    };
    let delete = move |id: String| {
        let mut list = customs.get_untracked();
        let name = list
            .iter()
            .find(|t| t.id == id)
            .map(|t| t.name.clone())
            .unwrap_or_default();
        list.retain(|t| t.id != id);
        match write_all(&app, &list) {
            Ok(()) => {
                customs.set(list);
                deleting.set(None);
                if editing.with_untracked(|e| e.as_ref().is_some_and(|t| t.id == id)) {
                    editing.set(None);
                }
                note.set(Some(Note::Done(format!(
                    "Deleted “{name}”. Drafts that used it keep all their content and now show the Standard template's sections in the standard order."
                ))));
            }
            Err(e) => note.set(Some(Note::Problem(e))),
        }
    };

    let builtin_list = builtin_templates()
        .into_iter()
        .map(|t| {
            let count = afterword_core::words::count(t.sections.len(), "section", "sections");
            let label = format!("New from {}", t.name);
            let base = t.clone();
            view! {
                <li class="tpl-item">
                    <div class="tpl-item-text">
                        <span class="tpl-item-name">{t.name.clone()}</span>
                        <span class="hint">{t.description.clone()}" · "{count}</span>
                    </div>
                    <button type="button" class="btn btn-small" on:click=move |_| new_from(base.clone())>{label}</button>
                </li>
            }
        })
        .collect_view();

    let custom_list = move || {
        let list = customs.get();
        if list.is_empty() {
            return view! { <p class="hint">"No custom templates yet. Start one from a built-in template, or import a file another team shared."</p> }.into_any();
        }
        view! {
            <ul class="tpl-list" aria-label="Custom templates">
                {list.into_iter().map(|t| {
                    let (t1, t2) = (t.clone(), t.clone());
                    let id = t.id.clone();
                    let id2 = t.id.clone();
                    let name = t.name.clone();
                    let confirm = move || deleting.get().as_deref() == Some(id2.as_str());
                    view! {
                        <li class="tpl-item">
                            <div class="tpl-item-text">
                                <span class="tpl-item-name">{t.name.clone()}</span>
                                <span class="hint">{afterword_core::words::count(t.sections.len(), "section", "sections")}</span>
                            </div>
                            <div class="tpl-item-actions">
                                <button type="button" class="btn btn-small" on:click=move |_| open(t1.clone())>"Edit"<span class="visually-hidden">" "{name.clone()}</span></button>
                                <button type="button" class="btn btn-small" on:click=move |_| export(t2.clone())>"Export"<span class="visually-hidden">" "{name.clone()}</span></button>
                                <button type="button" class="btn btn-small btn-quiet" on:click={let id = id.clone(); move |_| deleting.set(Some(id.clone()))}>"Delete"<span class="visually-hidden">" "{name.clone()}</span></button>
                            </div>
                            <Show when=confirm.clone()>
                                <div class="tpl-confirm" role="alert">
                                    <p>{format!("Delete “{}”? Drafts that use it keep all their content; they will show the Standard template's sections in the standard order.", t.name)}</p>
                                    <button type="button" class="btn btn-danger btn-small" on:click={let id = id.clone(); move |_| delete(id.clone())}>"Delete template"</button>
                                    <button type="button" class="btn btn-small" on:click=move |_| deleting.set(None)>"Keep it"</button>
                                </div>
                            </Show>
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
        .into_any()
    };

    view! {
        <div class="templates-page">
            <h1>"Templates"</h1>
            <p class="hint">"A template decides which sections a postmortem has, in what order, with what help. Built-in templates cannot be changed; make a custom copy and shape it for your team."</p>
            <NoteView note=note />
            <section aria-labelledby="tpl-custom-title">
                <h2 id="tpl-custom-title">"Custom templates"</h2>
                {custom_list}
                <ImportTemplate customs=customs note=note clash=clash />
            </section>
            <Editor customs=customs editing=editing rev=rev note=note />
            <section aria-labelledby="tpl-builtin-title">
                <h2 id="tpl-builtin-title">"Built-in templates"</h2>
                <ul class="tpl-list" aria-label="Built-in templates">{builtin_list}</ul>
            </section>
        </div>
    }
}

#[component]
fn NoteView(
    note: RwSignal<Option<Note>>,
    #[prop(default = "template-note")] testid: &'static str,
) -> impl IntoView {
    view! {
        <div role="status" aria-live="polite" class="tpl-note-area" data-testid=testid>
            {move || match note.get() {
                Some(Note::Done(m)) => view! { <p class="tpl-note">{m}</p> }.into_any(),
                Some(Note::Problem(m)) => view! { <p class="tpl-note tpl-problem">{m}</p> }.into_any(),
                None => ().into_any(),
            }}
        </div>
    }
}

#[component]
fn Editor(
    customs: RwSignal<Vec<Template>>,
    editing: RwSignal<Option<Template>>,
    rev: RwSignal<u32>,
    note: RwSignal<Option<Note>>,
) -> impl IntoView {
    let app = use_app();
    // Save results are shown next to the Save button, where the eye is.
    let save_note: RwSignal<Option<Note>> = RwSignal::new(None);
    // Another template opened: the last save result was about the previous one.
    let open_id = Memo::new(move |_| editing.with(|e| e.as_ref().map(|t| t.id.clone())));
    Effect::new(move |_| {
        open_id.track();
        save_note.set(None);
    });
    let edit = move |f: &dyn Fn(&mut Template)| {
        editing.update(|e| {
            if let Some(t) = e.as_mut() {
                f(t)
            }
        })
    };
    let structural = move |f: &dyn Fn(&mut Template)| {
        edit(f);
        rev.update(|r| *r += 1);
    };
    let save = move |_| {
        let Some(t) = editing.get_untracked() else {
            return;
        };
        let problems = validate_template(&t);
        if !problems.is_empty() {
            let what = if t.name.trim().is_empty() {
                "This template".to_owned()
            } else {
                format!("“{}”", t.name.trim())
            };
            save_note.set(Some(Note::Problem(format!(
                "{what} was not saved: fix the {} listed above first.",
                afterword_core::words::count(problems.len(), "problem", "problems")
            ))));
            return;
        }
        let mut list = customs.get_untracked();
        match list.iter_mut().find(|c| c.id == t.id) {
            Some(c) => *c = t.clone(),
            None => list.push(t.clone()),
        }
        match write_all(&app, &list) {
            Ok(()) => {
                customs.set(list);
                save_note.set(Some(Note::Done(format!(
                    "Saved “{}”. It is offered when you start a new postmortem.",
                    t.name
                ))));
            }
            Err(e) => save_note.set(Some(Note::Problem(e))),
        }
    };
    let close = move |_| {
        editing.set(None);
        note.set(None);
        save_note.set(None);
    };

    let form = move || {
        rev.get();
        let Some(t) = editing.get_untracked() else {
            return ().into_any();
        };
        let n = t.sections.len();
        let sections = t
            .sections
            .iter()
            .enumerate()
            .map(|(i, s)| section_view(i, n, s.clone(), edit, structural))
            .collect_view();
        let add_title = RwSignal::new(String::new());
        let add_text = move |_| {
            let title = add_title.get_untracked();
            if title.trim().is_empty() {
                save_note.set(Some(Note::Problem(
                    "Give the new section a title first.".into(),
                )));
                return;
            }
            structural(&|t| {
                t.add_text_section(&title);
            });
            let last = editing.with_untracked(|e| e.as_ref().map_or(0, |t| t.sections.len()));
            app.focus_later(format!("tpl-sec-{}-title", last.saturating_sub(1)));
        };
        let from_builtin: Vec<(String, String)> = builtin_templates()
            .into_iter()
            .flat_map(|b| {
                let bname = b.name.clone();
                b.sections.into_iter().map(move |s| {
                    (
                        format!("{}/{}", b.id, s.id),
                        format!("{} — {}", bname, s.title),
                    )
                })
            })
            .collect();
        let picked = RwSignal::new(String::new());
        let add_builtin = move |_| {
            let key = picked.get_untracked();
            let Some((tid, sid)) = key.split_once('/') else {
                save_note.set(Some(Note::Problem("Choose a section to add first.".into())));
                return;
            };
            let Some(section) = builtin_templates()
                .into_iter()
                .find(|b| b.id == tid)
                .and_then(|b| b.sections.into_iter().find(|s| s.id == sid))
            else {
                return;
            };
            structural(&|t| {
                t.add_section(section.clone());
            });
            let last = editing.with_untracked(|e| e.as_ref().map_or(0, |t| t.sections.len()));
            app.focus_later(format!("tpl-sec-{}-title", last.saturating_sub(1)));
        };
        view! {
            <div class="tpl-fields">
                <div class="field">
                    <label for="tpl-name">"Template name"</label>
                    <input id="tpl-name" type="text" value=t.name.clone() on:input=move |ev| { let v = event_target_value(&ev); edit(&|t| t.name = v.clone()) } />
                </div>
                <div class="field">
                    <label for="tpl-desc">"Description"</label>
                    <textarea id="tpl-desc" rows="2" on:input=move |ev| { let v = event_target_value(&ev); edit(&|t| t.description = v.clone()) }>{t.description.clone()}</textarea>
                </div>
                <div class="field field-check">
                    <input id="tpl-strict" type="checkbox" checked=t.strict_order on:change=move |ev| { let v = event_target_checked(&ev); edit(&|t| t.strict_order = v) } />
                    <label for="tpl-strict">"Sections must be filled in order"</label>
                </div>
            </div>
            <h3>"Sections"</h3>
            <ol class="tpl-sections">{sections}</ol>
            <div class="tpl-add">
                <div class="field">
                    <label for="tpl-add-title">"New free-text section title"</label>
                    <input id="tpl-add-title" type="text" on:input=move |ev| add_title.set(event_target_value(&ev)) />
                </div>
                <button type="button" class="btn" on:click=add_text>"Add free-text section"</button>
            </div>
            <div class="tpl-add">
                <div class="field">
                    <label for="tpl-add-builtin">"Section from a built-in template"</label>
                    <select id="tpl-add-builtin" on:change=move |ev| picked.set(event_target_value(&ev))>
                        <option value="">"Choose a section"</option>
                        {from_builtin.into_iter().map(|(k, l)| view! { <option value=k>{l}</option> }).collect_view()}
                    </select>
                </div>
                <button type="button" class="btn" on:click=add_builtin>"Add section"</button>
            </div>
        }
        .into_any()
    };

    let problems = move || editing.with(|e| e.as_ref().map(validate_template).unwrap_or_default());

    view! {
        <Show when=move || editing.with(Option::is_some)>
            <section class="tpl-editor" aria-labelledby="tpl-editor-title">
                <h2 id="tpl-editor-title">{move || format!("Editing “{}”", editing.with(|e| e.as_ref().map(|t| t.name.clone()).unwrap_or_default()))}</h2>
                {form}
                <div class="tpl-problems" data-testid="template-problems">
                    {move || {
                        let list = problems();
                        if list.is_empty() {
                            return ().into_any();
                        }
                        view! {
                            <p><strong>"This template cannot be saved yet:"</strong></p>
                            <ul>
                                {list.into_iter().map(|p| view! { <li><code>{if p.path.is_empty() { "template".to_owned() } else { p.path.clone() }}</code>": "{p.message.clone()}</li> }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                </div>
                <div class="tpl-editor-actions">
                    <button type="button" class="btn btn-primary" on:click=save>"Save template"</button>
                    <button type="button" class="btn" on:click=close>"Close editor"</button>
                </div>
                <NoteView note=save_note testid="template-save-note" />
            </section>
        </Show>
    }
}

fn section_view(
    i: usize,
    n: usize,
    s: afterword_core::template::Section,
    edit: impl Fn(&dyn Fn(&mut Template)) + Copy + 'static,
    structural: impl Fn(&dyn Fn(&mut Template)) + Copy + 'static,
) -> impl IntoView {
    let app = use_app();
    let base = format!("tpl-sec-{i}");
    let (title_id, help_id, good_id, bad_id) = (
        format!("{base}-title"),
        format!("{base}-help"),
        format!("{base}-good"),
        format!("{base}-bad"),
    );
    let heading = format!("Section {} of {n}", i + 1);
    let name = s.title.clone();
    let set_help = move |which: u8, v: String| {
        edit(&|t| {
            if let Some(sec) = t.sections.get(i) {
                let (mut h, mut g, mut b) = (
                    sec.help.clone(),
                    sec.good_example.clone(),
                    sec.bad_example.clone(),
                );
                match which {
                    0 => h = v.clone(),
                    1 => g = v.clone(),
                    _ => b = v.clone(),
                }
                t.set_help(i, &h, &g, &b);
            }
        })
    };
    let last = i + 1 >= n;
    let fields: Vec<String> = s.fields.iter().map(|f| f.label()).collect();
    let move_to = move |to: usize, focus: &'static str| {
        structural(&|t| {
            t.move_section(i, to);
        });
        let target = if to == 0 && focus == "up" {
            "down"
        } else if to + 1 == n && focus == "down" {
            "up"
        } else {
            focus
        };
        app.focus_later(format!("tpl-sec-{to}-{target}"));
    };
    view! {
        <li class="tpl-section">
            <p class="tpl-section-head">{heading}<span class="hint">{format!(" · shows {}", if fields.is_empty() { "no fields".to_owned() } else { fields.join(", ") })}</span></p>
            <div class="field">
                <label for=title_id.clone()>"Section title"</label>
                <input id=title_id type="text" value=s.title.clone() on:input=move |ev| { let v = event_target_value(&ev); edit(&|t| { t.rename_section(i, &v); }) } />
            </div>
            <div class="field">
                <label for=help_id.clone()>"Help text"</label>
                <textarea id=help_id rows="2" on:input=move |ev| set_help(0, event_target_value(&ev))>{s.help.clone()}</textarea>
            </div>
            <div class="tpl-examples">
                <div class="field">
                    <label for=good_id.clone()>"Good example"</label>
                    <textarea id=good_id rows="2" on:input=move |ev| set_help(1, event_target_value(&ev))>{s.good_example.clone()}</textarea>
                </div>
                <div class="field">
                    <label for=bad_id.clone()>"Example to avoid"</label>
                    <textarea id=bad_id rows="2" on:input=move |ev| set_help(2, event_target_value(&ev))>{s.bad_example.clone()}</textarea>
                </div>
            </div>
            <div class="tpl-section-actions">
                <button type="button" id=format!("{base}-up") class="btn btn-small" disabled=i == 0 on:click=move |_| move_to(i.saturating_sub(1), "up")>
                    "Move up"<span class="visually-hidden">" "{name.clone()}</span>
                </button>
                <button type="button" id=format!("{base}-down") class="btn btn-small" disabled=last on:click=move |_| move_to(i + 1, "down")>
                    "Move down"<span class="visually-hidden">" "{name.clone()}</span>
                </button>
                <button type="button" class="btn btn-small btn-quiet" on:click=move |_| {
                    structural(&|t| { t.remove_section(i); });
                    app.focus_later("tpl-add-title");
                }>
                    "Remove section"<span class="visually-hidden">" "{name.clone()}</span>
                </button>
            </div>
        </li>
    }
}

#[component]
fn ImportTemplate(
    customs: RwSignal<Vec<Template>>,
    note: RwSignal<Option<Note>>,
    clash: RwSignal<Option<Clash>>,
) -> impl IntoView {
    let app = use_app();
    let store = move |t: Template, replace: bool| {
        let mut list = customs.get_untracked();
        if replace {
            list.retain(|c| c.id != t.id);
        }
        list.push(t.clone());
        match write_all(&app, &list) {
            Ok(()) => {
                customs.set(list);
                clash.set(None);
                note.set(Some(Note::Done(format!("Imported “{}”.", t.name))));
            }
            Err(e) => note.set(Some(Note::Problem(e))),
        }
    };
    let on_files = Callback::new(move |files: Vec<web_sys::File>| {
        let Some(file) = files.into_iter().next() else {
            return;
        };
        let name = file.name();
        if let Some(why) = wrong_kind_message(&name, &file.type_(), "templates") {
            note.set(Some(Note::Problem(why)));
            return;
        }
        clash.set(None);
        leptos::task::spawn_local(async move {
            let raw = match read_text(&file, MAX_TEMPLATE_BYTES).await {
                Ok(raw) => raw,
                Err(why) => {
                    note.try_set(Some(Note::Problem(format!(
                        "“{name}” was not imported: {why}."
                    ))));
                    return;
                }
            };
            if let Some(id) = afterword_core::template::builtin_id_claimed(&raw) {
                note.try_set(Some(Note::Problem(format!(
                    "“{name}” was not imported: its id “{id}” belongs to a built-in template, which cannot be replaced. Give the template in the file another id and import it again."
                ))));
                return;
            }
            match template_from_json(&raw) {
                Err(e) => {
                    note.try_set(Some(Note::Problem(format!(
                        "“{name}” was not imported, and nothing was changed: {e}."
                    ))));
                }
                Ok(t) => {
                    let existing = customs.get_untracked().into_iter().find(|c| c.id == t.id);
                    match existing {
                        Some(c) => {
                            note.try_set(None);
                            clash.try_set(Some(Clash {
                                incoming: t,
                                existing_name: c.name,
                                confirming: false,
                            }));
                            app.focus_later("tpl-clash-keep");
                        }
                        None => store(t, false),
                    }
                }
            }
        });
    });
    let keep_both = move |_| {
        let Some(c) = clash.get_untracked() else {
            return;
        };
        let mut t = c.incoming;
        t.id = custom_template_id(now(), entropy());
        t.name = format!("{} (imported)", t.name);
        store(t, false);
    };
    let replace = move |_| {
        clash.update(|c| {
            if let Some(c) = c.as_mut() {
                c.confirming = true;
            }
        })
    };
    let confirm_replace = move |_| {
        if let Some(c) = clash.get_untracked() {
            store(c.incoming, true);
        }
    };
    view! {
        <div class="tpl-import">
            <FileButton
                text="Import a template"
                label="Template file to import"
                accept=".json,application/json"
                described_by="tpl-import-help"
                on_files=on_files
            />
            <p class="hint" id="tpl-import-help">"A .json file exported from Afterword's Templates screen."</p>
            {move || clash.get().map(|c| view! {
                <div class="tpl-confirm" role="alert">
                    {if c.confirming {
                        view! {
                            <p>{format!("Replace “{}” with “{}” from the file? The saved version is overwritten.", c.existing_name, c.incoming.name)}</p>
                            <button type="button" class="btn btn-danger btn-small" on:click=confirm_replace>"Yes, replace it"</button>
                            <button type="button" class="btn btn-small" on:click=move |_| clash.set(None)>"Cancel import"</button>
                        }.into_any()
                    } else {
                        view! {
                            <p>{format!("You already have a custom template with this id: “{}”. Keep both, or replace yours with the one in the file?", c.existing_name)}</p>
                            <button type="button" id="tpl-clash-keep" class="btn btn-small" on:click=keep_both>"Keep both"</button>
                            <button type="button" class="btn btn-small" on:click=replace>"Replace"</button>
                            <button type="button" class="btn btn-small btn-quiet" on:click=move |_| clash.set(None)>"Cancel import"</button>
                        }.into_any()
                    }}
                </div>
            })}
        </div>
    }
}
