//! A mutation fuzzer for every parser that reads text from outside (files,
//! storage, the clipboard), on stable Rust.
//!
//! Each target starts from real inputs (samples, test fixtures) and is fed
//! mutated copies of them: bytes flipped, inserted, deleted, chunks repeated
//! or spliced between inputs, tokens of the formats dropped in. A case that
//! panics or runs longer than the hang limit is written to
//! `target/fuzz-findings/` so it can become a regression test.
//!
//!   cargo run --profile fuzz -p afterword-core --example fuzz -- --cases 1000000
//!
//! Options: `--cases N` per target (default 20000), `--seed N`, `--only NAME`
//! (a part of a target's name), `--hang-ms N` (default 1000), `--max-bytes N`
//! (default 65536). Exits with an error when any case panicked or hung.

mod mutate;
mod targets;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use mutate::Mutator;

struct Options {
    cases: u64,
    seed: u64,
    only: Option<String>,
    hang: Duration,
    max_bytes: usize,
}

fn options() -> Result<Options, String> {
    let mut o = Options {
        cases: 20_000,
        seed: 1,
        only: None,
        hang: Duration::from_millis(1000),
        max_bytes: 64 * 1024,
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or(format!("{flag} needs a value"));
        let number = |v: String| {
            v.replace('_', "")
                .parse::<u64>()
                .map_err(|e| format!("{flag}: {e}"))
        };
        match flag.as_str() {
            "--cases" => o.cases = number(value()?)?,
            "--seed" => o.seed = number(value()?)?,
            "--only" => o.only = Some(value()?),
            "--hang-ms" => o.hang = Duration::from_millis(number(value()?)?),
            "--max-bytes" => o.max_bytes = number(value()?)? as usize,
            other => return Err(format!("unknown option {other}")),
        }
    }
    Ok(o)
}

/// What one target's run found.
struct Report {
    cases: u64,
    panics: u64,
    hangs: u64,
    slowest: Duration,
    slowest_len: usize,
    elapsed: Duration,
}

fn main() {
    let o = match options() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("fuzz: {e}");
            std::process::exit(2);
        }
    };
    // Panics are counted and saved, not printed as they happen.
    let last_panic: Arc<Mutex<String>> = Arc::default();
    {
        let last_panic = last_panic.clone();
        std::panic::set_hook(Box::new(move |info| {
            if let Ok(mut p) = last_panic.lock() {
                *p = info.to_string();
            }
        }));
    }
    let findings = std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../target/fuzz-findings"
    ));
    let watch = Watchdog::start(o.hang * 20);

    let mut failed = false;
    let mut total = 0;
    for target in targets::targets() {
        if o.only.as_deref().is_some_and(|n| !target.name.contains(n)) {
            continue;
        }
        let report = run(&target, &o, &watch, &last_panic, &findings);
        total += report.cases;
        failed |= report.panics > 0 || report.hangs > 0;
        println!(
            "{}: {} cases, {} panics, {} hangs, slowest {:.1} ms ({} bytes), {:.1} s",
            target.name,
            report.cases,
            report.panics,
            report.hangs,
            report.slowest.as_secs_f64() * 1000.0,
            report.slowest_len,
            report.elapsed.as_secs_f64()
        );
    }
    println!(
        "{total} cases in all, {}",
        if failed {
            format!("findings in {}", findings.display())
        } else {
            "no panics, no hangs".to_owned()
        }
    );
    if failed {
        std::process::exit(1);
    }
}

fn run(
    target: &targets::Target,
    o: &Options,
    watch: &Watchdog,
    last_panic: &Mutex<String>,
    findings: &std::path::Path,
) -> Report {
    let mut m = Mutator::new(o.seed ^ fnv(target.name), o.max_bytes);
    let seeds: Vec<Vec<u8>> = target.seeds.iter().map(|s| s.as_bytes().to_vec()).collect();
    let mut report = Report {
        cases: 0,
        panics: 0,
        hangs: 0,
        slowest: Duration::ZERO,
        slowest_len: 0,
        elapsed: Duration::ZERO,
    };
    let started = Instant::now();
    for case in 0..o.cases {
        // Every seed is run as it is once, then mutated copies.
        let input = match seeds.get(case as usize) {
            Some(seed) => seed.clone(),
            None => m.mutate(&seeds),
        };
        let text = String::from_utf8_lossy(&input);
        watch.begin(target.name, &input);
        let t = Instant::now();
        let outcome = catch_unwind(AssertUnwindSafe(|| (target.run)(&text)));
        let took = t.elapsed();
        watch.end();
        report.cases += 1;
        if took > report.slowest {
            report.slowest = took;
            report.slowest_len = input.len();
        }
        let problem = if outcome.is_err() {
            report.panics += 1;
            Some((
                "panic",
                last_panic.lock().map(|p| p.clone()).unwrap_or_default(),
            ))
        } else if took > o.hang {
            report.hangs += 1;
            Some(("hang", format!("took {} ms", took.as_millis())))
        } else {
            None
        };
        if let Some((kind, why)) = problem {
            let name = format!("{}-{kind}-{case}.txt", target.name.replace(' ', "-"));
            let _ = std::fs::create_dir_all(findings);
            let _ = std::fs::write(findings.join(&name), &input);
            eprintln!("{}: {kind} on case {case} ({name}): {why}", target.name);
        }
    }
    report.elapsed = started.elapsed();
    report
}

fn fnv(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Stops the run when one case never returns, after saving it: a real hang
/// would otherwise keep the fuzzer (and CI) waiting for ever.
struct Watchdog {
    current: Arc<Mutex<(String, Vec<u8>)>>,
    /// When the running case began, in ms since `origin` plus one; 0 when
    /// no case runs.
    since_ms: Arc<AtomicU64>,
    origin: Instant,
}

impl Watchdog {
    fn start(limit: Duration) -> Watchdog {
        let w = Watchdog {
            current: Arc::default(),
            since_ms: Arc::new(AtomicU64::new(0)),
            origin: Instant::now(),
        };
        let (current, since, origin) = (w.current.clone(), w.since_ms.clone(), w.origin);
        std::thread::spawn(move || loop {
            std::thread::sleep(Duration::from_millis(200));
            let began = since.load(Ordering::Relaxed);
            let now = origin.elapsed().as_millis() as u64;
            if began != 0 && now.saturating_sub(began) > limit.as_millis() as u64 {
                if let Ok(c) = current.lock() {
                    let name = format!("{}-stuck.txt", c.0.replace(' ', "-"));
                    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../target/fuzz-findings");
                    let _ = std::fs::create_dir_all(dir);
                    let _ = std::fs::write(format!("{dir}/{name}"), &c.1);
                    eprintln!(
                        "{}: a case has run for over {} s; saved as {name}",
                        c.0,
                        limit.as_secs()
                    );
                }
                std::process::exit(1);
            }
        });
        w
    }

    fn begin(&self, name: &str, input: &[u8]) {
        if let Ok(mut c) = self.current.lock() {
            if c.0 != name {
                c.0 = name.to_owned();
            }
            c.1.clear();
            c.1.extend_from_slice(input);
        }
        self.since_ms.store(
            self.origin.elapsed().as_millis() as u64 + 1,
            Ordering::Relaxed,
        );
    }

    fn end(&self) {
        self.since_ms.store(0, Ordering::Relaxed);
    }
}
