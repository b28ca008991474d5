// The guided editor: starting a postmortem (triage, template choice), filling
// every built-in template through guided mode, switching template without
// losing content, pasting a timeline, key times with their formulas, action
// items with the meeting agenda, undo/redo, accessibility and the look on a
// phone and a desktop in light and dark.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  browser, server, useBrowserAndServer, newContext, openApp, newDraft, waitSaved, expectNoAxeViolations,
  assertStayedHome, screenshot, fillField,
} from "./helpers.mjs";

useBrowserAndServer();

const TEMPLATES = [
  ["Standard", /^Standard\b/],
  ["Incident report form", /^Incident report form/],
  ["Minimal ticket", /^Minimal ticket/],
  ["Five-part meeting", /^Five-part meeting/],
  ["Management / non-technical", /^Management/],
  ["Blank", /^Blank/],
];

async function startWith(page, cardName) {
  await page.getByRole("button", { name: "New postmortem" }).click();
  await page.getByRole("heading", { name: "Is a postmortem warranted?" }).waitFor();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("heading", { name: "Choose a template" }).waitFor();
  await page.getByRole("button", { name: cardName }).click();
  await page.locator(".guided-section").waitFor();
}

/// Fills every empty control of the section on screen: one row in each list,
/// text everywhere, the first choice of each select, a date and a time.
async function fillSection(page) {
  const sec = page.locator(".guided-section");
  const adders = sec.getByRole("button", { name: /^Add (event|contributing factor|action item|participant|link|business figure)$/ });
  for (const b of await adders.all()) await b.click();
  // Times first: they are typed in text fields too.
  for (const el of await sec.locator(".field-time input").all()) {
    if ((await el.inputValue()) === "") await el.fill("2026-11-20 14:02");
  }
  for (const el of await sec.locator("input[type=text], input[type=url], textarea").all()) {
    if (!(await el.isVisible()) || (await el.inputValue()) !== "") continue;
    const numeric = (await el.getAttribute("inputmode")) === "decimal";
    await el.fill(numeric ? "5" : "Written in the guided test");
  }
  for (const el of await sec.locator("input[type=date]").all()) {
    if ((await el.inputValue()) === "") await el.fill("2026-11-20");
  }
  for (const el of await sec.locator("select").all()) {
    if ((await el.inputValue()) === "") await el.selectOption({ index: 1 });
  }
}

for (const [name, card] of TEMPLATES) {
  test(`a postmortem is completed section by section with the ${name} template`, async () => {
    const context = await newContext(browser, server);
    const page = await openApp(context, server);
    await startWith(page, card);
    await waitSaved(page);
    assert.equal(await page.locator("#template-select").inputValue(), (await page.evaluate(() => {
      const key = Object.keys(localStorage).find((k) => k.startsWith("afterword:draft:"));
      return JSON.parse(localStorage.getItem(key)).template;
    })));
    const label = await page.locator(".progress-label").textContent();
    const total = Number(label.match(/of (\d+) sections/)[1]);
    assert.ok(total >= 1);
    for (let i = 0; i < total; i++) {
      await page.getByText(`Section ${i + 1} of ${total}`).waitFor();
      // Every field is named for people, never by its storage key.
      const labels = await page.locator(".guided-section label").allTextContents();
      const raw = labels.map((l) => l.trim()).filter((l) => /^[a-z][a-z0-9_]*$/.test(l));
      assert.deepEqual(raw, [], `section ${i + 1} labels fields by their keys`);
      // No heading inside a section repeats the section's own.
      const heading = (await page.locator("#guided-section-title").textContent()).trim().toLowerCase();
      const inner = (await page.locator(".guided-section h3").allTextContents()).map((t) => t.trim().toLowerCase());
      assert.ok(!inner.includes(heading), `section ${i + 1} repeats its heading "${heading}"`);
      await fillSection(page);
      await page.getByText("This section is complete.").waitFor({ timeout: 3000 }).catch(async (e) => {
        await screenshot(page, `guided-stuck-${name.replace(/\W+/g, "-")}`);
        throw new Error(`section ${i + 1}: ${await page.locator(".section-state").textContent()}`);
      });
      if (i + 1 < total) await page.getByRole("button", { name: "Next" }).click();
    }
    await page.getByText(`${total} of ${total} sections complete`).waitFor();
    const bar = page.getByRole("progressbar");
    assert.equal(await bar.getAttribute("aria-valuenow"), String(total));
    assert.equal(await bar.getAttribute("aria-valuemax"), String(total));
    await waitSaved(page);
    assert.deepEqual(page.errors, []);
    assertStayedHome(context);
    await context.close();
  });
}

test("strict-order sections stay locked until the earlier ones are complete", async () => {
  const context = await newContext(browser, server);
  const page = await openApp(context, server);
  await startWith(page, /^Five-part meeting/);
  const links = page.getByRole("navigation", { name: "Sections" }).getByRole("button");
  assert.equal(await links.nth(1).isDisabled(), true);
  assert.equal(await page.getByRole("button", { name: "Next" }).isDisabled(), true);
  await page.getByText(/This template is filled in order: complete/).waitFor();
  await context.close();
});

test("switching template keeps content and lists what the new one does not show", async () => {
  const context = await newContext(browser, server);
  const page = await openApp(context, server);
  await newDraft(page);
  await page.getByLabel("Title", { exact: true }).fill("Search latency after the index rebuild");
  await page.getByLabel("Trigger").fill("A full index rebuild started during peak traffic.");
  await page.getByLabel("What went wrong").fill("The rebuild had no rate limit.");
  await page.locator("#template-select").selectOption("minimal");
  // The notice is one line until opened.
  await page.getByText(/^\d+ fields with content are not shown in this template$/).click();
  await page.getByText(/Kept but not shown in this template: .*Trigger.*What went wrong/).waitFor();
  const more = page.getByRole("region", { name: "More fields" });
  assert.equal(await more.getByLabel("Trigger").inputValue(), "A full index rebuild started during peak traffic.");
  await waitSaved(page);
  const stored = await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith("afterword:draft:"));
    return JSON.parse(localStorage.getItem(key));
  });
  assert.equal(stored.template, "minimal");
  assert.equal(stored.analysis.trigger, "A full index rebuild started during peak traffic.");
  assert.equal(stored.analysis.went_wrong, "The rebuild had no rate limit.");
  // Back to Standard: everything is shown in its place again.
  await page.locator("#template-select").selectOption("standard");
  await page.getByText(/Kept but not shown|not shown in this template/).first().waitFor({ state: "detached" });
  assert.equal(await page.getByLabel("Trigger").inputValue(), "A full index rebuild started during peak traffic.");
  await context.close();
});

test("pasted notes become events; unreadable lines are listed with their reason", async () => {
  const context = await newContext(browser, server);
  const page = await openApp(context, server);
  await newDraft(page);
  await page.getByLabel("Incident date").fill("2026-11-20");
  await page.getByText("Paste notes").click();
  await page.getByLabel("Notes to turn into events").fill([
    "14:02 UTC paged the on-call engineer",
    "- [14:05] error rate above 20%",
    "2026-11-20 14:31 - rolled back to 2.13",
    "2:45 PM checkout recovered",
    "23:58 CET cache flushed",
    "someone looked at the dashboard",
  ].join("\n"));
  await page.getByText("4 events read").waitFor();
  const unreadable = page.locator(".paste-unreadable li");
  assert.equal(await unreadable.count(), 2);
  assert.match(await unreadable.nth(0).textContent(), /^Line 5: "23:58 CET cache flushed": .+/);
  assert.match(await unreadable.nth(1).textContent(), /^Line 6: /);
  await page.getByRole("button", { name: "Add 4 events" }).click();
  await page.getByLabel("What happened").nth(3).waitFor();
  assert.equal(await page.getByLabel("What happened").nth(0).inputValue(), "paged the on-call engineer");
  assert.equal(await page.getByLabel("When (UTC)").nth(3).inputValue(), "2026-11-20 14:45");
  await page.getByText("Fri 20 Nov 2026, 14:02 UTC").waitFor();
  // Out of order and before the start: warned, then sorted.
  await page.getByLabel("Started (UTC)").fill("2026-11-20T14:03");
  await page.getByText(/before the incident started/).waitFor();
  await page.getByRole("button", { name: /Move "checkout recovered" up/ }).click();
  await page.getByText(/Out of order/).first().waitFor();
  await page.getByRole("button", { name: "Sort by time" }).click();
  await page.getByText(/Out of order/).waitFor({ state: "detached" });
  await page.getByRole("button", { name: /Star "paged the on-call engineer"/ }).click();
  await page.getByLabel("Your local time").check();
  await page.getByText(/your time/).first().waitFor();
  await waitSaved(page);
  const stored = await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith("afterword:draft:"));
    return JSON.parse(localStorage.getItem(key));
  });
  assert.equal(stored.timeline.length, 4);
  assert.equal(stored.timeline[0].starred, true);
  assert.deepEqual(stored.timeline.map((e) => e.at), [
    "2026-11-20T14:02:00Z", "2026-11-20T14:05:00Z", "2026-11-20T14:31:00Z", "2026-11-20T14:45:00Z",
  ]);
  await screenshot(page, "guided-timeline");
  await context.close();
});

test("durations show their formulas, and contradicting times get a message", async () => {
  const context = await newContext(browser, server);
  const page = await openApp(context, server);
  await newDraft(page);
  await page.getByLabel("Started (UTC)").fill("2026-11-20T14:02");
  await page.getByLabel("Detected (UTC)").fill("2026-11-20T14:08");
  await page.getByLabel("Resolved (UTC)").fill("2026-11-20T15:07");
  await page.getByText("= detected − started").waitFor();
  await page.getByText("= resolved − started").waitFor();
  await page.locator(".metric", { hasText: "Time to detect" }).getByText("6 min").waitFor();
  await page.locator(".metric", { hasText: "Time to resolve" }).getByText("1 h 05 min").waitFor();
  await page.getByLabel("Detected (UTC)").fill("2026-11-20T13:50");
  await page.getByText("Detected (13:50 UTC) is before Started (14:02 UTC)").first().waitFor();
  await page.getByRole("alert").filter({ hasText: "These times contradict each other" }).waitFor();
  assert.equal(await page.locator(".metric-value", { hasText: /^-/ }).count(), 0, "no negative duration");
  // Impact figures are checked as they are typed.
  await page.getByLabel("Customers affected").fill("about 40");
  await page.getByText(/is not a whole number/).waitFor();
  await page.getByLabel("Customers affected").fill("1,200");
  await page.getByText(/is not a whole number/).waitFor({ state: "detached" });
  await fillField(page, "impact.slo_budget_consumed_percent", "140");
  await page.getByText("Enter a share between 0 and 100 percent.").waitFor();
  await waitSaved(page);
  const stored = await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith("afterword:draft:"));
    return JSON.parse(localStorage.getItem(key));
  });
  assert.equal(stored.impact.customers_affected, 1200);
  assert.equal(stored.impact.slo_budget_consumed_percent, null);
  await context.close();
});

test("action items flagged for discussion and open questions make the meeting agenda", async () => {
  const context = await newContext(browser, server);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const page = await openApp(context, server);
  await newDraft(page);
  await page.getByRole("button", { name: "Add action item" }).click();
  await page.getByLabel("Action", { exact: true }).fill("Add a canary stage to the checkout deploy");
  await page.getByLabel("Owner", { exact: true }).last().fill("Payments team");
  await page.getByLabel("Kind", { exact: true }).last().selectOption("prevent");
  await page.getByLabel("Priority").selectOption("p1");
  await page.getByLabel("Needs discussion").check();
  await page.getByRole("button", { name: "Add contributing factor" }).click();
  await page.getByLabel("Factor", { exact: true }).fill("Why did the retries not back off?");
  const agenda = page.getByRole("region", { name: "Meeting agenda" });
  await agenda.getByText("Action to discuss: Add a canary stage to the checkout deploy (owner: Payments team)").waitFor();
  await agenda.getByText("Open question: Why did the retries not back off?").waitFor();
  await agenda.getByRole("button", { name: "Copy agenda" }).click();
  await agenda.getByText("Agenda copied.").waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(copied, /1\. \[Action to discuss\] Add a canary stage/);
  // The review status moves on, recording who did it.
  await page.getByText(/^Status: Draft · Follow-up: 0 of 1 done/).click();
  await page.getByLabel("Your name").fill("Robin");
  await page.getByLabel("Your name").blur();
  await page.getByRole("button", { name: "Move to In review" }).click();
  await page.getByText(/In review by Robin/).waitFor();
  await expectNoAxeViolations(page, "full editor with actions and agenda");
  await context.close();
});

test("undo and redo work for the whole document, with keys and buttons", async () => {
  const context = await newContext(browser, server);
  const page = await openApp(context, server);
  await newDraft(page);
  await page.getByLabel("Title", { exact: true }).fill("First title");
  await page.getByLabel("Summary").fill("A summary to take back");
  await page.keyboard.press("Control+z");
  await page.waitForFunction(() => document.querySelector("textarea")?.value === "");
  assert.equal(await page.getByLabel("Title", { exact: true }).inputValue(), "First title");
  // The form is drawn anew, and the keyboard stays in the field.
  await page.waitForFunction(() => document.activeElement?.dataset.lintField === "summary");
  await page.keyboard.type("Typed after undo");
  assert.equal(await page.getByLabel("Summary").inputValue(), "Typed after undo");
  await page.keyboard.press("Control+z");
  await page.waitForFunction(() => document.querySelector("textarea")?.value === "");
  const title = () => page.getByLabel("Title", { exact: true }).inputValue();
  await page.getByRole("button", { name: "Undo" }).click();
  await page.waitForFunction(() => document.querySelector(".doc-form input[type=text]")?.value === "");
  assert.equal(await title(), "");
  await page.keyboard.press("Control+Shift+z");
  await page.waitForFunction(() => document.querySelector(".doc-form input[type=text]")?.value === "First title");
  await page.getByRole("button", { name: "Redo" }).click();
  await page.waitForFunction(() => document.querySelector("textarea")?.value === "Typed after undo");
  await waitSaved(page);
  const stored = await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith("afterword:draft:"));
    return JSON.parse(localStorage.getItem(key));
  });
  assert.equal(stored.summary, "Typed after undo");
  assert.deepEqual(page.errors, []);
  await context.close();
});

test("each screen passes axe and looks right on a phone and a desktop, light and dark", async () => {
  for (const colorScheme of ["light", "dark"]) {
    for (const width of [360, 1200]) {
      const context = await newContext(browser, server, { colorScheme, viewport: { width, height: 900 } });
      const page = await openApp(context, server);
      const tag = `${width}-${colorScheme}`;
      await page.getByRole("button", { name: "New postmortem" }).click();
      await page.getByRole("heading", { name: "Is a postmortem warranted?" }).waitFor();
      await page.getByLabel("Users saw an outage or a serious slowdown").check();
      await expectNoAxeViolations(page, `triage ${tag}`);
      await screenshot(page, `guided-triage-${tag}`);
      await page.getByRole("button", { name: "Continue" }).click();
      await page.getByRole("heading", { name: "Choose a template" }).waitFor();
      await expectNoAxeViolations(page, `template choice ${tag}`);
      await screenshot(page, `guided-templates-${tag}`);
      // Keyboard: the cards are buttons reached with Tab and chosen with Enter.
      await page.getByRole("button", { name: /^Standard\b/ }).focus();
      await page.keyboard.press("Enter");
      await page.locator(".guided-section").waitFor();
      await page.getByLabel("Title", { exact: true }).fill("Checkout errors after the 2.14 release");
      await expectNoAxeViolations(page, `guided ${tag}`);
      await screenshot(page, `guided-section-${tag}`);
      await page.getByRole("button", { name: "Full document" }).click();
      await page.getByLabel("Summary").fill("Card payments failed for 38 minutes.");
      await page.getByRole("button", { name: "Add event" }).click();
      await page.getByRole("button", { name: "Add action item" }).click();
      await expectNoAxeViolations(page, `full ${tag}`);
      await screenshot(page, `guided-full-${tag}`);
      assert.deepEqual(page.errors, []);
      await context.close();
    }
  }
});
