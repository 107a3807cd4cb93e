// Saved assessments, export and import, passphrase encryption, quick exit,
// and storage that never loses data: corrupt values, a full quota, two tabs.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { axe, hold, ready, useApp } from "./harness.mjs";
import { answer, answerOf, domainTable, expectHeading, expectText, visit, waitForFocus, waitForText } from "./pages.mjs";

const app = useApp();
const FUNDING = "Adequate funding is available to support harm reduction in our organization.";
const LEADERS = "Our organization's leadership supports harm reduction services.";

/** Everything this app keeps in localStorage, as { key: value }. */
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

async function answerFunding(page, label = "Strongly disagree") {
  await visit(page, app.url, "/section/funding");
  await answer(page, FUNDING, label);
  await page.getByRole("status").filter({ hasText: /^Saved on this device\./ }).waitFor();
}

/** The saved assessments list, by name. */
async function libraryNames(page) {
  await visit(page, app.url, "/assessments");
  const list = page.getByRole("list", { name: "Saved assessments" });
  if (!(await list.count())) return [];
  return (await list.getByRole("heading", { level: 2 }).allInnerTexts()).map((t) => t.trim());
}

/** Picks a file in the import form, as a user would. */
async function importFile(page, name, contents, mimeType = "application/json") {
  await visit(page, app.url, "/assessments");
  await page.getByLabel("Choose a file, or drop it here").setInputFiles({ name, mimeType, buffer: Buffer.from(contents) });
}

async function download(page, action) {
  const [file] = await Promise.all([page.waitForEvent("download"), action()]);
  assert.match(file.url(), /^blob:/, "the file is made in the page");
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), "utf8") };
}

test("several named assessments: rename, duplicate, open, delete with confirmation", async (t) => {
  const { page } = await app.open(t);
  await answerFunding(page);
  let names = await libraryNames(page);
  assert.equal(names.length, 1);
  const first = names[0];
  assert.match(first, /^Assessment of /);

  await page.getByRole("button", { name: `Rename ${first}` }).click();
  // The name field opens in place with the focus; saving gives it back.
  const field = page.getByLabel(`New name for “${first}”`);
  await waitForFocus(field);
  await field.fill("Main clinic, before the collaborative");
  await page.getByRole("button", { name: "Save name" }).click();
  await page.getByRole("heading", { name: "Main clinic, before the collaborative" }).waitFor();
  await waitForFocus(page.getByRole("button", { name: "Rename Main clinic, before the collaborative" }));

  // An empty name is refused with a message; nothing changes.
  await page.getByRole("button", { name: "Rename Main clinic, before the collaborative" }).click();
  await page.getByLabel("New name for “Main clinic, before the collaborative”").fill("   ");
  await page.getByRole("button", { name: "Save name" }).click();
  await expectText(page, "Enter a name for this assessment.");
  // So is a name with a right-to-left override (it could make the name
  // display as something it is not), as the core refuses it in files.
  await page.getByLabel("New name for “Main clinic, before the collaborative”").fill("Main clinic\u202Etxt.exe");
  await page.getByRole("button", { name: "Save name" }).click();
  await expectText(page, "Names cannot contain line breaks or other control characters.");
  await page.getByRole("button", { name: "Cancel" }).click();

  await page.getByRole("button", { name: "Duplicate Main clinic, before the collaborative" }).click();
  names = await libraryNames(page);
  assert.deepEqual(names.sort(), ["Copy of Main clinic, before the collaborative", "Main clinic, before the collaborative"]);
  await axe(page, "on the saved assessments page");

  // Open the copy, change it: the original keeps its answer.
  await page.getByRole("button", { name: "Open Copy of Main clinic, before the collaborative" }).click();
  await expectHeading(page, "Funding");
  await answer(page, FUNDING, "Strongly agree");
  await visit(page, app.url, "/assessments");
  await page.getByRole("button", { name: "Results of Main clinic, before the collaborative" }).click();
  await expectHeading(page, "Your results");
  assert.equal((await domainTable(page)).Funding.balance, "−100");

  // Delete asks first. From the keyboard: the question takes the focus (so
  // it is read out), Tab reaches its buttons, Cancel gives the focus back.
  await visit(page, app.url, "/assessments");
  const del = page.getByRole("button", { name: "Delete Copy of Main clinic, before the collaborative" });
  await del.focus();
  await page.keyboard.press("Enter");
  const question = "Delete “Copy of Main clinic, before the collaborative” from this device?";
  await page.getByRole("group", { name: question }).waitFor();
  await page.waitForFunction((q) => document.activeElement?.getAttribute("role") === "group" && document.activeElement.innerText.startsWith(q), question);
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement?.innerText), "Yes, delete it");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.activeElement?.innerText.startsWith("Delete"));
  assert.equal(await page.getByRole("group", { name: question }).count(), 0);
  assert.equal((await libraryNames(page)).length, 2, "Cancel deletes nothing");

  await del.click();
  await expectText(page, question);
  await page.getByRole("button", { name: "Yes, delete it" }).click();
  assert.deepEqual(await libraryNames(page), ["Main clinic, before the collaborative"]);
  await page.reload();
  await ready(page);
  assert.deepEqual(await libraryNames(page), ["Main clinic, before the collaborative"]);
});

test("delete everything leaves nothing of ours in storage", async (t) => {
  const { page } = await app.open(t);
  await answerFunding(page);
  await visit(page, app.url, "/assessments");
  await page.getByRole("button", { name: "Delete everything on this device" }).click();
  await page.getByRole("button", { name: "Yes, delete everything" }).click();
  await waitForText(page, "Everything was deleted from this browser.");
  assert.deepEqual(await stored(page), {});
});

test("quick exit: one click or Shift three times replaces the page; optionally wipes first", async (t) => {
  const { page } = await app.open(t);
  await answerFunding(page);
  await page.getByRole("button", { name: /^Quick exit/ }).click();
  await page.waitForURL(/away\.html$/);
  assert.equal(await page.title(), "Houseplant care: the basics");
  // Without the wipe preference, the answers are still saved.
  await visit(page, app.url, "/section/funding");
  assert.equal(await answerOf(page, FUNDING), "Strongly disagree");

  // Shift three times, with the wipe preference on.
  await visit(page, app.url, "/protect");
  await page.getByLabel("Also delete everything saved here when I use quick exit").check();
  await visit(page, app.url, "/section/funding");
  for (let i = 0; i < 3; i++) await page.keyboard.press("Shift");
  await page.waitForURL(/away\.html$/);
  // Everything goes but the choice itself (privacy.test.mjs: every exit deletes).
  assert.deepEqual(Object.keys(await stored(page)), ["hr-readiness:settings"]);
});

test("export JSON and CSV, import them back by file picker and by drag and drop", async (t) => {
  const { page } = await app.open(t);
  await answerFunding(page);
  await visit(page, app.url, "/section/leadership");
  await answer(page, LEADERS, "Somewhat agree");
  await visit(page, app.url, "/assessments");
  const name = (await libraryNames(page))[0];

  const json = await download(page, () => page.getByRole("button", { name: `Download (JSON) ${name}` }).click());
  assert.match(json.name, /\.json$/);
  const file = JSON.parse(json.text);
  assert.equal(file.format, "hr-readiness-assessment");
  assert.equal(file.assessment.responses.statements["adequate-funding"], "strongly_disagree");

  const csv = await download(page, () => page.getByRole("button", { name: `Download spreadsheet (CSV) ${name}` }).click());
  assert.match(csv.name, /\.csv$/);
  assert.ok(csv.text.startsWith("\ufeffdomain,"), "a BOM, then the header");
  const rows = csv.text.trim().split("\r\n");
  assert.equal(rows.length, 53, "a header and one row per statement");
  assert.ok(rows.some((r) => r.includes("adequate-funding") && r.includes("Strongly disagree") && r.includes("Barrier")));

  // Import by file picker: a second assessment with the same answers.
  await importFile(page, "back.json", json.text);
  await waitForText(page, `Imported “${name}”.`);
  assert.equal((await libraryNames(page)).length, 2);

  // Import by drag and drop.
  await visit(page, app.url, "/assessments");
  const dataTransfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], "dropped.json", { type: "application/json" }));
    return dt;
  }, json.text);
  await page.getByText("Choose a file, or drop it here").dispatchEvent("drop", { dataTransfer });
  await waitForText(page, `Imported “${name}”.`);
  assert.equal((await libraryNames(page)).length, 3);
  await visit(page, app.url, "/section/funding");
  assert.equal(await answerOf(page, FUNDING), "Strongly disagree");
});

test("hostile or broken imports give a clear message and change nothing", async (t) => {
  const { page } = await app.open(t);
  await answerFunding(page);
  await visit(page, app.url, "/assessments");
  const name = (await libraryNames(page))[0];
  const good = JSON.parse(
    (await download(page, () => page.getByRole("button", { name: `Download (JSON) ${name}` }).click())).text,
  );
  const before = await stored(page);
  const deep = "[".repeat(100000) + "]".repeat(100000);
  const many = structuredClone(good);
  for (let i = 0; i < 10000; i++) many.assessment.responses.statements[`item-${i}`] = "strongly_agree";
  const scripted = structuredClone(good);
  scripted.assessment.name = "<script>alert(1)</script>";
  const cases = [
    ["truncated JSON", JSON.stringify(good).slice(0, 200), /not|cut|complete|read/i],
    ["wrong type", JSON.stringify({ ...good, version: "one" }), /./],
    ["10 MB", "x".repeat(10 * 1000 * 1000), /“10 MB\.json”: This file is 10\.0 MB; assessment files are under 1 MB\./],
    ["deep nesting", deep, /./],
    ["10,000 items", JSON.stringify(many), /./],
    ["unknown version", JSON.stringify({ ...good, version: 99 }), /99/],
    ["another kind of file", JSON.stringify({ hello: "world" }), /not an assessment file/i],
  ];
  for (const [label, contents, pattern] of cases) {
    await importFile(page, `${label}.json`, contents);
    const alert = page.getByRole("alert").filter({ hasText: "Nothing has been changed." });
    await alert.waitFor();
    assert.match(await alert.innerText(), pattern, label);
    assert.deepEqual(await stored(page), before, `${label}: storage unchanged`);
  }
  // A script tag in a name is only text.
  await importFile(page, "scripted.json", JSON.stringify(scripted));
  await waitForText(page, "Imported “<script>alert(1)</script>”.");
  await page.getByRole("heading", { name: "<script>alert(1)</script>" }).waitFor();
});

test("passphrase protection: encrypted at rest, locked after reload, wrong passphrase is harmless, encrypted export", async (t) => {
  const { page } = await app.open(t);
  await answerFunding(page);
  // Offered where the saved assessments are listed.
  await visit(page, app.url, "/assessments");
  await expectText(page, "Anyone who uses this browser can open them.");
  await page.getByRole("link", { name: "Protect them with a passphrase" }).click();
  await expectHeading(page, "Passphrase protection");
  // What a passphrase needs is said before it is typed; it can be shown to check it.
  const field = page.getByLabel("Passphrase", { exact: true });
  const hint = await field.evaluate((el) => document.getElementById(el.getAttribute("aria-describedby"))?.textContent);
  assert.equal(hint, "At least 8 characters. A few unrelated words are easy to remember and hard to guess.");
  assert.equal(await field.getAttribute("type"), "password");
  await page.getByLabel("Show the passphrase").check();
  assert.deepEqual([await field.getAttribute("type"), await page.getByLabel("Passphrase again").getAttribute("type")], ["text", "text"]);
  await page.getByLabel("Show the passphrase").uncheck();
  assert.equal(await field.getAttribute("type"), "password");
  await page.getByLabel("Passphrase", { exact: true }).fill("purple kettle harbour");
  await page.getByLabel("Passphrase again").fill("purple kettle harbour");
  await page.getByRole("button", { name: "Turn on protection" }).click();
  await waitForText(page, "Protection is on.");
  await axe(page, "on the passphrase page");
  // Nothing readable is left in storage: no answer, no name.
  await page.waitForFunction(() =>
    Object.keys(localStorage).every((k) => !k.startsWith("hr-readiness:assessment:") || localStorage.getItem(k).includes('"sealed"')),
  );
  const raw = JSON.stringify(await stored(page));
  assert.ok(!raw.includes("strongly_disagree") && !raw.includes("Assessment of"), "no plaintext answers or names");

  await page.reload();
  await ready(page);
  await expectHeading(page, "Your assessments are locked");
  await axe(page, "on the unlock page");
  const snapshot = await stored(page);
  await page.getByLabel("Passphrase", { exact: true }).fill("wrong guess here");
  await page.getByRole("button", { name: "Unlock" }).click();
  await waitForText(page, "That passphrase does not unlock the assessments saved here.");
  assert.deepEqual(await stored(page), snapshot, "a wrong passphrase changes nothing");

  await page.getByLabel("Show the passphrase").check();
  assert.equal(await page.getByLabel("Passphrase", { exact: true }).getAttribute("type"), "text");
  await page.getByLabel("Passphrase", { exact: true }).fill("purple kettle harbour");
  await page.getByRole("button", { name: "Unlock" }).click();
  // Unlocked, the page that was asked for appears.
  await expectHeading(page, "Passphrase protection");
  await visit(page, app.url, "/section/funding");
  assert.equal(await answerOf(page, FUNDING), "Strongly disagree");

  // Encrypted export, then import it back with its passphrase.
  await visit(page, app.url, "/assessments");
  await expectText(page, "Protected with your passphrase: they are stored encrypted.");
  assert.equal(await page.getByRole("link", { name: "Protect them with a passphrase" }).count(), 0);
  const name = (await libraryNames(page))[0];
  await page.getByRole("button", { name: `Download encrypted ${name}` }).click();
  await page.getByLabel("Passphrase", { exact: true }).fill("file passphrase 1");
  await page.getByLabel("Passphrase again").fill("file passphrase 1");
  const enc = await download(page, () => page.getByRole("button", { name: "Download encrypted file" }).click());
  const envelope = JSON.parse(enc.text);
  assert.equal(envelope.format, "hr-readiness-assessment-encrypted");
  assert.ok(envelope.iterations >= 600000);
  assert.ok(!enc.text.includes("strongly_disagree"));
  await importFile(page, enc.name, enc.text);
  // The passphrase it asks for has the focus.
  await waitForFocus(page.getByLabel("Passphrase for this file"));
  await page.getByLabel("Passphrase for this file").fill("not it");
  await page.getByRole("button", { name: "Open the file" }).click();
  await waitForText(page, "That passphrase does not unlock this data. Nothing has been changed.");
  await page.getByLabel("Passphrase for this file").fill("file passphrase 1");
  await page.getByRole("button", { name: "Open the file" }).click();
  await waitForText(page, `Imported “${name}”.`);

  // Lock now, then turn protection off again.
  await visit(page, app.url, "/protect");
  await page.getByRole("button", { name: "Lock now" }).click();
  await expectHeading(page, "Your assessments are locked");
  await page.getByLabel("Passphrase", { exact: true }).fill("purple kettle harbour");
  await page.getByRole("button", { name: "Unlock" }).click();
  await waitForText(page, "Protection is on.");
  await page.getByRole("button", { name: "Turn off protection" }).click();
  await page.getByRole("button", { name: "Yes, turn off protection" }).click();
  await waitForText(page, "Protection is off");
  assert.ok(JSON.stringify(await stored(page)).includes("strongly_disagree"));
  assert.equal((await stored(page))["hr-readiness:lock"], undefined);
});

test("corrupt or foreign data under each key: the app starts, says so, offers it for download, never overwrites it", async (t) => {
  const { page } = await app.open(t);
  await visit(page, app.url, "/");
  const bad = {
    "hr-readiness:assessment:broken": '{"schema":1,"id":"broken","name":',
    "hr-readiness:assessment:foreign": JSON.stringify({ schema: 1, hello: "from another app" }),
    "hr-readiness:assessment:future": JSON.stringify({ schema: 99, id: "future" }),
    "hr-readiness:current": "not json at all",
    "hr-readiness:lock": '{"schema":1,"kdf":"ROT13"}',
    "hr-readiness:team": '{"schema":1,"members":[{"label":"x"',
    "hr-readiness:settings": "<settings>",
  };
  await page.evaluate((bad) => {
    for (const [k, v] of Object.entries(bad)) localStorage.setItem(k, v);
  }, bad);
  await page.reload();
  await ready(page);
  await expectHeading(page, "How ready is your organization for harm reduction?");
  const notices = page.getByRole("alert").filter({ hasText: "Some saved data could not be read" });
  // Their code comes with the notices' chunk, just after the page.
  await notices.first().waitFor();
  assert.equal(await notices.count(), 7);
  await expectText(page, "newer version of this app");
  const file = await download(page, () =>
    notices.first().getByRole("button", { name: "Download the unreadable data" }).click(),
  );
  assert.ok(Object.values(bad).includes(file.text) || file.text === bad["hr-readiness:current"]);
  await axe(page, "with storage notices");

  // Answering saves a new assessment beside the unreadable data, never over it.
  await answerFunding(page);
  const after = await stored(page);
  for (const key of ["hr-readiness:assessment:broken", "hr-readiness:assessment:foreign", "hr-readiness:assessment:future", "hr-readiness:lock"]) {
    assert.equal(after[key], bad[key], `${key} untouched`);
  }
  for (const small of ["hr-readiness:current", "hr-readiness:team", "hr-readiness:settings"]) {
    assert.ok(Object.values(after).includes(bad[small]), `${small}: a copy is kept under a key of its own`);
  }
});

test("a full quota: a clear message, and the last good save is kept", async (t) => {
  const { page } = await app.open(t);
  await answerFunding(page, "Somewhat disagree");
  const key = Object.keys(await stored(page)).find((k) => k.startsWith("hr-readiness:assessment:"));
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
  await visit(page, app.url, "/section/leadership");
  const lastGood = (await stored(page))[key];
  await answer(page, LEADERS, "Strongly agree");
  await waitForText(page, "storage for this site is full");
  assert.equal((await stored(page))[key], lastGood, "the last good save is kept");
  assert.ok(lastGood.includes("somewhat_disagree") && !lastGood.includes("leadership-supports"));
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("filler-")).forEach((k) => localStorage.removeItem(k)));
});

test("two tabs: a change in one shows in the other", async (t) => {
  const { page, context } = await app.open(t);
  await answerFunding(page, "Somewhat disagree");
  const other = await context.newPage();
  await visit(other, app.url, "/section/funding");
  assert.equal(await answerOf(other, FUNDING), "Somewhat disagree");
  await answer(other, FUNDING, "Strongly agree");
  await page.getByRole("status").filter({ hasText: "Updated with changes made in another tab." }).waitFor();
  assert.equal(await answerOf(page, FUNDING), "Strongly agree");

  // Deleting in one tab is reported in the other.
  await visit(other, app.url, "/assessments");
  const name = (await libraryNames(other))[0];
  await other.getByRole("button", { name: `Delete ${name}` }).click();
  await other.getByRole("button", { name: "Yes, delete it" }).click();
  await waitForText(page, "The assessment you had open was deleted in another tab.");
});

test("two tabs: changes made while this tab fetches the code that reads them are followed in the order they came", async (t) => {
  // Without the offline copy, so that this tab's fetch can be held.
  const { page, context } = await app.open(t, { serviceWorkers: "block" });
  // A first visit: it saves, and has not fetched the code that reads.
  await answerFunding(page, "Somewhat disagree");
  const release = await hold(page, /\/split_stored\.wasm$/);
  const other = await context.newPage();
  await visit(other, app.url, "/section/funding");
  await answer(other, FUNDING, "Strongly agree");
  await visit(other, app.url, "/assessments");
  const name = (await libraryNames(other))[0];
  await other.getByRole("button", { name: `Delete ${name}` }).click();
  await other.getByRole("button", { name: "Yes, delete it" }).click();
  await other.getByText("No assessment is saved on this device yet.").waitFor();
  assert.equal(await answerOf(page, FUNDING), "Somewhat disagree", "nothing followed before the code came");
  release();
  // The change, then the deletion: the assessment is gone here too, not
  // brought back by the change that came before it.
  await waitForText(page, "The assessment you had open was deleted in another tab.");
  assert.equal(await answerOf(page, FUNDING), null);
  await page.evaluate(() => {
    location.hash = "#/assessments";
  });
  await waitForText(page, "No assessment is saved on this device yet.");
});
