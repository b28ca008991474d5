// Focus goes where the person's attention goes, tried with the keyboard
// only: each screen of the start flow begins at its heading, an opened draft
// at the place to write, every "Go to it" of the checklist at a control of
// the field it names, and the review keeps the keyboard on a row when the
// row it was on leaves the filtered table.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  useBrowserAndServer, withPage, pressOn, waitForFocus, field, fillField, addSamples, openReview, waitSaved,
} from "./helpers.mjs";

useBrowserAndServer();

const heading = (text) => (f) => /^H[12]$/.test(f.tag) && f.text.startsWith(text);
const control = (key) => (f) => f.inForm && f.field === key;

/// Back to the list and into the same draft again, with the keyboard.
async function reopen(page, title) {
  await pressOn(page, page.getByRole("link", { name: /All postmortems/ }));
  await pressOn(page, page.getByRole("link", { name: title }));
}

test("each step of the start flow begins at its heading; a reopened draft at the place to write", async () => {
  await withPage({}, async (page) => {
    await pressOn(page, page.getByRole("button", { name: "New postmortem" }));
    await waitForFocus(page, heading("Is a postmortem warranted?"), "the first question");
    await pressOn(page, page.getByRole("button", { name: "Continue" }));
    await waitForFocus(page, heading("Choose a template"), "the template choice");
    await pressOn(page, page.getByRole("button", { name: "Back" }));
    await waitForFocus(page, heading("Is a postmortem warranted?"), "the first question again");
    await pressOn(page, page.getByRole("button", { name: "Skip this question" }));
    await waitForFocus(page, heading("Choose a template"), "the template choice");
    await pressOn(page, page.getByRole("button", { name: /^Standard\b/ }));
    const first = await waitForFocus(page, (f) => f.id === "guided-section-title", "the first section's heading");
    // Guided mode reopens at the first required field still empty.
    await page.keyboard.press("Tab");
    await fillField(page, "title", "Keyboard only");
    await waitSaved(page);
    await reopen(page, "Keyboard only");
    const next = await waitForFocus(page, (f) => f.inForm && f.field !== "title", "the next empty required field");
    assert.equal(await field(page, next.field).inputValue(), "", `${next.field} is empty`);
    assert.ok(first.text.length > 0);

    // Skipping to the full editor lands on its heading; reopened, on the title.
    await pressOn(page, page.getByRole("link", { name: /All postmortems/ }));
    await pressOn(page, page.getByRole("button", { name: "New postmortem" }));
    await waitForFocus(page, heading("Is a postmortem warranted?"), "the first question");
    await pressOn(page, page.getByRole("button", { name: "Skip to the full editor" }));
    await waitForFocus(page, (f) => f.id === "editor-title", "the editor's heading");
    await fillField(page, "title", "Written in full");
    await waitSaved(page);
    await reopen(page, "Written in full");
    await waitForFocus(page, control("title"), "the title");
    await page.keyboard.press("End");
    await page.keyboard.type(" today");
    assert.equal(await field(page, "title").inputValue(), "Written in full today");
  });
});

const TEMPLATES = ["standard", "incident_report", "minimal", "five_part", "management", "four_questions", "blank"];

test("every “Go to it” of the checklist lands on a focused control of its field, in every template", async () => {
  await withPage({}, async (page) => {
    await pressOn(page, page.getByRole("button", { name: "New postmortem" }));
    await pressOn(page, page.getByRole("button", { name: "Skip to the full editor" }));
    // Something open in every group: a finding, an action with no owner or
    // date, times in the wrong order, no factors, no timeline.
    await fillField(page, "title", "Checklist targets");
    await fillField(page, "summary", "Dana broke the deploy because she was careless.");
    await fillField(page, "times.started", "2026-11-20T14:10");
    await fillField(page, "times.detected", "2026-11-20T14:00");
    await page.getByRole("button", { name: "Add action item" }).click();
    await page.locator('[data-field^="action_items["][data-field$="].title"]').first().fill("Fix it");
    await waitSaved(page);
    const seen = new Set();
    for (const id of TEMPLATES) {
      await page.locator("#template-select").selectOption(id);
      // The checklist is worked out again shortly after a change.
      await page.waitForTimeout(800);
      const list = page.locator(".editor-side details.checklist");
      if (!(await list.evaluate((d) => d.open))) await list.locator("summary").click();
      await list.locator(".check-go").first().waitFor();
      const targets = await list.locator(".check-go").evaluateAll((bs) => bs.map((b) => b.dataset.target));
      assert.ok(targets.length >= 6, `${id}: ${targets}`);
      for (const [i, target] of targets.entries()) {
        await pressOn(page, list.locator(".check-go").nth(i));
        const f = await waitForFocus(
          page,
          (f) => f.inForm && ["INPUT", "TEXTAREA", "SELECT", "BUTTON"].includes(f.tag)
            && [f.field, f.lintField].some((k) => k === target || k?.startsWith(`${target}.`) || k?.startsWith(`${target}[`)),
          `a control of ${target} (${id})`,
        );
        seen.add(target.replace(/\[.*?\]/, "[]"));
        assert.ok(f.tag, target);
      }
    }
    for (const t of ["summary", "impact.description", "times", "timeline", "analysis.contributing_factors", "action_items[].title", "action_items[].due"]) {
      assert.ok(seen.has(t), `${t} was among the targets: ${[...seen]}`);
    }
  });
});

test("the review keeps the keyboard on the next row when a row leaves the filter, and says so; an item opens at itself", async () => {
  await withPage({}, async (page) => {
    await addSamples(page);
    await openReview(page);
    await pressOn(page, page.getByLabel("Overdue only"), "Space");
    const rows = page.getByTestId("review-table").locator("tbody tr");
    const before = await rows.count();
    // Rows of closed postmortems are read-only; the keyboard skips them.
    const open = rows.filter({ has: page.locator("select.status-select:not([disabled])") });
    assert.ok((await open.count()) >= 2, `${await open.count()} overdue rows that can change`);
    const select = open.first().locator("select.status-select");
    const own = await select.getAttribute("id");
    const nextId = await open.nth(1).locator("select.status-select").getAttribute("id");
    await select.focus();
    // Down the list of statuses until the item is done and leaves the table.
    for (let i = 0; i < 3 && (await page.locator(`[id="${own}"]`).count()) > 0; i++) {
      await page.keyboard.press("ArrowDown");
      await page.getByTestId("review-message").filter({ hasText: /is now/ }).waitFor();
      await page.waitForTimeout(100);
    }
    await waitForFocus(page, (f) => f.id === nextId, "the next row's status");
    await page.getByTestId("review-message").filter({ hasText: "left the table; the next item has the focus" }).waitFor();
    assert.equal(await rows.count(), before - 1);

    // The item's own link opens its postmortem with the keyboard on the item.
    const link = open.first().locator("th a");
    const title = (await link.textContent()).trim();
    await pressOn(page, link);
    const f = await waitForFocus(page, (f) => /^action_items\[.+\]\.title$/.test(f.field ?? ""), "the action item");
    assert.equal(f.text, title);
  });
});
