// The blameless-language checker in the editor: highlights while typing,
// the review panel (rewrite, undo, dismiss), settings, team phrases and the
// "Before you share" checklist.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  browser, server, useBrowserAndServer, newContext, openApp, newDraft, waitSaved,
  expectNoAxeViolations, assertStayedHome, screenshot,
} from "./helpers.mjs";

useBrowserAndServer();

const BLAMING = "Dana broke the deploy because she should have checked the hostname";
const NEUTRAL = "Sam rolled back the deploy at 14:05 UTC";

/// The summary control and the marks drawn behind it.
function summary(page) {
  const control = page.getByLabel("Summary");
  return {
    control,
    marks: page.locator(".field:has(textarea[data-lint-field='summary']) .lint-mark"),
  };
}

async function draftWithOwner(page) {
  await newDraft(page);
  // The owner's name is one the linter recognises as a person.
  await page.getByLabel("Owner").fill("Dana Ortiz");
}

const panel = (page) => page.locator(".lint-panel");
const findings = (page) => panel(page).locator(".lint-group .lint-item");
/// Findings of one rule, by the rule id shown with each.
const ofRule = (page, rule) =>
  findings(page).filter({ has: page.locator(".lint-rule code", { hasText: new RegExp(`^${rule}$`) }) });

async function openSettings(page) {
  const s = panel(page).locator("details.lint-settings");
  if (!(await s.evaluate((d) => d.open))) await s.locator("summary").click();
  return s;
}

test("blaming wording is highlighted and listed; neutral wording is not", async () => {
  const context = await newContext(browser, server);
  const page = await openApp(context, server);
  await draftWithOwner(page);
  const { control, marks } = summary(page);
  await control.pressSequentially(BLAMING, { delay: 5 });
  await marks.first().waitFor();
  assert.ok((await marks.count()) >= 2, "both the person-as-cause and the hindsight wording are marked");
  const markTexts = await marks.allTextContents();
  assert.ok(markTexts.some((t) => /should have/.test(t)), markTexts.join(" | "));
  // The marks are decoration: the control is described by a short note.
  assert.equal(await page.locator(".lint-mirror").first().getAttribute("aria-hidden"), "true");
  const described = (await control.getAttribute("aria-describedby")).split(" ");
  const noteId = described.find((id) => id.endsWith("-lint"));
  assert.match(await page.locator(`#${noteId}`).textContent(), /^\d+ blameless-language findings?$/);

  const group = panel(page).locator(".lint-group", { has: page.getByRole("heading", { name: "Summary" }) });
  await group.waitFor();
  assert.ok((await group.locator(".lint-item").count()) >= 2);
  const text = await group.textContent();
  assert.match(text, /hindsight/);
  assert.match(text, /person-as-cause/);
  assert.ok((await group.getByRole("button", { name: /^Apply rewrite/ }).count()) >= 1);

  // Clicking a finding selects its words in the field.
  await group.locator(".lint-jump").filter({ hasText: "should have" }).click();
  const selected = await control.evaluate((el) => el.value.slice(el.selectionStart, el.selectionEnd));
  assert.match(selected, /should have/);
  await screenshot(page, "lint-desktop");
  await expectNoAxeViolations(page, "editor with findings");

  await control.fill("");
  await control.pressSequentially(NEUTRAL, { delay: 5 });
  await panel(page).getByText("Nothing reads as blame").waitFor();
  assert.equal(await marks.count(), 0);
  assert.deepEqual(page.errors, []);
  assertStayedHome(context);
  await context.close();
});

test("people are recognised in a draft that lists nobody", async () => {
  const context = await newContext(browser, server);
  const page = await openApp(context, server);
  await newDraft(page);
  const { control, marks } = summary(page);
  // No participants, no owner: names come from the checker's own lists.
  await control.pressSequentially("Maria forgot to renew the certificate, so checkout went down.", { delay: 5 });
  await marks.first().waitFor();
  assert.match((await marks.allTextContents()).join(" "), /Maria forgot/);
  const group = panel(page).locator(".lint-group", { has: page.getByRole("heading", { name: "Summary" }) });
  assert.match(await group.textContent(), /person-as-cause/);

  for (const sentence of [
    "Tom's cron change knocked the billing service offline for an hour.",
    "Thanks to Omar, every customer got the password reset email twice.",
    "Why didn't the on-call check the replication lag before failing over?",
  ]) {
    await control.fill("");
    await control.pressSequentially(sentence, { delay: 2 });
    await marks.first().waitFor();
  }

  // No listed phrase: the sentence model reads it as blame, in the browser
  // as on the command line, and says who it is about.
  await control.fill("");
  await control.pressSequentially("Carlos signed off on a build that never ran the tests.", { delay: 2 });
  await marks.first().waitFor();
  assert.match(await group.textContent(), /reads-as-blame/);
  assert.match(await group.textContent(), /makes Carlos the reason/);

  // A named person doing something ordinary, and a system doing damage.
  await control.fill("");
  await control.pressSequentially("Lea restarted the worker at 14:05 UTC. Kafka dropped messages during the upgrade.", { delay: 2 });
  await panel(page).getByText("Nothing reads as blame").waitFor();
  assert.equal(await marks.count(), 0);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test("a rewrite applies in one click and can be undone", async () => {
  const context = await newContext(browser, server);
  const page = await openApp(context, server);
  await draftWithOwner(page);
  const { control } = summary(page);
  await control.fill(BLAMING);
  const hindsight = ofRule(page, "hindsight");
  await hindsight.first().waitFor();
  await hindsight.first().getByRole("button", { name: /^Apply rewrite/ }).first().click();
  const rewritten = await control.inputValue();
  assert.notEqual(rewritten, BLAMING);
  assert.doesNotMatch(rewritten, /should have/);
  await waitSaved(page);
  const stored = await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith("afterword:draft:"));
    return JSON.parse(localStorage.getItem(key)).summary;
  });
  assert.equal(stored, rewritten);

  await panel(page).getByRole("button", { name: "Undo rewrite" }).click();
  assert.equal(await control.inputValue(), BLAMING);
  await ofRule(page, "hindsight").first().waitFor();
  assert.deepEqual(page.errors, []);
  await context.close();
});

test("list rows are underlined as they are typed, reached from the panel and rewritten", async () => {
  const context = await newContext(browser, server);
  const page = await openApp(context, server);
  await draftWithOwner(page);
  await page.getByRole("button", { name: "Add event" }).click();
  const event = page.locator(".event-row").first().getByLabel("What happened");
  await event.pressSequentially("Dana should have checked the hostname", { delay: 5 });
  const eventMarks = page.locator(".event-row .lint-mark");
  await eventMarks.first().waitFor();
  assert.ok((await eventMarks.allTextContents()).includes("should have"));

  await page.getByRole("button", { name: "Add contributing factor" }).click();
  await page.getByLabel("Factor", { exact: true }).first().fill("Simply human error during the deploy");
  await page.locator(".row-stack .lint-mark").first().waitFor();
  // Overlapping findings ("Simply human", "human error") share one mark.
  assert.deepEqual(await page.locator(".row-stack .lint-mark").allTextContents(), ["Simply human error"]);
  await page.getByRole("button", { name: "Add action item" }).click();
  await page.locator(".action-row").first().getByLabel("Action").fill("Be more careful with deploys");
  await page.locator(".action-row .lint-mark").first().waitFor();

  // The panel's finding selects the words in the row.
  const timelineGroup = panel(page).locator(".lint-group", { has: page.getByRole("heading", { name: /^Timeline/ }) });
  await timelineGroup.locator(".lint-jump").filter({ hasText: "should have" }).click();
  const selected = await event.evaluate((el) => el.value.slice(el.selectionStart, el.selectionEnd));
  assert.equal(selected, "should have");

  // A rewrite goes into the row's control, is saved, and can be undone.
  const fix = timelineGroup.locator(".lint-item").filter({ hasText: "should have" }).getByRole("button", { name: /^Apply rewrite/ }).first();
  await fix.click();
  assert.doesNotMatch(await event.inputValue(), /should have/);
  await waitSaved(page);
  const stored = await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith("afterword:draft:"));
    return JSON.parse(localStorage.getItem(key)).timeline[0].text;
  });
  assert.equal(stored, await event.inputValue());
  await panel(page).getByRole("button", { name: "Undo rewrite" }).click();
  assert.equal(await event.inputValue(), "Dana should have checked the hostname");
  await eventMarks.first().waitFor();
  await page.locator(".event-row").first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: "tests/e2e/artifacts/lint-rows.png" });
  await expectNoAxeViolations(page, "rows with findings");
  assert.deepEqual(page.errors, []);
  await context.close();
});

test("a dismissed finding keeps its reason after a reload and can be restored", async () => {
  const context = await newContext(browser, server);
  const page = await openApp(context, server);
  await draftWithOwner(page);
  await summary(page).control.fill(BLAMING);
  const item = ofRule(page, "hindsight").first();
  await item.getByRole("button", { name: "Dismiss…" }).click();
  await item.getByLabel("Why does this wording stay?").fill("Quoted from the on-call chat");
  await item.getByRole("button", { name: "Keep this wording" }).click();
  await panel(page).getByText("Kept on purpose (1)").waitFor();
  assert.equal(await ofRule(page, "hindsight").count(), 0);
  await waitSaved(page);

  await page.reload();
  await page.getByLabel("Summary").waitFor();
  await panel(page).getByText("Kept on purpose (1)").waitFor();
  await findings(page).first().waitFor();
  assert.equal(await ofRule(page, "hindsight").count(), 0);
  await panel(page).getByText("Kept on purpose (1)").click();
  await panel(page).getByText("Reason: Quoted from the on-call chat").waitFor();
  await expectNoAxeViolations(page, "panel with a kept finding");
  await panel(page).locator(".lint-kept").getByRole("button", { name: "Restore" }).click();
  await ofRule(page, "hindsight").first().waitFor();
  assert.deepEqual(page.errors, []);
  await context.close();
});

test("rules switch off for one document or for all, and team phrases are flagged", async () => {
  const context = await newContext(browser, server);
  const page = await openApp(context, server);
  await draftWithOwner(page);
  await summary(page).control.fill(`${BLAMING}. It was a cowboy change.`);
  await ofRule(page, "hindsight").first().waitFor();
  const settings = await openSettings(page);

  await settings.getByLabel("hindsight: on for this document").uncheck();
  await page.waitForFunction(() => ![...document.querySelectorAll(".lint-group .lint-rule code")].some((c) => c.textContent === "hindsight"));
  await waitSaved(page);
  const disabled = await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith("afterword:draft:"));
    return JSON.parse(localStorage.getItem(key)).disabled_rules;
  });
  assert.deepEqual(disabled, ["hindsight"]);

  await settings.getByLabel("person-as-cause: on for all documents").uncheck();
  await page.waitForFunction(() => ![...document.querySelectorAll(".lint-group .lint-rule code")].some((c) => c.textContent === "person-as-cause"));
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem("afterword:settings")));
  assert.deepEqual(stored.disabled_rules, ["person-as-cause"]);

  await settings.getByLabel("Phrase to avoid").fill("cowboy change");
  await settings.getByLabel("Why (shown with the finding)").fill("Say which review step was skipped.");
  await settings.getByLabel("Suggested wording (optional)").fill("unreviewed change");
  await settings.getByRole("button", { name: "Add phrase" }).click();
  const custom = ofRule(page, "custom-phrase");
  await custom.first().waitFor();
  assert.match(await custom.first().textContent(), /Say which review step was skipped/);
  await custom.first().getByRole("button", { name: /Apply rewrite: “unreviewed change”/ }).waitFor();
  await expectNoAxeViolations(page, "settings open");

  // Other settings survive; junk settings give a message, not a failure.
  await page.evaluate(() => {
    const s = JSON.parse(localStorage.getItem("afterword:settings"));
    s.theme = "dark";
    localStorage.setItem("afterword:settings", JSON.stringify(s));
  });
  await settings.getByLabel("hindsight: on for all documents").uncheck();
  const kept = await page.evaluate(() => JSON.parse(localStorage.getItem("afterword:settings")));
  assert.equal(kept.theme, "dark");
  assert.equal(kept.custom_phrases.length, 1);

  // A new document follows the app-wide switches but not this document's.
  await page.getByRole("link", { name: "← All postmortems" }).click();
  await draftWithOwner(page);
  await summary(page).control.fill(`${BLAMING}. It was human error.`);
  await ofRule(page, "human-error").first().waitFor();
  assert.equal(await ofRule(page, "person-as-cause").count(), 0);
  assert.equal(await ofRule(page, "hindsight").count(), 0);

  await page.evaluate(() => localStorage.setItem("afterword:settings", "{not json"));
  await page.reload();
  const s2 = await openSettings(page);
  await s2.getByRole("alert").filter({ hasText: "could not be read" }).waitFor();
  assert.deepEqual(page.errors, []);
  await context.close();
});

test("the checklist shows what is open and turns done when fixed", async () => {
  const context = await newContext(browser, server);
  const page = await openApp(context, server);
  await draftWithOwner(page);
  const list = panel(page).locator("details.checklist");
  await list.locator("summary").click();
  const item = (id) => list.locator(`[data-check="${id}"]`);
  assert.equal(await item("summary").getAttribute("data-status"), "open");
  assert.match(await item("summary").textContent(), /Open: Summary written/);
  assert.equal(await item("impact.quantified").getAttribute("data-status"), "open");
  await item("summary").getByRole("button", { name: /Go to it/ }).click();
  assert.equal(await page.evaluate(() => document.activeElement.dataset.lintField), "summary");

  await summary(page).control.fill(BLAMING);
  await list.locator('[data-check="summary"][data-status="done"]').waitFor();
  assert.equal(await item("blameless.open").getAttribute("data-status"), "open");
  await page.getByLabel("What users experienced").fill("1,800 users could not pay for 42 minutes.");
  await list.locator('[data-check="impact.quantified"][data-status="done"]').waitFor();
  await summary(page).control.fill(NEUTRAL);
  await list.locator('[data-check="blameless.open"][data-status="done"]').waitFor();
  await expectNoAxeViolations(page, "checklist open");
  assert.deepEqual(page.errors, []);
  await context.close();
});

test("screenshots: phone and dark", async () => {
  for (const [name, options] of [
    ["lint-phone", { viewport: { width: 360, height: 800 } }],
    ["lint-dark", { colorScheme: "dark" }],
    ["lint-phone-dark", { viewport: { width: 360, height: 800 }, colorScheme: "dark" }],
  ]) {
    const context = await newContext(browser, server, options);
    const page = await openApp(context, server);
    await draftWithOwner(page);
    await summary(page).control.fill(`${BLAMING}.\n\nIt was human error.`);
    await summary(page).marks.first().waitFor();
    // The panel may redraw its cards once every field's findings are in;
    // open the first card again if a redraw replaced it.
    const card = panel(page).locator("details.lint-card").first();
    for (let attempt = 0; ; attempt++) {
      if (!(await card.evaluate((d) => d.open))) await card.locator("summary").click();
      try {
        await findings(page).first().waitFor({ timeout: 5000 });
        break;
      } catch (e) {
        if (attempt >= 4) throw e;
      }
    }
    await screenshot(page, name);
    await page.screenshot({ path: `tests/e2e/artifacts/${name}-top.png` });
    await expectNoAxeViolations(page, name);
    await context.close();
  }
});

test("typing into a 10,000-word field stays quick (figures are reported, not asserted)", async () => {
  const context = await newContext(browser, server);
  const page = await openApp(context, server);
  await draftWithOwner(page);
  const sentence = "The cache layer returned stale entries while the deploy rolled out to the eu pool and the error rate rose. ";
  const words = sentence.trim().split(/\s+/).length;
  const big = sentence.repeat(Math.ceil(10000 / words)) + "Dana should have checked the hostname.";
  const { control, marks } = summary(page);
  await control.fill(big);
  await marks.first().waitFor();
  // Time from each input event to the mirror showing the new text and marks.
  const figures = await page.evaluate(async () => {
    const el = document.querySelector("textarea[data-lint-field='summary']");
    const mirror = el.parentElement.querySelector(".lint-mirror");
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
    const handler = [];
    const painted = [];
    for (const ch of " Dana should have known.") {
      const t0 = performance.now();
      el.value += ch;
      el.dispatchEvent(new Event("input", { bubbles: true }));
      handler.push(performance.now() - t0);
      await new Promise((r) => requestAnimationFrame(() => r()));
      painted.push(performance.now() - t0);
    }
    // Until the debounced lint marks the newly typed words.
    const t1 = performance.now();
    while (mirror.querySelectorAll("mark").length < 2 && performance.now() - t1 < 5000) {
      await new Promise((r) => setTimeout(r, 5));
    }
    const marked = performance.now() - t1;
    // The same typing into a plain textarea of the same text, with no
    // handler at all: what the browser costs on its own.
    const plain = document.createElement("textarea");
    plain.style.cssText = getComputedStyle(el).cssText;
    plain.rows = el.rows;
    plain.value = el.value;
    el.parentElement.appendChild(plain);
    const baseline = [];
    for (const ch of " Dana should have known.") {
      const t0 = performance.now();
      plain.value += ch;
      plain.dispatchEvent(new Event("input", { bubbles: true }));
      await new Promise((r) => requestAnimationFrame(() => r()));
      baseline.push(performance.now() - t0);
    }
    plain.remove();
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const max = (xs) => Math.max(...xs);
    return {
      words: el.value.split(/\s+/).length,
      inputHandlerMedianMs: median(handler).toFixed(1),
      inputHandlerMaxMs: max(handler).toFixed(1),
      toNextFrameMedianMs: median(painted).toFixed(1),
      toNextFrameMaxMs: max(painted).toFixed(1),
      lastKeyToMarksMs: marked.toFixed(1),
      plainTextareaToNextFrameMedianMs: median(baseline).toFixed(1),
    };
  });
  console.log("10,000-word field:", JSON.stringify(figures));
  // Whole-document lint when the draft is opened.
  await waitSaved(page);
  const t0 = Date.now();
  await page.reload();
  await summary(page).marks.first().waitFor();
  console.log("open and lint the whole draft (ms):", Date.now() - t0);
  assert.deepEqual(page.errors, []);
  await context.close();
});
