//! The customer-facing summary of a postmortem, and the redaction check
//! that runs on it before it leaves.
//!
//! The summary holds only what customers need: the title, what they
//! experienced, when (UTC, with durations), what was done, and what will
//! change (the action items marked public, by kind). Participants, owners,
//! links, ticket ids and evidence are never put in. Free text can still
//! name people or internal systems, so [`redaction_check`] lists every
//! person's name, email address, internal-looking address or host name, IP
//! address, ticket id and blameless-language finding in the outgoing text,
//! with its place. The text the person approves is the file, byte for byte:
//! the HTML version is rendered from that same Markdown.

use chrono::{DateTime, Utc};
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde::Serialize;

use crate::export::markdown::{escape_block, escape_inline};
use crate::lint::{lint_text, LintConfig};
use crate::metrics;
use crate::model::{ActionKind, Postmortem};

/// The summary as Markdown, ready for the person to review and edit.
pub fn public_markdown(doc: &Postmortem) -> String {
    let mut blocks = vec![format!("# {}", escape_inline(doc.display_title(), true))];
    let experienced = if doc.impact.description.trim().is_empty() {
        &doc.summary
    } else {
        &doc.impact.description
    };
    if !experienced.trim().is_empty() {
        blocks.push(format!(
            "## What customers experienced\n\n{}",
            escape_block(experienced)
        ));
    }
    let when = when_lines(doc);
    if !when.is_empty() {
        blocks.push(format!("## When\n\n{}", when.join("\n")));
    }
    if !doc.analysis.resolution.trim().is_empty() {
        blocks.push(format!(
            "## What we did\n\n{}",
            escape_block(&doc.analysis.resolution)
        ));
    }
    let mut change = Vec::new();
    let kinds: Vec<Option<ActionKind>> = ActionKind::ALL
        .iter()
        .map(|k| Some(*k))
        .chain([None])
        .collect();
    for kind in kinds {
        let items: Vec<String> = doc
            .action_items
            .iter()
            .filter(|a| a.public && a.kind == kind && !a.title.trim().is_empty())
            .map(|a| format!("- {}", escape_inline(a.title.trim(), false)))
            .collect();
        if !items.is_empty() {
            let heading = kind.map(public_kind_label).unwrap_or("Other improvements");
            change.push(format!("### {heading}\n\n{}", items.join("\n")));
        }
    }
    if !change.is_empty() {
        blocks.push(format!("## What will change\n\n{}", change.join("\n\n")));
    }
    let mut out = blocks.join("\n\n");
    out.push('\n');
    out
}

fn public_kind_label(kind: ActionKind) -> &'static str {
    match kind {
        ActionKind::Prevent => "Preventing it from happening again",
        ActionKind::Detect => "Noticing problems sooner",
        ActionKind::Mitigate => "Limiting the impact",
        ActionKind::Process => "How we work",
        ActionKind::Documentation => "Documentation",
    }
}

fn utc(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%d %H:%M UTC").to_string()
}

fn when_lines(doc: &Postmortem) -> Vec<String> {
    let t = &doc.times;
    let mut lines = Vec::new();
    for (label, at) in [
        ("Began", t.started),
        ("Noticed", t.detected),
        ("Impact reduced", t.mitigated),
        ("Resolved", t.resolved),
    ] {
        if let Some(at) = at {
            lines.push(format!("- {label}: {}", utc(at)));
        }
    }
    if let Some(m) = doc.impact.user_visible_minutes {
        lines.push(format!(
            "- Customers were affected for {}",
            metrics::format_duration(chrono::Duration::minutes(
                m.min(i64::MAX as u64 / 120) as i64
            ))
        ));
    } else if let (Some(s), Some(r)) = (t.started, t.resolved) {
        if r >= s {
            lines.push(format!("- Duration: {}", metrics::format_duration(r - s)));
        }
    }
    lines
}

/// The summary's Markdown as a standalone HTML page. Only the structure a
/// summary uses is rendered; any HTML in the text is shown as text, and
/// only web and mail addresses become links.
pub fn public_html(markdown: &str) -> String {
    let mut body = String::new();
    let mut title = String::new();
    let mut in_h1 = false;
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_STRIKETHROUGH);
    let mut link_open: Vec<bool> = Vec::new();
    for event in Parser::new_ext(markdown, opts) {
        match event {
            Event::Start(tag) => match tag {
                Tag::Heading { level, .. } => {
                    in_h1 = level == HeadingLevel::H1;
                    body.push_str(&format!("<{}>", heading_tag(level)));
                }
                Tag::Paragraph => body.push_str("<p>"),
                Tag::List(Some(_)) => body.push_str("<ol>\n"),
                Tag::List(None) => body.push_str("<ul>\n"),
                Tag::Item => body.push_str("<li>"),
                Tag::Emphasis => body.push_str("<em>"),
                Tag::Strong => body.push_str("<strong>"),
                Tag::Strikethrough => body.push_str("<del>"),
                Tag::BlockQuote(_) => body.push_str("<blockquote>\n"),
                Tag::CodeBlock(_) => body.push_str("<pre><code>"),
                Tag::Table(_) => body.push_str("<table>\n"),
                Tag::TableHead => body.push_str("<thead><tr>"),
                Tag::TableRow => body.push_str("<tr>"),
                Tag::TableCell => body.push_str("<td>"),
                Tag::Link { dest_url, .. } => {
                    let safe = is_web_or_mail(&dest_url);
                    if safe {
                        body.push_str(&format!("<a href=\"{}\">", escape_html(&dest_url)));
                    }
                    link_open.push(safe);
                }
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::Heading(level) => {
                    in_h1 = false;
                    body.push_str(&format!("</{}>\n", heading_tag(level)));
                }
                TagEnd::Paragraph => body.push_str("</p>\n"),
                TagEnd::List(true) => body.push_str("</ol>\n"),
                TagEnd::List(false) => body.push_str("</ul>\n"),
                TagEnd::Item => body.push_str("</li>\n"),
                TagEnd::Emphasis => body.push_str("</em>"),
                TagEnd::Strong => body.push_str("</strong>"),
                TagEnd::Strikethrough => body.push_str("</del>"),
                TagEnd::BlockQuote(_) => body.push_str("</blockquote>\n"),
                TagEnd::CodeBlock => body.push_str("</code></pre>\n"),
                TagEnd::Table => body.push_str("</table>\n"),
                TagEnd::TableHead => body.push_str("</tr></thead>\n"),
                TagEnd::TableRow => body.push_str("</tr>\n"),
                TagEnd::TableCell => body.push_str("</td>"),
                TagEnd::Link => {
                    let was_link = link_open.pop() == Some(true);
                    body.push_str(if was_link { "</a>" } else { "" });
                }
                _ => {}
            },
            Event::Text(t) | Event::Code(t) => {
                if in_h1 {
                    title.push_str(&t);
                }
                body.push_str(&escape_html(&t));
            }
            Event::InlineHtml(h) if h.trim().eq_ignore_ascii_case("<br>") => {
                body.push_str("<br>\n")
            }
            Event::Html(h) | Event::InlineHtml(h) => {
                if in_h1 {
                    title.push_str(&h);
                }
                body.push_str(&escape_html(&h));
            }
            Event::SoftBreak => body.push('\n'),
            Event::HardBreak => body.push_str("<br>\n"),
            Event::Rule => body.push_str("<hr>\n"),
            _ => {}
        }
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n</head>\n<body>\n{body}</body>\n</html>\n",
        escape_html(title.trim())
    )
}

fn heading_tag(level: HeadingLevel) -> &'static str {
    match level {
        HeadingLevel::H1 => "h1",
        HeadingLevel::H2 => "h2",
        HeadingLevel::H3 => "h3",
        HeadingLevel::H4 => "h4",
        HeadingLevel::H5 => "h5",
        HeadingLevel::H6 => "h6",
    }
}

fn is_web_or_mail(url: &str) -> bool {
    let l = url.to_ascii_lowercase();
    ["https://", "http://", "mailto:"]
        .iter()
        .any(|p| l.starts_with(p))
}

fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

// ---------- the redaction check ----------

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RedactionKind {
    Person,
    Email,
    InternalAddress,
    IpAddress,
    TicketId,
    Blameless,
}

impl RedactionKind {
    pub fn label(self) -> &'static str {
        match self {
            RedactionKind::Person => "Person's name",
            RedactionKind::Email => "Email address",
            RedactionKind::InternalAddress => "Internal address or host name",
            RedactionKind::IpAddress => "IP address",
            RedactionKind::TicketId => "Ticket id",
            RedactionKind::Blameless => "Blameless language",
        }
    }
}

/// Something in the outgoing text a reviewer should look at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Redaction {
    pub kind: RedactionKind,
    /// Byte range in the text.
    pub start: usize,
    pub end: usize,
    /// 1-based line and column (in characters).
    pub line: usize,
    pub column: usize,
    pub text: String,
    pub why: String,
    /// A replacement to offer; empty means "remove it".
    pub suggestion: String,
}

impl Redaction {
    /// What stays the same across edits elsewhere: accepting a finding is
    /// remembered by this, not by its position.
    pub fn fingerprint(&self) -> String {
        format!("{:?}:{}", self.kind, self.text)
    }
}

/// Names of the people a document knows: participants, the owner,
/// reviewers, action-item owners and whoever changed its status.
pub fn known_people(doc: &Postmortem) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let mut add = |n: &str| {
        let n = n.trim().trim_start_matches('@').trim();
        if n.chars().count() >= 2 && !names.iter().any(|m| m == n) {
            names.push(n.to_owned());
        }
    };
    for p in &doc.participants {
        add(&p.name);
    }
    add(&doc.owner);
    for r in &doc.reviewers {
        add(r);
    }
    for a in &doc.action_items {
        add(&a.owner);
    }
    for h in &doc.workflow.history {
        add(&h.by);
    }
    names
}

/// People named in `text`: everyone the blameless checker recognises as a
/// person (the document's people, shipped name lists, context), plus the
/// document's people wherever they appear, headings included (the checker
/// leaves headings alone, and a summary's title is one).
pub fn people_in(text: &str, known: &[String]) -> Vec<(usize, usize, String)> {
    let mut out: Vec<(usize, usize, String)> = crate::lint::people_mentioned(text, known)
        .into_iter()
        .map(|(span, name)| (span.offset, span.end, name))
        .collect();
    for (s, e, name) in known_names_in(text, known) {
        if !out.iter().any(|(a, b, _)| *a < e && s < *b) {
            out.push((s, e, name));
        }
    }
    out.sort();
    out
}

/// Every place in `text` that names one of `known` (a full name, or a
/// capitalised part of one such as a first name), as byte ranges.
fn known_names_in(text: &str, known: &[String]) -> Vec<(usize, usize, String)> {
    let mut out: Vec<(usize, usize, String)> = Vec::new();
    let lower = text.to_lowercase();
    // Lowercasing can change byte lengths; only search when it does not.
    let same = lower.len() == text.len();
    for name in known {
        let full = name.to_lowercase();
        if same && !full.is_empty() {
            for (p, _) in lower.match_indices(&full) {
                if word_bounded(text, p, p + full.len()) {
                    out.push((p, p + full.len(), name.clone()));
                }
            }
        }
        for part in name.split(|c: char| c.is_whitespace() || c == ',') {
            let part = part.trim_matches(|c: char| !c.is_alphanumeric());
            if part.chars().count() < 3 || part.eq_ignore_ascii_case(name) {
                continue;
            }
            for (p, _) in text.match_indices(part) {
                let end = p + part.len();
                let capitalised = text[p..].chars().next().is_some_and(char::is_uppercase);
                if capitalised
                    && word_bounded(text, p, end)
                    && !out.iter().any(|(s, e, _)| *s <= p && end <= *e)
                {
                    out.push((p, end, name.clone()));
                }
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

fn word_bounded(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(|c| c.is_alphanumeric() || c == '_')
        && !after.is_some_and(|c| c.is_alphanumeric() || c == '_')
}

/// Everything in `text` that may not belong in a public summary of `doc`.
pub fn redaction_check(text: &str, doc: &Postmortem) -> Vec<Redaction> {
    let mut raw: Vec<(RedactionKind, usize, usize, String, String)> = Vec::new();
    let people = known_people(doc);
    for (s, e, name) in people_in(text, &people) {
        raw.push((
            RedactionKind::Person,
            s,
            e,
            format!("names a person ({name}); customers need what happened, not who"),
            "our team".to_owned(),
        ));
    }
    for (s, e) in emails(text) {
        raw.push((
            RedactionKind::Email,
            s,
            e,
            "an email address; point customers to your public support channel instead".into(),
            String::new(),
        ));
    }
    for (s, e, kind, why) in addresses(text) {
        raw.push((kind, s, e, why, String::new()));
    }
    for (s, e) in ticket_ids(text) {
        raw.push((
            RedactionKind::TicketId,
            s,
            e,
            "an internal ticket id; it means nothing outside the team".into(),
            String::new(),
        ));
    }
    let cfg = LintConfig {
        participants: people.clone(),
        ..LintConfig::default()
    };
    for f in lint_text(text, &cfg) {
        raw.push((
            RedactionKind::Blameless,
            f.span.offset,
            f.span.end,
            f.message.clone(),
            f.suggestions.first().cloned().unwrap_or_default(),
        ));
    }
    raw.sort_by_key(|(k, s, e, _, _)| (*s, *e, *k));
    raw.dedup_by_key(|(k, s, e, _, _)| (*k, *s, *e));
    raw.into_iter()
        .filter(|(_, s, e, _, _)| s < e && text.get(*s..*e).is_some())
        .map(|(kind, start, end, why, suggestion)| {
            let (line, column) = line_col(text, start);
            Redaction {
                kind,
                start,
                end,
                line,
                column,
                text: text[start..end].to_owned(),
                why,
                suggestion,
            }
        })
        .collect()
}

/// The text with one finding replaced (by its suggestion or anything else).
pub fn replace(text: &str, r: &Redaction, with: &str) -> String {
    match (text.get(..r.start), text.get(r.end..)) {
        (Some(a), Some(b)) if text.get(r.start..r.end) == Some(r.text.as_str()) => {
            format!("{a}{with}{b}")
        }
        _ => text.to_owned(),
    }
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or("");
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, col)
}

/// Tokens: runs of characters that are not spaces or brackets, with their
/// byte ranges, trailing punctuation trimmed.
fn tokens(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let is_sep = |c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '(' | ')' | '<' | '>' | '[' | ']' | '"' | '\'' | '`' | '|' | '*'
            )
    };
    for (i, c) in text.char_indices() {
        if is_sep(c) {
            if let Some(s) = start.take() {
                out.push((s, i));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out.into_iter()
        .filter_map(|(s, e)| {
            let t = text[s..e].trim_end_matches(['.', ',', ';', ':', '!', '?']);
            let e = s + t.len();
            (e > s).then_some((s, e))
        })
        .collect()
}

fn emails(text: &str) -> Vec<(usize, usize)> {
    tokens(text)
        .into_iter()
        .filter(|(s, e)| {
            let t = text[*s..*e].trim_start_matches("mailto:");
            let Some((local, domain)) = t.split_once('@') else {
                return false;
            };
            !local.is_empty()
                && local
                    .chars()
                    .all(|c| c.is_alphanumeric() || "._%+-".contains(c))
                && domain.contains('.')
                && domain
                    .split('.')
                    .all(|l| !l.is_empty() && l.chars().all(|c| c.is_alphanumeric() || c == '-'))
        })
        .collect()
}

const INTERNAL_SUFFIXES: &[&str] = &[
    ".internal",
    ".local",
    ".lan",
    ".corp",
    ".intra",
    ".intranet",
    ".localdomain",
    ".home.arpa",
    ".private",
    ".svc",
    ".cluster.local",
];

const INTERNAL_LABELS: &[&str] = &[
    "intranet",
    "internal",
    "corp",
    "wiki",
    "jira",
    "confluence",
    "grafana",
    "kibana",
    "jenkins",
    "gitlab",
    "git",
    "admin",
    "vpn",
    "prometheus",
    "splunk",
    "sentry",
    "staging",
    "stage",
    "dev",
    "prod",
    "int",
    "ops",
    "k8s",
    "db",
];

fn internal_host(host: &str) -> bool {
    let h = host.to_ascii_lowercase();
    let h = h.split(':').next().unwrap_or("");
    if h.is_empty() {
        return false;
    }
    if !h.contains('.') || h == "localhost" {
        return true;
    }
    if INTERNAL_SUFFIXES.iter().any(|s| h.ends_with(s)) {
        return true;
    }
    let labels: Vec<&str> = h.split('.').collect();
    labels[..labels.len().saturating_sub(2)]
        .iter()
        .any(|l| INTERNAL_LABELS.contains(l) || l.split('-').any(|p| INTERNAL_LABELS.contains(&p)))
}

fn addresses(text: &str) -> Vec<(usize, usize, RedactionKind, String)> {
    let mut out = Vec::new();
    for (s, e) in tokens(text) {
        let t = &text[s..e];
        let lower = t.to_ascii_lowercase();
        if let Some(rest) = lower
            .strip_prefix("https://")
            .or_else(|| lower.strip_prefix("http://"))
        {
            let host = rest.split(['/', '?', '#']).next().unwrap_or("");
            let host = host.rsplit('@').next().unwrap_or(host);
            if host_is_ip(host) {
                out.push((
                    s,
                    e,
                    RedactionKind::IpAddress,
                    "an address by IP; it shows your network layout".into(),
                ));
            } else if internal_host(host) {
                out.push((
                    s,
                    e,
                    RedactionKind::InternalAddress,
                    "an internal address; customers cannot open it and it shows your systems"
                        .into(),
                ));
            }
            continue;
        }
        if t.contains('@') {
            continue;
        }
        let bare = t.trim_matches(|c: char| !c.is_alphanumeric() && c != ':' && c != '.');
        if host_is_ip(bare) {
            let off = s + t.find(bare).unwrap_or(0);
            out.push((
                off,
                off + bare.len(),
                RedactionKind::IpAddress,
                "an IP address; it shows your network layout".into(),
            ));
            continue;
        }
        let hostlike = bare.contains('.')
            && bare.split('.').count() >= 2
            && bare
                .split('.')
                .all(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
            && bare.chars().any(|c| c.is_ascii_alphabetic());
        let numbered_host = !bare.contains('.')
            && bare.contains('-')
            && bare.chars().next().is_some_and(|c| c.is_ascii_lowercase())
            && bare.chars().last().is_some_and(|c| c.is_ascii_digit())
            && bare
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if (hostlike
            && (internal_host(bare) && bare.split('.').count() >= 2 && has_internal_marker(bare)))
            || numbered_host
        {
            let off = s + t.find(bare).unwrap_or(0);
            out.push((
                off,
                off + bare.len(),
                RedactionKind::InternalAddress,
                "looks like an internal host name".into(),
            ));
        }
    }
    out
}

/// A dotted name counts as an internal host only when something marks it
/// as one, so ordinary domain names and words like "e.g." pass.
fn has_internal_marker(host: &str) -> bool {
    let h = host.to_ascii_lowercase();
    INTERNAL_SUFFIXES.iter().any(|s| h.ends_with(s))
        || (h.split('.').count() >= 3
            && h.split('.')
                .any(|l| INTERNAL_LABELS.contains(&l) || l.chars().any(|c| c.is_ascii_digit())))
}

fn host_is_ip(s: &str) -> bool {
    let s = s.trim_start_matches('[');
    let s = s.split(']').next().unwrap_or(s);
    if s.parse::<std::net::Ipv4Addr>().is_ok() {
        return true;
    }
    let v4_port = s.rsplit_once(':').is_some_and(|(a, p)| {
        a.parse::<std::net::Ipv4Addr>().is_ok() && p.chars().all(|c| c.is_ascii_digit())
    });
    v4_port || (s.matches(':').count() >= 2 && s.parse::<std::net::Ipv6Addr>().is_ok())
}

fn ticket_ids(text: &str) -> Vec<(usize, usize)> {
    const NOT_TICKETS: &[&str] = &[
        "SEV", "UTF", "ISO", "SHA", "COVID", "RFC", "UTC", "GMT", "TLS", "MD", "IPV",
    ];
    let mut out = Vec::new();
    for (s, e) in tokens(text) {
        let t = &text[s..e];
        let jira = t.split_once('-').is_some_and(|(p, n)| {
            p.len() >= 2
                && p.len() <= 10
                && p.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                && p.chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
                && !NOT_TICKETS.contains(&p)
                && !n.is_empty()
                && n.chars().all(|c| c.is_ascii_digit())
        });
        let hash = t
            .strip_prefix('#')
            .is_some_and(|n| n.len() >= 3 && n.chars().all(|c| c.is_ascii_digit()));
        let letters = t.chars().take_while(|c| c.is_ascii_uppercase()).count();
        let servicenow = (2..=5).contains(&letters)
            && t.len() - letters >= 5
            && t[letters..].chars().all(|c| c.is_ascii_digit());
        if jira || hash || servicenow {
            out.push((s, e));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActionItem, ActionStatus, Participant, Role};

    fn doc() -> Postmortem {
        let mut d = Postmortem::new(
            "pm-1".into(),
            DateTime::from_timestamp(1_700_000_000, 0).unwrap_or_default(),
        );
        d.title = "Checkout errors".into();
        d.owner = "Dana Ortiz".into();
        d.participants.push(Participant {
            id: "p1".into(),
            name: "Sam Lee".into(),
            role: Role::Responder,
            extra: Default::default(),
        });
        d.impact.description = "Checkout failed for some customers.".into();
        d.analysis.resolution = "We rolled back the release.".into();
        for (i, (title, public, kind)) in [
            ("Add a canary stage", true, Some(ActionKind::Prevent)),
            ("Page Dana on errors", false, Some(ActionKind::Detect)),
        ]
        .into_iter()
        .enumerate()
        {
            d.action_items.push(ActionItem {
                id: format!("a{i}"),
                title: title.into(),
                owner: "Sam Lee".into(),
                due: None,
                status: ActionStatus::Open,
                kind,
                priority: None,
                ticket: "OPS-12".into(),
                needs_discussion: false,
                public,
                extra: Default::default(),
            });
        }
        d
    }

    #[test]
    fn summary_holds_only_public_items_and_no_people() {
        let md = public_markdown(&doc());
        assert!(md.contains("Add a canary stage"));
        assert!(!md.contains("Page Dana"));
        assert!(!md.contains("Sam"));
        assert!(!md.contains("OPS-12"));
        assert!(redaction_check(&md, &doc()).is_empty(), "{md}");
    }

    #[test]
    fn the_check_finds_what_should_not_leave() {
        let text = "Dana and sam.lee@example.com looked at https://grafana.corp.example.com/d/1 and db-primary-03, 10.2.3.4 and fe80::1; see OPS-123 and INC0012345. Status at https://status.example.com. Sam simply restarted it. SEV-1 at 14:02:33 UTC.";
        let found = redaction_check(text, &doc());
        let kinds: Vec<(RedactionKind, &str)> =
            found.iter().map(|r| (r.kind, r.text.as_str())).collect();
        for want in [
            (RedactionKind::Person, "Dana"),
            (RedactionKind::Email, "sam.lee@example.com"),
            (
                RedactionKind::InternalAddress,
                "https://grafana.corp.example.com/d/1",
            ),
            (RedactionKind::InternalAddress, "db-primary-03"),
            (RedactionKind::IpAddress, "10.2.3.4"),
            (RedactionKind::IpAddress, "fe80::1"),
            (RedactionKind::TicketId, "OPS-123"),
            (RedactionKind::TicketId, "INC0012345"),
            (RedactionKind::Person, "Sam"),
            (RedactionKind::Blameless, "simply restarted"),
        ] {
            assert!(kinds.contains(&want), "missing {want:?} in {kinds:?}");
        }
        assert!(!kinds.iter().any(|(_, t)| t.contains("status.example.com")));
        assert!(!kinds
            .iter()
            .any(|(_, t)| *t == "SEV-1" || t.contains("14:02")));
        let dana = found.iter().find(|r| r.text == "Dana").unwrap();
        assert_eq!((dana.line, dana.column), (1, 1));
    }

    #[test]
    fn html_is_rendered_from_the_same_text_and_never_live() {
        let html = public_html("# T <b>\n\nA <script>x</script> [ok](https://status.example.com) [no](javascript:alert(1))\n");
        assert!(html.contains("<title>T &lt;b&gt;</title>"));
        assert!(html.contains("&lt;script&gt;"));
        assert!(html.contains("<a href=\"https://status.example.com\">ok</a>"));
        assert!(!html.contains("javascript:"));
    }

    #[test]
    fn people_the_document_does_not_list_are_found_too() {
        let text = "# Dana's outage\n\nAisha Bello paged the database team.";
        let found: Vec<String> = redaction_check(text, &doc())
            .into_iter()
            .filter(|r| r.kind == RedactionKind::Person)
            .map(|r| r.text)
            .collect();
        assert_eq!(found, vec!["Dana", "Aisha Bello"]);
    }

    #[test]
    fn replace_changes_only_the_finding() {
        let text = "Dana restarted it";
        let r = &redaction_check(text, &doc())[0];
        assert_eq!(replace(text, r, "our team"), "our team restarted it");
    }
}
