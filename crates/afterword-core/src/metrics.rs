//! Durations derived from the key times, checks that the times make sense,
//! and the order of the timeline.
//!
//! Definitions (the ones most incident-response teams use):
//! - **Time to detect** = detected − started: how long the problem existed
//!   before anyone or anything noticed it.
//! - **Time to acknowledge** = acknowledged − detected: how long a signal
//!   waited before a person took it on.
//! - **Time to mitigate** = mitigated − started: how long users felt the
//!   problem before the impact was stopped or contained.
//! - **Time to resolve** = resolved − started: the whole life of the incident.
//!
//! A duration is never shown negative: when the times contradict each other
//! the metric carries a message naming both times instead.

use std::fmt;

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use crate::model::{Id, KeyTimes, Postmortem};

/// One of the five key moments of an incident.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimePoint {
    Started,
    Detected,
    Acknowledged,
    Mitigated,
    Resolved,
}

impl TimePoint {
    /// In the order they normally happen.
    pub const ALL: [TimePoint; 5] = [
        TimePoint::Started,
        TimePoint::Detected,
        TimePoint::Acknowledged,
        TimePoint::Mitigated,
        TimePoint::Resolved,
    ];

    pub fn label(self) -> &'static str {
        match self {
            TimePoint::Started => "Started",
            TimePoint::Detected => "Detected",
            TimePoint::Acknowledged => "Acknowledged",
            TimePoint::Mitigated => "Mitigated",
            TimePoint::Resolved => "Resolved",
        }
    }

    /// The label of this moment's field in a template with these `words`.
    pub fn label_in(self, words: crate::field::Words) -> &'static str {
        let key = match self {
            TimePoint::Started => "times.started",
            TimePoint::Detected => "times.detected",
            TimePoint::Acknowledged => "times.acknowledged",
            TimePoint::Mitigated => "times.mitigated",
            TimePoint::Resolved => "times.resolved",
        };
        crate::field::spec(key).map_or(self.label(), |s| s.label_in(words))
    }

    pub fn get(self, t: &KeyTimes) -> Option<DateTime<Utc>> {
        match self {
            TimePoint::Started => t.started,
            TimePoint::Detected => t.detected,
            TimePoint::Acknowledged => t.acknowledged,
            TimePoint::Mitigated => t.mitigated,
            TimePoint::Resolved => t.resolved,
        }
    }
}

/// Why a duration cannot be shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum MetricProblem {
    /// These times are not filled in yet.
    Missing(Vec<TimePoint>),
    /// The later time comes before the earlier one; the message says how.
    Contradiction(String),
}

impl fmt::Display for MetricProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MetricProblem::Missing(which) => {
                let names: Vec<&str> = which.iter().map(|p| p.label()).collect();
                write!(f, "needs {}", names.join(" and "))
            }
            MetricProblem::Contradiction(m) => f.write_str(m),
        }
    }
}

/// A derived duration, with the formula shown next to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Metric {
    /// Stable key: `time_to_detect`, `time_to_acknowledge`, …
    pub id: &'static str,
    pub label: &'static str,
    /// How it is computed, e.g. "detected − started".
    pub formula: &'static str,
    pub value: Result<Duration, MetricProblem>,
}

impl Metric {
    /// The label in a template with these `words` ("Time until noticed"
    /// rather than "Time to detect" in plain words).
    pub fn label_in(&self, words: crate::field::Words) -> &'static str {
        self.plain(words).map_or(self.label, |p| p.0)
    }

    /// The formula in a template with these `words`.
    pub fn formula_in(&self, words: crate::field::Words) -> &'static str {
        self.plain(words).map_or(self.formula, |p| p.1)
    }

    fn plain(&self, words: crate::field::Words) -> Option<(&'static str, &'static str)> {
        if words != crate::field::Words::Plain {
            return None;
        }
        Some(match self.id {
            "time_to_detect" => ("Time until noticed", "noticed − began"),
            "time_to_acknowledge" => ("Time until someone took charge", "took charge − noticed"),
            "time_to_mitigate" => ("Time until effects contained", "contained − began"),
            "time_to_resolve" => ("Time until back to normal", "back to normal − began"),
            _ => return None,
        })
    }

    /// [`Metric::display_value`] with the moments named in these `words`.
    pub fn display_value_in(&self, words: crate::field::Words) -> String {
        match &self.value {
            Err(MetricProblem::Missing(which)) => {
                let names: Vec<&str> = which.iter().map(|p| p.label_in(words)).collect();
                format!("needs {}", names.join(" and "))
            }
            _ => self.display_value(),
        }
    }

    /// The value for display: a duration or the reason there is none.
    pub fn display_value(&self) -> String {
        match &self.value {
            Ok(d) => format_duration(*d),
            Err(p) => p.to_string(),
        }
    }
}

/// The standard durations, in a fixed order (detect, acknowledge, mitigate,
/// resolve). See the module documentation for the definitions.
pub fn durations(times: &KeyTimes) -> Vec<Metric> {
    use TimePoint::*;
    let defs: [(&str, &str, &str, TimePoint, TimePoint); 4] = [
        (
            "time_to_detect",
            "Time to detect",
            "detected − started",
            Started,
            Detected,
        ),
        (
            "time_to_acknowledge",
            "Time to acknowledge",
            "acknowledged − detected",
            Detected,
            Acknowledged,
        ),
        (
            "time_to_mitigate",
            "Time to mitigate",
            "mitigated − started",
            Started,
            Mitigated,
        ),
        (
            "time_to_resolve",
            "Time to resolve",
            "resolved − started",
            Started,
            Resolved,
        ),
    ];
    defs.into_iter()
        .map(|(id, label, formula, from, to)| Metric {
            id,
            label,
            formula,
            value: between(times, from, to),
        })
        .collect()
}

fn between(times: &KeyTimes, from: TimePoint, to: TimePoint) -> Result<Duration, MetricProblem> {
    match (from.get(times), to.get(times)) {
        (Some(a), Some(b)) if b >= a => Ok(b - a),
        (Some(a), Some(b)) => Err(MetricProblem::Contradiction(before_message(to, b, from, a))),
        (a, b) => {
            let mut missing = Vec::new();
            if a.is_none() {
                missing.push(from);
            }
            if b.is_none() {
                missing.push(to);
            }
            Err(MetricProblem::Missing(missing))
        }
    }
}

/// "Detected (14:10 UTC) is before Started (14:20 UTC)". Dates are shown
/// when the two times fall on different days, seconds when either has any.
fn before_message(
    later: TimePoint,
    later_at: DateTime<Utc>,
    earlier: TimePoint,
    earlier_at: DateTime<Utc>,
) -> String {
    let (a, b) = format_pair(later_at, earlier_at);
    format!(
        "{} ({a}) is before {} ({b})",
        later.label(),
        earlier.label()
    )
}

/// Formats two times so that they can be told apart but are no longer than
/// needed.
pub fn format_pair(a: DateTime<Utc>, b: DateTime<Utc>) -> (String, String) {
    use chrono::Timelike;
    let seconds = a.second() != 0 || b.second() != 0;
    let same_day = a.date_naive() == b.date_naive();
    let fmt = match (same_day, seconds) {
        (true, false) => "%H:%M UTC",
        (true, true) => "%H:%M:%S UTC",
        (false, false) => "%Y-%m-%d %H:%M UTC",
        (false, true) => "%Y-%m-%d %H:%M:%S UTC",
    };
    (a.format(fmt).to_string(), b.format(fmt).to_string())
}

/// Two key times in the wrong order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeProblem {
    /// The time that should come first.
    pub earlier: TimePoint,
    /// The time that should come later but does not.
    pub later: TimePoint,
    pub message: String,
}

/// Checks started ≤ detected ≤ acknowledged ≤ mitigated ≤ resolved. Times
/// not filled in are skipped: each filled time is compared with the closest
/// filled time before it in that order.
pub fn check_times(times: &KeyTimes) -> Vec<TimeProblem> {
    let filled: Vec<(TimePoint, DateTime<Utc>)> = TimePoint::ALL
        .into_iter()
        .filter_map(|p| p.get(times).map(|t| (p, t)))
        .collect();
    filled
        .windows(2)
        .filter_map(|w| match w {
            [(ep, et), (lp, lt)] if lt < et => Some(TimeProblem {
                earlier: *ep,
                later: *lp,
                message: before_message(*lp, *lt, *ep, *et),
            }),
            _ => None,
        })
        .collect()
}

/// "45 s", "5 min", "1 min 30 s", "1 h 05 min", "2 h", "3 d 2 h".
/// Negative durations get a leading minus sign.
pub fn format_duration(d: Duration) -> String {
    let total = d.num_seconds();
    if total < 0 {
        return format!(
            "-{}",
            format_duration(Duration::seconds(total.saturating_neg()))
        );
    }
    let (days, hours) = (total / 86_400, (total % 86_400) / 3_600);
    let (mins, secs) = ((total % 3_600) / 60, total % 60);
    if days > 0 {
        if hours > 0 {
            format!("{days} d {hours} h")
        } else {
            format!("{days} d")
        }
    } else if hours > 0 {
        if mins > 0 {
            format!("{hours} h {mins:02} min")
        } else {
            format!("{hours} h")
        }
    } else if mins > 0 {
        if mins < 10 && secs > 0 {
            format!("{mins} min {secs:02} s")
        } else {
            format!("{mins} min")
        }
    } else {
        format!("{secs} s")
    }
}

/// Warnings about timeline events, each with the event's id: events listed
/// after a later event, and events before the incident started (often right,
/// e.g. the change that set it off, but worth a second look).
pub fn timeline_warnings(doc: &Postmortem) -> Vec<(Id, String)> {
    let mut out = Vec::new();
    let mut latest: Option<DateTime<Utc>> = None;
    for ev in &doc.timeline {
        let Some(at) = ev.at else { continue };
        if let Some(started) = doc.times.started {
            if at < started {
                let (a, b) = format_pair(at, started);
                out.push((
                    ev.id.clone(),
                    format!("Happens at {a}, before the incident started ({b}); check the time, or keep it if it led up to the incident"),
                ));
            }
        }
        match latest {
            Some(prev) if at < prev => {
                let (a, b) = format_pair(at, prev);
                out.push((
                    ev.id.clone(),
                    format!("Out of order: happens at {a} but is listed after an event at {b}"),
                ));
            }
            _ => latest = Some(at),
        }
    }
    out
}

/// Sorts the timeline by time. Events with the same time keep their order;
/// events without a time go to the end, also in their order.
pub fn sort_timeline(doc: &mut Postmortem) {
    doc.timeline.sort_by_key(|e| (e.at.is_none(), e.at));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EventKind, TimelineEvent};
    use chrono::TimeZone;

    fn at(h: u32, m: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 20, h, m, 0).unwrap()
    }

    fn full() -> KeyTimes {
        KeyTimes {
            started: Some(at(14, 2)),
            detected: Some(at(14, 8)),
            acknowledged: Some(at(14, 12)),
            mitigated: Some(at(14, 41)),
            resolved: Some(at(15, 7)),
            extra: Default::default(),
        }
    }

    #[test]
    fn durations_follow_the_documented_formulas() {
        let m = durations(&full());
        let ids: Vec<_> = m.iter().map(|m| m.id).collect();
        assert_eq!(
            ids,
            [
                "time_to_detect",
                "time_to_acknowledge",
                "time_to_mitigate",
                "time_to_resolve"
            ]
        );
        let shown: Vec<_> = m.iter().map(Metric::display_value).collect();
        assert_eq!(shown, ["6 min", "4 min", "39 min", "1 h 05 min"]);
        assert_eq!(m[0].formula, "detected − started");
        assert_eq!(m[1].formula, "acknowledged − detected");
        assert_eq!(m[3].formula, "resolved − started");
    }

    #[test]
    fn missing_times_are_named() {
        let mut t = full();
        t.detected = None;
        let m = durations(&t);
        assert_eq!(
            m[0].value,
            Err(MetricProblem::Missing(vec![TimePoint::Detected]))
        );
        assert_eq!(m[1].display_value(), "needs Detected");
        assert_eq!(m[2].value, Ok(Duration::minutes(39)));
        let none = durations(&KeyTimes::default());
        assert_eq!(
            none[3].value,
            Err(MetricProblem::Missing(vec![
                TimePoint::Started,
                TimePoint::Resolved
            ]))
        );
        assert_eq!(none[3].display_value(), "needs Started and Resolved");
    }

    #[test]
    fn contradictions_say_what_is_wrong_instead_of_a_negative_duration() {
        let t = KeyTimes {
            started: Some(at(14, 20)),
            detected: Some(at(14, 10)),
            ..KeyTimes::default()
        };
        let m = durations(&t);
        assert_eq!(
            m[0].value,
            Err(MetricProblem::Contradiction(
                "Detected (14:10 UTC) is before Started (14:20 UTC)".into()
            ))
        );
        let t = KeyTimes {
            started: Some(at(14, 20)),
            resolved: Some(Utc.with_ymd_and_hms(2026, 11, 19, 23, 5, 30).unwrap()),
            ..KeyTimes::default()
        };
        assert_eq!(
            durations(&t)[3].display_value(),
            "Resolved (2026-11-19 23:05:30 UTC) is before Started (2026-11-20 14:20:00 UTC)"
        );
    }

    #[test]
    fn equal_times_are_fine() {
        let t = KeyTimes {
            started: Some(at(14, 0)),
            detected: Some(at(14, 0)),
            ..KeyTimes::default()
        };
        assert_eq!(durations(&t)[0].display_value(), "0 s");
        assert!(check_times(&t).is_empty());
    }

    #[test]
    fn check_times_compares_neighbouring_filled_times() {
        assert!(check_times(&full()).is_empty());
        assert!(check_times(&KeyTimes::default()).is_empty());
        let mut t = full();
        t.detected = None;
        t.acknowledged = Some(at(13, 50));
        let p = check_times(&t);
        assert_eq!(p.len(), 1);
        assert_eq!(
            (p[0].earlier, p[0].later),
            (TimePoint::Started, TimePoint::Acknowledged)
        );
        assert_eq!(
            p[0].message,
            "Acknowledged (13:50 UTC) is before Started (14:02 UTC)"
        );
        let mut t = full();
        t.mitigated = Some(at(15, 30));
        let p = check_times(&t);
        assert_eq!(p.len(), 1);
        assert_eq!(
            p[0].message,
            "Resolved (15:07 UTC) is before Mitigated (15:30 UTC)"
        );
    }

    #[test]
    fn formats_durations_compactly() {
        let f = |s: i64| format_duration(Duration::seconds(s));
        assert_eq!(f(0), "0 s");
        assert_eq!(f(45), "45 s");
        assert_eq!(f(90), "1 min 30 s");
        assert_eq!(f(600), "10 min");
        assert_eq!(f(659), "10 min");
        assert_eq!(f(3_900), "1 h 05 min");
        assert_eq!(f(7_200), "2 h");
        assert_eq!(f(3 * 86_400 + 2 * 3_600 + 59), "3 d 2 h");
        assert_eq!(f(86_400), "1 d");
        assert_eq!(f(-90), "-1 min 30 s");
    }

    fn ev(id: &str, at: Option<DateTime<Utc>>) -> TimelineEvent {
        TimelineEvent {
            id: id.into(),
            at,
            kind: EventKind::Observation,
            text: id.into(),
            starred: false,
            extra: Default::default(),
        }
    }

    #[test]
    fn timeline_warnings_and_sorting() {
        let mut doc = Postmortem::new("pm-1".into(), at(16, 0));
        doc.times.started = Some(at(14, 2));
        doc.timeline = vec![
            ev("a", Some(at(14, 5))),
            ev("b", None),
            ev("c", Some(at(14, 20))),
            ev("d", Some(at(14, 10))),
            ev("e", Some(at(13, 55))),
            ev("f", Some(at(14, 10))),
        ];
        let w = timeline_warnings(&doc);
        let ids: Vec<&str> = w.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(ids, ["d", "e", "e", "f"]);
        assert_eq!(
            w[0].1,
            "Out of order: happens at 14:10 UTC but is listed after an event at 14:20 UTC"
        );
        assert!(w[1]
            .1
            .starts_with("Happens at 13:55 UTC, before the incident started (14:02 UTC)"));
        sort_timeline(&mut doc);
        let order: Vec<&str> = doc.timeline.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(order, ["e", "a", "d", "f", "c", "b"]);
        doc.times.started = Some(at(13, 0));
        assert!(timeline_warnings(&doc).is_empty());
    }
}
