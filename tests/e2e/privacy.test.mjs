// Privacy on the device (issue 16): kiosk mode on a shared device, quick
// exit (twice, and from inside a frame), the team view under passphrase
// protection, fields that keep sensitive words away from spellcheck and
// translation, and answer codes pasted rather than followed.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { axe, forgiveDropped, hold, ready, useApp } from "./harness.mjs";
import { answer, answerOf, expectHeading, expectText, visit, waitForText } from "./pages.mjs";

const app = useApp();
const FUNDING = "Adequate funding is available to support harm reduction in our organization.";
const START = "How ready is your organization for harm reduction?";
const EXIT_CODE = "facilitator 4711";

/** Everything of ours in localStorage, as { key: value }. */
async function stored(page) {
  return page.evaluate(() => {
    const out = {};
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (k.startsWith("hr-readiness:")) out[k] = localStorage.getItem(k);
    }
    return out;
  });
}

/** Opens the app in kiosk mode and, the first time, sets the exit code as a facilitator would. */
async function openKiosk(page, fragment = "/") {
  await kiosk(page, fragment);
  if (await page.getByRole("heading", { level: 1, name: "Set up this device as a kiosk" }).count()) {
    await axe(page, "on the kiosk set-up page");
    await page.getByLabel("Exit code", { exact: true }).fill(EXIT_CODE);
    await page.getByLabel("Exit code again").fill(EXIT_CODE);
    await page.getByRole("button", { name: "Start kiosk mode" }).click();
    await page.getByRole("heading", { level: 1, name: "Set up this device as a kiosk" }).waitFor({ state: "detached" });
  }
}

/** Answers one statement on a first visit and waits until it is saved. */
async function saveOneAnswer(page) {
  await visit(page, app.url, "/section/funding");
  await answer(page, FUNDING, "Strongly disagree");
  await page.getByRole("status").filter({ hasText: /^Saved on this device\./ }).waitFor();
}

/** Turns on passphrase protection, on the protection page already open. */
async function turnOnProtection(page) {
  await page.getByLabel("Passphrase", { exact: true }).fill("purple kettle harbour");
  await page.getByLabel("Passphrase again").fill("purple kettle harbour");
  await page.getByRole("button", { name: "Turn on protection" }).click();
  await waitForText(page, "Protection is on.");
}

/** Goes to a page of the kiosk, as typed in the address bar. Only the
 * fragment changes once the kiosk is open, so the tab's memory stays. */
async function kiosk(page, fragment) {
  await page.goto(`${app.url}/?kiosk=1#${fragment}`);
  await ready(page);
}

// A workshop's own page on another origin, framing the app.
let host;
before(async () => {
  host = createServer((req, res) => {
    const query = req.url.includes("kiosk") ? "?embed=1&kiosk=1" : "?embed=1";
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Workshop day</title></head>
<body><main><h1>Workshop day</h1>
<iframe src="${app.url}/${query}#/section/funding" title="Harm reduction readiness self-assessment"
  width="100%" height="900" style="border:0" referrerpolicy="no-referrer"></iframe>
</main></body></html>`);
  });
  await new Promise((ok) => host.listen(0, "127.0.0.1", ok));
  host.url = `http://localhost:${host.address().port}`;
});
after(() => new Promise((ok) => host.close(ok)));
const FRAME = 'iframe[title="Harm reduction readiness self-assessment"]';

test("kiosk: answers live in the tab only, gone when it closes; nothing reaches the device's storage", async (t) => {
  const { page, context } = await app.open(t);
  await openKiosk(page, "/section/funding");
  await answer(page, FUNDING, "Strongly disagree");
  await page.getByRole("status").filter({ hasText: "Your answers are kept in this tab only" }).waitFor();
  await axe(page, "on a kiosk page");
  const keys = Object.keys(await stored(page));
  assert.deepEqual(keys, ["hr-readiness:kiosk"], "only the kiosk's exit code check is stored");
  assert.equal(await page.evaluate(() => sessionStorage.length), 0, "nothing in session storage either");
  assert.ok(!JSON.stringify(await stored(page)).includes(EXIT_CODE), "the exit code itself is not stored");

  // The participant closes the tab without pressing anything.
  await page.close();
  const next = await context.newPage();
  await kiosk(next, "/");
  await expectHeading(next, START);
  assert.equal(await next.getByText("Welcome back").count(), 0, "the next person is not welcomed back");
  await kiosk(next, "/assessments");
  await expectText(next, "No assessment is saved on this device yet.");
  await kiosk(next, "/section/funding");
  assert.equal(await answerOf(next, FUNDING), null);
});

test("kiosk: the facilitator's library stays apart, survives Reset, and leaving needs the exit code", async (t) => {
  const { page } = await app.open(t);
  // The facilitator's own assessment, saved before the workshop.
  await visit(page, app.url, "/section/funding");
  await answer(page, FUNDING, "Somewhat agree");
  await page.getByRole("status").filter({ hasText: /^Saved on this device\./ }).waitFor();
  const facilitators = Object.keys(await stored(page)).filter((k) => k.startsWith("hr-readiness:assessment:"));
  assert.equal(facilitators.length, 1);

  await openKiosk(page, "/section/funding");
  assert.equal(await answerOf(page, FUNDING), null, "the kiosk does not show the facilitator's answers");
  await answer(page, FUNDING, "Strongly disagree");
  await kiosk(page, "/assessments");
  assert.equal(await page.getByRole("list", { name: "Saved assessments" }).getByRole("heading").count(), 1, "only the participant's own");
  await page.getByRole("button", { name: "Start over for the next person" }).click();
  await page.getByRole("button", { name: "Yes, start over" }).click();
  await expectHeading(page, START);
  assert.deepEqual(
    Object.keys(await stored(page)).filter((k) => k.startsWith("hr-readiness:assessment:")),
    facilitators,
    "the participant's reset leaves the facilitator's assessment alone",
  );

  // Taking ?kiosk=1 out of the address does not leave kiosk mode.
  await visit(page, app.url, "/assessments");
  assert.equal(await page.getByRole("link", { name: "Your assessments" }).count(), 0);
  await expectText(page, "No assessment is saved on this device yet.");
  await page.getByRole("button", { name: "Facilitator: leave kiosk mode" }).click();
  await page.getByLabel("Exit code", { exact: true }).fill("guess 123456");
  await page.getByRole("button", { name: "Leave kiosk mode", exact: true }).click();
  await waitForText(page, "That is not this kiosk's exit code.");
  await axe(page, "with the exit code refused");
  await page.getByLabel("Exit code", { exact: true }).fill(EXIT_CODE);
  await page.getByRole("button", { name: "Leave kiosk mode", exact: true }).click();
  await page.waitForURL((u) => !u.search.includes("kiosk"));
  await ready(page);
  await page.getByRole("link", { name: "Your assessments" }).waitFor();
  assert.ok(!("hr-readiness:kiosk" in (await stored(page))));
  await visit(page, app.url, "/section/funding");
  assert.equal(await answerOf(page, FUNDING), "Somewhat agree", "the facilitator's answers are back");
});

test("kiosk: after a reload, leaving fetches the exit code's form and check; if they cannot come, it says so, with a retry that works", async (t) => {
  // Without the offline copy, which would otherwise bring the chunk.
  const { page, problems } = await app.open(t, { serviceWorkers: "block" });
  await openKiosk(page, "/section/funding");
  await answer(page, FUNDING, "Strongly disagree");
  // A reload: the tab has none of the chunks now, and kiosk mode holds.
  await page.reload();
  await ready(page);
  await page.getByRole("group", { name: FUNDING, exact: true }).waitFor();
  // The connection drops: the chunk with the form and the code's check
  // cannot come.
  const CHUNKS = /\/app-[0-9a-f]{16}\/(split|chunk)_[^/]*\.wasm$/;
  const drop = (route) => route.abort("internetdisconnected");
  await page.route(CHUNKS, drop);
  await page.getByRole("button", { name: "Facilitator: leave kiosk mode" }).click();
  const failed = page.getByRole("alert").filter({ hasText: "This part of the app could not be loaded" });
  await failed.waitFor();
  assert.match(await failed.innerText(), /Your answers are saved on this device; nothing is lost/);
  assert.equal(await page.getByLabel("Exit code", { exact: true }).count(), 0, "no form without its check");
  assert.ok(page.url().includes("kiosk"), "still in kiosk mode");
  await answer(page, FUNDING, "Somewhat agree");
  assert.equal(await answerOf(page, FUNDING), "Somewhat agree", "the questions still work");
  // Back online: the retry brings the form, with the focus in its field,
  // and the code leaves.
  await page.unroute(CHUNKS, drop);
  await failed.getByRole("button", { name: "Try again" }).click();
  const field = page.getByLabel("Exit code", { exact: true });
  await field.waitFor();
  await page.waitForFunction(() => document.activeElement?.id === "kiosk-exit");
  await field.fill(EXIT_CODE);
  await page.getByRole("button", { name: "Leave kiosk mode", exact: true }).click();
  await page.waitForURL((u) => !u.search.includes("kiosk"));
  await ready(page);
  assert.ok(!("hr-readiness:kiosk" in (await stored(page))));
  forgiveDropped(problems);
});

test("kiosk: after 10 minutes without use, a warning, then the answers go", async (t) => {
  const { page } = await app.open(t);
  await page.clock.install();
  await openKiosk(page, "/section/funding");
  await answer(page, FUNDING, "Strongly disagree");
  await page.clock.runFor(8 * 60 * 1000);
  assert.equal(await page.getByText("Are you still there?").count(), 0, "no warning after 8 minutes");
  await page.clock.runFor(65 * 1000);
  await page.getByRole("alert").filter({ hasText: "Are you still there?" }).waitFor();
  await axe(page, "with the inactivity warning");
  // Still there: a click keeps the answers.
  await page.getByRole("button", { name: "I'm still here" }).click();
  await page.clock.runFor(2 * 60 * 1000);
  assert.equal(await answerOf(page, FUNDING), "Strongly disagree");
  // Gone for good: ten minutes later everything is deleted.
  await page.clock.runFor(10 * 60 * 1000 + 2000);
  await expectHeading(page, START);
  await kiosk(page, "/section/funding");
  assert.equal(await answerOf(page, FUNDING), null);
});

test("kiosk: downloads are said to stay on the device; passphrase fields invite no password manager", async (t) => {
  const { page } = await app.open(t);
  await openKiosk(page, "/section/funding");
  await answer(page, FUNDING, "Strongly disagree");
  await kiosk(page, "/results");
  await expectText(page, "On a shared device, a downloaded file stays behind.");
  await expectText(page, "Downloads folder");
  await kiosk(page, "/plan");
  await expectText(page, "On a shared device, a downloaded file stays behind.");
  await kiosk(page, "/protect");
  for (const label of ["Passphrase", "Passphrase again"]) {
    assert.equal(await page.getByLabel(label, { exact: true }).getAttribute("autocomplete"), "off", label);
  }
  await page.getByRole("button", { name: "Facilitator: leave kiosk mode" }).click();
  const exit = page.getByLabel("Exit code", { exact: true });
  assert.equal(await exit.getAttribute("autocomplete"), "off");
  assert.equal(await exit.getAttribute("spellcheck"), "false");
});

test("kiosk embedded where the browser blocks storage: no way out of kiosk mode through 'Open in its own tab'", async (t) => {
  const { page } = await app.open(t, { origins: [host.url] });
  await page.goto(`${host.url}/?kiosk=1`);
  const frame = page.frameLocator(FRAME);
  await frame.getByRole("heading", { level: 1, name: "Set up this device as a kiosk" }).waitFor();
  await frame.getByLabel("Exit code", { exact: true }).fill(EXIT_CODE);
  await frame.getByLabel("Exit code again").fill(EXIT_CODE);
  await frame.getByRole("button", { name: "Start kiosk mode" }).click();
  await frame.getByRole("heading", { level: 1, name: "Funding" }).waitFor();
  await frame.getByRole("group", { name: FUNDING }).getByRole("radio", { name: /^Strongly disagree / }).check();
  await frame.getByRole("status").filter({ hasText: "Your answers are kept in this tab only" }).waitFor();
  assert.equal(await frame.getByText("This browser does not let embedded pages save").count(), 0);
  assert.equal(await frame.getByRole("link", { name: /^Open in its own tab/ }).count(), 0, "no link that drops ?kiosk");
});

test("quick exit with 'delete everything' deletes on every exit, not only the first", async (t) => {
  const { page } = await app.open(t);
  await visit(page, app.url, "/protect");
  await page.getByLabel("Also delete everything saved here when I use quick exit").check();
  for (const round of [1, 2]) {
    await visit(page, app.url, "/section/funding");
    await answer(page, FUNDING, "Strongly disagree");
    await page.getByRole("status").filter({ hasText: /^Saved on this device\./ }).waitFor();
    await page.getByRole("button", { name: /^Quick exit/ }).click();
    await page.waitForURL(/away\.html$/);
    const left = Object.keys(await stored(page));
    assert.deepEqual(left, ["hr-readiness:settings"], `exit ${round}: only the quick-exit choice is left`);
  }
  await visit(page, app.url, "/protect");
  assert.equal(await page.getByLabel("Also delete everything saved here when I use quick exit").isChecked(), true);
  await expectText(page, "so that every quick exit deletes, not just the first");
});

test("quick exit where the app could not start (the code that reads what is stored did not come): the keys leave, and delete as asked", async (t) => {
  // Without the offline copy, which would otherwise bring the chunk.
  const { page, problems } = await app.open(t, { serviceWorkers: "block" });
  await visit(page, app.url, "/protect");
  await page.getByLabel("Also delete everything saved here when I use quick exit").check();
  await saveOneAnswer(page);
  const CHUNKS = /\/app-[0-9a-f]{16}\/(split|chunk)_[^/]*\.wasm$/;
  await page.route(CHUNKS, (route) => route.abort("internetdisconnected"));
  await page.reload();
  await page.getByRole("heading", { level: 1, name: "The assessment could not start" }).waitFor();
  await page.getByRole("button", { name: /^Quick exit/ }).waitFor();
  for (let i = 0; i < 3; i++) await page.keyboard.press("Shift");
  await page.waitForURL(/away\.html$/);
  assert.deepEqual(Object.keys(await stored(page)), ["hr-readiness:settings"], "only the quick-exit choice is left");
  forgiveDropped(problems);
});

test("quick exit while the app loads (a slow link): the loading page's link and Shift three times leave, deleting first when asked", async (t) => {
  const { page } = await app.open(t, { serviceWorkers: "block" });
  await visit(page, app.url, "/protect");
  await page.getByLabel("Also delete everything saved here when I use quick exit").check();
  await saveOneAnswer(page);
  // The app's WebAssembly does not arrive: the loading page stays. Nor
  // does boot.js, the module that loads it: on a slow link it can come
  // after the page is drawn, and the Quick exit drawn must work before.
  await page.route(/\/hr-readiness_bg\.wasm$/, () => {});
  await page.route(/\/boot\.js$/, () => {});
  for (const how of ["link", "keys"]) {
    await page.goto(`${app.url}/away.html`);
    await page.goto(`${app.url}/#/section/funding`, { waitUntil: "commit" });
    await page.getByText("Loading the assessment…").waitFor();
    const exit = page.getByRole("link", { name: /^Quick exit/ });
    await exit.waitFor();
    if (how === "link") {
      await exit.click();
    } else {
      for (let i = 0; i < 3; i++) await page.keyboard.press("Shift");
    }
    await page.waitForURL(/away\.html$/);
    assert.deepEqual(Object.keys(await stored(page)), ["hr-readiness:settings"], `${how}: only the quick-exit choice is left`);
    assert.deepEqual(JSON.parse((await stored(page))["hr-readiness:settings"]), { schema: 1, quick_exit_wipes: true });
    await page.evaluate(() => localStorage.setItem("hr-readiness:assessment:x", "{}"));
  }
});

test("Quick exit stays where it was when the app replaces the loading page: wide, middle and phone widths, English and Spanish, inside another site's page", async (t) => {
  const cases = [];
  for (const locale of ["en-US", "es-US"]) {
    for (const [width, height] of [
      [1280, 900],
      [900, 800],
      [375, 740],
    ]) {
      cases.push({ locale, width, height, query: "" });
    }
  }
  cases.push({ locale: "en-US", width: 1280, height: 900, query: "?embed=1" }, { locale: "en-US", width: 375, height: 740, query: "?embed=1" });
  for (const { locale, width, height, query } of cases) {
    const { page } = await app.open(t, { serviceWorkers: "block", locale, viewport: { width, height } });
    // The app's WebAssembly is held, so the loading page can be measured.
    const release = await hold(page, /\/hr-readiness_bg\.wasm$/);
    await page.goto(`${app.url}/${query}`, { waitUntil: "commit" });
    const loading = page.getByRole("link", { name: /^(Quick exit|Salida rápida)/ });
    await loading.waitFor();
    const before = await loading.boundingBox();
    release();
    const button = page.getByRole("button", { name: /^(Quick exit|Salida rápida)/ });
    await button.waitFor();
    const after = await button.boundingBox();
    const where = `${locale}, ${width} px wide${query}: ${JSON.stringify(before)} then ${JSON.stringify(after)}`;
    assert.ok(Math.abs(after.x + after.width - (before.x + before.width)) <= 1, `the same right edge (${where})`);
    assert.ok(Math.abs(after.y - before.y) <= 1, `the same top (${where})`);
    await page.close();
  }
});

test("quick exit inside a workshop's frame leaves the whole tab, not only the frame", async (t) => {
  const { page } = await app.open(t, { origins: [host.url] });
  await page.goto(host.url);
  const frame = page.frameLocator(FRAME);
  await frame.getByRole("heading", { level: 1, name: "Funding" }).waitFor();
  await frame.getByRole("button", { name: /^Quick exit/ }).click();
  await page.waitForURL(`${app.url}/away.html`);
  assert.equal(await page.title(), "Houseplant care: the basics");
  assert.equal(await page.getByRole("heading", { name: "Workshop day" }).count(), 0);
});

test("fields for one's own words keep them from spellcheck, autocomplete and page translation", async (t) => {
  const { page } = await app.open(t);
  await visit(page, app.url, "/section/funding");
  assert.equal(await page.evaluate(() => document.documentElement.getAttribute("translate")), "no", "no page translation");
  await answer(page, FUNDING, "Strongly disagree");
  await visit(page, app.url, "/plan");
  await page.getByRole("button", { name: "Add an action for Securing funding or reimbursement for harm reduction" }).click();
  for (const label of ["What will be done", "Who takes it forward", "Notes (optional)"]) {
    const field = page.getByLabel(label);
    assert.equal(await field.getAttribute("spellcheck"), "false", label);
    assert.equal(await field.getAttribute("autocomplete"), "off", label);
    assert.equal(await field.getAttribute("translate"), "no", label);
  }
  await visit(page, app.url, "/assessments");
  const name = (await page.getByRole("list", { name: "Saved assessments" }).getByRole("heading").allInnerTexts())[0].trim();
  await page.getByRole("button", { name: `Rename ${name}` }).click();
  const rename = page.getByLabel(`New name for “${name}”`);
  assert.equal(await rename.getAttribute("spellcheck"), "false");
  assert.equal(await rename.getAttribute("translate"), "no");
});

test("team view under a passphrase: the stored copy goes, and Remove everyone means everyone", async (t) => {
  const { page } = await app.open(t);
  await visit(page, app.url, "/section/funding");
  await answer(page, FUNDING, "Strongly disagree");
  await visit(page, app.url, "/results");
  const code = (await page.locator("code.answer-code").innerText()).trim();
  await visit(page, app.url, "/team");
  await page.getByLabel("Answer codes, one per line").fill(code);
  await page.getByRole("button", { name: "Add codes" }).click();
  await waitForText(page, "Added 1 respondent.");
  assert.ok("hr-readiness:team" in (await stored(page)), "without a passphrase the team view is stored");

  await visit(page, app.url, "/protect");
  await turnOnProtection(page);
  await page.waitForFunction(() => localStorage.getItem("hr-readiness:team") === null);
  await visit(page, app.url, "/team");
  await expectText(page, "Respondents (1)");
  await page.getByRole("button", { name: "Remove everyone" }).click();
  await page.getByRole("button", { name: "Yes, remove everyone" }).click();
  await waitForText(page, "No one has been added yet.");
  await page.reload();
  await ready(page);
  await page.getByLabel("Passphrase", { exact: true }).fill("purple kettle harbour");
  await page.getByRole("button", { name: "Unlock" }).click();
  await expectHeading(page, "Team view");
  await expectText(page, "No one has been added yet.");
});

test("a stored team the team view has not opened yet: protection takes it out of storage, keeps it in the tab, and puts it back when switched off", async (t) => {
  const { page } = await app.open(t);
  await visit(page, app.url, "/section/funding");
  await answer(page, FUNDING, "Strongly disagree");
  await visit(page, app.url, "/results");
  const code = (await page.locator("code.answer-code").innerText()).trim();
  await visit(page, app.url, "/team");
  await page.getByLabel("Answer codes, one per line").fill(code);
  await page.getByRole("button", { name: "Add codes" }).click();
  await waitForText(page, "Added 1 respondent.");
  assert.ok("hr-readiness:team" in (await stored(page)));

  // A new visit that does not open the team view: the team is read only
  // when a team page first asks for it.
  await visit(page, app.url, "/protect");
  await page.reload();
  await ready(page);
  await turnOnProtection(page);
  await page.waitForFunction(() => localStorage.getItem("hr-readiness:team") === null);
  await page.getByRole("button", { name: "Turn off protection" }).click();
  await page.getByRole("button", { name: "Yes, turn off protection" }).click();
  await waitForText(page, "Protection is off");
  await page.waitForFunction(() => localStorage.getItem("hr-readiness:team") !== null);
  await visit(page, app.url, "/team");
  await expectText(page, "Respondents (1)");

  // Switched on again, the team view opened under the passphrase shows the
  // team kept in the tab, and storage holds none of it.
  await visit(page, app.url, "/protect");
  await page.reload();
  await ready(page);
  await turnOnProtection(page);
  await page.waitForFunction(() => localStorage.getItem("hr-readiness:team") === null);
  await visit(page, app.url, "/team");
  await expectText(page, "Respondents (1)");
  assert.equal((await stored(page))["hr-readiness:team"], undefined);
});

test("answer codes: copied as a code to paste, refused when already there", async (t) => {
  const { page, context } = await app.open(t);
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: app.url });
  await visit(page, app.url, "/section/funding");
  await answer(page, FUNDING, "Strongly disagree");
  await visit(page, app.url, "/results");
  await page.getByRole("button", { name: "Copy your answer code" }).click();
  await waitForText(page, "Copied.");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const shown = (await page.locator("code.answer-code").innerText()).trim();
  assert.equal(copied, shown, "the code itself, not a link that would become an address");
  assert.match(copied, /^B2\.[A-Za-z0-9_-]{31}$/);

  await visit(page, app.url, "/team");
  await page.getByLabel("Answer codes, one per line").fill(copied);
  await page.getByRole("button", { name: "Add codes" }).click();
  await waitForText(page, "Added 1 respondent.");
  await page.getByLabel("Answer codes, one per line").fill(copied);
  await page.getByRole("button", { name: "Add codes" }).click();
  await waitForText(page, "Code 1: This code is already in the team view (Respondent 1), so it was not added again.");
  await expectText(page, "Respondents (1)");
  // A code of the first format, whose check was one character, is refused clearly.
  await page.getByLabel("Answer codes, one per line").fill("A1.ZAACAAAAAAAAAAAAAEDFAp");
  await page.getByRole("button", { name: "Add codes" }).click();
  await waitForText(page, "Code 1: This code was made by an earlier version of this app");
});

test("change passphrase: every record is sealed again with the new key, never written in plaintext", async (t) => {
  const { page, context } = await app.open(t);
  // Records every value written to localStorage, from the first script on.
  await context.addInitScript(() => {
    const set = Storage.prototype.setItem;
    window.__writes = [];
    Storage.prototype.setItem = function (key, value) {
      window.__writes.push([key, String(value)]);
      return set.call(this, key, value);
    };
  });
  await saveOneAnswer(page);
  await visit(page, app.url, "/protect");
  await turnOnProtection(page);
  await page.waitForFunction(() => Object.keys(localStorage).every((k) => !k.startsWith("hr-readiness:assessment:") || localStorage.getItem(k).includes('"sealed"')));
  const before = await stored(page);
  await page.evaluate(() => (window.__writes = []));

  await page.getByRole("button", { name: "Change passphrase" }).click();
  await page.getByLabel("Current passphrase").fill("not the passphrase");
  await page.getByLabel("New passphrase", { exact: true }).fill("green lantern meadow");
  await page.getByLabel("New passphrase again").fill("green lantern meadow");
  await page.getByRole("button", { name: "Save the new passphrase" }).click();
  await waitForText(page, "That passphrase does not unlock the assessments saved here.");
  assert.deepEqual(await stored(page), before, "a wrong current passphrase changes nothing");
  await page.getByLabel("Current passphrase").fill("purple kettle harbour");
  await page.getByRole("button", { name: "Save the new passphrase" }).click();
  await waitForText(page, "Your passphrase was changed");
  const writes = await page.evaluate(() => window.__writes);
  assert.ok(writes.some(([k]) => k === "hr-readiness:lock"), "a new lock");
  for (const [key, value] of writes) {
    if (key.startsWith("hr-readiness:assessment:")) assert.ok(value.includes('"sealed"') && !value.includes("strongly_disagree"), `${key} was written sealed`);
  }
  const after = await stored(page);
  for (const key of Object.keys(before).filter((k) => k.startsWith("hr-readiness:assessment:"))) {
    assert.notEqual(after[key], before[key], `${key} sealed again`);
  }

  await page.reload();
  await ready(page);
  await page.getByLabel("Passphrase", { exact: true }).fill("purple kettle harbour");
  await page.getByRole("button", { name: "Unlock" }).click();
  await waitForText(page, "That passphrase does not unlock the assessments saved here.");
  await page.getByLabel("Passphrase", { exact: true }).fill("green lantern meadow");
  await page.getByRole("button", { name: "Unlock" }).click();
  await expectHeading(page, "Passphrase protection");
  await visit(page, app.url, "/section/funding");
  assert.equal(await answerOf(page, FUNDING), "Strongly disagree");
});

test("encrypted records without their lock: nothing is written in plaintext beside them, and the user is told why", async (t) => {
  const { page } = await app.open(t);
  await saveOneAnswer(page);
  await visit(page, app.url, "/protect");
  await turnOnProtection(page);
  await page.waitForFunction(() => Object.keys(localStorage).every((k) => !k.startsWith("hr-readiness:assessment:") || localStorage.getItem(k).includes('"sealed"')));
  // The lock record disappears (deleted by hand, an extension, a partial restore).
  await page.evaluate(() => localStorage.removeItem("hr-readiness:lock"));
  await page.reload();
  await ready(page);
  await waitForText(page, "it is encrypted, but the passphrase settings needed to open it are missing");
  await visit(page, app.url, "/section/funding");
  await answer(page, FUNDING, "Somewhat agree");
  await waitForText(page, "nothing is saved unencrypted beside them: your latest change was not saved");
  const plain = Object.entries(await stored(page)).filter(([k, v]) => k.startsWith("hr-readiness:assessment:") && !v.includes('"sealed"'));
  assert.deepEqual(plain, [], "no plaintext record beside the encrypted one");
});

test("an encrypted record beside the first screen, which has no code that reads records: still nothing in plaintext beside it", async (t) => {
  const { page, context } = await app.open(t);
  await saveOneAnswer(page);
  await visit(page, app.url, "/protect");
  await turnOnProtection(page);
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith("hr-readiness:assessment:") && localStorage.getItem(k).includes('"sealed"')));
  const sealed = Object.entries(await stored(page)).filter(([k]) => k.startsWith("hr-readiness:assessment:"));
  await page.evaluate(() => localStorage.clear());
  await page.close();

  // A first visit: nothing stored, so the first screen shows, without the
  // code that reads records (src/first/).
  const next = await context.newPage();
  const urls = [];
  next.on("request", (r) => urls.push(r.url()));
  await visit(next, app.url, "/section/funding");
  assert.deepEqual(urls.filter((u) => u.includes("/split_")), [], "the first screen, with no chunk");
  // The encrypted record arrives without its lock (no event in this tab).
  await next.evaluate((entries) => entries.forEach(([k, v]) => localStorage.setItem(k, v)), sealed);
  await answer(next, FUNDING, "Somewhat agree");
  await waitForText(next, "nothing is saved unencrypted beside them: your latest change was not saved");
  const plain = Object.entries(await stored(next)).filter(([k, v]) => k.startsWith("hr-readiness:assessment:") && !v.includes('"sealed"'));
  // Told from the record's text: the first screen wrote nothing, and
  // handed over to the full app (which reads what is stored, and says so).
  assert.deepEqual(plain, [], "no plaintext record beside the encrypted one");
});

test("sealed records are bound to their key: older ones still open and are bound on unlock; moved or altered ones are reported", async (t) => {
  const { page } = await app.open(t);
  await saveOneAnswer(page);
  const [[key, plainJson]] = Object.entries(await stored(page)).filter(([k]) => k.startsWith("hr-readiness:assessment:"));
  await visit(page, app.url, "/protect");
  await turnOnProtection(page);
  await page.waitForFunction((k) => (localStorage.getItem(k) || "").includes('"bound":true'), key);

  // A record as earlier versions of the app sealed it (no associated data,
  // no "bound"), made with the same passphrase: what today's users have.
  await page.evaluate(
    async ({ key, plainJson, pass }) => {
      const lock = JSON.parse(localStorage.getItem("hr-readiness:lock"));
      const b64 = (s) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
      const s64 = (u) => btoa(String.fromCharCode(...u));
      const enc = new TextEncoder();
      const base = await crypto.subtle.importKey("raw", enc.encode(pass), "PBKDF2", false, ["deriveBits"]);
      const bits = await crypto.subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt: b64(lock.salt), iterations: lock.iterations }, base, 256);
      const hkdf = await crypto.subtle.importKey("raw", bits, "HKDF", false, ["deriveKey"]);
      const salt = crypto.getRandomValues(new Uint8Array(16));
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const aes = await crypto.subtle.deriveKey({ name: "HKDF", hash: "SHA-256", info: enc.encode("hr-readiness record v1"), salt }, hkdf, { name: "AES-GCM", length: 256 }, false, ["encrypt"]);
      const data = new Uint8Array(await crypto.subtle.encrypt({ name: "AES-GCM", iv }, aes, enc.encode(plainJson)));
      const id = JSON.parse(plainJson).id;
      localStorage.setItem(key, JSON.stringify({ schema: 1, id, sealed: { salt: s64(salt), iv: s64(iv), data: s64(data) } }));
    },
    { key, plainJson, pass: "purple kettle harbour" },
  );
  // Earlier versions kept no list of versions either.
  await page.evaluate(() => localStorage.removeItem("hr-readiness:versions"));
  await page.reload();
  await ready(page);
  await page.getByLabel("Passphrase", { exact: true }).fill("purple kettle harbour");
  await page.getByRole("button", { name: "Unlock" }).click();
  await expectHeading(page, "Passphrase protection");
  await page.waitForFunction((k) => (localStorage.getItem(k) || "").includes('"bound":true'), key);
  await visit(page, app.url, "/section/funding");
  assert.equal(await answerOf(page, FUNDING), "Strongly disagree", "the older record opened, and is now bound");

  // Someone copies the record under another key (with the id changed to
  // match), strips the binding from the original, and plants a plain record.
  await page.evaluate(
    ({ key, plainJson }) => {
      const value = JSON.parse(localStorage.getItem(key));
      const moved = { ...value, id: "moved-here" };
      localStorage.setItem("hr-readiness:assessment:moved-here", JSON.stringify(moved));
      delete value.bound;
      localStorage.setItem(key, JSON.stringify(value));
      localStorage.setItem("hr-readiness:assessment:planted", JSON.stringify({ ...JSON.parse(plainJson), id: "planted", name: "Planted" }));
    },
    { key, plainJson },
  );
  await page.reload();
  await ready(page);
  await page.getByLabel("Passphrase", { exact: true }).fill("purple kettle harbour");
  await page.getByRole("button", { name: "Unlock" }).click();
  await waitForText(page, "or have been moved here from another place in storage");
  assert.equal(
    await page.getByRole("alert").filter({ hasText: "Some saved data could not be read" }).count(),
    2,
    "both the moved copy and the stripped original are reported",
  );
  await waitForText(page, "1 unencrypted saved assessment(s) were found beside your encrypted ones.");
  await page.waitForFunction(() => (localStorage.getItem("hr-readiness:assessment:planted") || "").includes('"sealed"'));
});

test("an older copy of an encrypted record, or a deleted one, put back under its own key is reported, not shown", async (t) => {
  const { page } = await app.open(t);
  const unlock = async () => {
    await visit(page, app.url, "/protect");
    await page.reload();
    await ready(page);
    await page.getByLabel("Passphrase", { exact: true }).fill("purple kettle harbour");
    await page.getByRole("button", { name: "Unlock" }).click();
    await expectHeading(page, "Passphrase protection");
  };
  const raw = (k) => page.evaluate((k) => localStorage.getItem(k), k);
  const changed = (k, from) => page.waitForFunction(({ k, from }) => localStorage.getItem(k) !== from, { k, from });
  const VERSIONS = "hr-readiness:versions";

  await saveOneAnswer(page);
  const [key] = Object.keys(await stored(page)).filter((k) => k.startsWith("hr-readiness:assessment:"));
  await visit(page, app.url, "/protect");
  await turnOnProtection(page);
  await page.waitForFunction((k) => /"rev":[1-9]/.test(localStorage.getItem(k) || ""), key);
  await page.waitForFunction((v) => localStorage.getItem(v) !== null, VERSIONS);
  const older = await raw(key);
  assert.ok(!(await raw(VERSIONS)).includes(key.split(":").pop()), "the list is sealed: no id in the clear");

  // A newer answer is saved; then the older copy is put back in its place.
  const listBefore = await raw(VERSIONS);
  await visit(page, app.url, "/section/funding");
  await answer(page, FUNDING, "Somewhat agree");
  await changed(key, older);
  await changed(VERSIONS, listBefore);
  await page.evaluate(({ key, older }) => localStorage.setItem(key, older), { key, older });
  await unlock();
  await waitForText(page, "it is an older copy of an assessment than the one last saved here");
  await visit(page, app.url, "/section/funding");
  assert.equal(await answerOf(page, FUNDING), null, "the older copy is not shown");
  assert.equal(await raw(key), older, "the copy is kept as it was, for download");

  // An assessment deleted here, put back.
  await answer(page, FUNDING, "Somewhat disagree");
  await page.getByRole("status").filter({ hasText: /^Saved on this device\./ }).waitFor();
  const [second] = Object.keys(await stored(page)).filter((k) => k.startsWith("hr-readiness:assessment:") && k !== key);
  await page.waitForFunction((k) => /"rev":[1-9]/.test(localStorage.getItem(k) || ""), second);
  const copy = await raw(second);
  const listWithSecond = await raw(VERSIONS);
  await page.goto(`${app.url}/#/`);
  await ready(page);
  await page.getByRole("button", { name: "Delete my answers and start again" }).click();
  await page.getByRole("button", { name: "Yes, delete my answers" }).click();
  await changed(VERSIONS, listWithSecond);
  assert.equal(await raw(second), null);
  await page.evaluate(({ second, copy }) => localStorage.setItem(second, copy), { second, copy });
  await unlock();
  await waitForText(page, "it is an assessment that was deleted here and has been put back");
  assert.equal(
    await page.getByRole("alert").filter({ hasText: "Some saved data could not be read" }).count(),
    2,
    "the older copy and the deleted one are both reported",
  );

  // The list itself deleted: said, since an older copy could not be told apart this time.
  await page.evaluate((v) => localStorage.removeItem(v), VERSIONS);
  await unlock();
  await waitForText(page, "an older copy put back in place of a newer one could not be detected this time");
  await page.waitForFunction((v) => localStorage.getItem(v) !== null, VERSIONS);
});
