//! Prints generated postmortems as a JSON array, ready to be stored under
//! `{ns}:draft:<id>`: the end-to-end tests and the review benchmark seed
//! the browser's storage with them.
//!
//! `sample_drafts COUNT SEED [ID_PREFIX [TODAY]]` — with ID_PREFIX the
//! documents get ids `<ID_PREFIX>-<n>` instead of the generator's
//! `sample-…` ids, so they stand for a person's own drafts. They are dated
//! over the year before TODAY (`YYYY-MM-DD`, by default the current day in
//! UTC), as the app dates the samples it adds.

use afterword_core::sample::generate_samples;

fn main() {
    let mut args = std::env::args().skip(1);
    let count = args.next().and_then(|v| v.parse().ok()).unwrap_or(24);
    let seed = args.next().and_then(|v| v.parse().ok()).unwrap_or(1);
    let prefix = args.next().filter(|p| !p.is_empty());
    let today = args
        .next()
        .and_then(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok())
        .unwrap_or_else(today_utc);
    let mut docs = generate_samples(count, seed, today);
    if let Some(prefix) = prefix {
        for (n, doc) in docs.iter_mut().enumerate() {
            doc.id = format!("{prefix}-{n}");
        }
    }
    match serde_json::to_string(&docs) {
        Ok(json) => println!("{json}"),
        Err(e) => {
            eprintln!("could not write the drafts: {e}");
            std::process::exit(1);
        }
    }
}

fn today_utc() -> chrono::NaiveDate {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    chrono::DateTime::from_timestamp(i64::try_from(secs).unwrap_or(0), 0)
        .map(|t| t.date_naive())
        .unwrap_or_default()
}
