//! Turns a pasted block of notes (chat log, scribe notes, a list in a ticket)
//! into timeline events.
//!
//! One event per non-empty line. Every non-empty line ends up either as an
//! event or in [`PasteResult::unreadable`] with its line number and the
//! reason; nothing is dropped silently.
//!
//! A line is: an optional list marker (`- `, `* `, `+ `, `• `, `1. `, `1) `),
//! a timestamp (optionally in square brackets), an optional separator
//! (`-`, `–`, `—`, `:`, `|`, `>`, `->`) and the event text.
//!
//! Timestamps read:
//! - times: `14:02`, `14:02:33` (fractions of a second are ignored),
//!   `2:02 PM` / `2:02pm` / `2:02 p.m.`;
//! - dates before the time: `2026-11-20 14:02`, `2026-11-20T14:02:00Z`,
//!   `Nov 20 14:02`, `Nov 20, 2026 14:02`, `20 Nov 2026 14:02`, `20 November 14:02`;
//! - zones after the time: `Z`, `UTC`, `GMT` (optionally with an offset such
//!   as `UTC+1`), or a numeric offset `+01:00`, `+0100`, `-05`.
//!
//! Not read, on purpose: zone names such as `CET` or `PST` (their meaning
//! depends on the date and the place, so the line is reported rather than
//! guessed), and numeric dates such as `11/20` or `20.11.` (day and month
//! order differs between countries).
//!
//! A time without a date takes the date of the previous event, or
//! [`PasteContext::default_date`] for the first one. When such a time is more
//! than 12 hours earlier than the previous event, the incident is taken to
//! have crossed midnight: the event moves to the next day and is marked
//! [`ParsedEvent::next_day`]. Lines without a zone use
//! [`PasteContext::assume_utc_offset_minutes`].

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use serde::{Deserialize, Serialize};

use crate::model::{EventKind, Id, TimelineEvent};

/// What the parser assumes when a line does not say.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PasteContext {
    /// Date for times that come without one (usually the incident date).
    pub default_date: Option<NaiveDate>,
    /// Offset from UTC of times written without a zone, in minutes
    /// (60 for UTC+01:00, -300 for UTC-05:00, 0 when notes are in UTC).
    pub assume_utc_offset_minutes: i32,
}

/// One line read as an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParsedEvent {
    /// Line number in the pasted text, from 1.
    pub line: usize,
    pub at: DateTime<Utc>,
    pub text: String,
    pub kind_guess: EventKind,
    /// The line had no date and its time was taken to be after midnight.
    pub next_day: bool,
}

/// A non-empty line that could not be read, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnreadableLine {
    /// Line number in the pasted text, from 1.
    pub line: usize,
    pub text: String,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PasteResult {
    pub events: Vec<ParsedEvent>,
    pub unreadable: Vec<UnreadableLine>,
}

impl PasteResult {
    /// The events as timeline entries, with ids from `make_id` (given the
    /// position in `events`).
    pub fn to_timeline_events(&self, mut make_id: impl FnMut(usize) -> Id) -> Vec<TimelineEvent> {
        self.events
            .iter()
            .enumerate()
            .map(|(i, e)| TimelineEvent {
                id: make_id(i),
                at: Some(e.at),
                kind: e.kind_guess,
                text: e.text.clone(),
                starred: false,
                extra: Default::default(),
            })
            .collect()
    }
}

/// Largest offset accepted, just under a day.
const MAX_OFFSET_MINUTES: i32 = 24 * 60 - 1;

/// Reads `text` line by line; see the module documentation for the formats.
pub fn parse_timeline(text: &str, ctx: PasteContext) -> PasteResult {
    let mut out = PasteResult::default();
    let mut current_date = ctx.default_date;
    let mut previous: Option<DateTime<Utc>> = None;
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        if raw.trim().is_empty() {
            continue;
        }
        match read_line(raw, &ctx, current_date, previous) {
            Ok((ev, date)) => {
                current_date = Some(date);
                previous = Some(ev.at);
                out.events.push(ParsedEvent { line, ..ev });
            }
            Err(reason) => out.unreadable.push(UnreadableLine {
                line,
                text: raw.trim().to_owned(),
                reason,
            }),
        }
    }
    out
}

/// The date part of a timestamp.
enum DatePart {
    None,
    Full(NaiveDate),
    /// Month and day; the year comes from the context.
    NoYear(u32, u32),
}

struct Stamp {
    date: DatePart,
    time: NaiveTime,
    offset_minutes: Option<i32>,
}

/// Reads one line; returns the event and the local date it fell on.
fn read_line(
    raw: &str,
    ctx: &PasteContext,
    current_date: Option<NaiveDate>,
    previous: Option<DateTime<Utc>>,
) -> Result<(ParsedEvent, NaiveDate), String> {
    let body = strip_list_marker(raw.trim());
    let (stamp, rest) = if let Some(inner) = body.strip_prefix('[') {
        let close = inner
            .find(']')
            .ok_or_else(|| "opening '[' without a closing ']'".to_owned())?;
        let inside = inner.get(..close).unwrap_or("");
        let mut c = Cursor::new(inside.trim());
        let stamp = read_stamp(&mut c)?;
        if !c.rest().trim().is_empty() {
            return Err(format!(
                "cannot read \"{}\" inside the brackets",
                c.rest().trim()
            ));
        }
        (stamp, inner.get(close + 1..).unwrap_or(""))
    } else {
        let mut c = Cursor::new(body);
        let stamp = read_stamp(&mut c)?;
        (stamp, c.rest())
    };
    let text = strip_separator(rest).trim();
    if text.is_empty() {
        return Err("there is a time but no event text after it".into());
    }

    let offset = stamp
        .offset_minutes
        .unwrap_or(ctx.assume_utc_offset_minutes);
    if offset.abs() > MAX_OFFSET_MINUTES {
        return Err(format!(
            "the offset from UTC ({offset} minutes) is more than a day"
        ));
    }
    let explicit_date = !matches!(stamp.date, DatePart::None);
    let mut date = match stamp.date {
        DatePart::Full(d) => d,
        DatePart::NoYear(month, day) => {
            let current = current_date
                .ok_or_else(|| "the date has no year and no default date is set".to_owned())?;
            let year = current.year();
            let date = NaiveDate::from_ymd_opt(year, month, day)
                .ok_or_else(|| format!("{year}-{month:02}-{day:02} is not a calendar date"))?;
            // "Jan 1" after notes from late December belongs to the next year.
            if current - date > Duration::days(180) {
                NaiveDate::from_ymd_opt(year + 1, month, day).ok_or_else(|| {
                    format!("{}-{month:02}-{day:02} is not a calendar date", year + 1)
                })?
            } else {
                date
            }
        }
        DatePart::None => current_date.ok_or_else(|| {
            "the time has no date; add one to the line or set a default date".to_owned()
        })?,
    };
    let mut at = to_utc(date.and_time(stamp.time), offset)?;
    let mut next_day = false;
    if !explicit_date {
        if let Some(prev) = previous {
            if prev - at > Duration::hours(12) {
                date = date
                    .succ_opt()
                    .ok_or_else(|| "the date is out of range".to_owned())?;
                at = to_utc(date.and_time(stamp.time), offset)?;
                next_day = true;
            }
        }
    }
    Ok((
        ParsedEvent {
            line: 0,
            at,
            text: text.to_owned(),
            kind_guess: guess_kind(text),
            next_day,
        },
        date,
    ))
}

fn to_utc(local: NaiveDateTime, offset_minutes: i32) -> Result<DateTime<Utc>, String> {
    local
        .checked_sub_signed(Duration::minutes(i64::from(offset_minutes)))
        .map(|n| Utc.from_utc_datetime(&n))
        .ok_or_else(|| "the date is out of range".to_owned())
}

fn strip_list_marker(s: &str) -> &str {
    for marker in ["- ", "* ", "+ ", "• "] {
        if let Some(rest) = s.strip_prefix(marker) {
            return rest.trim_start();
        }
    }
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let after = s.get(digits..).unwrap_or("");
        for marker in [". ", ") "] {
            if let Some(rest) = after.strip_prefix(marker) {
                return rest.trim_start();
            }
        }
    }
    s
}

fn strip_separator(s: &str) -> &str {
    let s = s.trim_start();
    for sep in ["->", "—", "–", "-", ":", "|", ">"] {
        if let Some(rest) = s.strip_prefix(sep) {
            return rest;
        }
    }
    s
}

/// A position in a string that only ever stops on character boundaries.
struct Cursor<'a> {
    s: &'a str,
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn new(s: &'a str) -> Self {
        Cursor { s, pos: 0 }
    }

    fn rest(&self) -> &'a str {
        self.s.get(self.pos..).unwrap_or("")
    }

    fn peek(&self) -> Option<u8> {
        self.s.as_bytes().get(self.pos).copied()
    }

    fn skip_spaces(&mut self) -> usize {
        let n = self
            .rest()
            .bytes()
            .take_while(|b| *b == b' ' || *b == b'\t')
            .count();
        self.pos += n;
        n
    }

    fn eat(&mut self, b: u8) -> bool {
        if self.peek() == Some(b) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    /// Between `min` and `max` ASCII digits.
    fn digits(&mut self, min: usize, max: usize) -> Option<u32> {
        let n = self.rest().bytes().take_while(u8::is_ascii_digit).count();
        if n < min || n > max {
            return None;
        }
        let v = self.rest().get(..n)?.parse().ok()?;
        self.pos += n;
        Some(v)
    }

    /// The ASCII letters at the cursor, without consuming them.
    fn word(&self) -> &'a str {
        let n = self
            .rest()
            .bytes()
            .take_while(u8::is_ascii_alphabetic)
            .count();
        self.rest().get(..n).unwrap_or("")
    }

    /// True when the cursor is at the end or before a non-alphanumeric char.
    fn at_boundary(&self) -> bool {
        self.rest()
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric())
    }

    /// Runs `f`; puts the cursor back when it returns `None`.
    fn attempt<T>(&mut self, f: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        let start = self.pos;
        let r = f(self);
        if r.is_none() {
            self.pos = start;
        }
        r
    }
}

fn month_from_word(w: &str) -> Option<u32> {
    let w = w.to_ascii_lowercase();
    const NAMES: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    if w.len() < 3 {
        return None;
    }
    let pos = NAMES.iter().position(|n| {
        n.starts_with(w.as_str()) && (w.len() == 3 || w.len() == n.len() || w == "sept")
    })?;
    u32::try_from(pos + 1).ok()
}

fn read_stamp(c: &mut Cursor<'_>) -> Result<Stamp, String> {
    let date = read_date(c)?;
    let had_date = !matches!(date, DatePart::None);
    if had_date && !c.eat(b'T') && c.skip_spaces() == 0 && !c.rest().is_empty() {
        return Err("expected a time after the date".into());
    }
    let time = match read_time(c)? {
        Some(t) => t,
        None if had_date => return Err("there is a date but no time such as 14:02".into()),
        None => {
            return Err("no time at the start of the line (expected something like 14:02)".into())
        }
    };
    let offset_minutes = read_zone(c)?;
    Ok(Stamp {
        date,
        time,
        offset_minutes,
    })
}

fn read_date(c: &mut Cursor<'_>) -> Result<DatePart, String> {
    // 2026-11-20
    if let Some((y, m, d)) = c.attempt(|c| {
        let y = c.digits(4, 4)?;
        c.eat(b'-').then_some(())?;
        let m = c.digits(1, 2)?;
        c.eat(b'-').then_some(())?;
        let d = c.digits(1, 2)?;
        Some((y, m, d))
    }) {
        let year = i32::try_from(y).map_err(|_| "the year is out of range".to_owned())?;
        return NaiveDate::from_ymd_opt(year, m, d)
            .map(DatePart::Full)
            .ok_or_else(|| format!("{y}-{m:02}-{d:02} is not a calendar date"));
    }
    // Nov 20 / Nov 20, 2026 / November 20 2026
    if let Some((m, d, y)) = c.attempt(|c| {
        let m = month_from_word(c.word())?;
        c.pos += c.word().len();
        c.eat(b'.');
        (c.skip_spaces() > 0).then_some(())?;
        let d = c.digits(1, 2)?;
        c.at_boundary().then_some(())?;
        let y = read_year_after_day(c);
        Some((m, d, y))
    }) {
        return month_day(m, d, y);
    }
    // 20 Nov / 20 Nov 2026 / 20 November, 2026
    if let Some((m, d, y)) = c.attempt(|c| {
        let d = c.digits(1, 2)?;
        c.eat(b'.');
        (c.skip_spaces() > 0).then_some(())?;
        let m = month_from_word(c.word())?;
        c.pos += c.word().len();
        c.eat(b'.');
        let y = read_year_after_day(c);
        Some((m, d, y))
    }) {
        return month_day(m, d, y);
    }
    Ok(DatePart::None)
}

/// An optional `, 2026` or ` 2026` (four digits not followed by ':').
fn read_year_after_day(c: &mut Cursor<'_>) -> Option<u32> {
    c.attempt(|c| {
        c.eat(b',');
        (c.skip_spaces() > 0).then_some(())?;
        let y = c.digits(4, 4)?;
        (c.peek() != Some(b':')).then_some(y)
    })
    .or_else(|| {
        c.eat(b',');
        None
    })
}

fn month_day(m: u32, d: u32, y: Option<u32>) -> Result<DatePart, String> {
    match y {
        Some(y) => {
            let year = i32::try_from(y).map_err(|_| "the year is out of range".to_owned())?;
            NaiveDate::from_ymd_opt(year, m, d)
                .map(DatePart::Full)
                .ok_or_else(|| format!("{y}-{m:02}-{d:02} is not a calendar date"))
        }
        None if (1..=31).contains(&d) => Ok(DatePart::NoYear(m, d)),
        None => Err(format!("{d} is not a day of the month")),
    }
}

fn read_time(c: &mut Cursor<'_>) -> Result<Option<NaiveTime>, String> {
    let Some((h, m)) = c.attempt(|c| {
        let h = c.digits(1, 2)?;
        c.eat(b':').then_some(())?;
        let m = c.digits(2, 2)?;
        Some((h, m))
    }) else {
        return Ok(None);
    };
    let s = c
        .attempt(|c| {
            c.eat(b':').then_some(())?;
            c.digits(2, 2)
        })
        .unwrap_or(0);
    // Fractions of a second, as in ISO timestamps.
    c.attempt(|c| {
        c.eat(b'.').then_some(())?;
        c.digits(1, 9)
    });
    let am_pm = read_am_pm(c);
    let zulu_next = c.peek() == Some(b'Z') && {
        let after = Cursor {
            s: c.s,
            pos: c.pos + 1,
        };
        after.at_boundary()
    };
    if !c.at_boundary() && !zulu_next {
        return Err("the time is followed by letters or digits; cannot tell where it ends".into());
    }
    let h = match am_pm {
        Some(pm) => {
            if !(1..=12).contains(&h) {
                return Err(format!("{h}:{m:02} is not a 12-hour time"));
            }
            (h % 12) + if pm { 12 } else { 0 }
        }
        None => h,
    };
    NaiveTime::from_hms_opt(h, m, s)
        .map(Some)
        .ok_or_else(|| format!("{h:02}:{m:02}:{s:02} is not a time of day"))
}

/// `AM`, `pm`, `a.m.`, `P.M.`; `Some(true)` for afternoon.
fn read_am_pm(c: &mut Cursor<'_>) -> Option<bool> {
    c.attempt(|c| {
        c.skip_spaces();
        let first = c.peek()?.to_ascii_lowercase();
        let pm = match first {
            b'a' => false,
            b'p' => true,
            _ => return None,
        };
        c.pos += 1;
        let dotted = c.eat(b'.');
        c.peek()?.eq_ignore_ascii_case(&b'm').then_some(())?;
        c.pos += 1;
        if dotted {
            c.eat(b'.');
        }
        c.at_boundary().then_some(pm)
    })
}

/// Zone abbreviations that are refused rather than guessed.
const NAMED_ZONES: &[&str] = &[
    "CET", "CEST", "EET", "EEST", "WET", "WEST", "BST", "IST", "EST", "EDT", "CST", "CDT", "MST",
    "MDT", "PST", "PDT", "AKST", "AKDT", "HST", "JST", "KST", "AEST", "AEDT", "ACST", "AWST",
    "NZST", "NZDT", "MSK", "SGT", "HKT",
];

fn read_zone(c: &mut Cursor<'_>) -> Result<Option<i32>, String> {
    if c.attempt(|c| (c.eat(b'Z') && c.at_boundary()).then_some(()))
        .is_some()
    {
        return Ok(Some(0));
    }
    let named = c.attempt(|c| {
        c.skip_spaces();
        let w = c.word();
        if w.eq_ignore_ascii_case("utc") || w.eq_ignore_ascii_case("gmt") {
            c.pos += w.len();
            Some(Ok(()))
        } else if NAMED_ZONES.contains(&w) {
            Some(Err(w.to_owned()))
        } else {
            None
        }
    });
    match named {
        Some(Err(zone)) => Err(format!(
            "time zone \"{zone}\" is not read, because its offset depends on date and place; write the offset instead (e.g. +01:00) or set the assumed offset"
        )),
        Some(Ok(())) => {
            // UTC+1, GMT-05:00
            let off = c.attempt(|c| read_offset(c, true)).unwrap_or(Ok(0))?;
            Ok(Some(off))
        }
        None => {
            let off = c.attempt(|c| {
                c.skip_spaces();
                read_offset(c, false)
            });
            off.transpose()
        }
    }
}

/// `+01:00`, `+0100`, `-05`; with `short_hours` also `+1`.
fn read_offset(c: &mut Cursor<'_>, short_hours: bool) -> Option<Result<i32, String>> {
    let sign = match c.peek()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    c.pos += 1;
    let digits = c.rest().bytes().take_while(u8::is_ascii_digit).count();
    let (h, m) = match digits {
        4 => {
            let v = c.digits(4, 4)?;
            (v / 100, v % 100)
        }
        2 => {
            let h = c.digits(2, 2)?;
            let m = c
                .attempt(|c| {
                    c.eat(b':').then_some(())?;
                    c.digits(2, 2)
                })
                .unwrap_or(0);
            (h, m)
        }
        1 if short_hours => (c.digits(1, 1)?, 0),
        _ => return None,
    };
    if !c.at_boundary() {
        return None;
    }
    if m >= 60 || h > 23 {
        return Some(Err(format!("{h:02}:{m:02} is not a valid offset from UTC")));
    }
    let minutes = i32::try_from(h * 60 + m).ok()?;
    Some(Ok(sign * minutes))
}

/// Guesses the kind of event from its words. The first matching group wins,
/// in this order: communication, decision, status change, action,
/// observation. Anything else is an observation.
pub fn guess_kind(text: &str) -> EventKind {
    let lower: String = text
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let padded = format!(
        " {} ",
        lower.split_whitespace().collect::<Vec<_>>().join(" ")
    );
    let has = |words: &[&str]| words.iter().any(|w| padded.contains(&format!(" {w} ")));
    if has(&[
        "posted",
        "status page",
        "emailed",
        "email",
        "announced",
        "notified",
        "informed",
        "tweeted",
        "messaged",
        "customer update",
        "update sent",
        "sent an update",
    ]) {
        EventKind::Communication
    } else if has(&["decided", "decision", "agreed", "chose", "opted"]) {
        EventKind::Decision
    } else if has(&[
        "status changed",
        "mitigated",
        "resolved",
        "declared",
        "incident opened",
        "incident closed",
        "closed the incident",
        "recovered",
        "back to normal",
        "all clear",
        "escalated to sev1",
        "escalated to sev2",
        "downgraded",
    ]) {
        EventKind::StatusChange
    } else if has(&[
        "paged",
        "rolled back",
        "roll back",
        "rolling back",
        "reverted",
        "restarted",
        "deployed",
        "scaled",
        "failed over",
        "applied",
        "disabled",
        "enabled",
        "blocked",
        "purged",
        "restored",
        "ran",
        "started a",
        "began",
        "escalated",
        "increased",
        "reduced",
        "patched",
        "killed",
        "rebooted",
        "drained",
        "switched",
        "added",
        "removed",
    ]) {
        EventKind::Action
    } else {
        EventKind::Observation
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx() -> PasteContext {
        PasteContext {
            default_date: NaiveDate::from_ymd_opt(2026, 11, 20),
            assume_utc_offset_minutes: 0,
        }
    }

    fn utc(d: u32, h: u32, m: u32, s: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, d, h, m, s).unwrap()
    }

    fn one(line: &str) -> ParsedEvent {
        let r = parse_timeline(line, ctx());
        assert!(r.unreadable.is_empty(), "{line}: {:?}", r.unreadable);
        assert_eq!(r.events.len(), 1, "{line}");
        r.events[0].clone()
    }

    fn reason(line: &str, c: PasteContext) -> String {
        let r = parse_timeline(line, c);
        assert!(r.events.is_empty(), "{line}: {:?}", r.events);
        r.unreadable[0].reason.clone()
    }

    #[test]
    fn reads_the_common_formats() {
        let cases: &[(&str, DateTime<Utc>, &str)] = &[
            (
                "14:02 UTC paged the on-call engineer",
                utc(20, 14, 2, 0),
                "paged the on-call engineer",
            ),
            (
                "14:02 paged the on-call engineer",
                utc(20, 14, 2, 0),
                "paged the on-call engineer",
            ),
            ("14:02:33 errors rise", utc(20, 14, 2, 33), "errors rise"),
            ("2:02 PM errors rise", utc(20, 14, 2, 0), "errors rise"),
            ("2:02pm errors rise", utc(20, 14, 2, 0), "errors rise"),
            ("12:15 a.m. batch starts", utc(20, 0, 15, 0), "batch starts"),
            ("12:15 PM lunch", utc(20, 12, 15, 0), "lunch"),
            (
                "2026-11-21 14:02 errors rise",
                utc(21, 14, 2, 0),
                "errors rise",
            ),
            (
                "2026-11-21T14:02:00Z errors rise",
                utc(21, 14, 2, 0),
                "errors rise",
            ),
            (
                "2026-11-21T14:02:00.250Z errors rise",
                utc(21, 14, 2, 0),
                "errors rise",
            ),
            (
                "2026-11-21 14:02 UTC - errors rise",
                utc(21, 14, 2, 0),
                "errors rise",
            ),
            ("Nov 21 14:02 errors rise", utc(21, 14, 2, 0), "errors rise"),
            (
                "Nov 21, 2026 14:02 errors rise",
                utc(21, 14, 2, 0),
                "errors rise",
            ),
            (
                "November 21 2026 14:02 errors rise",
                utc(21, 14, 2, 0),
                "errors rise",
            ),
            (
                "21 Nov 2026 14:02 errors rise",
                utc(21, 14, 2, 0),
                "errors rise",
            ),
            (
                "21 November 14:02 errors rise",
                utc(21, 14, 2, 0),
                "errors rise",
            ),
            ("[14:02] errors rise", utc(20, 14, 2, 0), "errors rise"),
            (
                "[2026-11-21 14:02 UTC] errors rise",
                utc(21, 14, 2, 0),
                "errors rise",
            ),
            ("14:02 - errors rise", utc(20, 14, 2, 0), "errors rise"),
            ("14:02: errors rise", utc(20, 14, 2, 0), "errors rise"),
            ("14:02 — errors rise", utc(20, 14, 2, 0), "errors rise"),
            ("14:02 – errors rise", utc(20, 14, 2, 0), "errors rise"),
            ("14:02 | errors rise", utc(20, 14, 2, 0), "errors rise"),
            ("14:02 -> errors rise", utc(20, 14, 2, 0), "errors rise"),
            ("- 14:02 errors rise", utc(20, 14, 2, 0), "errors rise"),
            ("* 14:02 errors rise", utc(20, 14, 2, 0), "errors rise"),
            ("12. 14:02 errors rise", utc(20, 14, 2, 0), "errors rise"),
            ("• [14:02] errors rise", utc(20, 14, 2, 0), "errors rise"),
            ("15:02 +01:00 errors rise", utc(20, 14, 2, 0), "errors rise"),
            ("15:02+0100 errors rise", utc(20, 14, 2, 0), "errors rise"),
            ("09:02 -05 errors rise", utc(20, 14, 2, 0), "errors rise"),
            ("15:02 UTC+1 errors rise", utc(20, 14, 2, 0), "errors rise"),
            ("14:02 GMT errors rise", utc(20, 14, 2, 0), "errors rise"),
            (
                "2026-11-20T16:02:00+02:00 errors rise",
                utc(20, 14, 2, 0),
                "errors rise",
            ),
            ("  14:02   errors rise  ", utc(20, 14, 2, 0), "errors rise"),
            (
                "14:02 -5 users affected",
                utc(20, 14, 2, 0),
                "5 users affected",
            ),
        ];
        for (line, at, text) in cases {
            let e = one(line);
            assert_eq!((e.at, e.text.as_str()), (*at, *text), "{line}");
            assert!(!e.next_day);
        }
    }

    #[test]
    fn assumed_offset_applies_to_lines_without_a_zone() {
        let c = PasteContext {
            assume_utc_offset_minutes: 60,
            ..ctx()
        };
        let r = parse_timeline("00:30 early\n15:02 local\n15:02 UTC in utc", c);
        let at: Vec<_> = r.events.iter().map(|e| e.at).collect();
        assert_eq!(
            at,
            [utc(19, 23, 30, 0), utc(20, 14, 2, 0), utc(20, 15, 2, 0)]
        );
    }

    #[test]
    fn crossing_midnight_moves_to_the_next_day() {
        let text = "23:40 alert fired\n23:55 paged the responder\n00:10 rolled back\n00:12 errors stop\n2026-11-25 09:00 review held\n08:00 earlier note";
        let r = parse_timeline(text, ctx());
        assert!(r.unreadable.is_empty());
        let got: Vec<_> = r.events.iter().map(|e| (e.at, e.next_day)).collect();
        assert_eq!(
            got,
            [
                (utc(20, 23, 40, 0), false),
                (utc(20, 23, 55, 0), false),
                (utc(21, 0, 10, 0), true),
                (utc(21, 0, 12, 0), false),
                (Utc.with_ymd_and_hms(2026, 11, 25, 9, 0, 0).unwrap(), false),
                // Less than 12 hours back: kept on the same day (out of order).
                (Utc.with_ymd_and_hms(2026, 11, 25, 8, 0, 0).unwrap(), false),
            ]
        );
    }

    #[test]
    fn unreadable_lines_are_reported_with_reasons() {
        let text = "Timeline:\n\n14:02 errors rise\n25:10 nonsense\n14:05\n14:06 CET paged\nNov 31 14:00 x\n2026-02-30 10:00 y\n[14:07 errors\n14:08 ok";
        let r = parse_timeline(text, ctx());
        assert_eq!(r.events.iter().map(|e| e.line).collect::<Vec<_>>(), [3, 10]);
        let lines: Vec<_> = r.unreadable.iter().map(|u| u.line).collect();
        assert_eq!(lines, [1, 4, 5, 6, 7, 8, 9]);
        assert_eq!(r.unreadable[0].text, "Timeline:");
        assert!(r.unreadable[0].reason.starts_with("no time at the start"));
        assert_eq!(r.unreadable[1].reason, "25:10:00 is not a time of day");
        assert_eq!(
            r.unreadable[2].reason,
            "there is a time but no event text after it"
        );
        assert!(r.unreadable[3].reason.contains("\"CET\""));
        assert_eq!(r.unreadable[4].reason, "2026-11-31 is not a calendar date");
        assert_eq!(r.unreadable[5].reason, "2026-02-30 is not a calendar date");
        assert_eq!(r.unreadable[6].reason, "opening '[' without a closing ']'");
    }

    #[test]
    fn dates_without_a_year_follow_the_notes_into_the_new_year() {
        let c = PasteContext {
            default_date: NaiveDate::from_ymd_opt(2026, 12, 31),
            assume_utc_offset_minutes: 0,
        };
        let r = parse_timeline(
            "Dec 31 23:50 alert fired\nJan 1 00:20 resolved\nMar 3 09:00 review",
            c,
        );
        let at: Vec<_> = r.events.iter().map(|e| e.at).collect();
        assert_eq!(
            at,
            [
                Utc.with_ymd_and_hms(2026, 12, 31, 23, 50, 0).unwrap(),
                Utc.with_ymd_and_hms(2027, 1, 1, 0, 20, 0).unwrap(),
                Utc.with_ymd_and_hms(2027, 3, 3, 9, 0, 0).unwrap(),
            ]
        );
    }

    #[test]
    fn without_a_date_times_cannot_be_placed() {
        let none = PasteContext::default();
        assert!(reason("14:02 errors", none).contains("no date"));
        assert!(reason("Nov 20 14:02 errors", none).contains("no year"));
        // Once a line gives a date, later lines use it.
        let r = parse_timeline("2026-11-20 14:02 a\n14:05 b\nNov 21 09:00 c", none);
        assert!(r.unreadable.is_empty());
        assert_eq!(r.events[1].at, utc(20, 14, 5, 0));
        assert_eq!(r.events[2].at, utc(21, 9, 0, 0));
        let far = PasteContext {
            assume_utc_offset_minutes: 5000,
            ..ctx()
        };
        assert!(reason("14:02 a", far).contains("more than a day"));
    }

    #[test]
    fn odd_inputs_are_reported_not_misread() {
        let c = ctx();
        assert!(reason("1402 errors", c).starts_with("no time"));
        assert!(reason("14:02abc errors", c).contains("cannot tell where it ends"));
        assert!(reason("13:00 PM errors", c).contains("12-hour"));
        assert!(reason("2026-11-20", c).contains("no time"));
        assert!(reason("2026-11-20 errors", c).contains("no time"));
        assert!(reason("[nope] errors", c).starts_with("no time"));
        assert!(reason("[14:02 soon] errors", c).contains("inside the brackets"));
    }

    #[test]
    fn guesses_event_kinds_from_words() {
        let k = |t: &str| guess_kind(t);
        assert_eq!(k("Paged the on-call engineer"), EventKind::Action);
        assert_eq!(k("Rolled back release 4.2"), EventKind::Action);
        assert_eq!(k("Decided to roll back"), EventKind::Decision);
        assert_eq!(k("Alert fired for checkout errors"), EventKind::Observation);
        assert_eq!(
            k("Support noticed a spike in tickets"),
            EventKind::Observation
        );
        assert_eq!(
            k("Posted an update on the status page"),
            EventKind::Communication
        );
        assert_eq!(k("Emailed affected customers"), EventKind::Communication);
        assert_eq!(k("Status changed to mitigated"), EventKind::StatusChange);
        assert_eq!(k("Incident resolved"), EventKind::StatusChange);
        assert_eq!(k("Something odd"), EventKind::Observation);
        assert_eq!(
            one("14:02 — Paged the responder").kind_guess,
            EventKind::Action
        );
    }

    #[test]
    fn events_become_timeline_entries() {
        let r = parse_timeline("14:02 alert fired\n14:05 paged Sam", ctx());
        let evs = r.to_timeline_events(|i| format!("ev-{i}"));
        assert_eq!(evs.len(), 2);
        assert_eq!(evs[1].id, "ev-1");
        assert_eq!(evs[1].at, Some(utc(20, 14, 5, 0)));
        assert_eq!(evs[1].kind, EventKind::Action);
    }

    proptest::proptest! {
        #[test]
        fn never_panics_and_accounts_for_every_line(s in "(\\PC{0,40}\n?){0,12}") {
            let r = parse_timeline(&s, ctx());
            let non_empty = s.lines().filter(|l| !l.trim().is_empty()).count();
            proptest::prop_assert_eq!(r.events.len() + r.unreadable.len(), non_empty);
        }

        #[test]
        fn timestamp_like_noise_never_panics(
            s in "([-*•\\[\\] 0-9:+.TZAPMamp,NovDecUTCGMTCET—–|>]{0,30}[a-z ]{0,10}\n){0,8}",
            off in -2000i32..2000,
        ) {
            let c = PasteContext { default_date: NaiveDate::from_ymd_opt(2026, 12, 31), assume_utc_offset_minutes: off };
            let r = parse_timeline(&s, c);
            let non_empty = s.lines().filter(|l| !l.trim().is_empty()).count();
            proptest::prop_assert_eq!(r.events.len() + r.unreadable.len(), non_empty);
            for e in &r.events {
                proptest::prop_assert!(!e.text.trim().is_empty());
            }
        }
    }
}
