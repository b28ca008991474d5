// Measures the team library with many postmortems on the server.
//
//   node scripts/bench-team.mjs [COUNT] [small]     (default 5000; needs dist/)
//
// Starts PouchDB Server in memory on 127.0.0.1, stores COUNT generated
// postmortems (the core's sample generator) in a database, then in a fresh
// browser profile: connects and times the first sync until every draft is
// in the list; then one change made in the browser until it is on the
// server, and one made on the server until the browser shows it. Prints
// times and the bytes exchanged with the server; asserts nothing.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import http from "node:http";
import { launch, startServer, newContext } from "../tests/e2e/helpers.mjs";

const count = Number(process.argv[2] ?? 5000);
// "small": each postmortem cut to its title, summary and classification, so
// that thousands fit in the browser's local storage (about 5 million
// characters per site); the generator's full documents are about 5 KB each.
const small = process.argv[3] === "small";
const generated = JSON.parse(
  execFileSync("cargo", ["run", "-q", "-p", "afterword-core", "--example", "sample_drafts", "--", String(count), "7", "bench"], {
    encoding: "utf8",
    maxBuffer: 512 * 1024 * 1024,
  }),
);
const docs = small
  ? generated.map(({ schema_version, id, revision, created_at, updated_at, title, summary, classification }) => ({
      schema_version, id, revision, created_at, updated_at, title, summary: summary.slice(0, 200), classification,
    }))
  : generated;

const port = await new Promise((resolve) => {
  const s = http.createServer();
  s.listen(0, "127.0.0.1", () => {
    const p = s.address().port;
    s.close(() => resolve(p));
  });
});
const dir = await fs.mkdtemp(path.join(os.tmpdir(), "afterword-bench-couch-"));
const couch = spawn(path.resolve("node_modules/.bin/pouchdb-server"), ["--port", String(port), "--host", "127.0.0.1", "--in-memory", "--no-stdout-logs"], { cwd: dir, stdio: "ignore" });
const base = `http://127.0.0.1:${port}`;
const call = async (method, rel, body) => {
  const r = await fetch(`${base}/${rel}`, { method, headers: { "content-type": "application/json" }, body: body && JSON.stringify(body) });
  return JSON.parse(await r.text());
};
for (let i = 0; ; i++) {
  try {
    if ((await fetch(base)).ok) break;
  } catch {}
  if (i > 100) throw new Error("PouchDB Server did not start");
  await new Promise((r) => setTimeout(r, 100));
}
await call("PUT", "postmortems");
await call("PUT", "_users/org.couchdb.user:bench", { name: "bench", password: "bench", roles: ["afterword-writer"], type: "user" });
const serverDocs = docs.map((d) => ({ _id: `postmortem:${d.id}`, type: "postmortem", edited_by: "seed", ...d }));
for (let i = 0; i < serverDocs.length; i += 500) await call("POST", "postmortems/_bulk_docs", { docs: serverDocs.slice(i, i + 500) });
const info = await call("GET", "postmortems");
const jsonBytes = serverDocs.reduce((n, d) => n + JSON.stringify(d).length, 0);

const browser = await launch();
const server = await startServer();
const context = await newContext(browser, server);
let bytesIn = 0;
let bytesOut = 0;
context.on("requestfinished", async (request) => {
  if (!request.url().startsWith(base)) return;
  bytesOut += (request.postData() ?? "").length;
  try {
    const sizes = await request.sizes();
    bytesIn += sizes.responseBodySize + sizes.responseHeadersSize;
  } catch {}
});
const page = await context.newPage();
await page.goto(server.url + "#/team");
await page.getByRole("heading", { name: "Team library", level: 1 }).waitFor();
await page.getByLabel("Database address").fill(`${base}/postmortems`);
await page.getByLabel("Your name on the server").fill("bench");
await page.getByLabel("Password").fill("bench");
const t0 = performance.now();
await page.getByRole("button", { name: "Connect" }).click();
// Synced, or stopped with a message (browser storage full).
const watch = setInterval(async () => {
  const text = await page.getByTestId("team-status").textContent().catch(() => "");
  console.error(`  … ${((performance.now() - t0) / 1000).toFixed(0)} s: ${text}`);
}, 10000);
await page
  .getByTestId("team-status")
  .filter({ hasText: /Synced \d\d:\d\d/ })
  .or(page.getByText("Receiving from the team library stopped"))
  .first()
  .waitFor({ timeout: 30 * 60 * 1000 });
clearInterval(watch);
const firstSync = performance.now() - t0;
const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("afterword:draft:")).length);
const storedUnits = await page.evaluate(() => Object.entries(localStorage).reduce((n, [k, v]) => n + k.length + v.length, 0));
// What did not fit in local storage moved to IndexedDB (see src/spill.rs).
const [spilled, spilledUnits] = await page.evaluate(() => new Promise((resolve) => {
  const open = indexedDB.open("afterword");
  open.onerror = () => resolve([0, 0]);
  open.onsuccess = () => {
    const db = open.result;
    if (!db.objectStoreNames.contains("entries")) return resolve([0, 0]);
    const store = db.transaction("entries").objectStore("entries");
    const keys = store.getAllKeys();
    const values = store.getAll();
    values.onsuccess = () => {
      const drafts = keys.result.filter((k) => k.startsWith("afterword:draft:")).length;
      resolve([drafts, values.result.reduce((n, v) => n + v.length, 0)]);
    };
  };
}));
const problem = await page.getByRole("alert").allTextContents();
const firstIn = bytesIn;
const firstOut = bytesOut;
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
console.log(`team library with ${count} ${small ? "small " : ""}postmortems on the server (${info.doc_count} documents, ${kb(jsonBytes)} of JSON)`);
console.log(`  first sync into an empty browser: ${(firstSync / 1000).toFixed(1)} s, received ${kb(firstIn)} on the wire (compressed), sent ${kb(firstOut)}; ${stored} drafts in localStorage (${kb(storedUnits * 2)}), ${spilled} moved to IndexedDB (${kb(spilledUnits * 2)})`);
if (problem.length) console.log(`  messages shown: ${problem.join(" | ").slice(0, 400)}`);

// One change in the browser, until the server has it.
const target = docs[0].id;
bytesIn = bytesOut = 0;
await page.goto(`${server.url}#/draft/${target}`);
await page.locator('[data-field="title"]').first().waitFor();
const t1 = performance.now();
await page.locator('[data-field="title"]').first().fill("Changed in the browser");
for (;;) {
  const d = await call("GET", `postmortems/${encodeURIComponent(`postmortem:${target}`)}`);
  if (d.title === "Changed in the browser") break;
  await new Promise((r) => setTimeout(r, 20));
}
const up = performance.now() - t1;
const upBytes = [bytesIn, bytesOut];

// One change on the server, until the browser shows it.
const other = docs[1].id;
await page.goto(`${server.url}#/draft/${other}`);
await page.locator('[data-field="title"]').first().waitFor();
await new Promise((r) => setTimeout(r, 1500));
bytesIn = bytesOut = 0;
const current = await call("GET", `postmortems/${encodeURIComponent(`postmortem:${other}`)}`);
const t2 = performance.now();
await call("PUT", `postmortems/${encodeURIComponent(`postmortem:${other}`)}`, { ...current, title: "Changed on the server", edited_by: "seed" });
await page.waitForFunction(() => document.querySelector('[data-field="title"]')?.value === "Changed on the server", null, { timeout: 600000 });
const down = performance.now() - t2;
const downBytes = [bytesIn, bytesOut];

console.log(`  one change, browser to server: ${up.toFixed(0)} ms (from the keystroke; autosave waits ${600} ms), received ${kb(upBytes[0])}, sent ${kb(upBytes[1])}`);
console.log(`  one change, server to browser: ${down.toFixed(0)} ms, received ${kb(downBytes[0])}, sent ${kb(downBytes[1])}`);

await browser.close();
await server.close();
couch.kill();
await fs.rm(dir, { recursive: true, force: true });
