//! `afterword export FILE.json --format md|json|csv`: a postmortem file as
//! Markdown, normalised JSON or action-item CSV, on standard output.

use afterword_core::export::csv::action_items_csv;
use afterword_core::export::json::to_json;
use afterword_core::export::markdown::{to_markdown, MarkdownOptions};
use afterword_core::template::{standard, template_by_id, template_from_json, Template};

use crate::args::{comma_list, Files, Flag, Spec, Stop, Syntax};
use crate::input::{read_postmortem, read_text, write_output};

pub(crate) const HELP: &str = "\
afterword export: turn a postmortem JSON file into Markdown, JSON or CSV

Usage:
  afterword export [options] FILE.json
  afterword export [options] -          (read standard input)

Options:
  --format md|json|csv   md (default): GitHub-flavoured Markdown;
                         json: the document as Afterword stores it;
                         csv: the action items, for Jira or GitHub import
  --template FILE.json   the custom template the postmortem follows, as
                         exported from Afterword's Templates screen: the
                         Markdown follows its section order, as the app's
                         *Download Markdown* does. Without it, the built-in
                         template the postmortem names is used, else Standard
  --order IDS            Markdown section order, comma-separated section ids
                         (summary, impact, times, timeline, analysis,
                         four_questions, lessons, action_items, links,
                         metadata, or a free-text section's id); placed
                         before the template's order
  -h, --help             Show this help

The result goes to standard output. Exit status: 0 on success, 1 when the
file is not a readable postmortem (the problem is on standard error), 2 on a
usage error or a file that could not be read.
";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Markdown,
    Json,
    Csv,
}

#[derive(Clone, Copy)]
enum Opt {
    Format,
    Order,
    Template,
}

const SPEC: Spec<Opt> = Spec {
    command: "export",
    help: HELP,
    syntax: Syntax::Plain,
    flags: &[
        Flag::value(&["--format"], Opt::Format),
        Flag::value(&["--order"], Opt::Order),
        Flag::value(&["--template"], Opt::Template),
    ],
    files: Files::One("give the postmortem file to export"),
};

pub(crate) fn run(args: &[String]) -> u8 {
    let mut format = Format::Markdown;
    let mut order: Vec<String> = Vec::new();
    let mut template_file: Option<&str> = None;
    let parsed = SPEC.parse(args, |opt, value| {
        let value = value.unwrap_or_default();
        match opt {
            Opt::Template => template_file = Some(value),
            Opt::Format => {
                format = match value {
                    "md" | "markdown" => Format::Markdown,
                    "json" => Format::Json,
                    "csv" => Format::Csv,
                    other => {
                        return Err(Stop::Usage(format!(
                            "unknown format {other:?} (expected md, json or csv)"
                        )))
                    }
                }
            }
            Opt::Order => order = comma_list(value).map(str::to_owned).collect(),
        }
        Ok(())
    });
    let file = match parsed {
        Ok(files) => files[0],
        Err(code) => return code,
    };
    let doc = match read_postmortem("export", file) {
        Ok(doc) => doc,
        Err(code) => return code,
    };
    let template = match template_file {
        Some(path) => match read_template(path) {
            Ok(t) => t,
            Err(code) => return code,
        },
        None => template_by_id(&doc.template).unwrap_or_else(standard),
    };
    let out = match format {
        Format::Markdown => {
            let mut opts = MarkdownOptions::for_template(&template);
            order.append(&mut opts.section_order);
            opts.section_order = order;
            to_markdown(&doc, &opts)
        }
        Format::Json => to_json(&doc),
        Format::Csv => action_items_csv(&[&doc]),
    };
    if let Err(code) = write_output(&out) {
        return code;
    }
    0
}

/// The Markdown options for a postmortem that names a built-in template (or
/// none known here: Standard), as the app's download uses them.
pub(crate) fn markdown_options(doc: &afterword_core::model::Postmortem) -> MarkdownOptions {
    MarkdownOptions::for_template(&template_by_id(&doc.template).unwrap_or_else(standard))
}

/// Reads and checks a template file; on failure says why and gives the exit
/// status.
fn read_template(path: &str) -> Result<Template, u8> {
    let raw = read_text("export", path)?;
    template_from_json(&raw).map_err(|e| {
        eprintln!("{path}: this template cannot be used: {e}");
        1
    })
}
