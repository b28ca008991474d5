//! Chat exports turned into timeline candidates, from the fixture exports of
//! each kind: times in UTC, authors named, markup made readable, nothing
//! live, and hostile input refused or read without a panic.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use afterword_core::import::{
    read_chat, to_events, ChatFile, ChatFilter, ChatFormat, ChatImportError,
};
use afterword_core::timeline_paste::PasteContext;
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use proptest::prelude::*;

fn file(path: &str) -> ChatFile {
    let full = format!(
        "{}/tests/fixtures/import/chat/{path}",
        env!("CARGO_MANIFEST_DIR")
    );
    ChatFile {
        name: path.rsplit('/').next().unwrap_or(path).to_owned(),
        text: std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}")),
    }
}

fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
}

#[test]
fn slack_channel_folder_with_users() {
    let files = [
        file("slack-channel/2024-03-02.json"),
        file("slack-channel/users.json"),
        file("slack-channel/2024-03-01.json"),
    ];
    let out = read_chat(&files, PasteContext::default()).unwrap();
    assert_eq!(out.format, ChatFormat::Slack);
    let m = &out.messages;
    assert_eq!(m.len(), 5, "the channel join is not a message");
    // Oldest first across day files.
    assert_eq!(m[0].at, utc(2024, 3, 1, 9, 20));
    assert_eq!(m[0].author, "Priya");
    assert_eq!(
        m[0].text,
        "🚨 checkout error rate is above 20%, see the cart dashboard (https://dashboards.example.com/d/cart)"
    );
    assert!(m[0].starred, "pinned");
    assert_eq!(m[1].author, "Tomás Ferreira");
    assert_eq!(
        m[1].text,
        "@Priya looking. cache nodes are restarting & memory is at 100%"
    );
    assert!(m[2].text.ends_with("@here"));
    assert!(m[3].starred, "starred");
    assert!(
        m[4].text.contains("<script>alert(1)</script>"),
        "kept as text"
    );
    assert!(out
        .notes
        .iter()
        .any(|n| n.message.contains("channel events")));
}

#[test]
fn slack_single_array() {
    let out = read_chat(&[file("slack-messages.json")], PasteContext::default()).unwrap();
    assert_eq!(out.messages[0].text, "paging @tomas for the cache");
    assert_eq!(out.messages[1].author, "Tomás Ferreira");
}

#[test]
fn mattermost_bulk_export() {
    let out = read_chat(&[file("mattermost-export.jsonl")], PasteContext::default()).unwrap();
    assert_eq!(out.format, ChatFormat::Mattermost);
    let m = &out.messages;
    assert_eq!(m.len(), 4, "replies included");
    assert_eq!(m[0].author, "lena");
    assert_eq!(m[0].text, "support says notification emails are missing 👀");
    assert!(m[0].starred);
    assert_eq!(m[2].text, "restarting them now");
    assert!(m[3].starred, "flagged");
}

#[test]
fn teams_graph_messages() {
    let out = read_chat(&[file("teams-messages.json")], PasteContext::default()).unwrap();
    assert_eq!(out.format, ChatFormat::Teams);
    let m = &out.messages;
    assert_eq!(m.len(), 3, "the system event is not a message");
    assert_eq!(m[0].at, utc(2024, 7, 9, 16, 6));
    assert_eq!(m[0].author, "Aiko Tanaka");
    assert_eq!(
        m[0].text,
        "Login failure alert fired for mobile. @Ben Okafor can you check the gateway?"
    );
    assert!(m[0].starred, "urgent");
    assert_eq!(
        m[1].text,
        "The intermediate certificate expired at 16:00 – see status (https://status.example.com)\n<b>not bold</b>"
    );
}

#[test]
fn plain_text_log() {
    let ctx = PasteContext {
        default_date: NaiveDate::from_ymd_opt(2024, 9, 3),
        assume_utc_offset_minutes: 0,
    };
    let out = read_chat(&[file("plain-log.txt")], ctx).unwrap();
    assert_eq!(out.format, ChatFormat::PlainText);
    assert_eq!(out.messages.len(), 3);
    assert_eq!(out.messages[1].author, "jonas");
    assert_eq!(out.notes.len(), 1);
    assert!(out.notes[0].place.ends_with(":3"));
}

#[test]
fn picking_and_mapping_authors() {
    let out = read_chat(&[file("mattermost-export.jsonl")], PasteContext::default()).unwrap();
    let m = &out.messages;
    let starred = ChatFilter {
        starred_only: true,
        ..ChatFilter::default()
    }
    .pick(m);
    assert_eq!(starred, vec![0, 3]);
    let range = ChatFilter {
        from: Some(utc(2024, 5, 14, 3, 0)),
        to: Some(utc(2024, 5, 14, 3, 30)),
        ..ChatFilter::default()
    }
    .pick(m);
    assert_eq!(range, vec![1, 2]);
    let mut names = BTreeMap::new();
    names.insert("lena".to_owned(), "Lena Novak".to_owned());
    let events = to_events(m, &starred, &names, |i| format!("e-{i}"));
    assert_eq!(
        events[0].text,
        "Lena Novak: support says notification emails are missing 👀"
    );
    assert_eq!(events[0].at, Some(m[0].at));
    assert!(events[0].starred);
}

#[test]
fn hostile_exports() {
    let bin = ChatFile {
        name: "x.json".into(),
        text: "\0\0\0".into(),
    };
    assert!(matches!(
        read_chat(&[bin], PasteContext::default()),
        Err(ChatImportError::Binary { .. })
    ));
    let nothing = ChatFile {
        name: "x.txt".into(),
        text: "no times here\n".into(),
    };
    assert_eq!(
        read_chat(&[nothing], PasteContext::default()),
        Err(ChatImportError::Empty)
    );
    let deep = ChatFile {
        name: "x.json".into(),
        text: "[".repeat(100_000),
    };
    let started = Instant::now();
    let _ = read_chat(&[deep], PasteContext::default());
    assert!(started.elapsed() < Duration::from_secs(2));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_exports_never_panic(text in "\\PC{0,300}", name in prop::sample::select(&["a.json", "b.jsonl", "c.txt"][..])) {
        let _ = read_chat(&[ChatFile { name: name.into(), text }], PasteContext::default());
    }

    #[test]
    fn json_shaped_noise_never_panics(parts in prop::collection::vec(prop::sample::select(&[
        "[", "]", "{", "}", ",", "\"ts\":", "\"1709284800.5\"", "\"text\":", "\"<@U1|x>\"", "\"<https://a|b>\"",
        "\"createdDateTime\":", "\"2024-01-01T00:00:00Z\"", "\"body\":", "{\"contentType\":\"html\",\"content\":\"<p><a href=x>\"}",
        "\"type\":\"post\"", "\"post\":", "\"create_at\":", "99999999999999999999", "-1", "null", "\n", ":emoji:", "&#0;", "&#x110000;",
    ][..]), 0..60)) {
        let text: String = parts.concat();
        let _ = read_chat(&[ChatFile { name: "x.json".into(), text }], PasteContext::default());
    }
}
