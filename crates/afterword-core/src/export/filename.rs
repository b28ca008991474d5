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

/// Lowercase ASCII letters and digits, words joined by single hyphens.
pub fn slug(title: &str) -> String {
    let mut words: Vec<String> = Vec::new();
    let mut current = String::new();
    for c in title.chars() {
        match fold(c) {
            Some(s) => current.push_str(s),
            None if c.is_ascii_alphanumeric() => current.push(c.to_ascii_lowercase()),
            None => {
                if !current.is_empty() {
                    words.push(std::mem::take(&mut current));
                }
            }
        }
    }
    if !current.is_empty() {
        words.push(current);
    }
    let mut out = String::new();
    for word in words {
        let extra = if out.is_empty() {
            word.len()
        } else {
            word.len() + 1
        };
        if out.len() + extra > MAX_SLUG_LEN {
            if out.is_empty() {
                out.push_str(&word[..MAX_SLUG_LEN]);
            }
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&word);
    }
    if out.is_empty() {
        "untitled".to_owned()
    } else {
        out
    }
}

/// ASCII spelling of common accented Latin letters, so "Café" gives "cafe".
fn fold(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => "a",
        'æ' | 'Æ' => "ae",
        'ç' | 'Ç' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => "i",
        'ñ' | 'Ñ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => "o",
        'œ' | 'Œ' => "oe",
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => "u",
        'ý' | 'ÿ' | 'Ý' => "y",
        'ß' => "ss",
        _ => return None,
    })
}
