// Taking the assessment as a user: the whole flow with three answer
// patterns, resuming after a reload, changing an answer from "check your
// answers", Back and Forward, and axe on every page.

import { test } from "node:test";
import assert from "node:assert/strict";
import { axe, ready, useApp } from "./harness.mjs";
import {
  answer,
  answerOf,
  continueOn,
  domainTable,
  expectHeading,
  expectText,
  contextHeadline,
  overallHeadline,
  taAreas,
  takeAssessment,
  visit,
} from "./pages.mjs";

const app = useApp();
const DOMAINS = ["Leadership", "Staff", "Community", "Law", "Policy", "Funding"];
// The statements worded the other way around: agreeing is the barrier.
const NEGATIVE = new Set([
  "Burnout or secondary trauma is making it hard for our staff to keep going.",
  "Stigma against people who use drugs in our community keeps people from coming to us.",
  "Courts, probation or parole require many of the people we serve to be in abstinence-only treatment.",
  "The insurers and funders we rely on pay only for abstinence-only programs.",
]);

async function results(page) {
  await page.getByRole("link", { name: "See your results" }).click();
  await expectHeading(page, "Your results");
}

test("three answer patterns give the readings they must", async (t) => {
  const { page } = await app.open(t);

  // 1. Agreeing with every statement: every domain a facilitator; the four
  // negatively worded statements are the only barriers.
  await takeAssessment(page, app.url, () => "Strongly agree");
  await results(page);
  const agree = await domainTable(page);
  for (const d of DOMAINS) assert.equal(agree[d].stage, "Facilitator", d);
  assert.match(await overallHeadline(page), /ready in every domain with enough answers/);
  await expectText(page, "What holds you back (4)");
  await axe(page, "on the results page (all agree)");

  // 2. Disagreeing with everything: every domain a barrier; the TA areas
  // behind nothing but strong barriers come first (the negatively worded
  // statements, now facilitators, lower the need of funding and law).
  await page.goto(`${app.url}/#/`);
  await ready(page);
  await page.getByRole("button", { name: "Delete my answers and start again" }).click();
  await page.getByRole("button", { name: "Yes, delete my answers" }).click();
  await takeAssessment(page, app.url, () => "Strongly disagree");
  await results(page);
  const disagree = await domainTable(page);
  for (const d of DOMAINS) assert.equal(disagree[d].stage, "Barrier", d);
  assert.match(await overallHeadline(page), /is holding your organization back/);
  assert.match(await contextHeadline(page), /^Around your organization, these work against it: Community, Law/);
  const areas = await taAreas(page);
  assert.equal(areas[0], "Implementing specific harm reduction practices or services", areas.join(" | "));

  // 3. Mixed, with "I don't know" for every law statement: law becomes a
  // "find out", unknowns are counted but never barriers.
  await page.goto(`${app.url}/#/`);
  await ready(page);
  await page.getByRole("button", { name: "Delete my answers and start again" }).click();
  await page.getByRole("button", { name: "Yes, delete my answers" }).click();
  const cycle = ["Strongly agree", "Somewhat agree", "Somewhat disagree", "I don't know"];
  await takeAssessment(page, app.url, (text, n) => (n >= 24 && n < 34 ? "I don't know" : cycle[n % 4]));
  await results(page);
  const mixed = await domainTable(page);
  assert.equal(mixed.Law.stage, "Not enough answers");
  assert.equal(mixed.Law.unknowns, "10");
  assert.equal(mixed.Law.barriers, "0");
  const findOut = page.getByRole("heading", { name: "Find out first" });
  await findOut.waitFor();
  await expectText(page, "Law: 10 of 10 statements without a known answer.");
  assert.notDeepEqual(mixed, agree);
  assert.notDeepEqual(mixed, disagree);
  await axe(page, "on the results page (mixed)");
});

test("a reload halfway returns to the same page with every answer, and the start page offers to continue", async (t) => {
  const { page } = await app.open(t);
  await visit(page, app.url, "/section/leadership");
  await answer(page, "Our organization's leadership supports harm reduction services.", "Strongly agree");
  await continueOn(page);
  await expectHeading(page, "Staff");
  await answer(page, "We employ peer workers or other people with lived experience of drug use.", "I don't know");
  await page.reload();
  await ready(page);
  await expectHeading(page, "Staff");
  assert.equal(await answerOf(page, "We employ peer workers or other people with lived experience of drug use."), "I don't know");

  await visit(page, app.url, "/");
  await expectText(page, "You have answered 2 of");
  await page.getByRole("link", { name: "Continue where you left off" }).click();
  await expectHeading(page, "Staff");
  await page.getByRole("link", { name: "Back" }).click();
  await expectHeading(page, "Leadership");
  assert.equal(await answerOf(page, "Our organization's leadership supports harm reduction services."), "Strongly agree");
});

test("Back and the browser's back and forward never lose answers; each section has its own address", async (t) => {
  const { page } = await app.open(t);
  await visit(page, app.url, "/section/funding");
  assert.match(page.url(), /#\/section\/funding$/);
  await expectText(page, "Section 7 of 9");
  await answer(page, "Adequate funding is available to support harm reduction in our organization.", "Strongly disagree");
  await continueOn(page);
  await expectHeading(page, "Services and partners");
  assert.match(page.url(), /#\/section\/services$/);
  await page.getByRole("group", { name: "Naloxone distribution" }).getByRole("checkbox", { name: "We provide it" }).check();
  await page.goBack();
  await expectHeading(page, "Funding");
  assert.equal(await answerOf(page, "Adequate funding is available to support harm reduction in our organization."), "Strongly disagree");
  await page.goForward();
  await expectHeading(page, "Services and partners");
  assert.equal(
    await page.getByRole("group", { name: "Naloxone distribution" }).getByRole("checkbox", { name: "We provide it" }).isChecked(),
    true,
  );
  // Focus moves to the new page's heading.
  await page.getByRole("link", { name: "Back" }).click();
  await expectHeading(page, "Funding");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "page-heading");
});

test("check your answers lists what is unanswered; Change returns to the question and back, and the results follow", async (t) => {
  const { page } = await app.open(t);
  const funding = "Adequate funding is available to support harm reduction in our organization.";
  await visit(page, app.url, "/section/funding");
  await answer(page, funding, "Strongly disagree");
  await answer(page, "We can bill for, or be reimbursed for, at least some harm reduction services.", "Somewhat disagree");
  // Half of Funding's statements known: enough for a stage.
  await answer(page, "We know where to apply for funding for harm reduction services.", "Strongly disagree");
  await visit(page, app.url, "/results");
  assert.equal((await domainTable(page)).Funding.stage, "Barrier");

  await visit(page, app.url, "/check");
  await expectText(page, "You have answered 3 of");
  await expectText(page, "Not answered yet");
  // An unanswered statement is listed with a link to answer it.
  await page.getByRole("link", { name: "Our organization's leadership supports harm reduction services." }).first().waitFor();

  await page.getByRole("link", { name: `Change ${funding}` }).click();
  await expectHeading(page, "Funding");
  // The Change link lands on the question itself.
  const focused = await page.evaluate(() => document.activeElement?.getAttribute("name"));
  assert.equal(focused, "adequate-funding");
  await answer(page, funding, "Strongly agree");
  await page.getByRole("button", { name: "Save and return to check your answers" }).click();
  await expectHeading(page, "Check your answers");
  await expectText(page, "Strongly agree");

  await page.getByRole("link", { name: "See your results" }).click();
  await expectHeading(page, "Your results");
  const after = await domainTable(page);
  assert.equal(after.Funding.stage, "Mixed");
  assert.equal(after.Funding.balance, "\u221217");
});

test("check your answers: one question left reads in the singular, in both languages", async (t) => {
  const { page } = await app.open(t);
  // Every question answered: the statements, then on each page any group
  // (a choice, a grid row) still without an answer gets its first option.
  await takeAssessment(
    page,
    app.url,
    () => "Somewhat agree",
    async (page) => {
      const groups = page.getByRole("group");
      for (let g = 0; g < (await groups.count()); g++) {
        const group = groups.nth(g);
        const inputs = group.locator("input");
        let answered = false;
        for (let k = 0; k < (await inputs.count()); k++) answered ||= await inputs.nth(k).isChecked();
        if (answered) continue;
        const radios = group.getByRole("radio");
        await ((await radios.count()) ? radios : group.getByRole("checkbox")).first().check();
      }
    },
  );
  await expectText(page, "You have answered 61 of 61 questions.");
  assert.equal(await page.getByText("Not answered yet").count(), 0);

  // One answer cleared: one question left.
  const funding = "Adequate funding is available to support harm reduction in our organization.";
  await visit(page, app.url, "/section/funding");
  await page.getByRole("button", { name: `Clear this answer (${funding})` }).click();
  await visit(page, app.url, "/check");
  await expectText(page, "You have answered 60 of 61 questions.");
  await page.getByRole("heading", { name: "Not answered yet (1)" }).waitFor();
  await page.getByText("Show the unanswered question", { exact: true }).waitFor();
  await page.getByRole("link", { name: funding, exact: true }).waitFor();

  await page.getByRole("button", { name: "Español" }).click();
  await page.getByRole("heading", { name: "Sin responder todavía (1)" }).waitFor();
  await page.getByText("Mostrar la pregunta sin responder", { exact: true }).waitFor();
});

test("every page passes axe, on a phone and on a laptop", async (t) => {
  for (const viewport of [
    { width: 390, height: 844 },
    { width: 1280, height: 900 },
  ]) {
    const { page } = await app.open(t, { viewport });
    await takeAssessment(
      page,
      app.url,
      (text, n) => ["Somewhat agree", "Strongly disagree", "I don't know", "Strongly agree"][n % 4],
      async (page, heading) => {
        await axe(page, `on ${heading} at ${viewport.width}px`);
        if (heading === "Technical assistance") {
          await page.getByRole("radio", { name: "No", exact: true }).check();
          await page.getByRole("checkbox", { name: /^Step-by-step toolkits/ }).check();
          await page.getByRole("checkbox", { name: /^Travel is difficult/ }).check();
        }
        if (heading === "About your organization") {
          await page.getByRole("radio", { name: /^Peer worker/ }).check();
        }
      },
    );
    await axe(page, `on check your answers at ${viewport.width}px`);
    for (const [fragment, title] of [
      ["/results", "Your results"],
      ["/method", "How is this calculated?"],
      ["/privacy", "How your privacy is protected"],
      ["/nowhere", "Page not found"],
      ["/", "How ready is your organization for harm reduction?"],
    ]) {
      await visit(page, app.url, fragment);
      await expectHeading(page, title);
      await axe(page, `on ${title} at ${viewport.width}px`);
    }
  }
});

test("results before any answer: a way to start, and nothing to print or download yet", async (t) => {
  const { page } = await app.open(t);
  await visit(page, app.url, "/results");
  await expectHeading(page, "Your results");
  await expectText(page, "You have not answered any statements yet, so there is nothing to read.");
  await page.getByRole("main").getByRole("link", { name: "Start the assessment" }).waitFor();
  await page.getByRole("main").getByRole("link", { name: "How is this calculated?" }).first().waitFor();
  for (const name of ["Print or save as PDF", "Download spreadsheet (CSV)", "Download answers (JSON)"]) {
    assert.equal(await page.getByRole("button", { name }).count(), 0, `no “${name}” yet`);
  }
  await axe(page, "on the results page before any answer");
  // One answer, and they are there.
  await visit(page, app.url, "/section/law");
  await answer(page, "Local laws help increase access to harm reduction services.", "Strongly disagree");
  await visit(page, app.url, "/results");
  for (const name of ["Print or save as PDF", "Download spreadsheet (CSV)", "Download answers (JSON)"]) {
    await page.getByRole("button", { name }).waitFor();
  }
});

test("the results print cleanly: no navigation or buttons, the chart and tables kept", async (t) => {
  const { page } = await app.open(t);
  await visit(page, app.url, "/section/law");
  await answer(page, "Local laws help increase access to harm reduction services.", "Strongly disagree");
  await visit(page, app.url, "/results");
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.getByRole("banner").isVisible(), false, "no site header");
  assert.equal(await page.getByRole("contentinfo").isVisible(), false, "no footer");
  assert.equal(await page.getByRole("button", { name: "Print or save as PDF" }).isVisible(), false, "no buttons");
  assert.equal(await page.getByRole("img", { name: /Balance of each domain/ }).isVisible(), true, "the chart");
  assert.equal(await page.getByRole("table", { name: "The numbers behind the chart" }).isVisible(), true, "the table");
  // Printing from the browser's own menu opens the working behind every number.
  await page.emulateMedia({ media: "screen" });
  assert.equal(await page.locator("details[open]").count(), 0);
  await page.pdf();
  assert.ok((await page.locator("details:not([open])").count()) === 0, "every details element is open for print");
});

test("a choice limited to three refuses a fourth with a clear message", async (t) => {
  const { page } = await app.open(t);
  await visit(page, app.url, "/section/ta");
  for (const name of [/^Step-by-step toolkits/, /^National webinars/, /^Short resources/]) {
    await page.getByRole("checkbox", { name }).check();
  }
  await page.getByRole("checkbox", { name: /^In-person convenings/ }).click();
  await expectText(page, "You can choose up to 3. Uncheck one to choose another.");
  assert.equal(await page.getByRole("checkbox", { name: /^In-person convenings/ }).isChecked(), false);
  await page.reload();
  await ready(page);
  assert.equal(await page.getByRole("checkbox", { name: /^Short resources/ }).isChecked(), true);
  assert.equal(await page.getByRole("checkbox", { name: /^In-person convenings/ }).isChecked(), false);
});

test("counts of one read in the singular, in both languages", async (t) => {
  const { page } = await app.open(t);
  await visit(page, app.url, "/section/leadership");
  await answer(page, "Our organization's leadership supports harm reduction services.", "Strongly agree");
  await answer(page, "Our organization has adopted harm reduction principles and values.", "Somewhat disagree");
  await answer(page, "Harm reduction is part of our mission statement or strategic plan.", "I don't know");
  await visit(page, app.url, "/section/staff");
  await answer(page, "Staff in our organization support harm reduction services.", "Strongly agree");
  await visit(page, app.url, "/results");
  await expectHeading(page, "Your results");
  const text = () => page.evaluate(() => document.querySelector("main").textContent.replace(/\s+/g, " "));
  let all = await text();
  assert.match(all, /2 facilitators, 1 barrier, 1 “I don't know”, from 4 of \d+ statements answered/);
  assert.match(all, /Score of the one known answer: \+2\. Balance = 100 × \+2 ÷ \(2 × 1\) = \+100\./);
  assert.match(all, /Sum of the scores of the 2 known answers: \+1\./);
  assert.doesNotMatch(all, /\b1 (points|barriers|facilitators)\b/);

  await page.getByRole("button", { name: "Español" }).click();
  await expectHeading(page, "Sus resultados");
  all = await text();
  assert.match(all, /2 facilitadores, 1 barrera, 1 “No sé”, en 4 de \d+ afirmaciones respondidas/);
  assert.match(all, /Puntaje de la única respuesta conocida: \+2\./);
  assert.doesNotMatch(all, /\b1 (puntos|barreras|facilitadores)\b/);
});
