// Shared by the real-server tests (nginx.test.mjs, caddy.test.mjs): each
// starts a real web server with the repository's configuration (deploy/),
// serving the release's site/ folder (scripts/release.sh), on a random
// loopback port, and then
//   - checks every header of index.html, a hashed .wasm, a hashed .js, sw.js
//     and the other unhashed files, a 404, and the Netlify/Cloudflare header
//     file (which must not be served);
//   - runs a short journey in Chromium with the end-to-end guards
//     (tests/e2e/harness.mjs: no request off the origin, no CSP violation,
//     no page or console error, which includes Chromium's complaints about a
//     Permissions-Policy it cannot parse).

import { test as testAs } from "node:test";
import assert from "node:assert/strict";
import { request } from "node:http";
import { createServer } from "node:net";
import { readdirSync, readFileSync, existsSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { assertClean, guard, launch, ready } from "../e2e/harness.mjs";
import { answer, answerOf, domainTable, expectHeading, offlineReady, visit } from "../e2e/pages.mjs";

export const ROOT = resolve(import.meta.dirname, "..", "..");
// Content-hashed: the app's folder (app-<hash>/, scripts/split.mjs) and
// Trunk's hashed stylesheets (name-<hash>.css).
export const HASHED = /^app-[0-9a-f]{16}\/[^/]+\.(js|wasm)$|-[0-9a-f]{8,16}\.css$/;
const FUNDING = "Adequate funding is available to support harm reduction in our organization.";

/** The release's site/ folder: $RELEASE_SITE, or release/hr-readiness-<version>/site. */
export function releaseSite() {
  if (process.env.RELEASE_SITE) return resolve(process.env.RELEASE_SITE);
  const cargo = readFileSync(join(ROOT, "Cargo.toml"), "utf8");
  const version = cargo.split("[package]")[1].match(/^version\s*=\s*"([^"]+)"/m)[1];
  const site = join(ROOT, "release", `hr-readiness-${version}`, "site");
  assert.ok(existsSync(join(site, "index.html")), `no release in ${site}: run bash scripts/release.sh --no-build first`);
  return site;
}

/** A free port on 127.0.0.1 (asked of the system, then released for the server). */
export async function freePort() {
  const s = createServer();
  await new Promise((ok) => s.listen(0, "127.0.0.1", ok));
  const { port } = s.address();
  await new Promise((ok) => s.close(ok));
  return port;
}

/**
 * Stops a server process: `signal` first (its graceful stop), SIGKILL if it
 * has not exited within 10 s, so a server that waits on a connection can
 * never hold the test run.
 */
export async function stopServer(server, signal) {
  if (!server || server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((ok) => server.once("exit", ok));
  server.kill(signal);
  const late = setTimeout(() => server.kill("SIGKILL"), 10000);
  await exited;
  clearTimeout(late);
}

/** Replaces `from` by `to` in a configuration, failing if it is not there exactly once. */
export function substitute(text, from, to) {
  assert.equal(text.split(from).length, 2, `the configuration must contain ${JSON.stringify(from)} exactly once`);
  return text.replace(from, () => to);
}

/** A GET with raw headers (no decompression): { status, headers, body }. */
export function get(url, headers = {}) {
  return new Promise((ok, fail) => {
    const req = request(url, { headers }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => ok({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", fail);
    req.end();
  });
}

/** Waits until the server answers. */
export async function waitUp(url, log = () => "") {
  const until = Date.now() + 20000;
  for (;;) {
    try {
      await get(url);
      return;
    } catch (e) {
      if (Date.now() > until) throw new Error(`the server did not start at ${url}: ${e.message}\n${log()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** The policy index.html states in its <meta>, as built. */
function metaCsp(site) {
  const html = readFileSync(join(site, "index.html"), "utf8");
  // Minified: attributes in any order, quotes only where needed.
  const tag = html.match(/<meta\b[^>]*http-equiv="?Content-Security-Policy"?[^>]*>/i);
  assert.ok(tag, "index.html has a CSP meta tag");
  return tag[0].match(/content="([^"]+)"/)[1].trim();
}

/** The canonical Permissions-Policy: the one in deploy/pages/_headers. */
export function permissionsPolicy() {
  const text = readFileSync(join(ROOT, "deploy", "pages", "_headers"), "utf8");
  return text.match(/^\s+Permissions-Policy: (.+)$/m)[1].trim();
}

/** What every response must carry. */
export function expectedSecurityHeaders(site) {
  return {
    "content-security-policy": `${metaCsp(site)}; frame-ancestors 'self'`,
    "referrer-policy": "no-referrer",
    "x-content-type-options": "nosniff",
    "permissions-policy": permissionsPolicy(),
    "cross-origin-opener-policy": "same-origin",
  };
}

function checkSecurity(res, site, what) {
  for (const [name, value] of Object.entries(expectedSecurityHeaders(site))) {
    assert.equal(res.headers[name], value, `${what}: ${name}`);
  }
}

const IMMUTABLE = "public, max-age=31536000, immutable";

/** The header checks, one test each, against a running server at `base()`. */
export function headerTests(label, base, site) {
  const test = (name, ...rest) => testAs(`${label}: ${name}`, ...rest);
  const files = readdirSync(site, { recursive: true })
    .map((f) => f.split("\\").join("/"))
    .filter((f) => statSync(join(site, f)).isFile());
  // The first module: big enough to compress (a chunk of a few hundred
  // bytes may be sent as it is, below a server's minimum for gzip).
  const wasm = files.find((f) => HASHED.test(f) && f.endsWith("_bg.wasm"));
  const js = files.find((f) => HASHED.test(f) && f.endsWith(".js"));
  const css = files.find((f) => HASHED.test(f) && f.endsWith(".css"));

  test("the release holds hashed .wasm, .js and .css files", () => {
    assert.ok(wasm && js && css, `hashed files in ${files.join(", ")}`);
  });

  test("the Permissions-Policy turns every feature off but the camera (scanning answer codes) and clipboard-write, for the app's own origin only", () => {
    const rules = permissionsPolicy().split(/,\s*/);
    for (const rule of rules) {
      if (rule.startsWith("clipboard-write=")) assert.equal(rule, "clipboard-write=(self)");
      else if (rule.startsWith("camera=")) assert.equal(rule, "camera=(self)");
      else assert.match(rule, /^[a-z-]+=\(\)$/, rule);
    }
    assert.ok(rules.includes("camera=(self)"), "camera");
    for (const f of ["microphone", "geolocation", "payment", "usb", "display-capture"]) assert.ok(rules.includes(`${f}=()`), f);
  });

  test("index.html (at / and by name): security headers, HTML, revalidated every time", async () => {
    for (const path of ["/", "/index.html"]) {
      const res = await get(base() + path);
      assert.equal(res.status, 200, path);
      checkSecurity(res, site, path);
      assert.match(res.headers["content-type"], /^text\/html; charset=utf-8$/i, path);
      assert.equal(res.headers["cache-control"], "no-cache", path);
      assert.equal(res.body.toString(), readFileSync(join(site, "index.html"), "utf8"));
    }
    // Revalidation is cheap: an unchanged index.html answers 304.
    const first = await get(`${base()}/index.html`);
    const validator = first.headers.etag
      ? { "if-none-match": first.headers.etag }
      : { "if-modified-since": first.headers["last-modified"] };
    assert.ok(first.headers.etag || first.headers["last-modified"], "a validator");
    assert.equal((await get(`${base()}/index.html`, validator)).status, 304);
  });

  test("the hashed .wasm: application/wasm, immutable for a year, compressed", async () => {
    const res = await get(`${base()}/${wasm}`);
    assert.equal(res.status, 200);
    checkSecurity(res, site, wasm);
    assert.equal(res.headers["content-type"], "application/wasm");
    assert.equal(res.headers["cache-control"], IMMUTABLE);
    assert.ok(res.body.equals(readFileSync(join(site, wasm))), "the same bytes");
    const gz = await get(`${base()}/${wasm}`, { "accept-encoding": "gzip" });
    assert.equal(gz.headers["content-encoding"], "gzip");
    assert.ok(gz.body.length < res.body.length / 2, "gzip sends less than half");
  });

  test("the hashed .js and .css: JavaScript and CSS, immutable for a year", async () => {
    const res = await get(`${base()}/${js}`);
    assert.equal(res.status, 200);
    checkSecurity(res, site, js);
    assert.match(res.headers["content-type"], /^(text|application)\/javascript(; charset=utf-8)?$/i);
    assert.equal(res.headers["cache-control"], IMMUTABLE);
    const style = await get(`${base()}/${css}`);
    assert.match(style.headers["content-type"], /^text\/css(; charset=utf-8)?$/i);
    assert.equal(style.headers["cache-control"], IMMUTABLE);
  });

  test("sw.js, boot.js, the manifest, icons and the quick-exit page: revalidated every time", async () => {
    const types = {
      "/sw.js": /^(text|application)\/javascript/,
      "/boot.js": /^(text|application)\/javascript/,
      "/manifest.webmanifest": /^application\/manifest\+json/,
      "/icon.svg": /^image\/svg\+xml/,
      "/icon-192.png": /^image\/png$/,
      "/away.html": /^text\/html/,
    };
    for (const [path, type] of Object.entries(types)) {
      const res = await get(base() + path);
      assert.equal(res.status, 200, path);
      checkSecurity(res, site, path);
      assert.match(res.headers["content-type"], type, path);
      assert.equal(res.headers["cache-control"], "no-cache", path);
    }
    // Every unhashed file of the release gets the same rule.
    for (const f of files.filter((f) => !HASHED.test(f) && f !== "_headers" && f !== "404.html")) {
      assert.equal((await get(`${base()}/${f}`)).headers["cache-control"], "no-cache", f);
    }
  });

  test("unknown paths: 404 with the release's 404.html and the same headers; no listing, no _headers", async () => {
    for (const path of ["/no-such-page", "/section/funding", "/deploy/", "/../Cargo.toml", "/_headers"]) {
      const res = await get(base() + path);
      assert.equal(res.status, 404, path);
      checkSecurity(res, site, path);
      if (path !== "/_headers") assert.match(res.body.toString(), /Page not found/, path);
    }
  });
}

/** A short journey in Chromium, guarded as the end-to-end tests are. */
export function journeyTest(label, base) {
  testAs(`${label}: ` + "journey: answer, reload, results, offline reload, quick exit; nothing leaves the origin", async () => {
    const browser = await launch();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const { problems, requests } = await guard(context, [base()]);
      const page = await context.newPage();
      await visit(page, base(), "/section/funding");
      // Chromium applies the Permissions-Policy: no feature is left on but
      // the camera (the team view's "Scan codes") and writing to the
      // clipboard, both for the app's own origin only, and those that
      // restrict nothing the app could do (client hints only say what a
      // server may ask for; this one asks for none). A feature a newer
      // Chromium adds fails here: add it.
      const allowed = await page.evaluate(() => document.featurePolicy.allowedFeatures());
      const used = new Set(["camera", "clipboard-write"]);
      const harmless = new Set(["cross-origin-isolated", "aria-notify"]);
      assert.deepEqual(allowed.filter((f) => !used.has(f) && !harmless.has(f) && !f.startsWith("ch-")), [], "features left on");
      assert.ok(allowed.includes("camera") && allowed.includes("clipboard-write"));
      assert.deepEqual(
        await page.evaluate(() => document.featurePolicy.getAllowlistForFeature("camera")),
        [base()],
        "the camera for the app's own origin only",
      );
      await answer(page, FUNDING, "Strongly disagree");
      await page.getByRole("status").filter({ hasText: /^Saved on this device\./ }).waitFor();
      await page.reload();
      await ready(page);
      assert.equal(await answerOf(page, FUNDING), "Strongly disagree");
      await visit(page, base(), "/results");
      await expectHeading(page, "Your results");
      assert.equal((await domainTable(page)).Funding.balance, "−100");
      // The service worker works under these headers: offline, it reloads.
      await offlineReady(page);
      await context.setOffline(true);
      await page.reload();
      await ready(page);
      await expectHeading(page, "Your results");
      await context.setOffline(false);
      await page.getByRole("button", { name: /^Quick exit/ }).click();
      await page.waitForURL(/away\.html$/);
      assert.ok(requests.length > 5, "the guard saw the requests");
      await assertClean(context, problems);
    } finally {
      await context.close();
      await browser.close();
    }
  });
}
