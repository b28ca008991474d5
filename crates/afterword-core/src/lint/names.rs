//! The name lists shipped with the core (see `data/NOTICE.md`): given names
//! and family names from public name statistics, so that "Lena broke
//! checkout" reads as a person even when the document lists no participants.
//!
//! The lists are compiled in front-coded (about 170 KB, under 70 KB
//! compressed) and decoded once, on first use, into one sorted table that a
//! lookup binary-searches.

use std::borrow::Cow;
use std::sync::OnceLock;

use super::data;

/// What the lists know about a word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NameKind {
    /// A given name that is not also an ordinary word: "lena", "kenji".
    Given,
    /// A given name that is also an ordinary English word and rarer as a
    /// name: "cache", "echo".
    GivenWord,
    /// A family name: "okafor", "watanabe".
    Family,
    /// A family name that is also a word: "price", "banks".
    FamilyWord,
}

/// A decoded list: the names end to end, and where each one ends, with its
/// "also a word" mark.
struct List {
    text: String,
    entries: Vec<(u32, u32, bool)>,
}

impl List {
    fn decode(data: &str) -> List {
        let mut text = String::with_capacity(data.len() * 2);
        let mut entries = Vec::with_capacity(data.len() / 5);
        let mut prev_start = 0usize;
        for line in data.lines() {
            let mut chars = line.chars();
            let Some(shared) = chars.next().and_then(|c| c.to_digit(10)) else {
                continue;
            };
            let rest = chars.as_str();
            let (rest, word) = match rest.strip_suffix('*') {
                Some(r) => (r, true),
                None => (rest, false),
            };
            let start = text.len();
            let prefix = text
                .get(prev_start..prev_start + shared as usize)
                .unwrap_or_default()
                .to_string();
            text.push_str(&prefix);
            text.push_str(rest);
            entries.push((start as u32, text.len() as u32, word));
            prev_start = start;
        }
        List { text, entries }
    }

    fn name(&self, i: usize) -> &str {
        let (a, b, _) = self.entries[i];
        &self.text[a as usize..b as usize]
    }

    /// `Some(also_a_word)` when the list holds `word`.
    fn find(&self, word: &str) -> Option<bool> {
        let mut lo = 0;
        let mut hi = self.entries.len();
        while lo < hi {
            let mid = (lo + hi) / 2;
            match self.name(mid).cmp(word) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(self.entries[mid].2),
            }
        }
        None
    }
}

/// No names: what the lists are until their data is there (see `data`).
static EMPTY: List = List {
    text: String::new(),
    entries: Vec::new(),
};

fn given() -> &'static List {
    static LIST: OnceLock<List> = OnceLock::new();
    match data::given() {
        Some(text) => LIST.get_or_init(|| List::decode(text)),
        None => &EMPTY,
    }
}

fn family() -> &'static List {
    static LIST: OnceLock<List> = OnceLock::new();
    match data::family() {
        Some(text) => LIST.get_or_init(|| List::decode(text)),
        None => &EMPTY,
    }
}

/// What the lists say about `word` (lowercase; accents are folded here).
pub(crate) fn lookup(word: &str) -> Option<NameKind> {
    let key = fold(word);
    if key.len() < 2 || key.len() > 20 {
        return None;
    }
    match given().find(&key) {
        Some(false) => return Some(NameKind::Given),
        Some(true) => {
            // A word-like given name that is a plain family name is a name.
            return Some(match family().find(&key) {
                Some(false) => NameKind::Given,
                _ => NameKind::GivenWord,
            });
        }
        None => {}
    }
    family().find(&key).map(|word| {
        if word {
            NameKind::FamilyWord
        } else {
            NameKind::Family
        }
    })
}

/// Lowercase ASCII for a lowercase word: accents dropped ("joaquín" →
/// "joaquin", "ondřej" → "ondrej"), hyphens and apostrophes inside names
/// removed ("ji-ho" → "jiho"). `None`-like empty result when the word has
/// other characters, so it cannot match.
fn fold(word: &str) -> Cow<'_, str> {
    if word.bytes().all(|b| b.is_ascii_lowercase()) {
        return Cow::Borrowed(word);
    }
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        match c {
            'a'..='z' => out.push(c),
            '-' | '\'' | '\u{2019}' => {}
            _ => match fold_char(c) {
                Some(f) => out.push(f),
                None => return Cow::Owned(String::new()),
            },
        }
    }
    Cow::Owned(out)
}

fn fold_char(c: char) -> Option<char> {
    let f = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ğ' => 'g',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' | 'į' => 'i',
        'ł' | 'ľ' | 'ĺ' => 'l',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ř' | 'ŕ' => 'r',
        'ś' | 'š' | 'ş' | 'ș' => 's',
        'ť' | 'ţ' | 'ț' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        _ => return None,
    };
    Some(f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn given_names_from_many_places_are_known() {
        for name in [
            "lena", "kenji", "omar", "aisha", "priya", "olumide", "ngozi", "xiaoming", "sven",
            "joaquín", "ondřej", "ji-ho", "leilani", "kwame", "dmitri",
        ] {
            assert_eq!(lookup(name), Some(NameKind::Given), "{name}");
        }
    }

    #[test]
    fn family_names_and_word_like_names_are_told_apart() {
        assert_eq!(lookup("okafor"), Some(NameKind::Family));
        assert_eq!(lookup("watanabe"), Some(NameKind::Family));
        assert_eq!(lookup("cache"), Some(NameKind::GivenWord));
        assert_eq!(lookup("checkout"), None);
        assert_eq!(lookup("postgres"), None);
        assert_eq!(lookup("x"), None);
    }

    #[test]
    fn the_lists_are_sorted_so_lookups_find_every_entry() {
        for list in [given(), family()] {
            assert!(list.entries.len() > 5_000);
            for i in 1..list.entries.len() {
                assert!(list.name(i - 1) < list.name(i), "{}", list.name(i));
            }
        }
    }
}
