// Afterword's service worker: keeps the app shell on the device so the editor
// opens with no network, and moves to a new version only as a whole.
//
// The build writes BUILD and FILES below (scripts/post_build.py):
// every deployed version has its own cache, filled completely before the new
// worker takes over, so a page never mixes files of two versions.
const BUILD = "dev";
const FILES = [];

const CACHE = `afterword-${BUILD}`;
// Hashed names (afterword-<hash>.js, main-<hash>.css, the wasm parts, the
// checker's data file) and the loader's.
const HASHED = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css|bin)$/;
const scopeUrl = new URL(self.registration.scope);
const shellUrl = new URL("./", scopeUrl).href;
const indexUrl = new URL("index.html", scopeUrl).href;

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // A file whose name carries its content hash never changes, so the copy
      // the page has just downloaded (in the HTTP cache) is the right one: the
      // first visit fetches each file once. Every other file (index.html, the
      // manifest, icons, the schema) is revalidated with the server, so an old
      // copy cannot slip into the new version.
      const requests = FILES.map((f) => new Request(new URL(f, scopeUrl).href, { cache: HASHED.test(f) ? "default" : "no-cache" }));
      await cache.addAll(requests);
      // Take over at once on first install; later versions wait to be asked.
      if (!self.registration.active) await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith("afterword-") && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "afterword:skip-waiting") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== scopeUrl.origin || !url.href.startsWith(scopeUrl.href)) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      const clean = url.href.split("#")[0].split("?")[0];
      const isShell = request.mode === "navigate" || clean === shellUrl || clean === indexUrl;
      const hit = await cache.match(isShell ? indexUrl : clean);
      if (hit) return hit;
      return fetch(request);
    })(),
  );
});
