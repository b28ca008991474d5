// The follow-up review: every action item across postmortems with filters,
// sorting and status changes in place; the incident-trend charts and their
// tables; the Markdown and CSV for the review meeting; and the sample
// postmortems a first-time user can add and remove.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import {
  browser, server, useBrowserAndServer, newContext, openApp, expectNoAxeViolations, downloadText,
  assertStayedHome, screenshot,
} from "./helpers.mjs";

useBrowserAndServer();

let generated;

/// Postmortems made by the core's sample generator, with ids `<prefix>-<n>`
/// so they stand for a person's own drafts.
export function generateDrafts(count, seed, prefix) {
  const out = execFileSync("cargo", ["run", "-q", "-p", "afterword-core", "--example", "sample_drafts", "--", String(count), String(seed), prefix], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out);
}

before(async () => {
  generated = generateDrafts(60, 11, "own");
});

function item(id, title, owner, due, status, kind) {
  return { id, title, owner, due, status, kind, priority: null, ticket: "", needs_discussion: false };
}

/// Three of the generated drafts with known action items; the third is in
/// the trash, so its items must not be listed.
function knownDrafts() {
  const [a, b, c] = structuredClone(generated.slice(0, 3));
  // Still being followed up: a closed postmortem's items are read-only.
  for (const d of [a, b, c]) d.workflow.status = "published";
  a.title = "Checkout outage";
  a.classification.severity = "SEV1";
  a.action_items = [
    item("a1", "Add a canary stage", "Ana Silva", "2020-01-10", "open", "prevent"),
    item("a2", "Write the failover runbook", "Bo Chen", "2099-01-01", "in_progress", "documentation"),
  ];
  b.title = "Login slowness";
  b.classification.severity = "SEV3";
  b.action_items = [
    item("b1", "Alert on p99 latency", "Ana Silva", "2020-02-01", "done", "detect"),
    item("b2", "Load test the login service", "Carla Diaz", null, "open", "prevent"),
  ];
  c.title = "Trashed incident";
  c.action_items = [item("c1", "Item of a trashed draft", "Ana Silva", "2020-01-01", "open", "prevent")];
  return [a, b, c];
}

async function seed(page, docs, trashedIds = []) {
  await page.evaluate(({ docs, trashedIds }) => {
    for (const d of docs) localStorage.setItem(`afterword:draft:${d.id}`, JSON.stringify(d));
    const index = docs.map((d) => ({
      id: d.id, title: d.title, severity: d.classification.severity, status: d.workflow.status,
      updated_at: d.updated_at, trashed_at: trashedIds.includes(d.id) ? "2026-11-01T00:00:00Z" : null,
    }));
    localStorage.setItem("afterword:index", JSON.stringify({ drafts: index }));
  }, { docs, trashedIds });
}

async function openReview(context, docs, trashedIds = []) {
  const page = await openApp(context, server);
  await seed(page, docs, trashedIds);
  await page.goto(server.url + "#/review");
  await page.reload();
  await page.getByRole("heading", { name: "Follow-up review" }).waitFor();
  return page;
}

const rows = (page) => page.getByTestId("review-table").locator("tbody tr");
const firstCells = async (page) => rows(page).locator("th").allInnerTexts();

test("every action item outside the trash is listed, filtered and sorted", async () => {
  const context = await newContext(browser, server);
  const [a, b, c] = knownDrafts();
  const page = await openReview(context, [a, b, c], [c.id]);
  assert.equal(await rows(page).count(), 4);
  assert.ok(!(await firstCells(page)).includes("Item of a trashed draft"));
  await page.getByTestId("review-summary").filter({ hasText: "4 action items: 2 open, 1 in progress, 1 done, 0 won't do; 1 overdue." }).waitFor();

  // Overdue is a label, not only a colour.
  const overdue = rows(page).filter({ hasText: "Add a canary stage" });
  assert.match(await overdue.innerText(), /Overdue/);
  assert.equal(await rows(page).filter({ hasText: "Overdue" }).count(), 1);

  await page.getByLabel("Status", { exact: true }).selectOption({ label: "Done" });
  assert.deepEqual(await firstCells(page), ["Alert on p99 latency"]);
  await page.getByLabel("Status", { exact: true }).selectOption({ label: "Open or in progress" });
  assert.equal(await rows(page).count(), 3);
  await page.getByLabel("Status", { exact: true }).selectOption({ label: "Any status" });

  await page.getByLabel("Owner").fill("ana");
  assert.deepEqual((await firstCells(page)).sort(), ["Add a canary stage", "Alert on p99 latency"]);
  await page.getByTestId("review-summary").filter({ hasText: "(filtered from 4)" }).waitFor();
  await page.getByLabel("Owner").fill("");

  await page.getByLabel("Kind").selectOption({ label: "Prevent" });
  assert.deepEqual((await firstCells(page)).sort(), ["Add a canary stage", "Load test the login service"]);
  await page.getByLabel("Kind").selectOption({ label: "Any kind" });

  await page.getByLabel("Incident severity").selectOption("SEV1");
  assert.deepEqual((await firstCells(page)).sort(), ["Add a canary stage", "Write the failover runbook"]);
  await page.getByLabel("Incident severity").selectOption("");

  await page.getByLabel("Due before").fill("2050-01-01");
  assert.deepEqual((await firstCells(page)).sort(), ["Add a canary stage", "Alert on p99 latency"]);
  await page.getByLabel("Due before").fill("");
  await page.getByLabel("Overdue only").check();
  assert.deepEqual(await firstCells(page), ["Add a canary stage"]);
  await page.getByLabel("Overdue only").uncheck();
  assert.equal(await rows(page).count(), 4);

  // Sorting: header buttons, aria-sort on the sorted column.
  const actionHeader = page.locator("th", { has: page.getByRole("button", { name: /^Action/ }) });
  await page.getByRole("button", { name: /^Action/ }).click();
  assert.equal(await actionHeader.getAttribute("aria-sort"), "ascending");
  assert.deepEqual(await firstCells(page), ["Add a canary stage", "Alert on p99 latency", "Load test the login service", "Write the failover runbook"]);
  await page.getByRole("button", { name: /^Action/ }).click();
  assert.equal(await actionHeader.getAttribute("aria-sort"), "descending");
  assert.equal((await firstCells(page))[0], "Write the failover runbook");
  await page.getByRole("button", { name: /^Owner/ }).click();
  assert.equal(await actionHeader.getAttribute("aria-sort"), null);
  assert.deepEqual((await rows(page).locator('td[data-label="Owner"]').allInnerTexts()), ["Ana Silva", "Ana Silva", "Bo Chen", "Carla Diaz"]);
  // The header buttons work from the keyboard.
  await page.getByRole("button", { name: /^Priority/ }).focus();
  await page.keyboard.press("Enter");
  assert.equal(await page.locator("th", { has: page.getByRole("button", { name: /^Priority/ }) }).getAttribute("aria-sort"), "ascending");
  // Due, soonest first; no due date last.
  await page.getByRole("button", { name: /^Due/ }).click();
  assert.equal((await firstCells(page)).at(-1), "Load test the login service");

  assert.deepEqual(page.errors, []);
  assertStayedHome(context);
  await context.close();
});

test("a status changed in the list is saved in its postmortem and survives a reload; the item opens in its postmortem", async () => {
  const context = await newContext(browser, server);
  const [a, b] = knownDrafts();
  const page = await openReview(context, [a, b]);
  const select = page.getByLabel("Status of Add a canary stage");
  await select.selectOption({ label: "Done" });
  await page.getByTestId("review-message").filter({ hasText: "is now done" }).waitFor();
  // No longer overdue once done.
  assert.doesNotMatch(await rows(page).filter({ hasText: "Add a canary stage" }).innerText(), /Overdue/);
  // The keyboard stays on the select after the row is redrawn (the focus
  // is put back on the frame after the message).
  await page.waitForFunction((id) => document.activeElement?.id === id, `status-${a.id}-a1`, { timeout: 5000 }).catch(() => {});
  assert.equal(await page.evaluate(() => document.activeElement?.id), `status-${a.id}-a1`);
  const stored = await page.evaluate((id) => JSON.parse(localStorage.getItem(`afterword:draft:${id}`)), a.id);
  assert.equal(stored.action_items[0].status, "done");
  assert.equal(stored.revision, a.revision + 1);

  await page.reload();
  await page.getByLabel("Status of Add a canary stage").waitFor();
  assert.equal(await page.getByLabel("Status of Add a canary stage").inputValue(), "done");

  // From the keyboard: the select keeps focus and the next arrow press works.
  await page.getByLabel("Status of Write the failover runbook").focus();
  await page.keyboard.press("ArrowDown");
  await page.getByTestId("review-message").filter({ hasText: "Write the failover runbook" }).waitFor();
  await page.waitForFunction((id) => document.activeElement?.id === id, `status-${a.id}-a2`, { timeout: 5000 }).catch(() => {});
  assert.equal(await page.evaluate(() => document.activeElement?.id), `status-${a.id}-a2`);
  await page.keyboard.press("ArrowDown");
  await page.getByTestId("review-message").filter({ hasText: "is now won't do" }).waitFor();
  const again = await page.evaluate((id) => JSON.parse(localStorage.getItem(`afterword:draft:${id}`)), a.id);
  assert.equal(again.action_items[1].status, "wont_do");

  await page.getByRole("link", { name: "Add a canary stage" }).click();
  await page.waitForURL(`**#/draft/${a.id}`);
  await page.getByLabel("Title", { exact: true }).waitFor();
  assert.equal(await page.getByLabel("Title", { exact: true }).inputValue(), "Checkout outage");
  assert.deepEqual(page.errors, []);
  await context.close();
});

test("a conflict or a full storage is explained and the status is left as stored", async () => {
  const context = await newContext(browser, server);
  const [a, b] = knownDrafts();
  const page = await openReview(context, [a, b]);

  // Another tab saves the postmortem after the review opened.
  await page.evaluate((id) => {
    const key = `afterword:draft:${id}`;
    const doc = JSON.parse(localStorage.getItem(key));
    doc.revision += 1;
    doc.action_items[1].status = "done";
    localStorage.setItem(key, JSON.stringify(doc));
  }, a.id);
  await page.getByLabel("Status of Add a canary stage").selectOption({ label: "Won't do" });
  await page.getByTestId("review-message").filter({ hasText: "was changed in another tab or window" }).waitFor();
  assert.equal(await page.getByLabel("Status of Add a canary stage").inputValue(), "open");
  // Their version is shown now.
  assert.equal(await page.getByLabel("Status of Write the failover runbook").inputValue(), "done");

  await page.evaluate(() => {
    // Both tiers are full: nothing can move to IndexedDB either.
    Object.defineProperty(window, "indexedDB", { value: undefined, configurable: true });
    Storage.prototype.setItem = function () {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
  });
  await page.getByLabel("Status of Load test the login service").selectOption({ label: "In progress" });
  await page.getByTestId("review-message").filter({ hasText: "Browser storage is full" }).waitFor();
  assert.equal(await page.getByLabel("Status of Load test the login service").inputValue(), "open");
  const stored = await page.evaluate((id) => JSON.parse(localStorage.getItem(`afterword:draft:${id}`)), b.id);
  assert.equal(stored.action_items[1].status, "open");
  assert.deepEqual(page.errors, []);
  await context.close();
});

test("a status changed in another tab shows in an open review without a reload", async () => {
  const context = await newContext(browser, server);
  const [a, b] = knownDrafts();
  const first = await openReview(context, [a, b]);
  const second = await openApp(context, server, "#/review");
  await second.getByRole("heading", { name: "Follow-up review" }).waitFor();
  assert.equal(await second.getByLabel("Status of Add a canary stage").inputValue(), "open");
  await first.getByLabel("Status of Add a canary stage").selectOption({ label: "Done" });
  await first.getByTestId("review-message").filter({ hasText: "is now done" }).waitFor();
  // The other tab's save arrives as a storage event.
  const select = second.getByLabel("Status of Add a canary stage");
  for (let i = 0; i < 100 && (await select.inputValue()) !== "done"; i++) await second.waitForTimeout(50);
  assert.equal(await select.inputValue(), "done");
  assert.deepEqual(first.errors, []);
  assert.deepEqual(second.errors, []);
  await context.close();
});

test("the review downloads as Markdown and the filtered items as CSV", async () => {
  const context = await newContext(browser, server);
  const [a, b] = knownDrafts();
  const page = await openReview(context, [a, b]);
  const md = await downloadText(page, () => page.getByRole("button", { name: "Download Markdown" }).click());
  assert.match(md.name, /^afterword-review-\d{4}-\d{2}-\d{2}\.md$/);
  assert.match(md.text, /^# Follow-up review, /);
  assert.match(md.text, /4 action items: 2 open, 1 in progress, 1 done, 0 won't do; 1 overdue\./);
  assert.match(md.text, /## Overdue \(1\)/);
  assert.match(md.text, /Add a canary stage/);

  await page.getByLabel("Owner").fill("ana");
  const csv = await downloadText(page, () => page.getByRole("button", { name: "Download CSV" }).click());
  assert.match(csv.name, /^afterword-review-actions-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = csv.text.trimEnd().split("\r\n");
  assert.equal(lines[0], "Postmortem,Postmortem id,Incident date,Severity,Action,Owner,Due,Status,Kind,Priority,Ticket,Needs discussion,Overdue");
  assert.equal(lines.length, 3);
  assert.ok(lines.some((l) => l.includes("Add a canary stage") && l.endsWith(",yes")));
  assert.ok(!csv.text.includes("Bo Chen"));

  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByRole("button", { name: "Copy Markdown" }).click();
  await page.getByTestId("review-message").filter({ hasText: "on the clipboard" }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(copied, /^# Follow-up review, /);
  assert.match(copied, /2 action items/);
  await context.close();
});

test("trend charts show a year by default, with legends and tables; the range can be changed", async () => {
  const context = await newContext(browser, server);
  const page = await openReview(context, generated);
  for (const id of ["chart-severity", "chart-times", "chart-categories"]) {
    const fig = page.getByTestId(id);
    assert.equal(await fig.locator("figcaption").count(), 1);
    assert.equal(await fig.locator("svg.chart").count(), 1);
    await fig.getByText("Show as table").click();
    assert.ok((await fig.locator("details table tbody tr").count()) > 0);
  }
  assert.equal(await page.getByTestId("chart-severity").locator("tbody tr").count(), 12);
  assert.equal(await page.getByTestId("chart-times").locator("tbody tr").count(), 12);
  assert.match(await page.getByTestId("chart-severity").locator(".chart-legend").innerText(), /SEV1[\s\S]*No severity/);
  assert.ok((await page.getByTestId("chart-severity").locator("rect.chart-segment").count()) > 0);
  assert.ok((await page.getByTestId("chart-times").locator("path.chart-line-detect").getAttribute("d")).startsWith("M"));

  // A wider range, then a reversed one (refused, nothing changes).
  await page.getByLabel("From month").fill("2025-06");
  await page.getByLabel("From month").dispatchEvent("change");
  assert.ok((await page.getByTestId("chart-severity").locator("tbody tr").count()) > 12);
  const before = await page.getByTestId("chart-severity").locator("tbody tr").count();
  await page.getByLabel("To month").fill("2024-01");
  await page.getByLabel("To month").dispatchEvent("change");
  await page.getByText("The first month is after the last month").waitFor();
  assert.equal(await page.getByTestId("chart-severity").locator("tbody tr").count(), before);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test("the review screen passes axe and is readable at 360 px and 1200 px, light and dark", async () => {
  const [a, b] = knownDrafts();
  for (const colorScheme of ["light", "dark"]) {
    for (const width of [1200, 360]) {
      const context = await newContext(browser, server, { colorScheme, viewport: { width, height: 900 } });
      const page = await openReview(context, [a, b, ...generated.slice(3, 30)]);
      await page.getByTestId("chart-severity").getByText("Show as table").click();
      await expectNoAxeViolations(page, `review (${colorScheme}, ${width} px)`);
      await screenshot(page, `review-${colorScheme}-${width}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px at ${width} px`);
      await context.close();
    }
  }
});

test("sample postmortems are added, marked and removed in one step, leaving the person's own drafts as they were", async () => {
  const context = await newContext(browser, server);
  const page = await openApp(context, server);
  // First run: the offer stands out.
  await page.getByRole("button", { name: "Try with sample postmortems" }).waitFor();
  await screenshot(page, "home-empty-samples");
  const own = generated.slice(0, 2);
  await seed(page, own);
  await page.reload();
  const ownBefore = await page.evaluate((ids) => ids.map((id) => localStorage.getItem(`afterword:draft:${id}`)), own.map((d) => d.id));

  await page.getByRole("button", { name: "Try with sample postmortems" }).click();
  await page.getByText("Added 24 sample postmortems").waitFor();
  const list = page.getByRole("list", { name: "Drafts" });
  assert.equal(await list.locator("li.draft").count(), 26);
  assert.equal(await list.getByText("Sample", { exact: true }).count(), 24);
  assert.equal(await list.locator("li.draft").filter({ hasText: "(sample)" }).count(), 24);
  await screenshot(page, "home-with-samples");
  await expectNoAxeViolations(page, "home with samples");

  // The review shows them.
  await page.getByRole("link", { name: "Review", exact: true }).click();
  assert.ok((await rows(page).count()) > 20);
  await page.getByRole("link", { name: "← All postmortems" }).click();

  await page.getByRole("button", { name: "Remove sample postmortems…" }).click();
  await page.getByRole("button", { name: "Keep them" }).click();
  assert.equal(await list.locator("li.draft").count(), 26);
  await page.getByRole("button", { name: "Remove sample postmortems…" }).click();
  await page.getByRole("button", { name: "Remove samples" }).click();
  await page.getByText("Removed 24 sample postmortems").waitFor();
  assert.equal(await list.locator("li.draft").count(), 2);
  const ownAfter = await page.evaluate((ids) => ids.map((id) => localStorage.getItem(`afterword:draft:${id}`)), own.map((d) => d.id));
  assert.deepEqual(ownAfter, ownBefore);
  const left = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(":draft:sample-")));
  assert.deepEqual(left, []);
  assert.deepEqual(page.errors, []);
  assertStayedHome(context);
  await context.close();
});

test("storage filling up while samples are added leaves none behind and says so", async () => {
  const context = await newContext(browser, server);
  const page = await openApp(context, server);
  await seed(page, generated.slice(0, 1));
  await page.reload();
  await page.evaluate(() => {
    // Both tiers are full: nothing can move to IndexedDB either.
    Object.defineProperty(window, "indexedDB", { value: undefined, configurable: true });
    const real = Storage.prototype.setItem;
    let writes = 0;
    Storage.prototype.setItem = function (key, value) {
      if (key.includes(":draft:sample-") && ++writes > 5) {
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      }
      return real.call(this, key, value);
    };
  });
  await page.getByRole("button", { name: "Try with sample postmortems" }).click();
  await page.getByText("The sample postmortems could not be added: browser storage is full. None were kept").waitFor();
  const left = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(":draft:sample-")));
  assert.deepEqual(left, []);
  assert.equal(await page.getByRole("list", { name: "Drafts" }).locator("li.draft").count(), 1);
  assert.deepEqual(page.errors, []);
  await context.close();
});
