// Trunk's post_build hook (Trunk.toml): everything that must happen to the
// staged build (TRUNK_STAGING_DIR, dist/.stage) before Trunk moves it to
// dist/, in order. Trunk runs the hooks of one stage at the same time, so
// the steps that depend on each other live in this one script.
//
//   0. Always: write the app's file names into index.html (see
//      pointIndexAtApp below).
//   1. Release builds only: minify what Trunk no longer minifies. Trunk's
//      `minify` setting is off (Trunk.toml), because its JavaScript minifier
//      cannot parse the wasm-bindgen glue (it does not parse `export
//      default`) and logged "WARN Failed to minify JS" on every build. So:
//      the JavaScript (the glue and assets/boot.js) with terser (the glue
//      shipped as written would be 52 KB instead of 24 KB); the CSS with
//      lightningcss and index.html with minify-html, the same minifiers
//      Trunk uses, with the stylesheets' integrity attributes in index.html
//      computed again for the minified files.
//   2. Always: write the service worker (scripts/make-sw.mjs), which hashes
//      every file, so it must come after any change to them.
//   3. Release builds only: minify the service worker too. (It is not in its
//      own list of files, and its version comes from the template and the
//      files' hashes, so minifying it afterwards changes neither.)

import { createHash } from "node:crypto";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { transform } from "lightningcss";
import minifyHtml from "@minify-html/node";
import { minify } from "terser";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("post-build: no TRUNK_STAGING_DIR (this is Trunk's post_build hook)");
  process.exit(2);
}

const release = process.env.TRUNK_PROFILE === "release";

// `module`: the glue and boot.js are ES modules; the service worker and
// exit.js are classic scripts, so their top-level names are left alone.
async function minifyFile(name, module) {
  const path = join(dir, name);
  const code = await readFile(path, "utf8");
  const out = await minify(code, {
    module,
    ecma: 2020,
    compress: { passes: 2 },
    mangle: true,
    format: { comments: false },
  });
  if (typeof out.code !== "string" || out.code.length === 0) {
    throw new Error(`post-build: terser returned nothing for ${name}`);
  }
  await writeFile(path, out.code);
  console.log(`post-build: ${name} minified, ${code.length} → ${out.code.length} bytes`);
}

/** Minifies each stylesheet; returns the new integrity value of each changed one. */
async function minifyCss() {
  const integrity = new Map();
  for (const name of (await readdir(dir)).filter((n) => n.endsWith(".css")).sort()) {
    const path = join(dir, name);
    const code = await readFile(path);
    const out = transform({ filename: name, code, minify: true }).code;
    await writeFile(path, out);
    integrity.set(name, `sha384-${createHash("sha384").update(out).digest("base64")}`);
    console.log(`post-build: ${name} minified, ${code.length} → ${out.length} bytes`);
  }
  return integrity;
}

/** Points each stylesheet's integrity attribute at its minified file, then minifies index.html. */
async function minifyIndex(integrity) {
  const path = join(dir, "index.html");
  let html = await readFile(path, "utf8");
  for (const [name, value] of integrity) {
    const tag = new RegExp(`(<link[^>]*href="[^"]*${name.replace(/[.]/g, "\\.")}"[^>]*integrity=")[^"]*(")`);
    if (!tag.test(html)) throw new Error(`post-build: no integrity attribute for ${name} in index.html`);
    html = html.replace(tag, `$1${value}$2`);
  }
  const out = minifyHtml
    // Spec-compliant output (the defaults), closing tags kept: as Trunk did.
    .minify(Buffer.from(html), { keep_closing_tags: true, minify_css: true, minify_js: true })
    .toString();
  await writeFile(path, out);
  console.log(`post-build: index.html minified, ${html.length} → ${out.length} bytes`);
}

/**
 * Points index.html at the app that scripts/split.mjs (the build hook) put
 * in app-<hash>/: boot.js's data attributes name the first module's glue
 * and WebAssembly, and preload links fetch both while boot.js loads (the
 * chunks are fetched when first needed). The skipped rust link goes.
 */
async function pointIndexAtApp() {
  const folders = (await readdir(dir)).filter((n) => /^app-[0-9a-f]{16}$/.test(n));
  if (folders.length !== 1) throw new Error(`post-build: expected one app-<hash> folder in ${dir}, found ${folders.length}`);
  const [app] = folders;
  const files = await readdir(join(dir, app));
  for (const f of ["hr-readiness.js", "hr-readiness_bg.wasm"]) {
    if (!files.includes(f)) throw new Error(`post-build: no ${f} in ${app}`);
  }
  const js = `./${app}/hr-readiness.js`;
  const wasm = `./${app}/hr-readiness_bg.wasm`;
  const path = join(dir, "index.html");
  let html = await readFile(path, "utf8");
  const skipped = /[ \t]*<link\b[^>]*\bdata-trunk-skip\b[^>]*>\n?/;
  const boot = /<script type="module" src="boot\.js" data-app-js="" data-app-wasm=""><\/script>/;
  if (!boot.test(html)) throw new Error("post-build: index.html has no boot.js script tag to fill in");
  html = html.replace(skipped, "").replace(
    boot,
    `<link rel="modulepreload" href="${js}"><link rel="preload" href="${wasm}" as="fetch" type="application/wasm" crossorigin="anonymous">` +
      `<script type="module" src="boot.js" data-app-js="${js}" data-app-wasm="${wasm}"></script>`,
  );
  await writeFile(path, html);
  console.log(`post-build: index.html starts ${js}`);
}

await pointIndexAtApp();
if (release) {
  // sw.js is minified below, once written; exit.js is a classic script.
  const scripts = (await readdir(dir, { recursive: true })).filter((n) => n.endsWith(".js") && n !== "sw.js" && n !== "exit.js").sort();
  for (const name of scripts) {
    await minifyFile(name, true);
  }
  await minifyFile("exit.js", false);
  await minifyIndex(await minifyCss());
}
await import("./make-sw.mjs");
if (release) {
  await minifyFile("sw.js", false);
}
