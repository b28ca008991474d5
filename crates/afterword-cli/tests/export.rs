//! End-to-end checks of `afterword export`, `validate` and `schema` through
//! the built binary, on fixture files.

use std::path::PathBuf;
use std::process::{Command, Output};

fn afterword(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_afterword"))
        .args(args)
        .output()
        .expect("the afterword binary runs")
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

#[test]
fn exports_markdown_by_default() {
    let out = afterword(&["export", &fixture("valid.json")]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let md = stdout(&out);
    assert!(
        md.starts_with("# Payment API outage \\| card payments\n"),
        "{md}"
    );
    assert!(md.contains("## Timeline"));
    assert!(md.contains("\\# The validator skipped"));
    assert!(md.contains("&lt;b&gt;an error&lt;/b&gt;"));
    assert!(md.contains("| Time to detect | 7 min | detected − started |"));
    let again = afterword(&["export", "--format", "md", &fixture("valid.json")]);
    assert_eq!(stdout(&again), md);
}

#[test]
fn section_order_can_be_chosen() {
    let out = afterword(&[
        "export",
        "--order",
        "timeline,summary",
        &fixture("valid.json"),
    ]);
    let md = stdout(&out);
    let timeline = md.find("## Timeline").unwrap();
    let summary = md.find("## Summary").unwrap();
    let details = md.find("## Details").unwrap();
    assert!(timeline < summary && summary < details, "{md}");
}

#[test]
fn exports_json_and_csv() {
    let out = afterword(&["export", &fixture("valid.json"), "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["id"], "pm-payments-1120");
    assert_eq!(json["schema_version"], 1);
    assert!(stdout(&out).ends_with("}\n"));

    let out = afterword(&["export", &fixture("valid.json"), "--format", "csv"]);
    assert_eq!(out.status.code(), Some(0));
    let csv = stdout(&out);
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert!(lines[0].starts_with("Summary,Description,Assignee,Due date,Status,Priority,Labels"));
    assert!(
        lines[1].starts_with("\"Validate payment config in CI, before merge\","),
        "{csv}"
    );
    assert!(csv.contains("'=Update the runbook"));
}

#[test]
fn export_of_a_broken_file_fails_with_the_reason() {
    let out = afterword(&["export", &fixture("truncated.json")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).is_empty());
    assert!(
        stderr(&out).contains("not valid JSON (line "),
        "{}",
        stderr(&out)
    );
}

#[test]
fn export_usage_errors_exit_2() {
    for args in [
        vec!["export"],
        vec!["export", "--format", "pdf", "x.json"],
        vec!["export", "--format"],
        vec!["export", "a.json", "b.json"],
        vec!["export", "--bogus", "a.json"],
        vec!["export", "/no/such/file.json"],
    ] {
        let out = afterword(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(!stderr(&out).is_empty());
    }
}

#[test]
fn validate_accepts_a_valid_file() {
    let out = afterword(&["validate", &fixture("valid.json")]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).ends_with("valid.json: valid\n"));
    assert!(stderr(&out).is_empty());
}

#[test]
fn validate_lists_every_problem_with_its_path() {
    let out = afterword(&["validate", &fixture("wrong-types.json")]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    for expected in [
        "wrong-types.json: title: invalid type: integer `42`, expected a string",
        "wrong-types.json: incident_date: not a date such as 2026-11-20",
        "wrong-types.json: timeline[1].at: not a UTC timestamp",
        "wrong-types.json: action_items[0].status: unknown variant `someday`",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in:\n{err}");
    }
    assert_eq!(err.lines().count(), 4, "{err}");
}

#[test]
fn validate_reports_truncated_and_future_files() {
    let out = afterword(&["validate", &fixture("truncated.json")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("not valid JSON (line "));

    let out = afterword(&["validate", &fixture("future-version.json")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("schema_version: 7 was written by a newer Afterword"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn validate_checks_each_draft_of_a_bundle() {
    let out = afterword(&["validate", &fixture("bundle-one-bad.json")]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("drafts[1].timeline[0].at: not a UTC timestamp"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1);
}

#[test]
fn validate_usage_and_read_errors_exit_2() {
    assert_eq!(afterword(&["validate"]).status.code(), Some(2));
    assert_eq!(
        afterword(&["validate", "--strict", "x"]).status.code(),
        Some(2)
    );
    let out = afterword(&["validate", &fixture("valid.json"), "/no/such/file.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("cannot read /no/such/file.json"));
}

#[test]
fn schema_prints_the_published_schema() {
    let out = afterword(&["schema"]);
    assert_eq!(out.status.code(), Some(0));
    let published = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../public/schema/postmortem.v1.schema.json"),
    )
    .unwrap();
    assert_eq!(stdout(&out), published);
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(schema["title"], "Afterword postmortem");
    assert_eq!(afterword(&["schema", "extra"]).status.code(), Some(2));
}

#[test]
fn help_lists_the_new_commands() {
    let out = afterword(&["--help"]);
    let help = stdout(&out);
    for cmd in ["export", "validate", "schema"] {
        assert!(help.contains(&format!("  {cmd} ")), "{help}");
        assert_eq!(afterword(&[cmd, "--help"]).status.code(), Some(0));
    }
}
