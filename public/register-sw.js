// Registers the service worker and tells the app when a new version is ready.
// The app shows the prompt; when the person accepts, it dispatches
// "afterword:apply-update" and the waiting version takes over.
(function () {
  if (!("serviceWorker" in navigator)) return;
  // The script's own URL gives the app's base, whatever sub-path it is under.
  const base = new URL(".", document.currentScript.src);
  let waiting = null;

  function announce(worker) {
    waiting = worker;
    window.dispatchEvent(new CustomEvent("afterword:update-ready"));
  }

  window.addEventListener("afterword:apply-update", () => {
    if (waiting) waiting.postMessage({ type: "afterword:skip-waiting" });
    // Already taken over (another tab asked first): a reload is all it takes.
    else window.location.reload();
  });

  let reloading = false;
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    // Only reload for an update the person asked for, not the first install.
    if (reloading || !waiting) return;
    waiting = null;
    // The app refuses (cancels) while a draft has edits it cannot save; it
    // asks the person and reloads once they have chosen.
    const ok = window.dispatchEvent(new CustomEvent("afterword:before-reload", { cancelable: true }));
    if (!ok) return;
    reloading = true;
    window.location.reload();
  });

  // Resolves once the page has the app's wasm (or after 30 s): a worker
  // installed earlier would download it a second time instead of taking the
  // page's copy from the HTTP cache, which matters on a slow connection.
  function wasmArrived() {
    return new Promise((resolve) => {
      const arrived = () =>
        performance.getEntriesByType("resource").some((e) => /_bg\.wasm$/.test(e.name) && e.responseEnd > 0);
      if (arrived()) return resolve();
      let observer = null;
      const timer = setTimeout(finish, 30000);
      function finish() {
        clearTimeout(timer);
        if (observer) observer.disconnect();
        resolve();
      }
      try {
        observer = new PerformanceObserver(() => {
          if (arrived()) finish();
        });
        observer.observe({ type: "resource", buffered: true });
      } catch (_) {
        finish();
      }
    });
  }

  window.addEventListener("load", async () => {
    try {
      await wasmArrived();
      const reg = await navigator.serviceWorker.register(new URL("sw.js", base).href, { scope: base.href });
      if (reg.waiting && navigator.serviceWorker.controller) announce(reg.waiting);
      reg.addEventListener("updatefound", () => {
        const worker = reg.installing;
        if (!worker) return;
        worker.addEventListener("statechange", () => {
          if (worker.state === "installed" && navigator.serviceWorker.controller) announce(worker);
        });
      });
    } catch (err) {
      console.warn("Afterword works, but offline use is unavailable:", err);
    }
  });
})();
