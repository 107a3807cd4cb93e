// The journeys that matter, run in each engine by firefox.test.mjs and
// webkit.test.mjs (Chromium runs the same journeys, and more, in tests/e2e/).
// Each test has a fresh browser session (empty storage) and ends with the
// guards of engines.mjs.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { By } from "selenium-webdriver";
import { REPORT } from "./engines.mjs";

export const FUNDING = "Adequate funding is available to support harm reduction in our organization.";
export const LEADERS = "Our organization's leadership supports harm reduction services.";
export const START = "How ready is your organization for harm reduction?";
// Deriving a key from a passphrase (PBKDF2, 600,000 rounds) takes seconds,
// and longer on a busy machine.
const CRYPTO = 90_000;
const DOMAINS = ["Leadership", "Staff", "Community", "Law", "Policy", "Funding"];

/**
 * One guarded journey in one engine: `fn(page, t)` gets a fresh session.
 * Use it to add a test for one engine only, e.g. in webkit.test.mjs:
 *   journey(engine, "the Safari note shows", async (page) => { … });
 */
export function journey(engine, name, fn, options = {}) {
  test(`${engine.label}: ${name}`, { timeout: 240_000, ...options }, async (t) => {
    const page = await engine.open();
    try {
      await fn(page, t);
    } catch (e) {
      await page.d.quit().catch(() => {});
      throw e;
    }
    await page.close();
  });
}

async function answerFunding(page, label = "Strongly disagree") {
  await page.visit("/section/funding");
  await page.answer(FUNDING, label);
  await page.waitText("Saved on this device.");
}

/** Records every Blob the page turns into a download link (the export files). */
async function recordBlobs(page) {
  await page.d.executeScript(`
    window.__blobs = [];
    const make = URL.createObjectURL;
    URL.createObjectURL = (blob) => { window.__blobs.push(blob); return make.call(URL, blob); };`);
}

async function lastBlobText(page) {
  await page.waitFor(async () => (await page.d.executeScript("return window.__blobs.length")) > 0, "a file to be made");
  return page.d.executeAsyncScript("const done = arguments[arguments.length - 1]; window.__blobs.at(-1).text().then(done, (e) => done('error: ' + e));");
}

/** Resolves once a service worker controls the page: "ready", or why not. */
const OFFLINE_READY = `
  const done = arguments[arguments.length - 1];
  if (!("serviceWorker" in navigator) || !navigator.serviceWorker) return done("no navigator.serviceWorker");
  const timer = setTimeout(() => done("no service worker took control within 30 s"), 30000);
  (async () => {
    const registration = await navigator.serviceWorker.ready;
    const worker = registration.active;
    if (worker.state !== "activated") {
      await new Promise((ok) => worker.addEventListener("statechange", () => worker.state === "activated" && ok()));
    }
    if (!navigator.serviceWorker.controller) {
      await new Promise((ok) => {
        navigator.serviceWorker.addEventListener("controllerchange", ok, { once: true });
        if (navigator.serviceWorker.controller) ok();
      });
    }
  })().then(() => { clearTimeout(timer); done("ready"); }, (e) => { clearTimeout(timer); done("error: " + e); });`;

export function journeys(engine) {
  journey(engine, "take the whole assessment; results and chart", async (page) => {
    await page.visit("/");
    await page.clickLink("Start now");
    for (let section = 1; section <= 9; section++) {
      await page.waitText(`Section ${section} of 9`);
      await page.settled();
      for (const text of await page.statements()) await page.answer(text, "Strongly agree");
      await page.click("Save and", { prefix: true });
    }
    await page.expectHeading("Check your answers");
    await page.visit("/results");
    await page.expectHeading("Your results");
    const balances = await page.balances();
    assert.deepEqual(Object.keys(balances), DOMAINS);
    for (const d of DOMAINS) assert.match(balances[d], /^\+?[1-9][0-9]*$/, `${d}: a positive balance`);
    await page.waitText("What holds you back (4)");
    const chart = await page.d.findElement(By.xpath("//*[local-name()='svg' and @role='img']"));
    const box = await chart.getRect();
    assert.ok(box.width > 200 && box.height > 100, `the chart is drawn (${box.width}×${box.height})`);
    assert.ok((await chart.findElements(By.xpath(".//*[local-name()='rect']"))).length >= 6, "a bar per area");
  });

  journey(engine, "autosave and reload", async (page) => {
    await answerFunding(page);
    await page.visit("/section/leadership");
    await page.answer(LEADERS, "Somewhat agree");
    await page.waitText("Saved on this device.");
    await page.reload();
    assert.equal(await page.answerOf(LEADERS), "Somewhat agree");
    await page.visit("/section/funding");
    assert.equal(await page.answerOf(FUNDING), "Strongly disagree");
    await page.visit("/results");
    assert.equal((await page.balances()).Funding, "−100");
  });

  journey(engine, "passphrase protection: encrypted in localStorage, locked after reload, unlock", async (page) => {
    await answerFunding(page);
    await page.visit("/protect");
    await page.expectHeading("Passphrase protection");
    await page.fill("Passphrase", "purple kettle harbour");
    await page.fill("Passphrase again", "purple kettle harbour");
    await page.click("Turn on protection");
    await page.waitText("Protection is on.", CRYPTO);
    await page.waitFor(async () => {
      const stored = await page.stored();
      const records = Object.keys(stored).filter((k) => k.startsWith("hr-readiness:assessment:"));
      return records.length > 0 && records.every((k) => stored[k].includes('"sealed"'));
    }, "every record to be sealed", CRYPTO);
    const raw = JSON.stringify(await page.stored());
    assert.ok(!raw.includes("strongly_disagree") && !raw.includes("Assessment of"), "no plaintext answers or names");

    await page.reload();
    await page.expectHeading("Your assessments are locked");
    await page.fill("Passphrase", "wrong guess here");
    await page.click("Unlock");
    await page.waitText("That passphrase does not unlock the assessments saved here.", CRYPTO);
    await page.fill("Passphrase", "purple kettle harbour");
    await page.click("Unlock");
    await page.expectHeading("Passphrase protection", CRYPTO);
    await page.visit("/section/funding");
    assert.equal(await page.answerOf(FUNDING), "Strongly disagree");
  });

  journey(engine, "export, then import", async (page, t) => {
    await answerFunding(page);
    await page.visit("/assessments");
    await recordBlobs(page);
    await page.click("Download (JSON)", { prefix: true });
    const text = await lastBlobText(page);
    const file = JSON.parse(text);
    assert.equal(file.format, "hr-readiness-assessment");
    assert.equal(file.assessment.responses.statements["adequate-funding"], "strongly_disagree");
    if (engine.name === "firefox") {
      // The file really lands in the downloads folder, with the same bytes.
      const saved = await page.waitFor(() => readdirSync(page.downloads).find((f) => f.endsWith(".json")), "the downloaded file");
      assert.equal(readFileSync(join(page.downloads, saved), "utf8"), text);
    } else {
      t.diagnostic(`${engine.label}: the download itself is not checked (WebKitWebDriver has no setting for where downloads go); the file's contents are, from the Blob the app made`);
    }
    const path = join(page.downloads, "back.json");
    writeFileSync(path, text);
    await (await page.field("Choose a file, or drop it here")).sendKeys(path);
    await page.waitText(`Imported “${file.assessment.name}”.`);
    await page.visit("/assessments");
    const downloads = await page.d.findElements(By.xpath("//button[starts-with(normalize-space(.), 'Download (JSON)')]"));
    assert.equal(downloads.length, 2, "two saved assessments");
  });

  journey(engine, "quick exit replaces the page; the answers stay", async (page) => {
    await answerFunding(page);
    await page.click("Quick exit", { prefix: true });
    await page.waitFor(async () => /\/away\.html$/.test(await page.url()), "the neutral page");
    assert.equal(await page.d.getTitle(), "Houseplant care: the basics");
    await page.visit("/section/funding");
    assert.equal(await page.answerOf(FUNDING), "Strongly disagree");
  });

  journey(engine, "kiosk reset leaves nothing behind", async (page) => {
    // The facilitator sets the kiosk's exit code first.
    await page.visit("/section/funding", "?kiosk=1");
    await page.expectHeading("Set up this device as a kiosk");
    await page.fill("Exit code", "facilitator 4711");
    await page.fill("Exit code again", "facilitator 4711");
    await page.click("Start kiosk mode");
    await page.answer(FUNDING, "Strongly disagree");
    await page.waitText("Your answers are kept in this tab only");
    // Only the fragment changes: the kiosk keeps the answers in the tab's memory.
    await page.visit("/results", "?kiosk=1");
    await page.expectHeading("Your results");
    await page.click("Delete my answers and start over for the next person");
    await page.expectHeading(START);
    const keys = await page.d.executeScript("return Object.keys(localStorage)");
    assert.deepEqual(keys, ["hr-readiness:kiosk"], "only the kiosk's exit code check is stored");
    await page.visit("/section/funding", "?kiosk=1");
    assert.equal(await page.answerOf(FUNDING), null, "the answer is gone");
  });

  journey(engine, "offline: with the server gone, the app opens again after one visit and keeps answers", async (page, t) => {
    await answerFunding(page);
    const state = await page.d.executeAsyncScript(OFFLINE_READY);
    if (state !== "ready") {
      t.skip(`${engine.label} cannot keep the app offline here: ${state}`);
      return;
    }
    await engine.serverDown();
    try {
      // Opened again by its address. (In Firefox, WebDriver's "refresh" went
      // to the network past the service worker, which a user's reload does
      // not; so the test navigates, as opening the app again does.)
      await page.visit("/section/funding");
      assert.equal(await page.answerOf(FUNDING), "Strongly disagree");
      await page.answer(FUNDING, "Somewhat agree");
      await page.waitText("Saved on this device.");
      await page.visit("/results");
      assert.equal((await page.balances()).Funding, "+50");
    } finally {
      await engine.serverUp();
    }
  });

  // The guard itself, in this engine: a request to another origin is
  // blocked by the CSP, reported to the test server, and fails the test.
  test(`${engine.label}: the guard catches a request to another origin`, { timeout: 120_000 }, async () => {
    const page = await engine.open();
    await page.visit("/");
    const before = page.requests().length;
    await page.d.executeScript("const i = new Image(); i.src = 'http://localhost:9/tracker.png'; document.body.append(i);");
    await page.waitFor(async () => page.requests().slice(before).includes(REPORT), "the violation report");
    await assert.rejects(page.close(), (e) => /CSP violation: img-src/.test(e.message) && /report reached the server: .*tracker\.png/.test(e.message));
  });
}

/** Fails every test of a file at once if the engine is missing. */
export function requireEngine(engine) {
  test(`${engine.label}: installed`, () => {
    assert.equal(engine.skip, null, engine.skip ?? "");
  });
}
