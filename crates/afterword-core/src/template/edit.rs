//! Building a custom template: a copy of a built-in one whose sections are
//! moved, renamed, re-explained, removed or added to.

use chrono::{DateTime, Utc};

use super::{is_valid_text_key, FieldId, Section, Template};
use crate::ids::new_id;

/// An id for a new custom template: `tpl-` then time and entropy, so it can
/// never collide with a built-in id.
pub fn custom_template_id(now: DateTime<Utc>, entropy: u64) -> String {
    new_id("tpl", now, entropy)
}

impl Template {
    /// A custom copy of this template, ready to edit.
    pub fn customised(&self, id: String, name: &str) -> Template {
        Template {
            id,
            name: name.trim().to_owned(),
            description: self.description.clone(),
            sections: self.sections.clone(),
            strict_order: self.strict_order,
            plain_words: self.plain_words,
            builtin: false,
        }
    }

    /// Index of the section with `id`.
    pub fn section_index(&self, id: &str) -> Option<usize> {
        self.sections.iter().position(|s| s.id == id)
    }

    /// Moves a section; false (and no change) when an index is out of range.
    pub fn move_section(&mut self, from: usize, to: usize) -> bool {
        if from >= self.sections.len() || to >= self.sections.len() {
            return false;
        }
        let s = self.sections.remove(from);
        self.sections.insert(to, s);
        true
    }

    /// Renames a section; its id stays, so documents are unaffected.
    pub fn rename_section(&mut self, index: usize, title: &str) -> bool {
        match self.sections.get_mut(index) {
            Some(s) => {
                s.title = title.trim().to_owned();
                true
            }
            None => false,
        }
    }

    /// Replaces a section's guidance.
    pub fn set_help(&mut self, index: usize, help: &str, good: &str, bad: &str) -> bool {
        match self.sections.get_mut(index) {
            Some(s) => {
                s.help = help.to_owned();
                s.good_example = good.to_owned();
                s.bad_example = bad.to_owned();
                true
            }
            None => false,
        }
    }

    /// Removes a section. Content in its fields stays in documents.
    pub fn remove_section(&mut self, index: usize) -> Option<Section> {
        (index < self.sections.len()).then(|| self.sections.remove(index))
    }

    /// Appends a section, e.g. one taken from another built-in template.
    /// Its id is made unique within this template if needed, and fields this
    /// template already shows elsewhere are left out of it (a field is shown
    /// in one place only).
    pub fn add_section(&mut self, mut section: Section) -> usize {
        section.id = self.unique_section_id(&section.id);
        let shown = |f: &FieldId| {
            self.sections
                .iter()
                .any(|s| s.fields.iter().any(|g| g.covers(f) || f.covers(g)))
        };
        section.fields.retain(|f| !shown(f));
        let fields = section.fields.clone();
        section
            .required
            .retain(|r| fields.iter().any(|f| f.covers(r)));
        self.sections.push(section);
        self.sections.len() - 1
    }

    /// Appends a free-text section titled `title`, stored under a key made
    /// from the title. Returns its index.
    pub fn add_text_section(&mut self, title: &str) -> usize {
        let base = slug(title);
        let id = self.unique_section_id(&base);
        let field = FieldId::Text(id.replace('-', "_"));
        self.sections.push(Section {
            id,
            title: title.trim().to_owned(),
            help: String::new(),
            good_example: String::new(),
            bad_example: String::new(),
            fields: vec![field.clone()],
            required: vec![field],
        });
        self.sections.len() - 1
    }

    fn unique_section_id(&self, wanted: &str) -> String {
        let base = if is_valid_text_key(wanted) {
            wanted.to_owned()
        } else {
            slug(wanted)
        };
        let taken = |id: &str| self.sections.iter().any(|s| s.id == id);
        if !taken(&base) {
            return base;
        }
        (2..)
            .map(|n| format!("{base}_{n}"))
            .find(|c| !taken(c))
            .unwrap_or(base)
    }
}

/// A free-text key made from a title: "Customer follow-up" → "customer_follow_up".
fn slug(title: &str) -> String {
    let out = crate::words::slug(title, '_', 40);
    if out.starts_with(|c: char| c.is_ascii_lowercase()) {
        out
    } else if out.is_empty() {
        "section".to_owned()
    } else {
        format!("section_{out}")
    }
}
