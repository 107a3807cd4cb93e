// The end-to-end harness: serves the release build (dist/) on 127.0.0.1,
// drives Debian's Chromium through playwright-core, and guards every page:
//
//   - every request is recorded; one that leaves the page's origin fails the
//     test (and is aborted, so nothing leaks even while failing), and so
//     does one to the page's own origin for anything but a file of the
//     build, without a query string (a same-origin beacon, or answers
//     carried to the host's logs in an address, would be caught); the only
//     query the app's own page may be opened with is `?embed=1`/`?kiosk=1`;
//   - a Content-Security-Policy violation, a page error or a console error
//     fails the test;
//   - `axe(page)` runs axe-core with the WCAG 2.2 AA tags and fails on any
//     violation.
//
// Use: `const app = useApp();` at the top of a test file, then in each test
// `const { page } = await app.open(t);` — the guards are checked when the
// test ends.

import { after, before } from "node:test";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";
import AxeBuilder from "@axe-core/playwright";
import { serve } from "./server.mjs";
import { CHROMIUM, CHROMIUM_ARGS } from "./chromium.mjs";

export const DIST = process.env.E2E_DIST || "dist";
export { CHROMIUM, CHROMIUM_ARGS };

/** Chromium with the flags every test uses, and `args` beyond them (the
 * camera tests' fake capture device). */
export async function launch({ args = [] } = {}) {
  return chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, ...args] });
}

/** Every file of a build, as the paths a browser asks for ("/boot.js"). */
export function buildPaths(dist = DIST) {
  const paths = new Set(["/"]);
  const walk = (dir, prefix) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name), `${prefix}${entry.name}/`);
      else paths.add(`${prefix}${entry.name}`);
    }
  };
  walk(dist, "/");
  return paths;
}

/** The only query strings the app's page may be opened with. */
const FLAGS = /^\?(embed=1|kiosk=1)(&(embed=1|kiosk=1))?$/;

/**
 * Adds the guards to a browser context. Returns the list of problems found
 * so far (checked by `assertClean`). `origins` are the origins the page may
 * talk to (its own); there, only the build's files (`dist`) may be asked
 * for, and addresses a test opens on purpose (`allow`: "/path?query").
 */
export async function guard(context, origins, { dist = DIST, allow = [] } = {}) {
  const problems = [];
  const requests = [];
  const files = buildPaths(dist);
  await context.route("**/*", (route) => {
    const request = route.request();
    const url = new URL(request.url());
    requests.push(url.href);
    if (origins.includes(url.origin)) {
      const page = url.pathname === "/" || url.pathname === "/index.html";
      const known =
        (files.has(url.pathname) &&
          (url.search === "" || (page && request.isNavigationRequest() && FLAGS.test(url.search)))) ||
        allow.includes(url.pathname + url.search);
      if (known) return route.continue();
      problems.push(`request for something that is not a file of the build: ${url.href}`);
      return route.abort("blockedbyclient");
    }
    problems.push(`request left the origin: ${url.href}`);
    return route.abort("blockedbyclient");
  });
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"}`);
    });
  });
  const watch = (page) => {
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("console", (m) => {
      const text = m.text();
      if (m.type() === "error" || /Content Security Policy|Content-Security-Policy/i.test(text)) {
        problems.push(`console ${m.type()}: ${text}`);
      }
    });
    page.on("websocket", (ws) => problems.push(`websocket opened: ${ws.url()}`));
  };
  context.on("page", watch);
  for (const p of context.pages()) watch(p);
  return { problems, requests };
}

/** Fails if the guards saw anything, including CSP violations in any page. */
export async function assertClean(context, problems) {
  const found = [...problems];
  for (const page of context.pages()) {
    try {
      const csp = await page.evaluate(() => window.__cspViolations || []);
      found.push(...csp.map((v) => `CSP violation: ${v}`));
    } catch {
      // A page that has navigated away or closed has nothing left to report.
    }
  }
  assert.deepEqual(found, [], "the privacy and error guards found problems");
}

/** axe-core, WCAG 2.0/2.1/2.2 A and AA: fails on any violation. */
export async function axe(page, label = "") {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
  assert.deepEqual(summary, [], `axe found accessibility problems ${label}`);
}

/**
 * Serves dist/ and launches Chromium for the tests of one file. Each
 * `open(t)` gives a fresh context (empty storage) with the guards on; they
 * are checked when the test ends.
 */
export function useApp({ dist = DIST } = {}) {
  const app = { url: null, server: null, browser: null };
  before(async () => {
    app.server = await serve(dist);
    app.url = app.server.url;
    app.browser = await launch();
  });
  after(async () => {
    await app.browser?.close();
    await app.server?.close();
  });
  // `serviceWorkers: "block"`: a browser without the offline copy (so a
  // dropped connection really leaves a chunk out after a reload).
  app.open = async (t, { viewport = { width: 1280, height: 900 }, origins = [], locale = "en-US", serviceWorkers = "allow" } = {}) => {
    const context = await app.browser.newContext({ viewport, locale, serviceWorkers });
    const { problems, requests } = await guard(context, [app.url, ...origins]);
    const page = await context.newPage();
    t.after(async () => {
      try {
        await assertClean(context, problems);
      } finally {
        await context.close();
      }
    });
    return { page, context, problems, requests };
  };
  return app;
}

/**
 * In a test that drops the connection on purpose: the console lines of the
 * fetches it made fail are expected, and only those, so they are taken out
 * of the guard's problems.
 */
export function forgiveDropped(problems) {
  const expected = /net::ERR_INTERNET_DISCONNECTED|Failed to fetch|Failed to load resource/;
  problems.splice(0, problems.length, ...problems.filter((p) => !expected.test(p)));
}

/**
 * Holds the page's requests for URLs matching `pattern` until the function
 * it returns is called (a slow link, made to wait): then they go on.
 */
export async function hold(page, pattern) {
  let release;
  const held = new Promise((go) => (release = go));
  await page.route(pattern, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** Waits until the app has replaced the loading message with a page. */
export async function ready(page) {
  await page.locator("#page-heading").waitFor();
}
