#!/usr/bin/env node
// The fault suite: everything that can go wrong around a draft, tried in
// Chromium against the release build in dist/ (run `trunk build --release`
// first). Storage filled, refused or switched off; two tabs racing; tabs
// closed and renderers killed mid-typing; a service-worker update; forged
// keys; damaged indexes; huge documents. Every scenario checks that no draft
// and no typed text was lost, and the run ends with
//
//   N scenarios, N passed, 0 drafts or keystrokes lost
//
// Usage: node scripts/faults.mjs [part of a scenario name]
import assert from "node:assert/strict";
import { launch, startServer, newContext, openApp, newDraft, waitSaved, waitForServiceWorker, downloadText } from "../tests/e2e/helpers.mjs";

const only = process.argv[2];
const scenarios = [];
function scenario(name, run) {
  scenarios.push({ name, run });
}

// What a scenario lost, added up over the run.
let lostDrafts = 0;
let lostKeystrokes = 0;

/// Fails the scenario, counting what was lost, unless every text in
/// `expected` is found in the drafts or in the versions closing tabs kept.
async function expectKept(page, expected, where = "") {
  const everything = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => /:(draft|recovered|quarantine):/.test(k))
      .map((k) => localStorage.getItem(k))
      .join("\n"));
  const missing = expected.filter((t) => !everything.includes(JSON.stringify(t).slice(1, -1)));
  if (missing.length) {
    lostKeystrokes += missing.reduce((n, t) => n + t.length, 0);
    throw new Error(`lost ${where}: ${missing.map((m) => JSON.stringify(m)).join(", ")}`);
  }
}

async function storedDraft(page, id) {
  return page.evaluate((id) => JSON.parse(localStorage.getItem(`afterword:draft:${id}`) ?? "null"), id);
}

function draftId(page) {
  return decodeURIComponent(new URL(page.url()).hash.replace("#/draft/", ""));
}

/// A context whose storage refuses every write under `prefix` (the app's
/// namespace) while `window.__full` is set. It has no IndexedDB either, as in
/// some private windows, so there is nowhere for a draft to move to: the
/// overflow into IndexedDB has its own test in tests/e2e/drafts.test.mjs.
async function quotaContext(browser, server, prefix = "afterword:") {
  const context = await newContext(browser, server);
  await context.addInitScript((prefix) => {
    Object.defineProperty(window, "indexedDB", { value: undefined });
    const real = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (window.__full && key.startsWith(prefix)) {
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      }
      return real.call(this, key, value);
    };
  }, prefix);
  return context;
}

async function draftWith(page, title) {
  await newDraft(page);
  await page.getByLabel("Title", { exact: true }).fill(title);
  await waitSaved(page);
  return draftId(page);
}

const choice = (page) => page.getByTestId("leave-choice");

// --- Corrupt entries -------------------------------------------------------

scenario("corrupt entries of each kind are set aside byte for byte", async ({ browser, server }) => {
  const context = await newContext(browser, server);
  try {
    const page = await openApp(context, server);
    const id = await draftWith(page, "Healthy");
    const bad = {
      "afterword:draft:garbage": '{"schema_version":1,"id":"garbage","title":"half',
      "afterword:draft:types": JSON.stringify({ schema_version: 1, id: "types", created_at: "x", updated_at: 3 }),
      "afterword:draft:future": JSON.stringify({ schema_version: 99, id: "future" }),
      "afterword:draft:notobj": "[1,2,3]",
      "afterword:draft:empty": "",
    };
    await page.evaluate((bad) => {
      for (const [k, v] of Object.entries(bad)) localStorage.setItem(k, v);
      localStorage.setItem("afterword:trash", "{not json");
    }, bad);
    await page.goto(server.url + "#/");
    await page.reload();
    await page.getByRole("heading", { name: "Drafts that could not be read" }).waitFor();
    await page.getByRole("link", { name: "Healthy" }).waitFor();
    const kept = await page.evaluate(() =>
      Object.fromEntries(Object.keys(localStorage).filter((k) => k.includes(":quarantine:")).map((k) => [k, localStorage.getItem(k)])));
    for (const [k, v] of Object.entries(bad)) {
      const q = k.replace(":draft:", ":quarantine:");
      if (kept[q] !== v) {
        lostDrafts += 1;
        throw new Error(`${k} was not kept as it was`);
      }
    }
    assert.equal(kept["afterword:quarantine:trash"], "{not json");
    assert.equal((await storedDraft(page, id)).title, "Healthy");
  } finally {
    await context.close();
  }
});

scenario("a draft stored under another draft's key is set aside, never written over it", async ({ browser, server }) => {
  const context = await newContext(browser, server);
  try {
    const page = await openApp(context, server);
    const b = await draftWith(page, "The real B");
    const realB = await storedDraft(page, b);
    const forged = JSON.stringify({ ...realB, title: "Forged copy", revision: 40 });
    await page.evaluate((f) => localStorage.setItem("afterword:draft:pm-x", f), forged);
    // Opened from its address while the app runs, as a link would.
    await page.goto(server.url + "#/draft/pm-x");
    await page.getByRole("heading", { name: "This draft could not be read" }).waitFor();
    await page.getByText(/does not match the key it is stored under/).waitFor();
    await page.goto(server.url + `#/draft/${b}`);
    await page.getByLabel("Summary").fill("Edited after the forgery");
    await waitSaved(page);
    const after = await storedDraft(page, b);
    assert.equal(after.title, "The real B");
    assert.equal(after.summary, "Edited after the forgery");
    const q = await page.evaluate(() => localStorage.getItem("afterword:quarantine:pm-x"));
    assert.equal(q, forged, "the forged entry is kept as it was");
  } finally {
    await context.close();
  }
});

scenario("index deleted or damaged: drafts come back and the trash stays the trash", async ({ browser, server }) => {
  const context = await newContext(browser, server);
  try {
    const page = await openApp(context, server);
    await draftWith(page, "Kept in the list");
    await page.goto(server.url + "#/");
    await draftWith(page, "Put in the trash");
    await page.goto(server.url + "#/");
    await page.getByRole("listitem").filter({ hasText: "Put in the trash" }).getByRole("button", { name: "Delete" }).click();
    await page.getByText("Trash (1)").waitFor();
    for (const damage of [null, "{{{", '{"drafts":[]}']) {
      await page.evaluate((d) => (d === null ? localStorage.removeItem("afterword:index") : localStorage.setItem("afterword:index", d)), damage);
      await page.reload();
      await page.getByRole("link", { name: "Kept in the list" }).waitFor();
      await page.getByText("Trash (1)").waitFor();
      assert.equal(await page.getByRole("link", { name: "Put in the trash" }).count(), 0, `after index ${damage}`);
    }
  } finally {
    await context.close();
  }
});

// --- Storage full ----------------------------------------------------------

scenario("storage full while typing: the text stays, a download has it, retry saves it", async ({ browser, server }) => {
  const context = await quotaContext(browser, server);
  try {
    const page = await openApp(context, server);
    const id = await draftWith(page, "Quota while typing");
    await page.evaluate(() => (window.__full = true));
    await page.getByLabel("Summary").fill("Typed into a full storage");
    await page.getByTestId("save-status").filter({ hasText: "Not saved: browser storage is full" }).waitFor();
    const { text } = await downloadText(page, () => page.getByRole("button", { name: "Download this draft" }).click());
    assert.equal(JSON.parse(text).summary, "Typed into a full storage");
    await page.evaluate(() => (window.__full = false));
    await page.getByRole("button", { name: "Try saving again" }).click();
    await waitSaved(page);
    assert.equal((await storedDraft(page, id)).summary, "Typed into a full storage");
  } finally {
    await context.close();
  }
});

// Each way out of a draft, with storage full: the person is asked first.
const WAYS_OUT = [
  ["the back link", (page) => page.getByRole("link", { name: "← All postmortems" }).click()],
  ["the header's Review link", (page) => page.getByRole("link", { name: "Review", exact: true }).click()],
  ["the header's Templates link", (page) => page.getByRole("link", { name: "Templates", exact: true }).click()],
  ["the header's Afterword link", (page) => page.locator(".aw-brand").click()],
  ["the browser's Back button", (page) => page.goBack({ waitUntil: "commit" })],
  ["another draft's address", (page) => page.evaluate(() => (location.hash = "#/draft/pm-other"))],
  ["the printable report", async (page) => {
    await page.getByRole("button", { name: "Export" }).click();
    await page.getByRole("button", { name: /report/i }).first().click();
  }],
];

for (const [way, leave] of WAYS_OUT) {
  scenario(`storage full, leaving by ${way}: asked first, nothing lost`, async ({ browser, server }) => {
    const context = await quotaContext(browser, server);
    try {
      const page = await openApp(context, server);
      await page.goto(server.url + "#/review");
      await page.goto(server.url + "#/");
      const id = await draftWith(page, `Leaving by ${way}`);
      await page.evaluate(() => (window.__full = true));
      const text = `Unsaved words before ${way}`;
      await page.getByLabel("Summary").fill(text);
      await leave(page);
      await choice(page).waitFor();
      assert.ok(page.url().endsWith(`#/draft/${id}`), `still on the draft (${page.url()})`);
      assert.equal(await page.getByLabel("Summary").inputValue(), text, "the text is still in the field");
      // Retry once storage has room: it saves and goes.
      await page.evaluate(() => (window.__full = false));
      await choice(page).getByRole("button", { name: "Retry" }).click();
      await choice(page).waitFor({ state: "detached" });
      await page.waitForFunction((id) => !location.hash.endsWith(id), id);
      const stored = await storedDraft(page, id);
      if (stored?.summary !== text) {
        lostKeystrokes += text.length;
        throw new Error("the text was not saved on the way out");
      }
    } finally {
      await context.close();
    }
  });
}

scenario("storage full: the choice downloads the draft, and leaving loses only when chosen", async ({ browser, server }) => {
  const context = await quotaContext(browser, server);
  try {
    const page = await openApp(context, server);
    const id = await draftWith(page, "Choose on the way out");
    await page.evaluate(() => (window.__full = true));
    await page.getByLabel("Summary").fill("Only in the download");
    await page.getByRole("link", { name: "← All postmortems" }).click();
    await choice(page).waitFor();
    for (const label of ["Download the draft", "Retry", "Leave and lose the changes"]) {
      await choice(page).getByRole("button", { name: label, exact: true }).waitFor();
    }
    const { text } = await downloadText(page, () => choice(page).getByRole("button", { name: "Download the draft" }).click());
    assert.equal(JSON.parse(text).summary, "Only in the download");
    await choice(page).getByRole("button", { name: "Retry" }).click();
    await choice(page).getByText("Still not saved.").waitFor();
    await choice(page).getByRole("button", { name: "Leave and lose the changes" }).click();
    await page.getByRole("button", { name: "New postmortem" }).waitFor();
    assert.equal((await storedDraft(page, id)).summary, "", "left as the person chose");
  } finally {
    await context.close();
  }
});

scenario("storage full on a new draft: it opens anyway, says it is not kept, downloads", async ({ browser, server }) => {
  const context = await quotaContext(browser, server);
  try {
    const page = await openApp(context, server);
    await page.evaluate(() => (window.__full = true));
    await page.getByRole("button", { name: "New postmortem" }).click();
    await page.getByTestId("not-kept").waitFor();
    await page.getByLabel("Title", { exact: true }).fill("Written with nowhere to keep it");
    await page.getByTestId("save-status").filter({ hasText: /^Not saved/ }).waitFor();
    const md = await downloadText(page, () => page.getByTestId("not-kept").getByRole("button", { name: "Download Markdown" }).click());
    assert.ok(md.text.includes("# Written with nowhere to keep it"), md.text.slice(0, 200));
    await page.getByRole("link", { name: "← All postmortems" }).click();
    await choice(page).waitFor();
    // Room again: retry stores it and goes on.
    await page.evaluate(() => (window.__full = false));
    await choice(page).getByRole("button", { name: "Retry" }).click();
    await page.getByRole("link", { name: "Written with nowhere to keep it" }).waitFor();
  } finally {
    await context.close();
  }
});

scenario("storage full during a restore: it stops, says what was not restored, loses nothing", async ({ browser, server }) => {
  const context = await quotaContext(browser, server);
  try {
    const page = await openApp(context, server);
    const id = await draftWith(page, "Already here");
    await page.goto(server.url + "#/");
    const bundle = await page.evaluate(() => {
      const doc = (id, title) => ({ schema_version: 1, id, created_at: "2026-11-20T14:00:00Z", updated_at: "2026-11-20T14:00:00Z", title });
      return JSON.stringify({ format: "afterword-bundle", bundle_version: 1, exported_at: "2026-11-20T15:00:00Z",
        drafts: [doc("pm-r1", "Restored one"), doc("pm-r2", "Restored two")], templates: [], settings: {} });
    });
    await page.evaluate(() => (window.__full = true));
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.getByRole("button", { name: "Restore from backup" }).click()]);
    await chooser.setFiles({ name: "backup.json", mimeType: "application/json", buffer: Buffer.from(bundle) });
    await page.getByRole("button", { name: "Add new only" }).click();
    await page.getByText(/The restore stopped: browser storage is full/).waitFor();
    assert.equal((await storedDraft(page, id)).title, "Already here");
  } finally {
    await context.close();
  }
});

scenario("storage switched off: a postmortem can still be written, downloaded, and is asked about on leaving", async ({ browser, server }) => {
  const context = await newContext(browser, server);
  try {
    await context.addInitScript(() => {
      Object.defineProperty(window, "localStorage", {
        get() {
          throw new DOMException("The operation is insecure.", "SecurityError");
        },
      });
    });
    const page = await openApp(context, server);
    await page.getByRole("button", { name: "New postmortem" }).click();
    await page.getByTestId("not-kept").waitFor();
    await page.getByLabel("Title", { exact: true }).fill("No storage at all");
    await page.getByLabel("Summary").fill("Every word matters");
    const status = await page.getByTestId("save-status").textContent();
    assert.ok(status.startsWith("Not saved"), status);
    const json = await downloadText(page, () => page.getByTestId("not-kept").getByRole("button", { name: "Download JSON" }).click());
    assert.equal(JSON.parse(json.text).summary, "Every word matters");
    await page.getByRole("link", { name: "← All postmortems" }).click();
    await choice(page).waitFor();
    const again = await downloadText(page, () => choice(page).getByRole("button", { name: "Download the draft" }).click());
    assert.equal(JSON.parse(again.text).title, "No storage at all");
  } finally {
    await context.close();
  }
});

// --- Two tabs ----------------------------------------------------------------

scenario("two tabs outside the autosave delay follow each other", async ({ browser, server }) => {
  const context = await newContext(browser, server);
  try {
    const a = await openApp(context, server);
    const id = await draftWith(a, "Two calm tabs");
    const b = await openApp(context, server, `#/draft/${id}`);
    await a.getByLabel("Summary").fill("From tab A");
    await waitSaved(a);
    await b.waitForFunction(() => document.querySelector("textarea")?.value === "From tab A");
    await b.getByLabel("Summary").fill("From tab A, then B");
    await waitSaved(b);
    await a.waitForFunction(() => document.querySelector("textarea")?.value === "From tab A, then B");
    await expectKept(a, ["From tab A, then B"]);
  } finally {
    await context.close();
  }
});

/// Settles every version closing tabs kept: the first is compared and
/// opened in place, the others kept as drafts of their own.
async function settleKept(page) {
  const rows = page.getByTestId("kept-row");
  if ((await rows.count()) === 0) return 0;
  const n = await rows.count();
  const heading = n === 1 ? "1 unsaved version was kept when a tab closed" : `${n} unsaved versions were kept when tabs closed`;
  await page.getByTestId("kept-versions").getByText(heading).waitFor();
  for (let i = n; i > 1; i--) {
    await rows.last().getByRole("button", { name: "Keep" }).click();
    await page.waitForFunction((left) => document.querySelectorAll('[data-testid="kept-row"]').length === left, i - 1);
  }
  await rows.first().getByRole("button", { name: "Compare" }).click();
  await rows.first().getByRole("button", { name: "Open" }).click();
  await page.getByLabel("Summary").waitFor();
  const conflict = page.getByRole("button", { name: "Keep both (save mine as a copy)" });
  if (await conflict.isVisible()) await conflict.click();
  else await waitSaved(page);
  await page.getByTestId("kept-versions").waitFor({ state: "detached" });
  return n;
}

for (const how of ["reload", "leave"]) {
  scenario(`two tabs that both ${how} inside the autosave delay lose nothing`, async ({ browser, server }) => {
    const context = await newContext(browser, server);
    try {
      const a = await openApp(context, server);
      const id = await draftWith(a, `Race and ${how}`);
      const b = await openApp(context, server, `#/draft/${id}`);
      await b.getByLabel("Owner").waitFor();
      // Both type at once, then both go before either autosave runs.
      await Promise.all([a.getByLabel("Summary").fill("A typed this"), b.getByLabel("Owner").fill("B typed that")]);
      if (how === "reload") {
        await Promise.all([a.reload(), b.reload()]);
      } else {
        await Promise.all([a.goto("about:blank"), b.goto("about:blank")]);
      }
      const c = await openApp(context, server);
      await expectKept(c, ["A typed this", "B typed that"], `when both tabs ${how}`);
      const kept = await settleKept(c);
      await expectKept(c, ["A typed this", "B typed that"], "after choosing");
      console.log(`    ${kept} version(s) kept and settled`);
      assert.equal(await c.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(":recovered:")).length), 0);
    } finally {
      await context.close();
    }
  });
}

scenario("a tab showing a conflict, left by a link, asks and keeps its text", async ({ browser, server }) => {
  const context = await newContext(browser, server);
  try {
    const a = await openApp(context, server);
    const id = await draftWith(a, "Conflict then leave");
    const b = await openApp(context, server, `#/draft/${id}`);
    await a.getByLabel("Summary").fill("A wins the race");
    await b.getByLabel("Summary").fill("B must not vanish");
    await waitSaved(a);
    await b.getByRole("heading", { name: "This draft was changed in another tab" }).waitFor();
    await b.getByRole("link", { name: "← All postmortems" }).click();
    await choice(b).waitFor();
    assert.equal(await b.getByLabel("Summary").inputValue(), "B must not vanish");
    await choice(b).getByRole("button", { name: "Stay on this draft" }).click();
    await b.getByRole("button", { name: "Keep both (save mine as a copy)" }).click();
    await expectKept(b, ["A wins the race", "B must not vanish"]);
  } finally {
    await context.close();
  }
});

scenario("three tabs closing at once: every version is kept, and discarding takes the person's word", async ({ browser, server }) => {
  const context = await newContext(browser, server);
  try {
    const tabs = [await openApp(context, server)];
    const id = await draftWith(tabs[0], "Three tabs");
    tabs.push(await openApp(context, server, `#/draft/${id}`), await openApp(context, server, `#/draft/${id}`));
    const fields = ["Summary", "Owner", "Reported to"];
    const texts = ["first tab's words", "second tab's words", "third tab's words"];
    await Promise.all(tabs.map((t) => t.getByLabel(fields[2]).waitFor()));
    await Promise.all(tabs.map((t, i) => t.getByLabel(fields[i]).fill(texts[i])));
    await Promise.all(tabs.map((t) => t.close({ runBeforeUnload: true })));
    const c = await openApp(context, server);
    await expectKept(c, texts, "three tabs closing");
    const row = c.getByTestId("kept-row").first();
    if (await row.count()) {
      await row.getByRole("button", { name: "Discard" }).click();
      await row.getByRole("button", { name: "Cancel" }).click();
    }
    await settleKept(c);
    await expectKept(c, texts, "after settling");
  } finally {
    await context.close();
  }
});

// --- Closing and crashing -----------------------------------------------------

async function typeFor(page, ms, label = "Summary") {
  const field = page.getByLabel(label);
  await field.click();
  const started = Date.now();
  let typed = "";
  while (Date.now() - started < ms) {
    await page.keyboard.type("abcde ", { delay: 40 });
    typed += "abcde ";
  }
  return typed;
}

scenario("closing a tab mid-typing keeps every keystroke", async ({ browser, server }) => {
  const context = await newContext(browser, server);
  try {
    const page = await openApp(context, server);
    const id = await draftWith(page, "Closed mid-typing");
    const typed = await typeFor(page, 1500);
    await page.close({ runBeforeUnload: true });
    const again = await openApp(context, server);
    const stored = (await storedDraft(again, id)).summary;
    if (stored !== typed.trimEnd() && stored !== typed) {
      lostKeystrokes += Math.max(0, typed.length - stored.length);
      throw new Error(`stored ${stored.length} of ${typed.length} characters`);
    }
  } finally {
    await context.close();
  }
});

scenario("leaving a field saves at once, before any pause", async ({ browser, server }) => {
  const context = await newContext(browser, server);
  try {
    const page = await openApp(context, server);
    const id = await draftWith(page, "Saved on blur");
    await page.getByLabel("Summary").click();
    await page.keyboard.type("Written, then Tab", { delay: 10 });
    // Read in the same task as the focus moves: no autosave delay can pass.
    const stored = await page.evaluate((id) => {
      document.activeElement.blur();
      return JSON.parse(localStorage.getItem(`afterword:draft:${id}`)).summary;
    }, id);
    if (stored !== "Written, then Tab") {
      lostKeystrokes += "Written, then Tab".length - (stored?.length ?? 0);
      throw new Error(`stored ${JSON.stringify(stored)} right after the field lost focus`);
    }
  } finally {
    await context.close();
  }
});

scenario("a crashed renderer costs at most two seconds of typing", async ({ browser, server }) => {
  const context = await newContext(browser, server);
  try {
    const page = await openApp(context, server);
    const id = await draftWith(page, "Crashed mid-typing");
    const field = page.getByLabel("Summary");
    await field.click();
    const started = Date.now();
    const marks = [];
    let typed = "";
    while (Date.now() - started < 4000) {
      await page.keyboard.type("xyz ", { delay: 30 });
      typed += "xyz ";
      marks.push([Date.now(), typed.length]);
    }
    const crashAt = Date.now();
    const cdp = await context.newCDPSession(page);
    // The crash never answers: do not wait for it.
    cdp.send("Page.crash").catch(() => {});
    await new Promise((r) => setTimeout(r, 500));
    // Typed more than 2.5 s before the crash must be stored.
    const owed = [...marks].reverse().find(([t]) => crashAt - t > 2500)?.[1] ?? 0;
    const again = await openApp(context, server);
    const stored = (await storedDraft(again, id)).summary;
    if (stored.length < owed) {
      lostKeystrokes += owed - stored.length;
      throw new Error(`only ${stored.length} of the ${owed} characters typed 2.5 s before the crash were stored`);
    }
  } finally {
    await context.close();
  }
});

// --- Service-worker update ----------------------------------------------------

scenario("a service-worker update with two tabs saves both tabs' typing first", async ({ browser, server }) => {
  const context = await newContext(browser, server);
  try {
    const a = await openApp(context, server);
    await waitForServiceWorker(a);
    const one = await draftWith(a, "Update, tab A");
    await a.goto(server.url + "#/");
    const two = await draftWith(a, "Update, tab B");
    const b = await openApp(context, server, `#/draft/${two}`);
    await a.goto(server.url + `#/draft/${one}`);
    await a.getByLabel("Title", { exact: true }).waitFor();
    server.state.swVersion += 1;
    await a.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    await a.getByText("A new version of Afterword is ready.").waitFor({ timeout: 20000 });
    await b.getByText("A new version of Afterword is ready.").waitFor({ timeout: 20000 });
    // Both type, then A takes the update at once, inside the autosave delay.
    await b.getByLabel("Summary").fill("B was typing when the update came");
    await a.getByLabel("Summary").fill("A was typing too");
    await Promise.all([a.waitForEvent("load"), b.waitForEvent("load"), a.getByRole("button", { name: "Reload to update" }).click()]);
    await a.getByRole("heading", { level: 1 }).first().waitFor();
    await expectKept(a, ["B was typing when the update came", "A was typing too"], "over the update");
    assert.equal((await storedDraft(a, two)).summary, "B was typing when the update came");
  } finally {
    await context.close();
  }
});

scenario("an update does not reload a tab whose edits cannot be saved; it asks", async ({ browser, server }) => {
  const context = await quotaContext(browser, server);
  try {
    const a = await openApp(context, server);
    await waitForServiceWorker(a);
    const id = await draftWith(a, "Update while full");
    server.state.swVersion += 1;
    await a.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    await a.getByText("A new version of Afterword is ready.").waitFor({ timeout: 20000 });
    await a.evaluate(() => (window.__full = true));
    await a.getByLabel("Summary").fill("Not lost to an update");
    await a.getByRole("button", { name: "Reload to update" }).click();
    await choice(a).waitFor();
    await a.evaluate(() => (window.__full = false));
    await Promise.all([a.waitForEvent("load"), choice(a).getByRole("button", { name: "Retry" }).click()]);
    await a.getByRole("heading", { level: 1 }).first().waitFor();
    assert.equal((await storedDraft(a, id)).summary, "Not lost to an update");
  } finally {
    await context.close();
  }
});

// --- Embedded -----------------------------------------------------------------

/// A page embedding one editor (namespace "host", no draft list) in #slot,
/// with `window.mountEditor()` to mount it again and the drafts the editor
/// hands over on removal in `window.unsaved`.
async function hostPage(context, server) {
  const page = await context.newPage();
  const html = `<!doctype html><html lang="en"><head><title>Host</title></head><body><main><h1>Host</h1><div id="slot"></div></main>
    <script type="module">
      import { mount } from "./afterword-embed.js";
      const slot = document.getElementById("slot");
      window.unsaved = [];
      slot.addEventListener("afterword-unsaved", (e) => window.unsaved.push(e.detail.json));
      window.mountEditor = async () => (window.mounted = await mount(slot, { namespace: "host", drafts: false }));
      await window.mountEditor();
      window.ready = true;
    </script></body></html>`;
  await page.route(server.url + "host.html", (route) => route.fulfill({ contentType: "text/html", body: html }));
  await page.goto(server.url + "host.html");
  await page.waitForFunction(() => window.ready === true);
  await skipStart(page);
  return page;
}

/// A new draft of the embedded editor opens on the start questions.
async function skipStart(page) {
  const skip = page.locator("#slot").getByRole("button", { name: "Skip to the full editor" });
  await Promise.race([skip.waitFor(), hostField(page, "Title").waitFor()]);
  if (await skip.isVisible()) await skip.click();
}

const hostField = (page, label) => page.locator("#slot").getByLabel(label, { exact: true });

scenario("an embedding page removing the editor with unsaved edits keeps them", async ({ browser, server }) => {
  const context = await quotaContext(browser, server, "host:");
  try {
    const page = await hostPage(context, server);
    await hostField(page, "Title").fill("Embedded and removed");
    await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith("host:draft:") && localStorage.getItem(k).includes("Embedded and removed")));
    await page.evaluate(() => (window.__full = true));
    await hostField(page, "Summary").fill("Typed just before removal");
    await page.evaluate(() => {
      window.__full = false;
      window.mounted.unmount();
    });
    await expectKept(page, ["Typed just before removal"], "when the editor was removed");
  } finally {
    await context.close();
  }
});

scenario("an embedding page removing the editor while storage is full: handed over, and back on the next mount", async ({ browser, server }) => {
  const context = await quotaContext(browser, server, "host:");
  try {
    const page = await hostPage(context, server);
    await hostField(page, "Title").fill("Removed while full");
    await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith("host:draft:") && localStorage.getItem(k).includes("Removed while full")));
    await page.evaluate(() => (window.__full = true));
    const text = "Nowhere to store these words";
    await hostField(page, "Summary").fill(text);
    // Removed at once, inside the autosave delay, with storage still full.
    await page.evaluate(() => window.mounted.unmount());
    const handed = await page.evaluate(() => window.unsaved);
    assert.equal(handed.length, 1, "the page is handed the draft");
    assert.equal(JSON.parse(handed[0]).summary, text);
    // Mounted again: the editor opens with the words, says they are not saved.
    await page.evaluate(() => window.mountEditor());
    await skipStart(page);
    await page.locator("#slot").getByTestId("save-status").filter({ hasText: /^Not saved/ }).waitFor();
    if ((await hostField(page, "Summary").inputValue()) !== text) {
      lostKeystrokes += text.length;
      throw new Error("the words are not back in the editor");
    }
    // Room again: retrying stores them.
    await page.evaluate(() => (window.__full = false));
    await page.locator("#slot").getByRole("button", { name: "Try saving again" }).click();
    await page.locator("#slot").getByTestId("save-status").filter({ hasText: /^Saved/ }).waitFor();
    await expectKept(page, [text], "after the editor came back");
  } finally {
    await context.close();
  }
});

// --- Huge documents -----------------------------------------------------------

function hugeDoc(events, actions, sections) {
  const at = (i) => new Date(Date.UTC(2026, 10, 20, 14, 0, 0) + i * 60000).toISOString().replace(".000", "");
  return {
    schema_version: 1,
    id: "pm-huge",
    created_at: at(0),
    updated_at: at(0),
    title: "A very long incident",
    timeline: Array.from({ length: events }, (_, i) => ({ id: `ev-${i}`, at: at(i), kind: "observation", text: `Event ${i}: the queue grew by ${i} items` })),
    action_items: Array.from({ length: actions }, (_, i) => ({ id: `ai-${i}`, title: `Add an alert for queue ${i}`, owner: "Ana", status: "open" })),
    sections: Object.fromEntries(Array.from({ length: sections }, (_, i) => [`note_${String(i).padStart(4, "0")}`, `Note ${i} about the queues.`])),
  };
}

async function importDoc(page, doc, name = "huge.json") {
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.getByRole("button", { name: "Import a file" }).click()]);
  await chooser.setFiles({ name, mimeType: "application/json", buffer: Buffer.from(JSON.stringify(doc)) });
}

scenario("the largest accepted document opens without freezing, exports, and keeps every keystroke typed into it", async ({ browser, server }) => {
  const context = await newContext(browser, server);
  try {
    const page = await openApp(context, server);
    await importDoc(page, hugeDoc(1000, 300, 1000));
    await page.getByRole("link", { name: "A very long incident" }).first().waitFor();
    const opened = await page.evaluate(async () => {
      const t = performance.now();
      location.hash = "#/draft/pm-huge";
      await new Promise((r) => {
        const check = () => (document.querySelector("#editor-title") ? requestAnimationFrame(() => setTimeout(r)) : requestAnimationFrame(check));
        check();
      });
      return performance.now() - t;
    });
    // The figure is printed (target: under a second); only a freeze fails.
    console.log(`    opened 1,000 events, 300 actions and 1,000 sections in ${Math.round(opened)} ms (target < 1000 ms)`);
    assert.ok(opened < 10000, `the editor froze: opening took ${Math.round(opened)} ms`);
    const typed = await typeFor(page, 1200, "Title");
    const exported = await page.evaluate(() => performance.now());
    await page.getByRole("button", { name: "Export" }).click();
    const md = await downloadText(page, () => page.getByRole("button", { name: /^Download Markdown/ }).click());
    const took = (await page.evaluate(() => performance.now())) - exported;
    console.log(`    its Markdown (${Math.round(md.text.length / 1024)} KB) exported in ${Math.round(took)} ms, menu click included (target < 1000 ms)`);
    assert.ok(md.text.includes("Event 999: the queue grew"), "the Markdown has the whole timeline");
    await page.getByRole("link", { name: "← All postmortems" }).click();
    await page.getByRole("button", { name: "New postmortem" }).waitFor();
    const stored = await storedDraft(page, "pm-huge");
    const wanted = "A very long incident" + typed;
    if (stored.title !== wanted && stored.title !== wanted.trimEnd()) {
      lostKeystrokes += Math.max(0, wanted.trimEnd().length - stored.title.length);
      throw new Error(`stored title ${JSON.stringify(stored.title)}, typed ${JSON.stringify(typed)}`);
    }
    assert.equal(stored.timeline.length, 1000);
  } finally {
    await context.close();
  }
});

scenario("a document over the limits is refused with the limit named", async ({ browser, server }) => {
  const context = await newContext(browser, server);
  try {
    const page = await openApp(context, server);
    await importDoc(page, hugeDoc(5000, 10, 10));
    await page.getByText(/timeline: 5000 events; Afterword opens at most/).waitFor();
    assert.equal(await page.evaluate(() => localStorage.getItem("afterword:draft:pm-huge")), null);
  } finally {
    await context.close();
  }
});

// --- Run ----------------------------------------------------------------------

const browser = await launch();
const server = await startServer();
let passed = 0;
let run = 0;
const started = Date.now();
try {
  for (const s of scenarios) {
    if (only && !s.name.includes(only)) continue;
    run += 1;
    const t = Date.now();
    try {
      await s.run({ browser, server });
      passed += 1;
      console.log(`ok   ${s.name} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
    } catch (e) {
      console.log(`FAIL ${s.name}\n     ${String(e?.message ?? e).split("\n").join("\n     ")}`);
    }
  }
} finally {
  await browser.close();
  await server.close();
}
const lost = lostDrafts + lostKeystrokes;
console.log(`\n${run} scenarios, ${passed} passed, ${lost === 0 ? "0 drafts or keystrokes lost" : `${lostDrafts} drafts and ${lostKeystrokes} keystrokes lost`} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
process.exit(passed === run && lost === 0 ? 0 : 1);
