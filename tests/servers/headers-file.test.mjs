// Netlify and Cloudflare Pages are services, not packages, so they cannot
// run here. What they read can: the release's site/_headers must set the
// same headers as the nginx and Caddy configurations (which run in
// nginx.test.mjs and caddy.test.mjs), and an immutable rule for every
// content-hashed file, and nothing else for any other file.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createHash } from "node:crypto";
import { HASHED, ROOT, expectedSecurityHeaders, releaseSite } from "./common.mjs";

const site = releaseSite();

/** _headers as [{ path, headers: { name: value } }]. */
function parse(text) {
  const rules = [];
  for (const line of text.split("\n")) {
    if (!line.trim() || line.trimStart().startsWith("#")) continue;
    if (!/^\s/.test(line)) rules.push({ path: line.trim(), headers: {} });
    else {
      const [, name, value] = line.match(/^\s+([^:]+):\s*(.*)$/);
      rules.at(-1).headers[name.toLowerCase()] = value.trim();
    }
  }
  return rules;
}

test("_headers: every path gets the security headers", () => {
  const rules = parse(readFileSync(join(site, "_headers"), "utf8"));
  assert.equal(rules[0].path, "/*");
  assert.deepEqual(rules[0].headers, expectedSecurityHeaders(site));
});

test("_headers: one immutable rule per hashed file, and none for other files", () => {
  const rules = parse(readFileSync(join(site, "_headers"), "utf8")).slice(1);
  const hashed = readdirSync(site, { recursive: true }).filter((f) => HASHED.test(f)).sort();
  assert.ok(hashed.length >= 3, "hashed .js, .wasm and .css");
  assert.deepEqual(rules.map((r) => r.path), hashed.map((f) => `/${f}`));
  for (const r of rules) assert.deepEqual(r.headers, { "cache-control": "public, max-age=31536000, immutable" }, r.path);
});

test("the nginx and Caddy configurations state the same CSP, Permissions-Policy and frame-ancestors default", () => {
  const want = expectedSecurityHeaders(site);
  const nginx = readFileSync(join(ROOT, "deploy", "nginx", "hr-readiness.conf"), "utf8");
  const caddy = readFileSync(join(ROOT, "deploy", "caddy", "Caddyfile"), "utf8");
  assert.ok(nginx.includes(`"${want["permissions-policy"]}"`), "nginx Permissions-Policy");
  assert.ok(caddy.includes(`"${want["permissions-policy"]}"`), "Caddy Permissions-Policy");
  assert.ok(caddy.includes(`"${want["content-security-policy"]}"`), "Caddy CSP");
  assert.ok(nginx.includes(`"${want["content-security-policy"].replace("frame-ancestors 'self'", "frame-ancestors $hr_frame_ancestors")}"`), "nginx CSP");
  assert.ok(nginx.includes(`set $hr_frame_ancestors "'self'";`), "nginx frame-ancestors default");
});

test("the release folder: its SHA-256 list covers every file and matches", () => {
  const top = join(site, "..");
  const list = readFileSync(join(top, "SHA256SUMS"), "utf8").trim().split("\n");
  const names = list.map((l) => l.slice(66));
  const files = readdirSync(top, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name !== "SHA256SUMS")
    .map((e) => join(e.parentPath, e.name).slice(top.length + 1))
    .sort();
  assert.deepEqual([...names].sort(), files);
  for (const line of list) {
    const [hash, name] = [line.slice(0, 64), line.slice(66)];
    assert.equal(createHash("sha256").update(readFileSync(join(top, name))).digest("hex"), hash, name);
  }
  assert.ok(names.includes("site/index.html") && names.includes("site/404.html") && names.includes("DEPLOY.md"));
});
