//! `afterword import` and `afterword public` through the built binary: a
//! Markdown postmortem read into JSON (and back), Afterword's own export
//! round-tripping, refused files, and the customer-facing summary with its
//! redaction findings.

use std::path::PathBuf;
use std::process::{Command, Output};

fn afterword(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_afterword"))
        .args(args)
        .output()
        .expect("the afterword binary runs")
}

fn core_fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../afterword-core/tests/fixtures/import")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn temp(name: &str, bytes: &[u8]) -> String {
    let dir = std::env::temp_dir().join(format!("afterword-cli-import-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write temp file");
    path.to_string_lossy().into_owned()
}

#[test]
fn imports_a_foreign_postmortem_as_json() {
    let out = afterword(&["import", &core_fixture("sre-book-style.md")]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let doc: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON on stdout");
    assert_eq!(doc["title"], "Shopping cart service outage, 2024-03-01");
    assert_eq!(doc["schema_version"], 1);
    assert_eq!(doc["timeline"].as_array().map(Vec::len), Some(6));
    assert_eq!(doc["action_items"][0]["ticket"], "CART-412");
    // Where each heading went, with its line, on standard error.
    let err = stderr(&out);
    assert!(
        err.contains("sre-book-style.md:18: ## “Root Causes” → Contributing factors"),
        "{err}"
    );
    assert!(err.contains("“Supporting information” → Links"), "{err}");
    // And the JSON is a valid postmortem for the rest of the tools.
    let path = temp("imported.json", &out.stdout);
    let valid = afterword(&["validate", &path]);
    assert_eq!(valid.status.code(), Some(0), "{}", stderr(&valid));
}

#[test]
fn own_markdown_round_trips_with_format_md() {
    let exported = afterword(&["export", &fixture("valid.json")]);
    assert_eq!(exported.status.code(), Some(0));
    let md_path = temp("exported.md", &exported.stdout);
    let again = afterword(&["import", "-q", "--format", "md", &md_path]);
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    assert_eq!(stdout(&again), stdout(&exported));
}

#[test]
fn a_heading_can_be_mapped_elsewhere() {
    let out = afterword(&[
        "import",
        "-q",
        "--map",
        "Fault=trigger",
        &core_fixture("atlassian-style.md"),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let doc: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert!(doc["analysis"]["trigger"]
        .as_str()
        .is_some_and(|t| t.contains("synonym file")));
    assert!(doc["sections"].get("fault").is_none());

    let bad = afterword(&[
        "import",
        "--map",
        "Nope=trigger",
        &core_fixture("atlassian-style.md"),
    ]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("no heading \"nope\""));
}

#[test]
fn refuses_binary_html_and_empty_files() {
    let png = temp("image.md", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    let out = afterword(&["import", &png]);
    assert_ne!(out.status.code(), Some(0));
    assert!(stderr(&out).contains("not"), "{}", stderr(&out));
    assert!(stdout(&out).is_empty());

    let html = temp("page.md", b"<!DOCTYPE html>\n<html><body>x</body></html>");
    let out = afterword(&["import", &html]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("HTML page"));

    let empty = temp("empty.md", b"\n\n");
    let out = afterword(&["import", &empty]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("empty"));
}

#[test]
fn public_summary_leaves_people_and_tickets_out() {
    let out = afterword(&["public", &fixture("valid.json")]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let md = stdout(&out);
    assert!(md.starts_with("# "), "{md}");
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("valid.json")).expect("fixture"))
            .expect("JSON");
    for p in doc["participants"].as_array().into_iter().flatten() {
        let name = p["name"].as_str().unwrap_or_default();
        if !name.is_empty() && !md.contains(name) {
            continue;
        }
        // A name can only be in the text because someone typed it there;
        // the check must then report it.
        assert!(
            stderr(&out).contains(name),
            "{name} leaked unreported:\n{md}"
        );
    }
    for a in doc["action_items"].as_array().into_iter().flatten() {
        let ticket = a["ticket"].as_str().unwrap_or_default();
        if !ticket.is_empty() {
            assert!(!md.contains(ticket), "ticket {ticket} in\n{md}");
        }
    }
    let html = afterword(&["public", "--format", "html", &fixture("valid.json")]);
    assert!(stdout(&html).starts_with("<!DOCTYPE html>"));
}

#[test]
fn public_check_reports_findings_with_their_place() {
    let doc = r#"{"schema_version":1,"id":"pm-x","created_at":"2026-11-20T10:00:00Z","updated_at":"2026-11-20T10:00:00Z",
      "title":"Checkout errors","owner":"Dana Ortiz",
      "impact":{"description":"Dana restarted db-primary-03 (10.0.0.7); see OPS-42."},
      "action_items":[{"id":"a1","title":"Add a canary stage","owner":"Dana Ortiz","kind":"prevent","public":true,"ticket":"OPS-43"}]}"#;
    let path = temp("public.json", doc.as_bytes());
    let out = afterword(&["public", "--check", &path]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("summary:5:1: Person's name: “Dana”"), "{err}");
    assert!(
        err.contains("Internal address or host name: “db-primary-03”"),
        "{err}"
    );
    assert!(err.contains("IP address: “10.0.0.7”"), "{err}");
    assert!(err.contains("Ticket id: “OPS-42”"), "{err}");
    let md = stdout(&out);
    assert!(md.contains("- Add a canary stage"), "{md}");
    assert!(!md.contains("OPS-43"));
}
