//! Our small Markdown scanner against a full CommonMark parser: on real
//! postmortems, no finding may fall inside code, a heading, a blockquote or
//! HTML as pulldown-cmark sees them.

use afterword_core::lint::{lint_text, LintConfig};
use pulldown_cmark::{Event, Options, Parser, Tag};
use std::ops::Range;
use std::path::Path;

/// Byte ranges that are not the author's prose, according to pulldown-cmark.
fn not_prose(text: &str) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let opts = Options::ENABLE_TABLES | Options::ENABLE_TASKLISTS;
    for (event, range) in Parser::new_ext(text, opts).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(_))
            | Event::Start(Tag::Heading { .. })
            | Event::Start(Tag::BlockQuote(_))
            | Event::Start(Tag::HtmlBlock)
            | Event::Code(_)
            | Event::Html(_)
            | Event::InlineHtml(_) => ranges.push(range),
            Event::Start(Tag::Link { dest_url, .. }) => {
                // The destination sits at the end of the link's source.
                if let Some(at) = text[range.clone()].rfind(dest_url.as_ref()) {
                    let start = range.start + at;
                    ranges.push(start..start + dest_url.len());
                }
            }
            _ => {}
        }
    }
    ranges
}

fn documents() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut docs = vec![(
        "fixture".to_string(),
        include_str!("../benches/fixtures/postmortem.md").to_string(),
    )];
    let corpus = root.join("../afterword-cli/tests/corpus");
    if let Ok(entries) = std::fs::read_dir(corpus) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "md") {
                let text = std::fs::read_to_string(&path).expect("corpus file is readable");
                docs.push((path.display().to_string(), text));
            }
        }
    }
    docs.push((
        "snippets".to_string(),
        "\
Intro: Dana broke the deploy.

> Dana broke the deploy.

```text
Dana broke the deploy.
```

    Dana broke the deploy.

## Dana broke the deploy

Dana broke the deploy `Dana broke the deploy` and [Dana broke the deploy](https://x.test/Dana-broke)

<div>Dana broke the deploy.</div>

- Dana broke the deploy.
  continued line, obviously fine.
"
        .to_string(),
    ));
    docs
}

#[test]
fn findings_never_fall_in_code_headings_quotes_or_html() {
    let cfg =
        LintConfig::with_participants(["Dana Ortiz", "Sam Lee", "Sam", "Priya Nair", "Alex Kim"]);
    let mut total = 0;
    for (name, text) in documents() {
        let excluded = not_prose(&text);
        for f in lint_text(&text, &cfg) {
            total += 1;
            let span = f.span.offset..f.span.end;
            for r in &excluded {
                assert!(
                    span.end <= r.start || span.start >= r.end,
                    "{name}: {:?} at line {} overlaps non-prose {:?}",
                    f.text,
                    f.span.line,
                    &text[r.clone()]
                );
            }
        }
    }
    assert!(total > 10, "the documents do contain findings ({total})");
}
