//! Writes the checker's data file (the name lists and the sentence model,
//! see `afterword_core::lint::data`) next to the build and tells the app
//! its name. With the `split` feature the web app fetches it with the
//! editor instead of carrying it in the wasm; scripts/build_wasm.py copies
//! it into dist/.
use std::path::Path;

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let name = afterword_core::lint::data::bundle_name();
    // One data file in the folder: drop those of earlier data.
    for entry in std::fs::read_dir(&out).into_iter().flatten().flatten() {
        let old = entry.file_name().to_string_lossy().into_owned();
        if old.starts_with("checker-") && old.ends_with(".bin") && old != name {
            let _ = std::fs::remove_file(entry.path());
        }
    }
    std::fs::write(
        Path::new(&out).join(&name),
        afterword_core::lint::data::bundle(),
    )
    .expect("the checker's data file can be written");
    println!("cargo:rustc-env=AFTERWORD_CHECKER_DATA={name}");
    println!("cargo:rerun-if-changed=crates/afterword-core/data");
    println!("cargo:rerun-if-changed=build.rs");
}
