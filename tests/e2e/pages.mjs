// Page objects: what a user does, in a user's terms (roles, names, labels).

import assert from "node:assert/strict";
import { ready } from "./harness.mjs";

export const ANSWERS = ["Strongly agree", "Somewhat agree", "Somewhat disagree", "Strongly disagree", "I don't know"];

/** Opens the app at a fragment such as "/" or "/check". */
export async function visit(page, base, fragment = "/") {
  await page.goto(`${base}/#${fragment}`);
  await ready(page);
}

export function heading(page) {
  return page.getByRole("heading", { level: 1 });
}

export async function expectHeading(page, text) {
  await page.getByRole("heading", { level: 1, name: text }).waitFor();
}

/** The group (fieldset) of one statement, found by its wording. */
export function statement(page, text) {
  return page.getByRole("group", { name: text, exact: true });
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** One answer of a statement group. A radio's accessible name is its answer
 * followed by its statement ("Strongly agree Our organization's …"). */
export function answerRadio(group, answerLabel) {
  return group.getByRole("radio", { name: new RegExp(`^${escape(answerLabel)}( |$)`) });
}

/** Answers a statement by clicking the answer's label, as a user would. */
export async function answer(page, statementText, answerLabel) {
  await answerRadio(statement(page, statementText), answerLabel).check();
}

/** The checked answer of a statement, or null. */
export async function answerOf(page, statementText) {
  for (const label of ANSWERS) {
    if (await answerRadio(statement(page, statementText), label).isChecked()) return label;
  }
  return null;
}

/** All statement groups on the current page, by their legends. */
export async function statementsOnPage(page) {
  const groups = page
    .getByRole("group")
    .filter({ has: page.getByRole("radio", { name: /^Strongly agree( |$)/ }) });
  const n = await groups.count();
  const texts = [];
  for (let i = 0; i < n; i++) texts.push((await groups.nth(i).locator("legend").innerText()).trim());
  return texts;
}

/** Answers every statement on the page with `pick(text, index)`. */
export async function answerAll(page, pick) {
  const texts = await statementsOnPage(page);
  for (const [i, text] of texts.entries()) {
    const label = pick(text, i);
    if (label) await answer(page, text, label);
  }
  return texts;
}

/** Presses the page's main button (Save and continue, and friends). */
export async function continueOn(page) {
  await page.getByRole("button", { name: /^Save and (continue|check your answers|return to check your answers)$/ }).click();
  await ready(page);
}

export async function expectText(page, text) {
  const body = await page.locator("body").innerText();
  assert.ok(body.includes(text), `expected the page to say: ${text}`);
}

/**
 * Takes the whole assessment from the start page: every section in turn
 * through the main button, answering each statement with `pick(text, n)`
 * (n counts statements across the whole assessment; return null to skip),
 * and calling `extra(page, heading)` on each page for other questions.
 * Ends on "Check your answers".
 */
export async function takeAssessment(page, base, pick, extra = async () => {}) {
  await visit(page, base, "/");
  await page.getByRole("link", { name: /^(Start now|Continue where you left off)/ }).click();
  let n = 0;
  for (let section = 1; section <= 9; section++) {
    await page.getByText(`Section ${section} of 9`, { exact: true }).waitFor();
    const h1 = (await heading(page).innerText()).trim();
    const texts = await statementsOnPage(page);
    for (const text of texts) {
      const label = pick(text, n++);
      if (label) await answer(page, text, label);
    }
    await extra(page, h1);
    await continueOn(page);
  }
  await expectHeading(page, "Check your answers");
}

/** The rows of the results table "The numbers behind the chart". */
export async function domainTable(page) {
  const table = page.getByRole("table", { name: "The numbers behind the chart" });
  const rows = table.getByRole("row");
  const out = {};
  const count = await rows.count();
  for (let i = 1; i < count; i++) {
    const cells = (await rows.nth(i).getByRole("cell").allInnerTexts()).map((c) => c.trim());
    const name = (await rows.nth(i).getByRole("rowheader").innerText()).trim();
    out[name] = { stage: cells[0], balance: cells[1], facilitators: cells[2], barriers: cells[3], unknowns: cells[4] };
  }
  return out;
}

/** The recommended TA areas, in order. */
export async function taAreas(page) {
  const list = page.getByRole("region", { name: "Recommended technical assistance" }).getByRole("heading", { level: 3 });
  return (await list.allInnerTexts()).map((t) => t.trim()).filter((t) => t !== "Find out first");
}

/** The organization's own reading: the first line of the results summary. */
export async function overallHeadline(page) {
  return (await page.getByRole("region", { name: "Summary" }).locator("p").first().innerText()).trim();
}

/** The context's reading: the second reading of the results summary. */
export async function contextHeadline(page) {
  const lines = (await page.getByRole("region", { name: "Summary" }).innerText())
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  return lines[lines.indexOf("Its context") + 1];
}

/** Waits until the element a locator finds has the keyboard focus. */
export async function waitForFocus(locator) {
  await locator.page().waitForFunction((el) => document.activeElement === el, await locator.elementHandle());
}

/** Waits until the page shows `text` (for results of work done in the background). */
export async function waitForText(page, text) {
  await page.getByText(text).first().waitFor();
}

/**
 * Waits until the service worker has cached the app (it registers once the
 * app has started, then downloads every file of the build once) and
 * controls the page (reloading it once if the worker activated while the
 * page was loading, which Chromium then leaves uncontrolled until its next
 * load). Call it before counting requests: that download is the app being
 * kept for offline use, not something the user did.
 */
export async function offlineReady(page, timeoutMs = 30000) {
  // Bounded: a worker that never installs (a precache fetch refused, an
  // integrity mismatch) fails here with what the browser knows, instead of
  // waiting for ever.
  const state = await page.evaluate(async (timeoutMs) => {
    const describe = async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      const of = (w) => (w ? w.state : "none");
      return JSON.stringify({
        registration: registration ? registration.scope : "none",
        installing: of(registration?.installing),
        waiting: of(registration?.waiting),
        active: of(registration?.active),
        controller: of(navigator.serviceWorker.controller),
        caches: await caches.keys(),
      });
    };
    const activated = (async () => {
      const registration = await navigator.serviceWorker.ready;
      const worker = registration.active;
      // Active from the start of "activating"; the old caches go before "activated".
      if (worker.state !== "activated") {
        await new Promise((done) => worker.addEventListener("statechange", () => worker.state === "activated" && done()));
      }
      return true;
    })();
    const late = (ms) => new Promise((done) => setTimeout(() => done(false), ms));
    if (!(await Promise.race([activated, late(timeoutMs)]))) return { activated: false, seen: await describe() };
    // The worker claims the open pages when it activates; a page that was
    // being reloaded at that moment is not claimed (it is controlled from
    // its next load, as a user's next visit would be).
    const controlled = new Promise((done) => {
      navigator.serviceWorker.addEventListener("controllerchange", () => done(true), { once: true });
      if (navigator.serviceWorker.controller) done(true);
    });
    return { activated: true, controlled: await Promise.race([controlled, late(3000)]), seen: await describe() };
  }, timeoutMs);
  if (!state.activated) throw new Error(`the service worker was not active within ${timeoutMs} ms: ${state.seen}`);
  if (!state.controlled) {
    await page.reload();
    await ready(page);
    const controller = await page.evaluate(() => navigator.serviceWorker.controller?.state ?? "none");
    if (controller !== "activated") throw new Error(`the page is not controlled after a reload (${controller}): ${state.seen}`);
  }
}

/** The codebook's statements (id, text, national figures), in page order. */
export async function codebookStatements(page, base) {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    (async () => {
      await visit(page, base, "/method");
      await page.getByRole("button", { name: /^(Download the codebook|Descargar el libro de códigos) \(JSON\)$/ }).click();
    })(),
  ]);
  const { readFile } = await import("node:fs/promises");
  const codebook = JSON.parse(await readFile(await download.path(), "utf8"));
  return codebook.instrument.questions.filter((q) => q.kind === "statement");
}

/** Adds files to the team view by its file picker, as a facilitator would. */
export async function addTeamFiles(page, files) {
  await page.getByLabel("Choose respondents' files, or drop them here").setInputFiles(
    files.map(([name, text]) => ({ name, mimeType: "application/json", buffer: Buffer.from(text) })),
  );
}

/** Numbers in a text, in order: "Team: 3 strongly disagree, 0 …" → [3, 0, …]. */
export function numbersIn(text) {
  return (text.match(/\d+/g) || []).map(Number);
}
