//! The browser app's layout, read from its source: dependencies run one way
//! (no two files of `src/` need each other, directly or round a loop), and
//! no file under `src/` builds a storage key or parses a stored value: the
//! core's `Library` owns both.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Every `.rs` file of the app, by module path (`components::editor`), with
/// its code (comment lines removed: a doc link is not a dependency).
fn app_modules() -> BTreeMap<String, String> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../src");
    let mut out = BTreeMap::new();
    let mut stack = vec![src.clone()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).expect("src/ is readable") {
            let path: PathBuf = entry.expect("a directory entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let rel = path.strip_prefix(&src).expect("under src/");
                let mut name = rel.with_extension("").to_string_lossy().replace('/', "::");
                if let Some(parent) = name.strip_suffix("::mod") {
                    name = parent.to_owned();
                }
                let text = fs::read_to_string(&path).expect("a source file");
                let code: Vec<&str> = text
                    .lines()
                    .filter(|l| !l.trim_start().starts_with("//"))
                    .collect();
                out.insert(name, code.join("\n"));
            }
        }
    }
    assert!(out.len() > 20, "the app's modules were found: {out:?}");
    out
}

/// The app modules `code` names with `crate::…`.
fn uses(code: &str, modules: &BTreeMap<String, String>, own: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for (at, _) in code.match_indices("crate::") {
        let path: String = code[at + "crate::".len()..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == ':')
            .collect();
        let parts: Vec<&str> = path.split("::").filter(|p| !p.is_empty()).collect();
        for n in (1..=parts.len()).rev() {
            let candidate = parts[..n].join("::");
            if modules.contains_key(&candidate) {
                if candidate != own {
                    out.insert(candidate);
                }
                break;
            }
        }
    }
    out
}

/// A loop of modules that need each other, if there is one.
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    fn visit(
        m: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        marks: &mut BTreeMap<String, Mark>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        marks.insert(m.to_owned(), Mark::Open);
        path.push(m.to_owned());
        for next in &graph[m] {
            match marks[next] {
                Mark::Open => {
                    let from = path.iter().position(|p| p == next).expect("on the path");
                    let mut cycle = path[from..].to_vec();
                    cycle.push(next.clone());
                    return Some(cycle);
                }
                Mark::New => {
                    if let Some(c) = visit(next, graph, marks, path) {
                        return Some(c);
                    }
                }
                Mark::Done => {}
            }
        }
        path.pop();
        marks.insert(m.to_owned(), Mark::Done);
        None
    }
    let mut marks: BTreeMap<String, Mark> = graph.keys().map(|k| (k.clone(), Mark::New)).collect();
    for m in graph.keys() {
        if marks[m] == Mark::New {
            if let Some(c) = visit(m, graph, &mut marks, &mut Vec::new()) {
                return Some(c);
            }
        }
    }
    None
}

#[test]
fn no_two_app_modules_need_each_other() {
    let modules = app_modules();
    let graph: BTreeMap<String, BTreeSet<String>> = modules
        .iter()
        .map(|(name, code)| (name.clone(), uses(code, &modules, name)))
        .collect();
    // The layers the README describes, as a spot check that edges are seen.
    assert!(graph["app"].contains("state"), "{:?}", graph["app"]);
    assert!(graph["state"].contains("session"), "{:?}", graph["state"]);
    assert!(!graph["state"].contains("app"));
    if let Some(cycle) = find_cycle(&graph) {
        panic!("these modules need each other: {}", cycle.join(" → "));
    }
}

#[test]
fn the_cycle_finder_finds_a_loop() {
    let graph: BTreeMap<String, BTreeSet<String>> = [
        ("a", vec!["b"]),
        ("b", vec!["c"]),
        ("c", vec!["a"]),
        ("d", vec![]),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.into_iter().map(str::to_owned).collect()))
    .collect();
    let cycle = find_cycle(&graph).expect("a → b → c → a");
    assert_eq!(cycle.first(), cycle.last());
    assert_eq!(cycle.len(), 4);
}

#[test]
fn no_app_file_builds_a_storage_key_or_parses_stored_data() {
    // The key shapes `Library` writes, and the ways to read stored JSON.
    let forbidden = [
        ":draft:",
        ":index\"",
        ":trash\"",
        ":quarantine:",
        ":recovered:",
        ":open:",
        ":templates\"",
        ":settings\"",
        ":team\"",
        ":team:state\"",
        "serde_json::from_value",
        ".store()",
        "local_storage()",
    ];
    let mut found = Vec::new();
    for (name, code) in app_modules() {
        // The one storage adapter: it reads and writes whatever keys the
        // library hands it, and builds none.
        if name == "browser" {
            continue;
        }
        for f in forbidden {
            if code.contains(f) {
                found.push(format!("{name}: {f}"));
            }
        }
    }
    assert!(found.is_empty(), "storage is the library's: {found:#?}");
}
