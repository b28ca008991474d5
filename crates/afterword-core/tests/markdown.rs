mod common;

use afterword_core::export::markdown::{to_markdown, MarkdownOptions};
use afterword_core::model::*;
use common::*;
use proptest::prelude::*;

fn md(doc: &Postmortem) -> String {
    to_markdown(doc, &MarkdownOptions::default())
}

fn table_after<'a>(blocks: &'a [Block], heading: &str) -> &'a Vec<Vec<String>> {
    match after_heading(blocks, heading) {
        Some(Block::Table(rows)) => rows,
        other => panic!("no table after {heading}: {other:?}"),
    }
}

#[test]
fn full_document_has_every_section_in_default_order() {
    let out = md(&full_doc());
    let blocks = parse(&out);
    let h2: Vec<String> = headings(&blocks)
        .into_iter()
        .filter(|(l, _)| *l <= 2)
        .map(|(_, t)| t)
        .collect();
    assert_eq!(
        h2,
        [
            "Payment API outage",
            "Details",
            "Summary",
            "Impact",
            "Key times",
            "Timeline",
            "Analysis",
            "The four questions",
            "Lessons learned",
            "Action items",
            "Links",
            "What happened",
        ]
    );
    assert!(
        !blocks.iter().any(|b| matches!(b, Block::Other(_))),
        "{blocks:?}"
    );
    let timeline = table_after(&blocks, "Timeline");
    assert_eq!(timeline.len(), 4);
    assert!(timeline.iter().all(|r| r.len() == 4));
    assert_eq!(
        timeline[1],
        ["2026-11-20 14:00", "Status change", "★", "Config pushed"]
    );
    assert_eq!(timeline[3][0], "(time not set)");
    let actions = table_after(&blocks, "Action items");
    assert_eq!(actions.len(), 2);
    assert_eq!(actions[1].len(), 8);
    assert_eq!(actions[1][0], "Validate payment config in CI");
    assert_eq!(actions[1][7], "Yes");
    let details = table_after(&blocks, "Details");
    assert!(details.contains(&vec!["Severity".to_string(), "SEV1".to_string()]));
    assert!(details.contains(&vec![
        "Participants".to_string(),
        "Ana Lima (Incident lead)\nBo Chen (Scribe)".to_string()
    ]));
    assert!(out.ends_with('\n') && !out.ends_with("\n\n"));
}

#[test]
fn durations_show_value_and_formula() {
    let blocks = parse(&md(&full_doc()));
    let i = blocks
        .iter()
        .position(|b| matches!(b, Block::Heading(2, t) if t == "Key times"))
        .unwrap();
    let Block::Table(durations) = &blocks[i + 2] else {
        panic!("{:?}", blocks[i + 2]);
    };
    assert_eq!(durations[0], ["Duration", "Value", "Formula"]);
    assert_eq!(
        durations[1],
        ["Time to detect", "7 min", "detected − started"]
    );
    assert_eq!(
        durations[2],
        ["Time to acknowledge", "2 min", "acknowledged − detected"]
    );
    assert_eq!(
        durations[3],
        ["Time to mitigate", "30 min", "mitigated − started"]
    );
    assert_eq!(
        durations[4],
        ["Time to resolve", "42 min", "resolved − started"]
    );
}

#[test]
fn contradicting_times_are_explained_not_negative() {
    let mut doc = full_doc();
    doc.times.detected = Some(at(13, 0));
    let out = md(&doc);
    assert!(
        out.contains("Not computed: detected is before started"),
        "{out}"
    );
    assert!(!out.contains("-7") && !out.contains("-1 h"));
}

#[test]
fn empty_sections_are_left_out() {
    let doc = Postmortem::new("pm-e".into(), at(10, 0));
    let blocks = parse(&md(&doc));
    let h: Vec<String> = headings(&blocks).into_iter().map(|(_, t)| t).collect();
    assert_eq!(h, ["Untitled postmortem", "Details"]);
    let mut doc = doc;
    doc.summary = "  \n ".into();
    doc.analysis.went_well = "\n".into();
    assert_eq!(headings(&parse(&md(&doc))).len(), 2);
}

#[test]
fn section_order_is_configurable() {
    let opts = MarkdownOptions {
        section_order: vec![
            "timeline".into(),
            "no_such_section".into(),
            "what_happened".into(),
            "summary".into(),
            "timeline".into(),
        ],
        include_checklist: Some(vec![
            ("Owner assigned".into(), true),
            ("Timeline [reviewed]".into(), false),
        ]),
        ..Default::default()
    };
    let blocks = parse(&to_markdown(&full_doc(), &opts));
    let h2: Vec<String> = headings(&blocks)
        .into_iter()
        .filter(|(l, _)| *l == 2)
        .map(|(_, t)| t)
        .collect();
    assert_eq!(
        h2[..5],
        ["Timeline", "What happened", "Summary", "Details", "Impact"]
    );
    assert_eq!(h2.last().map(String::as_str), Some("Review checklist"));
    assert_eq!(
        after_heading(&blocks, "Review checklist"),
        Some(&Block::List(vec![
            "[x] Owner assigned".into(),
            "[ ] Timeline [reviewed]".into()
        ]))
    );
}

#[test]
fn output_is_deterministic() {
    let doc = full_doc();
    assert_eq!(md(&doc), md(&doc.clone()));
}

#[test]
fn nasty_text_renders_exactly_as_typed_everywhere() {
    for nasty in NASTY {
        let mut doc = full_doc();
        doc.title = nasty.to_string();
        doc.summary = nasty.to_string();
        doc.timeline[0].text = nasty.to_string();
        doc.action_items[0].title = nasty.to_string();
        doc.action_items[0].owner = nasty.to_string();
        doc.analysis.lessons = nasty.to_string();
        doc.owner = nasty.to_string();
        let out = md(&doc);
        let blocks = parse(&out);
        assert!(
            !blocks.iter().any(|b| matches!(b, Block::Other(_))),
            "{nasty:?} produced {blocks:?}\n{out}"
        );
        let expected_title = if nasty.trim().is_empty() {
            "Untitled postmortem".to_string()
        } else {
            seen_in_line(nasty)
        };
        assert_eq!(blocks[0], Block::Heading(1, expected_title), "{out}");
        assert_eq!(
            after_heading(&blocks, "Summary"),
            Some(&Block::Paragraph(seen_in_block(nasty))),
            "{out}"
        );
        assert_eq!(
            after_heading(&blocks, "Lessons learned").and_then(|_| {
                let i = blocks
                    .iter()
                    .rposition(|b| matches!(b, Block::Heading(3, t) if t == "Lessons learned"))?;
                blocks.get(i + 1)
            }),
            Some(&Block::Paragraph(seen_in_block(nasty)))
        );
        let timeline = table_after(&blocks, "Timeline");
        assert_eq!(timeline.len(), 4, "{out}");
        assert!(timeline.iter().all(|r| r.len() == 4), "{out}");
        assert_eq!(timeline[1][3], seen_in_line(nasty));
        let actions = table_after(&blocks, "Action items");
        assert_eq!(actions[1].len(), 8, "{out}");
        assert_eq!(actions[1][0], seen_in_line(nasty));
        assert_eq!(actions[1][1], seen_in_line(nasty));
        let details = table_after(&blocks, "Details");
        assert!(details.iter().all(|r| r.len() == 2));
        assert!(details.contains(&vec!["Owner".to_string(), seen_in_line(nasty)]));
    }
}

#[test]
fn html_and_script_never_reach_the_output_as_markup() {
    let mut doc = full_doc();
    doc.summary = "<script>alert(1)</script><img src=x onerror=alert(2)>".into();
    doc.timeline[0].text = "<!-- comment --><b>bold</b>".into();
    let out = md(&doc);
    assert!(!out.contains("<script"), "{out}");
    assert!(!out.contains("<img"));
    assert!(!out.contains("<!--"));
    assert!(!out.contains("<b>"));
}

#[test]
fn only_web_and_mail_links_become_links() {
    let mut doc = full_doc();
    doc.links = vec![
        Link {
            id: "l1".into(),
            label: "Logs".into(),
            url: "https://logs.example.com/q?a=(1)".into(),
            extra: Default::default(),
        },
        Link {
            id: "l2".into(),
            label: "Bad".into(),
            url: "javascript:alert(1)".into(),
            extra: Default::default(),
        },
    ];
    let out = md(&doc);
    assert!(
        out.contains("[Logs](https://logs.example.com/q?a=%281%29)"),
        "{out}"
    );
    assert!(!out.contains("](javascript"), "{out}");
    let blocks = parse(&out);
    assert_eq!(
        after_heading(&blocks, "Links"),
        Some(&Block::List(vec![
            "Logs".into(),
            "Bad (javascript:alert(1))".into()
        ]))
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_typed_text_comes_back_as_typed(
        title in text(), summary in text(), event in text(), action in text(), owner in text()
    ) {
        let mut doc = full_doc();
        doc.title = title.clone();
        doc.summary = summary.clone();
        doc.timeline[1].text = event.clone();
        doc.action_items[0].title = action.clone();
        doc.action_items[0].owner = owner.clone();
        let out = md(&doc);
        let blocks = parse(&out);
        prop_assert!(!blocks.iter().any(|b| matches!(b, Block::Other(_))), "{:?}\n{}", blocks, out);
        let expected_title = if title.trim().is_empty() { "Untitled postmortem".to_string() } else { seen_in_line(&title) };
        prop_assert_eq!(&blocks[0], &Block::Heading(1, expected_title));
        if summary.trim().is_empty() {
            prop_assert!(after_heading(&blocks, "Summary").is_none());
        } else {
            prop_assert_eq!(after_heading(&blocks, "Summary"), Some(&Block::Paragraph(seen_in_block(&summary))));
        }
        let timeline = table_after(&blocks, "Timeline");
        prop_assert_eq!(timeline.len(), 4);
        prop_assert_eq!(&timeline[2][3], &seen_in_line(&event));
        let actions = table_after(&blocks, "Action items");
        prop_assert_eq!(actions.len(), 2);
        prop_assert_eq!(&actions[1][0], &seen_in_line(&action));
        prop_assert_eq!(&actions[1][1], &seen_in_line(&owner));
    }
}

#[test]
fn sections_follow_the_template() {
    use afterword_core::export::markdown::template_order;
    use afterword_core::template::{five_part, four_questions, incident_report, standard};
    assert_eq!(
        template_order(&standard()),
        [
            "metadata",
            "summary",
            "impact",
            "analysis",
            "action_items",
            "lessons",
            "timeline",
            "times",
            "links"
        ]
    );
    // Free-text sections of a template keep their place among the others.
    let report = template_order(&incident_report());
    let pos = |id: &str| report.iter().position(|s| s == id).unwrap();
    assert!(pos("metadata") < pos("what_happened"));
    assert!(pos("what_happened") < pos("timeline"));
    assert!(pos("extent") < pos("analysis"));
    assert!(pos("closure_analysis") < pos("action_items"));
    let meeting = template_order(&five_part());
    assert!(
        meeting.iter().position(|s| s == "timeline") < meeting.iter().position(|s| s == "lessons")
    );
    let questions = template_order(&four_questions());
    assert_eq!(questions[..2], ["metadata", "four_questions"]);
}
