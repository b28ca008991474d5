//! Templates: which parts of a postmortem a team writes, in which order, and
//! with what guidance.
//!
//! A template never owns content. Every field of [`Postmortem`] exists in
//! every document; a template only chooses which of them to show, groups them
//! into sections and explains what good writing looks like in each. That is
//! why switching template can never lose anything: fields the new template
//! does not show are listed for the writer ([`switch_template`]), not removed.
//!
//! The module is split by purpose:
//! - [`schema`]: what a section can show ([`FieldId`], read from the field
//!   table in [`crate::field`]);
//! - [`builtin`]: the templates shipped with Afterword, whose texts are data
//!   files beside it;
//! - [`switch`]: changing a document's template;
//! - [`validate`]: checking a template and reading or writing its JSON;
//! - [`edit`]: building a custom template from a built-in one.
//!
//! This file holds the types and what completion means.

mod builtin;
mod edit;
mod schema;
mod switch;
mod validate;

#[cfg(test)]
pub(crate) mod tests;

pub use builtin::{
    blank, builtin_templates, contains_jargon, five_part, four_questions, incident_report,
    management, minimal, standard, template_by_id, BUILTIN_IDS, JARGON,
};
pub use edit::custom_template_id;
pub use schema::{is_valid_text_key, FieldId, TEXT_PREFIX};
pub use switch::{fields_outside, switch_template, OutsideField, SwitchReport};
pub use validate::{
    builtin_id_claimed, template_from_json, template_to_json, validate_template, TemplateError,
    TemplateProblem, MAX_TEMPLATE_BYTES,
};

use serde::{Deserialize, Serialize};

pub use crate::field::Words;
use crate::model::Postmortem;

/// A template: ordered, guided sections over the fields of a postmortem.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Template {
    pub id: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub sections: Vec<Section>,
    /// Sections must be completed one after another (see [`can_open`]).
    #[serde(default)]
    pub strict_order: bool,
    /// Shipped with Afterword; never true for an imported template.
    #[serde(default)]
    pub builtin: bool,
    /// Fields are labelled and hinted in everyday words rather than in
    /// systems vocabulary ([`Words::Plain`]), for readers outside
    /// engineering.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub plain_words: bool,
}

/// One step of a template: a heading, guidance and the fields it shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    pub id: String,
    #[serde(default)]
    pub title: String,
    /// What to write here and why it matters.
    #[serde(default)]
    pub help: String,
    #[serde(default)]
    pub good_example: String,
    #[serde(default)]
    pub bad_example: String,
    /// Fields shown in this section, in order.
    #[serde(default)]
    pub fields: Vec<FieldId>,
    /// Fields that must hold content for the section to count as complete.
    /// Always a subset of `fields`.
    #[serde(default)]
    pub required: Vec<FieldId>,
}

impl Section {
    /// True when the section shows `field` (directly or through a group).
    pub fn shows(&self, field: &FieldId) -> bool {
        self.fields.iter().any(|f| f.covers(field))
    }
}

impl Template {
    /// The words this template shows for its fields.
    pub fn words(&self) -> Words {
        if self.plain_words {
            Words::Plain
        } else {
            Words::Usual
        }
    }

    /// Index of the section that shows the field named by `key` (see
    /// [`FieldId::showing`]); `None` when this template does not show it.
    pub fn section_showing(&self, key: &str) -> Option<usize> {
        let field = FieldId::showing(key)?;
        self.sections.iter().position(|s| s.shows(&field))
    }
}

// ---------------------------------------------------------------------------
// Completion
// ---------------------------------------------------------------------------

/// Required fields of `section` that are still empty, in section order.
pub fn missing_fields(doc: &Postmortem, section: &Section) -> Vec<FieldId> {
    section
        .required
        .iter()
        .filter(|f| !f.has_content(doc))
        .cloned()
        .collect()
}

/// A section is complete when every required field holds content. A section
/// that requires nothing is complete as soon as any of its fields holds
/// content, so an untouched optional section never looks finished.
pub fn section_complete(doc: &Postmortem, section: &Section) -> bool {
    if section.required.is_empty() {
        section.fields.iter().any(|f| f.has_content(doc))
    } else {
        section.required.iter().all(|f| f.has_content(doc))
    }
}

/// `(complete sections, all sections)`.
pub fn progress(doc: &Postmortem, template: &Template) -> (usize, usize) {
    let done = template
        .sections
        .iter()
        .filter(|s| section_complete(doc, s))
        .count();
    (done, template.sections.len())
}

/// Index of the first section that is not complete, if any.
pub fn first_incomplete(doc: &Postmortem, template: &Template) -> Option<usize> {
    template
        .sections
        .iter()
        .position(|s| !section_complete(doc, s))
}

/// Whether the writer may open section `index`. Always true for templates
/// without a strict order; for strict ones, every earlier section must be
/// complete. An index past the end is never openable.
pub fn can_open(doc: &Postmortem, template: &Template, index: usize) -> bool {
    if index >= template.sections.len() {
        return false;
    }
    if !template.strict_order {
        return true;
    }
    match first_incomplete(doc, template) {
        Some(first) => index <= first,
        None => true,
    }
}
