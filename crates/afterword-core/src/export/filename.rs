//! File names for exports: `2026-11-20-payment-api-outage.md`.

use crate::model::Postmortem;

/// Longest slug kept from the title, in bytes (all ASCII).
pub const MAX_SLUG_LEN: usize = 60;

/// `{date}-{slug}.{ext}`: the incident date (else the day the draft was
/// created), then the title reduced to lowercase ASCII words joined by `-`,
/// cut at a word boundary near [`MAX_SLUG_LEN`]; `untitled` when nothing is
/// left. `ext` is given without the dot; an empty one gives no extension.
pub fn file_name(doc: &Postmortem, ext: &str) -> String {
    let date = doc
        .incident_date
        .unwrap_or_else(|| doc.created_at.date_naive())
        .format("%Y-%m-%d");
    let ext: String = ext
        .trim_start_matches('.')
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase();
    let slug = slug(&doc.title);
    if ext.is_empty() {
        format!("{date}-{slug}")
    } else {
        format!("{date}-{slug}.{ext}")
    }
}

/// Lowercase ASCII letters and digits, words joined by single hyphens, at
/// most [`MAX_SLUG_LEN`] bytes; `untitled` when nothing is left.
pub fn slug(title: &str) -> String {
    let out = crate::words::slug(title, '-', MAX_SLUG_LEN);
    if out.is_empty() {
        "untitled".to_owned()
    } else {
        out
    }
}
