// Getting postmortems out and back in: the editor's Export menu (Markdown,
// JSON, CSV, clipboard, printable report), importing files by chooser and
// by drop, id conflicts, hostile files that must change nothing, and a full
// backup restored into a fresh browser.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {
  browser, server, useBrowserAndServer, newContext, openApp, newDraft, waitSaved,
  expectNoAxeViolations, downloadText, assertStayedHome, screenshot,
} from "./helpers.mjs";

useBrowserAndServer();

let tmp;
before(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "afterword-transfer-"));
});
after(async () => {
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

const HOSTILE_TEXT = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"> <b>bold?</b>';

/// A complete postmortem as Afterword writes it.
function sampleDoc(over = {}) {
  return {
    schema_version: 1,
    id: "pm-payment-api-1",
    revision: 4,
    created_at: "2026-11-20T16:00:00Z",
    updated_at: "2026-11-21T09:30:00Z",
    template: "standard",
    title: "Payment API outage",
    summary: `For 47 minutes card payments failed.\nSecond line with ${HOSTILE_TEXT}`,
    incident_date: "2026-11-20",
    owner: "Priya N.",
    participants: [{ id: "p1", name: "Sam K.", role: "incident_lead" }],
    reviewers: ["Mei"],
    classification: { severity: "SEV2", kind: "technical", category: "configuration", alert_source: "monitoring", reported_to: "Payments team" },
    times: {
      started: "2026-11-20T14:02:00Z",
      detected: "2026-11-20T14:08:00Z",
      acknowledged: "2026-11-20T14:12:00Z",
      mitigated: "2026-11-20T14:41:00Z",
      resolved: "2026-11-20T14:49:00Z",
    },
    impact: {
      description: "3,400 failed checkouts.",
      user_visible_minutes: 47,
      customers_affected: 3400,
      customers_reported: 61,
      functional_severity: "Payments unavailable",
      business_metrics: [{ id: "bm1", name: "Failed checkouts", value: "3400", unit: "orders" }],
      data_lost: "",
      recovery_point: null,
      slo_budget_consumed_percent: 38.5,
    },
    timeline: [
      { id: "ev1", at: "2026-11-20T14:02:00Z", kind: "observation", text: "Error rate rises to 12%", starred: true },
      { id: "ev2", at: "2026-11-20T14:41:00Z", kind: "action", text: `Pin removed ${HOSTILE_TEXT}`, starred: false },
    ],
    analysis: {
      contributing_factors: [{ id: "cf1", text: "The client pinned the old certificate", category: "configuration", evidence: ["https://dash.example/cert"] }],
      trigger: "The provider rotated its certificate.",
      detection: "The error-rate alert fired after 6 minutes.",
      resolution: "Removed the pin.",
      went_well: "The runbook was current.",
      went_wrong: "The owner of the client library was unclear.",
      got_lucky: "Outside the holiday sale.",
      gaps: "",
      lessons: "",
      single_factor_reason: "",
      four_questions: { intended: "", actual: "", why: "", prevention: "" },
    },
    action_items: [
      { id: "ai1", title: "Alert 30 days before a pinned certificate expires", owner: "Sam K.", due: "2026-12-04", status: "open", kind: "detect", priority: "p2", ticket: "https://tracker.example/OPS-1", needs_discussion: false },
      { id: "ai2", title: "=HYPERLINK(\"x\")", owner: "Mei", due: null, status: "in_progress", kind: null, priority: null, ticket: "", needs_discussion: true },
    ],
    links: [
      { id: "l1", label: "Checkout dashboard", url: "https://dash.example/checkout" },
      { id: "l2", label: "Not a link", url: "javascript:alert(1)" },
    ],
    workflow: { status: "in_review", history: [] },
    sections: {},
    dismissals: [],
    disabled_rules: [],
    ...over,
  };
}

function jsonFile(name, value) {
  return { name, mimeType: "application/json", buffer: Buffer.from(typeof value === "string" ? value : JSON.stringify(value, null, 2)) };
}

/// Everything Afterword keeps in this browser.
async function storageSnapshot(page) {
  return page.evaluate(() => {
    const out = {};
    for (const k of Object.keys(localStorage).sort()) out[k] = localStorage.getItem(k);
    return out;
  });
}

async function storedDrafts(page) {
  return page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith("afterword:draft:")).sort().map((k) => JSON.parse(localStorage.getItem(k))));
}

async function importByChooser(page, file) {
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.getByRole("button", { name: "Import a file" }).click()]);
  await chooser.setFiles(file);
}

/// Drops files on the home screen the way a browser does: dragover, then drop.
async function importByDrop(page, files) {
  await page.evaluate(async (files) => {
    const dt = new DataTransfer();
    for (const f of files) dt.items.add(new File([f.text], f.name, { type: f.type }));
    const zone = document.querySelector('[data-testid="import-zone"]');
    zone.dispatchEvent(new DragEvent("dragover", { dataTransfer: dt, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, files);
}

async function openExportMenu(page) {
  await page.getByRole("button", { name: "Export" }).click();
  await page.getByRole("button", { name: "Download Markdown (.md)" }).waitFor();
}

async function exportFile(page, item) {
  await openExportMenu(page);
  return downloadText(page, () => page.getByRole("button", { name: item }).click());
}

test("Markdown, JSON and CSV downloads; the JSON re-imports elsewhere to the same document and the same Markdown", async () => {
  const a = await newContext(browser, server);
  const page = await openApp(a, server);
  await newDraft(page);
  await page.getByLabel("Title", { exact: true }).fill("Checkout errors after release 2.14");
  await page.getByLabel("Summary").fill(`Card payments failed.\n${HOSTILE_TEXT}\n# not a heading`);
  await page.getByLabel("Incident date").fill("2026-11-20");
  await page.getByRole("button", { name: "Add action item" }).click();
  await page.getByLabel("Action", { exact: true }).fill("Add a lock to the export job, owner Ana");
  await waitSaved(page);

  const md = await exportFile(page, "Download Markdown (.md)");
  assert.equal(md.name, "2026-11-20-checkout-errors-after-release-2-14.md");
  assert.match(md.text, /^# Checkout errors after release 2\.14\n/);
  assert.ok(md.text.includes("&lt;script&gt;window.\\_\\_pwned = 1&lt;/script&gt;"), "HTML stays text in Markdown");
  assert.ok(!md.text.includes("<script>"));
  const json = await exportFile(page, "Download JSON (.json)");
  assert.equal(json.name, "2026-11-20-checkout-errors-after-release-2-14.json");
  const doc = JSON.parse(json.text);
  assert.equal(doc.schema_version, 1);
  assert.equal(doc.summary, `Card payments failed.\n${HOSTILE_TEXT}\n# not a heading`);
  const csv = await exportFile(page, "Download action items (.csv)");
  assert.equal(csv.name, "2026-11-20-checkout-errors-after-release-2-14.csv");
  const [header, row] = csv.text.split("\r\n");
  assert.equal(header, "Summary,Description,Assignee,Due date,Status,Priority,Labels,Issue type,Postmortem,Postmortem ID,Ticket");
  assert.match(row, /^"?Add a lock to the export job, owner Ana/);
  assert.deepEqual(page.errors, []);
  assertStayedHome(a);
  await a.close();

  // A different browser profile: import by dropping the file on the home screen.
  const b = await newContext(browser, server);
  const other = await openApp(b, server);
  await importByDrop(other, [{ name: json.name, type: "application/json", text: json.text }]);
  await other.getByText("Imported “Checkout errors after release 2.14”").waitFor();
  const [stored] = await storedDrafts(other);
  assert.deepEqual(stored, doc, "stored exactly as exported");
  await other.getByRole("link", { name: "Open “Checkout errors after release 2.14”" }).click();
  await other.getByLabel("Title", { exact: true }).waitFor();
  const json2 = await exportFile(other, "Download JSON (.json)");
  assert.equal(json2.text, json.text, "same JSON, byte for byte");
  const md2 = await exportFile(other, "Download Markdown (.md)");
  assert.equal(md2.name, md.name);
  assert.equal(md2.text, md.text, "same Markdown, byte for byte");
  assert.deepEqual(other.errors, []);
  await b.close();
});

test("a file dropped on the editor is not opened by the browser and changes nothing", async () => {
  const context = await newContext(browser, server);
  const page = await openApp(context, server);
  await newDraft(page);
  await page.getByLabel("Title", { exact: true }).fill("Draft being written");
  await waitSaved(page);
  const before = await page.evaluate(() => JSON.stringify(localStorage));
  const prevented = await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], "other.json", { type: "application/json" }));
    const target = document.querySelector("textarea");
    const over = new DragEvent("dragover", { dataTransfer: dt, bubbles: true, cancelable: true });
    const drop = new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true });
    target.dispatchEvent(over);
    target.dispatchEvent(drop);
    return [over.defaultPrevented, drop.defaultPrevented];
  }, JSON.stringify(sampleDoc()));
  assert.deepEqual(prevented, [true, true], "the browser's own handling (opening the file) is stopped");
  await page.getByText("Nothing was imported: files are imported on the list of postmortems.").waitFor();
  assert.equal(await page.evaluate(() => JSON.stringify(localStorage)), before);
  assert.equal(await page.getByLabel("Title", { exact: true }).inputValue(), "Draft being written");
  await page.screenshot({ path: "tests/e2e/artifacts/editor-notice.png" });
  await expectNoAxeViolations(page, "editor with a notice");
  assert.deepEqual(page.errors, []);
  await context.close();
});

test("the Markdown follows the template's section order and the file is named after the incident", async () => {
  const context = await newContext(browser, server);
  const page = await openApp(context, server);
  await importByChooser(page, jsonFile("payment.json", sampleDoc()));
  await page.getByRole("link", { name: "Open “Payment API outage”" }).click();
  await page.getByLabel("Title", { exact: true }).waitFor();
  const md = await exportFile(page, "Download Markdown (.md)");
  assert.equal(md.name, "2026-11-20-payment-api-outage.md");
  // Standard template: about, summary, impact, causes/resolution/detection, actions, lessons, timeline (+ times), links.
  const order = ["## Details", "## Summary", "## Impact", "## Analysis", "## Action items", "## Lessons learned", "## Timeline", "## Key times", "## Links"]
    .map((h) => md.text.indexOf(`\n${h}\n`));
  assert.ok(order.every((i) => i > 0), `every section present: ${order}`);
  assert.deepEqual([...order].sort((x, y) => x - y), order, "sections in template order");
  assert.ok(md.text.includes("Not a link (javascript:alert(1))"), "unsafe addresses are not links");
  const csv = await exportFile(page, "Download action items (.csv)");
  assert.ok(csv.text.includes(`"'=HYPERLINK(""x"")"`), "a formula-looking title is defused");
  await context.close();
});

test("Copy Markdown puts the same text on the clipboard; a refused clipboard shows it selected instead", async () => {
  const context = await newContext(browser, server, { permissions: ["clipboard-read", "clipboard-write"] });
  const page = await openApp(context, server);
  await importByChooser(page, jsonFile("payment.json", sampleDoc()));
  await page.getByRole("link", { name: "Open “Payment API outage”" }).click();
  await page.getByLabel("Title", { exact: true }).waitFor();
  const md = await exportFile(page, "Download Markdown (.md)");
  await openExportMenu(page);
  await expectNoAxeViolations(page, "open export menu");
  await screenshot(page, "export-menu");
  await page.getByRole("button", { name: "Copy Markdown" }).click();
  await page.getByText("Copied the Markdown to the clipboard.").waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), md.text);

  // The browser refuses: the text is shown, selected, ready to copy by hand.
  await page.evaluate(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException("Write permission denied.", "NotAllowedError"));
  });
  await openExportMenu(page);
  await page.getByRole("button", { name: "Copy Markdown" }).click();
  await page.getByText("Could not copy: the browser did not allow copying.").waitFor();
  const box = page.getByRole("dialog", { name: "Copy the Markdown" }).getByRole("textbox");
  await box.waitFor();
  assert.equal(await box.inputValue(), md.text);
  const selected = await page.evaluate(() => {
    const el = document.activeElement;
    return el.tagName === "TEXTAREA" ? el.value.slice(el.selectionStart, el.selectionEnd) : null;
  });
  assert.equal(selected, md.text, "all of it is selected");
  await expectNoAxeViolations(page, "manual copy box");
  await page.getByRole("button", { name: "Close" }).click();
  assert.deepEqual(page.errors, []);
  await context.close();
});

test("the export menu works from the keyboard and closes with Escape", async () => {
  const context = await newContext(browser, server);
  const page = await openApp(context, server);
  await newDraft(page);
  const toggle = page.getByRole("button", { name: "Export" });
  await toggle.focus();
  await page.keyboard.press("Enter");
  assert.equal(await toggle.getAttribute("aria-expanded"), "true");
  assert.equal(await page.evaluate(() => document.activeElement.textContent), "Download Markdown (.md)");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.textContent), "Download JSON (.json)");
  await page.keyboard.press("Escape");
  assert.equal(await toggle.getAttribute("aria-expanded"), "false");
  assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), "Export ▾");
  // On a phone the open menu stays on screen.
  await page.setViewportSize({ width: 360, height: 800 });
  await page.keyboard.press("Enter");
  const box = await page.locator(".export-menu").boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= 360, `menu within the screen: ${JSON.stringify(box)}`);
  await screenshot(page, "export-menu-phone");
  await context.close();
});

test("the report shows typed HTML as text, passes axe, and prints without the app around it", async () => {
  const context = await newContext(browser, server);
  await context.addInitScript(() => {
    window.__prints = 0;
    window.print = () => { window.__prints += 1; };
  });
  const page = await openApp(context, server);
  await importByChooser(page, jsonFile("payment.json", sampleDoc()));
  await page.getByRole("link", { name: "Open “Payment API outage”" }).click();
  await page.getByLabel("Title", { exact: true }).waitFor();
  await openExportMenu(page);
  await page.getByRole("button", { name: "Print / Save as PDF" }).click();
  await page.getByRole("heading", { level: 1, name: "Payment API outage" }).waitFor();
  assert.match(page.url(), /#\/draft\/pm-payment-api-1\/report$/);
  await page.waitForFunction(() => window.__prints === 1);

  const report = page.locator("article.report");
  assert.ok((await report.innerText()).includes(HOSTILE_TEXT), "typed HTML is visible as text");
  assert.equal(await report.locator("script, img, b").count(), 0, "no element came from typed text");
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await report.getByRole("link", { name: "Not a link" }).count(), 0);
  assert.equal(await report.getByRole("link", { name: "Checkout dashboard" }).getAttribute("href"), "https://dash.example/checkout");
  await report.getByRole("cell", { name: "detected − started" }).waitFor();
  await report.getByRole("cell", { name: "6 min", exact: true }).waitFor();
  await expectNoAxeViolations(page, "report");
  await screenshot(page, "report");

  await page.emulateMedia({ media: "print" });
  assert.equal(await page.locator(".aw-header").isVisible(), false, "no app header on paper");
  assert.equal(await page.getByRole("button", { name: "Print / Save as PDF" }).isVisible(), false);
  const after = await page.evaluate(() => getComputedStyle(document.querySelector(".report a[href]"), "::after").content);
  assert.match(after, /https:\/\//, "printed links show their address");
  const colors = await report.evaluate((el) => [getComputedStyle(el).color, getComputedStyle(document.body).backgroundColor]);
  assert.deepEqual(colors, ["rgb(0, 0, 0)", "rgb(255, 255, 255)"]);
  await screenshot(page, "report-print");
  await page.emulateMedia({ media: "screen", colorScheme: "dark" });
  await screenshot(page, "report-dark");
  await page.setViewportSize({ width: 360, height: 800 });
  await screenshot(page, "report-phone");
  await page.getByRole("link", { name: "← Back to the editor" }).click();
  await page.getByLabel("Title", { exact: true }).waitFor();
  assert.deepEqual(page.errors, []);
  await context.close();
});

test("importing a draft whose id is already here: keep both, or replace after a confirmation", async () => {
  const context = await newContext(browser, server);
  const page = await openApp(context, server);
  await importByChooser(page, jsonFile("payment.json", sampleDoc()));
  await page.getByText("Imported “Payment API outage”").waitFor();
  const original = await storageSnapshot(page);

  const revised = sampleDoc({ title: "Payment API outage (revised)", summary: "Revised summary." });
  await importByChooser(page, jsonFile("revised.json", revised));
  await page.getByRole("heading", { name: "You already have this draft" }).waitFor();
  await page.getByText("same id as your draft “Payment API outage” (last edited").waitFor();
  await expectNoAxeViolations(page, "import conflict");
  await page.getByRole("button", { name: "Keep both" }).click();
  const today = new Date().toISOString().slice(0, 10);
  const copyTitle = `Payment API outage (revised) (imported ${today})`;
  await page.getByText(`Imported “${copyTitle}” as a separate draft`).waitFor();
  let drafts = await storedDrafts(page);
  assert.equal(drafts.length, 2);
  assert.equal(await page.evaluate(() => localStorage.getItem("afterword:draft:pm-payment-api-1")), original["afterword:draft:pm-payment-api-1"], "the existing draft is untouched");
  const copy = drafts.find((d) => d.id !== "pm-payment-api-1");
  assert.equal(copy.title, copyTitle, "the copy can be told apart in the list");
  assert.deepEqual({ ...copy, id: revised.id, title: revised.title }, revised, "only the id and the title differ");
  await page.getByRole("link", { name: copyTitle, exact: true }).waitFor();

  // Replace: asks first, names the draft and its last edit; Cancel changes nothing.
  await importByChooser(page, jsonFile("revised.json", revised));
  await page.getByRole("button", { name: "Replace…" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Replace your draft?" });
  await confirm.getByText(/Your draft “Payment API outage”, last edited .+, will be overwritten/).waitFor();
  await expectNoAxeViolations(page, "replace confirmation");
  await confirm.getByRole("button", { name: "Cancel" }).click();
  assert.equal(await page.evaluate(() => localStorage.getItem("afterword:draft:pm-payment-api-1")), original["afterword:draft:pm-payment-api-1"]);
  await importByChooser(page, jsonFile("revised.json", revised));
  await page.getByRole("button", { name: "Replace…" }).click();
  await page.getByRole("button", { name: "Replace it" }).click();
  await page.getByText("Imported “Payment API outage (revised)”, replacing the draft with the same id").waitFor();
  drafts = await storedDrafts(page);
  assert.equal(drafts.length, 2);
  const replaced = drafts.find((d) => d.id === "pm-payment-api-1");
  assert.equal(replaced.summary, "Revised summary.");
  assert.ok(replaced.revision > revised.revision, "a tab with the old draft open will notice");
  assert.deepEqual(page.errors, []);
  await context.close();
});

test("hostile and wrong files each get a clear message and change nothing", async () => {
  const context = await newContext(browser, server);
  const page = await openApp(context, server);
  await importByChooser(page, jsonFile("payment.json", sampleDoc()));
  await page.getByText("Imported “Payment API outage”").waitFor();
  await page.getByRole("button", { name: "Dismiss" }).waitFor({ state: "detached" }).catch(() => {});
  const before = await storageSnapshot(page);

  const good = JSON.stringify(sampleDoc({ id: "pm-other" }), null, 2);
  const huge = path.join(tmp, "huge.json");
  await fs.writeFile(huge, Buffer.alloc(50 * 1024 * 1024, 0x20));
  const depth = 100000;
  const cases = [
    { label: "truncated", file: jsonFile("cut.json", good.slice(0, good.length / 2)), expect: /not valid JSON \(line \d+, column \d+\)/ },
    { label: "wrong types", file: jsonFile("types.json", sampleDoc({ id: "pm-types", title: 42, timeline: [{ id: "e", at: "yesterday" }] })), expect: /title: .*timeline\[0\]\.at: |timeline\[0\]\.at: .*title: |title: |timeline\[0\]\.at: / },
    { label: "unknown version", file: jsonFile("future.json", sampleDoc({ id: "pm-future", schema_version: 99 })), expect: /schema_version: 99 was written by a newer Afterword/ },
    { label: "50 MB", file: huge, expect: /the file is 50\.0 MB; Afterword reads files of at most 8 MB/ },
    { label: "deep nesting", file: jsonFile("deep.json", `{"schema_version":1,"id":"pm-deep","sections":${"[".repeat(depth)}${"]".repeat(depth)}}`), expect: /nest|deep|recursion/i },
    { label: "not an object", file: jsonFile("list.json", "[1,2,3]"), expect: /expected a JSON object describing one postmortem/ },
    { label: "bad id", file: jsonFile("id.json", sampleDoc({ id: "../../etc" })), expect: /\nid: expected letters, digits/ },
    { label: "binary Markdown", file: { name: "2026-11-20-payment-api-outage.md", mimeType: "text/markdown", buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]) }, expect: /not text/ },
    { label: "image", file: { name: "graph.png", mimeType: "image/png", buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47]) }, expect: /“graph\.png” is not a JSON file/ },
    { label: "HTML name", file: jsonFile("<img src=x onerror=window.__pwned=3>.json", "{"), expect: /not valid JSON/ },
  ];
  for (const c of cases) {
    const started = Date.now();
    await importByChooser(page, c.file);
    const panel = page.getByRole("alert").filter({ hasText: "was not imported" });
    await panel.waitFor({ timeout: 15000 });
    const text = await panel.innerText();
    assert.match(text, c.expect, `${c.label}: ${text}`);
    assert.match(text, /Nothing was changed\./);
    assert.ok(Date.now() - started < 10000, `${c.label} answered quickly`);
    if (c.label === "wrong types") await screenshot(page, "import-refused");
    assert.deepEqual(await storageSnapshot(page), before, `${c.label}: storage unchanged`);
    await panel.getByRole("button", { name: "Dismiss" }).click();
  }
  await page.getByText("Nothing was changed").waitFor({ state: "detached" });
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  // A backup bundle given to Import points to Restore.
  await importByChooser(page, jsonFile("afterword-backup.json", { format: "afterword-bundle", bundle_version: 1, exported_at: "2026-11-21T10:00:00Z", drafts: [], templates: [], settings: {} }));
  await page.getByText("use “Restore from backup” below").waitFor();
  // Two files at once.
  await importByDrop(page, [{ name: "a.json", type: "application/json", text: good }, { name: "b.json", type: "application/json", text: good }]);
  await page.getByText("import one file at a time").waitFor();
  assert.deepEqual(await storageSnapshot(page), before);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test("the home screen with its import zone and backup controls passes axe in light and dark, desktop and phone", async () => {
  for (const colorScheme of ["light", "dark"]) {
    for (const width of [1200, 360]) {
      const context = await newContext(browser, server, { colorScheme, viewport: { width, height: 900 } });
      const page = await openApp(context, server);
      await importByChooser(page, jsonFile("payment.json", sampleDoc()));
      await page.getByText("Imported “Payment API outage”").waitFor();
      await expectNoAxeViolations(page, `home ${colorScheme} ${width}`);
      await screenshot(page, `home-import-${colorScheme}-${width}`);
      await context.close();
    }
  }
});

test("backup then restore into a fresh browser: preview, add new only, then replace after confirmation", async () => {
  const a = await newContext(browser, server);
  const page = await openApp(a, server);
  await importByChooser(page, jsonFile("one.json", sampleDoc()));
  await page.getByText("Imported “Payment API outage”").waitFor();
  await importByChooser(page, jsonFile("two.json", sampleDoc({ id: "pm-login", title: "Login failures", incident_date: "2026-11-02" })));
  await page.getByText("Imported “Login failures”").waitFor();
  await importByChooser(page, jsonFile("three.json", sampleDoc({ id: "pm-old", title: "Old drill" })));
  await page.getByText("Imported “Old drill”").waitFor();
  // One draft in the trash, a custom template and settings.
  await page.getByRole("listitem").filter({ hasText: "Old drill" }).getByRole("button", { name: "Delete" }).click();
  await page.evaluate(() => {
    localStorage.setItem("afterword:templates", JSON.stringify([{ id: "custom-team", name: "Team", sections: [] }]));
    localStorage.setItem("afterword:settings", JSON.stringify({ disabled_rules: ["minimizer"], theme: "dark" }));
  });
  const backup = await downloadText(page, () => page.getByRole("button", { name: "Export all" }).click());
  const today = await page.evaluate(() => { const d = new Date(); return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`; });
  assert.equal(backup.name, `afterword-backup-${today}.json`);
  const bundle = JSON.parse(backup.text);
  assert.equal(bundle.format, "afterword-bundle");
  assert.deepEqual(bundle.drafts.map((d) => d.id).sort(), ["pm-login", "pm-old", "pm-payment-api-1"]);
  assert.deepEqual(bundle.templates, [{ id: "custom-team", name: "Team", sections: [] }]);
  assert.deepEqual(bundle.settings, { disabled_rules: ["minimizer"], theme: "dark" });
  assert.deepEqual(Object.keys(bundle.trashed), ["pm-old"], "the trash mark travels with the draft");
  await page.getByText("3 drafts (1 from the trash, which go back to the trash when restored)").waitFor();
  await a.close();

  // A fresh browser that already has its own "Payment API outage" and a setting.
  const b = await newContext(browser, server);
  const other = await openApp(b, server);
  await importByChooser(other, jsonFile("mine.json", sampleDoc({ summary: "My local edits." })));
  await other.getByText("Imported “Payment API outage”").waitFor();
  await other.evaluate(() => localStorage.setItem("afterword:settings", JSON.stringify({ theme: "light", custom_phrases: ["x"] })));
  const mine = await other.evaluate(() => localStorage.getItem("afterword:draft:pm-payment-api-1"));

  const restore = async () => {
    const [chooser] = await Promise.all([other.waitForEvent("filechooser"), other.getByRole("button", { name: "Restore from backup" }).click()]);
    await chooser.setFiles(jsonFile(backup.name, backup.text));
    await other.getByRole("heading", { name: `Restore “${backup.name}”?` }).waitFor();
  };
  await restore();
  const preview = other.getByRole("group", { name: `Restore “${backup.name}”?` });
  await preview.getByRole("heading", { name: "Will be added (2)" }).waitFor();
  await preview.getByText("“Login failures”").waitFor();
  await preview.getByText("“Old drill”").waitFor();
  await preview.getByRole("heading", { name: /^Already here; replaced only if you choose “Add and replace” \(1\)$/ }).waitFor();
  await preview.getByText(/“Payment API outage” \(yours: “Payment API outage”, last edited .+\)/).waitFor();
  await preview.getByText("Also in the backup: 1 custom template and settings.").waitFor();
  await expectNoAxeViolations(other, "restore preview");
  await screenshot(other, "restore-preview");
  await preview.getByRole("button", { name: "Add new only" }).click();
  const result = other.getByTestId("restore-result");
  await result.getByText("Added: “Login failures”, “Old drill”.").waitFor();
  await result.getByText("Kept as they were (already here): “Payment API outage”.").waitFor();
  assert.equal(await other.evaluate(() => localStorage.getItem("afterword:draft:pm-payment-api-1")), mine, "not replaced without asking");
  assert.deepEqual(JSON.parse(await other.evaluate(() => localStorage.getItem("afterword:settings"))), { theme: "light", custom_phrases: ["x"], disabled_rules: ["minimizer"] }, "only missing settings added");
  assert.deepEqual(JSON.parse(await other.evaluate(() => localStorage.getItem("afterword:templates"))), [{ id: "custom-team", name: "Team", sections: [] }]);
  await other.getByRole("link", { name: "Login failures" }).waitFor();
  // The draft that was in the trash is in the trash here too.
  await other.getByText("Trash (1)").waitFor();
  const trashedHere = await other.evaluate(() => JSON.parse(localStorage.getItem("afterword:index")).drafts.filter((m) => m.trashed_at).map((m) => m.id));
  assert.deepEqual(trashedHere, ["pm-old"]);

  // Again, now replacing: a confirmation names what will be overwritten.
  await result.getByRole("button", { name: "Dismiss" }).click();
  await restore();
  await other.getByRole("heading", { name: "Will be added" }).waitFor({ state: "detached" });
  await other.getByRole("button", { name: "Add and replace…" }).click();
  const confirm = other.getByRole("alertdialog", { name: "Replace 3 drafts?" });
  await confirm.getByText(/“Login failures” \(yours: “Login failures”, last edited/).waitFor();
  await expectNoAxeViolations(other, "restore confirmation");
  await confirm.getByRole("button", { name: "Add and replace" }).click();
  await result.getByText("Replaced: “Login failures”, “Old drill”, “Payment API outage”.").waitFor();
  const restored = JSON.parse(await other.evaluate(() => localStorage.getItem("afterword:draft:pm-payment-api-1")));
  assert.equal(restored.summary, sampleDoc().summary);
  assert.equal(JSON.parse(await other.evaluate(() => localStorage.getItem("afterword:settings"))).theme, "dark");
  assert.deepEqual(other.errors, []);
  await b.close();
});

test("a restore that fills the storage says what was and was not restored", async () => {
  const bundle = {
    format: "afterword-bundle", bundle_version: 1, exported_at: "2026-11-21T10:00:00Z",
    drafts: [
      sampleDoc({ id: "pm-a", title: "First" }),
      sampleDoc({ id: "pm-b", title: "Second" }),
      sampleDoc({ id: "pm-c", title: "Third" }),
      { schema_version: 1, id: "pm-bad", created_at: "yesterday" },
    ],
    templates: [], settings: {},
  };
  const context = await newContext(browser, server);
  await context.addInitScript(() => {
    // Both tiers are full: nothing can move to IndexedDB either.
    Object.defineProperty(window, "indexedDB", { value: undefined, configurable: true });
    const real = Storage.prototype.setItem;
    let drafts = 0;
    Storage.prototype.setItem = function (key, value) {
      if (key.includes(":draft:") && ++drafts > 1) {
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      }
      return real.call(this, key, value);
    };
  });
  const page = await openApp(context, server);
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.getByRole("button", { name: "Restore from backup" }).click()]);
  await chooser.setFiles(jsonFile("backup.json", bundle));
  await page.getByRole("heading", { name: "Cannot be restored (1)" }).waitFor();
  await page.getByText(/^drafts\[3\]\.created_at: /).waitFor();
  await page.getByRole("button", { name: "Add new only" }).click();
  const result = page.getByRole("alert").filter({ hasText: "The restore did not finish" });
  await result.getByText("The restore stopped: browser storage is full.").waitFor();
  await result.getByText("Added: “First”.").waitFor();
  await result.getByText("Not restored: “Second”, “Third”, nor the templates and settings of the backup.").waitFor();
  await screenshot(page, "restore-quota");
  assert.deepEqual((await storedDrafts(page)).map((d) => d.id), ["pm-a"]);
  await page.getByRole("link", { name: "First" }).waitFor();
  assert.deepEqual(page.errors, []);
  await context.close();
});

test("hostile backups are refused with their reason and change nothing", async () => {
  const context = await newContext(browser, server);
  const page = await openApp(context, server);
  await importByChooser(page, jsonFile("payment.json", sampleDoc()));
  await page.getByText("Imported “Payment API outage”").waitFor();
  const before = await storageSnapshot(page);
  const huge = path.join(tmp, "huge-backup.json");
  await fs.writeFile(huge, Buffer.alloc(41 * 1024 * 1024, 0x20));
  const cases = [
    [jsonFile("cut.json", '{"format":"afterword-bundle","bundle_version":1,"drafts":[{'), /not valid JSON/],
    [jsonFile("newer.json", { format: "afterword-bundle", bundle_version: 7, exported_at: "2026-11-21T10:00:00Z", drafts: [] }), /bundle_version: 7 was written by a newer Afterword/],
    [jsonFile("single.json", sampleDoc()), /this file is a single postmortem, not a backup bundle/],
    [jsonFile("types.json", { format: "afterword-bundle", bundle_version: 1, exported_at: "2026-11-21T10:00:00Z", drafts: {} }), /drafts: expected a list of postmortems/],
    [huge, /Afterword reads files of at most 40 MB/],
  ];
  for (const [file, expect] of cases) {
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.getByRole("button", { name: "Restore from backup" }).click()]);
    await chooser.setFiles(file);
    const panel = page.getByRole("alert").filter({ hasText: "cannot be restored" });
    await panel.waitFor();
    assert.match(await panel.innerText(), expect);
    assert.deepEqual(await storageSnapshot(page), before);
    await panel.getByRole("button", { name: "Dismiss" }).click();
  }
  assert.deepEqual(page.errors, []);
  await context.close();
});
