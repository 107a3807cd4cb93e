// Writes the service worker (dist/sw.js) from its template (assets/sw.js)
// and the build's actual output, so its list of files can never go stale.
//
// Run after every build by scripts/post-build.mjs, Trunk's post_build hook
// (Trunk.toml), after any minification and when index.html and every other file are already in Trunk's staging
// directory (TRUNK_STAGING_DIR, dist/.stage) and before Trunk moves them to
// dist/. By hand: `node scripts/make-sw.mjs DIR` for a built directory DIR.
//
// The worker gets:
//   - files: every file in the directory except sw.js itself, as URLs
//     relative to the worker, each with its SHA-384 (an SRI "integrity"
//     value the worker checks when it caches the file);
//   - version: a hash of the template and of every file name and hash. Any
//     change to any file changes the version, so the worker's bytes change,
//     the browser installs it, and it caches the new build under a new name.

import { createHash } from "node:crypto";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

const TEMPLATE = join(dirname(fileURLToPath(import.meta.url)), "..", "assets", "sw.js");
const OUTPUT = "sw.js";
const MARK = "const BUILD = __BUILD__;";

const dir = process.argv[2] || process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("make-sw: no directory (run by Trunk as a post_build hook, or: node scripts/make-sw.mjs DIR)");
  process.exit(2);
}

async function listFiles(root) {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath ?? e.path, e.name)).split(sep).join("/"))
    .filter((name) => name !== OUTPUT)
    .sort();
}

const template = await readFile(TEMPLATE, "utf8");
if (template.split(MARK).length !== 2) {
  throw new Error(`make-sw: ${TEMPLATE} must contain ${MARK} exactly once`);
}

const files = [];
const version = createHash("sha256").update(template);
for (const name of await listFiles(dir)) {
  const body = await readFile(join(dir, name));
  const integrity = `sha384-${createHash("sha384").update(body).digest("base64")}`;
  const url = name.split("/").map(encodeURIComponent).join("/");
  files.push({ url, integrity });
  version.update(`${url}\n${integrity}\n`);
}
if (!files.some((f) => f.url === "index.html")) {
  throw new Error(`make-sw: no index.html in ${dir}; is this hook running before Trunk wrote it?`);
}

const build = {
  version: version.digest("hex").slice(0, 20),
  files,
};
// One file per line, so a diff of two builds' sw.js reads well.
const json = `{\n  "version": ${JSON.stringify(build.version)},\n  "files": [\n${files
  .map((f) => `    ${JSON.stringify(f)}`)
  .join(",\n")}\n  ]\n}`;
await writeFile(join(dir, OUTPUT), template.replace(MARK, () => `const BUILD = ${json};`));
console.log(`make-sw: ${OUTPUT} version ${build.version}, ${files.length} files precached`);
