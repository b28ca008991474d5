//! Markdown import: Afterword's own export comes back as the same document
//! for everything the Markdown carries (a property over random documents),
//! postmortems in the four common layouts land section by section, and
//! hostile files are refused or read without a panic, in bounded time.

mod common;

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use afterword_core::export::markdown::{to_markdown, MarkdownOptions};
use afterword_core::import::{
    import_markdown, section_key, target_for_heading, MarkdownImportError, MarkdownImportOptions,
    Placement, SectionTarget,
};
use afterword_core::model::*;
use afterword_core::words::words_from_id;
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use common::{full_doc, postmortem};
use proptest::prelude::*;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap()
}

fn opts() -> MarkdownImportOptions {
    MarkdownImportOptions {
        id: "pm-imported".into(),
        now: now(),
        overrides: BTreeMap::new(),
    }
}

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/import/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

// ---------- what the Markdown carries ----------

fn seen(s: &str) -> String {
    s.replace('\0', "\u{FFFD}")
}

/// Text printed as a block: blank means absent; blank lines around it go.
fn block(s: &str) -> String {
    if s.trim().is_empty() {
        String::new()
    } else {
        seen(s.trim_matches('\n'))
    }
}

/// Text printed on one line (a cell, a list item): blank means absent.
fn line(s: &str) -> String {
    if s.trim().is_empty() {
        String::new()
    } else {
        seen(s)
    }
}

fn safe_url(url: &str) -> Option<String> {
    let lower = url.to_ascii_lowercase();
    let allowed = ["https://", "http://", "mailto:"]
        .iter()
        .any(|p| lower.starts_with(p) && lower.len() > p.len());
    if !allowed || url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return None;
    }
    Some(
        url.chars()
            .map(|c| match c {
                '(' | ')' | '<' | '>' | '"' | '\\' | '`' | '|' | '[' | ']' => {
                    format!("%{:02X}", c as u32)
                }
                c => c.to_string(),
            })
            .collect(),
    )
}

/// A link as the Markdown shows it, read back by the import's rule: a web
/// or mail address stays a link (its address percent-encoded where the
/// export must); any other address is plain `label (address)` text, split
/// at its last ` (`.
fn link_as_carried(label: &str, url: &str) -> (String, String) {
    let label = seen(if label.trim().is_empty() { url } else { label });
    let url = seen(url);
    if let Some(dest) = safe_url(&url) {
        return (label, dest);
    }
    if label == url {
        return (url.clone(), url);
    }
    let shown = format!("{label} ({url})");
    match shown.strip_suffix(')').and_then(|t| t.rsplit_once(" (")) {
        Some((l, u)) => (l.to_owned(), u.to_owned()),
        None => (shown.clone(), shown),
    }
}

/// `doc` reduced to what its Markdown carries, as the import rebuilds it.
fn carried(doc: &Postmortem) -> Postmortem {
    let mut out = Postmortem::new("pm-imported".into(), now());
    out.updated_at = doc.updated_at;
    out.title = if doc.title.trim().is_empty() {
        String::new()
    } else {
        seen(&doc.title)
    };
    out.summary = block(&doc.summary);
    out.incident_date = doc.incident_date;
    out.owner = line(&doc.owner);
    out.participants = doc
        .participants
        .iter()
        .filter(|p| !p.name.trim().is_empty())
        .enumerate()
        .map(|(i, p)| Participant {
            id: format!("p-{i}"),
            name: seen(&p.name),
            role: p.role,
            extra: Default::default(),
        })
        .collect();
    out.reviewers = doc
        .reviewers
        .iter()
        .filter(|r| !r.trim().is_empty())
        .flat_map(|r| seen(r).split('\n').map(str::to_owned).collect::<Vec<_>>())
        .filter(|r| !r.is_empty())
        .collect();
    out.classification = Classification {
        reported_to: line(&doc.classification.reported_to),
        ..doc.classification.clone()
    };
    out.times = doc.times.clone();
    let i = &doc.impact;
    out.impact = Impact {
        description: block(&i.description),
        functional_severity: line(&i.functional_severity),
        data_lost: line(&i.data_lost),
        business_metrics: i
            .business_metrics
            .iter()
            .filter(|m| {
                !(m.name.trim().is_empty() && m.value.trim().is_empty() && m.unit.trim().is_empty())
            })
            .enumerate()
            .map(|(n, m)| BusinessMetric {
                id: format!("m-{n}"),
                name: seen(&m.name),
                value: seen(&m.value),
                unit: seen(&m.unit),
                extra: Default::default(),
            })
            .collect(),
        ..i.clone()
    };
    out.timeline = doc
        .timeline
        .iter()
        .enumerate()
        .map(|(n, e)| TimelineEvent {
            id: format!("e-{n}"),
            text: seen(&e.text),
            ..e.clone()
        })
        .collect();
    let a = &doc.analysis;
    let factors: Vec<ContributingFactor> = a
        .contributing_factors
        .iter()
        .filter(|f| !(f.text.trim().is_empty() && f.category.is_none() && f.evidence.is_empty()))
        .enumerate()
        .map(|(n, f)| ContributingFactor {
            id: format!("f-{n}"),
            text: seen(&f.text),
            category: f.category,
            evidence: f
                .evidence
                .iter()
                .filter(|e| !e.trim().is_empty())
                .map(|e| seen(e))
                .collect(),
            extra: Default::default(),
        })
        .collect();
    out.analysis = Analysis {
        single_factor_reason: if factors.is_empty() {
            String::new()
        } else {
            line(&a.single_factor_reason)
        },
        contributing_factors: factors,
        trigger: block(&a.trigger),
        detection: block(&a.detection),
        resolution: block(&a.resolution),
        went_well: block(&a.went_well),
        went_wrong: block(&a.went_wrong),
        got_lucky: block(&a.got_lucky),
        gaps: block(&a.gaps),
        lessons: block(&a.lessons),
        four_questions: FourQuestions {
            intended: block(&a.four_questions.intended),
            actual: block(&a.four_questions.actual),
            why: block(&a.four_questions.why),
            prevention: block(&a.four_questions.prevention),
            extra: Default::default(),
        },
        extra: Default::default(),
    };
    out.action_items = doc
        .action_items
        .iter()
        .enumerate()
        .map(|(n, x)| ActionItem {
            id: format!("a-{n}"),
            title: seen(&x.title),
            owner: seen(&x.owner),
            ticket: if x.ticket.trim().is_empty() {
                String::new()
            } else {
                seen(&x.ticket)
            },
            public: false,
            ..x.clone()
        })
        .collect();
    out.links = doc
        .links
        .iter()
        .filter(|l| !(l.label.trim().is_empty() && l.url.trim().is_empty()))
        .enumerate()
        .map(|(n, l)| {
            let (label, url) = link_as_carried(&l.label, &l.url);
            Link {
                id: format!("l-{n}"),
                label,
                url,
                extra: Default::default(),
            }
        })
        .collect();
    out.workflow.status = doc.workflow.status;
    for (key, text) in &doc.sections {
        if !text.trim().is_empty() {
            out.sections
                .insert(section_key(&words_from_id(key)), block(text));
        }
    }
    out
}

/// Evidence items are compared as the Markdown shows them, joined by
/// `, `: an item that itself holds `, ` reads back as two.
fn evidence_as_shown(doc: &mut Postmortem) {
    for f in &mut doc.analysis.contributing_factors {
        // A factor kept for its category or evidence may have blank text
        // (spaces, a line break); blank reads back as some blank.
        if f.text.trim().is_empty() {
            f.text.clear();
        }
        let joined = f.evidence.join(", ");
        f.evidence = if joined.is_empty() {
            vec![]
        } else {
            vec![joined]
        };
    }
}

/// Free-text sections the import gives back under their own key: ids that
/// are not one of Afterword's section names and stay apart once turned into
/// headings.
fn own_sections_only(doc: &mut Postmortem) {
    let mut seen_keys = Vec::new();
    doc.sections.retain(|key, _| {
        let heading = words_from_id(key);
        let k = section_key(&heading);
        let keep = target_for_heading(&heading).is_none() && k == *key && !seen_keys.contains(&k);
        seen_keys.push(k);
        keep
    });
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn own_markdown_comes_back_as_the_same_document(mut doc in postmortem()) {
        own_sections_only(&mut doc);
        let md = to_markdown(&doc, &MarkdownOptions::default());
        let imported = import_markdown(&md, &opts());
        prop_assert!(imported.is_ok(), "{imported:?}");
        let imported = imported.unwrap();
        let mut got = imported.doc;
        let mut want = carried(&doc);
        evidence_as_shown(&mut got);
        evidence_as_shown(&mut want);
        prop_assert_eq!(&got, &want, "\n{}", md);
        // Nothing needed a note: every line was read.
        prop_assert!(imported.notes.is_empty(), "{:?}\n{}", imported.notes, md);
    }
}

#[test]
fn a_full_document_round_trips_through_markdown() {
    let doc = full_doc();
    let md = to_markdown(&doc, &MarkdownOptions::default());
    let got = import_markdown(&md, &opts()).unwrap().doc;
    assert_eq!(got, carried(&doc), "{md}");
    // And exporting the import gives the same Markdown again.
    assert_eq!(to_markdown(&got, &MarkdownOptions::default()), md);
}

// ---------- the four common layouts ----------

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn utc(s: &str) -> Option<DateTime<Utc>> {
    chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M")
        .ok()
        .map(|t| t.and_utc())
}

#[test]
fn sre_book_layout() {
    let out = import_markdown(&fixture("sre-book-style.md"), &opts()).unwrap();
    let d = &out.doc;
    assert_eq!(d.title, "Shopping cart service outage, 2024-03-01");
    assert_eq!(d.incident_date, date(2024, 3, 1));
    assert_eq!(d.workflow.status, WorkflowStatus::Reviewed);
    assert_eq!(d.owner, "Priya Raman, Tomás Ferreira");
    assert_eq!(d.participants[0].name, "Priya Raman");
    assert_eq!(d.participants[0].role, Role::IncidentLead);
    assert!(d.summary.starts_with("For 47 minutes"));
    assert!(d.impact.description.contains("18,000 carts"));
    assert_eq!(d.analysis.contributing_factors.len(), 2);
    assert!(d.analysis.trigger.contains("09:12 UTC"));
    assert!(d.analysis.resolution.contains("previous configuration"));
    assert!(d.analysis.detection.contains("paged"));
    assert_eq!(d.action_items.len(), 3);
    assert_eq!(d.action_items[0].owner, "Tomás Ferreira");
    assert_eq!(d.action_items[0].kind, Some(ActionKind::Prevent));
    assert_eq!(d.action_items[0].ticket, "CART-412");
    assert_eq!(d.action_items[2].kind, Some(ActionKind::Documentation));
    assert!(d.analysis.went_well.contains("eight minutes"));
    assert!(d.analysis.went_wrong.contains("not reviewed"));
    assert!(d.analysis.got_lucky.contains("low-traffic"));
    assert_eq!(d.timeline.len(), 6);
    assert_eq!(d.timeline[0].at, utc("2024-03-01 09:12"));
    assert_eq!(d.timeline[5].at, utc("2024-03-01 09:59"));
    assert_eq!(
        d.links[0].url,
        "https://dashboards.example.com/d/cart-errors"
    );
    // "2024-03-01 (all times UTC)" says when, it is not an event.
    assert!(d.timeline.iter().all(|e| e.at.is_some()));
    assert!(d.sections.values().any(|t| t.contains("all times UTC")));
}

#[test]
fn gitlab_incident_review_layout() {
    let out = import_markdown(&fixture("gitlab-style.md"), &opts()).unwrap();
    let d = &out.doc;
    assert_eq!(
        d.title,
        "Incident Review: Background jobs delayed for two hours"
    );
    assert_eq!(d.times.started, utc("2024-05-14 02:10"));
    assert_eq!(d.times.detected, utc("2024-05-14 02:41"));
    assert_eq!(d.times.resolved, utc("2024-05-14 04:18"));
    assert!(d.summary.contains("read-only replica"));
    assert!(d.impact.description.contains("40,000 accounts"));
    assert!(d.analysis.detection.contains("customer report"));
    assert_eq!(d.timeline.len(), 5);
    assert_eq!(
        d.timeline[3].text,
        "Workers restarted with the new primary address"
    );
    // Root cause analysis with a "Five whys" sub-heading: all of it kept.
    assert!(d
        .analysis
        .contributing_factors
        .iter()
        .any(|f| f.text.contains("cache the database address")));
    assert!(d.analysis.went_well.contains("Support escalated"));
    assert!(d.analysis.went_wrong.contains("expire by themselves"));
    let a = &d.action_items;
    assert_eq!(a.len(), 3);
    assert_eq!(a[0].owner, "lena");
    assert_eq!(a[0].due, date(2024, 6, 1));
    assert_eq!(a[1].owner, "Marco Bianchi");
    assert_eq!(a[2].status, ActionStatus::Done);
}

#[test]
fn pagerduty_layout() {
    let out = import_markdown(&fixture("pagerduty-style.md"), &opts()).unwrap();
    let d = &out.doc;
    assert!(d.summary.contains("certificate"));
    assert!(d
        .sections
        .get("what_happened")
        .is_some_and(|t| t.contains("16:00 UTC")));
    let f = &d.analysis.contributing_factors;
    assert_eq!(f.len(), 2);
    assert_eq!(f[0].category, Some(Category::Configuration));
    assert_eq!(
        d.participants
            .iter()
            .map(|p| (p.name.as_str(), p.role))
            .collect::<Vec<_>>(),
        vec![
            ("Aiko Tanaka", Role::IncidentLead),
            ("Ben Okafor", Role::SubjectExpert),
            ("Chloé Martin", Role::Scribe)
        ]
    );
    assert_eq!(d.timeline.len(), 5);
    assert_eq!(d.timeline[1].at, utc("2024-07-09 16:06"));
    assert!(d.analysis.went_well.contains("six minutes"));
    assert!(d.analysis.went_wrong.contains("Nobody knew"));
    let a = &d.action_items;
    assert_eq!(a[0].status, ActionStatus::InProgress);
    assert_eq!(a[0].priority, Some(Priority::P1));
    assert_eq!(a[1].due, date(2024, 7, 20));
    assert_eq!(a[1].status, ActionStatus::Done);
    // "Messaging" matches nothing: its sub-headings stay with it.
    let messaging = d.sections.get("messaging").expect("messaging kept");
    assert!(messaging.contains("Internal") && messaging.contains("Status page updated"));
}

#[test]
fn atlassian_layout() {
    let out = import_markdown(&fixture("atlassian-style.md"), &opts()).unwrap();
    let d = &out.doc;
    assert!(d.summary.contains("EU region"));
    assert!(d
        .sections
        .get("leadup")
        .is_some_and(|t| t.contains("read-only")));
    assert!(d
        .sections
        .get("fault")
        .is_some_and(|t| t.contains("synonym file")));
    assert!(d.sections.contains_key("response"));
    assert!(d.analysis.resolution.contains("switched back"));
    assert_eq!(d.timeline.len(), 4);
    assert_eq!(d.timeline[0].at, utc("2024-09-03 08:05"));
    assert_eq!(d.timeline[0].text, "Traffic moves to the new cluster");
    assert!(d.analysis.contributing_factors.len() >= 2);
    assert!(d.analysis.lessons.contains("sample of queries"));
    let a = &d.action_items;
    assert_eq!(a.len(), 2);
    assert_eq!(a[0].ticket, "SRCH-88");
    assert_eq!(a[0].owner, "Noor Haddad");
    assert_eq!(a[0].due, date(2024, 9, 20));
    assert_eq!(
        a[0].title,
        "Add a query comparison step to index migrations"
    );
}

#[test]
fn every_heading_is_placed_and_reported_with_its_line() {
    let out = import_markdown(&fixture("atlassian-style.md"), &opts()).unwrap();
    let fault = out.headings.iter().find(|h| h.text == "Fault").unwrap();
    assert_eq!(fault.placement, Placement::Unmatched);
    assert_eq!(fault.line, 13);
    let tl = out.headings.iter().find(|h| h.text == "Timeline").unwrap();
    assert_eq!(tl.target, SectionTarget::Timeline);
    assert_eq!(out.headings[0].placement, Placement::Title);
}

// ---------- hostile input ----------

#[test]
fn hostile_files_get_clear_messages() {
    let err = import_markdown("\u{0}\u{1}PNG", &opts()).unwrap_err();
    assert_eq!(err, MarkdownImportError::Binary);
    assert!(err.to_string().contains("not text"));
    let err = import_markdown("<html><body>hi</body></html>", &opts()).unwrap_err();
    assert!(err.to_string().contains("HTML page"));
    let big = "x".repeat(3 * 1024 * 1024);
    assert!(import_markdown(&big, &opts())
        .unwrap_err()
        .to_string()
        .contains("at most 2 MB"));
    assert!(import_markdown("  \n\n", &opts())
        .unwrap_err()
        .to_string()
        .contains("empty"));
}

#[test]
fn html_in_markdown_stays_text_and_is_noted() {
    let md = "# T\n\n## Summary\n\n<div onclick=\"x()\">hello <script>alert(1)</script></div>\n\nText with <b>bold</b>.\n";
    let out = import_markdown(md, &opts()).unwrap();
    assert!(out.doc.summary.contains("<script>alert(1)</script>"));
    assert!(out.doc.summary.contains("<b>bold</b>"));
    assert!(out
        .notes
        .iter()
        .any(|n| n.line == 5 && n.message.contains("HTML")));
}

#[test]
fn deep_lists_and_empty_headings_are_read() {
    let mut md = String::from("# T\n\n## Action items\n\n");
    for depth in 0..200 {
        md.push_str(&"  ".repeat(depth));
        md.push_str(&format!("- item {depth}\n"));
    }
    md.push_str("\n##\n\nunder an empty heading\n");
    let started = Instant::now();
    let out = import_markdown(&md, &opts()).unwrap();
    assert!(started.elapsed() < Duration::from_secs(5));
    assert!(out.notes.iter().any(|n| n.message.contains("nested")));
    assert!(out.notes.iter().any(|n| n.message.contains("no text")));
    assert!(out
        .doc
        .sections
        .values()
        .any(|t| t.contains("under an empty heading")));
    let all: String = out
        .doc
        .action_items
        .iter()
        .map(|a| a.title.clone())
        .collect();
    assert!(all.contains("item 199"), "deep items are kept as text");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(s in "\\PC{0,400}") {
        let _ = import_markdown(&s, &opts());
    }

    #[test]
    fn markdown_shaped_noise_never_panics(parts in prop::collection::vec(prop::sample::select(&[
        "# ", "## ", "### ", "- ", "* ", "1. ", "- [ ] ", "- [x] ", "| a | b |\n", "| --- | --- |\n",
        "> ", "```\n", "<div>", "</div>", "<br>", "\n", "\n\n", "  ", "14:02 ", "2024-03-01 ", "@dana ",
        "(owner: x) ", "(due: 2024-13-45) ", "[l](u) ", "Summary", "Timeline", "Action items", "Impact",
        "Started: ", "**Date:** ", "&#0;", "\\", "|", "é", "\u{feff}",
    ][..]), 0..80)) {
        let md: String = parts.concat();
        let started = Instant::now();
        let _ = import_markdown(&md, &opts());
        prop_assert!(started.elapsed() < Duration::from_secs(2));
    }
}
