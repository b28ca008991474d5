//! Scores the blameless checker against its corpus (`corpus/`, see its
//! README): precision, recall and F1 on the development and held-out
//! sentences, overall and per category, then the planted cases caught in the
//! whole postmortems and every extra flag. Everything is linted with no
//! participant list, as a new user would.
//!
//! `lint_quality [--misses] [CORPUS_DIR]` (scripts/lint-quality.sh runs it).

use afterword_core::lint::{lint_text, participants_in_markdown, LintConfig};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Deserialize)]
struct Sentence {
    id: String,
    text: String,
    blame: bool,
    category: String,
}

#[derive(Default, Clone, Copy)]
struct Counts {
    tp: u32,
    fp: u32,
    fn_: u32,
    tn: u32,
}

impl Counts {
    fn add(&mut self, blame: bool, flagged: bool) {
        match (blame, flagged) {
            (true, true) => self.tp += 1,
            (false, true) => self.fp += 1,
            (true, false) => self.fn_ += 1,
            (false, false) => self.tn += 1,
        }
    }

    fn line(&self) -> String {
        let p = ratio(self.tp, self.tp + self.fp);
        let r = ratio(self.tp, self.tp + self.fn_);
        let f1 = match (p, r) {
            (Some(p), Some(r)) if p + r > 0.0 => Some(2.0 * p * r / (p + r)),
            _ => None,
        };
        format!(
            "precision {}  recall {}  F1 {}  (tp {} fp {} fn {} tn {})",
            show(p),
            show(r),
            show(f1),
            self.tp,
            self.fp,
            self.fn_,
            self.tn
        )
    }
}

fn ratio(a: u32, b: u32) -> Option<f64> {
    (b > 0).then(|| f64::from(a) / f64::from(b))
}

fn show(x: Option<f64>) -> String {
    x.map_or_else(|| "  -  ".to_string(), |x| format!("{x:.3}"))
}

fn load(path: &Path) -> Vec<Sentence> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("cannot read {}: {e}", path.display());
            std::process::exit(2);
        }
    };
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .enumerate()
        .map(|(n, l)| match serde_json::from_str(l) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("{}:{}: {e}", path.display(), n + 1);
                std::process::exit(2);
            }
        })
        .collect()
}

fn score_sentences(name: &str, sentences: &[Sentence], misses: bool) {
    let cfg = LintConfig::default();
    let mut all = Counts::default();
    let mut by_cat: BTreeMap<&str, Counts> = BTreeMap::new();
    let mut wrong = Vec::new();
    for s in sentences {
        let found = lint_text(&s.text, &cfg);
        let flagged = !found.is_empty();
        all.add(s.blame, flagged);
        by_cat.entry(&s.category).or_default().add(s.blame, flagged);
        if flagged != s.blame {
            let rules: Vec<&str> = found.iter().map(|f| f.rule.as_str()).collect();
            wrong.push(format!(
                "  {} {} [{}] {}{}",
                if s.blame { "MISS" } else { "FALSE" },
                s.id,
                s.category,
                s.text,
                if rules.is_empty() {
                    String::new()
                } else {
                    format!("  <- {}", rules.join(", "))
                }
            ));
        }
    }
    println!("{name}: {} sentences", sentences.len());
    println!("  overall      {}", all.line());
    for (cat, c) in &by_cat {
        println!("  {cat:<17}{}", c.line());
    }
    if misses {
        for w in &wrong {
            println!("{w}");
        }
    }
}

fn score_postmortems(dir: &Path, misses: bool) {
    let mut files: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(entries) => entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "md"))
            .collect(),
        Err(e) => {
            eprintln!("cannot read {}: {e}", dir.display());
            std::process::exit(2);
        }
    };
    files.sort();
    let (mut planted, mut caught, mut extra) = (0, 0, 0);
    let mut notes = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap_or_default();
        let expected = std::fs::read_to_string(file.with_extension("expected")).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        let mut planted_lines = Vec::new();
        for e in expected.lines().filter(|l| !l.trim().is_empty()) {
            let snippet = e.split_once(' ').map_or(e, |(_, s)| s);
            match lines.iter().position(|l| l.contains(snippet)) {
                Some(n) => planted_lines.push((n + 1, e.to_string())),
                None => notes.push(format!("  {}: planted text not found: {e}", file.display())),
            }
        }
        // As `afterword lint` reads it: people from the document's own
        // participant list, if it has one.
        let cfg = LintConfig::with_participants(participants_in_markdown(&text));
        let found = lint_text(&text, &cfg);
        for (line, what) in &planted_lines {
            planted += 1;
            if found.iter().any(|f| f.span.line == *line) {
                caught += 1;
            } else {
                notes.push(format!("  MISS {}:{line}: {what}", file.display()));
            }
        }
        for f in &found {
            if !planted_lines.iter().any(|(l, _)| *l == f.span.line) {
                extra += 1;
                notes.push(format!(
                    "  EXTRA {}:{}: {} “{}”",
                    file.display(),
                    f.span.line,
                    f.rule,
                    f.text
                ));
            }
        }
    }
    println!(
        "postmortems: {} documents, planted blame caught {caught} of {planted}, {extra} other flags",
        files.len()
    );
    if misses {
        for n in &notes {
            println!("{n}");
        }
    }
}

fn main() {
    let mut misses = false;
    let mut dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/corpus"));
    for arg in std::env::args().skip(1) {
        if arg == "--misses" {
            misses = true;
        } else {
            dir = PathBuf::from(arg);
        }
    }
    score_sentences("dev", &load(&dir.join("sentences/dev.jsonl")), misses);
    score_sentences(
        "held-out (never tuned on)",
        &load(&dir.join("sentences/heldout.jsonl")),
        misses,
    );
    score_postmortems(&dir.join("postmortems"), misses);
}
