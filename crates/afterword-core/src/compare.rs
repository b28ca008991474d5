//! What differs between two versions of one draft, field by field, for a
//! person choosing between them (a version a closing tab kept, and the one
//! stored since).
//!
//! Entries of a list are matched by their id, so an event edited in one
//! version and moved in the other reads as one change, not two.

use serde_json::Value;

use crate::model::Postmortem;

/// One field whose value differs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    /// Where, as `timeline[ev-3].text` or `sections.resolution`.
    pub place: String,
    /// The value in the first version ("" when it is not there).
    pub ours: String,
    /// The value in the second version ("" when it is not there).
    pub theirs: String,
}

/// The differences between `ours` and `theirs`, at most `limit` of them.
/// Bookkeeping (revision, last update) is left out.
pub fn differences(ours: &Postmortem, theirs: &Postmortem, limit: usize) -> Vec<Difference> {
    let (Ok(a), Ok(b)) = (serde_json::to_value(ours), serde_json::to_value(theirs)) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    walk("", &a, &b, &mut out, limit);
    out.retain(|d| d.place != "revision" && d.place != "updated_at");
    out
}

fn walk(place: &str, a: &Value, b: &Value, out: &mut Vec<Difference>, limit: usize) {
    if out.len() >= limit || a == b {
        return;
    }
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            let mut keys: Vec<&String> = x.keys().chain(y.keys()).collect();
            keys.sort();
            keys.dedup();
            for key in keys {
                let inner = join(place, key);
                walk(
                    &inner,
                    x.get(key).unwrap_or(&Value::Null),
                    y.get(key).unwrap_or(&Value::Null),
                    out,
                    limit,
                );
            }
        }
        (Value::Array(x), Value::Array(y)) if has_ids(x) && has_ids(y) => {
            let id = |v: &Value| v.get("id").and_then(Value::as_str).map(str::to_owned);
            let mut ids: Vec<String> = Vec::new();
            for v in x.iter().chain(y) {
                if let Some(i) = id(v) {
                    if !ids.contains(&i) {
                        ids.push(i);
                    }
                }
            }
            for i in ids {
                let find = |list: &[Value]| {
                    list.iter()
                        .find(|v| id(v).as_deref() == Some(i.as_str()))
                        .cloned()
                        .unwrap_or(Value::Null)
                };
                walk(&format!("{place}[{i}]"), &find(x), &find(y), out, limit);
            }
            let order = |list: &[Value]| list.iter().filter_map(id).collect::<Vec<_>>();
            if order(x) != order(y) && out.len() < limit {
                out.push(Difference {
                    place: format!("{place} (order)"),
                    ours: order(x).join(", "),
                    theirs: order(y).join(", "),
                });
            }
        }
        _ => out.push(Difference {
            place: place.to_owned(),
            ours: shown(a),
            theirs: shown(b),
        }),
    }
}

fn has_ids(list: &[Value]) -> bool {
    list.iter()
        .all(|v| v.get("id").is_some_and(Value::is_string))
}

fn join(place: &str, key: &str) -> String {
    if place.is_empty() {
        key.to_owned()
    } else {
        format!("{place}.{key}")
    }
}

fn shown(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{TimelineEvent, Unknown};
    use chrono::TimeZone;

    fn doc() -> Postmortem {
        let now = chrono::Utc
            .with_ymd_and_hms(2026, 11, 20, 14, 0, 0)
            .unwrap();
        let mut d = Postmortem::new("pm-1".into(), now);
        d.title = "Outage".into();
        for i in 1..=3 {
            d.timeline.push(TimelineEvent {
                id: format!("ev-{i}"),
                at: None,
                kind: Default::default(),
                text: format!("event {i}"),
                starred: false,
                extra: Unknown::new(),
            });
        }
        d
    }

    #[test]
    fn names_each_changed_field_by_entry_id() {
        let a = doc();
        let mut b = doc();
        b.title = "Checkout outage".into();
        b.timeline[1].text = "event two".into();
        b.revision = 9;
        b.sections.insert("resolution".into(), "Rolled back".into());
        let diffs = differences(&a, &b, 50);
        let places: Vec<_> = diffs.iter().map(|d| d.place.as_str()).collect();
        assert_eq!(
            places,
            ["sections.resolution", "timeline[ev-2].text", "title"]
        );
        assert_eq!(diffs[2].ours, "Outage");
        assert_eq!(diffs[2].theirs, "Checkout outage");
        assert!(differences(&a, &a.clone(), 50).is_empty());
    }

    #[test]
    fn a_moved_entry_is_one_order_change() {
        let a = doc();
        let mut b = doc();
        b.timeline.swap(0, 2);
        let diffs = differences(&a, &b, 50);
        assert_eq!(diffs.len(), 1);
        assert_eq!(diffs[0].place, "timeline (order)");
        assert_eq!(diffs[0].ours, "ev-1, ev-2, ev-3");
    }
}
