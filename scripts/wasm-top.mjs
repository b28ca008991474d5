// Where the WebAssembly goes: code size per crate and per module, read
// from a build that keeps function names (cargo's output before
// wasm-bindgen and wasm-opt, which still has its "name" section).
//
//   node scripts/wasm-top.mjs [FILE.wasm] [ROWS]
//
// Sizes are the bytes of each function body and data segment, before
// wasm-opt: the shipped file is smaller, but the shares are what matter.
// Does what `twiggy top` does for this purpose, without installing it.
import fs from "node:fs";

const file = process.argv[2] ?? "target/wasm32-unknown-unknown/release/afterword.wasm";
const ROWS = Number(process.argv[3] ?? 25);
const buf = fs.readFileSync(file);

let pos = 8;
const u32 = () => {
  let result = 0;
  let shift = 0;
  for (;;) {
    const b = buf[pos++];
    result += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) return result;
  }
};
const str = () => {
  const len = u32();
  const s = buf.toString("utf8", pos, pos + len);
  pos += len;
  return s;
};

let imported = 0;
const bodies = [];
const names = new Map();
let data = 0;
let other = 0;
while (pos < buf.length) {
  const id = buf[pos++];
  const size = u32();
  const start = pos;
  const end = start + size;
  if (id === 2) {
    // Imports: functions among them take the first indices.
    const n = u32();
    for (let i = 0; i < n; i++) {
      str();
      str();
      const kind = buf[pos++];
      if (kind === 0) {
        u32();
        imported++;
      } else if (kind === 1) {
        pos++;
        const flags = u32();
        u32();
        if (flags & 1) u32();
      } else if (kind === 2) {
        const flags = u32();
        u32();
        if (flags & 1) u32();
      } else if (kind === 3) {
        pos += 2;
      } else {
        u32();
      }
    }
  } else if (id === 10) {
    const n = u32();
    for (let i = 0; i < n; i++) {
      const len = u32();
      bodies.push(len);
      pos += len;
    }
  } else if (id === 11) {
    data += size;
  } else if (id === 0) {
    const name = str();
    if (name === "name") {
      while (pos < end) {
        const sub = buf[pos++];
        const len = u32();
        const subEnd = pos + len;
        if (sub === 1) {
          const n = u32();
          for (let i = 0; i < n; i++) {
            const idx = u32();
            names.set(idx, str());
          }
        }
        pos = subEnd;
      }
    } else {
      other += size;
    }
  } else {
    other += size;
  }
  pos = end;
}

// Rust's legacy mangling: _ZN 3foo 3bar 17h0123456789abcdefE.
function demangle(name) {
  if (!name.startsWith("_ZN")) return name;
  const parts = [];
  let i = 3;
  while (i < name.length && name[i] !== "E") {
    let j = i;
    while (/[0-9]/.test(name[j])) j++;
    const len = Number(name.slice(i, j));
    if (!len) break;
    parts.push(name.slice(j, j + len));
    i = j + len;
  }
  if (parts.length && /^h[0-9a-f]{16}$/.test(parts[parts.length - 1])) parts.pop();
  return parts
    .join("::")
    .replace(/^_\$/, "$")
    .replace(/\$LT\$/g, "<")
    .replace(/\$GT\$/g, ">")
    .replace(/\$u20\$/g, " ")
    .replace(/\$RF\$/g, "&")
    .replace(/\$BP\$/g, "*")
    .replace(/\$C\$/g, ",")
    .replace(/\$u5b\$/g, "[")
    .replace(/\$u5d\$/g, "]")
    .replace(/\$u7b\$/g, "{")
    .replace(/\$u7d\$/g, "}")
    .replace(/\.\./g, "::")
    .replace(/\$u27\$/g, "'");
}

// The crate a function belongs to: the first crate path in its name, so
// `<afterword::X as core::fmt::Debug>::fmt` counts for afterword and
// `<T as tachys::view::Render>::build` for tachys.
// Rust's v0 mangling (`_R...`): the crates appear as `Cs<hash>_<len><name>`.
function v0(path) {
  const m = path.match(/^_R.*?C[A-Za-z0-9]*_(\d+)([a-z_][a-z0-9_]*)/);
  return m ? `${m[2].slice(0, Number(m[1]))}::(v0)` : path;
}
function owner(path) {
  const m = v0(path).match(/([a-z_][a-z0-9_]*)::/);
  return m ? m[1] : path;
}
// Two segments (`tachys::view`), three for the app's own crates
// (`afterword::components::home`).
function module(path) {
  const m = v0(path).match(/([a-z_][a-z0-9_]*)::([A-Za-z_][A-Za-z0-9_]*)(?:::([A-Za-z_][A-Za-z0-9_]*))?/);
  if (!m) return path;
  return m[1].startsWith("afterword") && m[3] ? `${m[1]}::${m[2]}::${m[3]}` : `${m[1]}::${m[2]}`;
}

const byCrate = new Map();
const byModule = new Map();
let code = 0;
for (const [i, size] of bodies.entries()) {
  const raw = names.get(i + imported) ?? `function[${i}]`;
  const path = demangle(raw);
  code += size;
  const c = owner(path);
  byCrate.set(c, (byCrate.get(c) ?? 0) + size);
  const m = module(path);
  byModule.set(m, (byModule.get(m) ?? 0) + size);
}
byCrate.set("(data: static text and tables)", data);

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const total = code + data + other;
console.log(`wasm-top: ${file}: ${kb(total)} (code ${kb(code)}, data ${kb(data)}, names and other sections ${kb(other)}); ${names.size} named functions`);
const show = (title, map) => {
  console.log(`top ${ROWS} by ${title}:`);
  for (const [k, v] of [...map].sort((a, b) => b[1] - a[1]).slice(0, ROWS)) {
    console.log(`  ${kb(v).padStart(9)}  ${((v * 100) / (code + data)).toFixed(1).padStart(5)}%  ${k}`);
  }
};
show("crate", byCrate);
show("module", byModule);
