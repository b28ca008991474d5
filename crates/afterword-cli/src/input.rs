//! Reading the file a subcommand works on, and writing its result.

use std::io::{self, Read, Write};

use afterword_core::export::json::import_json;
use afterword_core::model::Postmortem;

use crate::USAGE_ERROR;

/// Reads `file` (or standard input for `-`) as UTF-8 text, with a message
/// fit for the terminal on failure.
pub(crate) fn read_input(file: &str) -> Result<String, String> {
    let result = if file == "-" {
        let mut text = String::new();
        io::stdin().read_to_string(&mut text).map(|_| text)
    } else {
        std::fs::read_to_string(file)
    };
    result.map_err(|e| match e.kind() {
        io::ErrorKind::InvalidData => format!("cannot read {file}: it is not UTF-8 text"),
        _ => format!("cannot read {file}: {e}"),
    })
}

/// [`read_input`] for subcommand `command`: on failure the message is
/// printed and the usage exit code returned.
pub(crate) fn read_text(command: &str, file: &str) -> Result<String, u8> {
    read_input(file).map_err(|msg| {
        eprintln!("afterword {command}: {msg}");
        USAGE_ERROR
    })
}

/// Reads an exported postmortem (JSON) for subcommand `command`. A file
/// that cannot be read exits with the usage code; one that is not a
/// postmortem is reported with its place and exits with 1.
pub(crate) fn read_postmortem(command: &str, file: &str) -> Result<Postmortem, u8> {
    let raw = read_text(command, file)?;
    import_json(&raw).map_err(|e| {
        eprintln!("{file}: {e}");
        1
    })
}

/// Writes a subcommand's result to standard output; when it cannot be
/// written, the usage exit code.
pub(crate) fn write_output(out: &str) -> Result<(), u8> {
    let mut stdout = io::stdout().lock();
    stdout
        .write_all(out.as_bytes())
        .and_then(|_| stdout.flush())
        .map_err(|_| USAGE_ERROR)
}
