// The results page is drawn once and kept (src/ui/mod.rs, `Shell`; issue
// #17: "update only what changed, instead of rebuilding the page"). While
// another page shows, it is out of sight and out of reach: inert, hidden from
// assistive technology, without the page heading's id. An answer changes in
// place only what it changed: the rows it did not touch are the same
// elements as before. Arriving, it lays out only what is near the screen
// for its first frame. It leaves the page when the answers lock, so nothing
// of them stays behind the unlock page.

import { test } from "node:test";
import assert from "node:assert/strict";
import { axe, useApp } from "./harness.mjs";
import { answer, domainTable, expectHeading, visit, waitForText } from "./pages.mjs";

const app = useApp();
const LEADERSHIP = "Our organization's leadership supports harm reduction services.";
const FUNDING = "Adequate funding is available to support harm reduction in our organization.";

/** A row of "The numbers behind the chart", by its domain. */
function chartRow(page, domain) {
  return page
    .getByRole("table", { name: "The numbers behind the chart" })
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: domain, exact: true }) });
}

/** Marks an element so that the same element can be recognised later. */
async function mark(locator, name) {
  await locator.evaluate((el, name) => {
    el.dataset.mark = name;
  }, name);
}

async function marked(locator) {
  return locator.evaluate((el) => el.dataset.mark ?? null);
}

test("the results are kept while another page shows, out of sight and reach, and an answer redraws only what it changed", async (t) => {
  const { page } = await app.open(t);
  await visit(page, app.url, "/section/leadership");
  await answer(page, LEADERSHIP, "Strongly agree");
  await visit(page, app.url, "/section/funding");
  await answer(page, FUNDING, "Strongly agree");
  await visit(page, app.url, "/results");
  await expectHeading(page, "Your results");
  assert.equal((await domainTable(page)).Funding.balance, "+100");
  await mark(chartRow(page, "Leadership"), "kept");
  await mark(chartRow(page, "Funding"), "old");
  // (The marks themselves are attributes: set before the observer below.)

  // Away from the results: one page heading, the question page's; nothing
  // of the results is exposed, and the keyboard never reaches it.
  await visit(page, app.url, "/section/funding");
  await expectHeading(page, "Funding");
  assert.equal(await page.locator("#page-heading").count(), 1);
  assert.equal(await page.getByRole("heading", { name: "Your results" }).count(), 0);
  assert.equal(await page.getByRole("table").count(), 0, "no table of the results is exposed");
  const kept = page.locator("main [inert]");
  assert.equal(await kept.count(), 1, "the results are kept, inert");
  assert.equal(await kept.getAttribute("aria-hidden"), "true");
  assert.equal(await kept.locator("h1").evaluate((el) => el.checkVisibility()), false, "out of sight");
  assert.equal(await kept.evaluate((el) => el.getBoundingClientRect().height), 0, "taking no room");
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press("Tab");
    const inside = await page.evaluate(() => !!document.activeElement?.closest("[inert]"));
    assert.ok(!inside, "the keyboard focus never enters the kept results");
  }
  await axe(page, "on a question page with the results kept");

  // An answer: while the question page shows, the kept table changes in
  // the funding row only.
  await page.evaluate(() => {
    const table = [...document.querySelectorAll("table")].find((t) => t.caption?.textContent === "The numbers behind the chart");
    window.changedRows = new Set();
    new MutationObserver((records) => {
      for (const r of records) {
        const node = r.target.nodeType === Node.TEXT_NODE ? r.target.parentElement : r.target;
        window.changedRows.add(node.closest("tr")?.querySelector("th")?.textContent ?? "(not in a row)");
      }
    }).observe(table, { childList: true, subtree: true, characterData: true, attributes: true });
  });
  await answer(page, FUNDING, "Strongly disagree");
  await page.waitForFunction(() => window.changedRows.size > 0);
  assert.deepEqual(await page.evaluate(() => [...window.changedRows]), ["Funding"], "only the funding row changed");
  await visit(page, app.url, "/results");
  await expectHeading(page, "Your results");
  assert.equal((await domainTable(page)).Funding.balance, "−100");
  assert.equal((await domainTable(page)).Leadership.balance, "+100");
  assert.equal(await marked(chartRow(page, "Leadership")), "kept", "an untouched row is not drawn again");
  assert.equal(await marked(chartRow(page, "Funding")), "old", "the changed row is changed where it is");
  assert.equal(await page.locator("#page-heading").count(), 1);
  assert.equal(await page.locator("main [inert]").count(), 0, "on show, nothing is inert");
  await axe(page, "on the kept results page");

  // Arriving, for its first frame, the page lays out only what is near the
  // screen (its last section, far below, has content-visibility: auto).
  // Then every section is laid out: a section left skipped would read as
  // empty.
  await visit(page, app.url, "/section/funding");
  await expectHeading(page, "Funding");
  const firstFrame = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const about = () => getComputedStyle(document.getElementById("about-title").closest("section")).contentVisibility;
        // Registered after the app's listener: the app has taken the change.
        addEventListener(
          "hashchange",
          () => {
            const arriving = about();
            requestAnimationFrame(() => resolve({ heading: document.getElementById("page-heading")?.textContent, arriving, inFrame: about() }));
          },
          { once: true },
        );
        location.hash = "#/results";
      }),
  );
  assert.deepEqual(
    firstFrame,
    { heading: "Your results", arriving: "auto", inFrame: "auto" },
    "for its first frame, a section far below is drawn only if near the screen",
  );
  await page.waitForFunction(
    () => {
      const about = document.getElementById("about-title").closest("section");
      return getComputedStyle(about).contentVisibility === "visible" && about.innerText.includes("Nothing on this page has left your browser.");
    },
  );
  const about = page.getByRole("region", { name: "About these results" });
  assert.match(await about.innerText(), /Nothing on this page has left your browser\./, "then every section is laid out");
});

test("a lock takes the kept results out of the page", async (t) => {
  const { page } = await app.open(t);
  await visit(page, app.url, "/section/funding");
  await answer(page, FUNDING, "Strongly disagree");
  await visit(page, app.url, "/results");
  await expectHeading(page, "Your results");
  await visit(page, app.url, "/protect");
  await expectHeading(page, "Passphrase protection");
  assert.equal(await page.locator("main [inert]").count(), 1, "the results are kept");
  await page.getByLabel("Passphrase", { exact: true }).fill("purple kettle harbour");
  await page.getByLabel("Passphrase again").fill("purple kettle harbour");
  await page.getByRole("button", { name: "Turn on protection" }).click();
  await waitForText(page, "Protection is on.");
  await page.getByRole("button", { name: "Lock now" }).click();
  await expectHeading(page, "Your assessments are locked");
  assert.equal(await page.locator("main [inert]").count(), 0, "no kept page behind the lock");
  const text = await page.locator("main").evaluate((el) => el.textContent);
  assert.ok(!text.includes("Your results") && !text.includes("−100"), "nothing of the results stays in the page");
  // Unlocked, the results come back, drawn anew.
  await page.getByLabel("Passphrase", { exact: true }).fill("purple kettle harbour");
  await page.getByRole("button", { name: "Unlock" }).click();
  await visit(page, app.url, "/results");
  await expectHeading(page, "Your results");
  assert.equal((await domainTable(page)).Funding.balance, "−100");
});
