// Trunk's post_build hook (Trunk.toml): everything that must happen to the
// staged build (TRUNK_STAGING_DIR, dist/.stage) before Trunk moves it to
// dist/, in order. Trunk runs the hooks of one stage at the same time, so
// the steps that depend on each other live in this one script.
//
//   1. Release builds only: minify the JavaScript (the wasm-bindgen glue and
//      assets/boot.js) with terser. Trunk's own minifier gives up on the
//      glue ("Failed to minify JS": it does not parse `export default`), so
//      without this the glue ships as written, 52 KB instead of 24 KB
//      (9.1 KB gzip instead of 6.9 KB).
//   2. Always: write the service worker (scripts/make-sw.mjs), which hashes
//      every file, so it must come after any change to them.
//   3. Release builds only: minify the service worker too. (It is not in its
//      own list of files, and its version comes from the template and the
//      files' hashes, so minifying it afterwards changes neither.)

import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { minify } from "terser";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("post-build: no TRUNK_STAGING_DIR (this is Trunk's post_build hook)");
  process.exit(2);
}

const release = process.env.TRUNK_PROFILE === "release";

// `module`: the glue and boot.js are ES modules; the service worker is a
// classic script, so its top-level names are left alone.
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

if (release) {
  for (const name of (await readdir(dir)).filter((n) => n.endsWith(".js") && n !== "sw.js").sort()) {
    await minifyFile(name, true);
  }
}
await import("./make-sw.mjs");
if (release) {
  await minifyFile("sw.js", false);
}
