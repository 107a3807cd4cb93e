// The app in the two other browser engines: Firefox ESR (Debian's
// firefox-esr, through geckodriver from crates.io) and WebKitGTK, the
// engine of Safari (Debian's WebKitWebDriver driving WebKitGTK's MiniBrowser
// on an Xvfb display). Driven over W3C WebDriver by the npm package
// selenium-webdriver, connected to a driver this file starts itself (so
// Selenium Manager, which would download drivers, never runs).
//
// The guard. WebDriver cannot intercept requests as Playwright does, so
// each test is guarded in three ways, all checked when it ends:
//   1. The test server (`serveGuarded`: dist/ on 127.0.0.1) records
//      every request and sends the app's own Content-Security-Policy once
//      more as a header, with `report-uri /__csp-report`: anything the page
//      tries to load from or send to another origin is blocked by the
//      policy, and the browser reports the violation to the test server.
//      A report fails the test, with what it says.
//   2. In the page (after each load, see `visit`): a `securitypolicyviolation`
//      listener, `error` and `unhandledrejection` listeners, and
//      `performance.getEntriesByType("resource")` / ("navigation"): every
//      URL the page loaded must be on its own origin.
//   3. The page's address must stay on the app's origin.
// tests/engines/guards.test.mjs shows each firing in each engine.

import { after, before } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServer } from "node:net";
import { Builder, By } from "selenium-webdriver";
import { createServer as createHttpServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, normalize, resolve } from "node:path";

export const DIST = process.env.E2E_DIST || "dist";
export const GECKODRIVER = process.env.GECKODRIVER || "geckodriver";
export const FIREFOX = process.env.FIREFOX || "/usr/bin/firefox-esr";
export const WEBKITDRIVER = process.env.WEBKITDRIVER || "WebKitWebDriver";
export const MINIBROWSER = process.env.MINIBROWSER || "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";
export const REPORT = "/__csp-report";

/** The app's own policy (index.html's meta) and a report address on its origin. */
function reportingPolicy() {
  const html = readFileSync(join(DIST, "index.html"), "utf8");
  // Minified: attributes in any order, quotes only where needed.
  const tag = html.match(/<meta\b[^>]*http-equiv="?Content-Security-Policy"?[^>]*>/i)[0];
  const csp = tag.match(/content="([^"]+)"/)[1];
  return `${csp}; report-uri ${REPORT}`;
}

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
};

/**
 * Serves `root` on 127.0.0.1:`port` with the reporting policy. Resolves to
 * { url, requests, reports, close }: every path asked for, and the body of
 * every CSP violation report.
 */
export async function serveGuarded(root, port, requests = [], reports = []) {
  const base = resolve(root);
  const policy = reportingPolicy();
  const server = createHttpServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    requests.push(path);
    if (path === REPORT) {
      let body = "";
      req.on("data", (d) => (body += d));
      req.on("end", () => {
        reports.push(body);
        res.writeHead(204).end();
      });
      return;
    }
    let file = normalize(join(base, path));
    if (!file.startsWith(base)) return res.writeHead(403).end();
    try {
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      res.writeHead(200, {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        "cache-control": "no-cache",
        "content-security-policy": policy,
      });
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  });
  await new Promise((ok) => server.listen(port, "127.0.0.1", ok));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    requests,
    reports,
    close: () =>
      new Promise((ok) => {
        server.close(ok);
        server.closeAllConnections();
      }),
  };
}

async function freePort() {
  const s = createServer();
  await new Promise((ok) => s.listen(0, "127.0.0.1", ok));
  const { port } = s.address();
  await new Promise((ok) => s.close(ok));
  return port;
}

async function waitForDriver(url, proc, name) {
  const until = Date.now() + 30000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`${name} exited (${proc.exitCode})`);
    try {
      const res = await fetch(`${url}/status`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`${name} did not start`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function stop(proc) {
  if (!proc || proc.exitCode !== null) return Promise.resolve();
  const exited = new Promise((ok) => proc.once("exit", ok));
  proc.kill("SIGTERM");
  return exited;
}

/** A virtual display for WebKitGTK: Xvfb picks a free display number itself. */
async function startXvfb() {
  const proc = spawn("Xvfb", ["-displayfd", "3", "-screen", "0", "1280x1024x24", "-nolisten", "tcp"], {
    stdio: ["ignore", "ignore", "ignore", "pipe"],
  });
  const display = await new Promise((ok, fail) => {
    let text = "";
    proc.stdio[3].on("data", (d) => {
      text += d;
      if (text.includes("\n")) ok(`:${text.trim()}`);
    });
    proc.once("exit", (code) => fail(new Error(`Xvfb exited (${code})`)));
    proc.once("error", fail);
  });
  return { proc, display };
}

const ENGINES = {
  firefox: {
    label: "Firefox ESR",
    missing() {
      if (spawnSync(GECKODRIVER, ["--version"]).error) return `geckodriver is missing (cargo install geckodriver; bash scripts/setup.sh test)`;
      if (!existsSync(FIREFOX)) return `${FIREFOX} is missing (Debian package firefox-esr)`;
      return null;
    },
    async start(port) {
      const proc = spawn(GECKODRIVER, ["--host", "127.0.0.1", "--port", String(port), "--log", "error"], { stdio: ["ignore", "ignore", "inherit"] });
      return { procs: [proc], env: {} };
    },
    capabilities(downloads) {
      return {
        browserName: "firefox",
        "moz:firefoxOptions": {
          binary: FIREFOX,
          args: ["-headless", "-width", "1280", "-height", "900"],
          prefs: {
            // Downloads go to a folder of the test's own, without asking.
            "browser.download.folderList": 2,
            "browser.download.dir": downloads,
            "browser.download.useDownloadDir": true,
            "browser.download.always_ask_before_handling_new_types": false,
            "browser.download.start_downloads_in_tmp_dir": false,
            "browser.helperApps.neverAsk.saveToDisk": "application/json,text/csv,application/octet-stream",
            // Firefox's own calls home (they are the browser's, not the page's).
            "app.update.enabled": false,
            "browser.shell.checkDefaultBrowser": false,
            "datareporting.policy.dataSubmissionEnabled": false,
            "toolkit.telemetry.enabled": false,
            "network.captive-portal-service.enabled": false,
            "network.connectivity-service.enabled": false,
          },
        },
      };
    },
  },
  webkit: {
    label: "WebKitGTK",
    missing() {
      if (spawnSync(WEBKITDRIVER, ["--version"]).error) return `WebKitWebDriver is missing (Debian package webkit2gtk-driver)`;
      if (!existsSync(MINIBROWSER)) return `${MINIBROWSER} is missing (Debian package libwebkit2gtk-4.1-0)`;
      if (spawnSync("Xvfb", ["-help"]).error) return "Xvfb is missing (Debian package xvfb)";
      return null;
    },
    async start(port) {
      const xvfb = await startXvfb();
      const env = { ...process.env, DISPLAY: xvfb.display };
      const proc = spawn(WEBKITDRIVER, [`--host=127.0.0.1`, `--port=${port}`], { env, stdio: ["ignore", "ignore", "inherit"] });
      return { procs: [proc, xvfb.proc], env };
    },
    capabilities() {
      return {
        browserName: "MiniBrowser",
        "webkitgtk:browserOptions": { binary: MINIBROWSER, args: ["--automation"] },
      };
    },
  },
};

/**
 * Starts the driver and the guarded test server for one test file. Each
 * `open()` starts a fresh browser session (empty storage) and returns a
 * `Page`; the guards are checked by `page.close()`.
 */
export function useEngine(name) {
  const engine = ENGINES[name];
  const ctx = { name, label: engine.label, url: null, server: null, skip: engine.missing() };
  let driver;
  let driverUrl;
  let port;
  before(async () => {
    if (ctx.skip) return;
    port = await freePort();
    ctx.server = await serveGuarded(DIST, port);
    ctx.url = ctx.server.url;
    const dport = await freePort();
    driver = await engine.start(dport);
    driverUrl = `http://127.0.0.1:${dport}`;
    await waitForDriver(driverUrl, driver.procs[0], name);
  });
  after(async () => {
    await ctx.server?.close();
    for (const p of driver?.procs ?? []) await stop(p);
  });
  /** Shuts the server down (the network is gone for the app), or brings it back on the same port. */
  ctx.serverDown = async () => {
    await ctx.server.close();
  };
  ctx.serverUp = async () => {
    ctx.server = await serveGuarded(DIST, port, ctx.server.requests, ctx.server.reports);
  };
  ctx.open = async () => {
    const downloads = mkdtempSync(join(tmpdir(), `hr-${name}-dl-`));
    const d = await new Builder().usingServer(driverUrl).withCapabilities(engine.capabilities(downloads)).build();
    await d.manage().setTimeouts({ script: 60000, pageLoad: 60000 });
    const from = ctx.server.requests.length;
    const fromReports = ctx.server.reports.length;
    return new Page(ctx, d, downloads, () => ctx.server.requests.slice(from), () => ctx.server.reports.slice(fromReports));
  };
  return ctx;
}

/** XPath string literal for any text. */
export function xq(s) {
  if (!s.includes("'")) return `'${s}'`;
  if (!s.includes('"')) return `"${s}"`;
  return `concat(${s.split("'").map((p) => `'${p}'`).join(`, "'", `)})`;
}

const GUARD_SCRIPT = `
  if (!window.__guard) {
    const g = (window.__guard = []);
    document.addEventListener("securitypolicyviolation", (e) => g.push("CSP violation: " + e.violatedDirective + " blocked " + (e.blockedURI || "inline")));
    window.addEventListener("error", (e) => g.push("page error: " + (e.message || (e.target && e.target.src) || "unknown")), true);
    window.addEventListener("unhandledrejection", (e) => g.push("unhandled rejection: " + String(e.reason)));
  }
  const origin = location.origin;
  for (const e of performance.getEntriesByType("resource").concat(performance.getEntriesByType("navigation"))) {
    // (Firefox names the navigation entry "document", not by its URL.)
    if (!e.name.startsWith(origin + "/") && e.name !== "document") window.__guard.push("request left the origin: " + e.name);
  }
  return window.__guard.splice(0);
`;

/** A browser session on the app, in a user's terms: labels, names, text. */
export class Page {
  constructor(ctx, driver, downloads, requests, reports) {
    this.ctx = ctx;
    this.d = driver;
    this.downloads = downloads;
    this.requests = requests;
    this.reports = reports;
    this.problems = [];
  }

  /** Runs the in-page guard (installing it if the page is new), keeping what it found. */
  async sweep() {
    try {
      const url = await this.d.getCurrentUrl();
      if (url === "about:blank") return; // a new session, before the first visit
      if (!url.startsWith(this.ctx.url + "/")) {
        this.problems.push(`the page left the origin: ${url}`);
        return;
      }
      this.problems.push(...(await this.d.executeScript(GUARD_SCRIPT)));
    } catch (e) {
      this.problems.push(`guard could not run: ${e.message}`);
    }
  }

  /** Fails if any guard saw anything; ends the session. */
  async close() {
    try {
      await this.sweep();
      for (const report of this.reports()) this.problems.push(`a CSP violation report reached the server: ${report}`);
      assert.deepEqual(this.problems, [], `the privacy and error guards found problems in ${this.ctx.label}`);
    } finally {
      await this.d.quit().catch(() => {});
      rmSync(this.downloads, { recursive: true, force: true });
    }
  }

  async waitFor(fn, what, ms = 20000) {
    const until = Date.now() + ms;
    let last;
    for (;;) {
      try {
        const v = await fn();
        if (v) return v;
      } catch (e) {
        last = e;
      }
      if (Date.now() > until) throw new Error(`${this.ctx.label}: timed out waiting for ${what}${last ? ` (${last.message})` : ""}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Opens the app at `?query#fragment` and waits until it has started. */
  async visit(fragment = "/", query = "") {
    await this.sweep().catch(() => {});
    await this.d.get(`${this.ctx.url}/${query}#${fragment}`);
    await this.ready();
  }

  async reload() {
    await this.sweep();
    await this.d.navigate().refresh();
    await this.ready();
  }

  async ready() {
    await this.waitFor(async () => (await this.d.findElements(By.id("page-heading"))).length > 0, "the app to start");
    await this.sweep();
  }

  async url() {
    return this.d.getCurrentUrl();
  }

  async heading() {
    return (await this.d.findElement(By.css("h1")).getText()).trim();
  }

  async expectHeading(text, ms) {
    await this.waitFor(async () => (await this.heading()) === text, `the heading “${text}”`, ms);
  }

  async bodyText() {
    return this.d.findElement(By.css("body")).getText();
  }

  async waitText(text, ms) {
    try {
      await this.waitFor(async () => (await this.bodyText()).includes(text), `the text “${text}”`, ms);
    } catch (e) {
      // Say what the page said instead (an error message, usually).
      const body = await this.bodyText().catch((x) => `(unreadable: ${x.message})`);
      await this.sweep();
      e.message += `\nAt ${await this.url().catch(() => "?")} the page says:\n${body.slice(0, 1500)}\nGuards: ${JSON.stringify(this.problems)}`;
      throw e;
    }
  }

  /** A button by its name (visible text, or aria-label); `prefix` accepts a longer name. */
  async button(name, { prefix = false } = {}) {
    const text = prefix ? `starts-with(normalize-space(.), ${xq(name)})` : `normalize-space(.)=${xq(name)}`;
    return this.waitFor(async () => {
      for (const el of await this.d.findElements(By.xpath(`//button[${text} or @aria-label=${xq(name)}]`))) {
        if (await el.isDisplayed()) return el;
      }
      return null;
    }, `the button “${name}”`);
  }

  async click(name, options) {
    await (await this.button(name, options)).click();
  }

  async clickLink(name) {
    const el = await this.waitFor(
      async () => (await this.d.findElements(By.xpath(`//a[starts-with(normalize-space(.), ${xq(name)})]`)))[0],
      `the link “${name}”`,
    );
    await el.click();
  }

  /** A form field by its label's text (exact), through the label's `for`. */
  async field(label) {
    return this.waitFor(async () => {
      const labels = await this.d.findElements(By.xpath(`//label[normalize-space(.)=${xq(label)}]`));
      for (const l of labels) {
        const id = await l.getAttribute("for");
        if (id) return this.d.findElement(By.id(id));
        const inner = await l.findElements(By.css("input, textarea, select"));
        if (inner.length) return inner[0];
      }
      return null;
    }, `the field “${label}”`);
  }

  /**
   * Types into a field one key at a time, as a person does, waiting for
   * each to land. (WebKitGTK's driver sends keys faster than the page takes
   * them: typed in one go, "purple kettle harbour" reached the passphrase
   * field as "purple ket".)
   */
  async fill(label, text) {
    const el = await this.field(label);
    await el.clear();
    let typed = "";
    for (const key of text) {
      typed += key;
      await el.sendKeys(key);
      try {
        await this.waitFor(async () => (await el.getProperty("value")) === typed, `“${label}” to hold “${typed}”`, 5000);
      } catch (e) {
        e.message += ` (it holds “${await el.getProperty("value")}”)`;
        throw e;
      }
    }
  }

  /**
   * After a change of page the app draws the new page, scrolls to the top
   * and gives the page's heading the focus. Waits for that, so that a click
   * is not aimed at a spot the scroll then moves.
   */
  async settled() {
    await this.waitFor(
      async () => (await this.d.executeScript("return document.activeElement && document.activeElement.id")) === "page-heading",
      "the new page to take the focus",
    );
  }

  /**
   * Answers a statement (its fieldset's legend) by clicking the answer's
   * label. If the answer is not checked within 5 s the label is clicked
   * once more, as a person would: on a machine this busy, WebKitGTK's
   * driver has been seen to land a click where the label was a moment
   * before. A radio that does not take the click fails all the same.
   */
  async answer(statement, label) {
    const xpath = `//fieldset[legend[normalize-space(.)=${xq(statement)}]]//label[normalize-space(.)=${xq(label)}]`;
    const find = () => this.waitFor(async () => (await this.d.findElements(By.xpath(xpath)))[0], `“${label}” for “${statement}”`);
    await (await find()).click();
    const checked = async () => (await this.answerOf(statement)) === label;
    try {
      await this.waitFor(checked, `“${label}” to be checked`, 5000);
    } catch {
      console.log(`# ${this.ctx.label}: “${label}” for “${statement.slice(0, 40)}…” not checked after 5 s; clicking again`);
      await (await find()).click();
      await this.waitFor(checked, `“${label}” to be checked (clicked twice)`);
    }
  }

  /** The checked answer of a statement, or null. */
  async answerOf(statement) {
    const group = await this.d.findElement(By.xpath(`//fieldset[legend[normalize-space(.)=${xq(statement)}]]`));
    for (const radio of await group.findElements(By.css("input[type=radio]"))) {
      if (await radio.isSelected()) {
        const id = await radio.getAttribute("id");
        return (await group.findElement(By.css(`label[for="${id}"]`)).getText()).trim();
      }
    }
    return null;
  }

  /** The statements (legends of fieldsets with answer radios) on this page. */
  async statements() {
    const legends = await this.d.findElements(By.xpath(`//fieldset[.//label[normalize-space(.)='Strongly agree']]/legend`));
    return Promise.all(legends.map(async (l) => (await l.getText()).trim()));
  }

  /** Everything this app keeps in localStorage. */
  async stored() {
    return this.d.executeScript(`
      const out = {};
      for (let i = 0; i < localStorage.length; i++) {
        const k = localStorage.key(i);
        if (k.startsWith("hr-readiness:")) out[k] = localStorage.getItem(k);
      }
      return out;`);
  }

  /** The rows of the results table, { domain: balance }. */
  async balances() {
    const table = await this.d.findElement(By.xpath(`//*[@aria-label='The numbers behind the chart']//table`));
    const out = {};
    for (const row of await table.findElements(By.xpath(".//tbody/tr"))) {
      const name = (await row.findElement(By.xpath("./th")).getText()).trim();
      const cells = await row.findElements(By.xpath("./td"));
      out[name] = (await cells[1].getText()).trim();
    }
    return out;
  }
}
