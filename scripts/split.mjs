// Trunk's build hook (Trunk.toml): builds the app's WebAssembly and cuts it
// into a first module and chunks loaded on demand, into Trunk's staging
// directory. Trunk 0.21 cannot run the splitter between its cargo build and
// wasm-bindgen, so index.html tells Trunk to skip the Rust build
// (data-trunk-skip) and this script does those steps itself, the same ones
// cargo-leptos's `--split` takes:
//
//   1. cargo build for wasm32 with the `split` feature (the split points),
//      the linker keeping its relocations
//      (`--emit-relocs`: the splitter needs them to move code between
//      modules);
//   1b. the Spanish texts out of the module: the custom section `hr_es`
//      (crates/i18n-macros) leaves the module, and becomes two files
//      (hr_assessment::lifted) once step 4 is done: es.bin, the texts the
//      first module names, fetched when Spanish is chosen, and
//      es-chunks.bin, the rest, fetched with the first chunk shown in
//      Spanish;
//   2. wasm-split-cli (crate wasm_split_cli_support, installed by
//      scripts/setup.sh): the first module, one module per split point
//      (src/ui/on_demand.rs) and shared chunks, and __wasm_split.js, which
//      fetches them;
//   3. wasm-bindgen on the first module (--keep-lld-exports: the chunks
//      import from it); then out of the first module and its glue, the
//      JavaScript classes of wasm-streams, which no page uses (below, 3b);
//   4. release builds: wasm-opt -Oz on every module;
//   5. everything goes into one folder named by the hash of its contents,
//      app-<16 hex digits>/, so a new build never mixes with a cached old
//      one, and the files inside keep the names they refer to each other by.
//
// scripts/post-build.mjs then points index.html at the folder's files.

import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const NAME = "hr-readiness";
const TARGET = "wasm32-unknown-unknown";

const stage = process.env.TRUNK_STAGING_DIR;
if (!stage) {
  console.error("split: no TRUNK_STAGING_DIR (this is Trunk's build hook)");
  process.exit(2);
}
const release = process.env.TRUNK_PROFILE === "release";
const targetDir = process.env.CARGO_TARGET_DIR || "target";
const work = join(targetDir, "split", release ? "release" : "debug");

// `quiet`: lines of the tool's error output that say nothing to act on.
function run(command, args, { quiet = null } = {}) {
  console.log(`split: ${command} ${args.join(" ")}`);
  const r = spawnSync(command, args, { stdio: ["inherit", "inherit", quiet ? "pipe" : "inherit"] });
  if (r.error) throw new Error(`split: ${command}: ${r.error.message}`);
  if (quiet) {
    const said = r.stderr.toString().split("\n").filter((line) => line && !quiet.test(line));
    if (said.length) console.error(said.join("\n"));
  }
  if (r.status !== 0) throw new Error(`split: ${command} exited with ${r.status}`);
}

// 1. The linked module, relocations kept. `--config` adds the flag to the
// target's rustflags in .cargo/config.toml (cargo joins the two lists).
const profile = release ? ["--release"] : [];
run("cargo", [
  "build",
  ...profile,
  "--target",
  TARGET,
  "--bin",
  NAME,
  "--features",
  "split",
  "--config",
  `target.${TARGET}.rustflags=["-Clink-args=--emit-relocs", "--cfg", "hr_lift"]`,
]);
const built = join(targetDir, TARGET, release ? "release" : "debug", `${NAME}.wasm`);

// 1b. The Spanish texts.
const split = join(work, "split");
const bound = join(work, "bound");
rmSync(work, { recursive: true, force: true });
mkdirSync(split, { recursive: true });
mkdirSync(bound, { recursive: true });
const linked = join(work, `${NAME}.wasm`);
const { module, spanish } = liftSpanish(readFileSync(built));
writeFileSync(linked, module);

// 2. The split.
run("wasm-split-cli", ["--target", "web", "--out-name", NAME, linked, split]);

// 3. The bindings of the first module.
run("wasm-bindgen", [
  "--target",
  "web",
  "--keep-lld-exports",
  "--no-typescript",
  "--out-name",
  NAME,
  "--out-dir",
  bound,
  join(split, `${NAME}.wasm`),
]);
for (const file of readdirSync(split)) {
  if (file !== `${NAME}.wasm`) copyFileSync(join(split, file), join(bound, file));
}

// 3b. Leptos depends on server_fn with its `browser` feature, which brings
// wasm-streams, whose three classes (a Rust stream seen from JavaScript as
// a ReadableStream or WritableStream) are exported to JavaScript: every
// visitor downloaded them, with the code behind them, and nothing here
// makes one (the app has no server functions). Their 13 exports leave the
// first module (wasm-opt then drops the code only they reached: 1.5 KB
// gzip) and their classes leave the glue. The glue is wasm-bindgen's, at
// the version in Cargo.lock: if its shape changes, this stops the build
// rather than leave a class calling an export that is gone.
{
  const wasmPath = join(bound, `${NAME}_bg.wasm`);
  const jsPath = join(bound, `${NAME}.js`);
  const { module: pruned, dropped } = dropExports(readFileSync(wasmPath), /^(__wbg_)?intounderlying(bytesource|sink|source)_/);
  let js = readFileSync(jsPath, "utf8");
  const pieces = [
    [/^export class (IntoUnderlying\w+) \{\n[\s\S]*?\n\}\nif \(Symbol\.dispose\) \1\.prototype\[Symbol\.dispose\] = \1\.prototype\.free;\n/gm, 3],
    [/^const IntoUnderlying\w+Finalization = [^;]*;\n/gm, 3],
    [/^const __wbindgen_enum_ReadableStreamType = \["bytes"\];\n/gm, 1],
  ];
  for (const [pattern, expected] of pieces) {
    const found = js.match(pattern)?.length ?? 0;
    if (found !== expected) throw new Error(`split: expected ${expected} of ${pattern} in the glue, found ${found}`);
    js = js.replace(pattern, "");
  }
  if (dropped !== 13 || /intounderlying|ReadableStreamType/i.test(js)) {
    throw new Error(`split: wasm-streams' classes: ${dropped} exports dropped (13 expected), or still named in the glue`);
  }
  writeFileSync(wasmPath, pruned);
  writeFileSync(jsPath, js);
}

// 4. Size.
if (release) {
  for (const file of readdirSync(bound).filter((f) => f.endsWith(".wasm"))) {
    const path = join(bound, file);
    // The splitter writes a kind of name subsection wasm-opt 132 does not
    // know; it says so once per module, and drops the names anyway.
    run("wasm-opt", ["-Oz", "--enable-bulk-memory", "--enable-nontrapping-float-to-int", path, "-o", path], {
      quiet: /^warning: unknown name subsection with id \d+ at \d+$/,
    });
  }
}

// 4b. The Spanish texts in two files: those the first module names, and
// those of the code that reads what is stored (it runs before the app
// starts, and first-module views show what it says: another tab's change,
// say), in es.bin; the rest, the texts of the pages and notices of the
// chunks, in es-chunks.bin.
{
  const first = [`${NAME}_bg.wasm`, "split_stored.wasm", ...chunksOf("stored", readFileSync(join(split, "__wasm_split.js"), "utf8"))];
  const named = new Set();
  for (const file of first) for (const key of namedKeys(readFileSync(join(bound, file)), spanish.keys())) named.add(key);
  const keys = [...spanish.keys()];
  writeFileSync(join(bound, "es.bin"), packTexts(spanish, keys.filter((k) => named.has(k))));
  writeFileSync(join(bound, "es-chunks.bin"), packTexts(spanish, keys.filter((k) => !named.has(k))));
  console.log(`split: ${named.size} of ${keys.length} Spanish texts in es.bin (${first.length} modules), the rest in es-chunks.bin`);
}

// 5. One folder named by its contents.
const files = readdirSync(bound).sort();
const hash = createHash("sha256");
for (const file of files) hash.update(`${file}\n`).update(readFileSync(join(bound, file)));
const folder = join(stage, `app-${hash.digest("hex").slice(0, 16)}`);
mkdirSync(folder, { recursive: true });
for (const file of files) copyFileSync(join(bound, file), join(folder, file));
console.log(`split: ${files.length} files in ${folder}`);

/** The module without the exports whose names match `pattern`. */
function dropExports(wasm, pattern) {
  const parts = [wasm.subarray(0, 8)];
  let at = 8;
  let dropped = 0;
  while (at < wasm.length) {
    const start = at;
    const id = wasm[at];
    const [size, body] = leb(wasm, at + 1);
    const end = body + size;
    if (id !== 7) {
      parts.push(wasm.subarray(start, end));
    } else {
      const [count, first] = leb(wasm, body);
      const kept = [];
      let entry = first;
      for (let n = 0; n < count; n++) {
        const [length, name] = leb(wasm, entry);
        const [, next] = leb(wasm, name + length + 1);
        if (pattern.test(Buffer.from(wasm.subarray(name, name + length)).toString())) dropped++;
        else kept.push(wasm.subarray(entry, next));
        entry = next;
      }
      const section = Buffer.concat([unsignedLeb(kept.length), ...kept]);
      parts.push(Buffer.from([7]), unsignedLeb(section.length), section);
    }
    at = end;
  }
  return { module: Buffer.concat(parts), dropped };
}

/** `value` as an unsigned LEB128 number. */
function unsignedLeb(value) {
  const bytes = [];
  do {
    let b = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) b |= 0x80;
    bytes.push(b);
  } while (value);
  return Buffer.from(bytes);
}

/** An unsigned LEB128 number at `at`: [value, the offset after it]. */
function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[at++];
    value += (b & 0x7f) * 2 ** shift;
    if (!(b & 0x80)) return [value, at];
    shift += 7;
  }
}

/**
 * The module without its `hr_es` custom section (after the code and the
 * data, so that no section the relocations name is renumbered), and the
 * texts it held as es.bin (its format: hr_assessment::lifted), each
 * distinct text once. Two different texts with one key stop the build.
 */
function liftSpanish(wasm) {
  const parts = [wasm.subarray(0, 8)];
  const entries = new Map();
  let at = 8;
  let found = 0;
  while (at < wasm.length) {
    const start = at;
    const id = wasm[at];
    const [size, body] = leb(wasm, at + 1);
    const end = body + size;
    if (id === 0) {
      const [nameLength, nameAt] = leb(wasm, body);
      const name = wasm.subarray(nameAt, nameAt + nameLength).toString("utf8");
      if (name === "hr_es") {
        found++;
        const payload = wasm.subarray(nameAt + nameLength, end);
        for (let p = 0; p < payload.length; ) {
          const key = payload.readUInt32LE(p);
          const length = payload.readUInt32LE(p + 4);
          const text = payload.subarray(p + 8, p + 8 + length);
          if (p + 8 + length > payload.length) throw new Error("split: the section hr_es ends inside an entry");
          const seen = entries.get(key);
          if (seen && !seen.equals(text)) throw new Error(`split: two Spanish texts have the key ${key}: change a word of one`);
          entries.set(key, text);
          p += 8 + length;
        }
        at = end;
        continue;
      }
    }
    // The relocations name their target sections by number: a section the
    // texts came before would be renumbered.
    if (found && id !== 0) throw new Error("split: the section hr_es is not after the code and data");
    parts.push(wasm.subarray(start, end));
    at = end;
  }
  if (!found || !entries.size) throw new Error("split: no Spanish texts in the module (was it built with --cfg hr_lift?)");
  console.log(`split: ${entries.size} Spanish texts lifted out`);
  return { module: Buffer.concat(parts), spanish: entries };
}

/**
 * A file of texts (hr_assessment::lifted): no keys (a text's key is its
 * own hash, which the reader computes; random keys would not compress),
 * the texts in key order.
 */
function packTexts(entries, keys) {
  keys = [...keys].sort((a, b) => a - b);
  const head = Buffer.alloc(8 + 4 * keys.length);
  head.write("HRES", 0, "latin1");
  head.writeUInt32LE(keys.length, 4);
  keys.forEach((key, i) => head.writeUInt32LE(entries.get(key).length, 8 + 4 * i));
  return Buffer.concat([head, ...keys.map((key) => entries.get(key))]);
}

/**
 * The keys among `keys` that a module names: a pair's key is a constant of
 * the code that shows it (`i32.const`, its signed LEB128 after the opcode
 * 0x41), or 4 bytes of a table in the data. Read as bytes, not decoded: a
 * key is a 32-bit hash, so bytes that only look like one are rare, and they
 * cost a text in es.bin that could have waited, never a missing one.
 */
function namedKeys(wasm, keys) {
  const named = [];
  for (const key of keys) {
    const le = Buffer.alloc(4);
    le.writeUInt32LE(key);
    if (wasm.includes(Buffer.concat([Buffer.from([0x41]), sleb32(key)])) || wasm.includes(le)) named.push(key);
  }
  return named;
}

/** A 32-bit key as wasm writes an `i32.const`: signed LEB128. */
function sleb32(key) {
  let v = key | 0;
  const out = [];
  for (;;) {
    const b = v & 0x7f;
    v >>= 7;
    if ((v === 0 && !(b & 0x40)) || (v === -1 && b & 0x40)) return Buffer.from([...out, b]);
    out.push(b | 0x80);
  }
}

/**
 * The shared chunks a split point's group loads, from the splitter's
 * loader: it writes each chunk's groups in a comment above it
 * ("/* library, notices, stored *\/ const __chunk_13 = makeLoad(...").
 */
function chunksOf(group, loader) {
  const chunks = [...loader.matchAll(/\/\* ([a-z_, ]+) \*\/\s*const __chunk_(\d+) = makeLoad/g)];
  if (!chunks.length) throw new Error("split: the splitter's loader no longer names each chunk's groups; scripts/split.mjs must learn its new form");
  return chunks.filter((m) => m[1].split(", ").includes(group)).map((m) => `chunk_${m[2]}.wasm`);
}
