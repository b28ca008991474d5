//! Prints generated postmortems as a JSON array, ready to be stored under
//! `{ns}:draft:<id>`: the end-to-end tests and the review benchmark seed
//! the browser's storage with them.
//!
//! `sample_drafts COUNT SEED [ID_PREFIX]` — with ID_PREFIX the documents
//! get ids `<ID_PREFIX>-<n>` instead of the generator's `sample-…` ids, so
//! they stand for a person's own drafts.

use afterword_core::sample::generate_samples;

fn main() {
    let mut args = std::env::args().skip(1);
    let count = args.next().and_then(|v| v.parse().ok()).unwrap_or(24);
    let seed = args.next().and_then(|v| v.parse().ok()).unwrap_or(1);
    let prefix = args.next();
    let mut docs = generate_samples(count, seed);
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
