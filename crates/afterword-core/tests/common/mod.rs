//! Shared test material: a fully filled sample, nasty strings, a proptest
//! strategy for whole documents and a small reader for Markdown output.
#![allow(dead_code)]

use std::collections::BTreeMap;

use afterword_core::model::*;
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use proptest::prelude::*;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

#[allow(unused_imports)]
pub use afterword_core::fixture::at;

/// Strings that break naive Markdown, HTML or CSV output.
pub const NASTY: &[&str] = &[
    "a | b | c",
    "line one\nline two",
    "# not a heading",
    "> not a quote",
    "- not a list",
    "+ not a list",
    "1. not a list",
    "2) not a list",
    "*not emphasis* and _not either_",
    "`not code`",
    "```\nnot a fence\n```",
    "[not](a link) and ![no](image)",
    "<script>alert('x')</script>",
    "<!-- hidden? -->",
    "Fish &amp; chips &copy; &#65;",
    "ends with a backslash\\",
    "   leading and trailing spaces   ",
    "\ttabbed",
    "===",
    "---",
    "~~not struck~~",
    "$x^2$ is not math",
    "<br>",
    "[ref]: https://example.com",
    "    four spaces are not code",
    "a\n\n\nb",
    "\\| escaped pipe \\\\",
    "Café ☕ 😀 日本語",
    "=SUM(A1:A9)",
    "@mention, \"quoted\", comma",
    "* [ ] not a task",
    "| --- | --- |",
    "<div>\n\nblock html\n\n</div>",
    "a\r\nb",
    "#hashtag #123",
    "trailing hash #",
];

/// A document with every field filled (shared with the crate's own tests).
pub fn full_doc() -> Postmortem {
    afterword_core::fixture::full_postmortem()
}

// ---------- proptest strategies ----------

pub fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        1 => Just(String::new()),
        3 => "\\PC{0,24}",
        6 => prop::collection::vec(
            prop_oneof![
                any::<char>().prop_map(|c| c.to_string()),
                prop::sample::select(NASTY).prop_map(String::from),
                prop::sample::select(&[" ", "\n", "\t", "|", "\\", "#", "<", "&", "`", "*", "-", "1.", "\r"][..])
                    .prop_map(String::from),
            ],
            0..10,
        )
        .prop_map(|parts| parts.concat()),
    ]
}

pub fn time() -> impl Strategy<Value = DateTime<Utc>> {
    (0i64..4_102_444_800, 0u32..1000).prop_map(|(s, ms)| {
        Utc.timestamp_opt(s, ms * 1_000_000)
            .single()
            .unwrap_or_default()
    })
}

pub fn opt_time() -> impl Strategy<Value = Option<DateTime<Utc>>> {
    prop::option::of(time())
}

pub fn date() -> impl Strategy<Value = NaiveDate> {
    (0i32..60_000)
        .prop_map(|d| NaiveDate::from_ymd_opt(1970, 1, 1).unwrap() + chrono::Days::new(d as u64))
}

fn pick<T: Copy + std::fmt::Debug + 'static>(all: &'static [T]) -> impl Strategy<Value = T> {
    prop::sample::select(all)
}

fn opt_pick<T: Copy + std::fmt::Debug + 'static>(
    all: &'static [T],
) -> impl Strategy<Value = Option<T>> {
    prop::option::of(pick(all))
}

fn numbered<T: std::fmt::Debug>(
    items: impl Strategy<Value = Vec<T>>,
    set: fn(&mut T, String),
    prefix: &'static str,
) -> impl Strategy<Value = Vec<T>> {
    items.prop_map(move |mut v| {
        for (i, item) in v.iter_mut().enumerate() {
            set(item, format!("{prefix}-{i}"));
        }
        v
    })
}

prop_compose! {
    fn participant()(name in text(), role in pick(&Role::ALL)) -> Participant {
        Participant { id: String::new(), name, role, extra: Default::default() }
    }
}

prop_compose! {
    fn classification()(
        severity in opt_pick(&Severity::ALL),
        kind in opt_pick(IncidentKind::ALL),
        category in opt_pick(Category::ALL),
        alert_source in opt_pick(AlertSource::ALL),
        reported_to in text(),
    ) -> Classification {
        Classification { severity, kind, category, alert_source, reported_to, extra: Default::default() }
    }
}

prop_compose! {
    fn key_times()(
        started in opt_time(), detected in opt_time(), acknowledged in opt_time(),
        mitigated in opt_time(), resolved in opt_time(),
    ) -> KeyTimes {
        KeyTimes { started, detected, acknowledged, mitigated, resolved, extra: Default::default() }
    }
}

prop_compose! {
    fn metric()(name in text(), value in text(), unit in text()) -> BusinessMetric {
        BusinessMetric { id: String::new(), name, value, unit, extra: Default::default() }
    }
}

prop_compose! {
    fn impact()(
        description in text(),
        user_visible_minutes in prop::option::of(any::<u64>()),
        customers_affected in prop::option::of(any::<u64>()),
        customers_reported in prop::option::of(any::<u64>()),
        functional_severity in text(),
        business_metrics in numbered(prop::collection::vec(metric(), 0..3), |m, id| m.id = id, "m"),
        data_lost in text(),
        recovery_point in opt_time(),
        slo in prop::option::of(prop::num::f64::NORMAL | prop::num::f64::ZERO | prop::num::f64::SUBNORMAL),
    ) -> Impact {
        Impact {
            description, user_visible_minutes, customers_affected, customers_reported,
            functional_severity, business_metrics, data_lost, recovery_point,
            slo_budget_consumed_percent: slo,
            extra: Default::default(),
        }
    }
}

prop_compose! {
    pub fn event()(at in opt_time(), kind in pick(EventKind::ALL), text in text(), starred in any::<bool>()) -> TimelineEvent {
        TimelineEvent { id: String::new(), at, kind, text, starred, extra: Default::default() }
    }
}

prop_compose! {
    fn factor()(
        text in text(),
        category in opt_pick(Category::ALL),
        evidence in prop::collection::vec(text(), 0..3),
    ) -> ContributingFactor {
        ContributingFactor { id: String::new(), text, category, evidence, extra: Default::default() }
    }
}

prop_compose! {
    fn analysis()(
        contributing_factors in numbered(prop::collection::vec(factor(), 0..3), |f, id| f.id = id, "f"),
        texts in prop::collection::vec(text(), 13),
    ) -> Analysis {
        let t = |i: usize| texts[i].clone();
        Analysis {
            contributing_factors,
            trigger: t(0), detection: t(1), resolution: t(2), went_well: t(3),
            went_wrong: t(4), got_lucky: t(5), gaps: t(6), lessons: t(7),
            single_factor_reason: t(8),
            four_questions: FourQuestions { intended: t(9), actual: t(10), why: t(11), prevention: t(12), extra: Default::default() },
            extra: Default::default(),
        }
    }
}

prop_compose! {
    pub fn action()(
        title in text(), owner in text(), due in prop::option::of(date()),
        status in pick(ActionStatus::ALL), kind in opt_pick(ActionKind::ALL),
        priority in opt_pick(Priority::ALL), ticket in text(), needs_discussion in any::<bool>(), public in any::<bool>(),
    ) -> ActionItem {
        ActionItem { id: String::new(), title, owner, due, status, kind, priority, ticket, needs_discussion, public, extra: Default::default() }
    }
}

prop_compose! {
    fn link()(label in text(), url in text()) -> Link {
        Link { id: String::new(), label, url, extra: Default::default() }
    }
}

prop_compose! {
    fn workflow()(
        status in pick(WorkflowStatus::ALL),
        history in prop::collection::vec((pick(WorkflowStatus::ALL), text(), time()), 0..3),
    ) -> Workflow {
        Workflow {
            status,
            history: history.into_iter().map(|(status, by, at)| StatusChange { status, by, at, extra: Default::default() }).collect(),
            extra: Default::default(),
        }
    }
}

prop_compose! {
    fn dismissal()(fingerprint in text(), rule in text(), text in text(), reason in text(), at in time()) -> Dismissal {
        Dismissal { fingerprint, rule, text, reason, at, extra: Default::default() }
    }
}

prop_compose! {
    fn head()(
        id in "[a-z0-9][a-z0-9_-]{0,20}",
        revision in any::<u64>(),
        created_at in time(),
        updated_at in time(),
        template in text(),
        title in text(),
        summary in text(),
        incident_date in prop::option::of(date()),
        owner in text(),
    ) -> Postmortem {
        let mut doc = Postmortem::new(id, created_at);
        doc.revision = revision;
        doc.updated_at = updated_at;
        doc.template = template;
        doc.title = title;
        doc.summary = summary;
        doc.incident_date = incident_date;
        doc.owner = owner;
        doc
    }
}

prop_compose! {
    pub fn postmortem()(
        head in head(),
        participants in numbered(prop::collection::vec(participant(), 0..4), |p, id| p.id = id, "p"),
        reviewers in prop::collection::vec(text(), 0..3),
        classification in classification(),
        times in key_times(),
        impact in impact(),
        timeline in numbered(prop::collection::vec(event(), 0..6), |e, id| e.id = id, "e"),
        analysis in analysis(),
        action_items in numbered(prop::collection::vec(action(), 0..5), |a, id| a.id = id, "a"),
        links in numbered(prop::collection::vec(link(), 0..3), |l, id| l.id = id, "l"),
        tail in (
            workflow(),
            prop::collection::btree_map("[a-z_]{1,12}", text(), 0..3),
            prop::collection::vec(dismissal(), 0..2),
            prop::collection::vec(text(), 0..2),
        ),
    ) -> Postmortem {
        let (workflow, sections, dismissals, disabled_rules): (Workflow, BTreeMap<String, String>, Vec<Dismissal>, Vec<String>) = tail;
        Postmortem {
            participants, reviewers, classification, times, impact, timeline, analysis,
            action_items, links, workflow, sections, dismissals, disabled_rules,
            ..head
        }
    }
}

// ---------- reading Markdown back ----------

/// A block of the rendered document, with its text as a reader sees it
/// (`<br>` read as a line break).
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Heading(u32, String),
    Paragraph(String),
    /// Header row first.
    Table(Vec<Vec<String>>),
    List(Vec<String>),
    /// Anything else, which Afterword never writes.
    Other(String),
}

pub fn parse(md: &str) -> Vec<Block> {
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_STRIKETHROUGH);
    opts.insert(Options::ENABLE_TASKLISTS);
    let mut blocks = Vec::new();
    let mut text = String::new();
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut items: Vec<String> = Vec::new();
    let mut in_list = 0;
    for event in Parser::new_ext(md, opts) {
        match event {
            Event::Start(Tag::Item) => text.clear(),
            Event::Start(Tag::Heading { .. } | Tag::Paragraph | Tag::TableCell) if in_list == 0 => {
                text.clear()
            }
            Event::Start(Tag::List(_)) => {
                in_list += 1;
                items.clear();
            }
            Event::End(TagEnd::List(_)) => {
                in_list -= 1;
                blocks.push(Block::List(std::mem::take(&mut items)));
            }
            Event::End(TagEnd::Item) => items.push(std::mem::take(&mut text)),
            Event::End(TagEnd::Heading(level)) => {
                blocks.push(Block::Heading(level as u32, std::mem::take(&mut text)))
            }
            Event::End(TagEnd::Paragraph) if in_list == 0 => {
                blocks.push(Block::Paragraph(std::mem::take(&mut text)))
            }
            Event::Start(Tag::TableHead | Tag::TableRow) => rows.push(Vec::new()),
            Event::End(TagEnd::TableCell) => {
                if let Some(row) = rows.last_mut() {
                    row.push(std::mem::take(&mut text));
                }
            }
            Event::End(TagEnd::Table) => blocks.push(Block::Table(std::mem::take(&mut rows))),
            Event::Text(t) => text.push_str(&t),
            Event::InlineHtml(h) if h.as_ref() == "<br>" => text.push('\n'),
            Event::SoftBreak => {}
            Event::HardBreak => text.push_str("<HARDBREAK>"),
            Event::Code(c) => text.push_str(&format!("<CODE {c}>")),
            Event::Html(h) | Event::InlineHtml(h) => {
                blocks.push(Block::Other(format!("html: {h}")))
            }
            Event::Start(Tag::Emphasis) => text.push_str("<EM>"),
            Event::Start(Tag::Strong) => text.push_str("<STRONG>"),
            Event::Start(Tag::Strikethrough) => text.push_str("<DEL>"),
            Event::Start(Tag::BlockQuote(_)) => blocks.push(Block::Other("quote".into())),
            Event::Start(Tag::CodeBlock(_)) => blocks.push(Block::Other("code block".into())),
            Event::Start(Tag::Image { .. }) => text.push_str("<IMG>"),
            Event::TaskListMarker(done) => text.push_str(if done { "[x] " } else { "[ ] " }),
            Event::Rule => blocks.push(Block::Other("rule".into())),
            _ => {}
        }
    }
    blocks
}

/// What a reader should see for `typed` in a paragraph: blank lines around
/// it dropped, NUL shown as U+FFFD (as every CommonMark renderer does).
pub fn seen_in_block(typed: &str) -> String {
    typed.trim_matches('\n').replace('\0', "\u{FFFD}")
}

/// What a reader should see for `typed` in a table cell or heading.
pub fn seen_in_line(typed: &str) -> String {
    typed.replace('\0', "\u{FFFD}")
}

pub fn headings(blocks: &[Block]) -> Vec<(u32, String)> {
    blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading(l, t) => Some((*l, t.clone())),
            _ => None,
        })
        .collect()
}

/// The block after the heading with this text.
pub fn after_heading<'a>(blocks: &'a [Block], heading: &str) -> Option<&'a Block> {
    let i = blocks
        .iter()
        .position(|b| matches!(b, Block::Heading(_, t) if t == heading))?;
    blocks.get(i + 1)
}
