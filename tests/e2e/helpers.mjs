// Shared set-up for the end-to-end tests: Debian's Chromium driven by
// Playwright, a static server over dist/, and checks every test wants.
import { chromium } from "playwright-core";
import axePkg from "@axe-core/playwright";
import assert from "node:assert/strict";
import fs from "node:fs/promises";

const AxeBuilder = axePkg.default ?? axePkg;
export { startServer } from "./server.mjs";

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
  await page.getByLabel("Title", { exact: true }).waitFor();
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
