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

/// The sample report's prose as one line of at least `bytes` bytes: the
/// worst case for anything that looks back along a line.
#[allow(dead_code)]
pub fn one_line(bytes: usize) -> String {
    let prose: Vec<&str> = REPORT
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with('|') && !l.trim().is_empty())
        .collect();
    let sentence = prose.join(" ");
    let mut text = String::with_capacity(bytes + sentence.len());
    while text.len() < bytes {
        text.push_str(&sentence);
        text.push(' ');
    }
    text
}

/// The same prose with a line break after every sentence-sized piece, for
/// comparison with [`one_line`].
#[allow(dead_code)]
pub fn in_lines(bytes: usize) -> String {
    one_line(bytes).replace(". ", ".\n")
}

/// One paragraph holding `n` blameful sentences, so a lint run reports
/// about `n` findings.
#[allow(dead_code)]
pub fn many_findings(n: usize) -> String {
    let lines = [
        "Lena broke checkout. ",
        "The on-call failed to check the lag. ",
        "It was human error. ",
        "Kenji should have waited. ",
    ];
    (0..n).map(|i| lines[i % lines.len()]).collect()
}
