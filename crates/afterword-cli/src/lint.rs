//! `afterword lint FILE…`: lint Markdown postmortems for blaming language
//! and print the findings as `file:line:column: rule: message` or as JSON.

use crate::args::{comma_list, Files, Flag, Spec, Stop, Syntax};
use crate::USAGE_ERROR;
use afterword_core::lint::{lint_text, participants_in_markdown, rules, Finding, LintConfig};
use serde::Serialize;
use std::io::{self, Read, Write};

pub(crate) const HELP: &str = "\
afterword lint: find blaming language in Markdown postmortems

Usage:
  afterword lint [options] FILE...
  afterword lint [options] -          (read standard input)

Options:
  --format text|json   Output format (default: text, one finding a line as
                       file:line:column: rule: message)
  --disable RULE       Switch a rule off; repeat it or separate ids by commas
  --people NAMES       Participant names, comma-separated (\"Dana Ortiz,Sam\"),
                       recognised as people whatever they are called. Names
                       are also read from the file (a Participants or People
                       section, a `Participants:` line, front matter) and
                       from the name lists shipped with the checker
  --list-rules         Print the rule ids with their descriptions
  -h, --help           Show this help

Exit status: 0 when nothing was found, 1 when findings remain, 2 on a usage
error or a file that could not be read.
";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Json,
}

#[derive(Clone, Copy)]
enum Opt {
    ListRules,
    Format,
    Disable,
    People,
}

const SPEC: Spec<Opt> = Spec {
    command: "lint",
    help: HELP,
    syntax: Syntax::Gnu,
    flags: &[
        Flag::switch(&["--list-rules"], Opt::ListRules),
        Flag::value(&["--format"], Opt::Format),
        Flag::value(&["--disable"], Opt::Disable),
        Flag::value(&["--people"], Opt::People),
    ],
    files: Files::Many("no files given"),
};

/// How standard input is named in the output.
const STDIN_NAME: &str = "<stdin>";

/// One finding in the JSON output: the file it came from plus the finding.
#[derive(Serialize)]
struct Row<'a> {
    file: &'a str,
    #[serde(flatten)]
    finding: &'a Finding,
}

pub(crate) fn run(args: &[String]) -> u8 {
    let mut format = Format::Text;
    let mut cfg = LintConfig::default();
    let parsed = SPEC.parse(args, |opt, value| {
        let value = value.unwrap_or_default();
        match opt {
            Opt::ListRules => {
                for rule in rules() {
                    println!("{:<18} {}", rule.id, rule.description);
                }
                return Err(Stop::Exit(0));
            }
            Opt::Format => {
                format = match value {
                    "text" => Format::Text,
                    "json" => Format::Json,
                    other => {
                        return Err(Stop::Usage(format!(
                            "unknown format {other:?} (use text or json)"
                        )))
                    }
                }
            }
            Opt::Disable => {
                for id in comma_list(value) {
                    if !rules().iter().any(|r| r.id == id) {
                        return Err(Stop::Usage(format!(
                            "unknown rule {id:?} (see --list-rules)"
                        )));
                    }
                    cfg.disabled.insert(id.to_string());
                }
            }
            Opt::People => cfg
                .participants
                .extend(comma_list(value).map(str::to_string)),
        }
        Ok(())
    });
    let files = match parsed {
        Ok(files) => files,
        Err(code) => return code,
    };

    let mut read_failed = false;
    let mut results: Vec<(String, Vec<Finding>)> = Vec::new();
    for file in files {
        match read(file) {
            Ok(text) => {
                let name = if file == "-" { STDIN_NAME } else { file };
                // The file's own people count too: a Participants or People
                // section, a `Participants:` line or a front-matter list.
                let mut cfg = cfg.clone();
                for person in participants_in_markdown(&text) {
                    if !cfg.participants.contains(&person) {
                        cfg.participants.push(person);
                    }
                }
                results.push((name.to_string(), lint_text(&text, &cfg)));
            }
            Err(e) => {
                eprintln!("afterword lint: cannot read {file}: {e}");
                read_failed = true;
            }
        }
    }

    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let written = match format {
        Format::Text => write_text(&mut out, &results),
        Format::Json => write_json(&mut out, &results),
    };
    // A closed pipe (`| head`) is not an error worth reporting.
    if let Err(e) = written.and_then(|()| out.flush()) {
        if e.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("afterword lint: cannot write output: {e}");
            return USAGE_ERROR;
        }
    }

    if read_failed {
        USAGE_ERROR
    } else if results.iter().any(|(_, found)| !found.is_empty()) {
        1
    } else {
        0
    }
}

fn read(file: &str) -> io::Result<String> {
    if file == "-" {
        let mut text = String::new();
        io::stdin().read_to_string(&mut text)?;
        Ok(text)
    } else {
        std::fs::read_to_string(file)
    }
}

fn write_text(out: &mut impl Write, results: &[(String, Vec<Finding>)]) -> io::Result<()> {
    for (file, found) in results {
        for f in found {
            writeln!(
                out,
                "{file}:{}:{}: {}: {}",
                f.span.line, f.span.column, f.rule, f.message
            )?;
        }
    }
    Ok(())
}

fn write_json(out: &mut impl Write, results: &[(String, Vec<Finding>)]) -> io::Result<()> {
    let rows: Vec<Row> = results
        .iter()
        .flat_map(|(file, found)| found.iter().map(move |finding| Row { file, finding }))
        .collect();
    serde_json::to_writer_pretty(&mut *out, &rows).map_err(io::Error::other)?;
    writeln!(out)
}
