// In kiosk mode, the results page's "Finished?" panel says only what applies:
// before any answer there is nothing to download or delete, so it is not
// shown (the downloads it points at are hidden too); after an answer it
// points at the downloads, which are there.

import { test } from "node:test";
import assert from "node:assert/strict";
import { axe, ready, useApp } from "./harness.mjs";
import { answerAll, expectHeading } from "./pages.mjs";

const app = useApp();

test("kiosk mode: the Finished? panel appears only once there is something to keep or delete", async (t) => {
  const { page } = await app.open(t);
  await page.goto(`${app.url}/?kiosk=1#/results`);
  await ready(page);
  // The facilitator sets the kiosk's exit code first.
  await page.getByLabel("Exit code", { exact: true }).fill("4821 blue");
  await page.getByLabel("Exit code again").fill("4821 blue");
  await page.getByRole("button", { name: "Start kiosk mode" }).click();
  await expectHeading(page, "Your results");
  const finished = page.getByRole("heading", { name: "Finished?" });
  const csv = page.getByRole("button", { name: "Download spreadsheet (CSV)" });
  await page.getByText("You have not answered any statements yet").waitFor();
  assert.equal(await finished.count(), 0, "no Finished? panel before any answer");
  assert.equal(await csv.count(), 0, "no download before any answer");
  assert.equal(await page.getByText("use the buttons above").count(), 0, "nothing points at hidden buttons");

  await page.goto(`${app.url}/?kiosk=1#/section/funding`);
  await ready(page);
  await answerAll(page, (_, i) => (i === 0 ? "Somewhat agree" : null));
  // Only the fragment changes: the kiosk keeps its answers in the tab's memory.
  await page.goto(`${app.url}/?kiosk=1#/results`);
  await ready(page);
  await finished.waitFor();
  assert.equal(await csv.isVisible(), true, "the downloads the panel points at are there");
  await axe(page, "on the kiosk results page after an answer");
});
