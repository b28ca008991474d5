//! Reading single values written by people: dates, times, durations, names
//! with roles, labels of Afterword's choices and their common synonyms.
//! Times reuse the paste parser's rules, so a line reads the same pasted in
//! the timeline or imported from a file.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

use crate::model::{
    ActionKind, ActionStatus, AlertSource, Category, EventKind, IncidentKind, Priority, Role,
    Severity, WorkflowStatus,
};
use crate::timeline_paste::{parse_timeline, PasteContext};

/// Lowercase, without `*`/`_` emphasis, a trailing colon and outer spaces.
pub fn key_name(s: &str) -> String {
    let s: String = s.chars().filter(|c| !matches!(c, '*' | '_')).collect();
    let s = s.trim().trim_end_matches(':').trim();
    let mut out = String::new();
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&w.to_lowercase());
    }
    out
}

/// A `Key: value` line (`**Key:** value`, `- Key: value`), or `None`.
pub fn key_value(line: &str) -> Option<(String, String)> {
    let line = line.trim();
    let line = line
        .strip_prefix("- ")
        .or_else(|| line.strip_prefix("* "))
        .unwrap_or(line);
    let (k, v) = line.split_once(':')?;
    let k = key_name(k);
    if k.is_empty() || k.len() > 40 || k.split_whitespace().count() > 5 {
        return None;
    }
    let v = v.trim_start_matches(['*', '_']).trim();
    Some((k, v.to_owned()))
}

/// A time as Afterword writes it (`2026-11-20 14:02`, with seconds or
/// milliseconds when there are some), read exactly, in UTC.
pub fn exact_time(s: &str) -> Option<DateTime<Utc>> {
    let s = s.trim();
    for fmt in ["%Y-%m-%d %H:%M:%S%.f", "%Y-%m-%d %H:%M"] {
        if let Ok(t) = NaiveDateTime::parse_from_str(s, fmt) {
            return Some(t.and_utc());
        }
    }
    None
}

/// A time as people write it, by the paste parser's rules: `2024-03-01
/// 14:02 UTC`, `2024-03-01T14:02:00Z`, `Mar 1, 2024 2:02 PM`… A time
/// without a date takes `default_date`.
pub fn human_time(s: &str, default_date: Option<NaiveDate>) -> Option<DateTime<Utc>> {
    if let Some(t) = exact_time(s) {
        return Some(t);
    }
    let s = s.trim().trim_end_matches('.');
    if s.is_empty() || s.contains('\n') {
        return None;
    }
    let parsed = parse_timeline(
        &format!("{s} -> \u{1}"),
        PasteContext {
            default_date,
            assume_utc_offset_minutes: 0,
        },
    );
    match parsed.events.as_slice() {
        [one] if one.text == "\u{1}" => Some(one.at),
        _ => None,
    }
}

/// A calendar date: `2024-03-01`, `2024/03/01`, `March 1, 2024`, `1 March 2024`.
pub fn date(s: &str) -> Option<NaiveDate> {
    let s = s.trim().trim_end_matches('.');
    for fmt in [
        "%Y-%m-%d",
        "%Y/%m/%d",
        "%B %d, %Y",
        "%b %d, %Y",
        "%d %B %Y",
        "%d %b %Y",
    ] {
        if let Ok(d) = NaiveDate::parse_from_str(s, fmt) {
            return Some(d);
        }
    }
    None
}

/// The first `YYYY-MM-DD` date in a text.
pub fn first_iso_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    (0..b.len().saturating_sub(9)).find_map(|i| {
        let w = s.get(i..i + 10)?;
        let shape = w.bytes().enumerate().all(|(j, c)| match j {
            4 | 7 => c == b'-',
            _ => c.is_ascii_digit(),
        });
        let bounded = i == 0 || !b[i - 1].is_ascii_digit();
        if shape && bounded {
            NaiveDate::parse_from_str(w, "%Y-%m-%d").ok()
        } else {
            None
        }
    })
}

/// Which key time a label names (`Start of impact`, `Detected`, `End`…).
pub fn moment(label: &str) -> Option<usize> {
    const NAMES: &[(&str, usize)] = &[
        ("started", 0),
        ("start", 0),
        ("start of impact", 0),
        ("impact start", 0),
        ("impact started", 0),
        ("incident start", 0),
        ("start time", 0),
        ("began", 0),
        ("detected", 1),
        ("detection", 1),
        ("detection time", 1),
        ("first alert", 1),
        ("alerted", 1),
        ("acknowledged", 2),
        ("acknowledgement", 2),
        ("ack", 2),
        ("responded", 2),
        ("mitigated", 3),
        ("mitigation", 3),
        ("impact mitigated", 3),
        ("resolved", 4),
        ("resolution", 4),
        ("end", 4),
        ("end of impact", 4),
        ("impact end", 4),
        ("impact ended", 4),
        ("incident end", 4),
        ("end time", 4),
        ("recovered", 4),
    ];
    let k = key_name(label);
    let k = k
        .trim_end_matches(" (utc)")
        .trim_end_matches(" utc")
        .trim_end_matches(" at");
    NAMES.iter().find(|(n, _)| *n == k).map(|(_, i)| *i)
}

/// `42 min`, `1 h 05 min`, `2 d 3 h 00 min` (as Afterword writes them) or
/// `42 minutes`, `1 hour 5 minutes`.
pub fn minutes(s: &str) -> Option<u64> {
    let mut total: u64 = 0;
    let mut number: Option<u64> = None;
    let mut any = false;
    for word in s.split_whitespace() {
        if let Ok(n) = word.parse::<u64>() {
            if number.is_some() {
                return None;
            }
            number = Some(n);
            continue;
        }
        let unit: u64 = match word.trim_end_matches([',', '.']).to_lowercase().as_str() {
            "d" | "day" | "days" => 1440,
            "h" | "hr" | "hrs" | "hour" | "hours" => 60,
            "min" | "mins" | "minute" | "minutes" | "m" => 1,
            "and" => continue,
            _ => return None,
        };
        let n = number.take()?;
        total = total.checked_add(n.checked_mul(unit)?)?;
        any = true;
    }
    if number.is_some() || !any {
        return None;
    }
    Some(total)
}

pub fn severity(s: &str) -> Option<Severity> {
    let k: String = s
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect::<String>()
        .to_uppercase();
    let digit = k
        .strip_prefix("SEV")
        .or_else(|| k.strip_prefix('S'))
        .unwrap_or(&k);
    Severity::from_label(&format!("SEV{digit}"))
}

fn by_label<T: Copy>(all: &[T], label: impl Fn(T) -> &'static str, s: &str) -> Option<T> {
    let k = key_name(s);
    all.iter().copied().find(|v| key_name(label(*v)) == k)
}

pub fn workflow_status(s: &str) -> Option<WorkflowStatus> {
    by_label(WorkflowStatus::ALL, WorkflowStatus::label, s)
}

pub fn incident_kind(s: &str) -> Option<IncidentKind> {
    by_label(IncidentKind::ALL, IncidentKind::label, s)
}

pub fn category(s: &str) -> Option<Category> {
    by_label(Category::ALL, Category::label, s)
}

pub fn alert_source(s: &str) -> Option<AlertSource> {
    by_label(AlertSource::ALL, AlertSource::label, s)
}

pub fn event_kind(s: &str) -> Option<EventKind> {
    by_label(EventKind::ALL, EventKind::label, s)
}

pub fn action_status(s: &str) -> Option<ActionStatus> {
    if let Some(v) = by_label(ActionStatus::ALL, ActionStatus::label, s) {
        return Some(v);
    }
    Some(match key_name(s).as_str() {
        "todo" | "to do" | "not started" | "planned" | "new" => ActionStatus::Open,
        "doing" | "wip" | "started" | "in review" => ActionStatus::InProgress,
        "complete" | "completed" | "closed" | "fixed" | "resolved" | "finished" => {
            ActionStatus::Done
        }
        "wont do" | "won't fix" | "wontfix" | "cancelled" | "canceled" | "dropped" => {
            ActionStatus::WontDo
        }
        _ => return None,
    })
}

pub fn action_kind(s: &str) -> Option<ActionKind> {
    if let Some(v) = by_label(ActionKind::ALL, ActionKind::label, s) {
        return Some(v);
    }
    Some(match key_name(s).as_str() {
        "prevention" | "preventive" | "preventative" => ActionKind::Prevent,
        "detection" | "monitoring" => ActionKind::Detect,
        "mitigation" | "repair" => ActionKind::Mitigate,
        "docs" | "doc" => ActionKind::Documentation,
        _ => return None,
    })
}

pub fn priority(s: &str) -> Option<Priority> {
    if let Some(v) = by_label(Priority::ALL, Priority::label, s) {
        return Some(v);
    }
    Some(match key_name(s).as_str() {
        "p1" | "p0" | "urgent" | "high" | "critical" => Priority::P1,
        "p2" | "medium" | "normal" => Priority::P2,
        "p3" | "low" => Priority::P3,
        _ => return None,
    })
}

pub fn role(s: &str) -> Option<Role> {
    if let Some(v) = by_label(&Role::ALL, Role::label, s) {
        return Some(v);
    }
    Some(match key_name(s).as_str() {
        "incident commander" | "ic" | "lead" | "incident manager" => Role::IncidentLead,
        "note taker" | "notes" => Role::Scribe,
        "comms" | "communications lead" => Role::Communications,
        "sme" | "subject matter expert" | "expert" => Role::SubjectExpert,
        "on-call" | "on call" | "engineer" | "responder" => Role::Responder,
        _ => return None,
    })
}

/// People listed in one text: Afterword's `Name (Role)` lines, or names
/// separated by commas, semicolons or lines, each optionally with a role
/// (`Dana (incident commander)`, `Sam - scribe`, `Lee: SME`).
pub fn people(text: &str) -> Vec<(String, Role)> {
    let lines: Vec<&str> = text.split('\n').collect();
    // Afterword's own form: every entry ends with "(Role label)"; a name
    // that held a line break is joined back.
    let mut own: Vec<(String, Role)> = Vec::new();
    let mut pending: Option<String> = None;
    for line in &lines {
        let joined = match pending.take() {
            Some(p) => format!("{p}\n{line}"),
            None => (*line).to_owned(),
        };
        match own_role_suffix(&joined) {
            Some(entry) => own.push(entry),
            None => pending = Some(joined),
        }
    }
    let own_form = pending.is_none() && !own.is_empty();
    if own_form {
        return own;
    }
    text.split(['\n', ',', ';'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| {
            let p = p.trim_start_matches(['-', '*']).trim();
            if let Some(open) = p.rfind('(') {
                if p.ends_with(')') {
                    let inner = &p[open + 1..p.len() - 1];
                    if let Some(r) = role(inner) {
                        return (p[..open].trim().to_owned(), r);
                    }
                }
            }
            for sep in [" - ", " – ", " — ", ": "] {
                if let Some((name, r)) = p.split_once(sep) {
                    if let Some(r) = role(r) {
                        return (name.trim().to_owned(), r);
                    }
                }
            }
            (p.to_owned(), Role::Responder)
        })
        .collect()
}

fn own_role_suffix(s: &str) -> Option<(String, Role)> {
    Role::ALL.iter().find_map(|r| {
        s.strip_suffix(&format!(" ({})", r.label()))
            .map(|name| (name.to_owned(), *r))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_read_like_the_paste_parser() {
        let d = NaiveDate::from_ymd_opt(2024, 3, 1);
        let want = exact_time("2024-03-01 14:02");
        assert_eq!(human_time("2024-03-01 14:02 UTC", None), want);
        assert_eq!(human_time("2024-03-01T14:02:00Z", None), want);
        assert_eq!(human_time("14:02", d), want);
        assert_eq!(human_time("14:02 CET", d), None);
        assert_eq!(human_time("soon", d), None);
        assert!(exact_time("2026-11-20 14:02:05.123").is_some());
    }

    #[test]
    fn durations_read_back() {
        assert_eq!(minutes("42 min"), Some(42));
        assert_eq!(minutes("1 h 05 min"), Some(65));
        assert_eq!(minutes("2 d 3 h 00 min"), Some(3060));
        assert_eq!(minutes("1 hour 5 minutes"), Some(65));
        assert_eq!(minutes("about an hour"), None);
        assert_eq!(minutes(""), None);
    }

    #[test]
    fn people_read_in_both_forms() {
        assert_eq!(
            people("Ana Lima (Incident lead)\nBo Chen (Scribe)"),
            vec![
                ("Ana Lima".into(), Role::IncidentLead),
                ("Bo Chen".into(), Role::Scribe)
            ]
        );
        assert_eq!(
            people("Dana Ortiz (incident commander), Sam - scribe, Lee"),
            vec![
                ("Dana Ortiz".into(), Role::IncidentLead),
                ("Sam".into(), Role::Scribe),
                ("Lee".into(), Role::Responder)
            ]
        );
        assert_eq!(
            people("a, b\nc (Responder)"),
            vec![("a, b\nc".into(), Role::Responder)]
        );
    }

    #[test]
    fn labels_and_synonyms() {
        assert_eq!(severity("SEV 2"), Some(Severity::Sev2));
        assert_eq!(severity("sev-1"), Some(Severity::Sev1));
        assert_eq!(action_status("Won't do"), Some(ActionStatus::WontDo));
        assert_eq!(action_status("completed"), Some(ActionStatus::Done));
        assert_eq!(priority("P1 (urgent)"), Some(Priority::P1));
        assert_eq!(moment("**Start of impact:**"), Some(0));
        assert_eq!(date("March 1, 2024"), NaiveDate::from_ymd_opt(2024, 3, 1));
        assert_eq!(
            first_iso_date("Outage on 2024-03-01"),
            NaiveDate::from_ymd_opt(2024, 3, 1)
        );
    }
}
