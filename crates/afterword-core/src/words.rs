//! Turning ids into words and words into ids: the one place that makes a
//! heading from a key ("what_happened" → "What happened") and a slug from a
//! title ("Café outage!" → "cafe-outage"), for file names and section keys.

/// An id or key as words: "what_happened" → "What happened",
/// "five-part" → "Five part".
pub fn words_from_id(id: &str) -> String {
    let spaced: String = id
        .chars()
        .map(|c| if c == '_' || c == '-' { ' ' } else { c })
        .collect();
    let mut chars = spaced.trim().chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `text` as lowercase ASCII letters and digits, words joined by `sep`, cut
/// at a word boundary so it is at most `max` bytes (a single longer word is
/// cut). Common accented letters are spelled in ASCII ("Café" → "cafe");
/// other characters separate words. Empty when nothing is left.
pub fn slug(text: &str, sep: char, max: usize) -> String {
    let mut words: Vec<String> = Vec::new();
    let mut current = String::new();
    for c in text.chars() {
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
        if out.len() + extra > max {
            if out.is_empty() {
                out.push_str(&word[..max]);
            }
            break;
        }
        if !out.is_empty() {
            out.push(sep);
        }
        out.push_str(&word);
    }
    out
}

/// A count with its noun: "1 section", "2 sections", "0 sections".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_agree_with_their_noun() {
        assert_eq!(count(1, "section", "sections"), "1 section");
        assert_eq!(count(0, "section", "sections"), "0 sections");
        assert_eq!(count(12, "entry", "entries"), "12 entries");
    }

    #[test]
    fn ids_become_words() {
        assert_eq!(words_from_id("what_happened"), "What happened");
        assert_eq!(words_from_id("five-part"), "Five part");
        assert_eq!(words_from_id("  "), "");
        assert_eq!(words_from_id("élan_vital"), "Élan vital");
    }

    #[test]
    fn slugs_take_the_separator_and_the_limit() {
        assert_eq!(slug("Customer follow-up", '_', 40), "customer_follow_up");
        assert_eq!(slug("Café outage: DB!", '-', 60), "cafe-outage-db");
        assert_eq!(slug("one two three", '-', 8), "one-two");
        assert_eq!(slug(&"x".repeat(10), '-', 4), "xxxx");
        assert_eq!(slug("日本語 ☕", '-', 60), "");
    }
}
