// Shared set-up for the end-to-end tests: Debian's Chromium driven by
// Playwright, a static server over dist/, and checks every test wants.
import { before, after, afterEach } from "node:test";
import { chromium } from "playwright-core";
import axePkg from "@axe-core/playwright";
import assert from "node:assert/strict";
import fs from "node:fs/promises";

const AxeBuilder = axePkg.default ?? axePkg;
import { startServer } from "./server.mjs";
export { startServer };

/// The browser and the static server of the test file, set by
/// `useBrowserAndServer()` (live bindings: read them inside tests). Each
/// test file runs in its own process, so each has its own pair.
export let browser;
export let server;

/// Starts Chromium and a server over dist/ before the file's tests and
/// stops both after them. `serverOptions` go to `startServer`.
/// Contexts made by `newContext` and not closed yet.
const openContexts = new Set();

export function useBrowserAndServer(serverOptions) {
  before(async () => {
    browser = await launch();
    server = await startServer(serverOptions);
  });
  // Whatever a test left open (it failed before its own close) is closed
  // when it ends, as a `finally` would.
  afterEach(async () => {
    for (const context of [...openContexts]) await context.close().catch(() => {});
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
  });
}

/// A fresh browser profile that records every request and fails the test if
/// one leaves the app's origin.
export async function newContext(browser, server, options = {}) {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1200, height: 900 }, ...options });
  openContexts.add(context);
  context.on("close", () => openContexts.delete(context));
  context.outside = [];
  context.on("request", (request) => {
    const url = request.url();
    if (url.startsWith("blob:") || url.startsWith("data:")) return;
    if (new URL(url).origin !== server.origin) context.outside.push(url);
  });
  return context;
}

export function assertStayedHome(context) {
  assert.deepEqual(context.outside, [], "requests left the origin");
}

export async function openApp(context, server, hash = "") {
  const page = await context.newPage();
  page.errors = [];
  page.on("pageerror", (e) => page.errors.push(String(e)));
  // A Rust panic is printed to the console before the page error: show it.
  page.on("console", (m) => {
    if (m.type() === "error") console.error(`[page console] ${m.text().slice(0, 2000)}`);
  });
  await page.goto(server.url + hash);
  await page.getByRole("heading", { level: 1 }).first().waitFor();
  return page;
}

/// A new draft in the full editor (the start questions skipped).
export async function newDraft(page) {
  await page.getByRole("button", { name: "New postmortem" }).click();
  await page.getByRole("button", { name: "Skip to the full editor" }).click();
  await field(page, "title").waitFor();
}

// ----- the editor: fields are found by their key, never by their label -----

/// The control of a field, by its key in the core's field table
/// (`impact.customers_affected`, `analysis.four_questions.why`) or a row path
/// (`timeline[e1].text`): every control carries it as `data-field`, so a
/// label change touches no test.
export function field(page, key) {
  return page.locator(`[data-field="${key}"]`).first();
}

/// Types `value` into the field with this key.
export async function fillField(page, key, value) {
  await field(page, key).fill(value);
}

/// Opens a stored draft in the editor.
export async function openDraft(page, server, id) {
  await page.goto(`${server.url}#/draft/${id}`);
  await field(page, "title").waitFor();
}

/// Downloads the open draft's export in `format` ("Markdown", "JSON" or
/// "action items", as the Export menu names them).
export async function exportAs(page, format) {
  await page.getByRole("button", { name: "Export" }).click();
  return downloadText(page, () => page.getByRole("button", { name: new RegExp(`^Download ${format}`) }).click());
}

export async function waitSaved(page) {
  await page.getByTestId("save-status").filter({ hasText: /^Saved \d\d:\d\d$/ }).waitFor();
}

export async function waitForServiceWorker(page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === "activated", null, { timeout: 20000 });
}

export async function expectNoAxeViolations(page, label) {
  const result = await new AxeBuilder({ page }).analyze();
  const summary = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})\n  ${v.nodes.map((n) => n.target.join(" ")).join("\n  ")}`);
  assert.deepEqual(summary, [], `axe violations on ${label}`);
}

export async function downloadText(page, click) {
  const [download] = await Promise.all([page.waitForEvent("download"), click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), text: await fs.readFile(file, "utf8") };
}

export async function screenshot(page, name) {
  await fs.mkdir("tests/e2e/artifacts", { recursive: true });
  await page.screenshot({ path: `tests/e2e/artifacts/${name}.png`, fullPage: true });
}

/// Runs `fn(page, context)` on the app in a fresh context, which is closed
/// whatever happens; the page must raise no error.
export async function withPage(options, fn, hash = "") {
  const context = await newContext(browser, server, options);
  try {
    const page = await openApp(context, server, hash);
    await fn(page, context);
    assert.deepEqual(page.errors, [], "page errors");
  } finally {
    await context.close();
  }
}

// ----- the keyboard -----

/// Moves the keyboard to `locator` and presses `key` there (Enter by
/// default), as a person without a mouse does.
export async function pressOn(page, locator, key = "Enter") {
  await locator.focus();
  await page.keyboard.press(key);
}

/// What has the keyboard: its tag, DOM id, field key (`data-field`, its own
/// or its group's), linted field path and text (a heading's, a control's
/// value).
export async function focused(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el || el === document.body) return null;
    return {
      tag: el.tagName,
      id: el.id,
      field: el.dataset.field ?? el.closest("[data-field]")?.dataset.field ?? null,
      lintField: el.dataset.lintField ?? null,
      text: ("value" in el && el.tagName !== "BUTTON" ? el.value : el.textContent).trim(),
      inForm: Boolean(el.closest(".doc-form, .more-fields")),
    };
  });
}

/// Waits until the focused element passes `check(info)` (see `focused`),
/// and returns it; fails with what had the focus instead.
export async function waitForFocus(page, check, what) {
  let info = null;
  for (let i = 0; i < 60; i++) {
    info = await focused(page);
    if (info && check(info)) return info;
    await page.waitForTimeout(50);
  }
  assert.fail(`focus should be on ${what}, is on ${JSON.stringify(info)}`);
}

// ----- home, review -----

/// Adds the sample postmortems from the home screen.
export async function addSamples(page) {
  await page.getByRole("button", { name: "Try with sample postmortems" }).click();
  await page.getByText(/^Added \d+ sample postmortems/).waitFor();
}

/// Opens the follow-up review.
export async function openReview(page) {
  await page.goto(`${server.url}#/review`);
  await page.getByRole("heading", { name: "Follow-up review" }).waitFor();
}
