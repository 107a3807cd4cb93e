// The journeys that matter, in Firefox ESR (geckodriver). See engines.mjs
// for the driver and the guards, journeys.mjs for the journeys.
import { useEngine } from "./engines.mjs";
import assert from "node:assert/strict";
import { FUNDING, journey, journeys, requireEngine } from "./journeys.mjs";

const engine = useEngine("firefox");
requireEngine(engine);
journeys(engine);

// The Safari note is for Safari (WebKit) alone.
journey(engine, "no Safari note in Firefox once something is saved", async (page) => {
  await page.visit("/section/funding");
  await page.answer(FUNDING, "Somewhat agree");
  await page.waitText("Saved on this device.");
  await page.visit("/assessments");
  await page.expectHeading("Your saved assessments");
  assert.ok(!(await page.bodyText()).includes("A note for Safari"));
});
