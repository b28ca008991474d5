// Bringing material in and a public version out: a Markdown postmortem
// dropped on the home screen (preview, a changed mapping, the new draft), a
// chat export turned into timeline events (filters, authors, a 10,000
// message export in a virtualised list) and the public summary with its
// redaction check (the downloaded file is exactly the previewed text).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {
  browser, server, useBrowserAndServer, newContext, openApp, waitSaved,
  expectNoAxeViolations, downloadText, assertStayedHome,
} from "./helpers.mjs";

useBrowserAndServer();

const FIXTURES = new URL("../../crates/afterword-core/tests/fixtures/import/", import.meta.url);
const fixture = (name) => fs.readFile(new URL(name, FIXTURES), "utf8");

let tmp;
before(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "afterword-import-"));
});
after(async () => {
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

async function dropFile(page, name, type, text) {
  await page.evaluate(async ({ name, type, text }) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], name, { type }));
    const zone = document.querySelector('[data-testid="import-zone"]');
    zone.dispatchEvent(new DragEvent("dragover", { dataTransfer: dt, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, { name, type, text });
}

async function importMarkdown(page, name) {
  await dropFile(page, name, "text/markdown", await fixture(name));
  const preview = page.getByTestId("md-preview");
  await preview.waitFor();
  return preview;
}

async function confirmAndOpen(page, preview) {
  const before = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(":draft:")).length);
  await preview.getByRole("button", { name: "Import as a new draft" }).click();
  const done = page.getByRole("status").filter({ hasText: "from Markdown as a new draft" });
  await done.waitFor();
  const after = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(":draft:")).length);
  assert.equal(after, before + 1, "one new draft");
  await done.getByRole("link").click();
  await page.getByLabel("Title", { exact: true }).waitFor();
}

test("a dropped Markdown postmortem is previewed, remapped and becomes a new draft", async () => {
  const context = await newContext(browser, server);
  try {
    const page = await openApp(context, server);
    const preview = await importMarkdown(page, "atlassian-style.md");
    // Nothing is stored while the preview is open.
    assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(":draft:")).length), 0);
    const row = (heading) => preview.locator("tr").filter({ has: page.locator(`select[data-heading="${heading}"]`) });
    assert.match(await row("Fault").innerText(), /^13\b/, "line number shown");
    assert.equal(await preview.locator('select[data-heading="Fault"]').inputValue(), "custom");
    assert.equal(await preview.locator('select[data-heading="Timeline"]').inputValue(), "timeline");
    assert.equal(await preview.locator('select[data-heading="Follow-up tasks"]').inputValue(), "action_items");
    assert.match(await preview.getByTestId("md-read").innerText(), /4 timeline events.*2 action items/);
    assert.match(await preview.innerText(), /Line 39: text with no time in the timeline/);
    await expectNoAxeViolations(page, "Markdown import preview");

    // The person puts "Fault" under Trigger instead.
    await preview.getByLabel("Where “Fault” goes").selectOption("trigger");
    await row("Fault").filter({ hasText: "your choice" }).waitFor();
    await confirmAndOpen(page, preview);

    assert.equal(await page.getByLabel("Title", { exact: true }).inputValue(), "Incident postmortem: Search results missing for EU customers");
    assert.match(await page.getByLabel("Trigger", { exact: true }).inputValue(), /built without the synonym file/);
    assert.equal(await page.locator(".event-row").count(), 4);
    assert.equal(await page.locator(".action-row").count(), 2);
    const stored = await page.evaluate(() => {
      const key = Object.keys(localStorage).find((k) => k.includes(":draft:"));
      return JSON.parse(localStorage.getItem(key));
    });
    assert.equal(stored.action_items[0].ticket, "SRCH-88");
    assert.equal(stored.sections.fault, undefined, "moved to the trigger");
    assert.ok(stored.sections.leadup.includes("read-only"));
    assert.deepEqual(page.errors, []);
    assertStayedHome(context);
  } finally {
    await context.close();
  }
});

function slackDay(n) {
  const messages = [];
  for (let i = 0; i < n; i++) {
    messages.push({
      type: "message",
      ts: `${1709284800 + i * 6}.000${String(i % 1000).padStart(3, "0")}`,
      user: `U${i % 9}`,
      text: `<@U${(i + 1) % 9}> step ${i} :eyes: &lt;b&gt;`,
      ...(i % 100 === 0 ? { pinned_to: ["C1"] } : {}),
    });
  }
  return JSON.stringify(messages);
}

test("a chat export becomes timeline events: filters, authors mapped, 10,000 messages in a virtualised list", async () => {
  const context = await newContext(browser, server);
  try {
    const page = await openApp(context, server);
    await confirmAndOpen(page, await importMarkdown(page, "sre-book-style.md"));
    assert.equal(await page.locator(".event-row").count(), 6);

    const chat = page.getByTestId("chat-import");
    await chat.locator("summary").click();
    const dir = new URL("chat/slack-channel/", FIXTURES);
    await chat.getByLabel("Chat export files").setInputFiles(
      ["2024-03-01.json", "2024-03-02.json", "users.json"].map((f) => new URL(f, dir).pathname),
    );
    await chat.getByRole("status").filter({ hasText: "Slack export: 5 messages." }).waitFor();
    const rows = chat.locator(".chat-row");
    assert.equal(await rows.count(), 5);
    assert.match(await rows.nth(0).innerText(), /2024-03-01 09:20:00 UTC\s*Priya\s*★\s*🚨 checkout error rate is above 20%, see the cart dashboard \(https:\/\/dashboards\.example\.com\/d\/cart\)/);
    assert.match(await rows.nth(4).innerText(), /<script>alert\(1\)<\/script>/, "shown as text");
    assert.match(await chat.innerText(), /channel events \(joins, topic changes\)/);

    await chat.getByLabel("Only starred or pinned").check();
    await chat.getByText("2 of 5 messages will become events.").waitFor();
    await chat.getByLabel("Only starred or pinned").uncheck();
    await chat.getByLabel("Containing").fill("ROLL");
    await chat.getByText("2 of 5 messages will become events.").waitFor();
    await chat.getByLabel("Containing").fill("");
    await chat.getByLabel("From (UTC)").fill("2024-03-01T09:30");
    await chat.getByLabel("To (UTC)").fill("2024-03-01T23:59");
    await chat.getByText("2 of 5 messages will become events.").waitFor();
    await chat.getByLabel("From (UTC)").fill("");
    await chat.getByLabel("To (UTC)").fill("");
    await chat.getByText("5 of 5 messages will become events.").waitFor();

    await chat.locator(".chat-authors summary").click();
    await chat.locator('select[data-author="Priya"]').selectOption("Priya Raman");
    await chat.getByRole("button", { name: "Add 5 events" }).click();
    await chat.getByText("Added 5 events to the timeline.").waitFor();
    assert.equal(await page.locator(".event-row").count(), 11);
    await waitSaved(page);
    const stored = await page.evaluate(() => {
      const key = Object.keys(localStorage).find((k) => k.includes(":draft:"));
      return JSON.parse(localStorage.getItem(key));
    });
    const decision = stored.timeline.find((e) => e.text.includes("roll back the cache config"));
    assert.equal(decision.text, "Priya Raman: Decision: roll back the cache config @here");
    assert.equal(decision.at, "2024-03-01T09:34:00Z");
    assert.ok(stored.timeline.some((e) => e.text === "Tomás Ferreira: rollback done, error rate back to normal ✅" && e.starred));
    assert.equal(await page.evaluate(() => window.__pwned), undefined);

    // 10,000 messages: the preview opens at once and draws only what is in view.
    const big = path.join(tmp, "2024-03-01.json");
    await fs.writeFile(big, slackDay(10000));
    const started = Date.now();
    await chat.getByLabel("Chat export files").setInputFiles(big);
    await chat.getByRole("status").filter({ hasText: "Slack export: 10000 messages." }).waitFor();
    await rows.first().waitFor();
    const elapsed = Date.now() - started;
    console.log(`chat import: 10,000 Slack messages listed in ${elapsed} ms (file chosen to first row drawn)`);
    const drawn = await rows.count();
    assert.ok(drawn < 40, `only the rows in view are drawn (${drawn})`);
    await chat.locator(".chat-list").evaluate((el) => { el.scrollTop = el.scrollHeight; });
    await chat.locator(".chat-row").filter({ hasText: "step 9999" }).waitFor();
    await chat.getByText("10000 of 10000 messages will become events.").waitFor();
    await chat.getByLabel("Only starred or pinned").check();
    await chat.getByText("100 of 10000 messages will become events.").waitFor();
    assert.deepEqual(page.errors, []);
  } finally {
    await context.close();
  }
});

test("the public summary lists what must not leave, and the file is exactly the previewed text", async () => {
  const context = await newContext(browser, server);
  try {
    const page = await openApp(context, server);
    await confirmAndOpen(page, await importMarkdown(page, "sre-book-style.md"));
    // The first action item is marked public.
    await page.locator(".action-row").first().getByLabel("Public", { exact: true }).check();
    await waitSaved(page);

    await page.getByRole("button", { name: "Export" }).click();
    await page.getByRole("button", { name: "Public summary…" }).click();
    const panel = page.getByTestId("public-summary");
    await panel.waitFor();
    const area = panel.getByLabel("Text of the summary (Markdown)");
    const generated = await area.inputValue();
    assert.match(generated, /^# Shopping cart service outage, 2024-03-01\n/);
    assert.match(generated, /## What customers experienced\n\nRoughly 18,000 carts/);
    assert.match(generated, /## What will change\n\n### Preventing it from happening again\n\n- Add a memory limit check to the config linter/);
    for (const leak of ["Tomás", "Priya", "CART-41", "dashboards.example.com", "Alert on cache node restarts"]) {
      assert.ok(!generated.includes(leak), `${leak} left out`);
    }
    await panel.getByText("Nothing found").waitFor();

    // Internal details typed into the text are caught, with their place.
    await area.fill(`${generated}\nPriya simply restarted db-primary-03 at 10.1.2.3, see CART-412.\n`);
    const findings = panel.locator(".public-finding");
    await panel.getByText(/5 findings; 5 to edit or accept/).waitFor();
    const all = await findings.allInnerTexts();
    const line = generated.split("\n").length + 1;
    assert.ok(all.some((f) => f.startsWith(`Line ${line}, column 1`) && f.includes("Person's name: “Priya”")), all.join("\n"));
    assert.ok(all.some((f) => f.includes("Internal address or host name: “db-primary-03”")));
    assert.ok(all.some((f) => f.includes("IP address: “10.1.2.3”")));
    assert.ok(all.some((f) => f.includes("Ticket id: “CART-412”")));
    assert.ok(all.some((f) => f.includes("Blameless language: “simply restarted”")));
    assert.ok(await panel.getByRole("button", { name: "Download Markdown" }).isDisabled());
    await expectNoAxeViolations(page, "public summary");

    await findings.filter({ hasText: "Person's name" }).getByRole("button", { name: "Replace with “our team”" }).click();
    await panel.getByText(/4 findings; 4 to edit/).waitFor();
    for (const kind of ["Internal address", "IP address", "Ticket id", "Blameless language"]) {
      await findings.filter({ hasText: kind }).getByRole("button", { name: "Accept" }).click();
    }
    await panel.getByText("4 findings, all accepted.").waitFor();
    const approved = await area.inputValue();
    assert.ok(approved.includes("our team simply restarted db-primary-03"));
    const md = await downloadText(page, () => panel.getByRole("button", { name: "Download Markdown" }).click());
    assert.equal(md.name, "2024-03-01-shopping-cart-service-outage-2024-03-01-public.md");
    assert.equal(md.text, approved, "the file is exactly the previewed text");
    const html = await downloadText(page, () => panel.getByRole("button", { name: "Download HTML" }).click());
    assert.match(html.text, /^<!DOCTYPE html>/);
    assert.match(html.text, /<h2>What customers experienced<\/h2>/);
    assert.ok(html.text.includes("our team simply restarted db-primary-03"));
    assert.deepEqual(page.errors, []);
    assertStayedHome(context);
  } finally {
    await context.close();
  }
});
