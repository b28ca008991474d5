//! A small line scanner for the Markdown structure the linter must respect:
//! it hands on the prose, marks inline code, and leaves out everything that
//! is not the author's own sentences (code blocks, headings, quotes, logs,
//! link destinations, HTML). It also reads the `afterword-ignore`,
//! `afterword-disable` and `afterword-enable` comments.
//!
//! It is deliberately not a full CommonMark parser: it runs on every
//! keystroke and ships in the browser bundle.

/// One stretch of the scanned text, in document order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Piece {
    /// The author's own words.
    Prose { start: usize, end: usize },
    /// An inline code span: not linted, but it stays part of the sentence.
    Code { start: usize, end: usize },
    /// A boundary no phrase may cross (a new paragraph, list item, cell…).
    Break,
}

/// Which rules an ignore comment names.
#[derive(Clone, Debug, PartialEq, Eq)]
enum RuleSet {
    All,
    Only(Vec<String>),
}

impl RuleSet {
    fn parse(ids: &str) -> RuleSet {
        let ids: Vec<String> = ids
            .split(|c: char| c == ',' || c.is_whitespace())
            .filter(|s| !s.is_empty())
            .map(str::to_ascii_lowercase)
            .collect();
        if ids.is_empty() {
            RuleSet::All
        } else {
            RuleSet::Only(ids)
        }
    }

    fn contains(&self, rule: &str) -> bool {
        match self {
            RuleSet::All => true,
            RuleSet::Only(ids) => ids.iter().any(|id| id == rule),
        }
    }
}

/// Byte ranges of the text where some rules are silenced.
#[derive(Clone, Debug, Default)]
pub(crate) struct Suppressions {
    ranges: Vec<(usize, usize, RuleSet)>,
}

impl Suppressions {
    pub(crate) fn silences(&self, offset: usize, rule: &str) -> bool {
        self.ranges
            .iter()
            .any(|(start, end, set)| *start <= offset && offset < *end && set.contains(rule))
    }
}

/// The result of scanning one text.
#[derive(Debug, Default)]
pub(crate) struct Scan {
    pub pieces: Vec<Piece>,
    pub suppressions: Suppressions,
    /// Byte ranges of the items (list items, first table cells) under an
    /// "Action items" or "Follow-up" heading: these are action titles.
    pub action_items: Vec<(usize, usize)>,
}

/// What an HTML comment asks of the linter.
enum Directive {
    IgnoreNext(RuleSet),
    Disable(RuleSet),
    Enable(RuleSet),
}

fn directive(body: &str) -> Option<Directive> {
    let body = body.trim();
    let (word, rest) = match body.find(char::is_whitespace) {
        Some(i) => (&body[..i], &body[i..]),
        None => (body, ""),
    };
    match word.to_ascii_lowercase().as_str() {
        "afterword-ignore" => Some(Directive::IgnoreNext(RuleSet::parse(rest))),
        "afterword-disable" => Some(Directive::Disable(RuleSet::parse(rest))),
        "afterword-enable" => Some(Directive::Enable(RuleSet::parse(rest))),
        _ => None,
    }
}

/// Open `afterword-disable` blocks and the pending `afterword-ignore`.
#[derive(Default)]
struct Directives {
    open: Vec<(usize, RuleSet)>,
    pending_ignore: Vec<RuleSet>,
    done: Vec<(usize, usize, RuleSet)>,
}

impl Directives {
    fn apply(&mut self, d: Directive, at: usize) {
        match d {
            Directive::IgnoreNext(set) => self.pending_ignore.push(set),
            Directive::Disable(set) => self.open.push((at, set)),
            Directive::Enable(RuleSet::All) => {
                for (start, set) in self.open.drain(..) {
                    self.done.push((start, at, set));
                }
            }
            Directive::Enable(RuleSet::Only(ids)) => {
                let mut still_open = Vec::new();
                for (start, set) in self.open.drain(..) {
                    match set {
                        RuleSet::Only(open_ids) => {
                            let (closed, kept): (Vec<String>, Vec<String>) =
                                open_ids.into_iter().partition(|id| ids.contains(id));
                            if !closed.is_empty() {
                                self.done.push((start, at, RuleSet::Only(closed)));
                            }
                            if !kept.is_empty() {
                                still_open.push((start, RuleSet::Only(kept)));
                            }
                        }
                        // Enabling one rule inside "disable everything" is
                        // not expressible as a set; keep the block open.
                        RuleSet::All => still_open.push((start, RuleSet::All)),
                    }
                }
                self.open = still_open;
            }
        }
    }

    /// A line with content starts: pending ignores apply to it.
    fn content_line(&mut self, start: usize, end: usize) {
        for set in self.pending_ignore.drain(..) {
            self.done.push((start, end, set));
        }
    }

    fn finish(mut self, text_len: usize) -> Suppressions {
        for (start, set) in self.open.drain(..) {
            self.done.push((start, text_len + 1, set));
        }
        Suppressions { ranges: self.done }
    }
}

struct Fence {
    marker: u8,
    len: usize,
}

/// Where the previous line left us.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Prev {
    Blank,
    Paragraph,
    ListItem,
    Code,
    Other,
}

/// Scans `text` into prose pieces and suppressions.
pub(crate) fn scan(text: &str) -> Scan {
    let mut pieces = Vec::new();
    let mut directives = Directives::default();
    let mut fence: Option<Fence> = None;
    let mut in_comment: Option<(usize, String)> = None;
    let mut prev = Prev::Blank;
    let mut in_list = false;
    let mut in_html_block = false;
    let mut action_section = false;
    let mut action_items: Vec<(usize, usize)> = Vec::new();
    let mut prev_line = "";
    // Where the pieces of the previous paragraph line begin, in case the
    // next line turns it into a setext heading.
    let mut para_line_start = 0;

    let mut offset = 0;
    for raw in text.split_inclusive('\n') {
        let line_start = offset;
        offset += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        let line_end = line_start + line.len();
        let before = std::mem::replace(&mut prev_line, line);

        if let Some(f) = &fence {
            if closes_fence(line, f) {
                fence = None;
            }
            prev = Prev::Code;
            continue;
        }

        let mut from = 0;
        if let Some((start, mut body)) = in_comment.take() {
            match line.find("-->") {
                Some(i) => {
                    body.push_str(&line[..i]);
                    if let Some(d) = directive(&body) {
                        directives.apply(d, start);
                    }
                    from = i + 3;
                    if line[from..].trim().is_empty() {
                        continue;
                    }
                }
                None => {
                    body.push_str(line);
                    body.push('\n');
                    in_comment = Some((start, body));
                    continue;
                }
            }
        }
        let rest = &line[from..];

        if rest.trim().is_empty() {
            push_break(&mut pieces);
            prev = Prev::Blank;
            in_html_block = false;
            continue;
        }
        if in_html_block {
            continue;
        }

        let indent = indent_width(rest);
        if indent >= 4 && !in_list && matches!(prev, Prev::Blank | Prev::Code) {
            // Indented code block.
            prev = Prev::Code;
            continue;
        }
        let trimmed = rest.trim_start();
        let lead = from + (rest.len() - trimmed.len());

        if indent < 4 {
            if let Some(f) = opens_fence(trimmed) {
                fence = Some(f);
                push_break(&mut pieces);
                directives.content_line(line_start, line_end);
                prev = Prev::Code;
                continue;
            }
            if is_atx_heading(trimmed) {
                action_section = is_action_heading(trimmed);
                push_break(&mut pieces);
                directives.content_line(line_start, line_end);
                if let Some(at) = cause_heading_text(trimmed) {
                    // "### Root cause: Astrid": the heading states a
                    // finding, so it is read like a line of prose.
                    scan_inline(
                        text,
                        lead + at,
                        line_end,
                        false,
                        &mut pieces,
                        &mut directives,
                        &mut in_comment,
                    );
                    push_break(&mut pieces);
                }
                prev = Prev::Other;
                in_list = false;
                continue;
            }
            if prev == Prev::Paragraph && is_setext_underline(trimmed) {
                // The previous line was a heading after all.
                action_section = is_action_heading(before);
                pieces.truncate(para_line_start);
                push_break(&mut pieces);
                prev = Prev::Other;
                continue;
            }
            if is_thematic_break(trimmed) {
                push_break(&mut pieces);
                prev = Prev::Other;
                in_list = false;
                continue;
            }
        }
        if indent < 4 && opens_html_block(trimmed) {
            // Raw HTML runs to the next blank line, as in CommonMark.
            in_html_block = true;
            push_break(&mut pieces);
            directives.content_line(line_start, line_end);
            prev = Prev::Other;
            continue;
        }
        if trimmed.starts_with('>') || is_reference_definition(trimmed) || looks_like_log(trimmed) {
            push_break(&mut pieces);
            directives.content_line(line_start, line_end);
            prev = Prev::Other;
            continue;
        }
        if is_table_delimiter(trimmed) {
            prev = Prev::Other;
            continue;
        }

        directives.content_line(line_start, line_end);
        let mut content = lead;
        if let Some(marker_len) = list_marker_len(trimmed) {
            push_break(&mut pieces);
            in_list = true;
            content += marker_len;
            prev = Prev::ListItem;
            if action_section {
                action_items.push((line_start + content, line_end));
            }
        } else {
            if action_section && in_list && matches!(prev, Prev::ListItem | Prev::Paragraph) {
                // A wrapped action item goes on.
                if let Some(item) = action_items.last_mut() {
                    item.1 = line_end;
                }
            }
            if !matches!(prev, Prev::Paragraph | Prev::ListItem) || indent >= 4 && !in_list {
                push_break(&mut pieces);
            }
            if prev == Prev::Blank && indent == 0 {
                in_list = false;
            }
            prev = Prev::Paragraph;
        }
        para_line_start = pieces.len();
        let table_row = trimmed.starts_with('|');
        if table_row && action_section {
            let cell_start = (line_start + content + 1).min(line_end);
            let cell_end = text[cell_start..line_end]
                .find('|')
                .map_or(line_end, |i| cell_start + i);
            action_items.push((cell_start, cell_end));
        }
        scan_inline(
            text,
            line_start + content,
            line_end,
            table_row,
            &mut pieces,
            &mut directives,
            &mut in_comment,
        );
        if in_comment.is_some() {
            prev = Prev::Other;
        }
    }
    Scan {
        pieces,
        suppressions: directives.finish(text.len()),
        action_items,
    }
}

fn push_break(pieces: &mut Vec<Piece>) {
    if !matches!(pieces.last(), None | Some(Piece::Break)) {
        pieces.push(Piece::Break);
    }
}

fn push_prose(pieces: &mut Vec<Piece>, start: usize, end: usize) {
    if start < end {
        pieces.push(Piece::Prose { start, end });
    }
}

/// Splits one line of prose into prose and inline-code pieces, leaving out
/// comments, HTML tags, link destinations and bare URLs.
fn scan_inline(
    text: &str,
    start: usize,
    end: usize,
    table_row: bool,
    pieces: &mut Vec<Piece>,
    directives: &mut Directives,
    in_comment: &mut Option<(usize, String)>,
) {
    let bytes = text.as_bytes();
    let mut prose_from = start;
    let mut i = start;
    while i < end {
        match bytes[i] {
            b'\\' => i += 2,
            b'`' => {
                let run = count_run(bytes, i, end, b'`');
                match find_backtick_close(bytes, i + run, end, run) {
                    Some(close) => {
                        push_prose(pieces, prose_from, i);
                        pieces.push(Piece::Code {
                            start: i,
                            end: close + run,
                        });
                        i = close + run;
                        prose_from = i;
                    }
                    None => i += run,
                }
            }
            b'<' if text[i..end].starts_with("<!--") => {
                push_prose(pieces, prose_from, i);
                let body_start = i + 4;
                match text[body_start..end].find("-->") {
                    Some(rel) => {
                        if let Some(d) = directive(&text[body_start..body_start + rel]) {
                            directives.apply(d, i);
                        }
                        i = body_start + rel + 3;
                        prose_from = i;
                    }
                    None => {
                        let mut body = text[body_start..end].to_string();
                        body.push('\n');
                        *in_comment = Some((i, body));
                        return;
                    }
                }
            }
            b'<' if is_tag_start(bytes, i + 1, end) => match text[i..end].find('>') {
                Some(rel) => {
                    push_prose(pieces, prose_from, i);
                    i += rel + 1;
                    prose_from = i;
                }
                None => i += 1,
            },
            b']' if i + 1 < end && bytes[i + 1] == b'(' => {
                push_prose(pieces, prose_from, i + 1);
                let dest = i + 1;
                i = skip_parenthesised(bytes, i + 1, end);
                pieces.push(Piece::Code {
                    start: dest,
                    end: i,
                });
                prose_from = i;
            }
            b'|' if table_row => {
                push_prose(pieces, prose_from, i);
                push_break(pieces);
                i += 1;
                prose_from = i;
            }
            b'h' | b'w' | b'H' | b'W' if at_word_start(bytes, i) && starts_url(&text[i..end]) => {
                push_prose(pieces, prose_from, i);
                let url_start = i;
                while i < end && !bytes[i].is_ascii_whitespace() && bytes[i] != b')' {
                    i += 1;
                }
                // Kept as code: never linted, but its words are systems.
                pieces.push(Piece::Code {
                    start: url_start,
                    end: i,
                });
                prose_from = i;
            }
            _ => i += 1,
        }
    }
    push_prose(pieces, prose_from, end.min(text.len()));
}

fn count_run(bytes: &[u8], from: usize, end: usize, b: u8) -> usize {
    bytes[from..end].iter().take_while(|&&c| c == b).count()
}

fn find_backtick_close(bytes: &[u8], mut i: usize, end: usize, run: usize) -> Option<usize> {
    while i < end {
        if bytes[i] == b'`' {
            let n = count_run(bytes, i, end, b'`');
            if n == run {
                return Some(i);
            }
            i += n;
        } else {
            i += 1;
        }
    }
    None
}

fn skip_parenthesised(bytes: &[u8], open: usize, end: usize) -> usize {
    let mut depth = 0usize;
    let mut i = open;
    while i < end {
        match bytes[i] {
            b'(' => depth += 1,
            b')' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    end
}

fn is_tag_start(bytes: &[u8], i: usize, end: usize) -> bool {
    i < end && (bytes[i].is_ascii_alphabetic() || bytes[i] == b'/' || bytes[i] == b'!')
}

fn at_word_start(bytes: &[u8], i: usize) -> bool {
    i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] >= 0x80)
}

fn starts_url(s: &str) -> bool {
    let lower =
        |p: &str| s.len() >= p.len() && s.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes());
    lower("http://") || lower("https://") || lower("www.")
}

fn indent_width(line: &str) -> usize {
    let mut width = 0;
    for b in line.bytes() {
        match b {
            b' ' => width += 1,
            b'\t' => width += 4 - width % 4,
            _ => break,
        }
    }
    width
}

fn opens_fence(trimmed: &str) -> Option<Fence> {
    let bytes = trimmed.as_bytes();
    let marker = *bytes.first()?;
    if marker != b'`' && marker != b'~' {
        return None;
    }
    let len = count_run(bytes, 0, bytes.len(), marker);
    if len < 3 {
        return None;
    }
    if marker == b'`' && trimmed[len..].contains('`') {
        return None;
    }
    Some(Fence { marker, len })
}

fn closes_fence(line: &str, f: &Fence) -> bool {
    if indent_width(line) >= 4 {
        return false;
    }
    let t = line.trim();
    let n = count_run(t.as_bytes(), 0, t.len(), f.marker);
    n >= f.len && n == t.len()
}

/// Whether a heading introduces action items: "Action items", "Follow-up",
/// "Next steps", "Remediation".
fn is_action_heading(heading: &str) -> bool {
    let h = heading.to_lowercase();
    [
        "action",
        "follow-up",
        "follow up",
        "followup",
        "next steps",
        "remediation",
        "to do",
        "todo",
        "improvements",
    ]
    .iter()
    .any(|k| h.contains(k))
}

/// A line that starts raw HTML (`<div>`, `</table>`), not an autolink
/// (`<https://…>`) or a comment.
fn opens_html_block(trimmed: &str) -> bool {
    let b = trimmed.as_bytes();
    if b.first() != Some(&b'<') || trimmed.starts_with("<!--") {
        return false;
    }
    let name_start = if b.get(1) == Some(&b'/') { 2 } else { 1 };
    if !b.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
        return false;
    }
    let tag_end = trimmed.find('>').unwrap_or(trimmed.len());
    let tag = &trimmed[..tag_end];
    !tag.contains("://") && !tag.contains('@')
}

fn is_atx_heading(trimmed: &str) -> bool {
    let hashes = trimmed.bytes().take_while(|&b| b == b'#').count();
    (1..=6).contains(&hashes)
        && trimmed[hashes..]
            .chars()
            .next()
            .is_none_or(|c| c == ' ' || c == '\t')
}

/// Where the words of a heading that states a cause start ("## Root cause:
/// the on-call", "### Trigger: Omar's migration"): such a heading is a
/// finding, not a title. Other headings are not linted.
fn cause_heading_text(trimmed: &str) -> Option<usize> {
    let hashes = trimmed.bytes().take_while(|&b| b == b'#').count();
    let body = &trimmed[hashes..];
    let colon = body.find(':')?;
    let label = body[..colon].trim().to_ascii_lowercase();
    let cause = ["cause", "causes", "trigger", "culprit", "reason", "why"]
        .iter()
        .any(|w| label == *w || label.ends_with(&format!(" {w}")));
    let said = body[colon + 1..].chars().any(char::is_alphabetic);
    (cause && said).then(|| hashes + (body.len() - body.trim_start().len()))
}

fn is_setext_underline(trimmed: &str) -> bool {
    let t = trimmed.trim_end();
    !t.is_empty() && (t.bytes().all(|b| b == b'=') || t.bytes().all(|b| b == b'-'))
}

fn is_thematic_break(trimmed: &str) -> bool {
    let mut marker = None;
    let mut count = 0;
    for b in trimmed.bytes() {
        match b {
            b' ' | b'\t' => {}
            b'-' | b'*' | b'_' => {
                if marker.is_some_and(|m| m != b) {
                    return false;
                }
                marker = Some(b);
                count += 1;
            }
            _ => return false,
        }
    }
    count >= 3
}

fn is_reference_definition(trimmed: &str) -> bool {
    trimmed.starts_with('[')
        && trimmed
            .find("]:")
            .is_some_and(|i| !trimmed[1..i].contains(']'))
}

fn is_table_delimiter(trimmed: &str) -> bool {
    trimmed.contains('-')
        && trimmed.contains('|')
        && trimmed
            .bytes()
            .all(|b| matches!(b, b'|' | b'-' | b':' | b' ' | b'\t'))
}

/// Length of a list marker (and a task box after it) at the start of
/// `trimmed`, including the space that follows.
fn list_marker_len(trimmed: &str) -> Option<usize> {
    let bytes = trimmed.as_bytes();
    let after = match bytes.first()? {
        b'-' | b'*' | b'+' => 1,
        b'0'..=b'9' => {
            let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
            if digits > 9 || !matches!(bytes.get(digits), Some(b'.' | b')')) {
                return None;
            }
            digits + 1
        }
        _ => return None,
    };
    match bytes.get(after) {
        None => Some(after),
        Some(b' ' | b'\t') => {
            let mut len = after + 1;
            let rest = &trimmed[len..];
            for task in ["[ ] ", "[x] ", "[X] "] {
                if rest.starts_with(task) {
                    len += task.len();
                }
            }
            Some(len)
        }
        _ => None,
    }
}

/// Severity words that mark a line of log output.
const LOG_LEVELS: [&str; 11] = [
    "TRACE", "DEBUG", "INFO", "NOTICE", "WARN", "WARNING", "ERROR", "ERR", "FATAL", "CRITICAL",
    "PANIC",
];

/// Whether a line looks like pasted log output rather than prose: an ISO
/// timestamp with seconds at the start, a severity word in capitals near the
/// start, or several `key=value` pairs.
pub(crate) fn looks_like_log(line: &str) -> bool {
    let mut cut = line.len().min(48);
    while !line.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &line[..cut];
    if starts_with_iso_timestamp(line.trim_start_matches('[')) {
        return true;
    }
    // Only words in capitals can be a level, so most lines skip the lookup.
    let has_level = head
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 3 && w.bytes().all(|b| b.is_ascii_uppercase()))
        .any(|w| LOG_LEVELS.contains(&w));
    if has_level && (head.contains('[') || head.contains(':') || head.contains('=')) {
        return true;
    }
    // Pairs are counted near the start, where a log line has them: a long
    // paragraph that mentions `offset=8812` and `range=7d` is still prose.
    let mut cut = line.len().min(160);
    while !line.is_char_boundary(cut) {
        cut -= 1;
    }
    let start = &line[..cut];
    if !start.contains('=') {
        return false;
    }
    let pairs = start
        .split_whitespace()
        .filter(|w| {
            w.split_once('=').is_some_and(|(k, v)| {
                !k.is_empty()
                    && !v.is_empty()
                    && k.bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.')
            })
        })
        .count();
    pairs >= 2
}

/// `2024-05-01T10:22:03` or `2024-05-01 10:22:03` (seconds required, so a
/// timeline entry such as `2024-05-01 10:22 UTC` stays prose).
fn starts_with_iso_timestamp(s: &str) -> bool {
    let b = s.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let at = |i: usize, c: u8| b.get(i) == Some(&c);
    (0..4).all(digit)
        && at(4, b'-')
        && digit(5)
        && digit(6)
        && at(7, b'-')
        && digit(8)
        && digit(9)
        && (at(10, b'T') || at(10, b' '))
        && digit(11)
        && digit(12)
        && at(13, b':')
        && digit(14)
        && digit(15)
        && at(16, b':')
        && digit(17)
        && digit(18)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prose(text: &str) -> Vec<&str> {
        scan(text)
            .pieces
            .iter()
            .filter_map(|p| match *p {
                Piece::Prose { start, end } => Some(&text[start..end]),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn code_headings_quotes_and_logs_are_left_out() {
        let text = "# Root cause analysis\n\nDana ran `make deploy` here.\n\n```\nDana broke it\n```\n\n    indented code\n\n> quoted blame\n2024-05-01T10:22:03Z ERROR db down\n[WARN] pool exhausted\n";
        assert_eq!(prose(text), vec!["Dana ran ", " here."]);
    }

    #[test]
    fn a_heading_that_states_a_cause_is_read_as_prose() {
        assert_eq!(
            prose("## Trigger: Olumide's migration\n\nText.\n"),
            vec!["Trigger: Olumide's migration", "Text."]
        );
        assert_eq!(
            prose("### Contributing cause: the night shift\n"),
            vec!["Contributing cause: the night shift"]
        );
        // Titles, and a label with nothing after it, stay headings.
        assert_eq!(
            prose("# Postmortem: checkout outage\n## Root cause analysis\n## Cause:\n"),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn items_under_an_action_heading_are_action_titles() {
        let text = "## Impact\n\n- Not an action\n\n## Action items\n\n- Investigate\n  further\n\n| Action | Owner |\n| --- | --- |\n| Fix it | Sam |\n\n# Timeline\n\n- 14:00 paged\n";
        let items: Vec<&str> = scan(text)
            .action_items
            .iter()
            .map(|&(a, b)| &text[a..b])
            .collect();
        assert_eq!(
            items,
            vec!["Investigate\n  further", " Action ", " Fix it "]
        );
    }

    #[test]
    fn html_blocks_are_left_out() {
        let text = "<div>\nDana broke it.\n</div>\n\nAfter.\n<https://x.test> link";
        assert_eq!(prose(text), vec!["After.", " link"]);
    }

    #[test]
    fn setext_headings_are_left_out() {
        assert_eq!(prose("Root cause\n==========\n\nBody.\n"), vec!["Body."]);
    }

    #[test]
    fn link_destinations_and_urls_are_left_out() {
        let text = "See [the dashboard](https://x.test/careless) and https://y.test/lazy now.";
        assert_eq!(prose(text), vec!["See [the dashboard]", " and ", " now."]);
    }

    #[test]
    fn list_markers_are_not_prose() {
        assert_eq!(
            prose("- [ ] Add a check\n2. Next"),
            vec!["Add a check", "Next"]
        );
    }

    #[test]
    fn ignore_comment_covers_the_next_line() {
        let text = "<!-- afterword-ignore hindsight, judgement -->\nA line.\nB line.\n";
        let s = scan(text);
        assert!(s.suppressions.silences(48, "hindsight"));
        assert!(s.suppressions.silences(48, "judgement"));
        assert!(!s.suppressions.silences(48, "minimizer"));
        assert!(!s.suppressions.silences(56, "hindsight"));
    }

    #[test]
    fn disable_block_runs_until_enable() {
        let text = "<!-- afterword-disable -->\nA.\n<!-- afterword-enable -->\nB.\n";
        let s = scan(text);
        assert!(s.suppressions.silences(27, "minimizer"));
        assert!(!s.suppressions.silences(text.len() - 2, "minimizer"));
    }

    #[test]
    fn timeline_lines_are_prose_not_logs() {
        assert!(!looks_like_log(
            "2024-05-01 10:22 UTC Sam rolled back the deploy"
        ));
        assert!(!looks_like_log("14:05 Sam paged the database team"));
        assert!(looks_like_log("ts=2024 level=error msg=boom"));
        let paragraph = format!(
            "{} The consumer logged offset=88120311 and the dashboard used range=7d.",
            "The queue grew while the consumers restarted. ".repeat(20)
        );
        assert!(!looks_like_log(&paragraph));
    }
}
