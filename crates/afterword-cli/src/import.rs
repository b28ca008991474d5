//! `afterword import FILE.md`: a Markdown postmortem (Afterword's own export
//! or one written from a common template) as an Afterword JSON document, or
//! with `--format md` as Afterword's Markdown again. Where each heading went
//! and what could not be read are listed on standard error.

use std::collections::BTreeMap;
use std::io::Write;

use afterword_core::export::json::to_json;
use afterword_core::export::markdown::to_markdown;
use afterword_core::ids::new_id;
use afterword_core::import::{import_markdown, MarkdownImportOptions, SectionTarget};

use crate::args::{Files, Flag, Spec, Stop, Syntax};
use crate::input::{read_text, write_output};

pub(crate) const HELP: &str = "\
afterword import: read a Markdown postmortem into an Afterword document

Usage:
  afterword import [options] FILE.md
  afterword import [options] -          (read standard input)

Options:
  --format json|md     json (default): the document as Afterword stores it;
                       md: the document as Afterword's Markdown
  --map HEADING=PLACE  put the section under HEADING somewhere else; PLACE is
                       one of: summary, impact, key_times, timeline,
                       contributing_factors, trigger, detection, resolution,
                       went_well, went_wrong, got_lucky, gaps, lessons,
                       action_items, links, participants, details, custom, …
                       (repeat for more headings)
  -q, --quiet          do not list where headings went
  -h, --help           Show this help

Headings are matched by meaning (Summary, TL;DR, Root causes, Follow-ups…);
a heading that matches nothing becomes a free-text section of its own.
Standard error lists each heading with its line and destination, and every
line that could not be read. Exit status: 0 on success, 1 when the file is
refused (binary, empty, too large, an HTML page), 2 on a usage error.
";

#[derive(Clone, Copy)]
enum Opt {
    Format,
    Map,
    Quiet,
}

const SPEC: Spec<Opt> = Spec {
    command: "import",
    help: HELP,
    syntax: Syntax::Plain,
    flags: &[
        Flag::switch(&["-q", "--quiet"], Opt::Quiet),
        Flag::value(&["--format"], Opt::Format),
        Flag::value(&["--map"], Opt::Map),
    ],
    files: Files::One("give the Markdown file to import"),
};

pub(crate) fn run(args: &[String]) -> u8 {
    let mut markdown_out = false;
    let mut quiet = false;
    let mut maps: Vec<(String, SectionTarget)> = Vec::new();
    let parsed = SPEC.parse(args, |opt, value| {
        let value = value.unwrap_or_default();
        match opt {
            Opt::Quiet => quiet = true,
            Opt::Format => {
                markdown_out = match value {
                    "json" => false,
                    "md" | "markdown" => true,
                    other => {
                        return Err(Stop::Usage(format!(
                            "unknown format {other:?} (expected json or md)"
                        )))
                    }
                }
            }
            Opt::Map => {
                let Some((heading, place)) = value.rsplit_once('=') else {
                    return Err(Stop::Usage("--map needs HEADING=PLACE".into()));
                };
                let Some(target) = SectionTarget::from_key(place.trim()) else {
                    return Err(Stop::Usage(format!("unknown place {place:?} in --map")));
                };
                maps.push((heading.trim().to_lowercase(), target));
            }
        }
        Ok(())
    });
    let file = match parsed {
        Ok(files) => files[0],
        Err(code) => return code,
    };
    let raw = match read_text("import", file) {
        Ok(raw) => raw,
        Err(code) => return code,
    };
    let now = chrono::Utc::now();
    let entropy = u64::from(std::process::id()) ^ now.timestamp_subsec_nanos() as u64;
    let mut opts = MarkdownImportOptions {
        id: new_id("pm", now, entropy),
        now,
        overrides: BTreeMap::new(),
    };
    // Headings named in --map: find their index with a first reading.
    if !maps.is_empty() {
        match import_markdown(&raw, &opts) {
            Ok(first) => {
                for (heading, target) in &maps {
                    let found: Vec<usize> = first
                        .headings
                        .iter()
                        .filter(|h| h.text.trim().to_lowercase() == *heading)
                        .map(|h| h.index)
                        .collect();
                    if found.is_empty() {
                        return SPEC.usage(&format!("no heading {heading:?} in {file}"));
                    }
                    for index in found {
                        opts.overrides.insert(index, *target);
                    }
                }
            }
            Err(e) => {
                eprintln!("{file}: {e}");
                return 1;
            }
        }
    }
    let imported = match import_markdown(&raw, &opts) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("{file}: {e}");
            return 1;
        }
    };
    if !quiet {
        let mut err = std::io::stderr().lock();
        for h in &imported.headings {
            let _ = writeln!(
                err,
                "{file}:{}: {} “{}” → {}",
                h.line,
                "#".repeat(usize::from(h.level)),
                h.text,
                h.destination()
            );
        }
        for n in &imported.notes {
            let _ = writeln!(err, "{file}:{}: {}", n.line, n.message);
        }
    }
    let out = if markdown_out {
        // As `afterword export` writes it: in its template's order.
        to_markdown(
            &imported.doc,
            &crate::export::markdown_options(&imported.doc),
        )
    } else {
        to_json(&imported.doc)
    };
    if let Err(code) = write_output(&out) {
        return code;
    }
    0
}
