//! Whatever a person types, the linter must not panic, and every finding
//! must point at a real place in the text.

use afterword_core::lint::{lint_action_title, lint_text, Finding, LintConfig};
use proptest::prelude::*;

/// Pieces of postmortem Markdown that reach the scanner's and the rules'
/// corners: blame phrases, structure markers, comments, unicode.
const PIECES: &[&str] = &[
    "Dana",
    "Sam",
    "the",
    "on-call",
    "QA",
    "ops",
    "we",
    "broke",
    "failed",
    "to",
    "should",
    "have",
    "shouldn't",
    "if",
    "only",
    "human",
    "error",
    "root",
    "cause",
    "was",
    ":",
    "just",
    "simply",
    "of",
    "course",
    "careless",
    "lazy",
    "loading",
    "culprit",
    "fault",
    "blame",
    "git",
    "dropped",
    "the ball",
    "be more careful",
    "make sure someone",
    "investigate",
    ".",
    ",",
    "!",
    "?",
    "#",
    "## ",
    "> ",
    "- ",
    "1. ",
    "* ",
    "`",
    "``",
    "```",
    "~~~",
    "    ",
    "\t",
    "|",
    "---",
    "===",
    "<!--",
    "-->",
    "<!-- afterword-ignore -->",
    "<!-- afterword-disable hindsight -->",
    "<!-- afterword-enable -->",
    "[",
    "](",
    ")",
    "https://x.test/a",
    "<b>",
    "\\",
    "’",
    "é",
    "ß",
    "İ",
    "ﬁ",
    "✅",
    "日本",
    "\u{200b}",
    "\r\n",
    "2024-05-01T10:22:03Z",
    "ERROR",
    "[WARN]",
    "a=b",
    "c=d",
    "## Action items\n",
    "Follow-up\n",
    "| Investigate |",
    "<div>",
    "</div>",
];

fn doc() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(PIECES);
    let sep = prop::sample::select(&[" ", " ", "\n", "", "\n\n", "  "][..]);
    prop::collection::vec((piece, sep), 0..80).prop_map(|parts| {
        parts
            .into_iter()
            .flat_map(|(p, s)| [p, s])
            .collect::<String>()
    })
}

fn cfg() -> LintConfig {
    let mut cfg = LintConfig::with_participants(["Dana Ortiz", "Sam", "İlkay"]);
    cfg.custom_phrases.push(afterword_core::lint::CustomPhrase {
        phrase: "war room".into(),
        message: String::new(),
        suggestion: Some("incident channel".into()),
    });
    cfg
}

fn check_spans(text: &str, found: &[Finding]) -> Result<(), TestCaseError> {
    let mut last = 0;
    for f in found {
        let (a, b) = (f.span.offset, f.span.end);
        prop_assert!(
            a <= b && b <= text.len(),
            "span {a}..{b} outside {}",
            text.len()
        );
        prop_assert!(text.is_char_boundary(a) && text.is_char_boundary(b));
        prop_assert_eq!(&text[a..b], f.text.as_str());
        prop_assert!(a >= last, "findings are sorted");
        last = a;
        let before = &text[..a];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = text[line_start..a].chars().count() + 1;
        prop_assert_eq!(f.span.line, line);
        prop_assert_eq!(f.span.column, column);
        prop_assert!(!f.message.is_empty());
        prop_assert!(f.fingerprint().starts_with(f.rule.as_str()));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_text_lints_without_panic_and_with_valid_spans(text in any::<String>()) {
        let cfg = cfg();
        check_spans(&text, &lint_text(&text, &cfg))?;
        check_spans(&text, &lint_action_title(&text, &cfg))?;
    }

    #[test]
    fn markdown_like_text_lints_without_panic_and_with_valid_spans(text in doc()) {
        let cfg = cfg();
        check_spans(&text, &lint_text(&text, &cfg))?;
        check_spans(&text, &lint_action_title(&text, &cfg))?;
    }
}
