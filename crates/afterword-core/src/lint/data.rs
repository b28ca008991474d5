//! The checker's data: the name lists and the sentence model's weights
//! (about 200 KB, under 90 KB compressed).
//!
//! Built in with the `built-in-data` feature (the default). Without it (what
//! the split web app uses, so that the home screen does not download them)
//! they are a file of their own, [`bundle`] of the three, that the app
//! fetches with the editor's part and hands to [`install`]. Until then the
//! name lists are empty and the sentence model is silent: every other rule
//! runs as usual.

const GIVEN: &str = include_str!("../../data/given-names.txt");
const FAMILY: &str = include_str!("../../data/family-names.txt");
const MODEL: &[u8] = include_bytes!("../../data/blame-model.bin");
const MAGIC: &[u8; 8] = b"AWDATA1\n";

/// The data file: a magic line, the three lengths (u32, little-endian),
/// then the given names, the family names and the model, as shipped.
pub fn bundle() -> Vec<u8> {
    let mut out = Vec::with_capacity(MAGIC.len() + 12 + GIVEN.len() + FAMILY.len() + MODEL.len());
    out.extend_from_slice(MAGIC);
    for len in [GIVEN.len(), FAMILY.len(), MODEL.len()] {
        out.extend_from_slice(&(len as u32).to_le_bytes());
    }
    out.extend_from_slice(GIVEN.as_bytes());
    out.extend_from_slice(FAMILY.as_bytes());
    out.extend_from_slice(MODEL);
    out
}

/// The data file's name: `checker-<hash>.bin`, with a hash of its content
/// (FNV-1a, 64 bits, over the whole file), so a new list or model is
/// never confused with an old copy in a cache.
pub fn bundle_name() -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bundle() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("checker-{h:016x}.bin")
}

#[allow(dead_code)] // without built-in data, only install() makes one
struct Data {
    given: &'static str,
    family: &'static str,
    model: &'static [u8],
}

#[cfg(not(feature = "built-in-data"))]
static INSTALLED: std::sync::OnceLock<Data> = std::sync::OnceLock::new();

fn data() -> Option<&'static Data> {
    #[cfg(not(feature = "built-in-data"))]
    {
        INSTALLED.get()
    }
    #[cfg(feature = "built-in-data")]
    {
        static BUILT_IN: Data = Data {
            given: GIVEN,
            family: FAMILY,
            model: MODEL,
        };
        Some(&BUILT_IN)
    }
}

/// Whether the name lists and the model are there (always when built in).
pub fn installed() -> bool {
    data().is_some()
}

/// Takes the data file fetched by the app. Installing twice keeps the
/// first; with the data built in, this only checks the file.
pub fn install(file: Vec<u8>) -> Result<(), String> {
    let bad = || "the checker's data file is damaged or from another version".to_owned();
    if file.len() < MAGIC.len() + 12 || &file[..MAGIC.len()] != MAGIC {
        return Err(bad());
    }
    let len = |i: usize| {
        let at = MAGIC.len() + 4 * i;
        u32::from_le_bytes([file[at], file[at + 1], file[at + 2], file[at + 3]]) as usize
    };
    let (g, f, m) = (len(0), len(1), len(2));
    let start = MAGIC.len() + 12;
    if file.len() != start + g + f + m {
        return Err(bad());
    }
    let file: &'static [u8] = Vec::leak(file);
    let text =
        |from: usize, n: usize| std::str::from_utf8(&file[from..from + n]).map_err(|_| bad());
    let data = Data {
        given: text(start, g)?,
        family: text(start + g, f)?,
        model: &file[start + g + f..],
    };
    #[cfg(not(feature = "built-in-data"))]
    let _ = INSTALLED.set(data);
    #[cfg(feature = "built-in-data")]
    let _ = data;
    Ok(())
}

pub(crate) fn given() -> Option<&'static str> {
    data().map(|d| d.given)
}

pub(crate) fn family() -> Option<&'static str> {
    data().map(|d| d.family)
}

pub(crate) fn model() -> Option<&'static [u8]> {
    data().map(|d| d.model)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundle_holds_the_three_files_in_order() {
        let b = bundle();
        assert_eq!(&b[..8], MAGIC);
        let start = 8 + 12;
        assert_eq!(&b[start..start + GIVEN.len()], GIVEN.as_bytes());
        assert!(b.ends_with(MODEL));
        assert_eq!(b.len(), start + GIVEN.len() + FAMILY.len() + MODEL.len());
        let name = bundle_name();
        assert!(name.starts_with("checker-") && name.ends_with(".bin") && name.len() == 8 + 16 + 4);
    }
}
