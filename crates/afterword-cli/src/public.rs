//! `afterword public FILE.json`: the customer-facing summary of a
//! postmortem, in Markdown or HTML, with the redaction check's findings
//! (names, addresses, ticket ids, blameless wording) on standard error.

use std::io::Write;

use afterword_core::public::{public_html, public_markdown, redaction_check};

use crate::args::{Files, Flag, Spec, Stop, Syntax};
use crate::input::{read_postmortem, write_output};

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

#[derive(Clone, Copy)]
enum Opt {
    Check,
    Format,
}

const SPEC: Spec<Opt> = Spec {
    command: "public",
    help: HELP,
    syntax: Syntax::Plain,
    flags: &[
        Flag::switch(&["--check"], Opt::Check),
        Flag::value(&["--format"], Opt::Format),
    ],
    files: Files::One("give the postmortem file"),
};

pub(crate) fn run(args: &[String]) -> u8 {
    let mut html = false;
    let mut check = false;
    let parsed = SPEC.parse(args, |opt, value| {
        match opt {
            Opt::Check => check = true,
            Opt::Format => {
                html = match value.unwrap_or_default() {
                    "md" | "markdown" => false,
                    "html" => true,
                    other => {
                        return Err(Stop::Usage(format!(
                            "unknown format {other:?} (expected md or html)"
                        )))
                    }
                }
            }
        }
        Ok(())
    });
    let file = match parsed {
        Ok(files) => files[0],
        Err(code) => return code,
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
    if let Err(code) = write_output(&out) {
        return code;
    }
    if check && !findings.is_empty() {
        1
    } else {
        0
    }
}
