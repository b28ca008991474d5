// The installable, offline side: manifest, service worker under a sub-path,
// and a clean move to a new deployment.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  browser, server, useBrowserAndServer, newContext, openApp, newDraft, waitSaved, waitForServiceWorker, assertStayedHome,
} from "./helpers.mjs";

useBrowserAndServer({ base: "/tools/afterword/" });

test("works under a sub-path, offline included: every screen, each in its own part, opens with no network", async () => {
  const context = await newContext(browser, server);
  const page = await openApp(context, server);
  await waitForServiceWorker(page);
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).scope);
  assert.equal(scope, server.url);
  await newDraft(page);
  await page.getByLabel("Title", { exact: true }).fill("Hosted under a sub-path");
  await waitSaved(page);
  const id = new URL(page.url()).hash.split("/")[2];
  await context.setOffline(true);
  // A fresh tab offline: nothing of the app is in its memory, every part
  // comes from the service worker's cache.
  const offline = await openApp(context, server);
  await offline.getByRole("link", { name: "Hosted under a sub-path" }).click();
  await offline.getByLabel("Title", { exact: true }).waitFor();
  for (const [hash, name] of [
    ["#/review", "Follow-up review"],
    ["#/templates", "Templates"],
    ["#/team", "Team library"],
    [`#/draft/${id}/report`, "Hosted under a sub-path"],
  ]) {
    await offline.goto(server.url + hash);
    await offline.getByRole("heading", { level: 1, name }).waitFor();
  }
  assert.equal(await offline.locator(".aw-part-missing").count(), 0);
  assert.deepEqual(page.errors, []);
  assert.deepEqual(offline.errors, []);
  assertStayedHome(context);
  await context.close();
});

test("the first visit downloads each file once; the shell shows before the app; schema and icons open offline", async () => {
  const context = await newContext(browser, server);
  const html = await (await context.request.get(server.url)).text();
  assert.match(html, /Opening your postmortems/, "index.html carries a light shell");
  const first = server.state.requests.length;
  const page = await openApp(context, server);
  await waitForServiceWorker(page);
  assert.equal(await page.locator("#aw-boot").count(), 0, "the app replaces the shell");
  const fetched = server.state.requests.slice(first).filter((p) => /_bg\.wasm$/.test(p));
  assert.equal(fetched.length, 1, `the wasm is downloaded once, not again by the service worker: ${fetched}`);
  // Every part (the editor's, fetched while the list shows, and those the
  // worker stores for later) is downloaded at most once too.
  const parts = server.state.requests.slice(first).filter((p) => /\.wasm$/.test(p) && !/_bg\.wasm$/.test(p));
  assert.ok(parts.length > 0, "the service worker stores the parts");
  assert.equal(new Set(parts).size, parts.length, `each part is downloaded once: ${parts}`);
  await context.setOffline(true);
  const offline = await page.evaluate(async () => {
    const out = {};
    for (const f of ["schema/postmortem.v1.schema.json", "icons/icon-192.png", "icons/maskable-512.png", "manifest.webmanifest"]) {
      out[f] = (await fetch(f)).ok;
    }
    return out;
  });
  assert.ok(Object.values(offline).every(Boolean), `offline: ${JSON.stringify(offline)}`);
  await context.close();
});

test("a screen whose part cannot be fetched says so, changes nothing, and opens on Try again", async () => {
  const context = await newContext(browser, server);
  let blocked = true;
  await context.route(/split_review-[0-9a-f]+\.wasm$/, (route) => (blocked ? route.abort("internetdisconnected") : route.continue()));
  const page = await openApp(context, server);
  await newDraft(page);
  await page.getByLabel("Title", { exact: true }).fill("Kept while the review is out of reach");
  await waitSaved(page);
  await page.getByRole("link", { name: "Review" }).click();
  const alert = page.locator(".aw-part-missing");
  await alert.getByText("This screen could not be loaded").waitFor();
  await page.screenshot({ path: "tests/e2e/artifacts/part-missing.png" });
  blocked = false;
  await alert.getByRole("button", { name: "Try again" }).click();
  await page.getByRole("heading", { level: 1, name: "Follow-up review" }).waitFor();
  assert.equal(await page.locator(".aw-part-missing").count(), 0);
  await page.locator("a.aw-brand").click();
  await page.getByRole("link", { name: "Kept while the review is out of reach" }).waitFor();
  assert.deepEqual(page.errors, []);
  await context.close();
});

test("the manifest names the app, its icons and a relative start URL", async () => {
  const context = await newContext(browser, server);
  const page = await openApp(context, server);
  const manifest = await page.evaluate(async () => {
    const href = document.querySelector('link[rel="manifest"]').href;
    const res = await fetch(href);
    const icons = [];
    const body = await res.json();
    for (const icon of body.icons) icons.push({ ...icon, ok: (await fetch(new URL(icon.src, href))).ok });
    return { ...body, icons };
  });
  assert.equal(manifest.short_name, "Afterword");
  assert.equal(manifest.start_url, "./");
  assert.ok(manifest.theme_color);
  assert.ok(manifest.icons.some((i) => i.purpose === "maskable"));
  assert.ok(manifest.icons.every((i) => i.ok), "every icon is served");
  await context.close();
});

test("a new deployment is offered, then taken over as a whole", async () => {
  const context = await newContext(browser, server);
  const page = await openApp(context, server);
  await waitForServiceWorker(page);
  const before = await page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith("afterword-")));
  assert.equal(before.length, 1);
  server.state.swVersion += 1;
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  await page.getByText("A new version of Afterword is ready.").waitFor({ timeout: 20000 });
  // Until the person accepts, the page keeps running on the old version's cache.
  const waiting = await page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith("afterword-")));
  assert.equal(waiting.length, 2);
  await Promise.all([page.waitForEvent("load"), page.getByRole("button", { name: "Reload to update" }).click()]);
  await page.getByRole("heading", { level: 1 }).first().waitFor();
  await page.waitForFunction(async () => (await caches.keys()).filter((k) => k.startsWith("afterword-")).length === 1);
  const afterKeys = await page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith("afterword-")));
  assert.equal(afterKeys.length, 1, "only the new version's cache is left");
  assert.notEqual(afterKeys[0], before[0], "the old version's cache is gone");
  await context.close();
});
