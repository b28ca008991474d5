// Afterword inside another page: the <afterword-editor> element and
// mount(element, options).
//
// scripts/post_build.py copies this file to dist/afterword-embed.js and fills
// in the build's hashed file names, so a page only ever refers to the stable
// name. Every other URL is taken relative to this module's own address, which
// makes the same dist/ work from any folder of any static server.
import init, { mountApp, prepareStorage } from "./__AFTERWORD_JS__";

const BASE = new URL(".", import.meta.url);
const WASM = new URL("__AFTERWORD_WASM__", BASE);
const STYLES = __AFTERWORD_STYLES__.map((file) => new URL(file, BASE).href);

// One WebAssembly instance serves every editor on the page.
let ready = null;
function loadApp() {
  // What overflowed from localStorage into IndexedDB is read before any
  // editor reads its storage.
  ready ??= init({ module_or_path: WASM }).then(() => prepareStorage());
  return ready;
}

// The app's stylesheets, inside the shadow root: they style the editor and
// nothing else, and the page's own rules cannot reach in.
function addStyles(root) {
  return Promise.all(
    STYLES.map(
      (href) =>
        new Promise((resolve) => {
          const link = document.createElement("link");
          link.rel = "stylesheet";
          link.href = href;
          link.addEventListener("load", resolve);
          link.addEventListener("error", () => {
            console.warn(`Afterword: the stylesheet ${href} could not be loaded`);
            resolve();
          });
          root.append(link);
        }),
    ),
  );
}

/**
 * Mounts an editor in `element` (in an open shadow root it creates or
 * reuses). Options: namespace, defaultTemplate, lockedTemplate, theme
 * ("light" | "dark" | "system"), drafts (false: one draft, no list),
 * teamLibrary (the address of the team's CouchDB database, offered on the
 * editor's Team library screen; kept per namespace),
 * onSave(detail), onExport(detail). Resolves to `{ unmount() }`; rejects with
 * an Error that says which option is wrong.
 */
export async function mount(element, options = {}) {
  if (!(element instanceof HTMLElement)) {
    throw new TypeError("Afterword: mount(element, options) needs an HTML element");
  }
  const root = element.shadowRoot ?? element.attachShadow({ mode: "open" });
  root.replaceChildren();
  // Styles first, so the editor never shows unstyled.
  await Promise.all([loadApp(), addStyles(root)]);
  const container = document.createElement("div");
  container.className = "aw-container";
  root.append(container);
  let mounted;
  try {
    mounted = mountApp(container, { ...options, host: element, assetBase: BASE.href });
  } catch (err) {
    container.remove();
    throw err;
  }
  return {
    unmount() {
      if (!mounted) return;
      mounted.unmount();
      mounted.free();
      mounted = null;
      root.replaceChildren();
    },
  };
}

// Attribute name → option name.
const ATTRIBUTES = {
  namespace: "namespace",
  "default-template": "defaultTemplate",
  "locked-template": "lockedTemplate",
  theme: "theme",
  drafts: "drafts",
  "team-library": "teamLibrary",
};

export class AfterwordEditor extends HTMLElement {
  static get observedAttributes() {
    return Object.keys(ATTRIBUTES);
  }

  #mounted = null;
  #started = false;
  // Mounts and unmounts run one after another, never interleaved.
  #queue = Promise.resolve();

  connectedCallback() {
    this.#started = true;
    this.#remount();
  }

  disconnectedCallback() {
    this.#started = false;
    this.#queue = this.#queue.then(() => this.#unmount());
  }

  attributeChangedCallback(_name, before, after) {
    if (this.#started && before !== after) this.#remount();
  }

  options() {
    const options = {};
    for (const [attribute, option] of Object.entries(ATTRIBUTES)) {
      if (this.hasAttribute(attribute)) options[option] = this.getAttribute(attribute);
    }
    return options;
  }

  #unmount() {
    this.#mounted?.unmount();
    this.#mounted = null;
  }

  #remount() {
    this.#queue = this.#queue.then(async () => {
      this.#unmount();
      if (!this.isConnected) return;
      try {
        this.#mounted = await mount(this, this.options());
      } catch (err) {
        console.error(err);
        const root = this.shadowRoot ?? this.attachShadow({ mode: "open" });
        const message = document.createElement("p");
        message.setAttribute("role", "alert");
        message.className = "aw-embed-error";
        message.textContent = String(err?.message ?? err);
        root.append(message);
      }
    });
  }
}

if (!customElements.get("afterword-editor")) {
  customElements.define("afterword-editor", AfterwordEditor);
}
