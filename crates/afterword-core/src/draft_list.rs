//! Finding a draft in a long home list: the search over what the index keeps
//! of each draft (title, owner, participants, the start of the summary) and
//! the orders the list can be shown in. Works on the draft list the app
//! holds (taken from each draft as it is read or saved), so searching reads
//! nothing from storage.

use std::cmp::Ordering;

use crate::store::DraftMeta;

/// The orders of the home list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DraftOrder {
    /// Most recently edited first.
    #[default]
    LastEdited,
    /// Most recent incident first; drafts with no date last.
    IncidentDate,
    /// Most severe first (SEV1 before SEV4); unclassified last.
    Severity,
    /// Alphabetical, ignoring case.
    Title,
}

impl DraftOrder {
    pub const ALL: [DraftOrder; 4] = [
        DraftOrder::LastEdited,
        DraftOrder::IncidentDate,
        DraftOrder::Severity,
        DraftOrder::Title,
    ];

    /// The stable name used in the page (a `<select>` value).
    pub fn key(self) -> &'static str {
        match self {
            DraftOrder::LastEdited => "edited",
            DraftOrder::IncidentDate => "incident",
            DraftOrder::Severity => "severity",
            DraftOrder::Title => "title",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            DraftOrder::LastEdited => "Last edited",
            DraftOrder::IncidentDate => "Incident date",
            DraftOrder::Severity => "Severity",
            DraftOrder::Title => "Title",
        }
    }

    pub fn from_key(key: &str) -> Option<DraftOrder> {
        DraftOrder::ALL.into_iter().find(|o| o.key() == key)
    }
}

/// True when every word of `query` appears (ignoring case) in the draft's
/// title, owner, participants or summary start. An empty query matches all.
pub fn matches(meta: &DraftMeta, query: &str) -> bool {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    if words.is_empty() {
        return true;
    }
    let hay = format!("{}\n{}", meta.title, meta.search_text).to_lowercase();
    words.iter().all(|w| hay.contains(w.as_str()))
}

/// Sorts drafts in `order`; ties fall back to the last edit, then the id,
/// so the list never reshuffles between two identical sorts.
pub fn sort(drafts: &mut [DraftMeta], order: DraftOrder) {
    let by_edit = |a: &DraftMeta, b: &DraftMeta| {
        b.updated_at
            .cmp(&a.updated_at)
            .then_with(|| a.id.cmp(&b.id))
    };
    drafts.sort_by(|a, b| {
        let first = match order {
            DraftOrder::LastEdited => Ordering::Equal,
            DraftOrder::IncidentDate => match (a.incident_date, b.incident_date) {
                (Some(x), Some(y)) => y.cmp(&x),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            },
            DraftOrder::Severity => match (a.severity, b.severity) {
                (Some(x), Some(y)) => x.cmp(&y),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            },
            DraftOrder::Title => a.title.to_lowercase().cmp(&b.title.to_lowercase()),
        };
        first.then_with(|| by_edit(a, b))
    });
}

/// The title of a duplicate, told apart from its original in the list.
pub fn copy_title(title: &str) -> String {
    format!("{} (copy)", title.trim())
}

/// The title of a file kept beside a draft with the same id ("Keep both").
pub fn imported_title(title: &str, on: chrono::NaiveDate) -> String {
    format!("{} (imported {})", title.trim(), on.format("%Y-%m-%d"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Participant, Postmortem, Severity};
    use crate::store::{Library, MemoryStore};
    use chrono::{NaiveDate, TimeZone, Utc};

    fn library() -> Library<MemoryStore> {
        let lib = Library::new(MemoryStore::new(), "afterword");
        let docs = [
            (
                "a",
                "Checkout errors after the 2.14 release",
                Some(Severity::Sev2),
                Some((2026, 3, 4)),
                "Ines Duarte",
                1,
            ),
            ("b", "billing delays", None, None, "Kwame Mensah", 3),
            (
                "c",
                "Search latency",
                Some(Severity::Sev1),
                Some((2026, 5, 1)),
                "",
                2,
            ),
        ];
        for (id, title, sev, date, owner, hour) in docs {
            let at = Utc.with_ymd_and_hms(2026, 11, 2, hour, 0, 0).unwrap();
            let mut doc = Postmortem::new(id.to_owned(), at);
            doc.title = title.to_owned();
            doc.classification.severity = sev;
            doc.incident_date = date.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d));
            doc.owner = owner.to_owned();
            if id == "c" {
                doc.participants.push(Participant {
                    id: "p1".into(),
                    name: "Mei Lin".into(),
                    role: Default::default(),
                    extra: Default::default(),
                });
                doc.summary =
                    "Queries timed out while the index was rebuilt during peak traffic.".into();
            }
            lib.save(&mut doc, at).unwrap();
        }
        lib
    }

    fn ids(metas: &[DraftMeta]) -> Vec<&str> {
        metas.iter().map(|m| m.id.as_str()).collect()
    }

    #[test]
    fn search_looks_at_title_owner_participants_and_summary() {
        let lib = library();
        let all: Vec<DraftMeta> = lib.load().drafts.into_iter().map(|(m, _)| m).collect();
        let found = |q: &str| {
            let mut hits: Vec<&str> = all
                .iter()
                .filter(|m| matches(m, q))
                .map(|m| m.id.as_str())
                .collect();
            hits.sort();
            hits
        };
        assert_eq!(found("checkout"), ["a"]);
        assert_eq!(found("KWAME"), ["b"]);
        assert_eq!(found("mei"), ["c"]);
        assert_eq!(
            found("index rebuilt"),
            ["c"],
            "every word, anywhere in the summary"
        );
        assert_eq!(found("index checkout"), Vec::<&str>::new());
        assert_eq!(found("  "), ["a", "b", "c"]);
    }

    #[test]
    fn every_order_puts_drafts_where_a_reader_expects() {
        let lib = library();
        let mut all: Vec<DraftMeta> = lib.load().drafts.into_iter().map(|(m, _)| m).collect();
        sort(&mut all, DraftOrder::LastEdited);
        assert_eq!(ids(&all), ["b", "c", "a"]);
        sort(&mut all, DraftOrder::IncidentDate);
        assert_eq!(
            ids(&all),
            ["c", "a", "b"],
            "newest incident first, undated last"
        );
        sort(&mut all, DraftOrder::Severity);
        assert_eq!(ids(&all), ["c", "a", "b"], "SEV1 first, unclassified last");
        sort(&mut all, DraftOrder::Title);
        assert_eq!(ids(&all), ["b", "a", "c"], "case is ignored");
    }

    #[test]
    fn copies_are_told_apart_by_their_title() {
        assert_eq!(copy_title("Search latency "), "Search latency (copy)");
        let day = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        assert_eq!(
            imported_title("Search latency", day),
            "Search latency (imported 2026-12-02)"
        );
    }

    #[test]
    fn order_keys_round_trip() {
        for o in DraftOrder::ALL {
            assert_eq!(DraftOrder::from_key(o.key()), Some(o));
        }
        assert_eq!(DraftOrder::from_key("nonsense"), None);
    }
}
