//! The blameless-language linter: finds wording in a postmortem that puts a
//! person, rather than a system or a condition, at the centre of the story, and
//! proposes a rewrite.
//!
//! The text is scanned once for Markdown structure (code, headings, quotes,
//! logs and links are left alone), tokenised once, and every rule walks the
//! same token stream. Each rule lives in its own file under `rules/`, with the
//! sentences that prove it beside it.

mod config;
pub mod data;
mod document;
mod finding;
mod markdown;
mod mention;
mod mentions;
pub mod model;
mod names;
mod participants;
mod parts;
mod people;
mod registry;
mod roles;
mod rules;
mod settings;
mod systems;
mod tokens;

#[cfg(test)]
pub(crate) mod testing;

pub use config::{CustomPhrase, LintConfig};
pub use document::{
    action_title_path, dismissal_for, document_config, factor_text_path, lint_document, lint_field,
    set_field_text, text_field, text_field_paths, text_fields, timeline_text_path, DocFinding,
    FieldRef, LintMode, TextField,
};
pub use finding::{Category, Finding, Span};
pub use mentions::people_mentioned;
pub use participants::participants_in_markdown;
pub use parts::{lint_part, lint_parts, LintPart};
pub use registry::{rules, RuleInfo};
pub use settings::{
    phrases_from_json, phrases_to_json, read_settings, write_settings, LintSettings,
};

use markdown::Suppressions;
use tokens::Doc;

/// What kind of text is being linted: some checks only make sense for the
/// short title of an action item.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Mode {
    Prose,
    ActionTitle,
}

/// Everything a rule can look at while it checks one text.
pub(crate) struct Cx<'a> {
    pub doc: &'a Doc<'a>,
    pub cfg: &'a LintConfig,
    pub people: &'a people::People,
    pub mode: Mode,
    /// Byte ranges of action items inside a longer text.
    pub action_items: &'a [(usize, usize)],
}

/// Lints a Markdown field (a summary, a timeline entry, an analysis section…)
/// and returns the findings in document order. List items and first table
/// cells under an "Action items" (or "Follow-up", "Next steps") heading are
/// also checked as action titles.
///
/// Code (fenced, indented and inline), headings, HTML comments, link
/// destinations, blockquotes and lines that look like log output are not
/// linted. `<!-- afterword-ignore rule-id -->` silences the next line and
/// `<!-- afterword-disable rule-id -->` … `<!-- afterword-enable rule-id -->`
/// silences a block; without an id, every rule is silenced.
pub fn lint_text(text: &str, cfg: &LintConfig) -> Vec<Finding> {
    let scan = markdown::scan(text);
    let parts = Parts {
        pieces: &scan.pieces,
        suppressions: &scan.suppressions,
        action_items: &scan.action_items,
    };
    run(text, parts, cfg, Mode::Prose)
}

/// Lints the title of an action item: the vague-action checks (a title that
/// asks for vigilance, or an investigation with no object or end) plus every
/// rule that applies to prose. The title is taken as plain text.
pub fn lint_action_title(text: &str, cfg: &LintConfig) -> Vec<Finding> {
    let pieces = [markdown::Piece::Prose {
        start: 0,
        end: text.len(),
    }];
    let parts = Parts {
        pieces: &pieces,
        suppressions: &Suppressions::default(),
        action_items: &[],
    };
    run(text, parts, cfg, Mode::ActionTitle)
}

/// What the Markdown scan found, or its stand-in for a plain title.
struct Parts<'a> {
    pieces: &'a [markdown::Piece],
    suppressions: &'a Suppressions,
    action_items: &'a [(usize, usize)],
}

fn run(text: &str, parts: Parts<'_>, cfg: &LintConfig, mode: Mode) -> Vec<Finding> {
    let doc = Doc::new(text, parts.pieces);
    let people = people::People::new(&cfg.participants, &doc);
    let cx = Cx {
        doc: &doc,
        cfg,
        people: &people,
        mode,
        action_items: parts.action_items,
    };
    let mut found = Vec::new();
    registry::check_all(&cx, |id| cfg.is_disabled(id), &mut found);
    found.retain(|f| !parts.suppressions.silences(f.span.offset, &f.rule));
    mention::drop_mentions(&doc, &mut found);
    finding::finish(text, &mut found);
    found
}

#[cfg(test)]
mod tests;
