// Afterword embedded in an intranet page (examples/intranet/): two editors
// with their own namespaces on one page, the page's aggressive styles kept
// out, the events a page forwards, and a strict Content-Security-Policy with
// dist/ served from a sub-path.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs/promises";
import {
  browser, server, useBrowserAndServer, newContext, expectNoAxeViolations, downloadText, assertStayedHome, screenshot,
} from "./helpers.mjs";

// The policy the README's "Embed in your intranet" section documents, sent
// with every response.
const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; " +
  "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
const DIST = "/static/afterword/";

useBrowserAndServer({
  base: DIST,
  headers: { "content-security-policy": CSP },
  extra: {
    "/intranet/": { file: "examples/intranet/index.html" },
    "/intranet/intranet.css": { file: "examples/intranet/intranet.css" },
    "/intranet/intranet.js": { file: "examples/intranet/intranet.js" },
  },
});

/// Records policy violations and Afterword's events from the first moment.
async function watchedContext(options = {}) {
  const context = await newContext(browser, server, options);
  await context.addInitScript(() => {
    window.__violations = [];
    window.__events = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`), true);
    for (const name of ["afterword-saved", "afterword-exported"]) {
      document.addEventListener(name, (e) => window.__events.push({ type: e.type, target: e.target.id, detail: e.detail }));
    }
  });
  return context;
}

async function openPage(context, url) {
  const page = await context.newPage();
  page.errors = [];
  page.policyMessages = [];
  page.on("pageerror", (e) => page.errors.push(String(e)));
  page.on("console", (m) => {
    if (m.type() === "error") console.error(`[page console] ${m.text().slice(0, 2000)}`);
    if (/Content Security Policy|Refused to/i.test(m.text())) page.policyMessages.push(m.text());
  });
  await page.goto(url);
  return page;
}

async function assertNoPolicyViolation(page) {
  assert.deepEqual(await page.evaluate(() => window.__violations), [], "securitypolicyviolation events");
  assert.deepEqual(page.policyMessages, [], "CSP console messages");
}

const intranetUrl = () => `${server.origin}/intranet/`;

/// Computed styles that make up Afterword's look, read in the shadow root of
/// the element `hostId`, or in the document when it is null.
function looks(hostId) {
  const root = hostId ? document.getElementById(hostId).shadowRoot : document;
  const props = ["font-family", "font-size", "line-height", "letter-spacing", "color", "background-color", "text-transform", "border-radius", "box-sizing", "padding-top"];
  const out = {};
  for (const selector of [".aw-app", ".aw-header", ".aw-brand", "h1", ".btn-primary", ".usage"]) {
    const el = root.querySelector(selector);
    if (!el) throw new Error(`no ${selector}`);
    const style = getComputedStyle(el);
    out[selector] = Object.fromEntries(props.map((p) => [p, style.getPropertyValue(p)]));
  }
  return out;
}

async function waitSavedIn(editor) {
  await editor.getByTestId("save-status").filter({ hasText: /^Saved \d\d:\d\d$/ }).waitFor();
}

test("two editors on an intranet page: own looks, own drafts, events for the page, strict CSP", async () => {
  // Afterword's look on its own page, same theme, as the reference.
  const reference = await watchedContext({ colorScheme: "light" });
  const alone = await openPage(reference, server.url);
  await alone.getByRole("button", { name: "New postmortem" }).waitFor();
  const standaloneLooks = await alone.evaluate(looks, null);
  await assertNoPolicyViolation(alone);
  await reference.close();

  const context = await watchedContext({ colorScheme: "light" });
  const page = await openPage(context, intranetUrl());
  const sre = page.locator("#sre-editor");
  const support = page.locator("#support-editor");
  await sre.getByRole("button", { name: "New postmortem" }).waitFor();
  // Without a draft list the support editor opens straight on one draft.
  await support.getByLabel("Title", { exact: true }).waitFor();
  assert.equal(await support.getByRole("link", { name: "← All postmortems" }).isVisible(), false);

  // The intranet's styles do not reach Afterword...
  const embeddedLooks = await page.evaluate(looks, "sre-editor");
  assert.deepEqual(embeddedLooks, standaloneLooks, "an embedded editor looks like the standalone app");
  assert.equal(embeddedLooks[".aw-app"]["font-size"], "16px", "the page's 10px root font does not shrink the editor");
  // ...and the dark editor gets dark colours whatever the page uses.
  const supportBg = await page.evaluate(() => getComputedStyle(document.getElementById("support-editor").shadowRoot.querySelector(".aw-app")).backgroundColor);
  assert.equal(supportBg, "rgb(20, 26, 24)");

  // Afterword's styles do not reach the intranet.
  const host = await page.evaluate(() => {
    const s = (sel) => getComputedStyle(document.querySelector(sel));
    return {
      h1: [s("h1").fontSize, s("h1").fontFamily, s("h1").textTransform],
      body: [s("body").backgroundColor, s("body").boxSizing, s("body").lineHeight],
      main: s("main.content").boxSizing,
      link: s(".content a, .site-header a").color,
    };
  });
  assert.deepEqual(host, {
    h1: ["32px", "Georgia, \"Times New Roman\", serif", "uppercase"],
    body: ["rgb(233, 238, 245)", "content-box", "30px"],
    main: "content-box",
    link: "rgb(255, 255, 255)",
  });

  // A draft in each editor.
  await sre.getByRole("button", { name: "New postmortem" }).click();
  await sre.getByRole("button", { name: "Skip to the full editor" }).click();
  await sre.getByLabel("Title", { exact: true }).fill("Replica promotion took 14 minutes");
  await support.getByLabel("Title", { exact: true }).fill("Escalation: invoices page blank");
  await waitSavedIn(sre);
  await waitSavedIn(support);
  // The editor's own spacing and type keep their size on a page whose root
  // font is 10px.
  const editorSizes = await page.evaluate(() => {
    const root = document.getElementById("sre-editor").shadowRoot;
    const s = (sel) => getComputedStyle(root.querySelector(sel));
    return { actionsGap: s(".editor-actions").columnGap, hintSize: s(".field .hint").fontSize };
  });
  assert.deepEqual(editorSizes, { actionsGap: "6.4px", hintSize: "14.4px" });
  assert.equal(await page.evaluate(() => location.hash), "", "the page's address is left alone");

  // Storage: each namespace holds only its own draft; the page's key is untouched.
  const storage = await page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])));
  const keys = Object.keys(storage);
  assert.ok(keys.every((k) => k.startsWith("sre-runbooks:") || k.startsWith("support-desk:") || k === "intranet:prefs"), keys.join(", "));
  assert.equal(storage["intranet:prefs"], JSON.stringify({ compact: true }));
  const drafts = (ns) => keys.filter((k) => k.startsWith(`${ns}:draft:`)).map((k) => JSON.parse(storage[k]));
  assert.deepEqual(drafts("sre-runbooks").map((d) => d.title), ["Replica promotion took 14 minutes"]);
  assert.deepEqual(drafts("support-desk").map((d) => d.title), ["Escalation: invoices page blank"]);
  assert.equal(drafts("support-desk")[0].template, "minimal", "the locked template is given to the draft");
  // The SRE list shows its draft only.
  await sre.getByRole("link", { name: "← All postmortems" }).click();
  await sre.getByRole("link", { name: "Replica promotion took 14 minutes" }).waitFor();
  assert.equal(await sre.getByText("Escalation: invoices page blank").count(), 0);
  assert.equal(await page.evaluate(() => location.hash), "");

  // Events: saved, from the right element, with the stored document.
  const events = await page.evaluate(() => window.__events);
  const lastSaved = (target) => events.filter((e) => e.type === "afterword-saved" && e.target === target).at(-1);
  const sreSaved = lastSaved("sre-editor");
  assert.equal(sreSaved.detail.namespace, "sre-runbooks");
  assert.equal(sreSaved.detail.title, "Replica promotion took 14 minutes");
  assert.equal(JSON.parse(sreSaved.detail.json).id, sreSaved.detail.id);
  assert.equal(JSON.parse(sreSaved.detail.json).title, "Replica promotion took 14 minutes");
  assert.equal(lastSaved("support-editor").detail.namespace, "support-desk");
  await page.getByText("Saved in support-desk: Escalation: invoices page blank").waitFor();

  // Exported: the page gets the same content as the downloaded file.
  const { name, text } = await downloadText(page, () => {
    return support.getByRole("button", { name: "Export" }).click().then(() => support.getByRole("button", { name: "Download JSON (.json)" }).click());
  });
  const exported = (await page.evaluate(() => window.__events)).filter((e) => e.type === "afterword-exported");
  assert.equal(exported.length, 1);
  assert.equal(exported[0].target, "support-editor");
  assert.deepEqual(
    { format: exported[0].detail.format, fileName: exported[0].detail.fileName, content: exported[0].detail.content },
    { format: "json", fileName: name, content: text },
  );
  assert.equal(JSON.parse(text).title, "Escalation: invoices page blank");

  // An embedded editor does not install a service worker on the page's origin.
  assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);

  // Checked before axe and screenshots: both add a <style> of their own.
  await assertNoPolicyViolation(page);
  await expectNoAxeViolations(page, "the intranet page with two editors");
  await screenshot(page, "embed-intranet-desktop");
  await page.setViewportSize({ width: 360, height: 800 });
  await screenshot(page, "embed-intranet-phone");
  await page.locator("#sre-editor").scrollIntoViewIfNeeded();
  await page.screenshot({ path: "tests/e2e/artifacts/embed-intranet-phone-editor.png" });
  assert.deepEqual(page.errors, []);
  assertStayedHome(context);
  await context.close();
});

test("embedded editors in the dark, with the keyboard", async () => {
  const context = await watchedContext({ colorScheme: "dark" });
  const page = await openPage(context, intranetUrl());
  const sre = page.locator("#sre-editor");
  await sre.getByRole("button", { name: "New postmortem" }).waitFor();
  // theme="light" holds even on a dark device.
  const bg = await page.evaluate(() => getComputedStyle(document.getElementById("sre-editor").shadowRoot.querySelector(".aw-app")).backgroundColor);
  assert.equal(bg, "rgb(250, 248, 242)");
  await sre.getByRole("button", { name: "New postmortem" }).focus();
  await page.keyboard.press("Enter");
  // The new draft's first question takes the focus on the next frame; wait
  // for it, as a person would, before moving on, or that focus lands after.
  await page.waitForFunction(() => document.getElementById("sre-editor").shadowRoot.activeElement?.id === "triage-title");
  await sre.getByRole("button", { name: "Skip to the full editor" }).focus();
  await page.keyboard.press("Enter");
  await sre.getByLabel("Title", { exact: true }).waitFor();
  await sre.getByLabel("Title", { exact: true }).focus();
  await page.keyboard.type("Typed with the keyboard");
  await waitSavedIn(sre);
  // The in-app "back" link works from the keyboard and keeps the address.
  await sre.getByRole("link", { name: "← All postmortems" }).focus();
  await page.keyboard.press("Enter");
  await sre.getByRole("link", { name: "Typed with the keyboard" }).waitFor();
  assert.equal(await page.evaluate(() => location.hash), "");

  // Files dropped on the page are the page's business; one dropped on an
  // editor's list is imported by that editor alone.
  const drop = (selector, inShadowOf) => page.evaluate(([selector, host]) => {
    const at = "2026-11-20T10:00:00Z";
    const doc = { title: "Dropped on the SRE editor", schema_version: 1, id: "pm-dropped", created_at: at, updated_at: at };
    const dt = new DataTransfer();
    dt.items.add(new File([JSON.stringify(doc)], "dropped.json", { type: "application/json" }));
    const root = host ? document.getElementById(host).shadowRoot : document;
    const target = root.querySelector(selector);
    const over = new DragEvent("dragover", { dataTransfer: dt, bubbles: true, composed: true, cancelable: true });
    const dropped = new DragEvent("drop", { dataTransfer: dt, bubbles: true, composed: true, cancelable: true });
    target.dispatchEvent(over);
    target.dispatchEvent(dropped);
    return [over.defaultPrevented, dropped.defaultPrevented];
  }, [selector, inShadowOf]);
  assert.deepEqual(await drop("main.content h1", null), [false, false], "a drop on the page is left to the page");
  assert.deepEqual(await drop('[data-testid="import-zone"]', "sre-editor"), [true, true]);
  await sre.getByText("Imported “Dropped on the SRE editor”").waitFor();
  const titles = await page.evaluate(() => Object.keys(localStorage)
    .filter((k) => k.startsWith("sre-runbooks:draft:"))
    .map((k) => `${k.split(":")[0]}: ${JSON.parse(localStorage.getItem(k)).title}`)
    .sort());
  assert.deepEqual(titles, ["sre-runbooks: Dropped on the SRE editor", "sre-runbooks: Typed with the keyboard"]);
  await assertNoPolicyViolation(page);
  await screenshot(page, "embed-intranet-dark");
  assert.deepEqual(page.errors, []);
  await context.close();
});

test("mount() with callbacks; removal saves and stops; wrong options get a plain message", async () => {
  const context = await watchedContext();
  const page = await openPage(context, intranetUrl());
  await page.locator("#support-editor").getByLabel("Title", { exact: true }).waitFor();

  // The JavaScript API, with callbacks instead of events.
  await page.evaluate(async (src) => {
    const { mount } = await import(src);
    const el = document.createElement("div");
    el.id = "api-editor";
    document.querySelector("main").append(el);
    window.__callbacks = [];
    window.__api = await mount(el, {
      namespace: "api-team",
      defaultTemplate: "five_part",
      onSave: (detail) => window.__callbacks.push(["save", detail.namespace, detail.title]),
      onExport: (detail) => window.__callbacks.push(["export", detail.fileName]),
    });
  }, `${DIST}afterword-embed.js`);
  const api = page.locator("#api-editor");
  await api.getByRole("button", { name: "New postmortem" }).click();
  await api.getByRole("button", { name: "Skip to the full editor" }).click();
  await api.getByLabel("Title", { exact: true }).fill("Mounted from script");
  await waitSavedIn(api);
  await downloadText(page, () => {
    return api.getByRole("button", { name: "Export" }).click().then(() => api.getByRole("button", { name: "Download JSON (.json)" }).click());
  });
  const callbacks = await page.evaluate(() => window.__callbacks);
  assert.deepEqual(callbacks.at(-2), ["save", "api-team", "Mounted from script"]);
  assert.match(callbacks.at(-1)[1], /\.json$/);
  const template = await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith("api-team:draft:"));
    return JSON.parse(localStorage.getItem(key)).template;
  });
  assert.equal(template, "five_part");

  // A second editor with the same namespace on the same page follows the
  // first one's saves (the browser tells only other tabs).
  await page.evaluate(async (src) => {
    const { mount } = await import(src);
    const el = document.createElement("div");
    el.id = "api-editor-2";
    document.querySelector("main").append(el);
    window.__api2 = await mount(el, { namespace: "api-team" });
  }, `${DIST}afterword-embed.js`);
  const api2 = page.locator("#api-editor-2");
  await api2.getByRole("link", { name: "Mounted from script" }).waitFor();
  await api.getByLabel("Title", { exact: true }).fill("Renamed in the first editor");
  await waitSavedIn(api);
  await api2.getByRole("link", { name: "Renamed in the first editor" }).waitFor();
  await page.evaluate(() => window.__api2.unmount());

  // Unmount right after typing: the edit is saved, not lost. (The five-part
  // template has no summary; the title is in its first section.)
  await api.getByLabel("Title", { exact: true }).fill("Typed just before the editor went away.");
  await page.evaluate(() => window.__api.unmount());
  assert.equal(await api.getByLabel("Title", { exact: true }).count(), 0);
  const title = await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith("api-team:draft:"));
    return JSON.parse(localStorage.getItem(key)).title;
  });
  assert.equal(title, "Typed just before the editor went away.");

  // Same for the element: removing it from the page saves its draft.
  const support = page.locator("#support-editor");
  await support.getByLabel("Summary").fill("Written just before removal.");
  await page.evaluate(() => document.getElementById("support-editor").remove());
  const supportSummary = await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith("support-desk:draft:"));
    return JSON.parse(localStorage.getItem(key)).summary;
  });
  assert.equal(supportSummary, "Written just before removal.");

  // Wrong options: a message in place of the editor, nothing stored.
  await page.evaluate(() => {
    const bad = document.createElement("afterword-editor");
    bad.id = "bad-editor";
    bad.setAttribute("namespace", "team:draft");
    document.querySelector("main").append(bad);
    const theme = document.createElement("afterword-editor");
    theme.id = "bad-theme";
    theme.setAttribute("theme", "sepia");
    document.querySelector("main").append(theme);
  });
  await page.locator("#bad-editor").getByRole("alert").filter({ hasText: 'namespace "team:draft" cannot be used' }).waitFor();
  await page.locator("#bad-theme").getByRole("alert").filter({ hasText: 'theme "sepia" is unknown' }).waitFor();
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("team:")).length), 0);

  // Changing an attribute remounts with the new option.
  await page.evaluate(() => document.getElementById("bad-theme").setAttribute("theme", "dark"));
  await page.locator("#bad-theme").getByRole("button", { name: "New postmortem" }).waitFor();

  await assertNoPolicyViolation(page);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test("the standalone page runs under the same strict policy from a sub-path", async () => {
  const context = await watchedContext({ colorScheme: "dark", viewport: { width: 360, height: 800 } });
  const page = await openPage(context, server.url);
  await page.getByRole("button", { name: "New postmortem" }).click();
  await page.getByRole("button", { name: "Skip to the full editor" }).click();
  await page.getByLabel("Title", { exact: true }).fill("Standalone under CSP");
  await page.getByTestId("save-status").filter({ hasText: /^Saved \d\d:\d\d$/ }).waitFor();
  assert.match(await page.evaluate(() => location.hash), /^#\/draft\//, "the standalone page still routes by the address");
  await assertNoPolicyViolation(page);
  await screenshot(page, "standalone-dark-phone");
  assert.deepEqual(page.errors, []);
  assertStayedHome(context);
  await context.close();
});

test("no stylesheet sizes anything in rem (it would follow the embedding page's root font)", async () => {
  const dir = new URL("../../style/", import.meta.url);
  for (const name of await fs.readdir(dir)) {
    if (!name.endsWith(".css")) continue;
    const css = (await fs.readFile(new URL(name, dir), "utf8")).replace(/\/\*[\s\S]*?\*\//g, "");
    const found = css.match(/[\d.]rem\b/g) ?? [];
    assert.deepEqual(found, [], `style/${name} uses rem`);
  }
});

test("the dark palette is the same for theme=\"dark\" and for a dark device with theme=\"system\"", async () => {
  // CSS cannot share one block between an attribute selector and a media
  // query without newer functions (light-dark()) older intranet browsers
  // lack, so main.css writes it twice; this keeps the copies equal.
  const css = await fs.readFile(new URL("../../style/main.css", import.meta.url), "utf8");
  const block = (re) => {
    const m = css.match(re);
    assert.ok(m, `no block for ${re}`);
    return m[1].split(";").map((d) => d.trim()).filter(Boolean);
  };
  const forced = block(/\.aw-app\[data-theme="dark"\]\s*\{([^}]*)\}/);
  const system = block(/@media \(prefers-color-scheme: dark\)\s*\{\s*\.aw-app\[data-theme="system"\]\s*\{([^}]*)\}/);
  assert.ok(forced.length > 10);
  assert.deepEqual(system, forced);
});
