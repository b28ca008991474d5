// Custom templates: made from a built-in one on the Templates screen, edited,
// saved, picked for a new postmortem, exported and imported again; a bad file
// changes nothing. Also the "one contributing factor" reason in the editor.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  browser, server, useBrowserAndServer, newContext, openApp, newDraft, expectNoAxeViolations,
  downloadText, assertStayedHome, screenshot, field, withPage, fillField, exportAs,
} from "./helpers.mjs";

useBrowserAndServer();

const storage = (page) => page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
const stored = async (page) => JSON.parse(await page.evaluate(() => localStorage.getItem("afterword:templates") ?? "[]"));
const note = (page) => page.getByTestId("template-note");

async function makeTemplate(page) {
  await page.getByRole("link", { name: "Templates" }).click();
  await page.getByRole("heading", { name: "Templates", level: 1 }).waitFor();
  await page.getByRole("button", { name: "New from Standard" }).click();
  await page.getByLabel("Template name").fill("Payments team");
  await page.getByLabel("Description").fill("Our own order: the summary first.");
  await page.getByRole("button", { name: "Move down About the incident" }).click();
  await page.getByRole("button", { name: "Move up About the incident" }).click();
  await page.getByRole("button", { name: "Move up Summary" }).click();
  await page.locator("#tpl-sec-0-title").fill("Short summary");
  await page.getByRole("button", { name: "Remove section Supporting material" }).click();
  await page.getByLabel("New free-text section title").fill("Customer follow-up");
  await page.getByRole("button", { name: "Add free-text section" }).click();
  await page.getByRole("button", { name: "Save template" }).click();
  await page.getByTestId("template-save-note").filter({ hasText: "Saved “Payments team”" }).waitFor();
}

test("a custom template is made, saved, kept after a reload and offered for a new postmortem", async () => {
  const context = await newContext(browser, server);
  const page = await openApp(context, server);
  await makeTemplate(page);
  const [saved] = await stored(page);
  assert.equal(saved.name, "Payments team");
  const ids = saved.sections.map((s) => s.id);
  assert.equal(ids[0], "summary");
  assert.equal(ids[1], "about");
  assert.ok(!ids.includes("links"));
  assert.equal(ids.at(-1), "customer_follow_up");
  assert.equal(saved.sections[0].title, "Short summary");

  await page.reload();
  await page.getByRole("heading", { name: "Templates", level: 1 }).waitFor();
  await page.getByRole("button", { name: "Edit Payments team" }).click();
  assert.equal(await page.locator("#tpl-sec-0-title").inputValue(), "Short summary");
  assert.equal(await page.getByLabel("Description").inputValue(), "Our own order: the summary first.");
  await expectNoAxeViolations(page, "the Templates screen with the editor open");
  await screenshot(page, "templates-1200");
  await page.setViewportSize({ width: 360, height: 800 });
  await screenshot(page, "templates-360");
  await page.emulateMedia({ colorScheme: "dark" });
  await screenshot(page, "templates-360-dark");
  await page.setViewportSize({ width: 1200, height: 900 });
  await page.emulateMedia({ colorScheme: "light" });

  await page.getByRole("link", { name: /Afterword/ }).first().click();
  await page.getByRole("button", { name: "New postmortem" }).click();
  await page.getByRole("button", { name: "Skip this question" }).click();
  await page.getByRole("button", { name: /Payments team/ }).click();
  const nav = page.getByRole("navigation", { name: "Sections" });
  await nav.getByRole("button", { name: /Short summary/ }).waitFor();
  await nav.getByRole("button", { name: /Customer follow-up/ }).waitFor();
  const first = await nav.getByRole("button").first().textContent();
  assert.match(first, /Short summary/);
  assert.deepEqual(page.errors, []);
  assertStayedHome(context);
  await context.close();
});

test("a template exported as a file is imported elsewhere, and a clash keeps both", async () => {
  const context = await newContext(browser, server);
  const page = await openApp(context, server);
  await makeTemplate(page);
  const file = await downloadText(page, () => page.getByRole("button", { name: "Export Payments team" }).click());
  assert.equal(file.name, "afterword-template-payments-team.json");
  await context.close();

  const other = await newContext(browser, server);
  const fresh = await openApp(other, server, "#/templates");
  const upload = { name: file.name, mimeType: "application/json", buffer: Buffer.from(file.text) };
  await fresh.getByLabel("Template file to import").setInputFiles(upload);
  await note(fresh).filter({ hasText: "Imported “Payments team”" }).waitFor();
  assert.equal((await stored(fresh)).length, 1);
  // The same file again: the id is taken.
  await fresh.getByLabel("Template file to import").setInputFiles(upload);
  await fresh.getByRole("button", { name: "Keep both" }).click();
  await note(fresh).filter({ hasText: "Imported “Payments team (imported)”" }).waitFor();
  const list = await stored(fresh);
  assert.equal(list.length, 2);
  assert.notEqual(list[0].id, list[1].id);
  assert.deepEqual(list[0].sections, list[1].sections);
  assert.deepEqual(fresh.errors, []);
  assertStayedHome(other);
  await other.close();
});

test("a bad template file shows its problem and changes nothing", async () => {
  const context = await newContext(browser, server);
  const page = await openApp(context, server);
  await makeTemplate(page);
  const before = await storage(page);
  const bad = { id: "tpl-team", name: "Broken", sections: [{ id: "a", title: "A", fields: ["not_a_field"], required: ["summary"] }] };
  await page.getByLabel("Template file to import").setInputFiles({ name: "bad.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(bad)) });
  await note(page).filter({ hasText: "was not imported" }).waitFor();
  assert.match(await note(page).textContent(), /sections\[0\]/);
  const builtin = { id: "standard", name: "Mine", sections: [] };
  await page.getByLabel("Template file to import").setInputFiles({ name: "std.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(builtin)) });
  await note(page).filter({ hasText: "belongs to a built-in template" }).waitFor();
  await page.getByLabel("Template file to import").setInputFiles({ name: "junk.json", mimeType: "application/json", buffer: Buffer.from("{ not json") });
  await note(page).filter({ hasText: "not valid JSON" }).waitFor();
  assert.equal(await storage(page), before);
  await context.close();
});

test("deleting a custom template asks first", async () => {
  const context = await newContext(browser, server);
  const page = await openApp(context, server);
  await makeTemplate(page);
  await page.getByRole("button", { name: "Delete Payments team" }).click();
  await page.getByRole("alert").filter({ hasText: "keep all their content" }).waitFor();
  await page.getByRole("button", { name: "Delete template" }).click();
  await note(page).filter({ hasText: "Deleted “Payments team”" }).waitFor();
  assert.deepEqual(await stored(page), []);
  await context.close();
});

test("with fewer than two contributing factors the editor asks why one is enough", async () => {
  const context = await newContext(browser, server);
  const page = await openApp(context, server);
  await newDraft(page);
  const reason = field(page, "analysis.single_factor_reason");
  await reason.fill("The loader was the only path for this config.");
  await page.getByRole("button", { name: "Add contributing factor" }).click();
  await reason.waitFor();
  await page.getByRole("button", { name: "Add contributing factor" }).click();
  await reason.waitFor({ state: "detached" });
  await context.close();
});

/// Words of running systems that readers outside engineering stumble on.
const JARGON = /\b(acknowledged|trigger|complex systems|mitigat\w*|slo|error budget|runbook|deploy\w*|rollback|canary|on-call|dashboards?|logs|requests|alert source|root cause|outage)\b/gi;

test("the management template speaks plainly down to its fields, in the form and the Markdown", async () => {
  await withPage({}, async (page) => {
    await page.getByRole("button", { name: "New postmortem" }).click();
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("button", { name: /^Management/ }).click();
    await page.getByRole("button", { name: "Full document" }).click();
    await page.getByRole("button", { name: "Add action item" }).click();
    await page.getByRole("button", { name: "Add contributing factor" }).click();
    await page.getByRole("button", { name: "Add event" }).click();
    // Labels, hints, headings and notes; the choices of a list (an action's
    // kind: prevent, detect, mitigate…) are values, not words of the form.
    const words = await page.locator(".doc-form").evaluate((form) => {
      const copy = form.cloneNode(true);
      for (const s of copy.querySelectorAll("select")) s.remove();
      return copy.textContent.replace(/\s+/g, " ");
    });
    assert.deepEqual(words.match(JARGON) ?? [], [], "jargon in the form");
    for (const label of ["What set it off", "Someone took charge", "Circumstances that combined", "Time until noticed"]) {
      assert.ok(words.includes(label), `${label} is shown`);
    }
    // The Markdown names the same fields with the same words.
    await fillField(page, "analysis.trigger", "Samples arrived nine days late.");
    await fillField(page, "times.acknowledged", "2026-11-20 14:05");
    const md = await exportAs(page, "Markdown");
    assert.match(md.text, /### What set it off\n\nSamples arrived nine days late\./);
    assert.match(md.text, /\| Someone took charge \| 2026-11-20 14:05 \|/);
    assert.doesNotMatch(md.text, /Trigger|Acknowledged/);
  });
});
