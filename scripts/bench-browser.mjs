// Browser benchmark (not a test): serves dist/ on 127.0.0.1 and measures, in
// headless Chromium, with the same privacy guard as the tests (any request
// off the origin aborts the run):
//   - the first screen: what the browser fetches until the first question
//     is interactive (service worker blocked), as a host sends it; then
//     what opening each group of pages adds, and what a return visit with
//     something stored fetches to read it;
//   - time from navigation to the first interactive question;
//   - time from an answer to updated results;
//   - merging and scoring 200 respondents in the team view (as the page
//     itself measures it), and how long the view takes to show them.
//   - Lighthouse 12 (mobile preset: a throttled mid-range phone on slow 4G)
//     scores for performance, accessibility, best practices and SEO, with
//     the files served gzip-compressed as a real host would.
// Prints a table; each timing is the median of several runs.
//
// Usage: node scripts/bench-browser.mjs [dist]

import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { mkdtemp, readFile as readFileAsync } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { serve } from "../tests/e2e/server.mjs";
import { CHROMIUM, CHROMIUM_ARGS } from "../tests/e2e/chromium.mjs";

const dist = process.argv[2] || "dist";
const RUNS = 5;
const server = await serve(dist);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });

/**
 * Calls `seen` with the path of each file the page asks for ("index.html"
 * for "/"); a request off the origin aborts the run.
 */
function onFile(page, seen) {
  page.on("request", (r) => {
    const url = new URL(r.url());
    if (url.origin !== server.url) {
      console.error(`request left the origin: ${url.href}`);
      process.exit(1);
    }
    seen(decodeURIComponent(url.pathname.slice(1)) || "index.html");
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function freshPage() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.origin === server.url) return route.continue();
    console.error(`request left the origin: ${url.href}`);
    process.exit(1);
  });
  return { context, page: await context.newPage() };
}

// 0. The first screen: every file the browser fetches until the start page
//    is shown and then the first question page is interactive, with the
//    service worker blocked so its precache of the rest does not count;
//    each counted as a host sends it (gzip -9; PNG as it is).
const firstScreen = new Map();
const firstScreenEs = new Map();
const everything = new Map();
{
  const { gzipSync } = await import("node:zlib");
  const { readdir, stat } = await import("node:fs/promises");
  const sent = async (path) => {
    const body = await readFileAsync(join(dist, path));
    return path.endsWith(".png") ? body.length : gzipSync(body, { level: 9 }).length;
  };
  for (const f of await readdir(dist, { recursive: true })) {
    if ((await stat(join(dist, f))).isFile()) everything.set(f, await sent(f));
  }
  // A first visit in `locale`, until the first question answers a click.
  const visit = async (locale, start, files) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: "block", locale });
    const page = await context.newPage();
    onFile(page, (path) => {
      if (everything.has(path)) files.set(path, everything.get(path));
    });
    await page.goto(`${server.url}/`);
    await page.getByRole("link", { name: start }).click();
    await page.getByRole("radio").or(page.getByRole("checkbox")).first().waitFor();
    await page.waitForLoadState("networkidle");
    await context.close();
  };
  await visit("en-US", "Start now", firstScreen);
  await visit("es-ES", "Empezar ahora", firstScreenEs);
  console.log("\nThe first screen (start page, then the first question), service worker blocked\n");
  for (const [f, n] of [...firstScreen].sort()) console.log(`${f.padEnd(58)} ${String(n).padStart(10)}`);
}
const kb = (m) => ([...m.values()].reduce((a, b) => a + b, 0) / 1000).toFixed(1);

// 0b. Each group of pages (ARCHITECTURE.md, "The chunk map"): what a first
//     visit fetches when it first opens one of the group's pages, after
//     the first question, service worker blocked; and what a return visit
//     fetches before the app starts when something is stored.
const groups = [];
{
  const fetched = async (steps) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: "block" });
    const page = await context.newPage();
    // Counted once counting starts, unless fetched before (the browser asks
    // for the icon again, say): what the step adds.
    const files = new Map();
    const before = new Set();
    let counting = false;
    onFile(page, (path) => {
      if (!counting) before.add(path);
      else if (everything.has(path) && !before.has(path)) files.set(path, everything.get(path));
    });
    await page.goto(`${server.url}/#/section/leadership`);
    await page.getByRole("radio", { name: "Strongly agree" }).first().waitFor();
    await page.waitForLoadState("networkidle");
    await steps(page, () => (counting = true));
    await page.waitForLoadState("networkidle");
    await context.close();
    return files;
  };
  for (const [name, fragment, heading] of [
    ["report (check, results, plan, comparison)", "#/results", "Your results"],
    ["library (saved assessments, protection, resuming)", "#/assessments", "Your saved assessments"],
    ["team (team view, projector, consensus)", "#/team", "Team view"],
    ["reading (method, privacy)", "#/method", "How is this calculated?"],
  ]) {
    const files = await fetched(async (page, count) => {
      count();
      await page.evaluate((f) => (location.hash = f), fragment);
      await page.getByRole("heading", { level: 1, name: heading }).waitFor();
    });
    groups.push([`opening ${name} the first time`, files]);
  }
  const stored = await fetched(async (page, count) => {
    await page.getByRole("radio", { name: "Strongly agree" }).first().check();
    await page.getByRole("status").filter({ hasText: "Saved on this device." }).waitFor();
    count();
    await page.reload();
    await page.getByRole("radio", { name: "Strongly agree" }).first().waitFor();
  });
  groups.push(["a return visit, something stored: reading it, before the app starts", stored]);
}

// 1. Navigation to the first interactive question (a statement's radio).
const firstQuestion = [];
for (let i = 0; i < RUNS; i++) {
  const { context, page } = await freshPage();
  const start = Date.now();
  await page.goto(`${server.url}/#/section/leadership`);
  await page.getByRole("radio", { name: "Strongly agree" }).first().waitFor();
  firstQuestion.push(Date.now() - start);
  await context.close();
}

// 2. From an answer to updated results: answer a statement, go to the
//    results page, and wait until its table shows the new balance (the
//    report is recomputed by the core and the page rendered).
const answerToResults = [];
{
  const { context, page } = await freshPage();
  const funding = page.getByRole("group", { name: "Adequate funding is available to support harm reduction in our organization." });
  const answers = ["Strongly agree", "Strongly disagree"];
  for (let i = 0; i < RUNS * 2; i++) {
    await page.goto(`${server.url}/#/section/funding`);
    await funding.waitFor();
    const label = answers[i % 2];
    const expected = label === "Strongly agree" ? "+100" : "−100";
    const start = await page.evaluate(() => performance.now());
    await funding.getByRole("radio", { name: new RegExp(`^${label} `) }).check();
    await page.evaluate(() => {
      location.hash = "#/results";
    });
    await page.waitForFunction((expected) => {
      // Shown: not in the results page kept out of sight (inert).
      const row = [...document.querySelectorAll("table tr")].find((r) => r.querySelector("th")?.textContent === "Funding" && !r.closest("[inert]"));
      return row && row.children[2]?.textContent === expected;
    }, expected);
    answerToResults.push((await page.evaluate(() => performance.now())) - start);
  }
  await context.close();
}

// 2b. The same, measured inside the page, without the test driver's round
//     trips: from the click on the answer to the moment the results table
//     shows the new balance on screen (a MutationObserver sees the change as
//     the app makes it; the results page is kept in the page while others
//     show, so the row must also be out of the kept, inert page), and to the
//     next frame painted (a requestAnimationFrame callback, then a task: the
//     frame's style, layout and paint are done). The results page's code is
//     already loaded (2. loaded it).
// `pause`: 0 goes to the results at once (the worst case: the kept results
// page catches up while it is shown); 600 ms goes after the answers have
// paused (as a person does: the page out of sight has caught up by then),
// timed from the change of page.
async function answerThenResults(pause) {
  const hashchange = [];
  const shown = [];
  const painted = [];
  const { context, page } = await freshPage();
  // A listener registered before the app's: when the hash change arrives.
  await page.addInitScript(() => addEventListener("hashchange", () => (window.hashArrived = performance.now())));
  const answers = ["Strongly agree", "Strongly disagree"];
  await page.goto(`${server.url}/#/results`);
  await page.getByRole("heading", { level: 1, name: "Your results" }).waitFor();
  for (let i = 0; i < RUNS * 4; i++) {
    await page.goto(`${server.url}/#/section/funding`);
    const group = page.getByRole("group", { name: "Adequate funding is available to support harm reduction in our organization." });
    await group.waitFor();
    const label = answers[i % 2];
    const expected = label === "Strongly agree" ? "+100" : "−100";
    const radio = await group.getByRole("radio", { name: new RegExp(`^${label} `) }).elementHandle();
    const times = await page.evaluate(
      ([radio, expected, pause]) =>
        new Promise((resolve) => {
          const isShown = () => {
            const row = [...document.querySelectorAll("table tr")].find(
              (r) => r.querySelector("th")?.textContent === "Funding" && !r.closest("[inert]"),
            );
            return row && row.children[2]?.textContent === expected;
          };
          let start = performance.now();
          const observer = new MutationObserver(() => {
            if (isShown()) {
              observer.disconnect();
              const at = performance.now() - start;
              requestAnimationFrame(() => setTimeout(() => resolve([window.hashArrived - start, at, performance.now() - start])));
            }
          });
          radio.click();
          const go = () => {
            observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
            if (pause) start = performance.now();
            location.hash = "#/results";
          };
          if (pause) setTimeout(go, pause);
          else go();
        }),
      [radio, expected, pause],
    );
    hashchange.push(times[0]);
    shown.push(times[1]);
    painted.push(times[2]);
  }
  await context.close();
  return { hashchange, shown, painted };
}
const atOnce = await answerThenResults(0);
const afterPause = await answerThenResults(600);

// 3. 200 respondents in the team view.
const mergeMs = [];
const showMs = [];
{
  const codebookPage = await freshPage();
  await codebookPage.page.goto(`${server.url}/#/method`);
  const [download] = await Promise.all([
    codebookPage.page.waitForEvent("download"),
    codebookPage.page.getByRole("button", { name: "Download the codebook (JSON)" }).click(),
  ]);
  const { readFile } = await import("node:fs/promises");
  const codebook = JSON.parse(await readFile(await download.path(), "utf8"));
  await codebookPage.context.close();
  const ids = codebook.instrument.questions.filter((q) => q.kind === "statement").map((q) => q.id);
  const answers = ["strongly_agree", "somewhat_agree", "somewhat_disagree", "strongly_disagree", "dont_know"];
  const roles = ["leadership", "staff", "peer", "board", "other"];
  const files = Array.from({ length: 200 }, (_, i) => {
    const statements = {};
    ids.forEach((id, k) => {
      const a = (i * 7 + k * 3) % 6;
      if (a < 5) statements[id] = answers[a];
    });
    return {
      name: `respondent-${i + 1}.json`,
      mimeType: "application/json",
      buffer: Buffer.from(
        JSON.stringify({
          format: "hr-readiness-assessment",
          version: 2,
          exported: "2026-11-22T10:00:00.000Z",
          language: "en",
          instrument_version: codebook.instrument_version,
          assessment: {
            name: `Respondent ${i + 1}`,
            created: "2026-11-22T09:00:00.000Z",
            updated: "2026-11-22T09:30:00.000Z",
            responses: { statements, choices: { role: [roles[i % 5]] } },
          },
        }),
      ),
    };
  });
  for (let i = 0; i < 3; i++) {
    const { context, page } = await freshPage();
    await page.goto(`${server.url}/#/team`);
    await page.getByRole("heading", { level: 1, name: "Team view" }).waitFor();
    const start = Date.now();
    await page.getByLabel("Choose respondents' files, or drop them here").setInputFiles(files);
    await page.getByText("Added 200 respondents.").waitFor({ timeout: 120000 });
    await page.getByText("Respondents (200)").waitFor();
    showMs.push(Date.now() - start);
    const note = await page.getByText(/^Merged and scored 200 respondents in /).innerText();
    mergeMs.push(Number(note.match(/in ([\d.]+) ms/)[1]));
    await context.close();
  }
}

await browser.close();
await server.close();

// 4. Lighthouse, against a gzip-serving copy of the same build.
const lighthouse = [];
{
  const zipped = await serve(dist, { compress: true });
  const dir = await mkdtemp(join(tmpdir(), "lighthouse-"));
  const flags = ["--headless=new", ...CHROMIUM_ARGS].join(" ");
  for (let i = 0; i < 3; i++) {
    const report = join(dir, `report-${i}.json`);
    await promisify(execFile)(
      "node_modules/.bin/lighthouse",
      [
        `${zipped.url}/`,
        "--quiet",
        `--chrome-flags=${flags}`,
        "--output=json",
        `--output-path=${report}`,
        "--only-categories=performance,accessibility,best-practices,seo",
      ],
      { env: { ...process.env, CHROME_PATH: CHROMIUM }, timeout: 180000 },
    );
    const r = JSON.parse(await readFileAsync(report, "utf8"));
    lighthouse.push({
      performance: Math.round(r.categories.performance.score * 100),
      accessibility: Math.round(r.categories.accessibility.score * 100),
      "best-practices": Math.round(r.categories["best-practices"].score * 100),
      seo: Math.round(r.categories.seo.score * 100),
      lcp: r.audits["largest-contentful-paint"].numericValue,
      tti: r.audits.interactive.numericValue,
    });
  }
  await zipped.close();
}

const row = (name, value, target) => console.log(`${name.padEnd(58)} ${value.padStart(10)}   ${target}`);
console.log("\nIn the browser (headless Chromium, median)\n");
row("first screen: sent until the first question is interactive", `${kb(firstScreen)} KB`, "budget 100 KB");
row("every file of the build, as sent", `${kb(everything)} KB`, "");
for (const [name, files] of groups) row(`  ${name}`, `${kb(files)} KB`, `${files.size} files`);
row("a Spanish-speaking visitor's first screen", `${kb(firstScreenEs)} KB`, "");
for (const [file, what] of [
  ["es.bin", "the Spanish texts of the first module (es.bin), sent when Spanish is chosen"],
  ["es-chunks.bin", "the Spanish texts of the chunks (es-chunks.bin), sent with the first chunk in Spanish"],
]) {
  const es = [...everything].find(([f]) => f.endsWith(`/${file}`));
  if (es) row(what, `${(es[1] / 1000).toFixed(1)} KB`, "");
}
row("navigation to the first interactive question", `${median(firstQuestion)} ms`, "");
row("an answer to updated results, through the test driver", `${median(answerToResults).toFixed(0)} ms`, "");
row("an answer, then at once the results: in the page, to the new balance shown", `${median(atOnce.shown).toFixed(1)} ms`, "target < 16 ms");
row("  of which until the hash change arrives", `${median(atOnce.hashchange).toFixed(1)} ms`, "");
row("  the same, to the next frame painted", `${median(atOnce.painted).toFixed(1)} ms`, "");
row("an answer, a pause, the results: from the change of page to the balance shown", `${median(afterPause.shown).toFixed(1)} ms`, "");
row("  the same, to the next frame painted", `${median(afterPause.painted).toFixed(1)} ms`, "");
row("merge and score 200 respondents (measured in the page)", `${median(mergeMs).toFixed(1)} ms`, "target < 50 ms");
row("200 respondents' files read, merged and shown", `${median(showMs)} ms`, "");
console.log("\nLighthouse 12.8.2, mobile preset, gzip served (median of 3)\n");
for (const key of ["performance", "accessibility", "best-practices", "seo"]) {
  row(key, String(median(lighthouse.map((l) => l[key]))), "target 100");
}
row("largest contentful paint (simulated slow 4G)", `${(median(lighthouse.map((l) => l.lcp)) / 1000).toFixed(1)} s`, "");
row("time to interactive (simulated slow 4G)", `${(median(lighthouse.map((l) => l.tti)) / 1000).toFixed(1)} s`, "");
