//! `afterword schema`: prints the JSON Schema of a postmortem file.

pub(crate) const HELP: &str = "\
afterword schema: print the JSON Schema of Afterword's postmortem files

Usage:
  afterword schema

The schema (JSON Schema draft 7) describes the files that Export -> JSON and
`afterword export --format json` write, for validating them in other tools.
";

pub(crate) fn run(args: &[String]) -> u8 {
    if args.iter().any(|a| a == "-h" || a == "--help") {
        print!("{HELP}");
        return 0;
    }
    if let Some(extra) = args.first() {
        eprintln!("afterword schema: unexpected argument {extra:?}\nRun `afterword schema --help` for usage.");
        return crate::USAGE_ERROR;
    }
    print!("{}", afterword_core::export::json::json_schema());
    0
}
