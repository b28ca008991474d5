// The team library against a real CouchDB-compatible server (PouchDB
// Server, started here on 127.0.0.1 with its databases in a temporary
// folder): two browser profiles as two teammates, the network cut and
// restored, the server stopped and started again, and every document on
// the server checked against the published JSON Schema.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import http from "node:http";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import Ajv from "ajv";
import {
  browser, server, useBrowserAndServer, newContext, openApp, newDraft, fillField, field, waitSaved,
  expectNoAxeViolations, screenshot,
} from "./helpers.mjs";

const couch = { port: 0, dir: "", child: null };
/// A server that is not CouchDB and sends no CORS headers.
let plain;
const headers = {};

async function freePort() {
  const s = http.createServer();
  await new Promise((r) => s.listen(0, "127.0.0.1", r));
  const { port } = s.address();
  await new Promise((r) => s.close(r));
  return port;
}

const couchUrl = () => `http://127.0.0.1:${couch.port}`;

async function startCouch() {
  couch.child = spawn(path.resolve("node_modules/.bin/pouchdb-server"), ["--port", String(couch.port), "--host", "127.0.0.1", "--dir", couch.dir, "--no-stdout-logs"], {
    cwd: couch.dir,
    stdio: "ignore",
  });
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(`${couchUrl()}/`);
      if (r.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("the CouchDB-compatible server did not start");
}

async function stopCouch() {
  const child = couch.child;
  if (!child || child.exitCode !== null) return;
  await new Promise((resolve) => {
    child.once("exit", resolve);
    child.kill();
  });
}

async function couchJson(method, rel, body) {
  const r = await fetch(`${couchUrl()}/${rel}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: r.status, body: JSON.parse(await r.text()) };
}

before(async () => {
  couch.port = await freePort();
  couch.dir = await fs.mkdtemp(path.join(os.tmpdir(), "afterword-couch-"));
  await startCouch();
  // As the README's set-up does it: the database, two writers, the
  // members, and the design document that keeps non-postmortems out.
  assert.equal((await couchJson("PUT", "postmortems")).status, 201);
  for (const name of ["dana", "sam"]) {
    const r = await couchJson("PUT", `_users/org.couchdb.user:${name}`, { name, password: `${name}-pw`, roles: ["afterword-writer"], type: "user" });
    assert.ok(r.status < 300, JSON.stringify(r.body));
  }
  await couchJson("PUT", "postmortems/_security", { admins: { names: [], roles: [] }, members: { names: [], roles: ["afterword-writer"] } });
  const design = JSON.parse(await fs.readFile("couchdb/afterword.json", "utf8"));
  assert.ok((await couchJson("PUT", "postmortems/_design/afterword", design)).status < 300);

  hostPage.file = path.join(couch.dir, "intranet.html");
  await fs.writeFile(
    hostPage.file,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ops wiki</title>` +
      `<script type="module" src="/afterword-embed.js"></script></head><body><main><h1>Ops wiki</h1>` +
      `<afterword-editor id="ops-editor" namespace="ops-wiki" team-library="${couchUrl()}/postmortems"></afterword-editor>` +
      `</main></body></html>`,
  );

  plain = http.createServer((req, res) => res.writeHead(200, { "content-type": "application/json" }).end('{"hello":"not couch"}'));
  await new Promise((r) => plain.listen(0, "127.0.0.1", r));
  // The page allows the team library's origin, and the plain server's (to
  // show the CORS message), nothing else.
  headers["content-security-policy"] =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; " +
    `connect-src 'self' ${couchUrl()} http://127.0.0.1:${plain.address().port}; object-src 'none'; base-uri 'self'; frame-ancestors 'none'`;
});

/// An intranet page that embeds the editor and offers it the team library.
const hostPage = { file: "" };

useBrowserAndServer({ headers, extra: { "/intranet/": hostPage } });

after(async () => {
  await stopCouch();
  await new Promise((r) => plain?.close(r));
  await fs.rm(couch.dir, { recursive: true, force: true });
});

async function openTeam(page) {
  await page.getByRole("navigation").getByRole("link", { name: "Team library" }).click();
  await page.getByRole("heading", { name: "Team library", level: 1 }).waitFor();
}

async function connect(page, url, name, password) {
  await page.getByLabel("Database address").fill(url);
  await page.getByLabel("Your name on the server").fill(name);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Connect" }).click();
}

const status = (page) => page.getByTestId("team-status");
const teamError = (page) => page.getByTestId("team-error");

async function goHome(page) {
  await page.locator(".aw-brand").click();
  await page.getByRole("heading", { name: "Your postmortems" }).waitFor();
}

test("each way connecting can fail gets its own plain message", async () => {
  const context = await newContext(browser, server);
  try {
    const page = await openApp(context, server);
    await openTeam(page);
    await assert.doesNotReject(status(page).filter({ hasText: "Not connected" }).waitFor());

    await connect(page, "couch.example.com", "dana", "x");
    await teamError(page).filter({ hasText: "is not a database address" }).waitFor();
    await connect(page, `${couchUrl()}/`, "dana", "x");
    await teamError(page).filter({ hasText: "names a server but no database" }).waitFor();
    await connect(page, `${couchUrl()}/postmortems`, "dana", "wrong");
    await teamError(page).filter({ hasText: "The name or password is not right" }).waitFor();
    await connect(page, `${couchUrl()}/nothing-here`, "dana", "dana-pw");
    await teamError(page).filter({ hasText: "There is no database \u201cnothing-here\u201d" }).waitFor();
    await connect(page, `${server.origin}/db`, "dana", "dana-pw");
    await teamError(page).filter({ hasText: "does not answer like CouchDB" }).waitFor();
    await connect(page, `http://127.0.0.1:${plain.address().port}/db`, "dana", "dana-pw");
    await teamError(page).filter({ hasText: "CORS is not set" }).waitFor();
    const closed = await freePort();
    await connect(page, `http://127.0.0.1:${closed}/db`, "dana", "dana-pw");
    await teamError(page).filter({ hasText: "Content-Security-Policy does not allow" }).waitFor();
    // The password field is emptied after every attempt.
    assert.equal(await page.getByLabel("Password").inputValue(), "");
    await expectNoAxeViolations(page, "team library, not connected");
    // Nothing was remembered from the failed attempts.
    assert.equal(await page.evaluate(() => localStorage.getItem("afterword:team")), null);
  } finally {
    await context.close();
  }
});

test("two teammates share drafts, edit offline, resolve, and survive a server restart", async () => {
  const dana = await newContext(browser, server);
  const sam = await newContext(browser, server);
  try {
    const a = await openApp(dana, server);
    const b = await openApp(sam, server);
    // Nothing is contacted before connecting.
    assert.deepEqual(dana.outside, []);

    await openTeam(a);
    await connect(a, `${couchUrl()}/postmortems`, "dana", "dana-pw");
    await status(a).filter({ hasText: "Signed in as dana" }).waitFor();
    await status(a).filter({ hasText: /Synced \d\d:\d\d/ }).waitFor();
    await openTeam(b);
    await connect(b, `${couchUrl()}/postmortems`, "sam", "sam-pw");
    await status(b).filter({ hasText: "Signed in as sam" }).waitFor();
    // Only the team library's origin, and only after connecting.
    for (const url of [...dana.outside, ...sam.outside]) assert.equal(new URL(url).origin, couchUrl(), url);

    // Written on one side, on the other without a reload.
    await goHome(b);
    await goHome(a);
    await newDraft(a);
    await fillField(a, "title", "Checkout outage");
    await waitSaved(a);
    const row = b.locator(".draft", { hasText: "Checkout outage" });
    await row.waitFor({ timeout: 15000 });
    await row.getByText("Shared").waitFor();

    // Sam opens it; Dana's next edit shows up in Sam's open editor.
    await row.getByRole("link", { name: "Checkout outage" }).click();
    await field(b, "title").waitFor();
    await fillField(a, "summary", "Payments timed out.");
    await waitSaved(a);
    await b.waitForFunction(() => document.querySelector('[data-field="summary"]')?.value === "Payments timed out.", null, { timeout: 15000 });

    // Sam goes offline and edits; Dana edits the same draft meanwhile.
    await sam.setOffline(true);
    await fillField(b, "summary", "Sam's account of it.");
    await waitSaved(b);
    await fillField(a, "summary", "Dana's account of it.");
    await waitSaved(a);
    await new Promise((r) => setTimeout(r, 1500));
    // Back online: nothing is overwritten, Sam is asked.
    await sam.setOffline(false);
    const choice = b.getByTestId("team-conflict");
    await choice.waitFor({ timeout: 20000 });
    await choice.getByText(/dana changed the team library's copy/).waitFor();
    await screenshot(b, "team-conflict");
    await expectNoAxeViolations(b, "team library conflict");
    assert.equal(await field(b, "summary").inputValue(), "Sam's account of it.");
    await choice.getByRole("button", { name: /Keep both/ }).click();
    await b.waitForFunction(() => document.querySelector('[data-field="summary"]')?.value === "Dana's account of it.");
    // Sam's version lives on as its own draft, on both sides.
    await goHome(a);
    await a.locator(".draft", { hasText: "Checkout outage (my edits)" }).waitFor({ timeout: 15000 });

    // The server stops in the middle of the work and comes back.
    await stopCouch();
    await a.locator(".draft", { hasText: "Checkout outage (my edits)" }).getByRole("link").first().click();
    await fillField(a, "title", "Checkout outage, take two");
    await waitSaved(a);
    await openTeam(a);
    await status(a).filter({ hasText: "Cannot reach the server" }).waitFor({ timeout: 20000 });
    await status(a).filter({ hasText: "1 change waiting" }).waitFor();
    await startCouch();
    await goHome(b);
    await b.locator(".draft", { hasText: "Checkout outage, take two" }).waitFor({ timeout: 40000 });
    await status(a).filter({ hasText: /Synced \d\d:\d\d/ }).waitFor({ timeout: 20000 });

    // A reload resumes where it was: no full sync again, same state.
    await a.reload();
    await a.getByRole("heading", { name: "Team library", level: 1 }).waitFor();
    await status(a).filter({ hasText: "Signed in as dana" }).waitFor();
    await status(a).filter({ hasText: /Synced \d\d:\d\d/ }).waitFor({ timeout: 15000 });

    // On the server: the exported JSON of each draft, valid against the
    // published schema, with CouchDB's fields and ours beside it.
    const schema = JSON.parse(await fs.readFile("public/schema/postmortem.v1.schema.json", "utf8"));
    const validate = new Ajv({ strict: false, validateFormats: false, allErrors: true }).compile(schema);
    const all = await couchJson("GET", "postmortems/_all_docs?include_docs=true&conflicts=true");
    const docs = all.body.rows.map((r) => r.doc).filter((d) => d.type === "postmortem");
    assert.equal(docs.length, 2);
    for (const doc of docs) {
      assert.ok(validate(doc), JSON.stringify(validate.errors));
      assert.equal(doc._id, `postmortem:${doc.id}`);
      assert.equal(doc._conflicts, undefined);
    }
    // The design document refuses what is not a postmortem.
    const refused = await couchJson("PUT", "postmortems/note-1", { text: "not a postmortem" });
    assert.equal(refused.status, 403, JSON.stringify(refused.body));
  } finally {
    await dana.close();
    await sam.close();
  }
});

test("an editor embedded in an intranet page syncs with the team library it is offered", async () => {
  const context = await newContext(browser, server);
  try {
    const page = await context.newPage();
    page.errors = [];
    page.on("pageerror", (e) => page.errors.push(String(e)));
    await page.goto(`${server.origin}/intranet/`);
    const editor = page.locator("#ops-editor");
    await editor.getByRole("button", { name: "New postmortem" }).waitFor();
    // Nothing leaves the page before the person connects.
    assert.deepEqual(context.outside, []);
    await editor.getByRole("navigation").getByRole("link", { name: "Team library" }).click();
    await editor.getByRole("heading", { name: "Team library", level: 1 }).waitFor();
    // The page's offer fills the address; the person signs in.
    assert.equal(await editor.getByLabel("Database address").inputValue(), `${couchUrl()}/postmortems`);
    await editor.getByLabel("Your name on the server").fill("dana");
    await editor.getByLabel("Password").fill("dana-pw");
    await editor.getByRole("button", { name: "Connect" }).click();
    await editor.getByTestId("team-status").filter({ hasText: "Signed in as dana" }).waitFor();
    await editor.locator(".aw-brand").click();
    await editor.getByRole("button", { name: "New postmortem" }).click();
    await editor.getByRole("button", { name: "Skip to the full editor" }).click();
    await editor.locator('[data-field="title"]').fill("Wiki-embedded outage");
    await editor.getByTestId("save-status").filter({ hasText: /^Saved \d\d:\d\d$/ }).waitFor();
    // The draft reaches the server, as the same JSON as from the full app.
    let doc;
    for (let i = 0; i < 100 && !doc; i++) {
      const all = await couchJson("GET", "postmortems/_all_docs?include_docs=true");
      doc = all.body.rows.map((r) => r.doc).find((d) => d.title === "Wiki-embedded outage");
      if (!doc) await new Promise((r) => setTimeout(r, 200));
    }
    assert.ok(doc, "the embedded editor's draft is on the server");
    assert.equal(doc._id, `postmortem:${doc.id}`);
    // Only the team library's origin was contacted, and the connection
    // belongs to the editor's namespace.
    for (const url of context.outside) assert.equal(new URL(url).origin, couchUrl(), url);
    assert.ok(await page.evaluate(() => localStorage.getItem("ops-wiki:team") !== null));
    assert.equal(await page.evaluate(() => localStorage.getItem("afterword:team")), null);
    assert.deepEqual(page.errors, []);
  } finally {
    await context.close();
  }
});
