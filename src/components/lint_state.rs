//! The blameless-language findings of the open draft, kept current as the
//! person types, and the actions on them (rewrite, undo, dismiss, restore).
//!
//! The whole document is linted when it is opened and whenever something
//! that changes every field's findings changes (settings, switched-off rules,
//! dismissals, the names in the document, rows added or removed). Typing in
//! one field re-lints only that field, so a long document never slows typing.

use std::collections::HashMap;
use std::rc::Rc;
use std::time::Duration;

use afterword_core::lint::{
    self, dismissal_for, document_config, lint_field, lint_part, lint_parts, DocFinding, Finding,
    LintConfig, LintMode, LintPart, LintSettings, TextField,
};
use afterword_core::model::{Dismissal, Postmortem};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser::now;
use crate::session::Session;
use crate::state::{css_string, AppState};

/// Fields shorter than this are linted after every keystroke (once its
/// frame is drawn); longer ones once typing pauses for [`LINT_DELAY`].
const INSTANT_LINT_BYTES: usize = 4_000;
const LINT_DELAY: Duration = Duration::from_millis(150);
/// Fields longer than this are linted a part of about [`PART_BYTES`] at a
/// time, one part per task, so a pass over a huge field never holds the
/// page for more than a frame.
const PARTS_FROM_BYTES: usize = 16_000;
const PART_BYTES: usize = 6_000;

/// A rewrite just applied from the panel, kept so it can be undone.
#[derive(Clone, Debug, PartialEq)]
pub struct Rewrite {
    pub field: String,
    pub label: String,
    pub before: String,
    pub after: String,
    pub from: String,
    pub to: String,
}

#[derive(Clone, Copy)]
pub struct LintState {
    pub session: Session,
    pub app: AppState,
    /// The linter's part of the app-wide settings.
    pub settings: RwSignal<LintSettings>,
    /// What could not be read from the stored settings.
    pub settings_problems: RwSignal<Vec<String>>,
    /// Every finding of the document, in reading order.
    pub findings: RwSignal<Vec<DocFinding>>,
    pub rewrite: RwSignal<Option<Rewrite>>,
    /// A short outcome of the last panel action, read out politely.
    pub message: RwSignal<String>,
    timers: StoredValue<HashMap<String, TimeoutHandle>>,
    /// The latest pass over each long field; an older pass still running
    /// stops when it sees a newer number.
    passes: StoredValue<HashMap<String, u64>>,
    /// A digest of each field's text as last linted while typing, so a
    /// keystroke that leaves the text as it was lints nothing.
    linted: StoredValue<HashMap<String, u64>>,
    /// Short fields waiting to be linted after the frame of the keystroke
    /// that changed them, with what to run once they are.
    soon: StoredValue<HashMap<String, After>, LocalStorage>,
}

/// What runs once a field's findings are in place.
type After = Rc<dyn Fn()>;

/// What, when changed, changes the findings of every field.
#[derive(Clone, PartialEq)]
struct Shape {
    disabled: Vec<String>,
    dismissed: Vec<String>,
    names: Vec<String>,
    rows: Vec<String>,
}

fn shape(d: &Postmortem) -> Shape {
    Shape {
        disabled: d.disabled_rules.clone(),
        dismissed: d.dismissals.iter().map(|x| x.fingerprint.clone()).collect(),
        names: d
            .participants
            .iter()
            .map(|p| p.name.clone())
            .chain([d.owner.clone()])
            .chain(d.reviewers.iter().cloned())
            .chain(d.action_items.iter().map(|a| a.owner.clone()))
            .collect(),
        rows: d
            .timeline
            .iter()
            .map(|e| e.id.clone())
            .chain(d.analysis.contributing_factors.iter().map(|c| c.id.clone()))
            .chain(d.action_items.iter().map(|a| a.id.clone()))
            .chain(d.sections.keys().cloned())
            .collect(),
    }
}

/// Reads the linter settings from storage; problems are returned, not thrown.
pub fn load_settings(app: &AppState) -> (LintSettings, Vec<String>) {
    app.library().lint_settings()
}

impl LintState {
    /// Creates the state for the open draft and makes it available to every
    /// field below the caller.
    pub fn provide(session: Session, app: AppState) -> LintState {
        let (settings, problems) = load_settings(&app);
        let state = LintState {
            session,
            app,
            settings: RwSignal::new(settings),
            settings_problems: RwSignal::new(problems),
            findings: RwSignal::new(Vec::new()),
            rewrite: RwSignal::new(None),
            message: RwSignal::new(String::new()),
            timers: StoredValue::new(HashMap::new()),
            passes: StoredValue::new(HashMap::new()),
            linted: StoredValue::new(HashMap::new()),
            soon: StoredValue::new_local(HashMap::new()),
        };
        state.lint_all();
        // Compared by hand rather than through a memo, so a keystroke in
        // a text field (which changes no shape) costs one cheap comparison.
        Effect::new(move |prev: Option<(Shape, u64, LintSettings)>| {
            let now = (
                session.doc.with(shape),
                session.epoch.get(),
                state.settings.get(),
            );
            if prev.as_ref().is_some_and(|p| *p != now) {
                state.lint_all();
            }
            now
        });
        // Pending lints must not run once the editor has closed.
        on_cleanup(move || {
            let _ = state.timers.try_update_value(|t| {
                for (_, h) in t.drain() {
                    h.clear();
                }
            });
        });
        provide_context(state);
        state
    }

    pub fn global_config(&self) -> LintConfig {
        self.settings.with_untracked(LintSettings::config)
    }

    /// Lints the whole document again: short fields at once, long ones a
    /// part at a time.
    pub fn lint_all(&self) {
        self.linted.update_value(HashMap::clear);
        let global = self.global_config();
        let (found, long) = self.session.doc.with_untracked(|d| {
            let cfg = document_config(d, &global);
            let mut found = Vec::new();
            let mut long = Vec::new();
            for f in lint::text_fields(d) {
                if f.text.trim().is_empty() {
                    continue;
                }
                if is_long(&f) {
                    long.push(f.field.to_string());
                } else {
                    found.extend(lint_field(d, &f, &cfg));
                }
            }
            (found, long)
        });
        self.findings.set(found);
        count_pass();
        for field in long {
            self.lint_in_parts(&field, None);
        }
    }

    /// Lints one field again and puts its findings in reading order.
    pub fn lint_one(&self, field: &str) {
        self.lint_one_then(field, None);
    }

    /// Like [`LintState::lint_one`]; `after` runs once the findings are in
    /// place (for a long field, when its last part is done).
    fn lint_one_then(&self, field: &str, after: Option<Rc<dyn Fn()>>) {
        let long = self
            .session
            .doc
            .with_untracked(|d| lint::text_field(d, field).is_some_and(|f| is_long(&f)));
        if long {
            self.lint_in_parts(field, after);
            return;
        }
        let cfg = self.global_config();
        let fresh = self.session.doc.with_untracked(|d| {
            let target = lint::text_field(d, field)?;
            Some(lint_field(d, &target, &document_config(d, &cfg)))
        });
        self.replace_field_findings(field, fresh);
        if let Some(after) = after {
            after();
        }
    }

    /// Puts `fresh` in place of a field's findings, in reading order; `None`
    /// when the field is gone. Findings that did not change leave the list
    /// (and so every highlight and count) untouched.
    fn replace_field_findings(&self, field: &str, fresh: Option<Vec<DocFinding>>) {
        count_pass();
        let Some(fresh) = fresh else {
            if self
                .findings
                .with_untracked(|all| all.iter().any(|f| f.field.as_str() == field))
            {
                self.findings
                    .update(|all| all.retain(|f| f.field.as_str() != field));
            }
            return;
        };
        let (same, at) = self.findings.with_untracked(|all| {
            let at = all.iter().position(|f| f.field.as_str() == field);
            let old = all.iter().filter(|f| f.field.as_str() == field);
            (
                old.clone().count() == fresh.len() && old.zip(&fresh).all(|(a, b)| a == b),
                at,
            )
        });
        if same {
            return;
        }
        // A field's findings sit together, in reading order of the fields:
        // new ones go where the old ones were, and only a field that had
        // none needs the order of the fields.
        let order = at.is_none().then(|| {
            self.session.doc.with_untracked(|d| {
                lint::text_field_paths(d)
                    .into_iter()
                    .enumerate()
                    .map(|(i, p)| (p, i))
                    .collect::<HashMap<String, usize>>()
            })
        });
        self.findings.update(|all| {
            all.retain(|f| f.field.as_str() != field);
            match (at, order) {
                (Some(at), _) => {
                    let at = at.min(all.len());
                    all.splice(at..at, fresh);
                }
                (None, Some(order)) => {
                    let rank =
                        |f: &DocFinding| order.get(f.field.as_str()).copied().unwrap_or(usize::MAX);
                    let mine = fresh.first().map_or(usize::MAX, rank);
                    let at = all.partition_point(|f| rank(f) <= mine);
                    all.splice(at..at, fresh);
                }
                (None, None) => all.extend(fresh),
            }
        });
    }

    /// Lints a long field one part per task (see [`lint_parts`]) and puts
    /// its findings in place once every part is done. A newer pass over the
    /// same field (the person typed on) makes this one stop.
    fn lint_in_parts(&self, field: &str, after: Option<Rc<dyn Fn()>>) {
        let this = *self;
        let pass = self
            .passes
            .with_value(|p| p.get(field).copied().unwrap_or(0))
            + 1;
        self.passes.update_value(|p| {
            p.insert(field.to_owned(), pass);
        });
        let cfg = self.global_config();
        let Some((text, cfg)) = self.session.doc.with_untracked(|d| {
            lint::text_field(d, field).map(|f| (f.text, document_config(d, &cfg)))
        }) else {
            self.replace_field_findings(field, None);
            return;
        };
        let parts = lint_parts(&text, PART_BYTES);
        let job = PartsJob {
            field: field.to_owned(),
            pass,
            text,
            cfg,
            parts,
            next: 0,
            found: Vec::new(),
            after,
        };
        this.run_part(job);
    }

    fn run_part(self, mut job: PartsJob) {
        let current = self
            .passes
            .try_with_value(|p| p.get(&job.field).copied())
            .flatten();
        if current != Some(job.pass) {
            return;
        }
        if let Some(part) = job.parts.get(job.next) {
            job.found.extend(lint_part(&job.text, part, &job.cfg));
            job.next += 1;
        }
        if job.next < job.parts.len() {
            // Let the page draw and handle input before the next part.
            set_timeout(move || self.run_part(job), Duration::ZERO);
            return;
        }
        let fresh = self.session.doc.with_untracked(|d| {
            let target = lint::text_field(d, &job.field)?;
            if target.text != job.text {
                // Edited meanwhile: the newer pass will fill this in.
                return None;
            }
            Some(
                job.found
                    .into_iter()
                    .map(|finding| DocFinding {
                        dismissed: dismissal_for(d, &finding).cloned(),
                        field: target.field.clone(),
                        label: target.label.clone(),
                        finding,
                    })
                    .collect::<Vec<_>>(),
            )
        });
        if let Some(fresh) = fresh {
            self.replace_field_findings(&job.field, Some(fresh));
            if let Some(after) = job.after {
                after();
            }
        }
    }

    /// Called after each keystroke in a field: lints it right after the
    /// keystroke's frame when it is short, or once typing pauses when it is
    /// long (a long field a part per task, see [`LintState::lint_in_parts`]).
    /// `after` runs once the field is linted.
    ///
    /// `digest` fingerprints the new text: when it is the text last linted,
    /// nothing is linted again.
    pub fn field_changed(&self, field: &str, len: usize, digest: u64, after: impl Fn() + 'static) {
        let unchanged = self
            .linted
            .with_value(|l| l.get(field).copied() == Some(digest));
        if unchanged {
            after();
            return;
        }
        self.linted.update_value(|l| {
            l.insert(field.to_owned(), digest);
        });
        let this = *self;
        let key = field.to_owned();
        self.timers.update_value(|t| {
            if let Some(h) = t.remove(&key) {
                h.clear();
            }
        });
        if len < INSTANT_LINT_BYTES {
            self.lint_after_frame(key, Rc::new(after));
            return;
        }
        let k = key.clone();
        let after: Rc<dyn Fn()> = Rc::new(after);
        let handle = set_timeout_with_handle(
            move || {
                this.timers.update_value(|t| {
                    t.remove(&k);
                });
                this.lint_one_then(&k, Some(after));
            },
            LINT_DELAY,
        )
        .ok();
        if let Some(h) = handle {
            self.timers.update_value(|t| {
                t.insert(key, h);
            });
        }
    }

    /// Lints a short field in a task of its own right after the frame that
    /// shows the keystroke, so the typed character is drawn without waiting
    /// for the linter, the findings and the highlights; the findings follow
    /// in the next frame. Keystrokes before it runs share it: it lints the
    /// text as it is then, and runs the latest `after`.
    fn lint_after_frame(&self, field: String, after: After) {
        let queued = self
            .soon
            .try_update_value(|s| s.insert(field.clone(), after).is_some())
            .unwrap_or(true);
        if queued {
            return;
        }
        let this = *self;
        request_animation_frame(move || {
            set_timeout(
                move || {
                    // Gone with the editor, or taken by a newer pass.
                    let Some(Some(after)) = this.soon.try_update_value(|s| s.remove(&field)) else {
                        return;
                    };
                    this.lint_one(&field);
                    after();
                },
                Duration::ZERO,
            )
        });
    }

    /// Replaces the flagged words with `replacement`, through the form
    /// control when it is on screen so it behaves like typing.
    pub fn apply(&self, f: &DocFinding, replacement: &str) {
        let field = f.field.as_str();
        let Some(current) = self
            .session
            .doc
            .with_untracked(|d| lint::text_field(d, field).map(|t| t.text))
        else {
            self.message
                .set("That field is no longer in the document.".into());
            return;
        };
        let span = f.finding.span;
        if current.get(span.offset..span.end) != Some(f.finding.text.as_str()) {
            self.message.set(
                "The text changed since this was found; nothing was rewritten. Check the field again."
                    .into(),
            );
            self.lint_one(field);
            return;
        }
        let after = format!(
            "{}{}{}",
            &current[..span.offset],
            replacement,
            &current[span.end..]
        );
        self.write_field(field, &after);
        self.rewrite.set(Some(Rewrite {
            field: field.to_owned(),
            label: f.label.clone(),
            before: current,
            after,
            from: f.finding.text.clone(),
            to: replacement.to_owned(),
        }));
        self.message.set(if replacement.is_empty() {
            format!("Removed \u{201c}{}\u{201d}.", f.finding.text)
        } else {
            format!(
                "Rewrote \u{201c}{}\u{201d} as \u{201c}{}\u{201d}.",
                f.finding.text, replacement
            )
        });
    }

    /// Puts back the text from before the last rewrite, unless the field
    /// was edited since (then undoing would throw that edit away).
    pub fn undo_rewrite(&self) {
        let Some(r) = self.rewrite.get_untracked() else {
            return;
        };
        let current = self
            .session
            .doc
            .with_untracked(|d| lint::text_field(d, &r.field).map(|t| t.text));
        if current.as_deref() != Some(r.after.as_str()) {
            self.message.set(format!(
                "{} was edited after the rewrite, so it was left as it is. Use the browser's undo in the field instead.",
                r.label
            ));
            self.rewrite.set(None);
            return;
        }
        self.write_field(&r.field, &r.before);
        self.rewrite.set(None);
        self.message
            .set(format!("Put back \u{201c}{}\u{201d}.", r.from));
    }

    /// Writes a field's whole text: into its control (which saves it like
    /// typing does) or, when the control is not on screen, into the document.
    fn write_field(&self, field: &str, text: &str) {
        if let Some(control) = self.control(field) {
            set_control_value(&control, text);
            if let Ok(ev) = web_sys::Event::new("input") {
                let _ = control.dispatch_event(&ev);
            }
            return;
        }
        let field_owned = field.to_owned();
        let text = text.to_owned();
        self.session.edit(|d| {
            lint::set_field_text(d, &field_owned, text);
        });
        self.session.epoch.update(|e| *e += 1);
    }

    /// Records that the team keeps this wording, and why.
    pub fn dismiss(&self, f: &DocFinding, reason: &str) {
        let d = Dismissal {
            fingerprint: f.finding.fingerprint().to_owned(),
            rule: f.finding.rule.clone(),
            text: f.finding.text.clone(),
            reason: reason.trim().to_owned(),
            at: now(),
            extra: Default::default(),
        };
        self.session.edit(|doc| {
            doc.dismissals.retain(|x| x.fingerprint != d.fingerprint);
            doc.dismissals.push(d);
        });
        self.message
            .set(format!("Kept \u{201c}{}\u{201d}.", f.finding.text));
    }

    pub fn restore(&self, fingerprint: &str) {
        self.session
            .edit(|doc| doc.dismissals.retain(|x| x.fingerprint != fingerprint));
        self.message.set("The finding is back in the list.".into());
    }

    /// Saves the linter settings, keeping every other stored setting.
    pub fn save_settings(&self, new: LintSettings) -> Result<(), String> {
        self.app
            .library()
            .save_lint_settings(&new)
            .map_err(|e| format!("The settings could not be saved: {e}."))?;
        self.settings.set(new);
        self.settings_problems.set(Vec::new());
        Ok(())
    }

    /// The form control of a field (the field controls mark each with
    /// `data-lint-field`).
    pub fn control(&self, field: &str) -> Option<web_sys::HtmlElement> {
        self.app
            .find(&format!("[data-lint-field=\"{}\"]", css_string(field)))
    }

    /// Focuses a field's control and selects `[start, end)` (byte offsets).
    pub fn focus_span(&self, field: &str, start: usize, end: usize) -> bool {
        let Some(control) = self.control(field) else {
            return false;
        };
        let text = control_value(&control);
        let utf16 = |b: usize| {
            text.get(..b.min(text.len()))
                .map(|s| s.encode_utf16().count() as u32)
                .unwrap_or(0)
        };
        control.scroll_into_view_with_bool(false);
        let _ = control.focus();
        if let Some(t) = control.dyn_ref::<web_sys::HtmlTextAreaElement>() {
            let _ = t.set_selection_range(utf16(start), utf16(end));
        } else if let Some(i) = control.dyn_ref::<web_sys::HtmlInputElement>() {
            let _ = i.set_selection_range(utf16(start), utf16(end));
        }
        true
    }
}

/// A pass over a long field, part by part.
struct PartsJob {
    field: String,
    pass: u64,
    text: String,
    cfg: LintConfig,
    parts: Vec<LintPart>,
    next: usize,
    found: Vec<Finding>,
    after: Option<Rc<dyn Fn()>>,
}

/// Counts finished lint passes on the page (`data-lint-passes` on the root
/// element), so a benchmark can tell when findings are up to date.
fn count_pass() {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let n = root
        .get_attribute("data-lint-passes")
        .and_then(|v| v.parse::<u64>().ok())
        .unwrap_or(0);
    let _ = root.set_attribute("data-lint-passes", &(n + 1).to_string());
}

/// Whether a field is long enough to be linted a part at a time.
fn is_long(f: &TextField) -> bool {
    f.mode == LintMode::Prose && f.text.len() > PARTS_FROM_BYTES
}

pub fn control_value(el: &web_sys::Element) -> String {
    if let Some(t) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        t.value()
    } else if let Some(i) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        i.value()
    } else {
        String::new()
    }
}

fn set_control_value(el: &web_sys::Element, text: &str) {
    if let Some(t) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        t.set_value(text)
    } else if let Some(i) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        i.set_value(text)
    }
}
