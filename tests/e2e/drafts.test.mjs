// Whole flows of the foundation: drafts that survive reloads, going offline,
// corrupt storage, a full quota and a second tab, with no request leaving the
// origin and no accessibility violations.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  browser, server, useBrowserAndServer, newContext, openApp, newDraft, waitSaved, waitForServiceWorker,
  expectNoAxeViolations, downloadText, assertStayedHome, screenshot,
} from "./helpers.mjs";

useBrowserAndServer();

// Another app on the same origin fills local storage until nothing fits.
function fillLocalStorage(page) {
  return page.evaluate(() => {
    let chunk = "x".repeat(512 * 1024), n = 0;
    while (chunk.length > 8) {
      try { localStorage.setItem(`other-app:${n}`, chunk); n++; } catch { chunk = chunk.slice(0, chunk.length / 2); }
    }
  });
}

test("a typed draft is saved without a button and is there after a reload", async () => {
  const context = await newContext(browser, server);
  const page = await openApp(context, server);
  await newDraft(page);
  // Type at once after the editor appears: autosave must catch the first edit.
  await page.getByLabel("Title", { exact: true }).fill("Checkout errors after release 2.14");
  await page.getByLabel("Summary").fill("Card payments failed for 38 minutes.");
  await waitSaved(page);
  await page.reload();
  await assert.doesNotReject(page.getByLabel("Title", { exact: true }).waitFor());
  assert.equal(await page.getByLabel("Title", { exact: true }).inputValue(), "Checkout errors after release 2.14");
  assert.equal(await page.getByLabel("Summary").inputValue(), "Card payments failed for 38 minutes.");
  await page.getByRole("link", { name: "← All postmortems" }).click();
  await page.getByRole("link", { name: "Checkout errors after release 2.14" }).waitFor();
  assert.deepEqual(page.errors, []);
  assertStayedHome(context);
  await context.close();
});

test("hiding the page saves at once, before the autosave delay", async () => {
  const context = await newContext(browser, server);
  const page = await openApp(context, server);
  await newDraft(page);
  await page.getByLabel("Title", { exact: true }).fill("Saved on pagehide");
  // Navigating away fires pagehide straight after typing.
  await page.goto("about:blank");
  const again = await openApp(context, server);
  await again.getByRole("link", { name: "Saved on pagehide" }).waitFor();
  await context.close();
});

test("the app and its drafts open with no network", async () => {
  const context = await newContext(browser, server);
  const page = await openApp(context, server);
  await waitForServiceWorker(page);
  await newDraft(page);
  await page.getByLabel("Title", { exact: true }).fill("Written before the network went away");
  await waitSaved(page);
  await context.setOffline(true);
  await page.reload();
  await page.getByLabel("Title", { exact: true }).waitFor();
  assert.equal(await page.getByLabel("Title", { exact: true }).inputValue(), "Written before the network went away");
  await page.getByLabel("Summary").fill("Typed while offline.");
  await waitSaved(page);
  await page.goto(server.url);
  await page.getByRole("link", { name: "Written before the network went away" }).waitFor();
  assert.deepEqual(page.errors, []);
  await context.close();
});

test("a corrupt stored draft is set aside, shown as unreadable and kept; the others still work", async () => {
  const context = await newContext(browser, server);
  const page = await openApp(context, server);
  await newDraft(page);
  await page.getByLabel("Title", { exact: true }).fill("Healthy draft");
  await waitSaved(page);
  const garbage = '{"schema_version":1,"id":"broken","title":"half a draf';
  await page.evaluate((raw) => localStorage.setItem("afterword:draft:broken", raw), garbage);
  await page.goto(server.url + "#/");
  await page.reload();
  await page.getByRole("heading", { name: "Drafts that could not be read" }).waitFor();
  await page.getByText("Draft broken (could not be read)").waitFor();
  await page.getByRole("link", { name: "Healthy draft" }).waitFor();
  const kept = await page.evaluate(() => localStorage.getItem("afterword:quarantine:broken"));
  assert.equal(kept, garbage, "the raw text is kept untouched");
  const { name, text } = await downloadText(page, () => page.getByRole("button", { name: "Download raw text" }).click());
  assert.equal(name, "afterword-unreadable-broken.txt");
  assert.equal(text, garbage);
  await screenshot(page, "home-unreadable");
  // Reloading again neither duplicates nor changes it.
  await page.reload();
  await page.getByText("Draft broken (could not be read)").waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem("afterword:quarantine:broken")), garbage);
  await page.getByRole("link", { name: "Healthy draft" }).click();
  await page.getByLabel("Summary").fill("Still editable.");
  await waitSaved(page);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test("a full storage quota says so plainly, keeps the edits and offers a download", async () => {
  const context = await newContext(browser, server);
  await context.addInitScript(() => {
    // No IndexedDB to move the draft to, as in some private windows.
    Object.defineProperty(window, "indexedDB", { value: undefined });
    const real = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (window.__quotaFull && key.includes(":draft:")) {
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      }
      return real.call(this, key, value);
    };
  });
  const page = await openApp(context, server);
  await newDraft(page);
  await page.getByLabel("Title", { exact: true }).fill("Quota test");
  await waitSaved(page);
  await page.evaluate(() => (window.__quotaFull = true));
  await page.getByLabel("Summary").fill("This text must not be lost.");
  await page.getByTestId("save-status").filter({ hasText: "Not saved: browser storage is full" }).waitFor();
  await page.getByRole("heading", { name: "Your latest edits are not saved" }).waitFor();
  await screenshot(page, "editor-quota");
  const { text } = await downloadText(page, () => page.getByRole("button", { name: "Download this draft" }).click());
  assert.equal(JSON.parse(text).summary, "This text must not be lost.");
  assert.equal(await page.getByLabel("Summary").inputValue(), "This text must not be lost.");
  const stored = await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith("afterword:draft:"));
    return JSON.parse(localStorage.getItem(key));
  });
  assert.equal(stored.title, "Quota test", "the stored copy is the last good one");
  await page.evaluate(() => (window.__quotaFull = false));
  await page.getByRole("button", { name: "Try saving again" }).click();
  await waitSaved(page);
  await page.reload();
  await page.getByLabel("Summary").waitFor();
  assert.equal(await page.getByLabel("Summary").inputValue(), "This text must not be lost.");
  await context.close();
});

test("a draft that does not fit in local storage moves to IndexedDB, is seen by a second tab and kept", async () => {
  const context = await newContext(browser, server);
  const page = await openApp(context, server);
  await fillLocalStorage(page);
  await newDraft(page);
  await page.getByLabel("Title", { exact: true }).fill("Spilled draft");
  await page.getByLabel("Summary").fill("The queue filled up and the consumer fell behind.");
  await waitSaved(page);
  const second = await openApp(context, server);
  await second.getByRole("link", { name: "Spilled draft" }).waitFor();
  await second.getByTestId("storage-usage").filter({ hasText: /local storage is full .* kept in IndexedDB/ }).waitFor();
  await page.getByLabel("Title", { exact: true }).fill("Spilled draft, renamed");
  await waitSaved(page);
  await second.getByRole("link", { name: "Spilled draft, renamed" }).waitFor();
  await page.close();
  await second.reload();
  await second.getByRole("link", { name: "Spilled draft, renamed" }).click();
  await second.getByLabel("Summary").waitFor();
  assert.equal(await second.getByLabel("Summary").inputValue(), "The queue filled up and the consumer fell behind.");
  const ours = await second.evaluate(() => Object.keys(localStorage).filter((k) => !k.startsWith("other-app:")));
  assert.deepEqual(ours, ["afterword.spill"], "the draft lives in IndexedDB only, and local storage says so");
  assert.deepEqual(second.errors, []);
  await context.close();
});

test("IndexedDB refusing a moved draft after the fact: not saved, says so, asks on leaving, loses nothing", async () => {
  const context = await newContext(browser, server);
  await context.addInitScript(() => {
    // IndexedDB takes the write, then its transaction aborts, as when the
    // disk share runs out at commit.
    const real = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (...args) {
      const request = real.apply(this, args);
      if (window.__idbRefuses) this.transaction.abort();
      return request;
    };
  });
  const page = await openApp(context, server);
  await fillLocalStorage(page);
  await newDraft(page);
  await page.getByLabel("Title", { exact: true }).fill("Moved draft");
  await waitSaved(page);
  await page.evaluate(() => (window.__idbRefuses = true));
  await page.getByLabel("Summary").fill("Typed after IndexedDB filled up.");
  await page.getByTestId("save-status").filter({ hasText: "Not saved: IndexedDB refused it" }).waitFor();
  await page.getByText(/IndexedDB refused the overflow/).first().waitFor();
  await screenshot(page, "editor-indexeddb-refused");
  // Typing on keeps saying so: nothing claims to be saved.
  await page.getByLabel("Summary").fill("Typed after IndexedDB filled up, and more.");
  await page.getByTestId("save-status").filter({ hasText: "Not saved" }).waitFor();
  await page.waitForTimeout(1200);
  assert.match(await page.getByTestId("save-status").innerText(), /Not saved/);
  await page.getByRole("link", { name: "← All postmortems" }).click();
  await page.getByTestId("leave-choice").waitFor();
  const { text } = await downloadText(page, () => page.getByRole("button", { name: "Download the draft" }).click());
  assert.equal(JSON.parse(text).summary, "Typed after IndexedDB filled up, and more.");
  // Room again in local storage: the retry puts the draft back there.
  await page.evaluate(() => {
    for (const k of Object.keys(localStorage)) if (k.startsWith("other-app:")) localStorage.removeItem(k);
  });
  await page.getByRole("button", { name: "Retry" }).click();
  await page.getByRole("link", { name: "Moved draft" }).waitFor();
  const stored = await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith("afterword:draft:"));
    return key && JSON.parse(localStorage.getItem(key)).summary;
  });
  assert.equal(stored, "Typed after IndexedDB filled up, and more.");
  await context.close();
});

test("a second tab's save is noticed: follow it when idle, and choose when both edited", async () => {
  const context = await newContext(browser, server);
  const a = await openApp(context, server);
  await newDraft(a);
  await a.getByLabel("Title", { exact: true }).fill("Shared draft");
  await waitSaved(a);
  const b = await openApp(context, server, new URL(a.url()).hash);
  await b.getByLabel("Title", { exact: true }).waitFor();
  // Tab A saves; tab B, with nothing unsaved, follows.
  await a.getByLabel("Summary").fill("Written in tab A");
  await waitSaved(a);
  await b.waitForFunction(() => document.querySelector("textarea")?.value === "Written in tab A");
  // Both edit before either saves: B must not overwrite A's work.
  await a.getByLabel("Summary").fill("A's newer text");
  await b.getByLabel("Summary").fill("B's competing text");
  await waitSaved(a);
  await b.getByRole("heading", { name: "This draft was changed in another tab" }).waitFor();
  await screenshot(b, "editor-conflict");
  await b.getByRole("button", { name: "Keep both (save mine as a copy)" }).click();
  await b.waitForFunction(() => document.querySelector("textarea")?.value === "A's newer text");
  await b.goto(server.url + "#/");
  await b.getByRole("link", { name: "Shared draft (my edits)" }).waitFor();
  await b.getByRole("link", { name: "Shared draft", exact: true }).waitFor();
  await context.close();
});

test("drafts can be renamed, duplicated, trashed, restored and deleted for good", async () => {
  const context = await newContext(browser, server);
  const page = await openApp(context, server);
  await newDraft(page);
  await page.getByLabel("Title", { exact: true }).fill("Original");
  await waitSaved(page);
  await page.getByRole("link", { name: "← All postmortems" }).click();
  await page.getByRole("button", { name: "Rename" }).click();
  await page.getByLabel("New title").fill("Renamed");
  await page.getByLabel("New title").press("Enter");
  await page.getByRole("link", { name: "Renamed" }).waitFor();
  await page.getByRole("button", { name: "Duplicate" }).click();
  await page.getByRole("link", { name: "Renamed (copy)" }).waitFor();
  await page.getByRole("listitem").filter({ hasText: "Renamed (copy)" }).getByRole("button", { name: "Delete" }).click();
  await page.getByText("Trash (1)").click();
  await screenshot(page, "home-trash");
  const trash = page.getByRole("list", { name: "Trash" });
  await trash.getByRole("button", { name: "Restore" }).click();
  await page.getByRole("link", { name: "Renamed (copy)" }).waitFor();
  await page.getByRole("listitem").filter({ hasText: "Renamed (copy)" }).getByRole("button", { name: "Delete" }).click();
  await page.getByText("Trash (1)").click();
  await trash.getByRole("button", { name: "Delete for good…" }).click();
  // The keyboard follows the question: to the confirming button, and back
  // when the draft is kept.
  const focused = (text) => page.waitForFunction((t) => document.activeElement?.textContent === t, text);
  await focused("Delete for good");
  await trash.getByRole("button", { name: "Keep it" }).click();
  await focused("Delete for good…");
  await page.keyboard.press("Enter");
  await focused("Delete for good");
  await page.keyboard.press("Enter");
  await page.getByText("Trash (1)").waitFor({ state: "detached" });
  const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("afterword:draft:")));
  assert.equal(keys.length, 1);
  await context.close();
});

test("home screen and editor have no axe violations", async () => {
  const context = await newContext(browser, server);
  const page = await openApp(context, server);
  await expectNoAxeViolations(page, "the empty home screen");
  await newDraft(page);
  await page.getByLabel("Title", { exact: true }).fill("Accessible draft");
  await page.getByRole("button", { name: "Add event" }).click();
  await page.getByRole("button", { name: "Add action item" }).click();
  await waitSaved(page);
  await expectNoAxeViolations(page, "the editor");
  await screenshot(page, "editor");
  await page.goto(server.url + "#/");
  await page.getByRole("link", { name: "Accessible draft" }).waitFor();
  await expectNoAxeViolations(page, "the home screen with a draft");
  await screenshot(page, "home");
  assertStayedHome(context);
  await context.close();
});

test("storage use is shown on the home screen", async () => {
  const context = await newContext(browser, server);
  const page = await openApp(context, server);
  await page.getByTestId("storage-usage").filter({ hasText: /Drafts use .* of this browser's local storage/ }).waitFor();
  await context.close();
});

test("other apps' keys on the same origin are never touched", async () => {
  const context = await newContext(browser, server);
  const page = await openApp(context, server);
  await page.evaluate(() => localStorage.setItem("host-app:settings", "keep me"));
  await newDraft(page);
  await page.getByLabel("Title", { exact: true }).fill("Neighbourly");
  await waitSaved(page);
  const keys = await page.evaluate(() => Object.keys(localStorage));
  assert.ok(keys.every((k) => k.startsWith("afterword:") || k === "host-app:settings"), keys.join(", "));
  assert.equal(await page.evaluate(() => localStorage.getItem("host-app:settings")), "keep me");
  await context.close();
});
