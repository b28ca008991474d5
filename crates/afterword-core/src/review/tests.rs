use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::text::md_inline;
use super::trends::{incident_day, median};
use super::*;
use crate::followup::follow_up;
use crate::model::{ActionKind, Category, KeyTimes, Priority};
use crate::sample::generate_samples;

// ---------------------------------------------------------------- helpers

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
}

fn today() -> NaiveDate {
    day(2026, 11, 20)
}

fn item(id: &str, status: ActionStatus, due: Option<NaiveDate>) -> ActionItem {
    ActionItem {
        id: id.into(),
        title: format!("Action {id}"),
        owner: "Sam".into(),
        due,
        status,
        kind: None,
        priority: None,
        ticket: String::new(),
        needs_discussion: false,
        public: false,
        extra: Default::default(),
    }
}

fn doc(id: &str, title: &str) -> Postmortem {
    let mut d = Postmortem::new(id.into(), at(2026, 11, 1, 9, 0));
    d.title = title.into();
    d
}

fn row(draft: &str, it: ActionItem) -> ActionRow {
    ActionRow {
        draft_id: draft.into(),
        draft_title: format!("Postmortem {draft}"),
        severity: None,
        incident_date: None,
        overdue: is_overdue(&it, today()),
        closed: false,
        item: it,
    }
}

fn ids(rows: &[ActionRow]) -> Vec<String> {
    rows.iter()
        .map(|r| format!("{}/{}", r.draft_id, r.item.id))
        .collect()
}

// ------------------------------------------------------ collecting rows

#[test]
fn collects_every_item_in_document_order_with_its_postmortem() {
    let mut a = doc("pm-a", "Checkout errors");
    a.classification.severity = Some(Severity::Sev2);
    a.incident_date = Some(day(2026, 10, 3));
    a.action_items = vec![
        item("1", ActionStatus::Open, Some(day(2026, 11, 19))),
        item("2", ActionStatus::Done, Some(day(2026, 1, 1))),
    ];
    let mut b = doc("pm-b", "   ");
    b.action_items = vec![item("1", ActionStatus::InProgress, None)];
    let empty = doc("pm-c", "Nothing to do");

    let docs = vec![a.clone(), empty.clone(), b.clone()];
    let rows = collect_actions(&docs, today());
    assert_eq!(ids(&rows), ["pm-a/1", "pm-a/2", "pm-b/1"]);
    assert_eq!(rows[0].draft_title, "Checkout errors");
    assert_eq!(rows[0].severity, Some(Severity::Sev2));
    assert_eq!(rows[0].incident_date, Some(day(2026, 10, 3)));
    assert_eq!(rows[0].item, a.action_items[0]);
    assert_eq!(rows[2].draft_title, "Untitled postmortem");
    assert_eq!(rows[2].severity, None);
    assert_eq!(
        rows.iter().map(|r| r.overdue).collect::<Vec<_>>(),
        [true, false, false]
    );

    // The same from references, a slice of references, or owned documents.
    let refs: Vec<&Postmortem> = vec![&a, &empty, &b];
    assert_eq!(collect_actions(refs.iter().copied(), today()), rows);
    assert_eq!(collect_actions(refs, today()), rows);
    assert_eq!(collect_actions(docs, today()), rows);
    assert!(collect_actions(Vec::<Postmortem>::new(), today()).is_empty());
}

#[test]
fn overdue_means_pending_and_due_before_today() {
    let yesterday = Some(day(2026, 11, 19));
    let cases = [
        (ActionStatus::Open, yesterday, true),
        (ActionStatus::InProgress, yesterday, true),
        (ActionStatus::Done, yesterday, false),
        (ActionStatus::WontDo, yesterday, false),
        (ActionStatus::Open, Some(today()), false),
        (ActionStatus::InProgress, Some(day(2026, 11, 21)), false),
        (ActionStatus::Open, None, false),
        (ActionStatus::Open, Some(day(1999, 1, 1)), true),
    ];
    for (status, due, expected) in cases {
        assert_eq!(
            is_overdue(&item("x", status, due), today()),
            expected,
            "{status:?} {due:?}"
        );
    }
    // Agrees with the per-document count of the follow-up panel.
    let mut d = doc("pm", "x");
    d.action_items = cases
        .iter()
        .enumerate()
        .map(|(i, (s, due, _))| item(&i.to_string(), *s, *due))
        .collect();
    let rows = collect_actions([&d], today());
    assert_eq!(count_actions(&rows), follow_up(&d, today()));
}

#[test]
fn counts_and_summary_line() {
    let rows = vec![
        row("a", item("1", ActionStatus::Open, Some(day(2026, 1, 1)))),
        row("a", item("2", ActionStatus::Open, None)),
        row(
            "a",
            item("3", ActionStatus::InProgress, Some(day(2026, 11, 1))),
        ),
        row("b", item("1", ActionStatus::Done, Some(day(2026, 1, 1)))),
        row("b", item("2", ActionStatus::WontDo, None)),
    ];
    let c = count_actions(&rows);
    assert_eq!(
        (c.total, c.open, c.in_progress, c.done, c.wont_do, c.overdue),
        (5, 2, 1, 1, 1, 2)
    );
    assert_eq!(
        summary_line(&c),
        "5 action items: 2 open, 1 in progress, 1 done, 1 won't do; 2 overdue"
    );
    assert_eq!(
        summary_line(&count_actions(&rows[..1])),
        "1 action item: 1 open, 0 in progress, 0 done, 0 won't do; 1 overdue"
    );
    assert_eq!(count_actions(&[]).total, 0);
}

// ------------------------------------------------------------ filtering

fn filter_rows() -> Vec<ActionRow> {
    let mut rows = Vec::new();
    let mut r = row("a", item("1", ActionStatus::Open, Some(day(2026, 11, 1))));
    r.item.owner = "Dana Kim".into();
    r.item.kind = Some(ActionKind::Detect);
    r.item.title = "Alert on disk usage".into();
    r.severity = Some(Severity::Sev1);
    rows.push(r);
    let mut r = row(
        "a",
        item("2", ActionStatus::InProgress, Some(day(2026, 12, 1))),
    );
    r.item.owner = "sam ORTIZ".into();
    r.item.kind = Some(ActionKind::Prevent);
    r.item.ticket = "OPS-42".into();
    r.severity = Some(Severity::Sev1);
    rows.push(r);
    let mut r = row("b", item("1", ActionStatus::Done, Some(day(2026, 10, 1))));
    r.item.owner = "Sam Ortiz".into();
    r.item.kind = Some(ActionKind::Detect);
    r.severity = Some(Severity::Sev3);
    r.draft_title = "Disk full on the billing database".into();
    rows.push(r);
    let mut r = row("c", item("1", ActionStatus::Open, None));
    r.item.owner = String::new();
    rows.push(r);
    rows
}

fn kept(f: &ActionFilter, rows: &[ActionRow]) -> Vec<String> {
    let kept: Vec<ActionRow> = f.apply(rows).into_iter().cloned().collect();
    ids(&kept)
}

#[test]
fn the_empty_filter_keeps_everything() {
    let rows = filter_rows();
    assert_eq!(kept(&ActionFilter::default(), &rows).len(), rows.len());
    let blank = ActionFilter {
        owner: Some("  ".into()),
        text: Some(String::new()),
        ..ActionFilter::default()
    };
    assert_eq!(kept(&blank, &rows).len(), rows.len());
}

#[test]
fn each_filter_condition() {
    let rows = filter_rows();
    let f = |f: ActionFilter| kept(&f, &rows);
    let d = ActionFilter::default;

    assert_eq!(
        f(ActionFilter {
            status: Some(vec![ActionStatus::Open, ActionStatus::Done]),
            ..d()
        }),
        ["a/1", "b/1", "c/1"]
    );
    assert!(f(ActionFilter {
        status: Some(vec![]),
        ..d()
    })
    .is_empty());
    assert_eq!(
        f(ActionFilter {
            owner: Some(" ORTIZ ".into()),
            ..d()
        }),
        ["a/2", "b/1"]
    );
    assert_eq!(
        f(ActionFilter {
            kind: Some(ActionKind::Detect),
            ..d()
        }),
        ["a/1", "b/1"]
    );
    assert_eq!(
        f(ActionFilter {
            severity: Some(vec![Severity::Sev3, Severity::Sev5]),
            ..d()
        }),
        ["b/1"]
    );
    assert!(f(ActionFilter {
        severity: Some(vec![]),
        ..d()
    })
    .is_empty());
    // Strict bounds; items without a due date never match a bound.
    assert_eq!(
        f(ActionFilter {
            due_before: Some(day(2026, 11, 1)),
            ..d()
        }),
        ["b/1"]
    );
    assert_eq!(
        f(ActionFilter {
            due_after: Some(day(2026, 11, 1)),
            ..d()
        }),
        ["a/2"]
    );
    assert_eq!(
        f(ActionFilter {
            overdue_only: true,
            ..d()
        }),
        ["a/1"]
    );
    // Text looks at the item title, owner, ticket and postmortem title.
    for (needle, expected) in [
        ("DISK", vec!["a/1", "b/1"]),
        ("ops-4", vec!["a/2"]),
        ("dana", vec!["a/1"]),
        ("postmortem c", vec!["c/1"]),
        ("nowhere", vec![]),
    ] {
        assert_eq!(
            f(ActionFilter {
                text: Some(needle.into()),
                ..d()
            }),
            expected,
            "{needle}"
        );
    }
}

#[test]
fn filter_conditions_combine() {
    let rows = filter_rows();
    let f = ActionFilter {
        status: Some(vec![ActionStatus::Open, ActionStatus::InProgress]),
        owner: Some("o".into()),
        severity: Some(vec![Severity::Sev1]),
        due_after: Some(day(2026, 10, 15)),
        due_before: Some(day(2027, 1, 1)),
        ..ActionFilter::default()
    };
    assert_eq!(kept(&f, &rows), ["a/2"]);
    let f = ActionFilter {
        kind: Some(ActionKind::Detect),
        text: Some("disk".into()),
        overdue_only: true,
        ..ActionFilter::default()
    };
    assert_eq!(kept(&f, &rows), ["a/1"]);
    let f = ActionFilter {
        kind: Some(ActionKind::Detect),
        status: Some(vec![ActionStatus::Done]),
        overdue_only: true,
        ..ActionFilter::default()
    };
    assert!(kept(&f, &rows).is_empty());
}

// --------------------------------------------------------------- sorting

/// draft, title, owner, due day, status, kind, priority, severity,
/// postmortem title, incident day.
type SortSpec = (
    &'static str,
    &'static str,
    &'static str,
    u32,
    ActionStatus,
    ActionKind,
    Priority,
    Severity,
    &'static str,
    u32,
);

/// Rows where every column has distinct values, plus one row (`z`) with
/// nothing filled in.
fn sort_rows() -> Vec<ActionRow> {
    let spec: [SortSpec; 3] = [
        (
            "p",
            "beta",
            "Carla",
            10,
            ActionStatus::Done,
            ActionKind::Mitigate,
            Priority::P2,
            Severity::Sev3,
            "Zeta outage",
            3,
        ),
        (
            "q",
            "Alpha",
            "alex",
            30,
            ActionStatus::Open,
            ActionKind::Process,
            Priority::P3,
            Severity::Sev1,
            "alpha outage",
            1,
        ),
        (
            "r",
            "gamma",
            "Bea",
            20,
            ActionStatus::InProgress,
            ActionKind::Prevent,
            Priority::P1,
            Severity::Sev2,
            "Mid outage",
            2,
        ),
    ];
    let mut rows: Vec<ActionRow> = spec
        .iter()
        .map(
            |(draft, title, owner, due, status, kind, prio, sev, pm, inc)| {
                let mut r = row(draft, item("1", *status, Some(day(2026, 11, *due))));
                r.item.title = (*title).into();
                r.item.owner = (*owner).into();
                r.item.kind = Some(*kind);
                r.item.priority = Some(*prio);
                r.severity = Some(*sev);
                r.draft_title = (*pm).into();
                r.incident_date = Some(day(2026, 10, *inc));
                r
            },
        )
        .collect();
    let mut blank = row("z", item("1", ActionStatus::WontDo, None));
    blank.item.title = " ".into();
    blank.item.owner = String::new();
    blank.draft_title = "Untitled postmortem".into();
    rows.push(blank);
    rows
}

#[test]
fn every_column_sorts_both_ways_with_missing_values_last() {
    // Expected ascending order of p, q, r; `z` has no value except for
    // status (won't do, last ascending) and postmortem title.
    let expected: [(SortColumn, &str); 9] = [
        (SortColumn::Title, "qpr"),
        (SortColumn::Owner, "qrp"),
        (SortColumn::Due, "prq"),
        (SortColumn::Status, "qrp"),
        (SortColumn::Kind, "rpq"),
        (SortColumn::Priority, "rpq"),
        (SortColumn::Severity, "qrp"),
        (SortColumn::PostmortemTitle, "qrp"),
        (SortColumn::IncidentDate, "qrp"),
    ];
    for (column, order) in expected {
        for descending in [false, true] {
            let mut rows = sort_rows();
            rows.reverse();
            sort_actions(&mut rows, column, descending);
            let got: String = rows.iter().map(|r| r.draft_id.as_str()).collect();
            let mut want: String = if descending {
                order.chars().rev().collect()
            } else {
                order.to_owned()
            };
            match column {
                SortColumn::Status if descending => want.insert(0, 'z'),
                // "Untitled postmortem" sits between "Mid" and "Zeta".
                SortColumn::PostmortemTitle if descending => want = "pzrq".into(),
                SortColumn::PostmortemTitle => want = "qrzp".into(),
                _ => want.push('z'),
            }
            assert_eq!(got, want, "{column:?} descending={descending}");
        }
    }
    assert_eq!(SortColumn::ALL.len(), expected.len());
}

#[test]
fn sorting_is_deterministic_and_works_on_filtered_references() {
    let mut rows = Vec::new();
    for d in ["b", "a", "c"] {
        for i in ["2", "1"] {
            let mut r = row(d, item(i, ActionStatus::Open, Some(day(2026, 12, 1))));
            r.item.title = "Same".into();
            r.draft_title = "Same".into();
            rows.push(r);
        }
    }
    let mut forward = rows.clone();
    let mut backward = rows.clone();
    backward.reverse();
    for column in SortColumn::ALL {
        for descending in [false, true] {
            sort_actions(&mut forward, column, descending);
            sort_actions(&mut backward, column, descending);
            assert_eq!(forward, backward);
            // All values equal: ties fall back to postmortem and item id.
            assert_eq!(ids(&forward), ["a/1", "a/2", "b/1", "b/2", "c/1", "c/2"]);
        }
    }
    let mut refs: Vec<&ActionRow> = rows.iter().collect();
    sort_actions(&mut refs, SortColumn::Title, true);
    assert_eq!(refs[0].draft_id, "a");
}

#[test]
fn text_columns_ignore_case_then_compare_exactly() {
    let mut rows: Vec<ActionRow> = ["b", "B", "a", "A"]
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let mut r = row(&i.to_string(), item("1", ActionStatus::Open, None));
            r.item.title = (*t).into();
            r
        })
        .collect();
    sort_actions(&mut rows, SortColumn::Title, false);
    let titles: Vec<&str> = rows.iter().map(|r| r.item.title.as_str()).collect();
    assert_eq!(titles, ["A", "a", "B", "b"]);
}

// ---------------------------------------------------------------- trends

fn incident(id: &str, date: Option<NaiveDate>, sev: Option<Severity>) -> Postmortem {
    let mut d = doc(id, id);
    d.incident_date = date;
    d.classification.severity = sev;
    d
}

fn times(start: DateTime<Utc>, detect_min: i64, resolve_min: i64) -> KeyTimes {
    KeyTimes {
        started: Some(start),
        detected: Some(start + Duration::minutes(detect_min)),
        resolved: Some(start + Duration::minutes(resolve_min)),
        ..KeyTimes::default()
    }
}

#[test]
fn median_of_odd_and_even_counts() {
    let m = |v: &[i64]| median(v.iter().map(|s| Duration::seconds(*s)).collect());
    assert_eq!(m(&[]), None);
    assert_eq!(m(&[7]), Some(Duration::seconds(7)));
    assert_eq!(m(&[30, 10, 20]), Some(Duration::seconds(20)));
    assert_eq!(m(&[40, 10, 30, 20]), Some(Duration::seconds(25)));
    assert_eq!(m(&[1, 2]), Some(Duration::milliseconds(1500)));
    assert_eq!(m(&[5, 5, 100, 0]), Some(Duration::seconds(5)));
}

#[test]
fn the_incident_month_falls_back_to_start_then_creation() {
    let mut d = incident("x", Some(day(2026, 3, 31)), None);
    d.times.started = Some(at(2026, 4, 2, 0, 0));
    assert_eq!(incident_day(&d), day(2026, 3, 31));
    d.incident_date = None;
    assert_eq!(incident_day(&d), day(2026, 4, 2));
    d.times.started = None;
    assert_eq!(incident_day(&d), day(2026, 11, 1));
}

#[test]
fn trends_count_every_incident_and_take_medians_over_sound_times() {
    let mut docs = Vec::new();
    // September: three with good times (detect 10/20/60 min, resolve 100/200/300).
    for (i, (ttd, ttr)) in [(10, 100), (60, 300), (20, 200)].into_iter().enumerate() {
        let mut d = incident(
            &format!("sep{i}"),
            Some(day(2026, 9, 5)),
            Some(Severity::Sev2),
        );
        d.times = times(at(2026, 9, 5, 10, 0), ttd, ttr);
        docs.push(d);
    }
    // September: missing times, and contradictory ones; counted, no medians.
    docs.push(incident(
        "sep-none",
        Some(day(2026, 9, 9)),
        Some(Severity::Sev1),
    ));
    let mut contra = incident("sep-bad", Some(day(2026, 9, 30)), None);
    contra.times = times(at(2026, 9, 30, 10, 0), -5, -60);
    docs.push(contra);
    // Detected but never resolved: counts for detect only.
    let mut half = incident("sep-half", Some(day(2026, 9, 1)), Some(Severity::Sev5));
    half.times = times(at(2026, 9, 1, 8, 0), 40, 0);
    half.times.resolved = None;
    docs.push(half);
    // November: no incident date, placed by start time, then by creation.
    let mut by_start = incident("nov-start", None, Some(Severity::Sev4));
    by_start.times = times(at(2026, 11, 3, 1, 0), 2, 4);
    docs.push(by_start);
    let mut created = incident("nov-created", None, Some(Severity::Sev3));
    created.created_at = at(2026, 11, 28, 12, 0);
    docs.push(created);
    // Outside the range.
    docs.push(incident(
        "aug",
        Some(day(2026, 8, 31)),
        Some(Severity::Sev1),
    ));
    docs.push(incident(
        "dec",
        Some(day(2026, 12, 1)),
        Some(Severity::Sev1),
    ));

    let t = trends(&docs, day(2026, 9, 20), day(2026, 11, 2));
    let labels: Vec<&str> = t.months.iter().map(|m| m.label.as_str()).collect();
    assert_eq!(labels, ["Sep 2026", "Oct 2026", "Nov 2026"]);
    assert_eq!(t.months[0].month, day(2026, 9, 1));

    let sep = &t.months[0];
    assert_eq!(sep.total, 6);
    assert_eq!(sep.by_severity, [1, 3, 0, 0, 1, 1]);
    assert_eq!((sep.ttd_samples, sep.ttr_samples), (4, 3));
    // Detect: 10, 20, 40, 60 → (20 + 40) / 2; resolve: 100, 200, 300.
    assert_eq!(sep.median_time_to_detect, Some(Duration::minutes(30)));
    assert_eq!(sep.median_time_to_resolve, Some(Duration::minutes(200)));

    let oct = &t.months[1];
    assert_eq!((oct.total, oct.by_severity), (0, [0; 6]));
    assert_eq!((oct.median_time_to_detect, oct.ttd_samples), (None, 0));
    assert_eq!((oct.median_time_to_resolve, oct.ttr_samples), (None, 0));

    let nov = &t.months[2];
    assert_eq!(nov.by_severity, [0, 0, 1, 1, 0, 0]);
    assert_eq!(nov.median_time_to_detect, Some(Duration::minutes(2)));
    assert_eq!((nov.ttd_samples, nov.ttr_samples), (1, 1));
    assert_eq!(t.total(), 8);
}

#[test]
fn trends_by_category_most_frequent_first_unset_last() {
    let mut docs = Vec::new();
    for (i, c) in [
        None,
        Some(Category::Deployment),
        Some(Category::Capacity),
        None,
        Some(Category::Capacity),
        Some(Category::Other),
        Some(Category::Deployment),
        None,
        None,
    ]
    .into_iter()
    .enumerate()
    {
        let mut d = incident(&i.to_string(), Some(day(2026, 5, 1)), None);
        d.classification.category = c;
        docs.push(d);
    }
    let t = trends(&docs, day(2026, 5, 1), day(2026, 5, 31));
    assert_eq!(
        t.by_category,
        [
            (Some(Category::Deployment), 2),
            (Some(Category::Capacity), 2),
            (Some(Category::Other), 1),
            (None, 4),
        ]
    );
    assert_eq!(t.months.len(), 1);
}

#[test]
fn empty_and_reversed_ranges() {
    let docs = vec![incident("a", Some(day(2026, 5, 1)), None)];
    let t = trends(&docs, day(2026, 6, 1), day(2026, 5, 31));
    assert!(t.months.is_empty() && t.by_category.is_empty());
    assert_eq!(t.total(), 0);

    let t = trends(Vec::<Postmortem>::new(), day(2025, 11, 15), day(2026, 2, 1));
    let labels: Vec<&str> = t.months.iter().map(|m| m.label.as_str()).collect();
    assert_eq!(labels, ["Nov 2025", "Dec 2025", "Jan 2026", "Feb 2026"]);
    assert!(t.months.iter().all(|m| m.total == 0));
    assert!(t.by_category.is_empty());

    // A range that is far too long keeps its last months.
    let t = trends(&docs, day(1, 1, 1), day(2026, 5, 1));
    assert_eq!(t.months.len(), MAX_MONTHS);
    assert_eq!(t.months.last().map(|m| m.month), Some(day(2026, 5, 1)));
    assert_eq!(t.total(), 1);
}

// -------------------------------------------------------------- Markdown

/// One table of the document: the heading above it and its body rows, as
/// the text a reader sees in each cell.
#[derive(Debug)]
struct Table {
    heading: String,
    columns: usize,
    rows: Vec<Vec<String>>,
}

struct Parsed {
    headings: Vec<String>,
    tables: Vec<Table>,
    /// Formatting found in places where only plain text was written.
    unexpected: Vec<String>,
}

fn parse(md: &str) -> Parsed {
    let mut p = Parsed {
        headings: Vec::new(),
        tables: Vec::new(),
        unexpected: Vec::new(),
    };
    let mut text = String::new();
    let mut in_head = false;
    let mut head_cells = 0;
    let mut row: Vec<String> = Vec::new();
    let opts = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for ev in Parser::new_ext(md, opts) {
        match ev {
            Event::Start(Tag::Heading { .. }) => text.clear(),
            Event::End(TagEnd::Heading(_)) => p.headings.push(text.clone()),
            Event::Start(Tag::Table(_)) => p.tables.push(Table {
                heading: p.headings.last().cloned().unwrap_or_default(),
                columns: 0,
                rows: Vec::new(),
            }),
            Event::Start(Tag::TableHead) => {
                in_head = true;
                head_cells = 0;
            }
            Event::End(TagEnd::TableHead) => {
                in_head = false;
                if let Some(t) = p.tables.last_mut() {
                    t.columns = head_cells;
                }
            }
            Event::Start(Tag::TableRow) => row.clear(),
            Event::End(TagEnd::TableRow) => {
                if let Some(t) = p.tables.last_mut() {
                    t.rows.push(row.clone());
                }
            }
            Event::Start(Tag::TableCell) => text.clear(),
            Event::End(TagEnd::TableCell) => {
                if in_head {
                    head_cells += 1;
                } else {
                    row.push(text.clone());
                }
            }
            Event::Text(t) => text.push_str(&t),
            Event::InlineHtml(h) if &*h == "<br>" => text.push('\n'),
            Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph) => {}
            Event::End(TagEnd::Table) => {}
            // Our own text uses no formatting, so anything else (emphasis,
            // code, links, HTML…) came out of user text.
            other => p.unexpected.push(format!("{other:?}")),
        }
    }
    p
}

fn table<'a>(p: &'a Parsed, heading_start: &str) -> &'a Table {
    p.tables
        .iter()
        .find(|t| t.heading.starts_with(heading_start))
        .unwrap_or_else(|| panic!("no table under {heading_start}: {:?}", p.headings))
}

const NASTY: &str = "Fix | the *pager* _now_\n# not a heading\r\n<script>alert(1)</script> &amp; `code` [link](http://x) ~~old~~ \\| !";

#[test]
fn markdown_escapes_user_text_everywhere() {
    let mut d = doc("pm-x", NASTY);
    d.incident_date = Some(day(2026, 10, 1));
    let mut overdue = item("1", ActionStatus::Open, Some(day(2026, 11, 1)));
    overdue.title = NASTY.into();
    overdue.owner = "#1 | <b>".into();
    overdue.ticket = "=cmd|' /C calc'!A0".into();
    let mut pending = overdue.clone();
    pending.id = "2".into();
    pending.due = None;
    let mut done = overdue.clone();
    done.id = "3".into();
    done.status = ActionStatus::Done;
    d.action_items = vec![overdue, pending, done];
    let rows = collect_actions([&d], today());
    let t = trends([&d], day(2026, 10, 1), day(2026, 11, 1));
    let md = review_markdown(&rows, &t, today());
    let p = parse(&md);
    assert!(p.unexpected.is_empty(), "{:?}\n{md}", p.unexpected);

    let shown = NASTY.replace("\r\n", "\n");
    for heading in ["Overdue", "#1 | <b> (1)", "Recently done"] {
        let tb = table(&p, heading);
        assert_eq!(tb.rows.len(), 1, "{heading}\n{md}");
        assert!(tb.rows.iter().all(|r| r.len() == tb.columns));
        assert!(tb.rows[0].contains(&shown), "{heading}: {:?}", tb.rows[0]);
        // The owner tables have no owner column: the heading names them.
        let owner_shown = tb.rows[0].iter().any(|c| c == "#1 | <b>");
        assert_eq!(owner_shown, !heading.starts_with('#'), "{heading}");
    }
    assert!(table(&p, "Overdue").rows[0].contains(&"=cmd|' /C calc'!A0".to_owned()));
    // The owner heading shows the name as typed.
    assert!(
        p.headings.contains(&"#1 | <b> (1)".to_owned()),
        "{:?}",
        p.headings
    );
    // No raw HTML and no heading made from user text.
    assert!(!md.contains("<script"));
    assert!(!p.headings.iter().any(|h| h.starts_with("not a heading")));
}

#[test]
fn md_inline_escapes_each_special_character() {
    assert_eq!(md_inline("a|b"), "a\\|b");
    assert_eq!(
        md_inline("one\ntwo\r\nthree\rfour"),
        "one<br>two<br>three<br>four"
    );
    assert_eq!(md_inline("# x"), "\\# x");
    assert_eq!(md_inline("<a & b>"), "&lt;a &amp; b&gt;");
    assert_eq!(md_inline("`*_x_*`"), "\\`\\*\\_x\\_\\*\\`");
    assert_eq!(md_inline("  tab\there\u{7}  "), "tab here");
    assert_eq!(md_inline("C:\\path"), "C:\\\\path");
    assert_eq!(md_inline("Zoë – ok"), "Zoë – ok");
}

#[test]
fn markdown_sections_and_trend_tables() {
    let mut a = doc("pm-a", "Checkout errors");
    a.classification.severity = Some(Severity::Sev1);
    a.classification.category = Some(Category::Deployment);
    a.incident_date = Some(day(2026, 10, 2));
    a.times = times(at(2026, 10, 2, 10, 0), 6, 65);
    let mut late = item("1", ActionStatus::InProgress, Some(day(2026, 11, 10)));
    late.needs_discussion = true;
    let mut later = item("2", ActionStatus::Open, Some(day(2026, 11, 18)));
    later.owner = "Lee".into();
    let mut ana = item("3", ActionStatus::Open, Some(day(2026, 12, 10)));
    ana.owner = "ana".into();
    let mut ana2 = item("4", ActionStatus::InProgress, None);
    ana2.owner = "Ana ".into();
    let nobody = ActionItem {
        owner: " ".into(),
        ..item("5", ActionStatus::Open, None)
    };
    let recent = item("6", ActionStatus::Done, Some(day(2026, 11, 1)));
    let old = item("7", ActionStatus::Done, Some(day(2026, 9, 1)));
    let skipped = item("8", ActionStatus::WontDo, Some(day(2026, 11, 1)));
    a.action_items = vec![late, later, ana, ana2, nobody, recent, old, skipped];
    let rows = collect_actions([&a], today());
    let t = trends([&a], day(2026, 9, 1), day(2026, 11, 30));
    let md = review_markdown(&rows, &t, today());
    let p = parse(&md);
    assert!(p.unexpected.is_empty(), "{:?}", p.unexpected);
    assert!(md.starts_with("# Follow-up review, 20 Nov 2026\n"));
    assert!(md.contains("8 action items: 3 open, 2 in progress, 2 done, 1 won't do; 2 overdue."));
    assert!(md.ends_with("|\n") && !md.ends_with("\n\n"));

    let overdue = table(&p, "Overdue (2)");
    let first: Vec<&str> = overdue.rows[0].iter().map(String::as_str).collect();
    assert_eq!(
        first,
        [
            "2026-11-10",
            "10",
            "Action 1",
            "Sam",
            "In progress",
            "Checkout errors",
            "SEV1",
            "—",
            "yes"
        ]
    );
    assert_eq!(overdue.rows[1][2], "Action 2");

    assert!(p
        .headings
        .contains(&"Open and in progress, by owner (3)".to_owned()));
    let ana = table(&p, "Ana (2)");
    assert_eq!(ana.rows.len(), 2);
    assert_eq!(ana.rows[0][0], "Action 3");
    let unassigned = table(&p, "Unassigned (1)");
    assert_eq!(unassigned.rows[0][0], "Action 5");
    let owner_headings: Vec<&String> = p
        .headings
        .iter()
        .filter(|h| h.starts_with("Ana") || h.starts_with("Unassigned"))
        .collect();
    assert_eq!(owner_headings, ["Ana (2)", "Unassigned (1)"]);

    let done = table(&p, "Recently done (1)");
    assert_eq!(done.rows[0][0], "Action 6");

    let months = table(&p, "Incidents, Sep 2026 to Nov 2026 (1)");
    assert_eq!(months.columns, 10);
    assert_eq!(months.rows.len(), 3);
    let oct: Vec<&str> = months.rows[1].iter().map(String::as_str).collect();
    assert_eq!(
        oct,
        [
            "Oct 2026",
            "1",
            "0",
            "0",
            "0",
            "0",
            "0",
            "1",
            "6 min (n=1)",
            "1 h 05 min (n=1)"
        ]
    );
    assert_eq!(months.rows[0][8], "—");
    let cats = table(&p, "By category");
    assert_eq!(cats.rows, [vec!["Deployment".to_owned(), "1".to_owned()]]);
}

#[test]
fn markdown_with_nothing_to_show() {
    let md = review_markdown(&[], &Trends::default(), today());
    let p = parse(&md);
    assert!(p.tables.is_empty());
    assert!(p.unexpected.is_empty());
    for sentence in [
        "Nothing is overdue.",
        "Nothing else is open or in progress.",
        "Nothing was done recently.",
        "No months in the chosen range.",
    ] {
        assert!(md.contains(sentence), "{sentence}\n{md}");
    }
    let t = trends(Vec::<Postmortem>::new(), day(2026, 1, 1), day(2026, 1, 1));
    let md = review_markdown(&[], &t, today());
    assert!(md.contains("## Incidents, Jan 2026 (0)"));
    // Extreme review days do not break the document.
    for extreme in [NaiveDate::MIN, NaiveDate::MAX] {
        let rows = vec![row("a", item("1", ActionStatus::Done, Some(extreme)))];
        assert!(review_markdown(&rows, &t, extreme).contains("## Recently done (1)"));
    }
    assert!(md.contains("No incidents in the chosen range."));
}

// ------------------------------------------------------------------- CSV

/// Reads RFC 4180 text back into records.
fn read_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                c => field.push(c),
            }
            continue;
        }
        match c {
            '"' => quoted = true,
            ',' => record.push(std::mem::take(&mut field)),
            '\r' => {
                assert_eq!(chars.next(), Some('\n'), "bare CR outside quotes");
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            '\n' => panic!("bare LF outside quotes"),
            c => field.push(c),
        }
    }
    assert!(field.is_empty() && record.is_empty(), "no final CRLF");
    records
}

#[test]
fn csv_has_one_record_per_row_and_reads_back() {
    let mut d = doc("pm-1", "Orders lost, \"again\"");
    d.classification.severity = Some(Severity::Sev2);
    d.incident_date = Some(day(2026, 10, 9));
    let mut a = item("1", ActionStatus::Open, Some(day(2026, 11, 1)));
    a.title = "Line one\r\nline two, with comma".into();
    a.owner = "=IMPORTXML(\"http://x\")".into();
    a.kind = Some(ActionKind::Detect);
    a.priority = Some(Priority::P1);
    a.ticket = "-OPS-1".into();
    a.needs_discussion = true;
    let b = item("2", ActionStatus::Done, None);
    d.action_items = vec![a, b];
    let rows = collect_actions([&d], today());
    let csv = review_csv(&rows);
    assert!(csv.ends_with("\r\n"));
    let records = read_csv(&csv);
    assert_eq!(records.len(), 3);
    assert_eq!(records[0], csv::CSV_HEADER);
    assert!(records.iter().all(|r| r.len() == csv::CSV_HEADER.len()));
    assert_eq!(
        records[1],
        [
            "Orders lost, \"again\"",
            "pm-1",
            "2026-10-09",
            "SEV2",
            "Line one\r\nline two, with comma",
            "'=IMPORTXML(\"http://x\")",
            "2026-11-01",
            "Open",
            "Detect",
            "P1 (urgent)",
            "'-OPS-1",
            "yes",
            "yes",
        ]
    );
    assert_eq!(
        records[2],
        [
            "Orders lost, \"again\"",
            "pm-1",
            "2026-10-09",
            "SEV2",
            "Action 2",
            "Sam",
            "",
            "Done",
            "",
            "",
            "",
            "no",
            "no",
        ]
    );
    assert_eq!(read_csv(&review_csv(&[])).len(), 1);
}

// ------------------------------------------------- a realistic library

#[test]
fn five_hundred_sample_postmortems_add_up() {
    let today = day(2026, 11, 20);
    let docs = generate_samples(500, 2026, today);
    let rows = collect_actions(&docs, today);
    let items: usize = docs.iter().map(|d| d.action_items.len()).sum();
    assert_eq!(rows.len(), items);

    let c = count_actions(&rows);
    assert_eq!(c.total, items);
    assert_eq!(c.open + c.in_progress + c.done + c.wont_do, c.total);
    let overdue: usize = docs.iter().map(|d| follow_up(d, today).overdue).sum();
    assert_eq!(c.overdue, overdue);
    assert!(c.overdue > 0 && c.done > 0);

    // Filters split the rows without losing any.
    let by_status: usize = ActionStatus::ALL
        .iter()
        .map(|s| {
            ActionFilter {
                status: Some(vec![*s]),
                ..ActionFilter::default()
            }
            .apply(&rows)
            .len()
        })
        .sum();
    assert_eq!(by_status, rows.len());
    let overdue_only = ActionFilter {
        overdue_only: true,
        ..ActionFilter::default()
    };
    assert_eq!(overdue_only.apply(&rows).len(), c.overdue);

    // Sorting keeps every row.
    for column in SortColumn::ALL {
        let mut sorted = rows.clone();
        sort_actions(&mut sorted, column, true);
        assert_eq!(sorted.len(), rows.len());
    }

    // The samples cover December 2025 to November 2026.
    let t = trends(&docs, day(2025, 12, 1), day(2026, 11, 30));
    assert_eq!(t.months.len(), 12);
    assert_eq!(t.total(), 500);
    assert_eq!(t.by_category.iter().map(|(_, n)| n).sum::<usize>(), 500);
    for m in &t.months {
        assert_eq!(m.by_severity.iter().sum::<usize>(), m.total);
        assert!(m.ttd_samples <= m.total && m.ttr_samples <= m.ttd_samples);
        assert_eq!(m.median_time_to_detect.is_some(), m.ttd_samples > 0);
    }
    let ttd: usize = t.months.iter().map(|m| m.ttd_samples).sum();
    assert_eq!(ttd, 500, "every sample has started and detected");

    // The Markdown lists every overdue item once, and every pending one
    // exactly once across the overdue and owner tables.
    let md = review_markdown(&rows, &t, today);
    let p = parse(&md);
    assert!(p.unexpected.is_empty(), "{:?}", p.unexpected);
    assert_eq!(table(&p, "Overdue").rows.len(), c.overdue);
    let owner_rows: usize = p
        .tables
        .iter()
        .filter(|t| t.columns == 8)
        .map(|t| t.rows.len())
        .sum();
    assert_eq!(owner_rows + c.overdue, c.open + c.in_progress);
    assert_eq!(table(&p, "Incidents").rows.len(), 12);

    let records = read_csv(&review_csv(&rows));
    assert_eq!(records.len(), rows.len() + 1);
}

#[test]
fn the_markdown_reader_of_these_tests_notices_formatting() {
    // Guards the checks above: unescaped text would be caught.
    let p = parse("| A |\n| --- |\n| *x* `y` <b> |\n");
    assert_eq!(p.unexpected.len(), 4, "{:?}", p.unexpected);
    assert_eq!(p.tables[0].rows.len(), 1);
}
