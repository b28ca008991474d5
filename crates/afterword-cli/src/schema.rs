//! `afterword schema`: prints the JSON Schema of a postmortem file.

use crate::args::{Files, Spec, Syntax};

pub(crate) const HELP: &str = "\
afterword schema: print the JSON Schema of Afterword's postmortem files

Usage:
  afterword schema

The schema (JSON Schema draft 7) describes the files that Export -> JSON and
`afterword export --format json` write, for validating them in other tools.
";

const SPEC: Spec<()> = Spec {
    command: "schema",
    help: HELP,
    syntax: Syntax::Plain,
    flags: &[],
    files: Files::None,
};

pub(crate) fn run(args: &[String]) -> u8 {
    if let Err(code) = SPEC.parse(args, |(), _| Ok(())) {
        return code;
    }
    print!("{}", afterword_core::export::json::json_schema());
    0
}
