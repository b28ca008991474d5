//! A Markdown postmortem turned into a document: Afterword's own export
//! (read back field by field) or one written from a common template.
//!
//! Each heading is placed: matched by meaning ([`super::headings`]), taken
//! under the heading above it, or kept as a free-text section under its own
//! name. The person may change any placement ([`MarkdownImportOptions::
//! overrides`]) and import again before anything is stored. Nothing is
//! dropped: text that cannot be read into a field stays as text, and every
//! such case is listed with its line number.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::model::{
    ActionItem, ActionStatus, BusinessMetric, ContributingFactor, Id, Link, Participant,
    Postmortem, TimelineEvent,
};
use crate::timeline_paste::{guess_kind, parse_timeline, PasteContext};

use super::blocks::{self, block_text, Block, BlockKind, Inline, Piece};
use super::headings::{target_for_heading, SectionTarget};
use super::values;

/// Largest Markdown file read. Postmortems are tens of kilobytes; this
/// leaves room for long ones while keeping a hostile file quick to refuse.
pub const MAX_MARKDOWN_BYTES: usize = 2 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq)]
pub struct MarkdownImportOptions {
    /// Id of the new draft.
    pub id: Id,
    pub now: DateTime<Utc>,
    /// The person's choice of destination for headings, by heading index
    /// (as in [`MarkdownImport::headings`]).
    pub overrides: BTreeMap<usize, SectionTarget>,
}

/// How a heading's place was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Placement {
    /// The document's title.
    Title,
    /// Its name matched a section.
    Matched,
    /// It matched nothing and sits under a heading that did.
    Under,
    /// It matched nothing: a free-text section of its own.
    Unmatched,
    /// The person chose it.
    Chosen,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HeadingPlacement {
    /// Position among the file's headings, from 0 (the key of an override).
    pub index: usize,
    pub line: usize,
    pub level: u8,
    pub text: String,
    pub target: SectionTarget,
    pub placement: Placement,
    /// For free-text sections: the key it is stored under.
    pub section_key: Option<String>,
}

impl HeadingPlacement {
    /// Where it went, in words for the preview.
    pub fn destination(&self) -> String {
        match (self.placement, &self.section_key) {
            (Placement::Title, _) => "Title".to_owned(),
            (_, Some(key)) if self.target == SectionTarget::Custom => {
                format!(
                    "Free-text section “{}”",
                    crate::template::FieldId::Text(key.clone()).label()
                )
            }
            (_, Some(key)) => format!(
                "{}; its text kept under “{}”",
                self.target.label(),
                crate::template::FieldId::Text(key.clone()).label()
            ),
            _ => self.target.label().to_owned(),
        }
    }
}

/// Something in the file that was not read into a field as it stood.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportNote {
    pub line: usize,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MarkdownImport {
    pub doc: Postmortem,
    pub headings: Vec<HeadingPlacement>,
    pub notes: Vec<ImportNote>,
}

/// Why a file was refused as a whole.
#[derive(Debug, Clone, PartialEq)]
pub enum MarkdownImportError {
    TooLarge { bytes: usize, limit: usize },
    Empty,
    Binary,
    HtmlPage,
}

impl fmt::Display for MarkdownImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MarkdownImportError::TooLarge { bytes, limit } => write!(
                f,
                "the file is {:.1} MB; Afterword reads Markdown files of at most {} MB",
                *bytes as f64 / (1024.0 * 1024.0),
                limit / (1024 * 1024)
            ),
            MarkdownImportError::Empty => write!(f, "the file is empty"),
            MarkdownImportError::Binary => write!(
                f,
                "the file is not text (it holds binary data); save the postmortem as a Markdown (.md) file"
            ),
            MarkdownImportError::HtmlPage => write!(
                f,
                "the file is an HTML page, not Markdown; save the page as Markdown or paste its text into a .md file"
            ),
        }
    }
}

impl std::error::Error for MarkdownImportError {}

/// Checks a file before reading it: size, text, not an HTML page.
pub fn check_markdown(raw: &str) -> Result<(), MarkdownImportError> {
    if raw.len() > MAX_MARKDOWN_BYTES {
        return Err(MarkdownImportError::TooLarge {
            bytes: raw.len(),
            limit: MAX_MARKDOWN_BYTES,
        });
    }
    if raw.trim().is_empty() {
        return Err(MarkdownImportError::Empty);
    }
    // NUL bytes, many control characters or replacement characters (what a
    // browser makes of bytes that are not UTF-8) mean this is not text.
    let sample: Vec<char> = raw.chars().take(8192).collect();
    let odd = sample
        .iter()
        .filter(|c| {
            **c == '\u{FFFD}' || (c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        })
        .count();
    if raw.contains('\0') || odd * 100 > sample.len().max(1) * 2 {
        return Err(MarkdownImportError::Binary);
    }
    let start = raw
        .trim_start()
        .get(..20)
        .unwrap_or(raw.trim_start())
        .to_ascii_lowercase();
    if start.starts_with("<!doctype html") || start.starts_with("<html") {
        return Err(MarkdownImportError::HtmlPage);
    }
    Ok(())
}

/// Reads a Markdown postmortem. See the module documentation.
pub fn import_markdown(
    raw: &str,
    opts: &MarkdownImportOptions,
) -> Result<MarkdownImport, MarkdownImportError> {
    check_markdown(raw)?;
    let file = blocks::read(raw);
    let mut doc = Postmortem::new(opts.id.clone(), opts.now);
    let mut notes: Vec<ImportNote> = file
        .notes
        .iter()
        .map(|n| ImportNote {
            line: n.line,
            message: n.message.clone(),
        })
        .collect();

    // The title: the first level-1 heading, if it comes before any other.
    let mut sections = file.sections;
    let preamble = sections.remove(0);
    let mut headings: Vec<HeadingPlacement> = Vec::new();
    let mut intro: Vec<Block> = preamble.blocks;
    let mut first = 0;
    if let Some(h) = sections.first().and_then(|s| s.heading.clone()) {
        if h.level == 1 {
            doc.title = if h.text == "Untitled postmortem" {
                String::new()
            } else {
                h.text.clone()
            };
            headings.push(HeadingPlacement {
                index: 0,
                line: h.line,
                level: 1,
                text: h.text,
                target: SectionTarget::Summary,
                placement: Placement::Title,
                section_key: None,
            });
            intro.append(&mut sections[0].blocks);
            first = 1;
        }
    }

    let mut b = Builder {
        doc,
        notes: Vec::new(),
        timeline: Vec::new(),
        used_keys: HashSet::new(),
        next_suffix: HashMap::new(),
        own_export: false,
        timeline_date: None,
    };

    // Place every other heading.
    let mut placed: Vec<(SectionTarget, Option<String>, Placement)> = Vec::new();
    for (i, s) in sections.iter().enumerate().skip(first) {
        let Some(h) = &s.heading else { continue };
        let index = i;
        let parent = (first..i)
            .rev()
            .find(|j| {
                sections[*j]
                    .heading
                    .as_ref()
                    .is_some_and(|p| p.level < h.level)
            })
            .map(|j| j - first);
        let (target, placement) = match opts.overrides.get(&index) {
            Some(t) => (*t, Placement::Chosen),
            None => match target_for_heading(&h.text) {
                Some(t) => (t, Placement::Matched),
                None => match parent.and_then(|p| placed.get(p)) {
                    Some((t, _, _))
                        if !matches!(
                            t,
                            SectionTarget::Analysis
                                | SectionTarget::FourQuestions
                                | SectionTarget::Checklist
                        ) =>
                    {
                        (*t, Placement::Under)
                    }
                    _ => (SectionTarget::Custom, Placement::Unmatched),
                },
            },
        };
        // Free text of its own: a new key, or the parent's when under it.
        let key = match (target, placement) {
            (SectionTarget::Custom, Placement::Under) => parent
                .and_then(|p| placed.get(p))
                .and_then(|(_, k, _)| k.clone()),
            (SectionTarget::Custom, _) => Some(b.new_key(&h.text, "")),
            _ => None,
        };
        placed.push((target, key.clone(), placement));
        headings.push(HeadingPlacement {
            index,
            line: h.line,
            level: h.level,
            text: h.text.clone(),
            target,
            placement,
            section_key: key,
        });
    }

    // The text before the first section: "Key: value" lines, then prose.
    let intro_rest = b.details_lines(&intro);
    let mut summary_from_intro = intro_rest;

    // Everything but the timeline first: the timeline needs the dates.
    let mut timeline_sections: Vec<(usize, &blocks::Section)> = Vec::new();
    for (n, s) in sections.iter().enumerate().skip(first) {
        let Some(h) = &s.heading else { continue };
        let Some(pos) = headings
            .iter()
            .position(|p| p.index == n && p.placement != Placement::Title)
        else {
            continue;
        };
        let target = headings[pos].target;
        let under = headings[pos].placement == Placement::Under;
        let key = headings[pos].section_key.clone();
        match target {
            SectionTarget::Timeline => timeline_sections.push((pos, s)),
            t => b.section(t, &h.text, under, key, &s.blocks, &mut headings[pos]),
        }
    }
    // Prose before the first heading is the summary unless there is one.
    if !summary_from_intro.is_empty() {
        let text = summary_from_intro.join("\n\n");
        if b.doc.summary.is_empty() {
            b.doc.summary = text;
        } else {
            let key = b.new_key("Introduction", "");
            b.doc.sections.insert(key, text);
        }
        summary_from_intro.clear();
    }

    let default_date = b
        .doc
        .incident_date
        .or(b.doc.times.started.map(|t| t.date_naive()))
        .or_else(|| values::first_iso_date(&b.doc.title))
        .or_else(|| values::first_iso_date(raw.get(..raw.len().min(4096)).unwrap_or("")));
    for (pos, s) in timeline_sections {
        let heading = headings[pos].text.clone();
        b.timeline_blocks(&heading, &s.blocks, default_date, &mut headings[pos]);
    }
    b.finish_timeline(default_date);
    // A foreign postmortem with no date of its own: the day of its first
    // timed event. (Afterword's own export says when it has a date.)
    if b.doc.incident_date.is_none() && !b.own_export {
        b.doc.incident_date = b
            .doc
            .timeline
            .iter()
            .filter_map(|e| e.at)
            .min()
            .map(|t| t.date_naive());
    }
    notes.extend(b.notes);
    notes.sort_by_key(|n| n.line);
    Ok(MarkdownImport {
        doc: b.doc,
        headings,
        notes,
    })
}

/// A timeline entry in document order: read already, or a line for the
/// paste parser.
enum PendingEvent {
    Ready(TimelineEvent),
    Line {
        line: usize,
        text: String,
        kind: Option<crate::model::EventKind>,
        starred: bool,
    },
}

struct Builder {
    doc: Postmortem,
    notes: Vec<ImportNote>,
    timeline: Vec<PendingEvent>,
    used_keys: HashSet<String>,
    /// The next number to try per slug, so a document with thousands of
    /// same-named headings is read in linear time.
    next_suffix: HashMap<String, usize>,
    /// The file is Afterword's own export (its details table says when it
    /// was last updated).
    own_export: bool,
    /// The date set by the last date heading or date line in the timeline.
    timeline_date: Option<NaiveDate>,
}

impl Builder {
    fn note(&mut self, line: usize, message: impl Into<String>) {
        self.notes.push(ImportNote {
            line,
            message: message.into(),
        });
    }

    /// A free-text section key for a heading, unused so far.
    fn new_key(&mut self, heading: &str, suffix: &str) -> String {
        let slug = section_key(&format!("{heading}{suffix}"));
        let mut key = slug.clone();
        let mut n = self.next_suffix.get(&slug).copied().unwrap_or(2);
        while self.used_keys.contains(&key) || self.doc.sections.contains_key(&key) {
            key = format!("{slug}_{n}");
            n += 1;
        }
        self.next_suffix.insert(slug, n);
        self.used_keys.insert(key.clone());
        key
    }

    fn append_section(&mut self, key: &str, text: String) {
        if text.is_empty() {
            return;
        }
        let entry = self.doc.sections.entry(key.to_owned()).or_default();
        if !entry.is_empty() {
            entry.push_str("\n\n");
        }
        entry.push_str(&text);
    }

    /// Text that belongs to a structured section but could not be read into
    /// it: kept under "<heading> notes", with a note on the preview.
    fn keep_as_notes(&mut self, block: &Block, why: &str, place: &mut HeadingPlacement) {
        let text = block_text(block);
        self.keep_text_as_notes(block.line, text, why, place);
    }

    fn keep_text_as_notes(
        &mut self,
        line: usize,
        text: String,
        why: &str,
        place: &mut HeadingPlacement,
    ) {
        let key = match &place.section_key {
            Some(k) => k.clone(),
            None => {
                let k = self.new_key(&place.text, "_notes");
                place.section_key = Some(k.clone());
                k
            }
        };
        self.note(
            line,
            format!(
                "{why}; kept as text under “{}”",
                crate::template::FieldId::Text(key.clone()).label()
            ),
        );
        self.append_section(&key, text);
    }

    fn section(
        &mut self,
        target: SectionTarget,
        heading: &str,
        under: bool,
        key: Option<String>,
        blocks: &[Block],
        place: &mut HeadingPlacement,
    ) {
        use SectionTarget as T;
        if target.is_text() {
            let mut parts: Vec<String> = blocks
                .iter()
                .map(|b| match (&b.kind, target) {
                    // Summaries often carry "Start of impact: …" lines.
                    (BlockKind::Paragraph(inline), T::Summary) => self.moment_lines(inline),
                    _ => block_text(b),
                })
                .filter(|t| !t.is_empty())
                .collect();
            if under && !heading.trim().is_empty() {
                parts.insert(0, heading.to_owned());
            }
            let text = parts.join("\n\n");
            if target == T::Custom {
                let key = key.unwrap_or_else(|| self.new_key(heading, ""));
                self.append_section(&key, text);
                return;
            }
            if let Some(field) = self.text_field(target) {
                if !field.is_empty() && !text.is_empty() {
                    field.push_str("\n\n");
                }
                field.push_str(&text);
            }
            return;
        }
        for block in blocks {
            let done = match target {
                T::Details => {
                    let rest = self.details_block(block);
                    if !rest.is_empty() {
                        let text = rest.join("\n\n");
                        self.keep_text_as_notes(
                            block.line,
                            text,
                            "details that are not fields of Afterword",
                            place,
                        );
                    }
                    true
                }
                T::Summary => true,
                T::Impact => self.impact_block(block),
                T::BusinessMetrics => self.metrics_block(block),
                T::KeyTimes => self.times_block(block),
                T::ContributingFactors => self.factors_block(block),
                T::ActionItems => self.actions_block(block),
                T::Links => self.links_block(block),
                T::Participants => self.participants_block(block),
                T::Checklist => {
                    self.note(
                        block.line,
                        "the review checklist is not imported: Afterword works it out from the document (choose another place for this heading to keep its text)",
                    );
                    true
                }
                T::Analysis | T::FourQuestions => false,
                _ => false,
            };
            if !done {
                let why = match target {
                    T::Analysis | T::FourQuestions => {
                        "text under a heading that only groups others"
                    }
                    _ => "could not be read into the section",
                };
                self.keep_as_notes(block, why, place);
            }
        }
    }

    /// Reads `Key time: timestamp` lines of a paragraph into the key times
    /// (those not set yet); returns the other lines.
    fn moment_lines(&mut self, inline: &Inline) -> String {
        let mut rest = Inline::default();
        for line in split_lines(inline.clone()) {
            let text = line.text();
            let read = values::key_value(&text).is_some_and(|(k, v)| {
                let Some(m) = values::moment(&k) else {
                    return false;
                };
                let date = self.doc.incident_date;
                match values::human_time(&v, date) {
                    Some(at) if moment_slot(&mut self.doc.times, m).is_none() => {
                        *moment_slot(&mut self.doc.times, m) = Some(at);
                        true
                    }
                    _ => false,
                }
            });
            if !read {
                if !rest.pieces.is_empty() {
                    rest.pieces.push(Piece::SoftBreak);
                }
                rest.pieces.extend(line.pieces);
            }
        }
        if split_lines(inline.clone()).len() == split_lines(rest.clone()).len() {
            // Nothing read: keep the paragraph exactly as it was.
            return inline.prose();
        }
        rest.prose()
    }

    fn text_field(&mut self, target: SectionTarget) -> Option<&mut String> {
        use SectionTarget as T;
        let a = &mut self.doc.analysis;
        Some(match target {
            T::Summary => &mut self.doc.summary,
            T::Trigger => &mut a.trigger,
            T::Detection => &mut a.detection,
            T::Resolution => &mut a.resolution,
            T::Intended => &mut a.four_questions.intended,
            T::Actual => &mut a.four_questions.actual,
            T::Why => &mut a.four_questions.why,
            T::Prevention => &mut a.four_questions.prevention,
            T::WentWell => &mut a.went_well,
            T::WentWrong => &mut a.went_wrong,
            T::GotLucky => &mut a.got_lucky,
            T::Gaps => &mut a.gaps,
            T::Lessons => &mut a.lessons,
            _ => return None,
        })
    }

    // ----- details -----

    /// Reads `Key: value` lines from paragraphs and lists; returns the text
    /// of what was not read.
    fn details_lines(&mut self, blocks: &[Block]) -> Vec<String> {
        blocks.iter().flat_map(|b| self.details_block(b)).collect()
    }

    /// One block of a details section; returns the text not read.
    fn details_block(&mut self, block: &Block) -> Vec<String> {
        match &block.kind {
            BlockKind::Table(rows) => {
                let mut left = Vec::new();
                for row in rows.iter().skip(1) {
                    let (Some(k), Some(v)) = (row.first(), row.get(1)) else {
                        continue;
                    };
                    if !self.detail(&k.text(), v) {
                        left.push(format!("{}: {}", k.text(), v.readable()));
                    }
                }
                let is_details = rows
                    .first()
                    .is_some_and(|h| h.len() == 2 && values::key_name(&h[0].text()) == "field");
                if !is_details && left.len() + 1 == rows.len() {
                    return vec![block.source.clone()];
                }
                if left.is_empty() {
                    vec![]
                } else {
                    vec![left.join("\n")]
                }
            }
            BlockKind::Paragraph(_) | BlockKind::List(_) => {
                let lines: Vec<Inline> = match &block.kind {
                    BlockKind::List(items) => items.iter().map(|i| i.inline.clone()).collect(),
                    _ => split_lines(inline_of(block)),
                };
                let mut left: Vec<String> = Vec::new();
                for line in lines {
                    let text = line.text();
                    let read = values::key_value(&text).is_some_and(|(k, _)| {
                        let value = value_after_colon(&line);
                        self.detail(&k, &value)
                    });
                    if !read {
                        left.push(line.readable());
                    }
                }
                if left.is_empty() {
                    return vec![];
                }
                match &block.kind {
                    BlockKind::List(_) => vec![left
                        .iter()
                        .map(|l| format!("- {}", l.trim()))
                        .collect::<Vec<_>>()
                        .join("\n")],
                    _ => vec![left.join("\n")],
                }
            }
            _ => vec![block_text(block)],
        }
    }

    /// Sets the field a details row names; false when it names none or the
    /// value cannot be read.
    fn detail(&mut self, key: &str, value: &Inline) -> bool {
        let k = values::key_name(key);
        let text = value.text();
        let t = text.trim();
        let d = &mut self.doc;
        match k.as_str() {
            "severity" | "sev" => match values::severity(t) {
                Some(s) => d.classification.severity = Some(s),
                None => return false,
            },
            "status" => match values::workflow_status(t) {
                Some(s) => d.workflow.status = s,
                None => return false,
            },
            "incident date" | "date" | "date of incident" => match values::date(t) {
                Some(v) => d.incident_date = Some(v),
                None => return false,
            },
            "owner" | "postmortem owner" | "author" | "authors" | "document owner" => {
                if !d.owner.is_empty() {
                    return false;
                }
                d.owner = text.clone();
            }
            "participants" | "people" | "responders" | "attendees" | "people involved" => {
                for (name, role) in values::people(&text) {
                    let id = format!("p-{}", d.participants.len());
                    d.participants.push(Participant {
                        id,
                        name,
                        role,
                        extra: Default::default(),
                    });
                }
            }
            "incident commander" | "incident lead" | "ic" => {
                for (name, _) in values::people(&text) {
                    let id = format!("p-{}", d.participants.len());
                    d.participants.push(Participant {
                        id,
                        name,
                        role: crate::model::Role::IncidentLead,
                        extra: Default::default(),
                    });
                }
            }
            "reviewers" | "reviewed by" => {
                d.reviewers.extend(
                    text.split('\n')
                        .filter(|r| !r.is_empty())
                        .map(str::to_owned),
                );
            }
            "kind" | "incident kind" => match values::incident_kind(t) {
                Some(v) => d.classification.kind = Some(v),
                None => return false,
            },
            "category" => match values::category(t) {
                Some(v) => d.classification.category = Some(v),
                None => return false,
            },
            "alert source" => match values::alert_source(t) {
                Some(v) => d.classification.alert_source = Some(v),
                None => return false,
            },
            "reported to" => d.classification.reported_to = text.clone(),
            "last updated (utc)" | "last updated" => match values::exact_time(t) {
                Some(v) => {
                    d.updated_at = v;
                    self.own_export = true;
                }
                None => return false,
            },
            "title" if d.title.is_empty() => d.title = text.clone(),
            _ => match values::moment(&k) {
                Some(m) => {
                    let date = d.incident_date;
                    match values::human_time(t, date) {
                        Some(at) => *moment_slot(&mut d.times, m) = Some(at),
                        None => return false,
                    }
                }
                None => return false,
            },
        }
        true
    }

    // ----- impact -----

    fn impact_block(&mut self, block: &Block) -> bool {
        let i = &mut self.doc.impact;
        match &block.kind {
            BlockKind::Table(rows) if header_is(rows, &["measure", "value"]) => {
                let mut left = Vec::new();
                for row in rows.iter().skip(1) {
                    let (Some(k), Some(v)) = (row.first(), row.get(1)) else {
                        continue;
                    };
                    let text = v.text();
                    let ok = match values::key_name(&k.text()).as_str() {
                        "user-visible impact" => {
                            values::minutes(&text).map(|m| i.user_visible_minutes = Some(m))
                        }
                        "customers affected" => text
                            .trim()
                            .parse()
                            .ok()
                            .map(|n| i.customers_affected = Some(n)),
                        "customers who reported it" => text
                            .trim()
                            .parse()
                            .ok()
                            .map(|n| i.customers_reported = Some(n)),
                        "functional severity" => {
                            i.functional_severity = text.clone();
                            Some(())
                        }
                        "data lost" => {
                            i.data_lost = text.clone();
                            Some(())
                        }
                        "recovery point (utc)" => {
                            values::exact_time(&text).map(|t| i.recovery_point = Some(t))
                        }
                        "slo error budget consumed" => text
                            .trim()
                            .strip_suffix(" %")
                            .and_then(|p| p.parse::<f64>().ok())
                            .map(|p| i.slo_budget_consumed_percent = Some(p)),
                        _ => None,
                    };
                    if ok.is_none() {
                        left.push(format!("{}: {}", k.text(), v.readable()));
                    }
                }
                if !left.is_empty() {
                    self.add_impact_text(left.join("\n"));
                }
                true
            }
            BlockKind::Table(rows) if header_is(rows, &["metric", "value", "unit"]) => {
                self.metrics_block(block)
            }
            _ => {
                self.add_impact_text(block_text(block));
                true
            }
        }
    }

    fn add_impact_text(&mut self, text: String) {
        let d = &mut self.doc.impact.description;
        if !d.is_empty() {
            d.push_str("\n\n");
        }
        d.push_str(&text);
    }

    fn metrics_block(&mut self, block: &Block) -> bool {
        let BlockKind::Table(rows) = &block.kind else {
            return false;
        };
        for row in rows.iter().skip(1) {
            let cell = |i: usize| row.get(i).map(Inline::text).unwrap_or_default();
            let id = format!("m-{}", self.doc.impact.business_metrics.len());
            self.doc.impact.business_metrics.push(BusinessMetric {
                id,
                name: cell(0),
                value: cell(1),
                unit: cell(2),
                extra: Default::default(),
            });
        }
        true
    }

    // ----- key times -----

    fn times_block(&mut self, block: &Block) -> bool {
        match &block.kind {
            BlockKind::Table(rows) if header_is(rows, &["duration", "value", "formula"]) => {
                // Worked out from the key times again.
                true
            }
            BlockKind::Table(rows) => {
                let mut all = true;
                for row in rows.iter().skip(1) {
                    let (Some(k), Some(v)) = (row.first(), row.get(1)) else {
                        continue;
                    };
                    all &= self.detail(&k.text(), v);
                }
                all
            }
            _ => self.details_block(block).is_empty(),
        }
    }

    // ----- contributing factors -----

    fn factors_block(&mut self, block: &Block) -> bool {
        match &block.kind {
            BlockKind::List(items) => {
                for item in items {
                    let (text, category, evidence) = read_factor(&item.inline);
                    self.push_factor(text, category, evidence);
                }
                true
            }
            BlockKind::Paragraph(inline) => {
                let text = inline.text();
                if let Some(reason) = text.strip_prefix("Why only one factor: ") {
                    self.doc.analysis.single_factor_reason = reason.to_owned();
                } else {
                    self.push_factor(inline.prose(), None, Vec::new());
                }
                true
            }
            _ => {
                self.push_factor(block_text(block), None, Vec::new());
                true
            }
        }
    }

    fn push_factor(
        &mut self,
        text: String,
        category: Option<crate::model::Category>,
        evidence: Vec<String>,
    ) {
        let f = &mut self.doc.analysis.contributing_factors;
        let id = format!("f-{}", f.len());
        f.push(ContributingFactor {
            id,
            text,
            category,
            evidence,
            extra: Default::default(),
        });
    }

    // ----- action items -----

    fn actions_block(&mut self, block: &Block) -> bool {
        match &block.kind {
            BlockKind::Table(rows) => {
                self.actions_table(rows);
                true
            }
            BlockKind::List(items) => {
                for item in items {
                    let mut a = read_action_line(&item.inline);
                    if item.task == Some(true) && a.status == ActionStatus::Open {
                        a.status = ActionStatus::Done;
                    }
                    self.push_action(a);
                }
                true
            }
            _ => false,
        }
    }

    fn actions_table(&mut self, rows: &[Vec<Inline>]) {
        let Some(header) = rows.first() else { return };
        #[derive(Clone, Copy, PartialEq)]
        enum Col {
            Title,
            Owner,
            Due,
            Status,
            Kind,
            Priority,
            Ticket,
            Discuss,
            Other,
        }
        let cols: Vec<Col> = header
            .iter()
            .map(|h| match values::key_name(&h.text()).as_str() {
                "action" | "action item" | "item" | "task" | "title" | "description"
                | "summary" | "what" | "follow-up" | "follow up" => Col::Title,
                "owner" | "assignee" | "who" | "responsible" | "assigned to" | "owner(s)" => {
                    Col::Owner
                }
                "due" | "due date" | "deadline" | "by when" | "target date" | "eta" => Col::Due,
                "status" | "state" => Col::Status,
                "kind" | "type" | "category" => Col::Kind,
                "priority" | "prio" => Col::Priority,
                "ticket" | "issue" | "jira" | "link" | "bug" | "tracking" | "tracking bug" => {
                    Col::Ticket
                }
                "needs discussion" => Col::Discuss,
                _ => Col::Other,
            })
            .collect();
        let has_title = cols.contains(&Col::Title);
        for row in rows.iter().skip(1) {
            let mut a = blank_action();
            let mut extra: Vec<String> = Vec::new();
            let mut title_set = false;
            for (i, cell) in row.iter().enumerate() {
                let col = cols.get(i).copied().unwrap_or(Col::Other);
                let col = if !has_title && i == 0 {
                    Col::Title
                } else {
                    col
                };
                let text = cell.text();
                let t = text.trim();
                let heading = header.get(i).map(Inline::text).unwrap_or_default();
                match col {
                    Col::Title if !title_set => {
                        a.title = text.clone();
                        title_set = true;
                    }
                    Col::Owner => a.owner = text.clone(),
                    Col::Due if values::date(t).is_some() || t.is_empty() => {
                        a.due = values::date(t)
                    }
                    Col::Status if values::action_status(t).is_some() => {
                        a.status = values::action_status(t).unwrap_or_default()
                    }
                    Col::Kind if values::action_kind(t).is_some() || t.is_empty() => {
                        a.kind = values::action_kind(t)
                    }
                    Col::Priority if values::priority(t).is_some() || t.is_empty() => {
                        a.priority = values::priority(t)
                    }
                    Col::Ticket => a.ticket = ticket_of(cell),
                    Col::Discuss if matches!(t, "Yes" | "No") => a.needs_discussion = t == "Yes",
                    _ if t.is_empty() => {}
                    _ => extra.push(format!("{heading}: {}", cell.readable())),
                }
            }
            if !extra.is_empty() {
                a.title = format!("{} ({})", a.title, extra.join("; "));
            }
            self.push_action(a);
        }
    }

    fn push_action(&mut self, mut a: ActionItem) {
        a.id = format!("a-{}", self.doc.action_items.len());
        self.doc.action_items.push(a);
    }

    // ----- links -----

    fn links_block(&mut self, block: &Block) -> bool {
        let inlines: Vec<Inline> = match &block.kind {
            BlockKind::List(items) => items.iter().map(|i| i.inline.clone()).collect(),
            BlockKind::Paragraph(inline) => split_lines(inline.clone()),
            _ => return false,
        };
        for inline in inlines {
            let links: Vec<(&str, &str)> = inline.links().collect();
            let text = inline.text();
            let (label, url) = match links.as_slice() {
                [(label, dest)] if text.trim() == label.trim() => {
                    ((*label).to_owned(), (*dest).to_owned())
                }
                [(_, dest), ..] => (text.clone(), (*dest).to_owned()),
                [] => match text.strip_suffix(')').and_then(|t| t.rsplit_once(" (")) {
                    Some((label, url)) => (label.to_owned(), url.to_owned()),
                    None => (text.clone(), text.clone()),
                },
            };
            let id = format!("l-{}", self.doc.links.len());
            self.doc.links.push(Link {
                id,
                label,
                url,
                extra: Default::default(),
            });
        }
        true
    }

    // ----- participants -----

    fn participants_block(&mut self, block: &Block) -> bool {
        let entries: Vec<(String, crate::model::Role)> = match &block.kind {
            BlockKind::List(items) => items
                .iter()
                .flat_map(|i| values::people(&i.inline.text()))
                .collect(),
            BlockKind::Paragraph(inline) => values::people(&inline.text()),
            BlockKind::Table(rows) => rows
                .iter()
                .skip(1)
                .filter_map(|r| {
                    let name = r.first()?.text();
                    let role = r
                        .get(1)
                        .and_then(|c| values::role(&c.text()))
                        .unwrap_or_default();
                    Some((name, role))
                })
                .collect(),
            _ => return false,
        };
        for (name, role) in entries {
            let id = format!("p-{}", self.doc.participants.len());
            self.doc.participants.push(Participant {
                id,
                name,
                role,
                extra: Default::default(),
            });
        }
        true
    }

    // ----- timeline -----

    fn timeline_blocks(
        &mut self,
        heading: &str,
        blocks: &[Block],
        default_date: Option<NaiveDate>,
        place: &mut HeadingPlacement,
    ) {
        // "### 2024-03-02" under the timeline dates the lines below it.
        if place.placement == Placement::Under {
            if let Some(d) = date_in(heading) {
                self.timeline_date = Some(d);
            }
        }
        for block in blocks {
            match &block.kind {
                BlockKind::Table(rows) => self.timeline_table(block.line, rows),
                BlockKind::List(items) => {
                    for item in items {
                        let text = self.dated(&item.inline.readable());
                        self.timeline.push(PendingEvent::Line {
                            line: item.line,
                            text,
                            kind: None,
                            starred: false,
                        });
                    }
                }
                BlockKind::Paragraph(inline) => {
                    // Prose with no time in it ("All times are UTC") is a
                    // note about the timeline, not an event.
                    let text = inline.readable();
                    let ctx = PasteContext {
                        default_date: default_date.or(Some(NaiveDate::MIN)),
                        assume_utc_offset_minutes: 0,
                    };
                    if parse_timeline(&text, ctx).events.is_empty() {
                        // A date on its own ("**2024-07-09**") dates the
                        // lines that follow.
                        if let Some(d) = date_in(&text) {
                            self.timeline_date = Some(d);
                        }
                        self.keep_as_notes(block, "text with no time in the timeline", place);
                        continue;
                    }
                    for (n, line) in text.split('\n').enumerate() {
                        if !line.trim().is_empty() {
                            let text = self.dated(line);
                            self.timeline.push(PendingEvent::Line {
                                line: block.line + n,
                                text,
                                kind: None,
                                starred: false,
                            });
                        }
                    }
                }
                BlockKind::Verbatim { .. } => {
                    // Log excerpts in a code block: each line with a time is
                    // an event, as when pasted.
                    for (n, line) in block.source.lines().enumerate() {
                        let l = line.trim();
                        if l.is_empty() || l.starts_with("```") || l.starts_with("~~~") {
                            continue;
                        }
                        self.timeline.push(PendingEvent::Line {
                            line: block.line + n,
                            text: l.to_owned(),
                            kind: None,
                            starred: false,
                        });
                    }
                }
            }
        }
    }

    fn timeline_table(&mut self, first_line: usize, rows: &[Vec<Inline>]) {
        let Some(header) = rows.first() else { return };
        let names: Vec<String> = header.iter().map(|h| values::key_name(&h.text())).collect();
        let find = |want: &[&str]| names.iter().position(|n| want.contains(&n.as_str()));
        let date_col = find(&["date", "day"]);
        let time_col = find(&[
            "time (utc)",
            "time",
            "when",
            "timestamp",
            "time utc",
            "date/time",
            "date and time",
            "datetime",
        ]);
        let kind_col = find(&["kind", "type"]);
        let star_col = find(&["starred", "star", "key"]);
        let text_col = find(&[
            "event",
            "description",
            "what happened",
            "what",
            "action",
            "details",
            "detail",
            "note",
            "notes",
            "update",
            "activity",
        ]);
        for (r, row) in rows.iter().enumerate().skip(1) {
            let line = first_line + r + 1;
            let cell = |i: Option<usize>| i.and_then(|i| row.get(i)).map(Inline::text);
            let time = match (cell(date_col), cell(time_col)) {
                (Some(d), Some(t)) => format!("{} {}", d.trim(), t.trim()),
                (None, Some(t)) => t,
                (Some(d), None) => d,
                (None, None) => row.first().map(Inline::text).unwrap_or_default(),
            };
            let used = [date_col, time_col, kind_col, star_col, text_col];
            let text = match text_col.and_then(|i| row.get(i)) {
                Some(c) => {
                    let mut t = c.text();
                    let others: Vec<String> = row
                        .iter()
                        .enumerate()
                        .filter(|(i, c)| !used.contains(&Some(*i)) && !c.text().trim().is_empty())
                        .filter(|(i, _)| time_col.is_some() || *i != 0)
                        .map(|(i, c)| {
                            format!(
                                "{}: {}",
                                header.get(i).map(Inline::text).unwrap_or_default(),
                                c.readable()
                            )
                        })
                        .collect();
                    if !others.is_empty() {
                        t = format!("{t} ({})", others.join("; "));
                    }
                    t
                }
                None => row
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| !used.contains(&Some(*i)) && (time_col.is_some() || *i != 0))
                    .map(|(_, c)| c.readable())
                    .filter(|t| !t.trim().is_empty())
                    .collect::<Vec<_>>()
                    .join(" — "),
            };
            let kind = cell(kind_col).and_then(|k| values::event_kind(&k));
            let starred = cell(star_col)
                .is_some_and(|s| matches!(s.trim(), "★" | "⭐" | "yes" | "Yes" | "x"));
            if time == "(time not set)" {
                self.timeline.push(PendingEvent::Ready(TimelineEvent {
                    id: String::new(),
                    at: None,
                    kind: kind.unwrap_or_default(),
                    text,
                    starred,
                    extra: Default::default(),
                }));
            } else if let Some(at) = values::exact_time(&time) {
                self.timeline.push(PendingEvent::Ready(TimelineEvent {
                    id: String::new(),
                    at: Some(at),
                    kind: kind.unwrap_or_else(|| guess_kind(&text)),
                    text,
                    starred,
                    extra: Default::default(),
                }));
            } else {
                let text = self.dated(&format!("{} - {}", time.trim(), text.replace('\n', " ")));
                self.timeline.push(PendingEvent::Line {
                    line,
                    text,
                    kind,
                    starred,
                });
            }
        }
    }

    /// A timeline line that starts with a bare time, with the date of the
    /// last date heading or date line before it.
    fn dated(&self, line: &str) -> String {
        match self.timeline_date {
            Some(d)
                if line.trim_start().starts_with(|c: char| c.is_ascii_digit())
                    && values::first_iso_date(line).is_none() =>
            {
                format!("{} {}", d.format("%Y-%m-%d"), line.trim_start())
            }
            _ => line.to_owned(),
        }
    }

    /// Reads the pending lines with the paste parser, in one pass so a time
    /// without a date takes the date of the line before it.
    fn finish_timeline(&mut self, default_date: Option<NaiveDate>) {
        let pending = std::mem::take(&mut self.timeline);
        let lines: Vec<&str> = pending
            .iter()
            .map(|p| match p {
                PendingEvent::Line { text, .. } => text.as_str(),
                PendingEvent::Ready(_) => "",
            })
            .collect();
        // One pasted line per pending entry; ready ones are blank lines.
        let joined = lines
            .iter()
            .map(|l| l.replace(['\n', '\r'], " "))
            .collect::<Vec<_>>()
            .join("\n");
        let parsed = parse_timeline(
            &joined,
            PasteContext {
                default_date,
                assume_utc_offset_minutes: 0,
            },
        );
        let mut by_line: BTreeMap<usize, Result<&crate::timeline_paste::ParsedEvent, String>> =
            BTreeMap::new();
        for e in &parsed.events {
            by_line.insert(e.line, Ok(e));
        }
        for u in &parsed.unreadable {
            by_line.insert(u.line, Err(u.reason.clone()));
        }
        for (i, p) in pending.into_iter().enumerate() {
            let ev = match p {
                PendingEvent::Ready(ev) => ev,
                PendingEvent::Line {
                    line,
                    text,
                    kind,
                    starred,
                } => match by_line.get(&(i + 1)) {
                    Some(Ok(e)) => TimelineEvent {
                        id: String::new(),
                        at: Some(e.at),
                        kind: kind.unwrap_or(e.kind_guess),
                        text: e.text.clone(),
                        starred,
                        extra: Default::default(),
                    },
                    other => {
                        let reason = match other {
                            Some(Err(r)) => r.clone(),
                            _ => "no time found".to_owned(),
                        };
                        self.note(
                            line,
                            format!("timeline: the time could not be read ({reason}); the line is kept as an event without a time"),
                        );
                        TimelineEvent {
                            id: String::new(),
                            at: None,
                            kind: kind.unwrap_or_else(|| guess_kind(&text)),
                            text: text.trim().to_owned(),
                            starred,
                            extra: Default::default(),
                        }
                    }
                },
            };
            let id = format!("e-{}", self.doc.timeline.len());
            self.doc.timeline.push(TimelineEvent { id, ..ev });
        }
    }
}

/// The free-text section key a heading is stored under (before a number
/// is added to keep two equal headings apart): lowercase ASCII words joined
/// by `_`, starting with a letter, at most 40 characters.
pub fn section_key(heading: &str) -> String {
    let mut slug = String::new();
    for c in heading.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('_') && !slug.is_empty() {
            slug.push('_');
        }
    }
    let mut slug = slug.trim_end_matches('_').to_owned();
    if !slug.starts_with(|c: char| c.is_ascii_lowercase()) {
        slug = if slug.is_empty() {
            "untitled_section".to_owned()
        } else {
            format!("section_{slug}")
        };
    }
    slug.truncate(40);
    slug.trim_end_matches('_').to_owned()
}

/// A date written on its own: `2024-07-09`, `Day 2 — 2024-07-10`,
/// `March 1, 2024`.
fn date_in(text: &str) -> Option<NaiveDate> {
    let t = text.trim().trim_matches(['*', '_', '#', ' ']);
    values::first_iso_date(t).or_else(|| values::date(t))
}

fn blank_action() -> ActionItem {
    ActionItem {
        id: String::new(),
        title: String::new(),
        owner: String::new(),
        due: None,
        status: ActionStatus::Open,
        kind: None,
        priority: None,
        ticket: String::new(),
        needs_discussion: false,
        public: false,
        extra: Default::default(),
    }
}

fn moment_slot(t: &mut crate::model::KeyTimes, m: usize) -> &mut Option<DateTime<Utc>> {
    match m {
        0 => &mut t.started,
        1 => &mut t.detected,
        2 => &mut t.acknowledged,
        3 => &mut t.mitigated,
        _ => &mut t.resolved,
    }
}

fn header_is(rows: &[Vec<Inline>], want: &[&str]) -> bool {
    rows.first().is_some_and(|h| {
        h.len() == want.len()
            && h.iter()
                .zip(want)
                .all(|(c, w)| values::key_name(&c.text()) == *w)
    })
}

fn inline_of(block: &Block) -> Inline {
    match &block.kind {
        BlockKind::Paragraph(i) => i.clone(),
        _ => Inline::default(),
    }
}

/// Splits inline content at line breaks, keeping links whole.
fn split_lines(inline: Inline) -> Vec<Inline> {
    let mut out = vec![Inline::default()];
    for piece in inline.pieces {
        match piece {
            Piece::Text(t) => {
                for (i, part) in t.split('\n').enumerate() {
                    if i > 0 {
                        out.push(Inline::default());
                    }
                    if !part.is_empty() {
                        if let Some(last) = out.last_mut() {
                            last.pieces.push(Piece::Text(part.to_owned()));
                        }
                    }
                }
            }
            Piece::SoftBreak => out.push(Inline::default()),
            link => {
                if let Some(last) = out.last_mut() {
                    last.pieces.push(link);
                }
            }
        }
    }
    out.retain(|l| !l.text().trim().is_empty());
    out
}

/// The value of a `Key: value` line as inline content (after the first colon).
fn value_after_colon(line: &Inline) -> Inline {
    let mut out = Inline::default();
    let mut seen = false;
    for piece in &line.pieces {
        match piece {
            Piece::Text(t) if !seen => {
                if let Some((_, after)) = t.split_once(':') {
                    seen = true;
                    let after = after.trim_start_matches(['*', '_']).trim_start();
                    if !after.is_empty() {
                        out.pieces.push(Piece::Text(after.to_owned()));
                    }
                }
            }
            p if seen => out.pieces.push(p.clone()),
            _ => {}
        }
    }
    out
}

/// A ticket cell: the typed address (Afterword writes it as the label of a
/// link to itself), a link's address, or the text.
fn ticket_of(cell: &Inline) -> String {
    let links: Vec<(&str, &str)> = cell.links().collect();
    match links.as_slice() {
        [(label, dest)] => {
            let l = label.to_ascii_lowercase();
            if ["http://", "https://", "mailto:"]
                .iter()
                .any(|p| l.starts_with(p))
            {
                (*label).to_owned()
            } else {
                (*dest).to_owned()
            }
        }
        _ => cell.text(),
    }
}

/// Afterword's factor line: `text (category: C) · evidence: a, b`.
fn read_factor(inline: &Inline) -> (String, Option<crate::model::Category>, Vec<String>) {
    const MARK: &str = " · evidence: ";
    let full = inline.text();
    let (pre_end, ev_start) = if let Some(rest) = full.strip_prefix(&MARK[1..]) {
        (0, full.len() - rest.len())
    } else if let Some(p) = full.rfind(MARK) {
        (p, p + MARK.len())
    } else {
        (full.len(), full.len())
    };
    let mut evidence = Vec::new();
    let mut offset = 0;
    for piece in &inline.pieces {
        let (len, is_link, text) = match piece {
            Piece::Text(t) => (t.len(), false, t.as_str()),
            Piece::Link { label, .. } => (label.len(), true, label.as_str()),
            Piece::SoftBreak => (1, false, "\n"),
        };
        let (start, end) = (offset, offset + len);
        offset = end;
        if end <= ev_start {
            continue;
        }
        if is_link {
            evidence.push(text.to_owned());
        } else {
            let from = ev_start.saturating_sub(start);
            let part = text.get(from..).unwrap_or("");
            evidence.extend(
                part.split(", ")
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned),
            );
        }
    }
    let pre = full.get(..pre_end).unwrap_or("");
    let (text, category) = match pre.rfind("(category: ") {
        Some(p) if pre.ends_with(')') && (p == 0 || pre[..p].ends_with(' ')) => {
            match values::category(&pre[p + 11..pre.len() - 1]) {
                Some(c) => (pre[..p.saturating_sub(1)].to_owned(), Some(c)),
                None => (pre.to_owned(), None),
            }
        }
        _ => (pre.to_owned(), None),
    };
    if evidence.is_empty() && category.is_none() {
        // An ordinary list item: keep its links readable.
        return (inline.prose(), None, evidence);
    }
    (text, category, evidence)
}

/// An action written as a line: `Add an alert @dana (due: 2024-03-10) [PROJ-12](…)`.
fn read_action_line(inline: &Inline) -> ActionItem {
    let mut a = blank_action();
    let mut title = inline.text();
    if let Some((_, dest)) = inline.links().next() {
        a.ticket = dest.to_owned();
    }
    // "(owner: X)", "(due: 2024-03-10)", "(due 2024-03-10)" annotations.
    while let Some(open) = title.rfind('(') {
        let Some(close_rel) = title[open..].find(')') else {
            break;
        };
        let inner = title[open + 1..open + close_rel].to_owned();
        let lower = inner.to_lowercase();
        let mut used = false;
        for part in inner.split([',', ';']) {
            let p = part.trim();
            let pl = p.to_lowercase();
            if let Some(v) = pl
                .strip_prefix("owner:")
                .or_else(|| pl.strip_prefix("owner "))
                .or_else(|| pl.strip_prefix("assignee:"))
            {
                let start = p.len() - v.len();
                a.owner = p[start..].trim().to_owned();
                used = true;
            } else if let Some(v) = pl
                .strip_prefix("due:")
                .or_else(|| pl.strip_prefix("due "))
                .or_else(|| pl.strip_prefix("by "))
            {
                if let Some(d) = values::date(v) {
                    a.due = Some(d);
                    used = true;
                }
            } else if let Some(d) = values::date(p) {
                a.due = Some(d);
                used = true;
            }
        }
        if used && !lower.is_empty() {
            let end = open + close_rel + 1;
            title = format!("{}{}", title[..open].trim_end(), &title[end..]);
        } else {
            break;
        }
    }
    // "due 2024-03-10" or "by 2024-03-10" written out.
    if a.due.is_none() {
        let lower = title.to_lowercase();
        for marker in ["due ", "due: ", "by "] {
            if let Some(p) = lower.find(marker) {
                if let Some(d) = title
                    .get(p + marker.len()..p + marker.len() + 10)
                    .and_then(values::date)
                {
                    a.due = Some(d);
                    break;
                }
            }
        }
    }
    if a.owner.is_empty() {
        if let Some(p) = title.find('@') {
            let name: String = title[p + 1..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_'))
                .collect();
            let name = name.trim_end_matches(['.', '-']).to_owned();
            let before_ok = p == 0 || title[..p].ends_with([' ', '(']);
            if before_ok && !name.is_empty() {
                a.owner = name;
            }
        }
    }
    if a.owner.is_empty() {
        if let Some((_, v)) = values::key_value(&title).filter(|(k, _)| k == "owner") {
            a.owner = v;
        }
    }
    a.title = title.trim().to_owned();
    a
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts() -> MarkdownImportOptions {
        MarkdownImportOptions {
            id: "pm-test".into(),
            now: DateTime::from_timestamp(1_700_000_000, 0).unwrap_or_default(),
            overrides: BTreeMap::new(),
        }
    }

    #[test]
    fn action_lines_carry_owner_due_and_ticket() {
        let md = "# T\n\n## Follow-ups\n\n- [ ] Add a disk alert @dana (due: 2024-03-10)\n- [x] Rotate keys (owner: Sam Lee)\n- Write the runbook due 2024-04-01 [OPS-7](https://tracker.example.com/OPS-7)\n";
        let out = import_markdown(md, &opts()).unwrap();
        let a = &out.doc.action_items;
        assert_eq!(a.len(), 3);
        assert_eq!(a[0].title, "Add a disk alert @dana");
        assert_eq!(a[0].owner, "dana");
        assert_eq!(a[0].due, NaiveDate::from_ymd_opt(2024, 3, 10));
        assert_eq!(a[1].owner, "Sam Lee");
        assert_eq!(a[1].status, ActionStatus::Done);
        assert_eq!(a[2].due, NaiveDate::from_ymd_opt(2024, 4, 1));
        assert_eq!(a[2].ticket, "https://tracker.example.com/OPS-7");
    }

    #[test]
    fn many_headings_of_one_name_each_keep_their_text() {
        // A fuzzed file with thousands of same-named headings once took
        // seconds: each new key rescanned every key before it.
        let md: String = std::iter::once("# T\n".to_owned())
            .chain((0..3000).map(|i| format!("\n## Leadup\n\nPart {i}.\n")))
            .collect();
        let out = import_markdown(&md, &opts()).unwrap();
        let s = &out.doc.sections;
        assert_eq!(s.get("leadup").map(String::as_str), Some("Part 0."));
        assert_eq!(s.get("leadup_2").map(String::as_str), Some("Part 1."));
        assert_eq!(s.get("leadup_3000").map(String::as_str), Some("Part 2999."));
        assert_eq!(s.keys().filter(|k| k.starts_with("leadup")).count(), 3000);
    }

    #[test]
    fn unmatched_headings_become_free_text_and_nothing_is_lost() {
        let md = "# T\n\n## Leadup\n\nA deploy went out.\n\n## Fault\n\nThe cache was cold.\n";
        let out = import_markdown(md, &opts()).unwrap();
        assert_eq!(
            out.doc.sections.get("leadup").map(String::as_str),
            Some("A deploy went out.")
        );
        assert_eq!(
            out.doc.sections.get("fault").map(String::as_str),
            Some("The cache was cold.")
        );
        assert!(out
            .headings
            .iter()
            .any(|h| h.text == "Fault" && h.placement == Placement::Unmatched));
    }

    #[test]
    fn a_chosen_mapping_wins() {
        let md = "# T\n\n## Fault\n\nThe cache was cold.\n";
        let first = import_markdown(md, &opts()).unwrap();
        let fault = first
            .headings
            .iter()
            .find(|h| h.text == "Fault")
            .unwrap()
            .index;
        let mut o = opts();
        o.overrides.insert(fault, SectionTarget::Trigger);
        let out = import_markdown(md, &o).unwrap();
        assert_eq!(out.doc.analysis.trigger, "The cache was cold.");
        assert!(out.doc.sections.is_empty());
    }

    #[test]
    fn key_times_from_lines_and_timeline_from_bullets() {
        let md = "# Outage\n\n**Date:** 2024-03-01\n\nStart of impact: 2024-03-01 14:02 UTC\nEnd of impact: 2024-03-01 15:10 UTC\n\n## Timeline\n\n- 14:02 alerts fired\n- 14:10 paged the database team\n- sometime later we went home\n";
        let out = import_markdown(md, &opts()).unwrap();
        let d = &out.doc;
        assert_eq!(d.incident_date, NaiveDate::from_ymd_opt(2024, 3, 1));
        assert_eq!(d.times.started, values::exact_time("2024-03-01 14:02"));
        assert_eq!(d.times.resolved, values::exact_time("2024-03-01 15:10"));
        assert_eq!(d.timeline.len(), 3);
        assert_eq!(d.timeline[1].at, values::exact_time("2024-03-01 14:10"));
        assert_eq!(d.timeline[2].at, None);
        assert!(
            out.notes
                .iter()
                .any(|n| n.line == 12 && n.message.contains("timeline")),
            "{:?}",
            out.notes
        );
    }

    #[test]
    fn date_lines_and_headings_date_the_times_below_them() {
        let md = "# T\n\n## Timeline\n\n**2024-07-09**\n\n- 23:50 alert fired\n\n### 2024-07-10\n\n- 00:20 rolled back\n- 2024-07-11 09:00 review held\n";
        let out = import_markdown(md, &opts()).unwrap();
        let at: Vec<_> = out.doc.timeline.iter().map(|e| e.at).collect();
        assert_eq!(
            at,
            vec![
                values::exact_time("2024-07-09 23:50"),
                values::exact_time("2024-07-10 00:20"),
                values::exact_time("2024-07-11 09:00")
            ]
        );
    }

    #[test]
    fn refuses_what_is_not_markdown() {
        assert_eq!(
            import_markdown("", &opts()),
            Err(MarkdownImportError::Empty)
        );
        assert_eq!(
            import_markdown("ab\0cd", &opts()),
            Err(MarkdownImportError::Binary)
        );
        assert_eq!(
            import_markdown("<!DOCTYPE html><html></html>", &opts()),
            Err(MarkdownImportError::HtmlPage)
        );
        let big = "a".repeat(MAX_MARKDOWN_BYTES + 1);
        assert!(matches!(
            import_markdown(&big, &opts()),
            Err(MarkdownImportError::TooLarge { .. })
        ));
    }
}
