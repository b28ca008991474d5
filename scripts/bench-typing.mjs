// Measures the blameless checker while typing into a 10,000-word summary,
// in Chromium against the release build (run `trunk build --release` first):
//
//   node scripts/bench-typing.mjs [WORDS]      (default 10000)
//
// For 50 keystrokes at the end of the field it prints the time from the
// input event to the findings being updated (median and worst), and the
// longest time the page was blocked (long tasks), once at full speed and
// once with the CPU throttled 4× through the DevTools protocol. A field this
// long is re-checked once typing pauses (150 ms), a part per task, so the
// first figure includes that pause and the second should stay under a
// frame. Prints figures; asserts nothing.
import { launch, startServer, newContext, newDraft } from "../tests/e2e/helpers.mjs";

const words = Number(process.argv[2] ?? 10000);
const KEYS = 50;

// A realistic draft: mostly neutral sentences, one blaming sentence in
// about forty.
const neutral = [
  "The cache layer returned stale entries while the deploy rolled out to the eu pool and the error rate rose.",
  "The replica fell four minutes behind after the storage move, and the lag alert paged the database team.",
  "Queue depth reached 40,000 messages at 14:10 UTC and stayed there for half an hour.",
  "The rollback finished at 14:32 and checkout recovered within two minutes.",
];
const blaming = [
  "Lena broke checkout by merging an unreviewed migration.",
  "Kenji should have checked the hostname before running the drop.",
];
let big = "";
let n = 0;
while (big.split(/\s+/).length < words) {
  big += (n % 40 === 39 ? blaming[(n / 40) % 2 | 0] : neutral[n % neutral.length]) + " ";
  n++;
}

const browser = await launch();
const server = await startServer();

async function run(throttle) {
  const context = await newContext(browser, server);
  const page = await context.newPage();
  await page.goto(server.url);
  await newDraft(page);
  const control = page.getByLabel("Summary");
  await control.waitFor();
  await control.fill(big);
  // The first full pass.
  await page.waitForFunction(() => Number(document.documentElement.dataset.lintPasses ?? 0) > 1);
  await page.waitForTimeout(500);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: throttle });
  const figures = await page.evaluate(async (keys) => {
    const el = document.querySelector("textarea[data-lint-field='summary']");
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
    const longTasks = [];
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push(e.duration);
    });
    observer.observe({ type: "longtask", buffered: false });
    const passes = () => Number(document.documentElement.dataset.lintPasses ?? 0);
    const updated = [];
    const handler = [];
    const text = " Omar forgot to renew the certificate again and again.";
    for (let k = 0; k < keys; k++) {
      const before = passes();
      const t0 = performance.now();
      el.value += text[k % text.length];
      el.dispatchEvent(new Event("input", { bubbles: true }));
      handler.push(performance.now() - t0);
      while (passes() === before && performance.now() - t0 < 10000) {
        await new Promise((r) => requestAnimationFrame(() => r()));
      }
      updated.push(performance.now() - t0);
    }
    await new Promise((r) => setTimeout(r, 100));
    observer.disconnect();
    const sorted = [...updated].sort((a, b) => a - b);
    return {
      words: el.value.split(/\s+/).length,
      bytes: el.value.length,
      inputToFindingsMedianMs: sorted[Math.floor(sorted.length / 2)].toFixed(1),
      inputToFindingsWorstMs: sorted[sorted.length - 1].toFixed(1),
      longestBlockMs: longTasks.length ? Math.max(...longTasks).toFixed(1) : "none over 50",
      longTasks: longTasks.length,
      inputHandlerWorstMs: Math.max(...handler).toFixed(1),
    };
  }, KEYS);
  await context.close();
  return figures;
}

try {
  for (const throttle of [1, 4]) {
    const f = await run(throttle);
    console.log(
      `typing (${throttle === 1 ? "full speed" : "CPU 4x slower"}): ${f.words} words, ${KEYS} keys: input to findings updated median ${f.inputToFindingsMedianMs} ms, worst ${f.inputToFindingsWorstMs} ms (includes the 150 ms pause); longest block ${f.longestBlockMs} ms, long tasks ${f.longTasks}; input handler worst ${f.inputHandlerWorstMs} ms`,
    );
  }
} finally {
  await browser.close();
  await server.close();
}
