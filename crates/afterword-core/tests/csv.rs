mod common;

use afterword_core::export::csv::{action_items_csv, CSV_COLUMNS};
use afterword_core::model::*;
use common::*;
use proptest::prelude::*;

/// A small RFC 4180 reader, to check the output independently.
fn read_csv(s: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut chars = s.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                '"' => quoted = false,
                _ => cell.push(c),
            }
        } else {
            match c {
                '"' => quoted = true,
                ',' => row.push(std::mem::take(&mut cell)),
                '\r' if chars.peek() == Some(&'\n') => {
                    chars.next();
                    row.push(std::mem::take(&mut cell));
                    rows.push(std::mem::take(&mut row));
                }
                _ => cell.push(c),
            }
        }
    }
    assert!(cell.is_empty() && row.is_empty(), "file must end with CRLF");
    rows
}

#[test]
fn header_and_one_row_per_action_item() {
    let a = full_doc();
    let mut b = full_doc();
    b.id = "pm-other".into();
    b.title = "Second".into();
    b.action_items.push(ActionItem {
        id: "a2".into(),
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
    });
    let rows = read_csv(&action_items_csv(&[&a, &b]));
    assert_eq!(rows[0], CSV_COLUMNS);
    assert_eq!(rows.len(), 4);
    assert_eq!(rows[1][0], "Validate payment config in CI");
    assert_eq!(rows[1][2], "Bo Chen");
    assert_eq!(rows[1][3], "2026-12-15");
    assert_eq!(rows[1][4], "In Progress");
    assert_eq!(rows[1][5], "Highest");
    assert_eq!(rows[1][6], "postmortem prevent sev1 needs-discussion");
    assert_eq!(rows[1][7], "Task");
    assert_eq!(rows[1][8], "Payment API outage");
    assert_eq!(rows[1][10], "https://tracker.example.com/PAY-12");
    assert_eq!(rows[3][0], "Untitled action item");
    assert_eq!(rows[3][8], "Second");
    assert!(rows.iter().all(|r| r.len() == CSV_COLUMNS.len()));
}

#[test]
fn quoting_and_formula_injection() {
    let mut doc = full_doc();
    doc.action_items[0].title = "Fix, \"really\"\nfix".into();
    doc.action_items[0].owner = "=HYPERLINK(\"http://x\")".into();
    doc.action_items[0].ticket = "@SUM(1)".into();
    let out = action_items_csv(&[&doc]);
    assert!(out.contains("\"Fix, \"\"really\"\"\nfix\""), "{out}");
    let rows = read_csv(&out);
    assert_eq!(rows[1][0], "Fix, \"really\"\nfix");
    assert_eq!(rows[1][2], "'=HYPERLINK(\"http://x\")");
    assert_eq!(rows[1][10], "'@SUM(1)");
    for bad in ["+1", "-1", "\tx", "\rx"] {
        doc.action_items[0].title = bad.into();
        let rows = read_csv(&action_items_csv(&[&doc]));
        assert_eq!(rows[1][0], format!("'{bad}"));
    }
}

#[test]
fn no_documents_gives_just_the_header() {
    assert_eq!(read_csv(&action_items_csv(&[])), vec![CSV_COLUMNS.to_vec()]);
}

proptest! {
    #[test]
    fn any_text_survives_the_csv(item in action()) {
        let mut doc = full_doc();
        let mut item = item;
        item.id = "a9".into();
        doc.action_items = vec![item.clone()];
        let rows = read_csv(&action_items_csv(&[&doc]));
        prop_assert_eq!(rows.len(), 2);
        prop_assert!(rows.iter().all(|r| r.len() == CSV_COLUMNS.len()));
        // A formula is defused even after leading spaces (" =SUM(..)").
        let undefused = |s: &str| match s.trim_start_matches(' ').chars().next() {
            Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{s}"),
            _ => s.to_owned(),
        };
        if !item.title.trim().is_empty() {
            prop_assert_eq!(&rows[1][0], &undefused(&item.title));
        }
        prop_assert_eq!(&rows[1][2], &undefused(&item.owner));
    }
}
