// A small static server for the end-to-end tests: serves dist/ under a
// chosen base path (to prove sub-path hosting), with correct content types,
// optional extra headers (CSP), and a switch that makes the next sw.js look
// like a new deployment. With `compress`, text and wasm are sent with
// brotli or gzip as the README recommends (for the start-up benchmark).
import http from "node:http";
import zlib from "node:zlib";
import fs from "node:fs/promises";
import path from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
};

export async function startServer({ root = "dist", base = "/", headers = {}, extra = {}, compress = false } = {}) {
  const state = { swVersion: 0, requests: [] };
  const packed = new Map();
  const pack = (file, body, accept) => {
    const coding = /\bbr\b/.test(accept) ? "br" : /\bgzip\b/.test(accept) ? "gzip" : null;
    if (!compress || !coding || !/\.(html|js|css|wasm|json|svg|webmanifest)$/.test(file)) return { body };
    const key = `${coding}:${file}:${body.length}`;
    if (!packed.has(key)) {
      packed.set(key, coding === "br" ? zlib.brotliCompressSync(body) : zlib.gzipSync(body, { level: 9 }));
    }
    return { body: packed.get(key), coding };
  };
  const absRoot = path.resolve(root);
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    state.requests.push(url.pathname);
    if (extra[url.pathname]) {
      const { file, type } = extra[url.pathname];
      res.writeHead(200, { "content-type": type ?? TYPES[path.extname(file)] ?? "application/octet-stream", ...headers });
      res.end(await fs.readFile(file));
      return;
    }
    if (!url.pathname.startsWith(base)) {
      res.writeHead(404).end("not here");
      return;
    }
    let rel = decodeURIComponent(url.pathname.slice(base.length));
    if (rel === "" || rel.endsWith("/")) rel += "index.html";
    const file = path.resolve(absRoot, rel);
    if (!file.startsWith(absRoot)) {
      res.writeHead(403).end();
      return;
    }
    try {
      let body = await fs.readFile(file);
      if (rel === "sw.js" && state.swVersion > 0) {
        // A new deployment: same files, new build id, so a new cache.
        body = Buffer.from(body.toString().replace(/const BUILD = "([^"]+)"/, `const BUILD = "$1-v${state.swVersion}"`));
      }
      // As the README recommends: names with a content hash never change.
      const immutable = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/.test(rel);
      const sent = pack(file, body, req.headers["accept-encoding"] ?? "");
      res.writeHead(200, {
        "content-type": TYPES[path.extname(file)] ?? "application/octet-stream",
        "cache-control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
        ...(sent.coding ? { "content-encoding": sent.coding, vary: "accept-encoding" } : {}),
        ...headers,
      });
      res.end(sent.body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}${base}`,
    state,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
