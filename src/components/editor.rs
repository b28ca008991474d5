//! The editing screen: the editor bar (back, save status, undo/redo, a slot
//! for actions), the start flow for a new draft, then the document laid out
//! by its template in guided or full mode, with room for a side panel.

use afterword_core::template::{builtin_templates, fields_outside, switch_template, Template};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::checklist::{focus_field, jump_to, GoTo};
use crate::components::export_menu::ExportMenu;
use crate::components::guided::{FullView, GuidedView, MoreFields, OutsideNotice, Progress};
use crate::components::prefs::{self, Mode};
use crate::components::start::StartFlow;
use crate::components::status::{NotKept, SaveIndicator, SaveProblem};
use crate::components::workflow::{ClosedBanner, WorkflowPanel};
use crate::session::{OpenDraft, Session};
use crate::state::{use_app, AppState, Route};

/// Opens a session on `doc` for the editor; when the editor goes (another
/// screen, or the embedding page removing it) the draft is saved, or kept
/// under a recovery key if it cannot be.
fn open_session(app: AppState, doc: afterword_core::model::Postmortem) -> Session {
    let session = app.open_session(doc);
    let open = OpenDraft::expect();
    open.0.set(Some(session));
    let presence = session.announce_presence();
    on_cleanup(move || {
        session.keep_if_closing(false);
        session.withdraw_presence();
        if let Some(p) = presence {
            p.clear();
        }
        open.0.set(None);
    });
    session
}

#[component]
pub fn EditorPage(id: String) -> impl IntoView {
    let app = use_app();
    // A draft storage refused is held in this tab, whatever storage says.
    if let Some(doc) = app.guard.unstored(&id) {
        let session = open_session(app, doc);
        session.not_stored();
        return view! { <Editor session=session /> }.into_any();
    }
    let opened = app.library().open(&id);
    let adopting = app.guard.take_adopting(&id);
    // A kept version opened here is this tab's to settle: no longer offered
    // on the panel of versions closed tabs kept.
    if let Some((key, _)) = adopting.as_ref().filter(|(k, _)| !k.is_empty()) {
        app.guard.own(key, true);
    }
    match opened {
        Ok(Some(doc)) => {
            let session = open_session(app, doc.clone());
            if let Some((key, kept)) = adopting {
                session.adopt(kept, key, Some(doc));
            }
            view! { <Editor session=session /> }.into_any()
        }
        Ok(None) if adopting.is_some() => {
            let Some((key, kept)) = adopting else {
                return ().into_any();
            };
            let session = open_session(app, kept.clone());
            session.adopt(kept, key, None);
            view! { <Editor session=session /> }.into_any()
        }
        Ok(None) => view! {
            <div class="panel panel-warn">
                <h1>"No such draft"</h1>
                <p>"This draft is not stored in this browser. It may have been deleted for good, or it lives in another browser."</p>
                <a href="#/" on:click=move |_| app.route.set(Route::Home)>"Back to all postmortems"</a>
            </div>
        }
        .into_any(),
        Err(e) => view! {
            <div class="panel panel-error" role="alert">
                <h1>"This draft could not be read"</h1>
                <p>{e}</p>
                <p>"It is kept as it was. Go back to the list to download its raw text."</p>
                <a href="#/" on:click=move |_| { app.reload(); app.route.set(Route::Home) }>"Back to all postmortems"</a>
            </div>
        }
        .into_any(),
    }
}

/// A draft just created and never edited: the start flow is offered.
fn just_created(session: Session) -> bool {
    let nothing = Template {
        id: String::new(),
        name: String::new(),
        description: String::new(),
        sections: Vec::new(),
        strict_order: false,
        plain_words: false,
        builtin: false,
    };
    // Every field with content is "outside" a template with no sections.
    session
        .doc
        .with_untracked(|d| d.revision == 1 && fields_outside(d, &nothing).is_empty())
}

#[component]
fn Editor(session: Session) -> impl IntoView {
    let app = use_app();
    let title = Memo::new(move |_| session.doc.with(|d| d.display_title().to_owned()));
    // A locked template (set by an embedding page) leaves nothing to choose.
    let starting = RwSignal::new(just_created(session) && app.locked_template().is_none());
    let mode = RwSignal::new(prefs::mode(&app, &session.id()));
    let current = RwSignal::new(0usize);
    let template_id = Memo::new(move |_| session.doc.with(|d| d.template.clone()));
    let template: Memo<Template> =
        Memo::new(move |_| template_id.with(|id| prefs::template_for(&app, id)));
    provide_context(crate::components::fields::TemplateWords(Memo::new(
        move |_| template.with(Template::words),
    )));
    // The checklist's "Go to it" for a field not on screen: guided mode
    // opens the section that shows it; "More fields" shows the others.
    let go = GoTo(RwSignal::new(None));
    provide_context(go);
    Effect::new(move |_| {
        let Some(key) = go.0.get() else { return };
        if mode.get_untracked() == Mode::Guided {
            let open = session.doc.with_untracked(|d| {
                template.with_untracked(|t| {
                    t.section_showing(&key)
                        .filter(|&i| afterword_core::template::can_open(d, t, i))
                })
            });
            if let Some(i) = open {
                current.set(i);
            }
        }
    });
    let (undo_n, redo_n) = (
        Memo::new(move |_| session.undo_depth.get().0),
        Memo::new(move |_| session.undo_depth.get().1),
    );
    let locked = Memo::new(move |_| {
        session
            .doc
            .with(|d| d.workflow.status == afterword_core::model::WorkflowStatus::Closed)
    });
    // Document-level undo: Ctrl+Z / Ctrl+Shift+Z (or Ctrl+Y), Cmd on a Mac.
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if starting.get_untracked() || !(ev.ctrl_key() || ev.meta_key()) || ev.alt_key() {
            return;
        }
        let key = ev.key().to_lowercase();
        let redo = (key == "z" && ev.shift_key()) || key == "y";
        let undo = key == "z" && !ev.shift_key();
        if undo || redo {
            ev.prevent_default();
            step_back_or_forward(app, session, redo);
        }
    });
    on_cleanup(move || keys.remove());
    // Read-only is shown as the whole document: guided mode's steps are
    // for writing.
    Effect::new(move |_| {
        if locked.get() {
            mode.set(Mode::Full);
        }
    });
    let set_mode = move |m: Mode| {
        mode.set(m);
        if let Err(e) = prefs::set_mode(&app, &session.id(), m) {
            app.notify(format!("The editing mode will not be remembered: {e}."));
        }
    };
    let finish_start = Callback::new(move |m: Mode| {
        mode.set(m);
        current.set(0);
        starting.set(false);
        // The screen that follows the start flow begins at its heading.
        app.focus_later(match m {
            Mode::Guided => "guided-section-title",
            Mode::Full => "editor-title",
        });
    });
    // Focus goes where the writer's attention goes once the editor is
    // drawn: the start flow's first question for a new draft, the place a
    // link asked for (an action item opened from the review), or else the
    // place to write.
    let asked = app.take_focus_on_open(&session.id());
    // An editor an embedding page shows on its own opens with the page: it
    // must not take the keyboard from the page around it.
    let opened_by_person =
        !app.is_embedded() || matches!(app.route.get_untracked(), Route::Draft(_));
    request_animation_frame(move || {
        if !app.is_alive() || !opened_by_person {
            return;
        }
        if starting.get_untracked() {
            app.focus_later("triage-title");
        } else if let Some(target) = asked {
            jump_to(app, Some(go), &target);
        } else {
            focus_place_to_write(app, session, mode.get_untracked(), template, current);
        }
    });
    crate::components::lint_state::LintState::provide(session, use_app());
    // Leaving a field saves at once.
    let saved_on_blur = move |_: leptos::ev::FocusEvent| session.flush();
    view! {
        <article class="editor" aria-labelledby="editor-title" on:focusout=saved_on_blur>
            <div class="editor-bar">
                <a class="back" href="#/">"←"<span class="bar-label">" All postmortems"</span></a>
                <SaveIndicator session=session />
                <div class="editor-actions">
                    <Show when=move || !starting.get()>
                        <button type="button" class="btn btn-small" disabled=move || { undo_n.get() == 0 || locked.get() }
                            aria-keyshortcuts="Control+Z" on:click=move |_| step_back_or_forward(app, session, false)>
                            <span class="bar-icon" aria-hidden="true">"↶"</span><span class="bar-label">"Undo"</span>
                        </button>
                        <button type="button" class="btn btn-small" disabled=move || { redo_n.get() == 0 || locked.get() }
                            aria-keyshortcuts="Control+Shift+Z" on:click=move |_| step_back_or_forward(app, session, true)>
                            <span class="bar-icon" aria-hidden="true">"↷"</span><span class="bar-label">"Redo"</span>
                        </button>
                    </Show>
                    <ExportMenu session=session />
                </div>
            </div>
            <h1 id="editor-title" class="editor-title" tabindex="-1">{title}</h1>
            <NotKept session=session />
            <SaveProblem session=session />
            <crate::components::team::TeamConflict session=session />
            <crate::components::team::TeamShare session=session />
            <ClosedBanner session=session />
            {move || if starting.get() {
                view! { <StartFlow session=session done=finish_start /> }.into_any()
            } else {
                view! {
                    <div class="editor-tools">
                        <div class="mode-switch" role="group" aria-label="Editing mode">
                            <button type="button" class="btn btn-small" aria-pressed=move || (mode.get() == Mode::Guided).to_string()
                                on:click=move |_| set_mode(Mode::Guided)>"Guided"</button>
                            <button type="button" class="btn btn-small" aria-pressed=move || (mode.get() == Mode::Full).to_string()
                                on:click=move |_| set_mode(Mode::Full)>"Full document"</button>
                        </div>
                        <fieldset class="form-lock" disabled=move || locked.get()>
                            <legend class="visually-hidden">"Template"</legend>
                            <TemplateSelect session=session template=template />
                        </fieldset>
                    </div>
                    <Progress session=session template=template />
                    <OutsideNotice session=session template=template />
                    <div class="editor-layout">
                        <div class="editor-main">
                            // Keyed by epoch: a document replaced from outside (another
                            // tab, a conflict choice, undo) gets fresh controls.
                            // A closed postmortem is read-only: every control of the
                            // form is disabled at once.
                            <fieldset class="form-lock" disabled=move || locked.get()>
                                <legend class="visually-hidden">"The postmortem"</legend>
                                <For each=move || [session.epoch.get()] key=|epoch| *epoch let:_epoch>
                                    <EditorForm session=session template=template mode=mode current=current />
                                </For>
                            </fieldset>
                        </div>
                        <div class="editor-side">
                            <crate::components::lint_panel::LintPanel session=session />
                        </div>
                        <crate::components::lint_panel::LintBar />
                    </div>
                    // After the document: the title field stays the first control.
                    <WorkflowPanel session=session />
                }
                .into_any()
            }}
        </article>
    }
}

/// The title; in guided mode the first required field of the open section
/// that is still empty, or its heading when none is.
fn focus_place_to_write(
    app: AppState,
    session: Session,
    mode: Mode,
    template: Memo<Template>,
    current: RwSignal<usize>,
) {
    if mode == Mode::Full {
        focus_field(&app, "title");
        return;
    }
    let empty = template.with_untracked(|t| {
        let section = t.sections.get(current.get_untracked())?;
        session.doc.with_untracked(|d| {
            section
                .required
                .iter()
                .find(|f| !f.has_content(d))
                .map(|f| f.key())
        })
    });
    if !empty.is_some_and(|key| focus_field(&app, &key)) {
        app.focus_later("guided-section-title");
    }
}

/// Undoes (or redoes) one step. The form is drawn anew for the restored
/// document, so the keyboard is put back on the same control, with the caret
/// where it was.
fn step_back_or_forward(app: AppState, session: Session, redo: bool) {
    let spot = FormSpot::read(&app);
    let changed = if redo { session.redo() } else { session.undo() };
    if let (true, Some(spot)) = (changed, spot) {
        request_animation_frame(move || spot.restore(&app));
    }
}

/// Where the keyboard is in the document form: the field it is in, by its
/// key (stable when rows come and go), or else its place among the controls.
struct FormSpot {
    field: Option<String>,
    index: usize,
    caret: Option<u32>,
}

impl FormSpot {
    fn controls(app: &AppState) -> Vec<web_sys::HtmlElement> {
        let Some(form) = app.find(".doc-form") else {
            return Vec::new();
        };
        let Ok(list) = form.query_selector_all("input, textarea, select") else {
            return Vec::new();
        };
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|n| n.dyn_into().ok())
            .collect()
    }

    fn read(app: &AppState) -> Option<FormSpot> {
        let controls = Self::controls(app);
        let root = controls.first()?.get_root_node();
        // The document's or, when embedded, the shadow root's.
        let active: web_sys::Element =
            js_sys::Reflect::get(&root, &wasm_bindgen::JsValue::from_str("activeElement"))
                .ok()?
                .dyn_into()
                .ok()?;
        let index = controls
            .iter()
            .position(|c| c.is_same_node(Some(&active)))?;
        let control = &controls[index];
        let caret = if let Some(t) = control.dyn_ref::<web_sys::HtmlTextAreaElement>() {
            t.selection_end().ok().flatten()
        } else if let Some(i) = control.dyn_ref::<web_sys::HtmlInputElement>() {
            i.selection_end().ok().flatten()
        } else {
            None
        };
        Some(FormSpot {
            field: control.get_attribute("data-field"),
            index,
            caret,
        })
    }

    fn restore(&self, app: &AppState) {
        let controls = Self::controls(app);
        let by_field = self.field.as_ref().and_then(|f| {
            controls
                .iter()
                .find(|c| c.get_attribute("data-field").as_ref() == Some(f))
        });
        let Some(control) = by_field.or_else(|| controls.get(self.index)) else {
            return;
        };
        let _ = control.focus();
        if let Some(caret) = self.caret {
            if let Some(t) = control.dyn_ref::<web_sys::HtmlTextAreaElement>() {
                let at = caret.min(t.value().encode_utf16().count() as u32);
                let _ = t.set_selection_range(at, at);
            } else if let Some(i) = control.dyn_ref::<web_sys::HtmlInputElement>() {
                let at = caret.min(i.value().encode_utf16().count() as u32);
                let _ = i.set_selection_range(at, at);
            }
        }
    }
}

#[component]
fn EditorForm(
    session: Session,
    template: Memo<Template>,
    mode: RwSignal<Mode>,
    current: RwSignal<usize>,
) -> impl IntoView {
    // Moving to another field starts a new undo step.
    let focus = move |ev: leptos::ev::FocusEvent| {
        if ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|e| matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
        {
            session.break_step();
        }
    };
    view! {
        <form class="doc-form" on:submit=|ev| ev.prevent_default() on:focusin=focus>
            {move || match mode.get() {
                Mode::Guided => view! { <GuidedView session=session template=template current=current /> }.into_any(),
                Mode::Full => view! { <FullView session=session template=template /> }.into_any(),
            }}
            <MoreFields session=session template=template />
        </form>
    }
}

/// Switching template keeps every field; what the new one does not show is
/// listed by [`OutsideNotice`] and stays editable under "More fields".
#[component]
fn TemplateSelect(session: Session, template: Memo<Template>) -> impl IntoView {
    let app = use_app();
    let all = StoredValue::new(
        builtin_templates()
            .into_iter()
            .chain(prefs::custom_templates(&app))
            .collect::<Vec<Template>>(),
    );
    let current = template.with_untracked(|t| t.id.clone());
    let known = all.with_value(|a| a.iter().any(|t| t.id == current));
    // An embedding page can lock the template; the document keeps it.
    let locked = app.locked_template().is_some();
    view! {
        <div class="field field-inline">
            <label for="template-select">"Template"</label>
            <select id="template-select" disabled=locked aria-describedby=locked.then_some("template-locked") prop:value=move || template.with(|t| t.id.clone()) on:change=move |ev| {
                let id = event_target_value(&ev);
                if let Some(t) = all.with_value(|a| a.iter().find(|t| t.id == id).cloned()) {
                    session.break_step();
                    session.edit(|d| { switch_template(d, &t); });
                    session.break_step();
                }
            }>
                {(!known).then(|| view! { <option value=current.clone() selected>{format!("{current} (not in this browser)")}</option> })}
                {all.get_value().into_iter().map(|t| {
                    let selected = t.id == current;
                    view! { <option value=t.id.clone() selected=selected>{t.name.clone()}</option> }
                }).collect_view()}
            </select>
            {locked.then(|| view! { <span class="hint" id="template-locked">"Set by this page"</span> })}
        </div>
    }
}
