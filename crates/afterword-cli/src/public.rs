//! `afterword public FILE.json`: the customer-facing summary of a
//! postmortem, in Markdown or HTML, with the redaction check's findings
//! (names, addresses, ticket ids, blameless wording) on standard error.

use std::io::Write;

use afterword_core::public::{public_html, public_markdown, redaction_check};

use crate::input::read_postmortem;
use crate::USAGE_ERROR;

pub(crate) const HELP: &str = "\
afterword public: write the customer-facing summary of a postmortem

Usage:
  afterword public [options] FILE.json
  afterword public [options] -          (read standard input)

Options:
  --format md|html   md (default): Markdown; html: a standalone HTML page
  --check            exit with status 1 when the redaction check finds anything
  -h, --help         Show this help

The summary holds the title, what customers experienced, when (UTC, with
durations), what was done and what will change (action items marked public,
by kind); never participants, owners, links, ticket ids or evidence.
Standard error lists every person's name, email address, internal address or
host name, IP address, ticket id and blameless-language finding in the text,
as LINE:COLUMN. Exit status: 0 on success, 1 when the file is not a readable
postmortem (or, with --check, when something was found), 2 on a usage error.
";

pub(crate) fn run(args: &[String]) -> u8 {
    let mut html = false;
    let mut check = false;
    let mut file: Option<&str> = None;
    let mut i = 0;
    while i < args.len() {
        let arg = args[i].as_str();
        match arg {
            "-h" | "--help" => {
                print!("{HELP}");
                return 0;
            }
            "--check" => check = true,
            "--format" => {
                let Some(value) = args.get(i + 1) else {
                    return usage("--format needs a value");
                };
                html = match value.as_str() {
                    "md" | "markdown" => false,
                    "html" => true,
                    other => {
                        return usage(&format!("unknown format {other:?} (expected md or html)"))
                    }
                };
                i += 2;
                continue;
            }
            _ if arg.starts_with("--") => return usage(&format!("unknown option {arg}")),
            _ if file.is_some() => return usage("give exactly one file"),
            _ => file = Some(arg),
        }
        i += 1;
    }
    let Some(file) = file else {
        return usage("give the postmortem file");
    };
    let doc = match read_postmortem("public", file) {
        Ok(doc) => doc,
        Err(code) => return code,
    };
    let md = public_markdown(&doc);
    let findings = redaction_check(&md, &doc);
    {
        let mut err = std::io::stderr().lock();
        for r in &findings {
            let _ = writeln!(
                err,
                "summary:{}:{}: {}: “{}”: {}",
                r.line,
                r.column,
                r.kind.label(),
                r.text,
                r.why
            );
        }
    }
    let out = if html { public_html(&md) } else { md };
    let mut stdout = std::io::stdout().lock();
    if stdout
        .write_all(out.as_bytes())
        .and_then(|_| stdout.flush())
        .is_err()
    {
        return USAGE_ERROR;
    }
    if check && !findings.is_empty() {
        1
    } else {
        0
    }
}

fn usage(msg: &str) -> u8 {
    eprintln!("afterword public: {msg}\nRun `afterword public --help` for usage.");
    USAGE_ERROR
}
