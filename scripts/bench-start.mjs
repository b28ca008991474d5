// Start-up, library and typing figures for the release build, in Chromium
// (run `trunk build --release` first):
//
//   node scripts/bench-start.mjs [RUNS] [--only=NAME,...] [--drafts=N]
//
// DIST=path serves another build (default dist/).
//
// Each figure is the median of RUNS runs (default 5), once at full speed and
// once with the CPU throttled 4x and a slow-3G-like network (150 ms latency,
// 200 kB/s each way) through the DevTools protocol. The server sends files
// compressed as the README recommends. Prints figures; asserts nothing.
//
//   cold     first visit, no service worker: navigation to an interactive home
//   warm     second visit (HTTP cache and service worker)
//   home     home screen with N stored drafts (default 500), navigation to
//            the list drawn and the "New postmortem" button answering
//   open     a click on a draft of that library until its editor shows
//   save     one autosave in that library (the save's own time, as the page
//            measured it), and what it read and wrote in localStorage
//   quota    how many characters this browser's localStorage takes per origin
//   typing   keydown to the next frame in a short field of a 10,000-word
//            draft: median, 95th percentile and worst of 50 keys 60 ms apart
//   big      a draft at the import limits (1,000 events, 300 action items,
//            1,000 sections): navigation to its editor, then typing in its
//            title as above
import { launch, startServer, newContext, newDraft, field } from "../tests/e2e/helpers.mjs";

const args = process.argv.slice(2);
const RUNS = Number(args.find((a) => /^\d+$/.test(a)) ?? 5);
const only = (args.find((a) => a.startsWith("--only=")) ?? "").slice(7).split(",").filter(Boolean);
const DRAFTS = Number((args.find((a) => a.startsWith("--drafts=")) ?? "--drafts=500").slice(9));
const want = (name) => only.length === 0 || only.includes(name);

const SLOW = { offline: false, latency: 150, downloadThroughput: 200 * 1000, uploadThroughput: 200 * 1000 };

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const ms = (x) => `${x.toFixed(0)} ms`;

// Counts localStorage traffic (calls and characters) from the page's start.
const COUNT_STORAGE = () => {
  const c = { gets: 0, getChars: 0, sets: 0, setChars: 0 };
  window.__storage = c;
  const get = Storage.prototype.getItem;
  const set = Storage.prototype.setItem;
  Storage.prototype.getItem = function (k) {
    const v = get.call(this, k);
    c.gets++;
    c.getChars += v ? v.length : 0;
    return v;
  };
  Storage.prototype.setItem = function (k, v) {
    c.sets++;
    c.setChars += String(v).length;
    return set.call(this, k, v);
  };
};

async function throttle(context, page, slow) {
  const cdp = await context.newCDPSession(page);
  if (slow) {
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", SLOW);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  }
  return cdp;
}

/// Milliseconds from navigation start until the home screen is drawn and
/// its first button answers a click.
async function homeInteractive(page, rows) {
  return page.evaluate(async (rows) => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    for (;;) {
      const button = [...document.querySelectorAll("button")].find((b) => b.textContent.trim() === "New postmortem");
      const listed = rows === 0 || document.querySelectorAll(".draft-list .draft").length > 0;
      if (button && listed) break;
      await frame();
    }
    // Interactive: a task queued now runs (nothing holds the main thread).
    await new Promise((r) => setTimeout(r, 0));
    const t = performance.now();
    // What storage was read until then (when counted).
    window.__storageAtStart = window.__storage ? { ...window.__storage } : null;
    return t;
  }, rows);
}

async function cold(browser, server, slow) {
  const context = await newContext(browser, server, { serviceWorkers: "block" });
  try {
    const page = await context.newPage();
    await throttle(context, page, slow);
    let bytes = 0;
    page.on("requestfinished", async (r) => {
      const sizes = await r.sizes().catch(() => null);
      if (sizes) bytes += sizes.responseBodySize + sizes.responseHeadersSize;
    });
    await page.goto(server.url, { waitUntil: "commit" });
    const t = await homeInteractive(page, 0);
    return { t, bytes };
  } finally {
    await context.close();
  }
}

async function warm(browser, server, slow) {
  const context = await newContext(browser, server);
  try {
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === "activated", null, { timeout: 30000 });
    await throttle(context, page, slow);
    await page.goto(server.url, { waitUntil: "commit" });
    return { t: await homeInteractive(page, 0) };
  } finally {
    await context.close();
  }
}

// ----- a big library -----

const WORDS = "the deploy rolled out to the eu pool while the cache kept stale entries and the error rate rose until the rollback".split(" ");
const words = (n, seed = 0) => Array.from({ length: n }, (_, i) => WORDS[(i + seed) % WORDS.length]).join(" ");

/// A stored draft made by the app itself, as a template for seeding.
async function baseDraft(browser, server) {
  const context = await newContext(browser, server, { serviceWorkers: "block" });
  try {
    const page = await context.newPage();
    await page.goto(server.url);
    await newDraft(page);
    await field(page, "title").fill("Seed");
    await page.getByTestId("save-status").filter({ hasText: /^Saved/ }).waitFor();
    return await page.evaluate(() => {
      const key = Object.keys(localStorage).find((k) => k.startsWith("afterword:draft:"));
      return JSON.parse(localStorage.getItem(key));
    });
  } finally {
    await context.close();
  }
}

function library(base, n) {
  const out = {};
  for (let i = 0; i < n; i++) {
    const id = `pm-bench-${String(i).padStart(5, "0")}`;
    const doc = structuredClone(base);
    doc.id = id;
    doc.title = `Incident ${i}: ${words(6, i)}`;
    doc.summary = words(700, i);
    doc.owner = `Owner ${i % 17}`;
    doc.updated_at = new Date(Date.UTC(2026, 10, 1) + i * 60000).toISOString();
    out[`afterword:draft:${id}`] = JSON.stringify(doc);
  }
  return out;
}

/// A context whose localStorage holds `entries` before the app starts.
async function seeded(browser, server, entries) {
  const context = await newContext(browser, server, { serviceWorkers: "block" });
  const page = await context.newPage();
  await page.goto(server.url + "blank.txt").catch(() => {});
  await page.evaluate((entries) => {
    localStorage.clear();
    for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
  }, entries);
  return { context, page };
}

async function home(browser, server, slow, entries) {
  const { context, page } = await seeded(browser, server, entries);
  try {
    // The first start writes the index; the measured one is the next.
    await page.goto(server.url);
    await homeInteractive(page, 1);
    await page.addInitScript(COUNT_STORAGE);
    await throttle(context, page, slow);
    await page.goto(server.url, { waitUntil: "commit" });
    const t = await homeInteractive(page, 1);
    const rows = await page.locator(".draft-list .draft").count();
    const nodes = await page.evaluate(() => document.getElementsByTagName("*").length);
    const storage = await page.evaluate(() => window.__storageAtStart);
    // The list shown from the index, then every draft read once the page is
    // idle (a second is enough for it to have run).
    await page.waitForTimeout(1000);
    const load = await page.evaluate(() => ({
      list: Number(document.documentElement.dataset.firstListMs ?? NaN),
      all: Number(document.documentElement.dataset.lastLoadMs ?? NaN),
    }));
    // Opening a draft from the list.
    const link = page.locator(".draft-list .draft a.draft-title").nth(3);
    const t0 = await page.evaluate(() => performance.now());
    await link.click();
    await field(page, "title").waitFor();
    const t1 = await page.evaluate(async () => {
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      return performance.now();
    });
    // One autosave: the page records how long its last save took.
    await page.evaluate(() => Object.assign(window.__storage, { gets: 0, getChars: 0, sets: 0, setChars: 0 }));
    await field(page, "title").fill("Renamed for the benchmark");
    await page.getByTestId("save-status").filter({ hasText: /^Saved/ }).waitFor();
    const save = await page.evaluate(() => ({
      t: Number(document.documentElement.dataset.lastSaveMs ?? NaN),
      storage: window.__storage,
    }));
    return { t, rows, nodes, storage, load, open: t1 - t0, save };
  } finally {
    await context.close();
  }
}

// ----- typing -----

async function typing(browser, server, slow, base) {
  const doc = structuredClone(base);
  doc.id = "pm-bench-typing";
  doc.summary = words(200);
  const long = ["trigger", "detection", "resolution", "went_well", "went_wrong", "got_lucky", "gaps", "lessons"];
  for (const [i, k] of long.entries()) doc.analysis[k] = words(1225, i) + ". Lena broke checkout by merging an unreviewed migration.";
  return keysToFrame(browser, server, slow, doc, "summary");
}

/// A document at the import limits: 1,000 timeline events, 300 action
/// items and 1,000 free-text sections.
function atTheLimits(base) {
  const doc = structuredClone(base);
  doc.id = "pm-bench-big";
  const at = (i) => new Date(Date.UTC(2026, 10, 20, 14, 0, 0) + i * 60000).toISOString().replace(".000", "");
  doc.timeline = Array.from({ length: 1000 }, (_, i) => ({ id: `ev-${i}`, at: at(i), kind: "observation", text: `Event ${i}: the queue grew by ${i} items` }));
  doc.action_items = Array.from({ length: 300 }, (_, i) => ({ id: `ai-${i}`, title: `Add an alert for queue ${i}`, owner: "Ana", status: "open" }));
  doc.sections = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`note_${String(i).padStart(4, "0")}`, `Note ${i} about the queues.`]));
  return doc;
}

/// Opens `doc` in a fresh page (navigation to its editor drawn and
/// answering) and types 50 keys 60 ms apart into `key`: keydown to the
/// next frame for each, and the keys Event Timing saw take over 16 ms.
async function keysToFrame(browser, server, slow, doc, key) {
  const entries = { [`afterword:draft:${doc.id}`]: JSON.stringify(doc) };
  const { context, page } = await seeded(browser, server, entries);
  try {
    await throttle(context, page, slow);
    await page.goto(server.url + `#/draft/${doc.id}`, { waitUntil: "commit" });
    const control = field(page, key);
    await control.waitFor();
    const opened = await page.evaluate(async () => {
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      return performance.now();
    });
    const total = await page.evaluate(() =>
      [...document.querySelectorAll("textarea, input[type=text]")].reduce((n, el) => n + el.value.split(/\s+/).filter(Boolean).length, 0),
    );
    await page.waitForTimeout(1500);
    await control.click();
    await page.keyboard.press("End");
    await page.evaluate(() => {
      window.__frames = [];
      window.__events = [];
      // keydown to the frame after it: the frame's callback, then a task
      // queued from it, which runs once that frame is handed to the screen.
      addEventListener(
        "keydown",
        (e) => {
          const start = e.timeStamp;
          requestAnimationFrame(() => {
            const ch = new MessageChannel();
            ch.port1.onmessage = () => window.__frames.push(performance.now() - start);
            ch.port2.postMessage(0);
          });
        },
        true,
      );
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (e.name === "keydown") window.__events.push(e.duration);
      }).observe({ type: "event", durationThreshold: 16, buffered: false });
    });
    await page.keyboard.type(" Omar forgot to renew the certificate again and again".slice(0, 50), { delay: 60 });
    await page.waitForTimeout(1000);
    const { frames, events } = await page.evaluate(() => ({ frames: window.__frames, events: window.__events }));
    return { frames, events, total, opened };
  } finally {
    await context.close();
  }
}

function typingLine(what, label, runs) {
  const frames = runs.flatMap((r) => r.frames);
  const events = runs.flatMap((r) => r.events);
  const n = frames.length / runs.length;
  return `${what} (${label}), ${n} keys 60 ms apart x ${runs.length}: keydown to next frame median ${ms(median(frames))}, p95 ${ms(pct(frames, 95))}, worst ${ms(Math.max(...frames))}; Event Timing: ${events.length} of ${frames.length} keys over 16 ms${events.length ? `, worst ${ms(Math.max(...events))}` : ""}`;
}

const browser = await launch();
const server = await startServer({ compress: true, root: process.env.DIST ?? "dist" });
try {
  const cpus = (await import("node:os")).cpus();
  console.log(`machine: ${cpus.length} x ${cpus[0]?.model ?? "cpu"}, Chromium ${browser.version()}; ${RUNS} runs each`);
  const base = await baseDraft(browser, server);
  const lib = want("home") || want("open") || want("save") ? library(base, DRAFTS) : null;
  if (want("quota")) {
    const context = await newContext(browser, server, { serviceWorkers: "block" });
    const page = await context.newPage();
    await page.goto(server.url + "blank.txt").catch(() => {});
    const chars = await page.evaluate(() => {
      localStorage.clear();
      const chunk = "x".repeat(100000);
      let n = 0;
      let step = chunk;
      for (;;) {
        try {
          localStorage.setItem(`q${n}`, step);
          n++;
        } catch {
          if (step.length <= 100) break;
          step = step.slice(0, step.length / 10);
        }
      }
      let total = 0;
      for (let i = 0; i < localStorage.length; i++) {
        const k = localStorage.key(i);
        total += k.length + localStorage.getItem(k).length;
      }
      localStorage.clear();
      return total;
    });
    const per = lib ? Object.entries(lib).reduce((a, [k, v]) => a + k.length + v.length, 0) / DRAFTS : 4800;
    console.log(`localStorage quota: ${(chars / 1e6).toFixed(2)} M characters per origin, about ${Math.floor(chars / per)} drafts of ${(per / 1000).toFixed(1)} k characters`);
    await context.close();
  }
  for (const slow of [false, true]) {
    const label = slow ? "CPU 4x + slow 3G" : "full speed";
    if (want("cold")) {
      const r = [];
      for (let i = 0; i < RUNS; i++) r.push(await cold(browser, server, slow));
      console.log(`cold start (${label}): home interactive ${ms(median(r.map((x) => x.t)))} (${(median(r.map((x) => x.bytes)) / 1024).toFixed(0)} KB over the wire)`);
    }
    if (want("warm")) {
      const r = [];
      for (let i = 0; i < RUNS; i++) r.push(await warm(browser, server, slow));
      console.log(`warm start (${label}): home interactive ${ms(median(r.map((x) => x.t)))}`);
    }
    if (lib) {
      const r = [];
      for (let i = 0; i < RUNS; i++) r.push(await home(browser, server, slow, lib));
      const s = r[0].storage;
      const sv = r[0].save.storage;
      console.log(
        `home with ${DRAFTS} drafts (${label}): interactive ${ms(median(r.map((x) => x.t)))}; ${r[0].rows} rows drawn, ${r[0].nodes} elements; list from the index in ${median(r.map((x) => x.load.list)).toFixed(1)} ms, every draft read when idle in ${median(r.map((x) => x.load.all)).toFixed(0)} ms; read ${s.gets} keys, ${(s.getChars / 1e6).toFixed(2)} M chars until then`,
      );
      console.log(`open a draft of ${DRAFTS} (${label}): ${ms(median(r.map((x) => x.open)))}`);
      console.log(
        `save with ${DRAFTS} drafts (${label}): ${median(r.map((x) => x.save.t)).toFixed(1)} ms; read ${sv.gets} keys (${(sv.getChars / 1000).toFixed(0)} k chars), wrote ${sv.sets} (${(sv.setChars / 1000).toFixed(0)} k chars)`,
      );
    }
    if (want("typing")) {
      const r = [];
      for (let i = 0; i < RUNS; i++) r.push(await typing(browser, server, slow, base));
      console.log(typingLine(`typing, short field of a ${r[0].total}-word draft`, label, r));
    }
    if (want("big")) {
      const r = [];
      for (let i = 0; i < RUNS; i++) r.push(await keysToFrame(browser, server, slow, atTheLimits(base), "title"));
      console.log(`open a draft at the limits (${label}): 1,000 events, 300 action items, 1,000 sections, navigation to its editor ${ms(median(r.map((x) => x.opened)))}`);
      console.log(typingLine("typing in its title", label, r));
    }
  }
} finally {
  await browser.close();
  await server.close();
}
