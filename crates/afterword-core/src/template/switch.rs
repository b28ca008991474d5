//! Switching a document to another template: only the template id changes;
//! what the new template does not show is listed, never removed.

use super::{FieldId, Template};
use crate::model::Postmortem;
use serde::{Deserialize, Serialize};

/// A field that holds content but that a template does not show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutsideField {
    pub field: FieldId,
    pub label: String,
}

/// What the writer needs to know after switching template.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SwitchReport {
    /// Fields with content the new template does not show. Their content is
    /// kept in the document and comes back with any template that shows them.
    pub outside: Vec<OutsideField>,
}

/// Fields of `doc` that hold content but that `template` does not show, in
/// document order (fixed fields first, then free-text sections by key).
pub fn fields_outside(doc: &Postmortem, template: &Template) -> Vec<OutsideField> {
    let shown = |f: &FieldId| template.sections.iter().any(|s| s.shows(f));
    let fixed = FieldId::FIXED
        .iter()
        .filter(|f| **f != FieldId::Times)
        .cloned();
    let texts = doc.sections.keys().map(|k| FieldId::Text(k.clone()));
    fixed
        .chain(texts)
        .filter(|f| f.has_content(doc) && !shown(f))
        .map(|f| OutsideField {
            label: f.label(),
            field: f,
        })
        .collect()
}

/// Makes `template` the document's template. Only `doc.template` changes;
/// every field keeps its content. The report lists what is now not shown.
pub fn switch_template(doc: &mut Postmortem, template: &Template) -> SwitchReport {
    doc.template = template.id.clone();
    SwitchReport {
        outside: fields_outside(doc, template),
    }
}
