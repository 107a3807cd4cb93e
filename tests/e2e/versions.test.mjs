// Questionnaire 1.0.0 → 2.0.0: a 1.0.0 file imports, keeps its answers to
// unchanged statements, and "Check your answers" shows which statements need
// a fresh answer and why; the team view accepts 1.0.0 files beside 2.0.0
// files and says how it merged them.

import { test } from "node:test";
import assert from "node:assert/strict";
import { axe, useApp } from "./harness.mjs";
import { answerOf, expectHeading, expectText, visit, waitForText } from "./pages.mjs";

const app = useApp();
const FUNDING = "Adequate funding is available to support harm reduction in our organization.";
const SYRINGES = "Law where we work would allow us to hand out sterile syringes.";

/** A file exported by the app with questionnaire 1.0.0. */
function file100(name, statements) {
  return JSON.stringify({
    format: "hr-readiness-assessment",
    version: 2,
    exported: "2026-03-01T10:01:00.000Z",
    language: "en",
    instrument_version: "1.0.0",
    assessment: {
      name,
      created: "2026-03-01T09:00:00.000Z",
      updated: "2026-03-01T10:00:00.000Z",
      responses: { statements, choices: { role: ["staff"] } },
    },
  });
}

test("a 1.0.0 file imports with its changed statements shown for a fresh answer", async (t) => {
  const { page } = await app.open(t);
  await visit(page, app.url, "/assessments");
  const text = file100("Spring assessment", {
    "adequate-funding": "strongly_disagree",
    "supplies-allowed": "strongly_agree",
    "no-abstinence-discharge": "somewhat_disagree",
  });
  await page.getByLabel("Choose a file, or drop it here").setInputFiles({ name: "spring.json", mimeType: "application/json", buffer: Buffer.from(text) });
  await waitForText(page, "Imported “Spring assessment”.");
  await expectText(page, "This file was made with version 1.0.0 of the questionnaire; this app has version 2.0.0.");
  await expectText(page, "2 answers were given to statements this version asks differently.");

  // The unchanged statement keeps its answer.
  await visit(page, app.url, "/section/funding");
  assert.equal(await answerOf(page, FUNDING), "Strongly disagree");

  // The check page lists the changed ones: the earlier answer, why, and what to answer now.
  await visit(page, app.url, "/check");
  await expectHeading(page, "Check your answers");
  await expectText(page, "Statements that need a fresh answer");
  await expectText(page, "Earlier: “Law where we work allows us to hand out harm reduction supplies such as syringes and fentanyl test strips.” You answered: Strongly agree.");
  await expectText(page, "Why it changed: It asked about syringes and test strips together");
  await expectText(page, "Why it changed: It was a double negative");
  await axe(page, "on the check page with statements needing a fresh answer");
  const fresh = page.getByRole("link", { name: SYRINGES }).first();
  await fresh.click();
  await expectHeading(page, "Law");
  // Not carried over: the new statement has no answer yet.
  assert.equal(await answerOf(page, SYRINGES), null);

  // The results name the free national TA center, as text and a plain link
  // that sends nothing from the app (no referrer); following it is the user's choice.
  await visit(page, app.url, "/results");
  await expectText(page, "The National Harm Reduction Technical Assistance Center, named in the 2022 report, offers free help");
  const link = page.getByRole("link", { name: "https://harmreductionhelp.cdc.gov" });
  assert.equal(await link.getAttribute("href"), "https://harmreductionhelp.cdc.gov");
  assert.equal(await link.getAttribute("rel"), "noreferrer");
  // The national figures are respondents', with the assumed n and the 106% named.
  await expectText(page, "answered by 90 respondents");
  await expectText(page, "These four figures add up to 106%, as published.");
});

test("the team view accepts 1.0.0 files beside 2.0.0 files and says how it merged them", async (t) => {
  const { page } = await app.open(t);
  const current = JSON.stringify({
    format: "hr-readiness-assessment",
    version: 2,
    exported: "2026-11-01T10:01:00.000Z",
    language: "en",
    instrument_version: "2.0.0",
    assessment: {
      name: "Autumn",
      created: "2026-11-01T09:00:00.000Z",
      updated: "2026-11-01T10:00:00.000Z",
      responses: { statements: { "adequate-funding": "somewhat_disagree", "syringes-allowed": "strongly_agree" }, choices: { role: ["leadership"] } },
    },
  });
  await visit(page, app.url, "/team");
  await page.getByLabel("Choose respondents' files, or drop them here").setInputFiles([
    { name: "old.json", mimeType: "application/json", buffer: Buffer.from(file100("Spring", { "adequate-funding": "strongly_disagree", "telehealth-moud": "strongly_agree" })) },
    { name: "new.json", mimeType: "application/json", buffer: Buffer.from(current) },
  ]);
  await waitForText(page, "Added 2 respondents.");
  await expectText(page, "1 of 2 respondents answered an earlier version of the questionnaire: 1.0.0 (1).");
  await expectText(page, "have answers only from the 1 respondent who answered that version.");
  const table = page.getByRole("table", { name: "Each statement: how many gave each answer, agreement, and the average by role" });
  const row = (text) => table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: text }) });
  // Shared statement: both respondents (one strongly, one somewhat disagree).
  const funding = await row(FUNDING).getByRole("cell").allInnerTexts();
  assert.equal(funding[2], "1 (50%)");
  assert.equal(funding[3], "1 (50%)");
  // New statement: only the 2.0.0 respondent; the 1.0.0 one left it blank.
  const syringes = await row(SYRINGES).getByRole("cell").allInnerTexts();
  assert.equal(syringes[0], "1 (50%)");
  assert.equal(syringes[5], "1");
  await axe(page, "on the team view with two questionnaire versions");
});
