//! The custom templates of a namespace: one JSON list under
//! `{ns}:templates`.
//!
//! Every read validates every entry ([`template_from_json`]), so a template
//! that cannot be used is reported the same way wherever it is asked for
//! ([`TemplateIssue`]) and never drives the editor, the checklist or the
//! export. Writes keep entries this version cannot read exactly as they are:
//! a newer version's templates are not lost.

use std::fmt;

use serde_json::Value;

use super::{KeyValueStore, Library, StoreError};
use crate::model::Postmortem;
use crate::template::{standard, template_by_id, template_from_json, Template, TemplateError};

/// A stored custom template that cannot be used, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct TemplateIssue {
    /// Its place in the stored list, from 0.
    pub index: usize,
    /// Its id and name, when they can be read.
    pub id: Option<String>,
    pub name: Option<String>,
    pub error: TemplateError,
}

impl fmt::Display for TemplateIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.name, &self.id) {
            (Some(name), _) if !name.trim().is_empty() => {
                write!(f, "The custom template \u{201c}{name}\u{201d}")?
            }
            (_, Some(id)) => write!(f, "The custom template {id}")?,
            _ => write!(f, "Custom template number {}", self.index + 1)?,
        }
        write!(f, " cannot be used: {}.", self.error)
    }
}

/// What the stored list holds.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StoredTemplates {
    /// Valid templates, in stored order.
    pub usable: Vec<Template>,
    pub issues: Vec<TemplateIssue>,
}

/// Why the list of custom templates could not be read or written.
#[derive(Debug, Clone, PartialEq)]
pub enum TemplatesError {
    Store(StoreError),
    /// The stored text is not a JSON list; it is left untouched.
    Unreadable(String),
    /// The template to save is not valid.
    Invalid(TemplateError),
}

impl fmt::Display for TemplatesError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TemplatesError::Store(e) => write!(f, "{e}"),
            TemplatesError::Unreadable(why) => {
                write!(f, "the stored custom templates could not be read ({why})")
            }
            TemplatesError::Invalid(e) => write!(f, "{e}"),
        }
    }
}

impl From<StoreError> for TemplatesError {
    fn from(e: StoreError) -> Self {
        TemplatesError::Store(e)
    }
}

/// How a backup's templates were merged.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TemplatesMerged {
    pub added: usize,
    pub replaced: usize,
}

impl<S: KeyValueStore> Library<S> {
    fn templates_key(&self) -> String {
        self.key("templates")
    }

    /// The stored entries as they are, or an empty list when none are stored.
    fn template_entries(&self) -> Result<Vec<Value>, TemplatesError> {
        let Some(raw) = self.store.get(&self.templates_key())? else {
            return Ok(Vec::new());
        };
        match serde_json::from_str::<Value>(&raw) {
            Ok(Value::Array(items)) => Ok(items),
            Ok(_) => Err(TemplatesError::Unreadable("it is not a list".into())),
            Err(e) => Err(TemplatesError::Unreadable(e.to_string())),
        }
    }

    fn write_template_entries(&self, items: Vec<Value>) -> Result<(), TemplatesError> {
        let raw = Value::Array(items).to_string();
        Ok(self.store.set(&self.templates_key(), &raw)?)
    }

    /// Every stored custom template, each validated.
    pub fn custom_templates(&self) -> Result<StoredTemplates, TemplatesError> {
        let mut out = StoredTemplates::default();
        for (index, entry) in self.template_entries()?.into_iter().enumerate() {
            match template_from_json(&entry.to_string()) {
                Ok(t) => out.usable.push(t),
                Err(error) => out.issues.push(TemplateIssue {
                    index,
                    id: text_member(&entry, "id"),
                    name: text_member(&entry, "name"),
                    error,
                }),
            }
        }
        Ok(out)
    }

    /// The usable custom templates; none when the list cannot be read.
    pub fn usable_templates(&self) -> Vec<Template> {
        self.custom_templates()
            .map(|s| s.usable)
            .unwrap_or_default()
    }

    /// A built-in template or a usable custom one.
    pub fn template(&self, id: &str) -> Option<Template> {
        template_by_id(id).or_else(|| self.usable_templates().into_iter().find(|t| t.id == id))
    }

    /// The template a document follows: its own when known here and usable,
    /// otherwise Standard (the id stays in the document).
    pub fn template_for(&self, doc: &Postmortem) -> Template {
        self.template(&doc.template).unwrap_or_else(standard)
    }

    /// Saves a custom template, replacing the one with the same id or adding
    /// it at the end. Refused when it is not valid.
    pub fn save_template(&self, t: &Template) -> Result<(), TemplatesError> {
        let mut t = t.clone();
        t.builtin = false;
        let problems = crate::template::validate_template(&t);
        if !problems.is_empty() {
            return Err(TemplatesError::Invalid(TemplateError::Problems(problems)));
        }
        let value =
            serde_json::to_value(&t).map_err(|e| TemplatesError::Unreadable(e.to_string()))?;
        let mut items = self.template_entries()?;
        match items
            .iter()
            .position(|v| text_member(v, "id").as_deref() == Some(&t.id))
        {
            Some(i) => items[i] = value,
            None => items.push(value),
        }
        self.write_template_entries(items)
    }

    /// Replaces every usable custom template by `list` (in its order),
    /// keeping entries this version cannot use after them, as they are.
    /// Refused, changing nothing, when one of `list` is not valid.
    pub fn save_templates(&self, list: &[Template]) -> Result<(), TemplatesError> {
        let mut items = Vec::with_capacity(list.len());
        for t in list {
            let mut t = t.clone();
            t.builtin = false;
            let problems = crate::template::validate_template(&t);
            if !problems.is_empty() {
                return Err(TemplatesError::Invalid(TemplateError::Problems(problems)));
            }
            items.push(
                serde_json::to_value(&t).map_err(|e| TemplatesError::Unreadable(e.to_string()))?,
            );
        }
        let kept = self
            .template_entries()?
            .into_iter()
            .filter(|v| template_from_json(&v.to_string()).is_err());
        items.extend(kept);
        self.write_template_entries(items)
    }

    /// Removes the custom template `id`; false when there is none.
    pub fn delete_template(&self, id: &str) -> Result<bool, TemplatesError> {
        let mut items = self.template_entries()?;
        let before = items.len();
        items.retain(|v| text_member(v, "id").as_deref() != Some(id));
        if items.len() == before {
            return Ok(false);
        }
        self.write_template_entries(items)?;
        Ok(true)
    }

    /// The stored entries as they are, for a backup.
    pub fn templates_for_backup(&self) -> Result<Vec<Value>, TemplatesError> {
        self.template_entries()
    }

    /// Adds a backup's templates; entries with an id already stored replace
    /// it only when `replace` is set.
    pub fn merge_templates(
        &self,
        incoming: &[Value],
        replace: bool,
    ) -> Result<TemplatesMerged, TemplatesError> {
        let mut items = self.template_entries()?;
        let mut merged = TemplatesMerged::default();
        for t in incoming {
            let id = text_member(t, "id");
            let at = id.and_then(|id| {
                items
                    .iter()
                    .position(|x| text_member(x, "id").as_deref() == Some(&id))
            });
            match at {
                Some(i) if replace => {
                    items[i] = t.clone();
                    merged.replaced += 1;
                }
                Some(_) => {}
                None => {
                    items.push(t.clone());
                    merged.added += 1;
                }
            }
        }
        if merged.added + merged.replaced > 0 {
            self.write_template_entries(items)?;
        }
        Ok(merged)
    }
}

fn text_member(v: &Value, name: &str) -> Option<String> {
    v.get(name).and_then(Value::as_str).map(str::to_owned)
}
