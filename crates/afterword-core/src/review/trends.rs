//! How often and how badly things broke, month by month.

use std::borrow::Borrow;
use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate};

use crate::metrics::durations;
use crate::model::{Category, Postmortem, Severity};

/// The most months one call covers. A longer range keeps its last
/// `MAX_MONTHS` months (the ones ending at `to`), so a mistyped year cannot
/// make the review screen build millions of empty months.
pub const MAX_MONTHS: usize = 1200;

/// Column headings for [`MonthStats::by_severity`]: SEV1 … SEV5, then the
/// postmortems without a severity.
pub const SEVERITY_COLUMNS: [&str; 6] = ["SEV1", "SEV2", "SEV3", "SEV4", "SEV5", "Unset"];

/// One calendar month of incidents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthStats {
    /// The first day of the month.
    pub month: NaiveDate,
    /// "Nov 2026".
    pub label: String,
    /// Incidents per severity, SEV1 … SEV5, then those without a severity
    /// (see [`SEVERITY_COLUMNS`]).
    pub by_severity: [usize; 6],
    pub total: usize,
    /// Median of detected − started over the incidents that have both
    /// times in the right order.
    pub median_time_to_detect: Option<Duration>,
    /// Median of resolved − started, on the same terms.
    pub median_time_to_resolve: Option<Duration>,
    /// How many incidents the time-to-detect median is taken over.
    pub ttd_samples: usize,
    /// How many incidents the time-to-resolve median is taken over.
    pub ttr_samples: usize,
}

/// Incidents over a range of months.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Trends {
    /// Every month of the range, oldest first, including months with no
    /// incident. Empty when the range is empty (`from` after `to`).
    pub months: Vec<MonthStats>,
    /// Incidents in the range per category, most frequent first (ties in
    /// the order of [`Category::ALL`]); postmortems without a category
    /// come last as `None`. Categories with no incident are left out.
    pub by_category: Vec<(Option<Category>, usize)>,
}

impl Trends {
    /// Incidents in the whole range.
    pub fn total(&self) -> usize {
        self.months.iter().map(|m| m.total).sum()
    }
}

/// The months the trends show unless the person picks others: the twelve
/// calendar months up to and including the month of `today`, as the first
/// day of the first month and the first day of the last.
pub fn default_range(today: NaiveDate) -> (NaiveDate, NaiveDate) {
    let first_of = |d: NaiveDate| d.with_day(1).unwrap_or(d);
    let from = today
        .checked_sub_months(chrono::Months::new(11))
        .map(first_of)
        .unwrap_or(today);
    (from, first_of(today))
}

/// The day that places a postmortem in a month: the incident date, else
/// the day the incident started, else the day the draft was created.
pub fn incident_day(doc: &Postmortem) -> NaiveDate {
    doc.incident_date
        .or_else(|| doc.times.started.map(|t| t.date_naive()))
        .unwrap_or_else(|| doc.created_at.date_naive())
}

fn month_index(d: NaiveDate) -> i64 {
    i64::from(d.year()) * 12 + i64::from(d.month0())
}

fn month_start(index: i64) -> Option<NaiveDate> {
    let year = i32::try_from(index.div_euclid(12)).ok()?;
    let month = u32::try_from(index.rem_euclid(12)).ok()? + 1;
    NaiveDate::from_ymd_opt(year, month, 1)
}

/// The median; for an even count, the mean of the two middle values.
pub fn median(mut values: Vec<Duration>) -> Option<Duration> {
    values.sort_unstable();
    let n = values.len();
    let upper = *values.get(n / 2)?;
    if n % 2 == 1 {
        return Some(upper);
    }
    let lower = *values.get(n / 2 - 1)?;
    // lower + (upper − lower) / 2 cannot overflow where (lower + upper) might.
    Some(lower + (upper - lower) / 2)
}

fn severity_column(s: Option<Severity>) -> usize {
    match s {
        Some(Severity::Sev1) => 0,
        Some(Severity::Sev2) => 1,
        Some(Severity::Sev3) => 2,
        Some(Severity::Sev4) => 3,
        Some(Severity::Sev5) => 4,
        None => 5,
    }
}

#[derive(Default)]
struct Bucket {
    by_severity: [usize; 6],
    ttd: Vec<Duration>,
    ttr: Vec<Duration>,
}

/// Incident counts and medians for every month from the month of `from`
/// to the month of `to`, both included (the days within the month do not
/// matter). A postmortem is placed by [`incident_day`]. Every postmortem in
/// range is counted; only those whose times give a duration (both times
/// present, the later not before the earlier) take part in the medians.
pub fn trends<I>(docs: I, from: NaiveDate, to: NaiveDate) -> Trends
where
    I: IntoIterator,
    I::Item: Borrow<Postmortem>,
{
    let last = month_index(to);
    let first = month_index(from).max(last - (MAX_MONTHS as i64) + 1);
    if first > last {
        return Trends::default();
    }
    let mut buckets: BTreeMap<i64, Bucket> = BTreeMap::new();
    let mut categories: BTreeMap<Option<Category>, usize> = BTreeMap::new();
    for doc in docs {
        let doc: &Postmortem = doc.borrow();
        let m = month_index(incident_day(doc));
        if m < first || m > last {
            continue;
        }
        let b = buckets.entry(m).or_default();
        b.by_severity[severity_column(doc.classification.severity)] += 1;
        for metric in durations(&doc.times) {
            let Ok(d) = metric.value else { continue };
            match metric.id {
                "time_to_detect" => b.ttd.push(d),
                "time_to_resolve" => b.ttr.push(d),
                _ => {}
            }
        }
        *categories.entry(doc.classification.category).or_default() += 1;
    }

    let mut months = Vec::new();
    for index in first..=last {
        let Some(month) = month_start(index) else {
            continue;
        };
        let b = buckets.remove(&index).unwrap_or_default();
        months.push(MonthStats {
            month,
            label: month.format("%b %Y").to_string(),
            by_severity: b.by_severity,
            total: b.by_severity.iter().sum(),
            ttd_samples: b.ttd.len(),
            ttr_samples: b.ttr.len(),
            median_time_to_detect: median(b.ttd),
            median_time_to_resolve: median(b.ttr),
        });
    }

    let mut by_category: Vec<(Option<Category>, usize)> = categories.into_iter().collect();
    // The map holds `None` first and then the categories in enum order;
    // the stable sort keeps that order among equal counts.
    by_category.sort_by_key(|(c, n)| (c.is_none(), std::cmp::Reverse(*n)));
    Trends {
        months,
        by_category,
    }
}
