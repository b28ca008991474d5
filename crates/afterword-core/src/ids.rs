//! Stable identifiers for drafts and for the entries inside them.
//!
//! An id is a short lowercase string: a prefix naming the collection, the
//! creation time in base 36 and some entropy from the caller. The core has no
//! random source of its own, so the app passes one in and tests pass a counter.

use chrono::{DateTime, Utc};

/// Builds an id such as `pm-mhz3k2a1-4f9q0c`.
pub fn new_id(prefix: &str, now: DateTime<Utc>, entropy: u64) -> String {
    let millis = u64::try_from(now.timestamp_millis()).unwrap_or(0);
    format!(
        "{prefix}-{}-{}",
        base36(millis),
        base36(entropy % 36u64.pow(6))
    )
}

/// True when `id` is safe to use inside a storage key and a file name.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

fn base36(mut n: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn ids_are_valid_and_differ_by_entropy() {
        let now = Utc.with_ymd_and_hms(2026, 11, 20, 14, 2, 0).unwrap();
        let a = new_id("pm", now, 1);
        let b = new_id("pm", now, 2);
        assert_ne!(a, b);
        assert!(a.starts_with("pm-"));
        assert!(is_valid_id(&a) && is_valid_id(&b));
    }

    #[test]
    fn rejects_ids_that_would_break_keys() {
        assert!(!is_valid_id(""));
        assert!(!is_valid_id("a:b"));
        assert!(!is_valid_id("../x"));
        assert!(!is_valid_id(&"x".repeat(65)));
    }
}
