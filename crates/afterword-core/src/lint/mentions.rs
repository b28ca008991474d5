//! The people a text mentions, as the blameless checker recognises them:
//! for checks outside the linter (a public summary that must not name
//! anyone, for example) that need the same idea of who is a person.

use super::finding::Span;
use super::markdown;
use super::people::People;
use super::tokens::Doc;

/// The people named in `text` (Markdown), in order, with where each mention
/// is and the name as written ("Kenji Watanabe", without a possessive "'s").
///
/// `known` lists names that are people whatever the lists say (a document's
/// participants). Without it, names are recognised from the shipped name
/// lists and from context, as in [`super::lint_text`]. Code, headings, link
/// destinations, quotes and log lines are not searched; roles ("the
/// on-call") and pronouns are not names and are not returned.
pub fn people_mentioned(text: &str, known: &[String]) -> Vec<(Span, String)> {
    let scan = markdown::scan(text);
    let doc = Doc::new(text, &scan.pieces);
    let people = People::new(known, &doc);
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let (mut line, mut column, mut pos) = (1, 1, 0);
    for (a, b) in people.name_runs() {
        let offset = doc.tokens[a].start;
        let mut end = doc.tokens[b].end;
        let written = &text[offset..end];
        for suffix in ["'s", "\u{2019}s", "'", "\u{2019}"] {
            if let Some(kept) = written.strip_suffix(suffix) {
                end = offset + kept.len();
                break;
            }
        }
        for &byte in &bytes[pos..offset] {
            if byte == b'\n' {
                line += 1;
                column = 1;
            } else if byte & 0xC0 != 0x80 {
                column += 1;
            }
        }
        pos = offset;
        let span = Span {
            offset,
            end,
            line,
            column,
        };
        out.push((span, text[offset..end].to_string()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str, known: &[&str]) -> Vec<String> {
        let known: Vec<String> = known.iter().map(|s| s.to_string()).collect();
        people_mentioned(text, &known)
            .into_iter()
            .map(|(_, n)| n)
            .collect()
    }

    #[test]
    fn names_are_found_without_a_participant_list() {
        let text = "Summary\n\nAt 14:02 Aisha Bello paged the DBA; Ngozi's rollback fixed it.";
        let found = people_mentioned(text, &[]);
        let got: Vec<(&str, usize, usize)> = found
            .iter()
            .map(|(s, n)| (n.as_str(), s.line, s.column))
            .collect();
        assert_eq!(got, vec![("Aisha Bello", 3, 10), ("Ngozi", 3, 37)]);
        let (span, _) = &found[1];
        assert_eq!(&text[span.offset..span.end], "Ngozi");
    }

    #[test]
    fn systems_roles_and_code_are_not_people() {
        assert!(names(
            "Kafka lagged in Frankfurt; the on-call restarted `maria`.",
            &[]
        )
        .is_empty());
        assert!(names("```\nLena broke it\n```\n", &[]).is_empty());
    }

    #[test]
    fn known_names_count_even_when_the_lists_disagree() {
        assert_eq!(
            names("Vault and Travis joined.", &["Travis Young"]),
            ["Travis"]
        );
    }
}
