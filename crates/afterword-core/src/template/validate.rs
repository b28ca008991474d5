//! Checking a template, and reading and writing its JSON (for sharing with
//! other teams and for storage). A template read from anywhere goes through
//! [`template_from_json`], which validates it.

use std::collections::BTreeSet;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::{FieldId, Template, BUILTIN_IDS};
use crate::ids::is_valid_id;

/// Larger template files are refused before parsing.
pub const MAX_TEMPLATE_BYTES: usize = 1024 * 1024;

/// One thing wrong with a template, with where it is ("sections[2].fields[0]").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateProblem {
    pub path: String,
    pub message: String,
}

impl fmt::Display for TemplateProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// Everything wrong with a template; empty when it can be used.
pub fn validate_template(t: &Template) -> Vec<TemplateProblem> {
    let mut out = Vec::new();
    let mut problem = |path: String, message: String| out.push(TemplateProblem { path, message });
    if !is_valid_id(&t.id) {
        problem(
            "id".into(),
            "expected letters, digits, '-' or '_' (at most 64)".into(),
        );
    } else if !t.builtin && BUILTIN_IDS.contains(&t.id.as_str()) {
        problem(
            "id".into(),
            format!("\"{}\" is the id of a built-in template", t.id),
        );
    }
    if t.name.trim().is_empty() {
        problem("name".into(), "a template needs a name".into());
    }
    if t.sections.is_empty() {
        problem(
            "sections".into(),
            "a template needs at least one section".into(),
        );
    }
    let mut section_ids = BTreeSet::new();
    let mut placed: Vec<(FieldId, usize)> = Vec::new();
    for (i, s) in t.sections.iter().enumerate() {
        let at = format!("sections[{i}]");
        if !is_valid_id(&s.id) {
            problem(
                format!("{at}.id"),
                "expected letters, digits, '-' or '_' (at most 64)".into(),
            );
        } else if !section_ids.insert(s.id.as_str()) {
            problem(format!("{at}.id"), format!("\"{}\" is used twice", s.id));
        }
        if s.title.trim().is_empty() {
            problem(format!("{at}.title"), "a section needs a title".into());
        }
        if s.fields.is_empty() {
            problem(
                format!("{at}.fields"),
                "a section needs at least one field".into(),
            );
        }
        for (j, f) in s.fields.iter().enumerate() {
            if let FieldId::Unknown(k) = f {
                problem(
                    format!("{at}.fields[{j}]"),
                    format!("unknown field \"{k}\""),
                );
                continue;
            }
            let clash = placed
                .iter()
                .find(|(g, _)| g.covers(f) || f.covers(g))
                .map(|(g, n)| (g.clone(), *n));
            match clash {
                Some((g, n)) if n == i => problem(
                    format!("{at}.fields[{j}]"),
                    format!(
                        "\"{}\" is already shown in this section (as \"{}\")",
                        f.key(),
                        g.key()
                    ),
                ),
                Some((g, n)) => problem(
                    format!("{at}.fields[{j}]"),
                    format!(
                        "\"{}\" is already shown in section \"{}\" (as \"{}\")",
                        f.key(),
                        t.sections.get(n).map(|s| s.title.as_str()).unwrap_or(""),
                        g.key()
                    ),
                ),
                None => placed.push((f.clone(), i)),
            }
        }
        for (j, r) in s.required.iter().enumerate() {
            if let FieldId::Unknown(k) = r {
                problem(
                    format!("{at}.required[{j}]"),
                    format!("unknown field \"{k}\""),
                );
            } else if !s.fields.iter().any(|f| f.covers(r)) {
                problem(
                    format!("{at}.required[{j}]"),
                    format!("\"{}\" is required but not shown in this section", r.key()),
                );
            }
        }
    }
    out
}

/// Why a template file could not be used.
#[derive(Debug, Clone, PartialEq)]
pub enum TemplateError {
    TooLarge {
        bytes: usize,
    },
    NotJson {
        line: usize,
        column: usize,
        message: String,
    },
    /// The JSON does not have the shape of a template.
    Invalid {
        path: String,
        message: String,
    },
    /// The shape is right but the template cannot be used as it is.
    Problems(Vec<TemplateProblem>),
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TemplateError::TooLarge { bytes } => write!(
                f,
                "the file is {bytes} bytes; a template is at most {MAX_TEMPLATE_BYTES}"
            ),
            TemplateError::NotJson {
                line,
                column,
                message,
            } => {
                write!(
                    f,
                    "not valid JSON (line {line}, column {column}): {message}"
                )
            }
            TemplateError::Invalid { path, message } => {
                if path.is_empty() || path == "." {
                    write!(f, "{message}")
                } else {
                    write!(f, "{path}: {message}")
                }
            }
            TemplateError::Problems(list) => {
                let parts: Vec<String> = list.iter().map(ToString::to_string).collect();
                write!(f, "{}", parts.join("; "))
            }
        }
    }
}

impl std::error::Error for TemplateError {}

/// The template as pretty-printed JSON, for sharing with other teams.
pub fn template_to_json(t: &Template) -> String {
    serde_json::to_string_pretty(t).unwrap_or_default()
}

/// Reads a template file. Unknown JSON fields are ignored; the result is
/// always a custom template (`builtin` is false) and has passed
/// [`validate_template`].
pub fn template_from_json(raw: &str) -> Result<Template, TemplateError> {
    if raw.len() > MAX_TEMPLATE_BYTES {
        return Err(TemplateError::TooLarge { bytes: raw.len() });
    }
    let value: serde_json::Value =
        serde_json::from_str(raw).map_err(|e| TemplateError::NotJson {
            line: e.line(),
            column: e.column(),
            message: strip_position(&e.to_string()),
        })?;
    if !value.is_object() {
        return Err(TemplateError::Invalid {
            path: String::new(),
            message: "expected a JSON object describing one template".into(),
        });
    }
    let mut t: Template = serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        TemplateError::Invalid {
            path,
            message: strip_position(&e.into_inner().to_string()),
        }
    })?;
    t.builtin = false;
    let problems = validate_template(&t);
    if problems.is_empty() {
        Ok(t)
    } else {
        Err(TemplateError::Problems(problems))
    }
}

/// The built-in template id a template file claims, if it claims one (such
/// a file is refused; this lets the refusal say so plainly).
pub fn builtin_id_claimed(raw: &str) -> Option<String> {
    let v: serde_json::Value = serde_json::from_str(raw).ok()?;
    let id = v.get("id")?.as_str()?;
    BUILTIN_IDS.contains(&id).then(|| id.to_owned())
}

fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_owned(),
        None => msg.to_owned(),
    }
}
