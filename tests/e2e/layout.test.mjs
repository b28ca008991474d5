// How the screens fit a phone and a laptop: the editor's toolbar on one
// row, the blameless findings one tap away, the side panel in view while
// the form scrolls, no screen scrolling sideways, and finding a draft in a
// long list with the keyboard alone.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  browser, server, useBrowserAndServer, newContext, openApp, newDraft, waitSaved, expectNoAxeViolations,
} from "./helpers.mjs";

useBrowserAndServer();

const PHONE = { width: 390, height: 844 };

async function addSamples(page) {
  await page.getByRole("button", { name: /sample postmortems/i }).first().click();
  await page.locator("a.draft-title").first().waitFor();
}

test("on a phone: one-row toolbar, the title in view, findings one tap away, nothing scrolls sideways", async () => {
  const context = await newContext(browser, server, { viewport: PHONE });
  try {
    const page = await openApp(context, server);
    await addSamples(page);
    const wide = async (label) => {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${label} scrolls sideways by ${overflow}px`);
    };
    await wide("home");
    for (const hash of ["#/review", "#/templates"]) {
      await page.goto(server.url + hash);
      await page.getByRole("heading", { level: 1 }).first().waitFor();
      await page.waitForTimeout(300);
      await wide(hash);
    }
    await page.goto(server.url);
    await page.locator("a.draft-title").first().click();
    await page.getByLabel("Title", { exact: true }).waitFor();
    await wide("a sample draft");
    await page.goto(page.url() + "/report");
    await page.getByRole("heading", { level: 1 }).first().waitFor();
    await page.waitForTimeout(300);
    await wide("a sample's report");

    await page.goto(server.url);
    await newDraft(page);
    await wide("a new draft");
    // Every control of the toolbar on one row.
    const tops = await page.locator(".editor-bar").evaluate((bar) =>
      [...bar.querySelectorAll("a, button, [data-testid=save-status]")]
        .filter((e) => e.offsetParent !== null)
        .map((e) => Math.round(e.getBoundingClientRect().top + e.getBoundingClientRect().height / 2)),
    );
    assert.ok(tops.length >= 4, "back, status, undo, redo, export are shown");
    assert.ok(Math.max(...tops) - Math.min(...tops) <= 4, `one row: ${tops}`);
    for (const name of ["← All postmortems", "Undo", "Redo"]) {
      await page.getByRole(name.startsWith("←") ? "link" : "button", { name }).waitFor();
    }
    await page.evaluate(() => window.scrollTo(0, 0));
    const title = await page.getByLabel("Title", { exact: true }).boundingBox();
    assert.ok(title && title.y + title.height <= PHONE.height, "the title field is on the first screen");

    await page.getByLabel("Summary").fill("The operator should have paged the database team sooner.");
    const bar = page.locator(".lint-bar").getByRole("button");
    await bar.filter({ hasText: /^\d+ findings?$/ }).waitFor();
    const box = await bar.boundingBox();
    assert.ok(box.y + box.height <= PHONE.height + 1 && box.y > PHONE.height - 120, "the bar is at the bottom of the screen");
    await bar.click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), "lint-findings-summary", "the list has the keyboard");
    assert.equal(await page.locator("#lint-findings").getAttribute("open"), "");
    await page.locator(".lint-group .lint-item").first().waitFor();
    await waitSaved(page);
    await expectNoAxeViolations(page, "editor on a phone");
  } finally {
    await context.close();
  }
});

test("on a laptop the blameless panel stays in view while the form scrolls", async () => {
  const context = await newContext(browser, server, { viewport: { width: 1280, height: 900 } });
  try {
    const page = await openApp(context, server);
    await addSamples(page);
    await page.locator("a.draft-title").first().click();
    await page.getByLabel("Title", { exact: true }).waitFor();
    assert.equal(await page.locator(".lint-bar").isVisible(), false, "no bottom bar beside the panel");
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.waitForTimeout(200);
    const panel = await page.locator(".editor-side").boundingBox();
    assert.ok(panel.y >= 0 && panel.y < 200, `the panel is at the top of the screen (y = ${panel.y})`);
  } finally {
    await context.close();
  }
});

test("the home list is searched and sorted with the keyboard", async () => {
  const context = await newContext(browser, server);
  try {
    const page = await openApp(context, server);
    await addSamples(page);
    const titles = () => page.locator("a.draft-title").allTextContents();
    const all = (await titles()).length;
    assert.ok(all > 5);
    await page.getByLabel("Search postmortems").focus();
    await page.keyboard.type("certificate");
    await page.getByText(/^\d+ of \d+ postmortems? match(es)?\.$/).waitFor();
    const found = await titles();
    assert.ok(found.length > 0 && found.length < all, `a few drafts match: ${found.length} of ${all}`);
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "draft-order");
    await page.locator("#draft-order").selectOption("title");
    const sorted = await titles();
    assert.deepEqual(sorted, [...sorted].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    await page.getByLabel("Search postmortems").fill("no such words anywhere");
    await page.getByText("No postmortem matches “no such words anywhere”.").waitFor();
    assert.equal((await titles()).length, 0);
    await page.getByLabel("Search postmortems").fill("");
    assert.equal((await titles()).length, all);
    await expectNoAxeViolations(page, "home with search");
  } finally {
    await context.close();
  }
});

test("publishing and closing show what is still open; a closed postmortem is read-only until reopened", async () => {
  const context = await newContext(browser, server);
  try {
    const page = await openApp(context, server);
    await newDraft(page);
    await page.getByLabel("Title", { exact: true }).fill("Queue backlog after the broker upgrade");
    await page.getByRole("button", { name: "Add action item" }).click();
    await page.getByLabel("Action", { exact: true }).fill("Alert on consumer lag");
    await page.getByText(/^Status: Draft/).click();
    for (const to of ["In review", "Reviewed"]) {
      await page.getByRole("button", { name: `Move to ${to}` }).click();
      await page.getByText(new RegExp(`^Status: ${to}`)).waitFor();
    }
    // Publishing with work pending asks first, and Cancel changes nothing.
    await page.getByRole("button", { name: "Move to Published" }).click();
    const ask = page.getByRole("group", { name: "Move to Published?" });
    await ask.getByText("1 action item is not done yet.").waitFor();
    await ask.getByText("No reviewer is named.").waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), "status-confirm-title");
    await ask.getByRole("button", { name: "Cancel" }).click();
    await page.getByText(/^Status: Reviewed/).waitFor();
    await page.getByRole("button", { name: "Move to Published" }).click();
    await page.getByRole("button", { name: "Move to Published anyway" }).click();
    await page.getByText(/^Status: Published/).waitFor();
    await page.getByRole("button", { name: "Move to Closed" }).click();
    await page.getByText("A closed postmortem opens read-only; Reopen makes it editable again.").waitFor();
    await expectNoAxeViolations(page, "closing asks first");
    await page.getByRole("button", { name: "Move to Closed anyway" }).click();
    await page.getByText("This postmortem is closed.").waitFor();
    await waitSaved(page);

    // Read-only: the fields, undo and the keyboard shortcut change nothing.
    const title = page.getByLabel("Title", { exact: true });
    assert.equal(await title.isDisabled(), true);
    assert.equal(await page.getByRole("button", { name: "Undo" }).isDisabled(), true);
    await page.keyboard.press("Control+z");
    await page.waitForTimeout(300);
    const stored = () => page.evaluate(() => {
      const key = Object.keys(localStorage).find((k) => k.startsWith("afterword:draft:"));
      return JSON.parse(localStorage.getItem(key));
    });
    assert.equal((await stored()).workflow.status, "closed");
    // It opens read-only again after a reload.
    await page.reload();
    await page.getByText("This postmortem is closed.").waitFor();
    assert.equal(await page.getByLabel("Title", { exact: true }).isDisabled(), true);
    await page.getByRole("button", { name: "Reopen" }).click();
    await page.getByText("This postmortem is closed.").waitFor({ state: "detached" });
    await page.getByLabel("Title", { exact: true }).fill("Queue backlog after the broker upgrade (revised)");
    await waitSaved(page);
    const after = await stored();
    assert.equal(after.workflow.status, "published");
    assert.equal(after.title, "Queue backlog after the broker upgrade (revised)");
    assert.deepEqual(page.errors, []);
  } finally {
    await context.close();
  }
});
