//! End-to-end checks of `afterword lint` through the built binary: the
//! corpus of whole postmortems, the output formats and the exit codes.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const PEOPLE: &str = "Dana Ortiz,Sam Lee,Priya Nair,Alex Kim";

fn afterword(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_afterword"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the afterword binary starts");
    if let Some(mut pipe) = child.stdin.take() {
        pipe.write_all(stdin.unwrap_or("").as_bytes())
            .expect("stdin accepts the text");
    }
    child
        .wait_with_output()
        .expect("the afterword binary finishes")
}

fn corpus() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("corpus directory exists")
        .map(|e| e.expect("corpus entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    files.sort();
    files
}

/// `(line, rule)` pairs recorded beside a planted document.
fn expected(doc: &Path) -> Vec<(usize, String)> {
    let Ok(text) = std::fs::read_to_string(doc.with_extension("expected")) else {
        return Vec::new();
    };
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (line, rule) = l.trim().split_once(' ').expect("`line rule`");
            (line.parse().expect("line number"), rule.trim().to_string())
        })
        .collect()
}

fn json(out: &Output) -> Vec<serde_json::Value> {
    serde_json::from_slice(&out.stdout).expect("stdout is a JSON array")
}

#[test]
fn corpus_gives_exactly_the_recorded_findings() {
    let files = corpus();
    assert!(files.len() >= 5, "corpus has documents");
    let mut clean = 0;
    for doc in files {
        let path = doc.to_str().expect("utf-8 path");
        let out = afterword(
            &["lint", "--format", "json", "--people", PEOPLE, path],
            None,
        );
        let found: Vec<(usize, String)> = json(&out)
            .iter()
            .map(|f| {
                (
                    f["line"].as_u64().expect("line") as usize,
                    f["rule"].as_str().expect("rule").to_string(),
                )
            })
            .collect();
        let want = expected(&doc);
        assert_eq!(found, want, "{path}");
        let name = doc.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        if name.starts_with("clean-") {
            assert!(want.is_empty(), "{name} is meant to be clean");
            assert_eq!(out.status.code(), Some(0), "{name}");
            clean += 1;
        } else {
            assert!(
                !want.is_empty(),
                "{name} should record its planted findings"
            );
            assert_eq!(out.status.code(), Some(1), "{name}");
        }
    }
    assert!(clean >= 3);
}

#[test]
fn text_format_is_file_line_column_rule_message() {
    let doc = corpus()
        .into_iter()
        .find(|p| p.ends_with("planted-deploy-outage.md"))
        .expect("planted document");
    let path = doc.to_str().expect("utf-8 path");
    let out = afterword(&["lint", "--people", PEOPLE, path], None);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).expect("utf-8 output");
    let first = stdout.lines().next().expect("a finding");
    assert!(
        first.starts_with(&format!("{path}:5:1: person-as-cause: ")),
        "{first}"
    );
    assert_eq!(stdout.lines().count(), expected(&doc).len());
}

#[test]
fn standard_input_is_read_with_a_dash() {
    let out = afterword(&["lint", "-"], Some("Fine text.\nSimply restart it.\n"));
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).expect("utf-8 output");
    assert!(stdout.starts_with("<stdin>:2:1: minimizer: "), "{stdout}");
}

#[test]
fn json_findings_carry_place_rule_and_suggestions() {
    let text = "Intro line.\n\nThe on-call failed to check the lag.\n";
    let out = afterword(&["lint", "--format", "json", "-"], Some(text));
    assert_eq!(out.status.code(), Some(1));
    let found = json(&out);
    assert_eq!(found.len(), 1);
    let f = &found[0];
    assert_eq!(f["file"], "<stdin>");
    assert_eq!(f["rule"], "hindsight");
    assert_eq!(f["category"], "hindsight");
    assert_eq!(f["line"], 3);
    assert_eq!(f["column"], 13);
    let (start, end) = (
        f["offset"].as_u64().unwrap_or(0) as usize,
        f["end"].as_u64().unwrap_or(0) as usize,
    );
    assert_eq!(&text[start..end], "failed to");
    assert_eq!(f["suggestions"][0], "did not");
    assert!(f["message"].as_str().is_some_and(|m| !m.is_empty()));
}

#[test]
fn clean_input_exits_zero_with_empty_json() {
    let out = afterword(
        &["lint", "--format=json", "-"],
        Some("Sam rolled back the deploy at 14:05 UTC.\n"),
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(json(&out).is_empty());
}

#[test]
fn people_and_disable_options_apply() {
    let text = "Jordan broke the deploy.\n";
    let out = afterword(&["lint", "-"], Some(text));
    assert_eq!(out.status.code(), Some(0), "unknown names are not people");
    let out = afterword(&["lint", "--people", "Jordan", "-"], Some(text));
    assert_eq!(out.status.code(), Some(1));
    let out = afterword(
        &[
            "lint",
            "--people",
            "Jordan",
            "--disable",
            "person-as-cause,reads-as-blame",
            "-",
        ],
        Some(text),
    );
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn usage_and_read_errors_exit_two() {
    let out = afterword(&["lint"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(!out.stderr.is_empty());

    let out = afterword(&["lint", "--format", "yaml", "-"], None);
    assert_eq!(out.status.code(), Some(2));

    let out = afterword(&["lint", "--disable", "no-such-rule", "-"], None);
    assert_eq!(out.status.code(), Some(2));

    let out = afterword(&["frobnicate"], None);
    assert_eq!(out.status.code(), Some(2));

    let out = afterword(&["lint", "/definitely/not/here.md"], None);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("/definitely/not/here.md"), "{stderr}");
}

#[test]
fn help_is_available() {
    let out = afterword(&["--help"], None);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("lint"));
    let out = afterword(&["lint", "--help"], None);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("--format"));
    let out = afterword(&["lint", "--list-rules"], None);
    assert!(String::from_utf8_lossy(&out.stdout).contains("person-root-cause"));
}
