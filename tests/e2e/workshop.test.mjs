// Workshops: the app embedded in another site's page (a second origin),
// kiosk mode on a shared device, and (below) the facilitator's team view.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { mkdtemp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { assertClean, axe, CHROMIUM, CHROMIUM_ARGS, guard, ready, useApp } from "./harness.mjs";
import { answer, answerOf, expectHeading, expectText, statementsOnPage, visit, waitForText } from "./pages.mjs";

const app = useApp();
const FUNDING = "Adequate funding is available to support harm reduction in our organization.";

// A workshop's own page on another origin (localhost, not 127.0.0.1), with
// the documented iframe snippet.
let host;
before(async () => {
  host = createServer((req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Workshop day</title></head>
<body><main><h1>Workshop day</h1>
<iframe src="${app.url}/?embed=1#/section/funding" title="Harm reduction readiness self-assessment"
  width="100%" height="900" style="border:0" referrerpolicy="no-referrer"></iframe>
</main></body></html>`);
  });
  await new Promise((ok) => host.listen(0, "127.0.0.1", ok));
  host.url = `http://localhost:${host.address().port}`;
});
after(() => new Promise((ok) => host.close(ok)));

/** A browser profile whose user allows third-party storage (Chrome's default
 * for normal windows; Playwright's own contexts block it, like incognito). */
async function profileAllowingThirdPartyStorage(t) {
  const dir = await mkdtemp(join(tmpdir(), "hr-profile-"));
  await mkdir(join(dir, "Default"), { recursive: true });
  await writeFile(join(dir, "Default", "Preferences"), JSON.stringify({ profile: { cookie_controls_mode: 0, block_third_party_cookies: false } }));
  const context = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const { problems } = await guard(context, [app.url, host.url]);
  t.after(async () => {
    try {
      await assertClean(context, problems);
    } finally {
      await context.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
  return context;
}

const FRAME = 'iframe[title="Harm reduction readiness self-assessment"]';

test("embedded in another origin's page: no site chrome, answers save and survive a reload", async (t) => {
  const context = await profileAllowingThirdPartyStorage(t);
  const page = await context.newPage();
  await page.goto(host.url);
  const frame = page.frameLocator(FRAME);
  await frame.getByRole("heading", { level: 1, name: "Funding" }).waitFor();
  assert.equal(await frame.getByRole("link", { name: "Harm reduction readiness" }).count(), 0, "no site title link");
  assert.equal(await frame.getByText("National figures: National Council").count(), 0, "no long footer");
  await frame.getByRole("group", { name: FUNDING }).getByRole("radio", { name: /^Strongly disagree / }).check();
  await frame.getByRole("status").filter({ hasText: /^Saved on this device\./ }).waitFor();
  await page.reload();
  await frame.getByRole("heading", { level: 1, name: "Funding" }).waitFor();
  assert.equal(
    await frame.getByRole("group", { name: FUNDING }).getByRole("radio", { name: /^Strongly disagree / }).isChecked(),
    true,
  );
  // The frame fits: nothing wider than the frame.
  const overflow = await page.frames()[1].evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `no sideways scrolling inside the frame (${overflow}px)`);
});

test("embedded where the browser blocks third-party storage: it says so and carries the answers to its own tab", async (t) => {
  const { page, context } = await app.open(t, { origins: [host.url] });
  await page.goto(host.url);
  const frame = page.frameLocator(FRAME);
  await frame.getByRole("heading", { level: 1, name: "Funding" }).waitFor();
  await frame.getByRole("group", { name: FUNDING }).getByRole("radio", { name: /^Somewhat disagree / }).check();
  await frame.getByText("This browser does not let embedded pages save").waitFor();
  const [tab] = await Promise.all([context.waitForEvent("page"), frame.getByRole("link", { name: /^Open in its own tab/ }).click()]);
  await tab.getByRole("heading", { level: 1, name: "Check your answers" }).waitFor();
  await tab.getByText("Your answers from the embedded page are now saved on this device.").waitFor();
  assert.match(tab.url(), /#\/check$/, "the code has left the address");
  await tab.goto(`${app.url}/#/section/funding`);
  await ready(tab);
  assert.equal(await answerOf(tab, FUNDING), "Somewhat disagree");
});

test("kiosk mode: a reset after each participant leaves nothing behind; the facilitator can leave", async (t) => {
  const { page } = await app.open(t);
  await page.goto(`${app.url}/?kiosk=1#/section/funding`);
  await ready(page);
  // The facilitator sets the device up with an exit code (privacy.test.mjs has the rest).
  await page.getByLabel("Exit code", { exact: true }).fill("workshop exit 1");
  await page.getByLabel("Exit code again").fill("workshop exit 1");
  await page.getByRole("button", { name: "Start kiosk mode" }).click();
  await expectHeading(page, "Funding");
  assert.equal(await page.getByRole("link", { name: "Your assessments" }).count(), 0, "other assessments are not offered");
  await answer(page, FUNDING, "Strongly disagree");
  await page.getByRole("status").filter({ hasText: "Your answers are kept in this tab only" }).waitFor();
  await page.goto(`${app.url}/?kiosk=1#/results`);
  await expectHeading(page, "Your results");
  await axe(page, "on the kiosk results page");
  await page.getByRole("button", { name: "Delete my answers and start over for the next person" }).click();
  await expectHeading(page, "How ready is your organization for harm reduction?");
  // Nothing of the results stays in the page, not even in the results page
  // kept out of sight (src/ui/mod.rs): it has caught up with the deletion.
  const main = await page.locator("main").evaluate((el) => el.textContent);
  assert.ok(!main.includes("−100") && !main.includes("Strongly disagree"), "no earlier result in the page");
  const ours = () => page.evaluate(() => Object.keys(localStorage));
  assert.deepEqual(await ours(), ["hr-readiness:kiosk"], "only the exit code check is in localStorage");
  await page.goto(`${app.url}/?kiosk=1#/section/funding`);
  await ready(page);
  assert.equal(await answerOf(page, FUNDING), null);

  // The header's reset asks first.
  await answer(page, FUNDING, "Somewhat agree");
  await page.getByRole("button", { name: "Start over for the next person" }).click();
  await page.getByRole("button", { name: "Yes, start over" }).click();
  await expectHeading(page, "How ready is your organization for harm reduction?");
  assert.deepEqual(await ours(), ["hr-readiness:kiosk"]);

  await page.getByRole("button", { name: "Facilitator: leave kiosk mode" }).click();
  await page.getByLabel("Exit code", { exact: true }).fill("workshop exit 1");
  await page.getByRole("button", { name: "Leave kiosk mode", exact: true }).click();
  await page.waitForURL((u) => !u.search.includes("kiosk"));
  await ready(page);
  await page.getByRole("link", { name: "Your assessments" }).waitFor();
});

// ---------------------------------------------------------------------------
// Team view, consensus, comparison and action plan.

const ANSWER_IDS = ["strongly_agree", "somewhat_agree", "somewhat_disagree", "strongly_disagree", "dont_know"];
const LABELS = ["Strongly agree", "Somewhat agree", "Somewhat disagree", "Strongly disagree", "I don't know"];
const ROLES = ["leadership", "staff", "peer"];

/** Respondent i's answer index (0–4, or 5 for blank) to statement k. */
const pick = (i, k) => (i * 7 + k * 3) % 6;

/** An exported assessment file for generated respondent i. */
function respondentFile(i, statementIds) {
  const statements = {};
  statementIds.forEach((id, k) => {
    const a = pick(i, k);
    if (a < 5) statements[id] = ANSWER_IDS[a];
  });
  // A built-in role gap: leaders strongly agree, peers strongly disagree on the first statement.
  if (ROLES[i % 3] === "leadership") statements[statementIds[0]] = "strongly_agree";
  if (ROLES[i % 3] === "peer") statements[statementIds[0]] = "strongly_disagree";
  return JSON.stringify({
    format: "hr-readiness-assessment",
    version: 2,
    exported: "2026-11-22T10:00:00.000Z",
    language: "en",
    instrument_version: "2.0.0",
    assessment: {
      name: `Participant ${i + 1}`,
      created: "2026-11-22T09:00:00.000Z",
      updated: "2026-11-22T09:30:00.000Z",
      responses: { statements, choices: { role: [ROLES[i % 3]] } },
    },
  });
}

/** The codebook's statement ids and texts, in page order. */
async function statementList(page) {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    (async () => {
      await visit(page, app.url, "/method");
      await page.getByRole("button", { name: "Download the codebook (JSON)" }).click();
    })(),
  ]);
  const codebook = JSON.parse(await readFile(await download.path(), "utf8"));
  return codebook.instrument.questions.filter((q) => q.kind === "statement").map((q) => ({ id: q.id, text: q.text }));
}

test("team view: 21 respondents' files merge into exact counts, percentages, role gaps and a team ranking", async (t) => {
  const { page } = await app.open(t);
  const statements = await statementList(page);
  const n = 21;
  await visit(page, app.url, "/team");
  await axe(page, "on the empty team view");
  await page.getByLabel("Choose respondents' files, or drop them here").setInputFiles(
    Array.from({ length: n }, (_, i) => ({ name: `p${i + 1}.json`, mimeType: "application/json", buffer: Buffer.from(respondentFile(i, statements.map((s) => s.id))) })),
  );
  await page.getByText(/^Added \d+ respondents?\.$|: /).first().waitFor();
  const problems = await page.locator(".field-error").allInnerTexts();
  assert.deepEqual(problems.filter((p) => p.trim()), [], "every file is accepted");
  await waitForText(page, `Added ${n} respondents.`);
  await expectText(page, `${n} respondents — 7 leadership, 7 staff, 7 peer worker or person with lived experience.`);

  const table = page.getByRole("table", { name: "Each statement: how many gave each answer, agreement, and the average by role" });
  for (const k of [1, 2, 7, 39]) {
    const { text } = statements[k];
    const row = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: text }) });
    const cells = await row.getByRole("cell").allInnerTexts();
    for (let a = 0; a < 5; a++) {
      const count = Array.from({ length: n }, (_, i) => pick(i, k)).filter((x) => x === a).length;
      const percent = Math.floor((100 * count) / n + 0.5);
      assert.equal(cells[a], `${count} (${percent}%)`, `${text}: ${LABELS[a]}`);
    }
    const blanks = Array.from({ length: n }, (_, i) => pick(i, k)).filter((x) => x === 5).length;
    assert.equal(cells[5], String(blanks), `${text}: blank`);
  }
  // The built-in gap on the first statement is flagged, leaders above peers.
  const gaps = page.getByRole("region", { name: "Where roles see things differently" });
  await gaps.getByText(statements[0].text).waitFor();
  await expectText(page, "Leadership +2.00 on average, peer worker or person with lived experience −2.00: a gap of 4.00.");
  // The overall agreement comes before the pooled balances are read as the team's.
  const domains = page.getByRole("region", { name: "The team's reading by domain" });
  const agreement = domains.getByText(/^Overall agreement \d+% \(the average over \d+ statements/);
  await agreement.waitFor();
  const top = (l) => l.evaluate((el) => el.getBoundingClientRect().top);
  assert.ok((await top(agreement)) < (await top(domains.getByRole("table"))), "agreement before the pooled table");
  await page.getByRole("region", { name: "Technical assistance for the team" }).getByRole("listitem").first().waitFor();
  await axe(page, "on the team view");

  // The summary downloads as JSON and CSV, made in the page.
  const [json] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download team summary (JSON)" }).click()]);
  const summaryText = await readFile(await json.path(), "utf8");
  const summary = JSON.parse(summaryText);
  assert.equal(summary.format, "hr-readiness-team-summary");
  assert.equal(summary.members, n);
  // Added back as if it were a respondent's file, it says what it is and adds no one.
  await page.getByLabel("Choose respondents' files, or drop them here").setInputFiles({
    name: "team-summary.json",
    mimeType: "application/json",
    buffer: Buffer.from(summaryText),
  });
  await waitForText(page, "This is a team summary, with several people's answers merged");
  await expectText(page, `Respondents (${n})`);
  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download team summary (CSV)" }).click()]);
  assert.ok((await readFile(await csv.path(), "utf8")).startsWith("\ufeff"));

  // It survives a reload.
  await page.reload();
  await ready(page);
  await expectText(page, `Respondents (${n})`);

  // Consensus: widest disagreement first; the agreed answers become a team assessment.
  await page.getByRole("link", { name: "Agree on team answers (consensus)" }).click();
  await expectHeading(page, "Agree on team answers");
  await axe(page, "on the consensus page");
  const order = await statementsOnPage(page);
  assert.equal(order.length, statements.length);
  await answer(page, order[0], "Somewhat agree");
  await answer(page, FUNDING, "Strongly disagree");
  await page.getByLabel("Name for the team assessment").fill("Team consensus, workshop 1");
  await page.getByRole("button", { name: "Save as a team assessment and see its results" }).click();
  await expectHeading(page, "Your results");
  await visit(page, app.url, "/assessments");
  await page.getByRole("heading", { name: "Team consensus, workshop 1" }).waitFor();
});

test("team view: one leader against one peer is one person's view, not a role gap", async (t) => {
  const { page } = await app.open(t);
  const statements = await statementList(page);
  await visit(page, app.url, "/team");
  // Respondent 1 is a leader, respondent 3 a peer: the built-in difference
  // on the first statement has one person on each side.
  await page.getByLabel("Choose respondents' files, or drop them here").setInputFiles(
    [0, 2].map((i) => ({ name: `p${i + 1}.json`, mimeType: "application/json", buffer: Buffer.from(respondentFile(i, statements.map((s) => s.id))) })),
  );
  await waitForText(page, "Added 2 respondents.");
  const gaps = page.getByRole("region", { name: "Where roles see things differently" });
  await gaps.getByText("No gaps between roles: either the roles agree, or not enough people of each role answered.").waitFor();
  await gaps.getByText(/^One person's view, not a role gap \(\d+\)$/).click();
  await gaps.getByText(statements[0].text).waitFor();
  await axe(page, "on the team view with one person's view");
});

test("team view: a backup or a protected file says where to open it first, and adds no one; a good file beside them is added", async (t) => {
  const { page } = await app.open(t);
  const ids = (await statementList(page)).map((s) => s.id);
  await visit(page, app.url, "/team");
  const file = (name, value) => ({ name, mimeType: "application/json", buffer: Buffer.from(typeof value === "string" ? value : JSON.stringify(value)) });
  await page.getByLabel("Choose respondents' files, or drop them here").setInputFiles([
    file("all.json", { format: "hr-readiness-backup", version: 1, assessments: [] }),
    file("all.encrypted.json", { format: "hr-readiness-backup-encrypted", iterations: 600000, salt: "", iv: "", data: "" }),
    file("one.encrypted.json", { format: "hr-readiness-assessment-encrypted", iterations: 600000, salt: "", iv: "", data: "" }),
    file("p1.json", respondentFile(0, ids)),
  ]);
  await waitForText(page, "Added 1 respondent.");
  for (const name of ["all.json", "all.encrypted.json"]) {
    await waitForText(page, `${name}: this is a backup of several assessments. Restore it on “Your saved assessments” first, then add them from there.`);
  }
  await waitForText(page, "one.encrypted.json: this file is protected with a passphrase. Import it on “Your saved assessments” first, then add it from there.");
  await expectText(page, "Respondents (1)");
});

test("team view: removing everyone asks first, and Cancel keeps the team", async (t) => {
  const { page } = await app.open(t);
  const ids = (await statementList(page)).map((s) => s.id);
  await visit(page, app.url, "/team");
  await page.getByLabel("Choose respondents' files, or drop them here").setInputFiles(
    [0, 1].map((i) => ({ name: `p${i + 1}.json`, mimeType: "application/json", buffer: Buffer.from(respondentFile(i, ids)) })),
  );
  await waitForText(page, "Added 2 respondents.");
  await page.getByRole("button", { name: "Remove everyone" }).click();
  const confirm = page.getByRole("group", { name: /^Remove all 2 respondents from this device\?/ });
  await confirm.waitFor();
  await page.waitForFunction(() => document.activeElement?.getAttribute("role") === "group" && document.activeElement.innerText.startsWith("Remove all 2 respondents"));
  await axe(page, "on the confirmation to remove everyone");
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await page.waitForFunction(() => document.activeElement?.innerText === "Remove everyone");
  await expectText(page, "Respondents (2)");
  await page.getByRole("button", { name: "Remove everyone" }).click();
  await page.getByRole("button", { name: "Yes, remove everyone" }).click();
  await waitForText(page, "No one has been added yet.");
});

test("team view: a write that fails (storage full) says so, as any failed save does", async (t) => {
  const { page } = await app.open(t);
  await visit(page, app.url, "/section/funding");
  await answer(page, FUNDING, "Strongly disagree");
  await visit(page, app.url, "/results");
  const code = (await page.locator("code.answer-code").innerText()).trim();
  await visit(page, app.url, "/team");
  // Fill the rest of this origin's storage.
  await page.evaluate(() => {
    let chunk = "x".repeat(1 << 20);
    let i = 0;
    while (chunk.length > 16) {
      try {
        localStorage.setItem(`filler-${i++}`, chunk);
      } catch {
        chunk = chunk.slice(0, chunk.length >> 1);
      }
    }
  });
  await page.getByLabel("Answer codes, one per line").fill(code);
  await page.getByRole("button", { name: "Add codes" }).click();
  await waitForText(page, "Added 1 respondent.");
  const alert = page.getByRole("alert").filter({ hasText: "Not saved" });
  await alert.getByText(/storage for this site is full/).waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem("hr-readiness:team")), null, "nothing half written");
  await expectText(page, "Respondents (1)");
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("filler-")).forEach((k) => localStorage.removeItem(k)));
});

test("an answer code travels in a link's fragment and is taken out of the address once used", async (t) => {
  const { page, context } = await app.open(t);
  await visit(page, app.url, "/section/funding");
  await answer(page, FUNDING, "Strongly disagree");
  await visit(page, app.url, "/results");
  const code = (await page.locator("code.answer-code").innerText()).trim();
  assert.match(code, /^B\d+\.[A-Za-z0-9_-]+$/);
  assert.ok(code.length <= 34, `a short code (${code.length} characters)`);

  const facilitator = await context.newPage();
  await facilitator.goto(`${app.url}/#/team/add/${code}`);
  await ready(facilitator);
  await facilitator.getByText("Added one respondent from a link.").waitFor();
  assert.match(facilitator.url(), /#\/team$/, "the code is no longer in the address");
  await facilitator.getByText("Respondents (1)").waitFor();
  // One respondent, in the singular.
  await facilitator.getByText(/^Scored 1 respondent in [\d.]+ ms, in this browser\.$/).waitFor();
  // A mistyped code is refused with a message a facilitator understands.
  await facilitator.getByLabel("Answer codes, one per line").fill(code.slice(0, -3) + "zzz");
  await facilitator.getByRole("button", { name: "Add codes" }).click();
  await facilitator.getByText(/^Code 1: /).waitFor();
  await facilitator.getByText("Respondents (1)").waitFor();
});

/**
 * Answers the funding statement `before`, duplicates the assessment, answers
 * it `after` in the copy, and compares the two on the comparison page.
 */
async function compareFunding(page, before, after) {
  await visit(page, app.url, "/section/funding");
  await answer(page, FUNDING, before);
  // With one saved assessment there is nothing to choose yet.
  await visit(page, app.url, "/compare");
  await expectText(page, "You need at least two saved assessments on this device.");
  assert.equal(await page.getByRole("combobox").count(), 0);
  await visit(page, app.url, "/assessments");
  const first = (await page.getByRole("list", { name: "Saved assessments" }).getByRole("heading").allInnerTexts())[0];
  await page.getByRole("button", { name: `Duplicate ${first}` }).click();
  await page.getByRole("button", { name: `Open Copy of ${first}` }).click();
  await expectHeading(page, "Funding");
  await answer(page, FUNDING, after);
  await visit(page, app.url, "/compare");
  const option = async (select, name) =>
    page.getByLabel(select, { exact: true }).locator("option").filter({ hasText: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} \\(`) }).getAttribute("value");
  await page.getByLabel("Before", { exact: true }).selectOption(await option("Before", first));
  await page.getByLabel("After", { exact: true }).selectOption(await option("After", `Copy of ${first}`));
}

test("compare two assessments: balances, statements that moved, TA needs resolved and new", async (t) => {
  const { page } = await app.open(t);
  await compareFunding(page, "Strongly disagree", "Somewhat agree");
  await waitForText(page, "Statements that moved (1)");
  await expectText(page, "strongly disagree → somewhat agree (score −2 → +1)");
  await expectText(page, "Resolved (1)");
  await expectText(page, "Securing funding or reimbursement for harm reduction");
  await axe(page, "on the comparison page");
});

test("comparing: a TA need of one point reads in the singular", async (t) => {
  const { page } = await app.open(t);
  await compareFunding(page, "I don't know", "Somewhat agree");
  await waitForText(page, "Resolved (1)");
  await expectText(page, "(1 point before)");
});

test("action plan: actions with owner, due date and status are checked, kept with the assessment, exported", async (t) => {
  const { page } = await app.open(t);
  // Before any answer: no recommendation yet, and the plan says where they come from.
  await visit(page, app.url, "/plan");
  await expectText(page, "No recommendations yet: they come from the barriers and “I don't know” answers in your results.");
  await visit(page, app.url, "/section/funding");
  await answer(page, FUNDING, "Strongly disagree");
  await visit(page, app.url, "/plan");
  await axe(page, "on the action plan");
  await page.getByRole("button", { name: "Add an action for Securing funding or reimbursement for harm reduction" }).click();
  // An empty title is refused with an error summary that links to the field.
  await page.getByRole("button", { name: "Save the action" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await summary.waitFor();
  await axe(page, "with the error summary");
  await page.getByLabel("What will be done").fill("Ask the county health department about opioid settlement grants");
  await page.getByLabel("Who takes it forward").fill("Executive director");
  await page.getByLabel("Due date (optional)").fill("2027-02-15");
  await page.getByLabel("Status").selectOption("in_progress");
  await page.getByLabel("Notes (optional)").fill("Bring the results page.");
  await page.getByRole("button", { name: "Save the action" }).click();
  const plan = page.getByRole("table", { name: "The action plan" });
  await plan.getByRole("rowheader", { name: "Ask the county health department about opioid settlement grants" }).waitFor();
  await page.reload();
  await ready(page);
  await plan.getByText("Executive director").waitFor();
  await expectText(page, "In progress");
  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download the plan (CSV)" }).click()]);
  const text = await readFile(await csv.path(), "utf8");
  assert.ok(text.includes("Ask the county health department about opioid settlement grants,Securing funding or reimbursement for harm reduction,Executive director,2027-02-15,In progress"), text);
  // The plan travels in the exported file.
  await visit(page, app.url, "/results");
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download answers (JSON)" }).click()]);
  const exported = JSON.parse(await readFile(await file.path(), "utf8"));
  assert.equal(exported.assessment.actions[0].owner, "Executive director");
});
