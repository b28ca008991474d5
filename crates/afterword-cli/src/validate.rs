//! `afterword validate FILE.json`: checks a postmortem (or a backup bundle)
//! the way the app checks an import, and lists every problem with its path.

use afterword_core::export::bundle::{read_bundle, BUNDLE_FORMAT};
use afterword_core::restore::diagnose;

use crate::args::{Files, Spec, Syntax};
use crate::input::read_input;
use crate::USAGE_ERROR;

pub(crate) const HELP: &str = "\
afterword validate: check that files are postmortems Afterword can import

Usage:
  afterword validate FILE.json...
  afterword validate -            (read standard input)

Every problem is printed on standard error as FILE: path: message, for
example `pm.json: timeline[3].at: not a UTC timestamp`. Backup bundles are
recognised and each of their drafts is checked.

Exit status: 0 when every file is valid, 1 when a file has problems, 2 on a
usage error or a file that could not be read.
";

const SPEC: Spec<()> = Spec {
    command: "validate",
    help: HELP,
    syntax: Syntax::Plain,
    flags: &[],
    files: Files::Many("give at least one file"),
};

pub(crate) fn run(args: &[String]) -> u8 {
    let files = match SPEC.parse(args, |(), _| Ok(())) {
        Ok(files) => files,
        Err(code) => return code,
    };
    let mut code = 0;
    for file in files {
        let raw = match read_input(file) {
            Ok(raw) => raw,
            Err(msg) => {
                eprintln!("afterword validate: {msg}");
                code = USAGE_ERROR;
                continue;
            }
        };
        let problems = problems(&raw);
        if problems.is_empty() {
            println!("{file}: valid");
        } else {
            for p in &problems {
                eprintln!("{file}: {p}");
            }
            if code == 0 {
                code = 1;
            }
        }
    }
    code
}

fn problems(raw: &str) -> Vec<String> {
    if looks_like_bundle(raw) {
        return match read_bundle(raw) {
            Ok(read) => read.unreadable.into_iter().map(|(_, msg)| msg).collect(),
            Err(e) => vec![e.to_string()],
        };
    }
    diagnose(raw).iter().map(ToString::to_string).collect()
}

/// A cheap look at the start of the file, before any full parse.
fn looks_like_bundle(raw: &str) -> bool {
    let head: String = raw
        .chars()
        .take(200)
        .filter(|c| !c.is_whitespace())
        .collect();
    head.starts_with(&format!("{{\"format\":\"{BUNDLE_FORMAT}\""))
}
