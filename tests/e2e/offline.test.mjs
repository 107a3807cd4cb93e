// Offline and installing: after one visit the app opens, works and keeps
// answers with no network at all; a new build replaces the stored copy; the
// manifest and icons make it installable; the service worker's list of files
// is the build's, so it cannot go stale; registering it breaks no guard.
//
// The network is really gone in these tests: the server that served the
// first visit is shut down (not just emulated offline), every request the
// browser still tries is aborted and recorded, and Chromium's own
// "offline" switch is on.

import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { execFile } from "node:child_process";
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { runInNewContext } from "node:vm";
import { chromium } from "playwright-core";
import { assertClean, CHROMIUM, CHROMIUM_ARGS, DIST, guard, ready, useApp } from "./harness.mjs";
import { answer, answerOf, continueOn, expectHeading, offlineReady } from "./pages.mjs";
import { serve } from "./server.mjs";

const app = useApp();
const run = promisify(execFile);
const MAKE_SW = fileURLToPath(new URL("../../scripts/make-sw.mjs", import.meta.url));
// Each test takes a few seconds; a worker that never installs must not hang the run.
const LIMIT = { timeout: 30_000 };
const LEADERS = "Our organization's leadership supports harm reduction services.";
const STAFF = "We employ peer workers or other people with lived experience of drug use.";

/** Every file in a directory, as slash-separated paths, sorted. */
async function filesIn(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath ?? e.path, e.name)).split(sep).join("/"))
    .sort();
}

/** What a build's service worker will precache: every file but sw.js itself. */
async function buildFiles(dir) {
  return (await filesIn(dir)).filter((f) => f !== "sw.js");
}

/**
 * The BUILD object written into a built sw.js by scripts/make-sw.mjs (and
 * minified with the rest in a release build): the worker's code is run in a
 * bare VM context with a stand-in `self`, and BUILD is what it defines.
 */
async function swBuild(dir) {
  const sw = await readFile(join(dir, "sw.js"), "utf8");
  const self = {
    registration: { scope: "http://127.0.0.1/app/" },
    location: { href: "http://127.0.0.1/app/sw.js" },
    addEventListener() {},
  };
  const build = runInNewContext(`${sw}\n;BUILD`, { self, URL, Set });
  assert.ok(build && Array.isArray(build.files), `${dir}/sw.js holds the generated file list`);
  // Out of the VM's realm, so deepStrictEqual compares plain objects.
  return JSON.parse(JSON.stringify(build));
}

/**
 * Waits until the service worker is active, controls the page and has
 * cached the build; returns its scope, this app's caches and the cached
 * files (relative to the scope).
 */
async function offlineCopy(page) {
  await offlineReady(page);
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const scope = new URL(registration.scope);
    const names = (await caches.keys()).filter((n) => n.startsWith(`hr-readiness ${scope.href} `));
    const files = [];
    if (names.length === 1) {
      for (const request of await (await caches.open(names[0])).keys()) {
        files.push(decodeURIComponent(new URL(request.url).pathname.slice(scope.pathname.length)));
      }
    }
    return { scope: scope.href, caches: names, files: files.sort() };
  });
}

/** A fresh browser context on `server` with the harness's guards on. */
async function openOn(t, server) {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: "allow" });
  // Opened on purpose by the tests below: a bookmark with a query, and a
  // path that is not the app's.
  const { problems } = await guard(context, [server.url], { allow: ["/index.html?from=bookmark", "/no/such/page"] });
  const page = await context.newPage();
  t.after(async () => {
    try {
      await assertClean(context, problems);
    } finally {
      await context.close();
      await server.close();
    }
  });
  return { context, page };
}

/**
 * Like `openOn`, but without the harness's request routing, because
 * Playwright turns the browser's HTTP cache off while any route is set and
 * one test needs that cache. The other guards stay: a request off the
 * origin (recorded, not blocked: this app makes none), a console error, a
 * page error or a CSP violation fails the test.
 */
async function openUnrouted(t, server) {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: "allow" });
  const problems = [];
  context.on("request", (request) => {
    if (new URL(request.url()).origin !== server.url) problems.push(`request left the origin: ${request.url()}`);
  });
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"}`);
    });
  });
  const page = await context.newPage();
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => m.type() === "error" && problems.push(`console error: ${m.text()}`));
  t.after(async () => {
    try {
      await assertClean(context, problems);
    } finally {
      await context.close();
      await server.close();
    }
  });
  return { context, page };
}

/** Takes the network away: stops the server and aborts (and records) every request. */
async function goOffline(context, server) {
  await server.close();
  await assert.rejects(fetch(`${server.url}/`), "the server is gone");
  await context.setOffline(true);
  const attempts = [];
  await context.route("**/*", (route) => {
    attempts.push(route.request().url());
    return route.abort("internetdisconnected");
  });
  return attempts;
}

// Longer than the others: it opens every page.
test("after one visit the app opens, works and keeps answers with no network at all; every page and both languages", { timeout: 90_000 }, async (t) => {
  const server = await serve(DIST);
  const { context, page } = await openOn(t, server);
  await page.goto(`${server.url}/#/`);
  await ready(page);
  const copy = await offlineCopy(page);
  assert.equal(copy.scope, `${server.url}/`);
  assert.equal(copy.caches.length, 1, "one cache for this build");
  assert.deepEqual(copy.files, await buildFiles(DIST), "every file of the build is cached");

  const attempts = await goOffline(context, server);

  const reloaded = await page.reload();
  assert.ok(reloaded.fromServiceWorker(), "the page came from the service worker");
  await expectHeading(page, "How ready is your organization for harm reduction?");
  await page.getByRole("link", { name: "Start now" }).click();
  await expectHeading(page, "About your organization");
  await continueOn(page);
  await expectHeading(page, "Leadership");
  await answer(page, LEADERS, "Strongly agree");
  await page.getByRole("status").filter({ hasText: /^Saved on this device\./ }).waitFor();

  await page.reload();
  await expectHeading(page, "Leadership");
  assert.equal(await answerOf(page, LEADERS), "Strongly agree", "the answer survived an offline reload");

  // Opening the app from elsewhere (a bookmark with a query, the home screen).
  await page.goto(`${server.url}/index.html?from=bookmark#/section/staff`);
  await expectHeading(page, "Staff");
  await answer(page, STAFF, "I don't know");
  await page.getByRole("status").filter({ hasText: /^Saved on this device\./ }).waitFor();
  // A path that is not the app's: offline, the browser is sent to the app.
  await page.goto(`${server.url}/no/such/page#/section/leadership`);
  await expectHeading(page, "Leadership");
  assert.equal(page.url(), `${server.url}/#/section/leadership`);
  assert.equal(await answerOf(page, LEADERS), "Strongly agree");
  await page.goto(`${server.url}/#/section/staff`);
  await expectHeading(page, "Staff");
  assert.equal(await answerOf(page, STAFF), "I don't know");

  // Every page loaded on demand opens from its chunk in the cache (the
  // visit before going offline fetched none of them), in both languages.
  for (const fragment of ["/check", "/results", "/plan", "/compare", "/method", "/privacy", "/assessments", "/protect", "/team", "/team/present", "/consensus"]) {
    await page.goto(`${server.url}/#${fragment}`);
    await ready(page);
    const heading = (await page.getByRole("heading", { level: 1 }).innerText()).trim();
    assert.notEqual(heading, "This page could not be loaded", `${fragment} opens offline`);
  }
  await page.goto(`${server.url}/#/results`);
  await expectHeading(page, "Your results");
  await page.getByRole("button", { name: "Español" }).click();
  await expectHeading(page, "Sus resultados");
  await page.goto(`${server.url}/#/method`);
  await expectHeading(page, "¿Cómo se calcula?");
  await page.getByRole("button", { name: "English" }).click();
  await expectHeading(page, "How is this calculated?");

  // Every other page of the build (the quick exit's neutral page) opens too.
  for (const other of (await buildFiles(DIST)).filter((f) => f.endsWith(".html") && f !== "index.html")) {
    const response = await page.goto(`${server.url}/${other}`);
    assert.ok(response.ok() && response.fromServiceWorker(), `${other} opens offline`);
  }

  // The only requests that tried the network: the path that is not the
  // app's, and (if the browser checked for a new version) sw.js.
  assert.deepEqual(
    attempts.filter((url) => url !== `${server.url}/sw.js`),
    [`${server.url}/no/such/page`],
    "nothing else needed the network",
  );
});

test("a new build replaces the stored copy, and the old copy is deleted", LIMIT, async (t) => {
  const dir = await mkdtemp(join(tmpdir(), "hr-offline-"));
  t.after(() => rm(dir, { recursive: true, force: true }));
  await cp(DIST, dir, { recursive: true });
  // Cacheable for an hour, as many hosts serve files: the browser's HTTP
  // cache will hold the old boot.js, which the new worker must not keep.
  const server = await serve(dir, { extraHeaders: () => ({ "cache-control": "max-age=3600" }) });
  const { page } = await openUnrouted(t, server);
  await page.goto(`${server.url}/#/`);
  await ready(page);
  const first = await offlineCopy(page);
  const oldVersion = (await swBuild(dir)).version;
  assert.deepEqual(first.caches, [`hr-readiness ${server.url}/ ${oldVersion}`]);

  // The next build: one file changes, the hook writes a new sw.js.
  await writeFile(join(dir, "boot.js"), `${await readFile(join(dir, "boot.js"), "utf8")}\n// the next build\n`);
  await run(process.execPath, [MAKE_SW, dir]);
  const newVersion = (await swBuild(dir)).version;
  assert.notEqual(newVersion, oldVersion);

  // Browsers check sw.js on their own when the app is opened; ask now.
  const changed = page.evaluate(
    () => new Promise((done) => navigator.serviceWorker.addEventListener("controllerchange", done, { once: true })),
  );
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  changed.catch(() => {});
  let timer;
  await Promise.race([
    changed,
    new Promise((_, fail) => {
      timer = setTimeout(() => fail(new Error("the new build's worker did not take over in 10 s")), 10_000);
    }),
  ]).finally(() => clearTimeout(timer));
  const second = await offlineCopy(page);
  assert.deepEqual(second.caches, [`hr-readiness ${server.url}/ ${newVersion}`], "only the new build's cache is left");
  assert.deepEqual(second.files, await buildFiles(dir));
  // Unchanged files came from the HTTP cache; boot.js's stale copy there
  // failed its hash, so it alone was fetched again.
  const fetched = server.requests.slice(server.requests.lastIndexOf("/sw.js"));
  assert.deepEqual(fetched, ["/sw.js", "/boot.js"]);

  await page.reload();
  await ready(page);
  const boot = await page.evaluate(async () => (await fetch("boot.js")).text());
  assert.ok(boot.includes("// the next build"), "the app now runs the new build");
});

test("the manifest and icons make the app installable", LIMIT, async (t) => {
  const { page } = await app.open(t);
  await page.goto(`${app.url}/#/`);
  await ready(page);
  const head = await page.evaluate(() => ({
    manifest: document.querySelector('link[rel="manifest"]')?.href,
    theme: document.querySelector('meta[name="theme-color"]')?.content,
    appleTouchIcon: document.querySelector('link[rel="apple-touch-icon"]')?.href,
  }));
  assert.equal(head.manifest, `${app.url}/manifest.webmanifest`);

  const response = await fetch(head.manifest);
  assert.equal(response.status, 200);
  const manifest = JSON.parse(await response.text());
  for (const key of ["name", "short_name", "start_url", "scope", "display", "theme_color", "background_color", "icons"]) {
    assert.ok(manifest[key], `the manifest has ${key}`);
  }
  assert.ok(manifest.short_name.length <= 12, "the short name fits under an icon");
  assert.equal(manifest.display, "standalone");
  assert.equal(new URL(manifest.start_url, head.manifest).href, `${app.url}/`);
  assert.equal(new URL(manifest.scope, head.manifest).href, `${app.url}/`);
  assert.match(manifest.theme_color, /^#[0-9a-f]{6}$/i);
  assert.match(manifest.background_color, /^#[0-9a-f]{6}$/i);
  assert.equal(head.theme, manifest.theme_color, "the page's theme-color is the manifest's");

  // Each icon exists, has the stated type and pixel size.
  const pngSize = (bytes) => {
    assert.equal(bytes.subarray(1, 4).toString("latin1"), "PNG", "a PNG file");
    return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
  };
  const icons = [...manifest.icons, { src: head.appleTouchIcon, sizes: "180x180", type: "image/png" }];
  for (const icon of icons) {
    const url = new URL(icon.src, head.manifest).href;
    const file = await fetch(url);
    assert.equal(file.status, 200, `${icon.src} exists`);
    assert.equal(file.headers.get("content-type"), icon.type, `${icon.src} is ${icon.type}`);
    const bytes = Buffer.from(await file.arrayBuffer());
    if (icon.type === "image/png") assert.equal(pngSize(bytes), icon.sizes, `${icon.src} is ${icon.sizes}`);
    else assert.equal(icon.sizes, "any");
  }
  const has = (sizes, purpose) =>
    manifest.icons.some((i) => i.sizes === sizes && i.type === "image/png" && (i.purpose ?? "any").split(" ").includes(purpose));
  assert.ok(has("192x192", "any") && has("512x512", "any") && has("512x512", "maskable"));

  // The maskable icon fills its square, and everything but the background
  // lies inside the central circle (radius 40%) that every mask keeps.
  const maskable = manifest.icons.find((i) => i.purpose === "maskable");
  const check = await page.evaluate(async (src) => {
    const img = new Image();
    img.src = src;
    await img.decode();
    const canvas = document.createElement("canvas");
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const g = canvas.getContext("2d");
    g.drawImage(img, 0, 0);
    const { data, width, height } = g.getImageData(0, 0, canvas.width, canvas.height);
    const at = (x, y) => Array.from(data.subarray((y * width + x) * 4, (y * width + x) * 4 + 4));
    const bg = at(0, 0);
    let transparent = 0;
    let outside = 0;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const p = at(x, y);
        if (p[3] < 255) transparent++;
        const r = Math.hypot(x + 0.5 - width / 2, y + 0.5 - height / 2);
        if (r > 0.4 * width && p.some((v, i) => Math.abs(v - bg[i]) > 8)) outside++;
      }
    }
    return { transparent, outside };
  }, new URL(maskable.src, head.manifest).href);
  assert.deepEqual(check, { transparent: 0, outside: 0 });
});

test("Chromium finds nothing that stops installing the app", LIMIT, async (t) => {
  // A normal (not incognito-like) profile: Chromium refuses to install from
  // incognito, which is what Playwright's ordinary contexts are.
  const profile = await mkdtemp(join(tmpdir(), "hr-profile-"));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const { problems } = await guard(context, [app.url]);
  t.after(async () => {
    try {
      await assertClean(context, problems);
    } finally {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    }
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${app.url}/#/`);
  await ready(page);
  await offlineCopy(page);
  const cdp = await context.newCDPSession(page);
  const manifest = await cdp.send("Page.getAppManifest");
  assert.deepEqual(manifest.errors, [], "the manifest parses cleanly");
  const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
  assert.deepEqual(installabilityErrors, []);
});

test("the service worker's file list is exactly the build's, and changes with any file", LIMIT, async () => {
  const build = await swBuild(DIST);
  assert.deepEqual(
    build.files.map((f) => decodeURIComponent(f.url)),
    await buildFiles(DIST),
    "sw.js precaches every file in dist, and only those",
  );
  for (const { url, integrity } of build.files) {
    const body = await readFile(join(DIST, decodeURIComponent(url)));
    assert.equal(integrity, `sha384-${createHash("sha384").update(body).digest("base64")}`, `${url} hash`);
  }
  assert.match(build.version, /^[0-9a-f]{20}$/);

  // The hook on a copy of the build: same files, same sw.js; one byte
  // different anywhere, a different sw.js (so browsers fetch the update).
  const dir = await mkdtemp(join(tmpdir(), "hr-sw-"));
  try {
    await cp(DIST, dir, { recursive: true });
    const make = async () => {
      await run(process.execPath, [MAKE_SW, dir]);
      return readFile(join(dir, "sw.js"), "utf8");
    };
    const a = await make();
    assert.equal(await make(), a, "the same build gives the same service worker");
    const icon = (await buildFiles(dir)).find((f) => f.endsWith(".png")) ?? "index.html";
    const bytes = await readFile(join(dir, icon));
    bytes[bytes.length - 1] ^= 1;
    await writeFile(join(dir, icon), bytes);
    const b = await make();
    assert.notEqual(b, a, `changing ${icon} changes sw.js`);
    assert.notEqual((await swBuild(dir)).version, build.version);
    assert.doesNotMatch(b, /const BUILD = __BUILD__/, "the template's placeholder is filled in");
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("the service worker is registered after the app starts, by a relative URL, with no error", LIMIT, async (t) => {
  const { page, context } = await app.open(t);
  await context.addInitScript(() => {
    window.__registrations = [];
    const register = ServiceWorkerContainer.prototype.register;
    ServiceWorkerContainer.prototype.register = function (url, options) {
      window.__registrations.push({ url: String(url), appStarted: !!document.getElementById("page-heading") });
      return register.call(this, url, options);
    };
  });
  await page.goto(`${app.url}/#/section/leadership`);
  await expectHeading(page, "Leadership");
  const copy = await offlineCopy(page);
  assert.equal(copy.scope, `${app.url}/`);
  assert.deepEqual(await page.evaluate(() => window.__registrations), [{ url: "sw.js", appStarted: true }]);
  // The guards (checked when the test ends) fail it on any console error,
  // page error or CSP violation while the worker registers and installs.
});
