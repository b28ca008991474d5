// Measures how fast the follow-up review opens with many stored drafts.
//
//   node scripts/bench-review.mjs [COUNT]     (default 500; needs dist/)
//
// Seeds COUNT generated postmortems (the core's sample generator, through
// `cargo run --example sample_drafts`) into a fresh browser profile, then
// times, in the page: going from the home screen to #/review until the
// action table is drawn; a cold load of #/review; and one filter change.
// Prints the figures (median of five runs); asserts nothing.
import { execFileSync } from "node:child_process";
import { launch, startServer, newContext } from "../tests/e2e/helpers.mjs";

const count = Number(process.argv[2] ?? 500);
const docs = JSON.parse(
  execFileSync("cargo", ["run", "-q", "-p", "afterword-core", "--example", "sample_drafts", "--", String(count), "7", "bench"], {
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  }),
);
const items = docs.reduce((n, d) => n + d.action_items.length, 0);

const browser = await launch();
const server = await startServer();
const context = await newContext(browser, server);
const page = await context.newPage();
await page.goto(server.url);
await page.getByRole("heading", { level: 1 }).first().waitFor();
await page.evaluate((docs) => {
  for (const d of docs) localStorage.setItem(`afterword:draft:${d.id}`, JSON.stringify(d));
}, docs);
const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(":draft:")).length);

// Resolves once the first table row is in the document, checked every frame.
const untilTable = () =>
  new Promise((resolve) => {
    const check = () => (document.querySelector('[data-testid="review-table"] tbody tr') ? resolve() : requestAnimationFrame(check));
    check();
  });

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const nav = [];
const cold = [];
const filter = [];
for (let run = 0; run < 5; run++) {
  await page.goto(server.url + "#/");
  await page.reload();
  await page.getByRole("heading", { name: "Your postmortems" }).waitFor();
  nav.push(
    await page.evaluate(async (untilTableSrc) => {
      const untilTable = eval(untilTableSrc);
      const t0 = performance.now();
      location.hash = "#/review";
      await untilTable();
      return performance.now() - t0;
    }, `(${untilTable})`),
  );
  filter.push(
    await page.evaluate(async () => {
      const select = document.getElementById("filter-status");
      const t0 = performance.now();
      select.value = "done";
      select.dispatchEvent(new Event("change", { bubbles: true }));
      await new Promise((r) => requestAnimationFrame(r));
      return performance.now() - t0;
    }),
  );
  const t0 = Date.now();
  await page.goto(server.url + "#/review");
  await page.reload();
  await page.getByTestId("review-table").locator("tbody tr").first().waitFor();
  cold.push(Date.now() - t0);
}

const rows = await page.getByTestId("review-table").locator("tbody tr").count();
console.log(`${stored} drafts stored, ${items} action items (${rows} rows drawn at first, the rest behind "Show more")`);
console.log(`home → review until the table is drawn: ${median(nav).toFixed(0)} ms (median of 5; runs ${nav.map((t) => t.toFixed(0)).join(", ")})`);
console.log(`one filter change until the next frame:  ${median(filter).toFixed(0)} ms (median of 5)`);
console.log(`cold page load of #/review (wasm start, library load, review): ${median(cold)} ms (median of 5)`);
await context.close();
await browser.close();
await server.close();
