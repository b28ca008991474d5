//! Reading the file a subcommand works on.

use std::io::{self, Read};

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
