//! `afterword`: the command-line front end. Each subcommand lives in its own
//! module and returns the process exit code; this file only dispatches.

mod args;
mod export;
mod import;
mod input;
mod lint;
mod public;
mod schema;
mod validate;

use std::process::ExitCode;

/// Exit code for a bad command line or an unreadable input.
pub(crate) const USAGE_ERROR: u8 = 2;

const HELP: &str = "\
afterword: work with blameless postmortems from the command line

Usage:
  afterword <command> [options]

Commands:
  lint      Find blaming language in Markdown postmortems
  export    Turn a postmortem JSON file into Markdown, JSON or action-item CSV
  import    Read a Markdown postmortem into an Afterword JSON document
  public    Write the customer-facing summary, with a redaction check
  validate  Check postmortem files and list every problem with its path
  schema    Print the JSON Schema of postmortem files
  help      Show this help, or `afterword help <command>`

Run `afterword <command> --help` for a command's options.
";

/// A subcommand: its name, a one-line summary and the function that runs it
/// with the remaining arguments.
struct Command {
    name: &'static str,
    run: fn(&[String]) -> u8,
    help: &'static str,
}

const COMMANDS: &[Command] = &[
    Command {
        name: "lint",
        run: lint::run,
        help: lint::HELP,
    },
    Command {
        name: "export",
        run: export::run,
        help: export::HELP,
    },
    Command {
        name: "import",
        run: import::run,
        help: import::HELP,
    },
    Command {
        name: "public",
        run: public::run,
        help: public::HELP,
    },
    Command {
        name: "validate",
        run: validate::run,
        help: validate::HELP,
    },
    Command {
        name: "schema",
        run: schema::run,
        help: schema::HELP,
    },
];

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    ExitCode::from(dispatch(&args))
}

fn dispatch(args: &[String]) -> u8 {
    let Some(first) = args.first() else {
        eprint!("{HELP}");
        return USAGE_ERROR;
    };
    match first.as_str() {
        "-h" | "--help" => {
            print!("{HELP}");
            0
        }
        "help" => match args.get(1) {
            None => {
                print!("{HELP}");
                0
            }
            Some(name) => match COMMANDS.iter().find(|c| c.name == name) {
                Some(c) => {
                    print!("{}", c.help);
                    0
                }
                None => unknown(name),
            },
        },
        name => match COMMANDS.iter().find(|c| c.name == name) {
            Some(c) => (c.run)(&args[1..]),
            None => unknown(name),
        },
    }
}

fn unknown(name: &str) -> u8 {
    eprintln!("afterword: unknown command {name:?}\n");
    eprint!("{HELP}");
    USAGE_ERROR
}
