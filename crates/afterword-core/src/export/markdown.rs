//! GitHub-flavoured Markdown export.
//!
//! The output is meant to be pasted into a wiki, a repository or a ticket and
//! read there, so two things matter more than looks:
//! - **Everything typed renders as typed.** Free text is escaped so that no
//!   character the person wrote turns into Markdown or HTML: a leading `#`
//!   stays a hash, `<script>` stays visible text, a pipe does not split a
//!   table cell, a line break inside a cell stays a line break (`<br>`).
//!   The only liberty taken: blank lines before and after a block of text are
//!   dropped, as any Markdown renderer would.
//! - **Same document, same bytes.** Nothing depends on the clock, the locale
//!   or hash order, so exports can be diffed and committed.

use chrono::{DateTime, Timelike, Utc};

use crate::export::facts::{self, label, Row, Value};
use crate::field::{spec, DocSection, Words};
use crate::model::{ActionItem, KeyTimes, Postmortem, TimelineEvent};
use crate::template::{FieldId, Template};
use crate::words::words_from_id;

/// Sections in the order used when [`MarkdownOptions::section_order`] does
/// not mention them (the ids of [`DocSection::ALL`]). Free-text sections of
/// the document (its `sections` map) come after these, by id, and the
/// checklist comes last.
pub const DEFAULT_SECTION_ORDER: &[&str] = &[
    "metadata",
    "summary",
    "impact",
    "times",
    "timeline",
    "analysis",
    "four_questions",
    "lessons",
    "action_items",
    "links",
];

/// Id of the review checklist section (printed only when requested).
pub const CHECKLIST_SECTION: &str = "checklist";

#[derive(Debug, Clone, PartialEq, Default)]
pub struct MarkdownOptions {
    /// Section ids in the order wanted: the fixed ones in
    /// [`DEFAULT_SECTION_ORDER`], `"checklist"`, or keys of the document's
    /// free-text `sections`. Unknown ids are ignored; sections not listed
    /// follow in the default order.
    pub section_order: Vec<String>,
    /// Checklist lines to print as a task list, with whether each is done.
    pub include_checklist: Option<Vec<(String, bool)>>,
    /// The words fields are labelled with: the template's.
    pub words: Words,
}

impl MarkdownOptions {
    /// The options for a document that follows `template`: its sections in
    /// the template's order. The app's download and `afterword export` both
    /// start here, so they write the same file.
    pub fn for_template(template: &Template) -> Self {
        MarkdownOptions {
            section_order: template_order(template),
            include_checklist: None,
            words: template.words(),
        }
    }
}

/// Section ids in the order a template shows their fields: the first field
/// of a part decides where that part goes.
pub fn template_order(template: &Template) -> Vec<String> {
    let mut order: Vec<String> = Vec::new();
    for field in template.sections.iter().flat_map(|s| &s.fields) {
        let id = match field {
            FieldId::Text(key) => Some(key.clone()),
            other => other.doc_section().map(|s| s.id().to_owned()),
        };
        if let Some(id) = id {
            if !order.contains(&id) {
                order.push(id);
            }
        }
    }
    order
}

/// Renders the whole document as GitHub-flavoured Markdown.
pub fn to_markdown(doc: &Postmortem, opts: &MarkdownOptions) -> String {
    let mut blocks: Vec<String> = Vec::new();
    let title = if doc.title.trim().is_empty() {
        escape_inline("Untitled postmortem", true)
    } else {
        escape_inline(&doc.title, true)
    };
    blocks.push(format!("# {title}"));

    for id in section_ids(doc, opts) {
        let body = match DocSection::from_id(&id) {
            Some(DocSection::Metadata) => metadata(doc, opts.words),
            Some(DocSection::Summary) => block_section(DocSection::Summary.title(), &doc.summary),
            Some(DocSection::Impact) => impact(doc, opts.words),
            Some(DocSection::Times) => times(&doc.times, opts.words),
            Some(DocSection::Timeline) => timeline(&doc.timeline),
            Some(DocSection::Analysis) => analysis(doc, opts.words),
            Some(DocSection::FourQuestions) => texts(doc, DocSection::FourQuestions, opts.words),
            Some(DocSection::Lessons) => texts(doc, DocSection::Lessons, opts.words),
            Some(DocSection::ActionItems) => action_items(&doc.action_items),
            Some(DocSection::Links) => links(doc),
            None if id == CHECKLIST_SECTION => checklist(opts),
            None => None,
        };
        blocks.extend(body);
        if let Some(text) = doc.sections.get(&id) {
            blocks.extend(block_section(&words_from_id(&id), text));
        }
    }
    let mut out = blocks.join("\n\n");
    out.push('\n');
    out
}

/// The section ids to print, each once, in order. The report shows the
/// same sections in the same order.
pub fn section_ids(doc: &Postmortem, opts: &MarkdownOptions) -> Vec<String> {
    let known = |id: &str| {
        DEFAULT_SECTION_ORDER.contains(&id)
            || id == CHECKLIST_SECTION
            || doc.sections.contains_key(id)
    };
    // A set beside the list: a document may hold thousands of sections.
    let mut order: Vec<String> = Vec::new();
    let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut push = |id: &str| {
        if known(id) && seen.insert(id.to_owned()) {
            order.push(id.to_owned());
        }
    };
    for id in &opts.section_order {
        push(id);
    }
    for id in DEFAULT_SECTION_ORDER {
        push(id);
    }
    for id in doc.sections.keys() {
        push(id);
    }
    push(CHECKLIST_SECTION);
    order
}

fn is_blank(s: &str) -> bool {
    s.trim().is_empty()
}

fn block_section(heading: &str, text: &str) -> Option<String> {
    if is_blank(text) {
        return None;
    }
    Some(format!(
        "## {}\n\n{}",
        escape_inline(heading, true),
        escape_block(text)
    ))
}

/// A `###` subsection with a paragraph, or nothing when the text is blank.
fn sub_block(heading: &str, text: &str) -> Option<String> {
    if is_blank(text) {
        return None;
    }
    Some(format!("### {heading}\n\n{}", escape_block(text)))
}

/// Joins subsections under a `##` heading; `None` when all are empty.
fn section(heading: &str, parts: Vec<String>) -> Option<String> {
    if parts.is_empty() {
        return None;
    }
    Some(format!("## {heading}\n\n{}", parts.join("\n\n")))
}

/// A value of the shared tables ([`facts`]) as Markdown: typed text is
/// escaped, several values are lines of one cell.
fn cell(value: &Value) -> String {
    match value {
        Value::Text(t) => escape_inline(t, false),
        Value::Word(w) => escape_inline(w, false),
        Value::People(people) => people
            .iter()
            .map(|(name, role)| format!("{} ({role})", escape_inline(name, false)))
            .collect::<Vec<_>>()
            .join("<br>"),
        Value::Lines(lines) => lines
            .iter()
            .map(|l| escape_inline(l, false))
            .collect::<Vec<_>>()
            .join("<br>"),
        Value::Date(d) => d.format("%Y-%m-%d").to_string(),
        Value::Time(t) => fmt_time(*t),
        Value::Minutes(m) => facts::format_minutes(*m),
    }
}

/// Rows of the shared tables as Markdown rows; a time's label says UTC.
fn cells(rows: Vec<Row>) -> Vec<Vec<String>> {
    rows.into_iter()
        .map(|r| {
            let label = match r.value {
                Value::Time(_) => format!("{} (UTC)", r.label),
                _ => r.label.to_owned(),
            };
            vec![label, cell(&r.value)]
        })
        .collect()
}

fn metadata(doc: &Postmortem, w: Words) -> Option<String> {
    Some(format!(
        "## {}\n\n{}",
        DocSection::Metadata.title(),
        table(&["Field", "Value"], cells(facts::details(doc, w)))
    ))
}

fn impact(doc: &Postmortem, w: Words) -> Option<String> {
    let i = &doc.impact;
    let mut parts = Vec::new();
    if !is_blank(&i.description) {
        parts.push(escape_block(&i.description));
    }
    let rows = cells(facts::impact_measures(doc, w));
    if !rows.is_empty() {
        parts.push(table(&["Measure", "Value"], rows));
    }
    let figures: Vec<Vec<String>> = facts::business_figures(doc)
        .iter()
        .map(|f| f.iter().map(|c| escape_inline(c, false)).collect())
        .collect();
    if !figures.is_empty() {
        parts.push(format!(
            "### {}\n\n{}",
            label("impact.business_metrics", w),
            table(&["Metric", "Value", "Unit"], figures)
        ));
    }
    section(DocSection::Impact.title(), parts)
}

fn times(t: &KeyTimes, w: Words) -> Option<String> {
    let rows: Vec<Vec<String>> = facts::moments(t, w)
        .into_iter()
        .map(|(label, at)| vec![label.to_owned(), fmt_time(at)])
        .collect();
    if rows.is_empty() {
        return None;
    }
    let mut parts = vec![table(&["Moment", "Time (UTC)"], rows)];
    let durations: Vec<Vec<String>> = facts::durations(t, w).into_iter().map(Vec::from).collect();
    if !durations.is_empty() {
        parts.push(table(&["Duration", "Value", "Formula"], durations));
    }
    section(DocSection::Times.title(), parts)
}

fn timeline(events: &[TimelineEvent]) -> Option<String> {
    if events.is_empty() {
        return None;
    }
    let rows = events
        .iter()
        .map(|e| {
            vec![
                e.at.map(fmt_time)
                    .unwrap_or_else(|| "(time not set)".to_owned()),
                e.kind.label().to_owned(),
                if e.starred { "★" } else { "" }.to_owned(),
                escape_inline(&e.text, false),
            ]
        })
        .collect();
    section(
        DocSection::Timeline.title(),
        vec![table(&["Time (UTC)", "Kind", "Starred", "Event"], rows)],
    )
}

fn analysis(doc: &Postmortem, w: Words) -> Option<String> {
    let a = &doc.analysis;
    let mut parts = Vec::new();
    let factors: Vec<String> = a
        .contributing_factors
        .iter()
        .filter(|f| !(is_blank(&f.text) && f.category.is_none() && f.evidence.is_empty()))
        .map(|f| {
            let mut line = format!("- {}", escape_inline(&f.text, false));
            if let Some(c) = f.category {
                line.push_str(&format!(" (category: {})", escape_inline(c.label(), false)));
            }
            let evidence: Vec<String> = f
                .evidence
                .iter()
                .filter(|e| !is_blank(e))
                .map(|e| link(e, e))
                .collect();
            if !evidence.is_empty() {
                line.push_str(&format!(" · evidence: {}", evidence.join(", ")));
            }
            line
        })
        .collect();
    if !factors.is_empty() {
        let mut block = format!(
            "### {}\n\n{}",
            label("analysis.contributing_factors", w),
            factors.join("\n")
        );
        if !is_blank(&a.single_factor_reason) {
            block.push_str(&format!(
                "\n\n**{}:** {}",
                label("analysis.single_factor_reason", w),
                escape_inline(&a.single_factor_reason, false)
            ));
        }
        parts.push(block);
    }
    for key in [
        "analysis.trigger",
        "analysis.detection",
        "analysis.resolution",
    ] {
        if let Some(f) = spec(key) {
            parts.extend(f.text(doc).and_then(|t| sub_block(f.label_in(w), t)));
        }
    }
    section(DocSection::Analysis.title(), parts)
}

/// A part made only of free-text fields, each under its label.
fn texts(doc: &Postmortem, part: DocSection, w: Words) -> Option<String> {
    let parts = part
        .fields()
        .filter_map(|f| sub_block(f.label_in(w), f.text(doc)?))
        .collect();
    section(part.title(), parts)
}

fn action_items(items: &[ActionItem]) -> Option<String> {
    if items.is_empty() {
        return None;
    }
    let rows = items
        .iter()
        .map(|a| {
            vec![
                escape_inline(&a.title, false),
                escape_inline(&a.owner, false),
                a.due
                    .map(|d| d.format("%Y-%m-%d").to_string())
                    .unwrap_or_default(),
                escape_inline(a.status.label(), false),
                a.kind.map(|k| k.label().to_owned()).unwrap_or_default(),
                a.priority
                    .map(|p| escape_inline(p.label(), false))
                    .unwrap_or_default(),
                if is_blank(&a.ticket) {
                    String::new()
                } else {
                    link(&a.ticket, &a.ticket)
                },
                if a.needs_discussion { "Yes" } else { "No" }.to_owned(),
            ]
        })
        .collect();
    section(
        DocSection::ActionItems.title(),
        vec![table(
            &[
                "Action",
                "Owner",
                "Due",
                "Status",
                "Kind",
                "Priority",
                "Ticket",
                "Needs discussion",
            ],
            rows,
        )],
    )
}

fn links(doc: &Postmortem) -> Option<String> {
    let items: Vec<String> = doc
        .links
        .iter()
        .filter(|l| !(is_blank(&l.label) && is_blank(&l.url)))
        .map(|l| {
            let label = if is_blank(&l.label) { &l.url } else { &l.label };
            format!("- {}", link(label, &l.url))
        })
        .collect();
    if items.is_empty() {
        return None;
    }
    Some(format!(
        "## {}\n\n{}",
        DocSection::Links.title(),
        items.join("\n")
    ))
}

fn checklist(opts: &MarkdownOptions) -> Option<String> {
    let lines = opts.include_checklist.as_ref()?;
    if lines.is_empty() {
        return None;
    }
    let items: Vec<String> = lines
        .iter()
        .map(|(text, done)| {
            format!(
                "- [{}] {}",
                if *done { "x" } else { " " },
                escape_inline(text, false)
            )
        })
        .collect();
    Some(format!("## Review checklist\n\n{}", items.join("\n")))
}

/// A Markdown link when `url` is a web or mail address; otherwise the label
/// and the address as plain text, so nothing unexpected becomes clickable.
fn link(label: &str, url: &str) -> String {
    match safe_url(url) {
        Some(dest) => format!("[{}]({dest})", escape_inline(label, false)),
        None if label == url => escape_inline(url, false),
        None => format!(
            "{} ({})",
            escape_inline(label, false),
            escape_inline(url, false)
        ),
    }
}

/// The address ready for a link destination, or `None` when it should not
/// be a link (other schemes such as `javascript:`, spaces, control characters).
fn safe_url(url: &str) -> Option<String> {
    let lower = url.to_ascii_lowercase();
    let allowed = ["https://", "http://", "mailto:"]
        .iter()
        .any(|p| lower.starts_with(p) && lower.len() > p.len());
    if !allowed || url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return None;
    }
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            '(' | ')' | '<' | '>' | '"' | '\\' | '`' | '|' | '[' | ']' => {
                out.push_str(&format!("%{:02X}", c as u32));
            }
            _ => out.push(c),
        }
    }
    Some(out)
}

/// A GitHub table. Cells must already be escaped.
fn table(headers: &[&str], rows: Vec<Vec<String>>) -> String {
    let mut out = String::new();
    out.push_str(&format!("| {} |\n", headers.join(" | ")));
    out.push_str(&format!(
        "|{}\n",
        headers.iter().map(|_| " --- |").collect::<String>()
    ));
    for row in rows {
        out.push_str(&format!("| {} |\n", row.join(" | ")));
    }
    out.truncate(out.trim_end().len());
    out
}

fn fmt_time(t: DateTime<Utc>) -> String {
    if t.second() == 0 && t.nanosecond() == 0 {
        t.format("%Y-%m-%d %H:%M").to_string()
    } else if t.nanosecond() == 0 {
        t.format("%Y-%m-%d %H:%M:%S").to_string()
    } else {
        t.format("%Y-%m-%d %H:%M:%S%.3f").to_string()
    }
}

/// Escapes a block of free text for use as a paragraph. Line breaks are kept
/// (as `<br>` at the end of each line); blank lines before and after are
/// dropped.
pub(crate) fn escape_block(text: &str) -> String {
    let text = text.trim_matches('\n');
    text.split('\n')
        .map(|line| escape_line(line, false))
        .collect::<Vec<_>>()
        .join("<br>\n")
}

/// Escapes free text for a place that holds one line of Markdown: a table
/// cell, a heading, a list item. Line breaks become `<br>`. In headings every
/// `#` is escaped too, so none can close the heading.
pub(crate) fn escape_inline(text: &str, heading: bool) -> String {
    text.split('\n')
        .map(|line| escape_line(line, heading))
        .collect::<Vec<_>>()
        .join("<br>")
}

/// One line of text, escaped so that it renders exactly as written wherever
/// it lands, including at the start of a line.
fn escape_line(line: &str, heading: bool) -> String {
    let chars: Vec<char> = line.chars().collect();
    let lead = chars.iter().take_while(|c| c.is_whitespace()).count();
    let trail = chars[lead..]
        .iter()
        .rev()
        .take_while(|c| c.is_whitespace())
        .count();
    let body = &chars[lead..chars.len() - trail];
    let mut out = String::with_capacity(line.len() + 8);
    for c in &chars[..lead] {
        push_entity(&mut out, *c);
    }
    // Characters that only matter at the start of a line: headings, lists,
    // setext underlines, thematic breaks, ordered list markers ("1." "1)").
    let digits = body.iter().take_while(|c| c.is_ascii_digit()).count();
    for (i, c) in body.iter().enumerate() {
        let at_start = i == 0 && matches!(c, '#' | '+' | '-' | '=');
        let list_number = digits > 0 && digits <= 9 && i == digits && matches!(c, '.' | ')');
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' | '$' => {
                out.push('\\');
                out.push(*c);
            }
            '#' if heading || at_start => out.push_str("\\#"),
            _ if at_start || list_number => {
                out.push('\\');
                out.push(*c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\0' => out.push('\u{FFFD}'),
            c if c.is_control() && *c != '\t' => push_entity(&mut out, *c),
            _ => out.push(*c),
        }
    }
    for c in &chars[chars.len() - trail..] {
        push_entity(&mut out, *c);
    }
    out
}

fn push_entity(out: &mut String, c: char) {
    if c == '\0' {
        out.push('\u{FFFD}');
    } else {
        out.push_str(&format!("&#{};", c as u32));
    }
}
