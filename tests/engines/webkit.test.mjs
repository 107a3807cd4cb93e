// The journeys that matter, in WebKitGTK, the engine of Safari
// (WebKitWebDriver and MiniBrowser on an Xvfb display). See engines.mjs for
// the driver and the guards, journeys.mjs for the journeys. A check for
// WebKit alone goes here, with journey(engine, "…", async (page) => { … }).
import { useEngine } from "./engines.mjs";
import assert from "node:assert/strict";
import { By } from "selenium-webdriver";
import { FUNDING, journey, journeys, requireEngine } from "./journeys.mjs";

const engine = useEngine("webkit");
requireEngine(engine);
journeys(engine);

// Safari (WebKit) deletes a site's saved data after seven days of use
// without a visit: the app says so once something is saved, in WebKit only
// (Chromium's e2e and Firefox's journey check that it does not show there).
// It shows from the next page on, never on the page where the first answer
// was saved: there it would push the answers down under the reader's finger.
journey(engine, "the Safari note shows once something is saved, and stays dismissed", async (page) => {
  await page.visit("/section/funding");
  await page.answer(FUNDING, "Somewhat agree");
  await page.waitText("Saved on this device.");
  const before = await page.d.findElement(By.xpath(`//label[normalize-space(.)="Somewhat agree"]`)).getRect();
  await new Promise((r) => setTimeout(r, 1000));
  assert.ok(!(await page.bodyText()).includes("A note for Safari"), "not on the page being answered");
  const after = await page.d.findElement(By.xpath(`//label[normalize-space(.)="Somewhat agree"]`)).getRect();
  assert.equal(after.y, before.y, "the answers did not move");
  await page.click("Save and", { prefix: true });
  await page.waitText("A note for Safari");
  await page.waitText("Add this app to your Home Screen");
  await page.click("Got it");
  await page.visit("/assessments");
  await page.reload();
  await page.ready();
  await page.expectHeading("Your saved assessments");
  assert.ok(!(await page.bodyText()).includes("A note for Safari"), "dismissed, and remembered");
});
