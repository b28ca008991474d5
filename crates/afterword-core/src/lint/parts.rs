//! Linting a very long text a piece at a time, so the editor can spread the
//! work over several frames instead of blocking the page: [`lint_parts`]
//! cuts the text where nothing can span the cut (blank lines, sentence ends
//! inside a giant paragraph), and [`lint_part`] lints one piece with enough
//! of the text before it for context. The findings of all parts are the
//! findings of the whole text: same spans, lines, columns and fingerprints.
//!
//! Texts whose structure reaches across paragraphs (code fences, HTML
//! comments and ignore directives, action-item sections) are not cut: they
//! come back as one part.

use super::{lint_text, Finding, LintConfig};

/// One piece of a text: findings starting in `start..end` belong to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LintPart {
    pub start: usize,
    pub end: usize,
    /// Where linting starts: at `start`, or at the sentence before it when
    /// the cut is inside a line.
    context: usize,
    /// 1-based line and column of `context` in the whole text.
    line: usize,
    column: usize,
}

/// How far back a cut inside a line looks for the sentence before it.
const CONTEXT_BYTES: usize = 400;

/// Cuts `text` into parts of about `target` bytes. A short text, or one
/// whose structure spans paragraphs, is one part.
pub fn lint_parts(text: &str, target: usize) -> Vec<LintPart> {
    let whole = vec![LintPart {
        start: 0,
        end: text.len(),
        context: 0,
        line: 1,
        column: 1,
    }];
    let target = target.max(1_000);
    if text.len() <= target || spans_paragraphs(text) {
        return whole;
    }
    let bytes = text.as_bytes();
    let mut cuts = Vec::new();
    let mut from = 0;
    while from + target < text.len() {
        let want = from + target;
        match cut_after(text, want) {
            Some(cut) if cut > from && cut < text.len() => {
                cuts.push(cut);
                from = cut;
            }
            _ => break,
        }
    }
    if cuts.is_empty() {
        return whole;
    }
    // Lines and columns of every context start, in one pass.
    let mut parts = Vec::with_capacity(cuts.len() + 1);
    let mut starts = vec![0];
    starts.extend(cuts.iter().copied());
    let (mut line, mut column, mut pos) = (1, 1, 0);
    for (k, &start) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(text.len());
        let context = context_start(text, start);
        for &b in &bytes[pos..context] {
            if b == b'\n' {
                line += 1;
                column = 1;
            } else if b & 0xC0 != 0x80 {
                column += 1;
            }
        }
        pos = context;
        parts.push(LintPart {
            start,
            end,
            context,
            line,
            column,
        });
    }
    parts
}

/// Whether some structure could reach across a cut.
fn spans_paragraphs(text: &str) -> bool {
    text.contains("```")
        || text.contains("~~~")
        || text.contains("<!--")
        || text.lines().any(|l| {
            let t = l.trim_start();
            t.starts_with('#') && {
                let h = t.to_lowercase();
                [
                    "action",
                    "follow",
                    "next steps",
                    "remediation",
                    "to do",
                    "todo",
                    "improvements",
                ]
                .iter()
                .any(|k| h.contains(k))
            }
        })
}

/// The first safe cut at or after byte `want`: the start of a paragraph
/// after a blank line, or a sentence start inside a long plain line.
fn cut_after(text: &str, want: usize) -> Option<usize> {
    let rest = text.get(want..).or_else(|| {
        let mut w = want;
        while !text.is_char_boundary(w) {
            w += 1;
        }
        text.get(w..)
    })?;
    let base = text.len() - rest.len();
    let blank = rest.find("\n\n").map(|i| base + i + 2);
    // A sentence start in a plain paragraph line: ". " then a capital.
    let sentence = {
        let line_start = text[..base].rfind('\n').map_or(0, |i| i + 1);
        let plain = text[line_start..]
            .trim_start()
            .starts_with(|c: char| c.is_alphanumeric());
        if plain {
            let line_end = rest.find('\n').map_or(text.len(), |i| base + i);
            text[base..line_end]
                .match_indices(". ")
                .map(|(i, _)| base + i + 2)
                .find(|&i| text[i..].starts_with(|c: char| c.is_uppercase()))
        } else {
            None
        }
    };
    match (blank, sentence) {
        (Some(b), Some(s)) => Some(b.min(s)),
        (b, s) => b.or(s),
    }
}

/// Where linting of a part that starts at `start` begins: at `start` when
/// it starts a line, else at the sentence before it (so the words before a
/// finding are the same as in the whole text).
fn context_start(text: &str, start: usize) -> usize {
    if start == 0 || text.as_bytes().get(start - 1) == Some(&b'\n') {
        return start;
    }
    let mut from = start.saturating_sub(CONTEXT_BYTES);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = &text[from..start.saturating_sub(2).max(from)];
    let line_start = before.rfind('\n').map(|i| from + i + 1);
    let sentence = before.rfind(". ").map(|i| from + i + 2);
    match (line_start, sentence) {
        (Some(l), Some(s)) => l.max(s),
        (l, s) => l.or(s).unwrap_or(start),
    }
}

/// The findings of `text` that start in `part`, exactly as [`lint_text`]
/// reports them for the whole text.
pub fn lint_part(text: &str, part: &LintPart, cfg: &LintConfig) -> Vec<Finding> {
    // A little of the next part too, so the words after a finding near the
    // end are the same as in the whole text; its own findings are dropped.
    let mut until = (part.end + CONTEXT_BYTES).min(text.len());
    if let Some(nl) = text[part.end..until].find('\n') {
        until = part.end + nl;
    }
    while !text.is_char_boundary(until) {
        until -= 1;
    }
    let Some(piece) = text.get(part.context..until.max(part.end)) else {
        return Vec::new();
    };
    let mut found = lint_text(piece, cfg);
    found.retain(|f| {
        let at = part.context + f.span.offset;
        at >= part.start && at < part.end
    });
    for f in &mut found {
        if f.span.line == 1 {
            f.span.column += part.column - 1;
        }
        f.span.line += part.line - 1;
        f.span.offset += part.context;
        f.span.end += part.context;
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn whole_vs_parts(text: &str) {
        let cfg = LintConfig::default();
        let whole = lint_text(text, &cfg);
        let parts = lint_parts(text, 1_000);
        assert!(parts.len() > 1, "the text is cut");
        let pieced: Vec<Finding> = parts
            .iter()
            .flat_map(|p| lint_part(text, p, &cfg))
            .collect();
        assert_eq!(pieced.len(), whole.len());
        for (a, b) in pieced.iter().zip(&whole) {
            assert_eq!(a, b);
            assert_eq!(a.fingerprint(), b.fingerprint());
        }
    }

    #[test]
    fn a_giant_paragraph_in_parts_gives_the_same_findings() {
        let text = "Lena broke checkout at 14:02. The disk filled up. Kenji should have waited. "
            .repeat(60);
        whole_vs_parts(&text);
    }

    #[test]
    fn paragraphs_in_parts_give_the_same_findings() {
        let text = "It was human error.\nThe cache expired, obviously.\n\n".repeat(80);
        whole_vs_parts(&text);
    }

    #[test]
    fn structure_across_paragraphs_keeps_one_part() {
        let text = format!(
            "<!-- afterword-disable -->\n{}",
            "Lena broke it.\n\n".repeat(200)
        );
        assert_eq!(lint_parts(&text, 1_000).len(), 1);
    }
}
