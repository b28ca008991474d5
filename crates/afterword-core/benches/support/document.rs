//! A large, realistic postmortem for measuring lint throughput: one real
//! report repeated as a series of incidents, about 10,000 words in all.

/// The participants of the sample reports.
pub const PARTICIPANTS: [&str; 3] = ["Dana Ortiz", "Sam", "Priya Nair"];

const REPORT: &str = include_str!("../fixtures/postmortem.md");

/// At least `words` words of postmortem Markdown.
pub fn document(words: usize) -> String {
    let mut text = String::new();
    let mut n = 1;
    while text.split_whitespace().count() < words {
        text.push_str(&format!("\n\n<!-- incident {n} -->\n\n"));
        text.push_str(REPORT);
        n += 1;
    }
    text
}

/// How many words `text` holds, counted as runs of non-space characters.
#[allow(dead_code)]
pub fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}
