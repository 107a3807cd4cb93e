// The results summary on a phone (issue #15): a director gets both
// readings, what to ask for and how, on the first screens, before any chart
// or table; each line leads to its working; print keeps everything.

import { test } from "node:test";
import assert from "node:assert/strict";
import { axe, useApp } from "./harness.mjs";
import { expectHeading, takeAssessment } from "./pages.mjs";

const app = useApp();

/** The distance from the top of the page to an element's top and bottom, in CSS pixels. */
async function extent(locator) {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top + window.scrollY, bottom: r.bottom + window.scrollY };
  });
}

test("on a 390 × 844 phone the summary comes first and ends within 1,700 px; each line leads to its working", async (t) => {
  const { page } = await app.open(t, { viewport: { width: 390, height: 844 } });
  await takeAssessment(
    page,
    app.url,
    (text, n) => ["Somewhat agree", "Strongly disagree", "Strongly agree", "Somewhat disagree", "I don't know"][n % 5],
    async (page, heading) => {
      if (heading === "Technical assistance") {
        await page.getByRole("checkbox", { name: /^Step-by-step toolkits/ }).check();
        await page.getByRole("checkbox", { name: /^Travel is difficult/ }).check();
      }
    },
  );
  await page.getByRole("link", { name: "See your results" }).click();
  await expectHeading(page, "Your results");

  const summary = page.getByRole("region", { name: "Summary" });
  await summary.waitFor();
  // Both readings, in plain words.
  await summary.getByRole("heading", { name: "Your organization", exact: true }).waitFor();
  await summary.getByRole("heading", { name: "Its context", exact: true }).waitFor();
  // The top three TA areas and the top ways of receiving help.
  const ta = summary.getByRole("list").first().getByRole("listitem");
  assert.equal(await ta.count(), 3);
  const ways = summary.getByRole("list").nth(1).getByRole("listitem");
  assert.equal(await ways.count(), 3);
  await summary.getByText(/Not a validated instrument/).waitFor();

  // It ends within 1,700 px of the top, before any chart or table.
  const box = await extent(summary);
  assert.ok(box.bottom <= 1700, `the summary ends at ${Math.round(box.bottom)} px`);
  const chart = page.getByRole("img", { name: /^Balance of each domain/ });
  const firstTable = page.getByRole("table").first();
  assert.ok((await extent(chart)).top >= box.bottom, "the chart comes after the summary");
  assert.ok((await extent(firstTable)).top >= box.bottom, "every table comes after the summary");

  // Each line leads to its working: the first TA area to its place in the
  // ranked list, with the answers behind it.
  const first = ta.first().getByRole("button");
  const name = (await first.innerText()).trim();
  await first.click();
  const target = page.getByRole("region", { name: "Recommended technical assistance" }).getByRole("heading", { name, exact: true });
  await page.waitForFunction((el) => document.activeElement === el, await target.elementHandle());
  // The first way of receiving help, to its reason.
  const way = ways.first().getByRole("button");
  const wayName = (await way.innerText()).trim();
  await way.click();
  const wayTarget = page.getByRole("region", { name: "Ways of receiving help that suit you" }).getByText(wayName, { exact: true });
  await page.waitForFunction((el) => document.activeElement === el, await wayTarget.elementHandle());
  // The organization's reading, to its working table.
  await summary.getByRole("button", { name: "See the working" }).first().click();
  const working = page.getByRole("table", { name: /^Your organization itself/ });
  await page.waitForFunction((el) => el.contains(document.activeElement), await working.elementHandle());

  await axe(page, "on the results page with the summary, on a phone");

  // Print keeps everything: the summary, the working, the chart, the TA list
  // and the national comparison are all on paper.
  await page.emulateMedia({ media: "print" });
  for (const locator of [
    summary,
    working,
    chart,
    page.getByRole("region", { name: "Recommended technical assistance" }),
    page.getByRole("region", { name: "Your answers beside the nation" }),
  ]) {
    assert.ok(await locator.isVisible(), "visible in print");
  }
  await page.emulateMedia({ media: "screen" });
});

test("a domain with too few known answers reads 'not enough answers' and is named in the summary", async (t) => {
  const { page } = await app.open(t, { viewport: { width: 390, height: 844 } });
  // Every statement on the facilitator side (the negatively worded ones
  // disagreed with)...
  const negative = /^(Burnout|Stigma against|Courts, probation|The insurers)/;
  await takeAssessment(page, app.url, (text) => (negative.test(text) ? "Strongly disagree" : "Strongly agree"));
  // ...then Staff left with one answer: the rest cleared.
  await page.goto(`${app.url}/#/section/staff`);
  await expectHeading(page, "Staff");
  const clears = page.getByRole("button", { name: /^Clear/ });
  const count = await clears.count();
  for (let k = 1; k < count; k++) await clears.nth(1).click();
  await page.goto(`${app.url}/#/results`);
  await expectHeading(page, "Your results");
  const summary = page.getByRole("region", { name: "Summary" });
  await summary.getByText("Not enough answers to say: Staff.").waitFor();
  assert.match(await summary.locator("p").first().innerText(), /ready in every domain with enough answers/);
});
