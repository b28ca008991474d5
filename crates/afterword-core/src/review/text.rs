//! Making user text safe inside the review documents.
//!
//! Kept private to the review on purpose: once the general export module
//! offers the same escaping, these can be replaced by it.

/// Text for a GitHub-flavoured Markdown table cell or a heading: shows
/// exactly what was typed and cannot break out of the cell or turn into
/// formatting, links, code or HTML.
///
/// - line breaks become `<br>` (a table row must stay on one line);
/// - `&`, `<` and `>` become entities, so no HTML or entity is injected;
/// - `|` and the characters that start emphasis, code, links, headings or
///   strikethrough (`\`, `` ` ``, `*`, `_`, `[`, `]`, `#`, `~`, `!`) get a
///   backslash;
/// - other control characters are dropped; surrounding spaces are trimmed.
pub(crate) fn md_inline(text: &str) -> String {
    let text = text.trim();
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("<br>");
            }
            '\n' => out.push_str("<br>"),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '|' | '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '~' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// [`md_inline`], or `placeholder` when the text is blank.
pub(crate) fn md_or(text: &str, placeholder: &str) -> String {
    if text.trim().is_empty() {
        placeholder.to_owned()
    } else {
        md_inline(text)
    }
}
