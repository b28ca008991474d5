//! The messages of an incident channel, from a chat export, as candidate
//! timeline events.
//!
//! Read: Slack exports (a channel folder's day files, each a JSON array of
//! messages with `ts`, `user`/`user_profile`, `text`; `users.json` names the
//! user ids), Mattermost bulk exports (JSON Lines with `post` and
//! `direct_post` entries, replies included), Microsoft Teams messages as the
//! Graph API returns them (`createdDateTime`, `from`, `body`, in a `value`
//! list or a bare array) and plain text logs (the timeline paste rules).
//!
//! Chat markup becomes plain, readable text: Slack's `<@U123>`,
//! `<https://…|label>`, `<!here>` and `:emoji:` names, Teams' HTML bodies.
//! The result is only ever text; the app shows it as text.

use std::collections::BTreeMap;
use std::fmt;

use chrono::{DateTime, Utc};
use serde_json::Value;

use crate::model::{Id, TimelineEvent};
use crate::timeline_paste::{guess_kind, parse_timeline, PasteContext};

/// Largest export read, all files together: a busy channel's year of day
/// files fits well within it.
pub const MAX_CHAT_BYTES: usize = 32 * 1024 * 1024;

/// One file of an export: its name (for messages and format hints) and text.
#[derive(Debug, Clone, PartialEq)]
pub struct ChatFile {
    pub name: String,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChatFormat {
    Slack,
    Mattermost,
    Teams,
    PlainText,
}

impl ChatFormat {
    pub fn label(self) -> &'static str {
        match self {
            ChatFormat::Slack => "Slack export",
            ChatFormat::Mattermost => "Mattermost bulk export",
            ChatFormat::Teams => "Microsoft Teams messages",
            ChatFormat::PlainText => "Plain text log",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ChatMessage {
    pub at: DateTime<Utc>,
    /// Display name when the export has one, else the user name or id.
    pub author: String,
    /// Readable plain text.
    pub text: String,
    /// Pinned or starred (Slack), pinned or flagged (Mattermost), marked
    /// important (Teams).
    pub starred: bool,
    /// Where it came from: `file:line` or `file, message N`.
    pub place: String,
}

/// Something in the export that was not read as a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChatNote {
    pub place: String,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ChatExport {
    pub format: ChatFormat,
    /// Oldest first.
    pub messages: Vec<ChatMessage>,
    pub notes: Vec<ChatNote>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ChatImportError {
    TooLarge { bytes: usize, limit: usize },
    Empty,
    Binary { file: String },
    Mixed,
}

impl fmt::Display for ChatImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ChatImportError::TooLarge { bytes, limit } => write!(
                f,
                "the export is {:.1} MB; Afterword reads chat exports of at most {} MB (choose the day files of the incident only)",
                *bytes as f64 / (1024.0 * 1024.0),
                limit / (1024 * 1024)
            ),
            ChatImportError::Empty => write!(f, "no messages were found in the file"),
            ChatImportError::Binary { file } => write!(
                f,
                "{file} is not text; choose the .json, .jsonl or .txt files of the export"
            ),
            ChatImportError::Mixed => write!(
                f,
                "the files come from different chat tools; import one export at a time"
            ),
        }
    }
}

impl std::error::Error for ChatImportError {}

/// Reads an export. `ctx` applies to plain text logs (their date and zone).
pub fn read_chat(files: &[ChatFile], ctx: PasteContext) -> Result<ChatExport, ChatImportError> {
    let total: usize = files.iter().map(|f| f.text.len()).sum();
    if total > MAX_CHAT_BYTES {
        return Err(ChatImportError::TooLarge {
            bytes: total,
            limit: MAX_CHAT_BYTES,
        });
    }
    let mut users: BTreeMap<String, String> = BTreeMap::new();
    let mut parsed: Vec<(&ChatFile, Parsed)> = Vec::new();
    for file in files {
        if file.text.contains('\0') {
            return Err(ChatImportError::Binary {
                file: file.name.clone(),
            });
        }
        let p = classify(file);
        if let Parsed::SlackUsers(map) = &p {
            users.extend(map.clone());
        }
        parsed.push((file, p));
    }
    let mut format: Option<ChatFormat> = None;
    let mut messages = Vec::new();
    let mut notes = Vec::new();
    for (file, p) in parsed {
        let this = match &p {
            Parsed::Slack(_) => ChatFormat::Slack,
            Parsed::Teams(_) => ChatFormat::Teams,
            Parsed::Mattermost => ChatFormat::Mattermost,
            Parsed::Plain => ChatFormat::PlainText,
            Parsed::SlackUsers(_) | Parsed::Skipped(_) => {
                if let Parsed::Skipped(why) = &p {
                    notes.push(ChatNote {
                        place: file.name.clone(),
                        message: why.clone(),
                    });
                }
                continue;
            }
        };
        match format {
            Some(f) if f != this => return Err(ChatImportError::Mixed),
            _ => format = Some(this),
        }
        match p {
            Parsed::Slack(list) => slack(file, &list, &users, &mut messages, &mut notes),
            Parsed::Teams(list) => teams(file, &list, &mut messages, &mut notes),
            Parsed::Mattermost => mattermost(file, &mut messages, &mut notes),
            Parsed::Plain => plain(file, ctx, &mut messages, &mut notes),
            Parsed::SlackUsers(_) | Parsed::Skipped(_) => {}
        }
    }
    let Some(format) = format else {
        return Err(ChatImportError::Empty);
    };
    if messages.is_empty() {
        return Err(ChatImportError::Empty);
    }
    messages.sort_by_key(|m| m.at);
    Ok(ChatExport {
        format,
        messages,
        notes,
    })
}

enum Parsed {
    Slack(Vec<Value>),
    SlackUsers(BTreeMap<String, String>),
    Teams(Vec<Value>),
    Mattermost,
    Plain,
    Skipped(String),
}

fn classify(file: &ChatFile) -> Parsed {
    let text = file.text.trim_start_matches('\u{feff}');
    let trimmed = text.trim_start();
    if trimmed.starts_with('[') || trimmed.starts_with('{') {
        match serde_json::from_str::<Value>(text) {
            Ok(Value::Array(list)) => return classify_array(list),
            Ok(Value::Object(mut obj)) => {
                if let Some(Value::Array(list)) = obj.remove("value") {
                    return Parsed::Teams(list);
                }
                if obj.contains_key("type") {
                    return Parsed::Mattermost;
                }
                return Parsed::Skipped("a JSON object that is not a list of messages".into());
            }
            Ok(_) => return Parsed::Skipped("JSON that is not a list of messages".into()),
            Err(_) => {
                // JSON Lines: one object per line.
                let first = trimmed.lines().next().unwrap_or("");
                if serde_json::from_str::<Value>(first)
                    .ok()
                    .is_some_and(|v| v.get("type").is_some())
                {
                    return Parsed::Mattermost;
                }
            }
        }
    }
    Parsed::Plain
}

fn classify_array(list: Vec<Value>) -> Parsed {
    let first = list.iter().find(|v| v.is_object());
    let Some(first) = first else {
        return if list.is_empty() {
            Parsed::Slack(list)
        } else {
            Parsed::Skipped("a JSON list that holds no messages".into())
        };
    };
    if first.get("ts").is_some() {
        return Parsed::Slack(list);
    }
    if first.get("createdDateTime").is_some() {
        return Parsed::Teams(list);
    }
    if first.get("id").is_some()
        && (first.get("real_name").is_some() || first.get("profile").is_some())
    {
        let mut map = BTreeMap::new();
        for u in &list {
            let Some(id) = u.get("id").and_then(Value::as_str) else {
                continue;
            };
            let name = [
                u.pointer("/profile/display_name"),
                u.pointer("/profile/real_name"),
                u.get("real_name"),
                u.get("name"),
            ]
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .find(|s| !s.trim().is_empty());
            if let Some(name) = name {
                map.insert(id.to_owned(), name.to_owned());
            }
        }
        return Parsed::SlackUsers(map);
    }
    Parsed::Skipped("not messages (channel or user lists are not needed)".into())
}

fn str_at<'a>(v: &'a Value, pointer: &str) -> Option<&'a str> {
    v.pointer(pointer)
        .and_then(Value::as_str)
        .filter(|s| !s.trim().is_empty())
}

fn slack(
    file: &ChatFile,
    list: &[Value],
    users: &BTreeMap<String, String>,
    out: &mut Vec<ChatMessage>,
    notes: &mut Vec<ChatNote>,
) {
    let mut skipped_events = 0usize;
    for (i, m) in list.iter().enumerate() {
        let place = format!("{}, message {}", file.name, i + 1);
        let subtype = str_at(m, "/subtype").unwrap_or("");
        if matches!(
            subtype,
            "channel_join" | "channel_leave" | "channel_topic" | "channel_purpose" | "bot_add"
        ) {
            skipped_events += 1;
            continue;
        }
        let Some(at) = m.get("ts").and_then(slack_ts) else {
            notes.push(ChatNote {
                place,
                message: "no readable time (`ts`); not listed".into(),
            });
            continue;
        };
        let user = str_at(m, "/user");
        let author = str_at(m, "/user_profile/display_name")
            .or_else(|| str_at(m, "/user_profile/real_name"))
            .or_else(|| user.and_then(|u| users.get(u).map(String::as_str)))
            .or_else(|| str_at(m, "/username"))
            .or_else(|| str_at(m, "/bot_profile/name"))
            .or(user)
            .unwrap_or("(unknown)")
            .to_owned();
        let mut text = slack_text(str_at(m, "/text").unwrap_or(""), users);
        if let Some(files) = m.get("files").and_then(Value::as_array) {
            for f in files {
                if let Some(name) = str_at(f, "/name").or_else(|| str_at(f, "/title")) {
                    push_line(&mut text, &format!("(file: {name})"));
                }
            }
        }
        let starred = m
            .get("pinned_to")
            .is_some_and(|p| p.as_array().is_some_and(|a| !a.is_empty()))
            || m.get("is_starred").and_then(Value::as_bool) == Some(true)
            || m.get("pinned_info").is_some();
        out.push(ChatMessage {
            at,
            author,
            text,
            starred,
            place,
        });
    }
    if skipped_events > 0 {
        notes.push(ChatNote {
            place: file.name.clone(),
            message: format!("{skipped_events} channel events (joins, topic changes) are not messages; not listed"),
        });
    }
}

/// Slack's `ts`: seconds since 1970 and a fraction that also keeps
/// messages apart; the timeline keeps whole seconds.
fn slack_ts(v: &Value) -> Option<DateTime<Utc>> {
    let s = match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        _ => return None,
    };
    let (secs, frac) = s.split_once('.').unwrap_or((&s, "0"));
    if !frac.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    DateTime::from_timestamp(secs.parse().ok()?, 0)
}

fn push_line(text: &mut String, line: &str) {
    if !text.is_empty() {
        text.push('\n');
    }
    text.push_str(line);
}

/// Slack's message markup as plain text.
pub fn slack_text(raw: &str, users: &BTreeMap<String, String>) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('>') else {
            out.push_str(&rest[open..]);
            rest = "";
            break;
        };
        let inner = &after[..close];
        let (target, label) = match inner.split_once('|') {
            Some((t, l)) => (t, Some(l)),
            None => (inner, None),
        };
        let shown = if let Some(id) = target.strip_prefix('@') {
            let name = label
                .map(str::to_owned)
                .or_else(|| users.get(id).cloned())
                .unwrap_or_else(|| id.to_owned());
            format!("@{}", name.trim_start_matches('@'))
        } else if let Some(ch) = target.strip_prefix('#') {
            format!("#{}", label.unwrap_or(ch))
        } else if let Some(special) = target.strip_prefix('!') {
            match label {
                Some(l) => l.to_owned(),
                None => format!("@{}", special.split('^').next().unwrap_or(special)),
            }
        } else if let Some(mail) = target.strip_prefix("mailto:") {
            label.unwrap_or(mail).to_owned()
        } else {
            match label {
                Some(l) if l != target => format!("{l} ({target})"),
                _ => target.to_owned(),
            }
        };
        out.push_str(&shown);
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    let decoded = out
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    emoji_names(&decoded)
}

/// `:name:` emoji codes as the emoji, for the common ones; others stay.
pub fn emoji_names(text: &str) -> String {
    const EMOJI: &[(&str, &str)] = &[
        ("+1", "👍"),
        ("thumbsup", "👍"),
        ("-1", "👎"),
        ("thumbsdown", "👎"),
        ("white_check_mark", "✅"),
        ("heavy_check_mark", "✔️"),
        ("x", "❌"),
        ("warning", "⚠️"),
        ("rotating_light", "🚨"),
        ("fire", "🔥"),
        ("eyes", "👀"),
        ("tada", "🎉"),
        ("smile", "😄"),
        ("slightly_smiling_face", "🙂"),
        ("sweat_smile", "😅"),
        ("pray", "🙏"),
        ("rocket", "🚀"),
        ("bug", "🐛"),
        ("red_circle", "🔴"),
        ("large_green_circle", "🟢"),
        ("green_circle", "🟢"),
        ("hourglass", "⌛"),
        ("mag", "🔍"),
        ("point_up", "☝️"),
        ("ok_hand", "👌"),
        ("thinking_face", "🤔"),
        ("heart", "❤️"),
        ("wave", "👋"),
        ("construction", "🚧"),
        ("sos", "🆘"),
    ];
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find(':') {
        let after = &rest[start + 1..];
        let end = after.find(':');
        let name = end.map(|e| &after[..e]);
        let valid = name.is_some_and(|n| {
            !n.is_empty()
                && n.len() <= 40
                && n.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"_+-".contains(&b))
        });
        match (valid, name, end) {
            (true, Some(n), Some(e)) => match EMOJI.iter().find(|(k, _)| *k == n) {
                Some((_, emoji)) => {
                    out.push_str(&rest[..start]);
                    out.push_str(emoji);
                    rest = &after[e + 1..];
                }
                None => {
                    out.push_str(&rest[..start + 1 + e + 1]);
                    rest = &after[e + 1..];
                }
            },
            _ => {
                out.push_str(&rest[..start + 1]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn teams(file: &ChatFile, list: &[Value], out: &mut Vec<ChatMessage>, notes: &mut Vec<ChatNote>) {
    let mut system = 0usize;
    let mut stack: Vec<(String, &Value)> = list
        .iter()
        .enumerate()
        .rev()
        .map(|(i, m)| (format!("{}, message {}", file.name, i + 1), m))
        .collect();
    while let Some((place, m)) = stack.pop() {
        if let Some(replies) = m.get("replies").and_then(Value::as_array) {
            for (j, r) in replies.iter().enumerate().rev() {
                stack.push((format!("{place}, reply {}", j + 1), r));
            }
        }
        if str_at(m, "/messageType").is_some_and(|t| t != "message") {
            system += 1;
            continue;
        }
        if m.get("deletedDateTime").is_some_and(|d| !d.is_null()) {
            continue;
        }
        let at = str_at(m, "/createdDateTime")
            .and_then(|s| DateTime::parse_from_rfc3339(s).ok())
            .map(|t| t.with_timezone(&Utc));
        let Some(at) = at else {
            notes.push(ChatNote {
                place,
                message: "no readable time (`createdDateTime`); not listed".into(),
            });
            continue;
        };
        let author = str_at(m, "/from/user/displayName")
            .or_else(|| str_at(m, "/from/application/displayName"))
            .or_else(|| str_at(m, "/from/device/displayName"))
            .unwrap_or("(unknown)")
            .to_owned();
        let content = str_at(m, "/body/content").unwrap_or("");
        let text = if str_at(m, "/body/contentType") == Some("html") {
            html_text(content)
        } else {
            content.to_owned()
        };
        let starred = matches!(str_at(m, "/importance"), Some("high" | "urgent"));
        out.push(ChatMessage {
            at,
            author,
            text: emoji_names(&text),
            starred,
            place,
        });
    }
    if system > 0 {
        notes.push(ChatNote {
            place: file.name.clone(),
            message: format!("{system} system messages (members added, calls) are not listed"),
        });
    }
}

/// Text of an HTML message body: tags removed, line breaks kept, mentions
/// as `@Name`, links as `label (address)`, entities decoded.
pub fn html_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    let mut href: Option<String> = None;
    let mut link_start = 0usize;
    while let Some(open) = rest.find('<') {
        out.push_str(&decode_entities(&rest[..open]));
        let after = &rest[open + 1..];
        let Some(close) = after.find('>') else {
            out.push_str(&decode_entities(&rest[open..]));
            rest = "";
            break;
        };
        let tag = &after[..close];
        let lower = tag.to_ascii_lowercase();
        let name: String = lower
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        let closing = lower.starts_with('/');
        match name.as_str() {
            "br" | "p" | "div" | "li" | "tr" | "h1" | "h2" | "h3" | "blockquote"
                if (closing || name == "br") && !out.ends_with('\n') && !out.is_empty() =>
            {
                out.push('\n');
            }
            "li" if !closing => out.push_str("- "),
            "at" if !closing => out.push('@'),
            "a" if !closing => {
                href = attr(tag, "href");
                link_start = out.len();
            }
            "a" => {
                if let Some(h) = href.take() {
                    let label = out.get(link_start..).unwrap_or("").to_owned();
                    if !h.is_empty() && label.trim() != h {
                        out.push_str(&format!(" ({h})"));
                    }
                }
            }
            "img" | "emoji" => {
                let alt = attr(tag, "alt").unwrap_or_else(|| "(image)".to_owned());
                out.push_str(&alt);
            }
            _ => {}
        }
        rest = &after[close + 1..];
    }
    out.push_str(&decode_entities(rest));
    let lines: Vec<&str> = out.lines().map(str::trim_end).collect();
    lines.join("\n").trim().to_owned()
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let p = lower.find(&format!("{name}="))?;
    let v = &tag[p + name.len() + 1..];
    let quote = v.chars().next()?;
    let value = if quote == '"' || quote == '\'' {
        v[1..].split(quote).next()?
    } else {
        v.split_whitespace().next()?
    };
    Some(decode_entities(value))
}

fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        let after = &rest[p + 1..];
        let end = after.find(';').filter(|e| *e <= 10);
        let decoded = end.and_then(|e| {
            let name = &after[..e];
            let c = match name {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                "nbsp" => ' ',
                "ndash" => '–',
                "mdash" => '—',
                "hellip" => '…',
                "lsquo" => '‘',
                "rsquo" => '’',
                "ldquo" => '“',
                "rdquo" => '”',
                _ => {
                    let num = name.strip_prefix('#')?;
                    let code = match num.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => num.parse().ok()?,
                    };
                    char::from_u32(code).filter(|c| *c != '\0')?
                }
            };
            Some((c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &after[e + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn mattermost(file: &ChatFile, out: &mut Vec<ChatMessage>, notes: &mut Vec<ChatNote>) {
    let mut bad = 0usize;
    let mut first_bad: Option<usize> = None;
    for (i, line) in file.text.lines().enumerate() {
        let line_no = i + 1;
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let Ok(v) = serde_json::from_str::<Value>(line) else {
            bad += 1;
            first_bad.get_or_insert(line_no);
            continue;
        };
        let post = match str_at(&v, "/type") {
            Some("post") => v.get("post"),
            Some("direct_post") => v.get("direct_post"),
            _ => continue,
        };
        let Some(post) = post else { continue };
        let place = format!("{}:{line_no}", file.name);
        let mut push = |p: &Value, place: String| {
            let at = p
                .get("create_at")
                .and_then(Value::as_i64)
                .and_then(DateTime::from_timestamp_millis);
            let Some(at) = at else {
                notes.push(ChatNote {
                    place: place.clone(),
                    message: "no readable time (`create_at`); not listed".into(),
                });
                return;
            };
            let starred = p.get("is_pinned").and_then(Value::as_bool) == Some(true)
                || p.get("flagged_by")
                    .and_then(Value::as_array)
                    .is_some_and(|a| !a.is_empty());
            out.push(ChatMessage {
                at,
                author: str_at(p, "/user").unwrap_or("(unknown)").to_owned(),
                text: emoji_names(str_at(p, "/message").unwrap_or("")),
                starred,
                place,
            });
        };
        push(post, place.clone());
        if let Some(replies) = post.get("replies").and_then(Value::as_array) {
            for (j, r) in replies.iter().enumerate() {
                push(r, format!("{place}, reply {}", j + 1));
            }
        }
    }
    if bad > 0 {
        notes.push(ChatNote {
            place: format!("{}:{}", file.name, first_bad.unwrap_or(0)),
            message: format!("{bad} lines are not JSON; not listed"),
        });
    }
}

fn plain(
    file: &ChatFile,
    ctx: PasteContext,
    out: &mut Vec<ChatMessage>,
    notes: &mut Vec<ChatNote>,
) {
    let parsed = parse_timeline(&file.text, ctx);
    for e in parsed.events {
        // "<dana> text" (IRC style) names the author.
        let (author, text) = match e.text.strip_prefix('<').and_then(|t| t.split_once('>')) {
            Some((a, t)) if !a.is_empty() && !a.contains(' ') => {
                (a.to_owned(), t.trim().to_owned())
            }
            _ => (String::new(), e.text.clone()),
        };
        out.push(ChatMessage {
            at: e.at,
            author,
            text: emoji_names(&text),
            starred: false,
            place: format!("{}:{}", file.name, e.line),
        });
    }
    for u in parsed.unreadable {
        notes.push(ChatNote {
            place: format!("{}:{}", file.name, u.line),
            message: format!(
                "{} — “{}”",
                u.reason,
                u.text.chars().take(80).collect::<String>()
            ),
        });
    }
}

/// Which messages become events. All conditions given must hold.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ChatFilter {
    pub starred_only: bool,
    /// Case-insensitive; empty means any message.
    pub keyword: String,
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
}

impl ChatFilter {
    pub fn matches(&self, m: &ChatMessage) -> bool {
        if self.starred_only && !m.starred {
            return false;
        }
        if self.from.is_some_and(|f| m.at < f) || self.to.is_some_and(|t| m.at > t) {
            return false;
        }
        let k = self.keyword.trim();
        k.is_empty() || m.text.to_lowercase().contains(&k.to_lowercase())
    }

    /// Positions of the messages that match.
    pub fn pick(&self, messages: &[ChatMessage]) -> Vec<usize> {
        messages
            .iter()
            .enumerate()
            .filter(|(_, m)| self.matches(m))
            .map(|(i, _)| i)
            .collect()
    }
}

/// Authors in order of first message, with how many messages each wrote.
pub fn authors(messages: &[ChatMessage]) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = Vec::new();
    for m in messages {
        match out.iter_mut().find(|(a, _)| *a == m.author) {
            Some((_, n)) => *n += 1,
            None => out.push((m.author.clone(), 1)),
        }
    }
    out
}

/// The picked messages as timeline events: `Author: text`, with authors
/// renamed through `names` (chat name → participant name; an empty name
/// leaves the author out).
pub fn to_events(
    messages: &[ChatMessage],
    picked: &[usize],
    names: &BTreeMap<String, String>,
    mut make_id: impl FnMut(usize) -> Id,
) -> Vec<TimelineEvent> {
    picked
        .iter()
        .filter_map(|i| messages.get(*i))
        .enumerate()
        .map(|(n, m)| {
            let author = names.get(&m.author).unwrap_or(&m.author);
            let text = if author.trim().is_empty() {
                m.text.clone()
            } else {
                format!("{author}: {}", m.text)
            };
            TimelineEvent {
                id: make_id(n),
                at: Some(m.at),
                kind: guess_kind(&m.text),
                text,
                starred: m.starred,
                extra: Default::default(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &str, text: &str) -> ChatFile {
        ChatFile {
            name: name.into(),
            text: text.into(),
        }
    }

    #[test]
    fn slack_markup_reads_as_text() {
        let mut users = BTreeMap::new();
        users.insert("U1".to_owned(), "dana".to_owned());
        assert_eq!(
            slack_text("<@U1> see <https://status.example.com|status> :white_check_mark: &lt;b&gt; <!here>", &users),
            "@dana see status (https://status.example.com) ✅ <b> @here"
        );
        assert_eq!(
            slack_text("<#C1|incident> at 10:30:00 :unknown_thing:", &users),
            "#incident at 10:30:00 :unknown_thing:"
        );
    }

    #[test]
    fn teams_html_reads_as_text() {
        assert_eq!(
            html_text("<p>Hi <at id=\"0\">Dana</at>, see <a href=\"https://x.example.com\">the graph</a></p><p>&lt;script&gt; &amp; more</p>"),
            "Hi @Dana, see the graph (https://x.example.com)\n<script> & more"
        );
    }

    #[test]
    fn formats_are_recognised() {
        let slack =
            r#"[{"ts":"1709301720.000200","user":"U1","text":"paged <@U2>","pinned_to":["C1"]}]"#;
        let users = r#"[{"id":"U1","name":"dana","real_name":"Dana Ortiz"},{"id":"U2","name":"sam","profile":{"display_name":"Sam"}}]"#;
        let out = read_chat(
            &[file("2024-03-01.json", slack), file("users.json", users)],
            PasteContext::default(),
        )
        .unwrap();
        assert_eq!(out.format, ChatFormat::Slack);
        assert_eq!(out.messages[0].author, "Dana Ortiz");
        assert_eq!(out.messages[0].text, "paged @Sam");
        assert!(out.messages[0].starred);

        let mm = "{\"type\":\"version\",\"version\":1}\n{\"type\":\"post\",\"post\":{\"user\":\"sam\",\"message\":\"rolled back\",\"create_at\":1709301720000,\"replies\":[{\"user\":\"lee\",\"message\":\"thanks\",\"create_at\":1709301780000}]}}\nnot json\n";
        let out = read_chat(&[file("export.jsonl", mm)], PasteContext::default()).unwrap();
        assert_eq!(out.format, ChatFormat::Mattermost);
        assert_eq!(out.messages.len(), 2);
        assert_eq!(out.notes.len(), 1);

        let teams = r#"{"value":[{"createdDateTime":"2024-03-01T14:02:00Z","messageType":"message","from":{"user":{"displayName":"Lee"}},"body":{"contentType":"html","content":"<p>ok</p>"},"importance":"high"}]}"#;
        let out = read_chat(&[file("messages.json", teams)], PasteContext::default()).unwrap();
        assert_eq!(out.format, ChatFormat::Teams);
        assert!(out.messages[0].starred);

        let ctx = PasteContext {
            default_date: chrono::NaiveDate::from_ymd_opt(2024, 3, 1),
            assume_utc_offset_minutes: 0,
        };
        let out = read_chat(
            &[file("log.txt", "14:02 <dana> paged the team\nnoise\n")],
            ctx,
        )
        .unwrap();
        assert_eq!(out.format, ChatFormat::PlainText);
        assert_eq!(out.messages[0].author, "dana");
        assert_eq!(out.notes.len(), 1);
    }

    #[test]
    fn filters_pick_and_authors_map() {
        let ctx = PasteContext {
            default_date: chrono::NaiveDate::from_ymd_opt(2024, 3, 1),
            assume_utc_offset_minutes: 0,
        };
        let out = read_chat(
            &[file(
                "log.txt",
                "14:02 <dana> paged the team\n14:30 <sam> rollback done\n",
            )],
            ctx,
        )
        .unwrap();
        let f = ChatFilter {
            keyword: "ROLLBACK".into(),
            ..ChatFilter::default()
        };
        let picked = f.pick(&out.messages);
        assert_eq!(picked, vec![1]);
        let mut names = BTreeMap::new();
        names.insert("sam".to_owned(), "Sam Lee".to_owned());
        let ev = to_events(&out.messages, &picked, &names, |i| format!("e-{i}"));
        assert_eq!(ev[0].text, "Sam Lee: rollback done");
    }

    #[test]
    fn mixed_or_empty_exports_are_refused() {
        let slack = r#"[{"ts":"1709301720.0","user":"U1","text":"x"}]"#;
        assert_eq!(
            read_chat(
                &[file("a.json", slack), file("b.txt", "14:00 x")],
                PasteContext::default()
            ),
            Err(ChatImportError::Mixed)
        );
        assert_eq!(
            read_chat(&[file("a.json", "[]")], PasteContext::default()),
            Err(ChatImportError::Empty)
        );
    }
}
