//! Getting postmortems out of Afterword and back in: Markdown for wikis and
//! tickets, JSON for tooling and re-import, CSV of action items for issue
//! trackers, file names, and backup bundles of the whole library.

pub mod bundle;
pub mod csv;
pub mod facts;
pub mod filename;
pub mod json;
pub mod markdown;

use std::fmt;

use crate::restore::RestoreError;

pub use bundle::{plan_restore, read_bundle, to_bundle_json, Bundle, BundleRead, RestorePlan};
pub use csv::action_items_csv;
pub use filename::file_name;
pub use json::{import_json, reid, to_json};
pub use markdown::{to_markdown, MarkdownOptions};

/// Why a file could not be imported. Every variant reads as a sentence that
/// can be shown to the person as is.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportError {
    /// The postmortem itself is unreadable (bad JSON, wrong types, a version
    /// this build cannot read…); the inner error names the path.
    Document(RestoreError),
    /// The file is larger than anything Afterword writes.
    TooLarge { bytes: usize, limit: usize },
    /// The text is not JSON at all, or is cut short.
    NotJson {
        line: usize,
        column: usize,
        message: String,
    },
    /// JSON, but not an Afterword backup bundle.
    NotABundle { message: String },
    /// A bundle written by a newer Afterword.
    BundleTooNew { found: u64 },
    /// A bundle whose envelope (not one of its drafts) is malformed.
    InvalidBundle { path: String, message: String },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Document(e) => write!(f, "{e}"),
            ImportError::TooLarge { bytes, limit } => write!(
                f,
                "the file is {:.1} MB; Afterword reads files of at most {} MB",
                *bytes as f64 / (1024.0 * 1024.0),
                limit / (1024 * 1024)
            ),
            ImportError::NotJson {
                line,
                column,
                message,
            } => write!(f, "not valid JSON (line {line}, column {column}): {message}"),
            ImportError::NotABundle { message } => write!(f, "{message}"),
            ImportError::BundleTooNew { found } => write!(
                f,
                "bundle_version: {found} was written by a newer Afterword (this one reads version {})",
                bundle::BUNDLE_VERSION
            ),
            ImportError::InvalidBundle { path, message } => write!(f, "{path}: {message}"),
        }
    }
}

impl std::error::Error for ImportError {}

impl From<RestoreError> for ImportError {
    fn from(e: RestoreError) -> Self {
        ImportError::Document(e)
    }
}
