//! Form controls bound to a field of the open document.
//!
//! Each control reads its starting value once and then only writes: the
//! form is rebuilt when the document is replaced from outside, so typing
//! never waits for a re-render of the whole document.

use afterword_core::field::{FieldKind, FieldSpec, FieldValue, Slot};
use afterword_core::model::Postmortem;
use afterword_core::template::{Words, TEXT_PREFIX};
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;

use crate::components::lint_state::{control_value, LintState};
use crate::session::Session;

static NEXT_ID: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// A unique DOM id for tying a label to its control.
pub fn dom_id(stem: &str) -> String {
    let n = NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    format!("aw-{stem}-{n}")
}

/// The words the open draft's template labels its fields with, for the
/// editor's controls (provided by the editor).
#[derive(Clone, Copy)]
pub struct TemplateWords(pub Memo<Words>);

/// The open template's words; the usual ones outside an editor. Read when a
/// control is built: the form is built anew when the template changes.
pub fn words() -> Words {
    use_context::<TemplateWords>()
        .and_then(|w| w.0.try_get_untracked())
        .unwrap_or_default()
}

thread_local! {
    /// False while a section whose own help says what to write builds its
    /// one field: the field's hint would say it again.
    static HINTS: std::cell::Cell<bool> = const { std::cell::Cell::new(true) };
}

/// `hint`, or nothing inside [`without_hints`].
pub fn field_hint(hint: &'static str) -> &'static str {
    if HINTS.with(std::cell::Cell::get) {
        hint
    } else {
        ""
    }
}

/// Builds `f` with field hints left out (see [`field_hint`]).
pub fn without_hints<T>(f: impl FnOnce() -> T) -> T {
    let was = HINTS.with(|h| h.replace(false));
    let out = f();
    HINTS.with(|h| h.set(was));
    out
}

/// The control of one field of the field table, labelled and hinted from
/// it and marked with its key (`data-field`), which is how the checklist,
/// the linter and the undo history find it again. Lists have editors of
/// their own (see `sections::field_view`).
pub fn spec_field(session: Session, spec: &'static FieldSpec) -> AnyView {
    let words = words();
    let (key, label) = (spec.key, spec.label_in(words));
    let hint = field_hint(spec.hint_in(words));
    match &spec.value {
        FieldValue::Text {
            slot,
            multiline,
            linted,
        } => {
            let (get, get_mut) = (slot.get, slot.get_mut);
            let target = Target {
                kind: if *multiline { Kind::Multi } else { Kind::Line },
                class: "field",
                field: key.to_owned(),
                linted: *linted,
            };
            text_control(
                session,
                label.to_owned(),
                hint,
                target,
                move |d| get(d).clone(),
                move |d, v| *get_mut(d) = v,
            )
            .into_any()
        }
        FieldValue::Time(slot) => utc_time_field(session, key, label, slot).into_any(),
        FieldValue::Date(slot) => date_field(session, key, label, slot).into_any(),
        FieldValue::Count(slot) => number_field(session, key, (label, hint), slot, "", parse_count),
        FieldValue::Percent(slot) => {
            number_field(session, key, (label, hint), slot, "%", parse_percent)
        }
        FieldValue::Choice(c) => {
            let options = std::iter::once(("", "Not set"))
                .chain((c.choices)().into_iter().map(|c| (c.key, c.label)))
                .collect();
            let (get, set) = (c.get, c.set);
            select_field(
                session,
                key,
                (label, hint),
                options,
                move |d| get(d).unwrap_or(""),
                set,
            )
            .into_any()
        }
        FieldValue::List(_) => ().into_any(),
    }
}

/// A free-text section of the document (`doc.sections[key]`), labelled by
/// the template's section title.
pub fn section_text_field(session: Session, key: String, label: String) -> impl IntoView {
    let target = Target {
        kind: Kind::Multi,
        class: "field",
        field: format!("{TEXT_PREFIX}{key}"),
        linted: true,
    };
    let read = key.clone();
    text_control(
        session,
        label,
        "",
        target,
        move |d| d.sections.get(&read).cloned().unwrap_or_default(),
        move |d, v| {
            d.sections.insert(key.clone(), v);
        },
    )
}

/// How a text field is drawn and where the linter finds it.
struct Target {
    kind: Kind,
    /// The wrapper's class.
    class: &'static str,
    /// The field's key or row path (`data-field`).
    field: String,
    /// Highlighted by the linter (when the editor has one).
    linted: bool,
}

/// The main text of one row of a list field (a timeline event's text, a
/// contributing factor, an action item's title), highlighted like every
/// other text field. The field table says where the text is read and
/// written, whether it runs to several lines (a text area that grows with
/// it) and its path (`timeline[ev-1].text`), for the linter and for
/// `data-field`. The form words the label itself ("What happened" where
/// the report's column says "Event"); `class` sizes the field within the row.
pub fn row_text(
    session: Session,
    list: &'static str,
    id: String,
    label: &'static str,
    class: &'static str,
) -> impl IntoView {
    let (spec, row, text) = afterword_core::field::spec(list)
        .and_then(|spec| {
            let row = spec.rows().iter().find(|r| r.text.is_some())?;
            Some((spec, row, row.text.as_ref()?))
        })
        .unwrap_or_else(|| panic!("{list} is a list field with a row text"));
    let multiline = matches!(
        row.kind,
        FieldKind::Text {
            multiline: true,
            ..
        }
    );
    let target = Target {
        kind: if multiline { Kind::Multi } else { Kind::Line },
        class,
        field: spec.row_path(&id, row.key),
        linted: true,
    };
    let (rows, get_mut) = (text.rows, text.get_mut);
    let read = id.clone();
    text_control(
        session,
        label.to_owned(),
        "",
        target,
        move |d| {
            rows(d)
                .into_iter()
                .find(|(row, _)| *row == read)
                .map(|(_, text)| text.to_owned())
                .unwrap_or_default()
        },
        move |d, v| {
            if let Some(text) = get_mut(d, &id) {
                *text = v;
            }
        },
    )
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Line,
    Multi,
}

/// The elements of one highlighted field: reached through references, not
/// looked up by id, so they are found inside an embedding page's shadow root.
#[derive(Clone, Copy)]
struct Parts {
    area: NodeRef<leptos::html::Textarea>,
    line: NodeRef<leptos::html::Input>,
    mirror: NodeRef<leptos::html::Div>,
    /// The mirror's markup up to the end of its last mark, as last drawn:
    /// when a keystroke leaves it as it was (typing after the last
    /// finding), only the text after it is written.
    drawn: StoredValue<String>,
}

impl Parts {
    fn control(&self) -> Option<web_sys::HtmlElement> {
        self.area
            .get_untracked()
            .map(web_sys::HtmlElement::from)
            .or_else(|| self.line.get_untracked().map(web_sys::HtmlElement::from))
    }
}

fn text_control(
    session: Session,
    label: String,
    hint: &'static str,
    target: Target,
    get: impl Fn(&Postmortem) -> String + 'static,
    set: impl Fn(&mut Postmortem, String) + Clone + 'static,
) -> impl IntoView {
    let Target {
        kind,
        class,
        field,
        linted,
    } = target;
    let id = dom_id("text");
    let hint_id = format!("{id}-hint");
    let note_id = format!("{id}-lint");
    let parts = Parts {
        area: NodeRef::new(),
        line: NodeRef::new(),
        mirror: NodeRef::new(),
        drawn: StoredValue::new(String::new()),
    };
    let initial = session.doc.with_untracked(|d| get(d));
    let lint = use_context::<LintState>().filter(|_| linted);
    let path = lint.map(|_| field.clone());
    let linted = lint.zip(path.clone());

    let mine = linted.clone().map(|(lint, path)| {
        Memo::new(move |_| {
            lint.findings.with(|all| {
                all.iter()
                    .filter(|f| f.field.as_str() == path && f.dismissed.is_none())
                    .map(|f| Mark {
                        start: f.finding.span.offset,
                        end: f.finding.span.end,
                        text: f.finding.text.clone(),
                        rule: f.finding.rule.clone(),
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    if let Some(mine) = mine {
        // Drawing only writes to the page. Nothing here reads the layout:
        // the scroll position is copied over when the control scrolls, and
        // the scrollbar's width once the browser has laid the control out
        // (see `watch_scrollbar`), so a keystroke never forces a layout.
        Effect::new(move |_| mine.with(|m| render_mirror(parts, m)));
        if kind == Kind::Multi {
            let observer = StoredValue::new_local(None);
            parts.area.on_load(move |area| {
                let _ = observer.try_set_value(watch_scrollbar(parts, area.into()));
            });
            on_cleanup(move || {
                if let Some(Some(o)) = observer.try_update_value(Option::take) {
                    o.0.disconnect();
                }
            });
        }
    }

    let on_input = {
        let linted = linted.clone();
        move |ev: leptos::ev::Event| {
            let value = event_target_value(&ev);
            let len = value.len();
            let digest = text_digest(&value);
            session.edit(|d| set(d, value));
            if let (Some((lint, path)), Some(mine)) = (&linted, mine) {
                // Long texts are linted, and their mirror redrawn, once
                // typing pauses; until then only text after the caret is
                // out of step, and the mirror's text is invisible anyway.
                // It runs after the keystroke's frame, when the control may
                // be gone (an undo draws the form anew).
                lint.field_changed(path, len, digest, move || {
                    mine.try_with_untracked(|m| render_mirror(parts, m));
                });
            }
        }
    };
    let on_scroll = move |_| sync_scroll(parts);
    let note = move || {
        let n = mine.map(|m| m.with(Vec::len)).unwrap_or(0);
        match n {
            0 => String::new(),
            1 => "1 blameless-language finding".to_owned(),
            n => format!("{n} blameless-language findings"),
        }
    };
    let described = {
        let mut ids = Vec::new();
        if !hint.is_empty() {
            ids.push(hint_id.clone());
        }
        if linted.is_some() {
            ids.push(note_id.clone());
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    };
    let lint_field = path.clone();
    let control = match kind {
        Kind::Multi => {
            let rows = if initial.lines().count() > 4 { 8 } else { 4 };
            view! {
                <textarea id=id.clone() rows=rows class:lint-control=linted.is_some()
                    node_ref=parts.area
                    data-field=field.clone() data-lint-field=lint_field aria-describedby=described.clone()
                    on:input=on_input on:scroll=on_scroll>
                    {initial}
                </textarea>
            }
            .into_any()
        }
        Kind::Line => view! {
            <input id=id.clone() type="text" value=initial class:lint-control=linted.is_some()
                node_ref=parts.line
                data-field=field data-lint-field=lint_field aria-describedby=described.clone()
                on:input=on_input on:scroll=on_scroll
                // A one-line input scrolls sideways without a scroll event
                // as the caret moves.
                on:keyup=move |_| sync_scroll(parts)
                on:select=move |_| sync_scroll(parts) />
        }
        .into_any(),
    };
    let body = if linted.is_some() {
        view! {
            <div class="lint-wrap" class:lint-wrap-line=kind == Kind::Line>
                <div class="lint-mirror" node_ref=parts.mirror aria-hidden="true"></div>
                {control}
            </div>
            <p class="lint-note" id=note_id.clone()>{note}</p>
        }
        .into_any()
    } else {
        control
    };
    view! {
        <div class=class>
            <label for=id>{label}</label>
            {(!hint.is_empty()).then(|| view! { <p class="hint" id=hint_id>{hint}</p> })}
            {body}
        </div>
    }
}

/// A flagged span of a field, as the mirror draws it.
#[derive(Clone, PartialEq)]
struct Mark {
    start: usize,
    end: usize,
    text: String,
    rule: String,
}

/// A cheap fingerprint of a field's text, to tell whether it changed.
fn text_digest(text: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut h);
    h.finish()
}

/// Draws the control's text into its mirror with `<mark>` around each
/// finding that still matches the text. Findings that overlap ("simply
/// human" and "human error") share one mark, so every flagged word shows.
///
/// With nothing to mark the mirror stays empty (its text is invisible), so
/// typing in a field without findings changes nothing else on the page.
fn render_mirror(parts: Parts, marks: &[Mark]) {
    let (Some(control), Some(mirror)) = (parts.control(), parts.mirror.get_untracked()) else {
        return;
    };
    if marks.is_empty() {
        if mirror.has_child_nodes() {
            mirror.set_text_content(None);
        }
        parts.drawn.set_value(String::new());
        return;
    }
    let text = control_value(&control);
    let mut spans: Vec<(usize, usize, String)> = Vec::with_capacity(marks.len());
    for m in marks {
        if text.get(m.start..m.end) != Some(m.text.as_str()) {
            continue;
        }
        match spans.last_mut() {
            Some(last) if m.start < last.1 => {
                last.1 = last.1.max(m.end);
                if !last.2.split(' ').any(|r| r == m.rule) {
                    last.2.push(' ');
                    last.2.push_str(&m.rule);
                }
            }
            _ => spans.push((m.start, m.end, m.rule.clone())),
        }
    }
    let mut html = String::with_capacity(text.len() + spans.len() * 40 + 16);
    let mut pos = 0;
    for (start, end, rules) in &spans {
        if *start < pos {
            continue;
        }
        escape_into(&mut html, &text[pos..*start]);
        html.push_str("<mark class=\"lint-mark\" data-rule=\"");
        escape_into(&mut html, rules);
        html.push_str("\">");
        escape_into(&mut html, &text[*start..*end]);
        html.push_str("</mark>");
        pos = *end;
    }
    if spans.is_empty() {
        if mirror.has_child_nodes() {
            mirror.set_text_content(None);
        }
        parts.drawn.set_value(String::new());
        return;
    }
    // A trailing newline needs something after it to take up its line.
    let tail = format!("{} ", &text[pos..]);
    let same_marks = parts.drawn.with_value(|drawn| *drawn == html);
    let last_text = mirror
        .last_child()
        .filter(|n| n.node_type() == web_sys::Node::TEXT_NODE);
    match last_text {
        // Everything up to the last mark is on screen already: only the
        // text after it changes, and only that text is laid out again.
        Some(last) if same_marks => {
            if last.node_value().as_deref() != Some(tail.as_str()) {
                last.set_node_value(Some(&tail));
            }
        }
        _ => {
            parts.drawn.set_value(html.clone());
            escape_into(&mut html, &tail);
            mirror.set_inner_html(&html);
        }
    }
    // Lined up once the frame is laid out anyway, not in the input handler.
    request_animation_frame(move || sync_scroll(parts));
}

/// Copies the control's scroll position to the mirror. An empty mirror
/// has nothing to line up, and the control's layout is not read for it.
fn sync_scroll(parts: Parts) {
    let (Some(control), Some(mirror)) =
        (parts.control(), parts.mirror.try_get_untracked().flatten())
    else {
        return;
    };
    if !mirror.has_child_nodes() {
        return;
    }
    mirror.set_scroll_top(control.scroll_top());
    mirror.set_scroll_left(control.scroll_left());
}

/// Keeps the mirror's right padding equal to the textarea's scrollbar,
/// which narrows the text the mirror must wrap alike. A resize observer
/// reports after the browser has laid the control out (also when a
/// scrollbar appears, which shrinks the content box), so reading the
/// widths there forces no extra layout.
fn watch_scrollbar(parts: Parts, control: web_sys::HtmlElement) -> Option<Watcher> {
    use wasm_bindgen::JsCast;
    let observed = control.clone();
    let callback = Closure::<dyn FnMut()>::new(move || {
        if let Some(mirror) = parts.mirror.try_get_untracked().flatten() {
            let scrollbar = (observed.offset_width() - observed.client_width() - 2).max(0);
            set_scrollbar_padding(&mirror, scrollbar);
        }
    });
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(&control);
    Some((observer, callback))
}

/// A resize observer and the callback it calls, kept for as long as the
/// field is on screen.
type Watcher = (web_sys::ResizeObserver, Closure<dyn FnMut()>);

fn set_scrollbar_padding(mirror: &web_sys::HtmlElement, scrollbar: i32) {
    // Through the CSSOM, not a style attribute: a strict Content-Security-Policy
    // (style-src 'self') blocks inline style attributes. Written only when it
    // changes, so syncing many fields in a row does not lay the page out
    // again for each.
    let style = mirror.style();
    let padding = if scrollbar == 0 {
        String::new()
    } else {
        format!("calc(var(--lint-pad-x) + {scrollbar}px)")
    };
    if style
        .get_property_value("padding-right")
        .unwrap_or_default()
        != padding
    {
        let _ = if padding.is_empty() {
            style.remove_property("padding-right").map(|_| ())
        } else {
            style.set_property("padding-right", &padding)
        };
    }
}

fn escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

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

/// A number typed as text (a count, a percentage) and checked on every
/// keystroke: bad input leaves the document as it was and says why beside
/// the field. `suffix` is the unit shown after it ("%"), if any.
fn number_field<T: Copy + ToString + 'static>(
    session: Session,
    field: &'static str,
    (label, hint): (&'static str, &'static str),
    slot: &'static Slot<Option<T>>,
    suffix: &'static str,
    parse: fn(&str) -> Result<Option<T>, String>,
) -> AnyView {
    let (get, get_mut) = (slot.get, slot.get_mut);
    let initial = session
        .doc
        .with_untracked(|d| get(d).map(|v| v.to_string()).unwrap_or_default());
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
                        match parse(&raw) {
                            Ok(value) => {
                                problem.set(None);
                                session.edit(|d| *get_mut(d) = value);
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

/// A labelled text input that shows `value` and writes back what is typed,
/// for screens with their own form (a search, a sign-in). `attrs` are the
/// input's own attributes, made with `view! { <{..} type="search" /> }`;
/// `note`, unless empty, is a hint under the input.
pub fn signal_input(
    id: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    attrs: impl leptos::attr::Attribute,
    note: &'static str,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input
                id={id}
                {..attrs}
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
            {(!note.is_empty()).then(|| view! { <p class="hint">{note}</p> })}
        </div>
    }
}

/// A `<select>` over stored keys; the empty key means "not set".
pub fn select_field(
    session: Session,
    field: &'static str,
    (label, hint): (&'static str, &'static str),
    options: Vec<(&'static str, &'static str)>,
    get: impl Fn(&Postmortem) -> &'static str + 'static,
    set: impl Fn(&mut Postmortem, &str) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let id = dom_id("select");
    let hint_id = format!("{id}-hint");
    let described = (!hint.is_empty()).then(|| hint_id.clone());
    let current = session.doc.with_untracked(|d| get(d));
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            {(!hint.is_empty()).then(|| view! { <p class="hint" id=hint_id>{hint}</p> })}
            <select
                id=id
                data-field=field
                aria-describedby=described
                on:change=move |ev| {
                    let value = event_target_value(&ev);
                    session.edit(|d| set(d, &value));
                }
            >
                {options
                    .into_iter()
                    .map(|(key, text)| view! { <option value=key selected=key == current>{text}</option> })
                    .collect_view()}
            </select>
        </div>
    }
}

/// How a time is written in a time field: 24-hour, date first, no zone
/// (the label says UTC). Browsers draw their own date-time pickers in the
/// reader's locale, often with AM and PM, so times are typed as text.
pub const TIME_FORMAT_EXAMPLE: &str = "2026-11-20 14:02";

/// Formats a UTC time for a time field (`2026-11-20 14:02`).
pub fn utc_input_value(t: Option<DateTime<Utc>>) -> String {
    t.map(|t| t.format("%Y-%m-%d %H:%M").to_string())
        .unwrap_or_default()
}

/// Reads a time field as UTC: `2026-11-20 14:02`, with a `T` instead of the
/// space or with seconds too; `None` when empty or not a time.
pub fn parse_utc_input(value: &str) -> Option<DateTime<Utc>> {
    let value = value.trim();
    [
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M:%S",
    ]
    .iter()
    .find_map(|f| NaiveDateTime::parse_from_str(value, f).ok())
    .map(|n| n.and_utc())
}

/// What the line beside a time field says: the reader's own time, or how
/// to write one when what is typed is not a time.
pub fn time_note(typed: &str, at: Option<DateTime<Utc>>) -> String {
    match at {
        _ if typed.trim().is_empty() => String::new(),
        Some(t) => format!(
            "{} your time",
            t.with_timezone(&chrono::Local).format("%-d %b %H:%M")
        ),
        None => format!("Not a time yet: write it as {TIME_FORMAT_EXAMPLE} (24-hour clock)."),
    }
}

/// A date-and-time field whose value is in UTC, with the reader's local
/// time shown beside it.
fn utc_time_field(
    session: Session,
    field: &'static str,
    label: &'static str,
    slot: &'static Slot<Option<DateTime<Utc>>>,
) -> impl IntoView {
    let (get, get_mut) = (slot.get, slot.get_mut);
    let id = dom_id("time");
    let local_id = format!("{id}-local");
    let initial = utc_input_value(session.doc.with_untracked(|d| *get(d)));
    let typed = RwSignal::new(initial.clone());
    // The stored time through a memo: typing in another field leaves it,
    // and so the note, as it was.
    let stored = Memo::new(move |_| session.doc.with(|d| *get(d)));
    let note = move || typed.with(|v| time_note(v, stored.get()));
    view! {
        <div class="field field-time">
            <label for=id.clone()>{label} " " <abbr title="Coordinated Universal Time">"(UTC)"</abbr></label>
            <input
                id=id
                type="text"
                inputmode="numeric"
                autocomplete="off"
                spellcheck="false"
                placeholder=TIME_FORMAT_EXAMPLE
                data-field=field
                value=initial
                aria-invalid=move || typed.with(|v| (!v.trim().is_empty() && parse_utc_input(v).is_none()).then_some("true"))
                aria-describedby=local_id.clone()
                on:input=move |ev| {
                    let raw = event_target_value(&ev);
                    let value = parse_utc_input(&raw);
                    typed.set(raw);
                    session.edit(|d| *get_mut(d) = value);
                }
            />
            <span class="local-time" id=local_id>{note}</span>
        </div>
    }
}

/// A date field (no time), such as the incident date.
fn date_field(
    session: Session,
    field: &'static str,
    label: &'static str,
    slot: &'static Slot<Option<NaiveDate>>,
) -> impl IntoView {
    let (get, get_mut) = (slot.get, slot.get_mut);
    let id = dom_id("date");
    let initial = date_value(session.doc.with_untracked(|d| *get(d)));
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input id=id type="date" data-field=field value=initial on:input=move |ev| {
                let v = parse_date(&event_target_value(&ev));
                session.edit(|d| *get_mut(d) = v);
            } />
        </div>
    }
}

/// A date as `<input type="date">` holds it.
pub fn date_value(d: Option<NaiveDate>) -> String {
    d.map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

pub fn parse_date(value: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(value, "%Y-%m-%d").ok()
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
    fn percentages_stay_between_0_and_100() {
        assert_eq!(parse_percent("12.5%"), Ok(Some(12.5)));
        assert_eq!(parse_percent("3,5"), Ok(Some(3.5)));
        assert!(parse_percent("140").is_err());
        assert!(parse_percent("lots").is_err());
    }
}
