// Nothing lost to the browser: one backup of every assessment and restoring
// it (round trip, twice, hostile backups, sealed when a passphrase is set),
// what the browser promised about keeping them (persistent storage, granted
// and denied), the reminder to back up, and the Safari note.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { assertClean, axe, guard, ready, useApp } from "./harness.mjs";
import { answer, answerOf, expectHeading, visit, waitForText } from "./pages.mjs";

const app = useApp();
const FUNDING = "Adequate funding is available to support harm reduction in our organization.";
const LEADERS = "Our organization's leadership supports harm reduction services.";
const PASSPHRASE = "blue heron at dawn";
const SAFARI =
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15";

/**
 * A context with options of its own (a user agent, an init script), with
 * the same guards as `app.open`.
 */
async function openWith(t, options = {}, init = null) {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-US", ...options });
  const { problems } = await guard(context, [app.url]);
  if (init) await context.addInitScript(init.script, init.arg);
  const page = await context.newPage();
  t.after(async () => {
    try {
      await assertClean(context, problems);
    } finally {
      await context.close();
    }
  });
  return { page, context };
}

/** Stands in for the browser's persistent-storage answer (granted or not),
 * and counts the requests the app makes. */
function storageAnswer(granted) {
  return {
    // Counted in sessionStorage, so that the count survives a reload.
    script: (granted) => {
      const count = () => {
        try {
          return Number(sessionStorage.getItem("persist-requests") || 0);
        } catch {
          return 0;
        }
      };
      Object.defineProperty(window, "__persistRequests", { configurable: true, get: count });
      Object.defineProperty(navigator, "storage", {
        configurable: true,
        value: {
          persisted: async () => granted && count() > 0,
          persist: async () => {
            sessionStorage.setItem("persist-requests", String(count() + 1));
            return granted;
          },
        },
      });
    },
    arg: granted,
  };
}

/** The saved assessments as stored: id → the fields a backup must keep. */
async function savedRecords(page) {
  return page.evaluate(() => {
    const out = {};
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (!k.startsWith("hr-readiness:assessment:")) continue;
      const r = JSON.parse(localStorage.getItem(k));
      out[r.id] = {
        name: r.name,
        created: r.created,
        updated: r.updated,
        instrument_version: r.instrument_version,
        responses: r.responses,
        actions: r.actions ?? [],
      };
    }
    return out;
  });
}

/** Everything this app keeps in localStorage. */
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

async function libraryNames(page) {
  await visit(page, app.url, "/assessments");
  const list = page.getByRole("list", { name: "Saved assessments" });
  if (!(await list.count())) return [];
  return (await list.getByRole("heading", { level: 2 }).allInnerTexts()).map((t) => t.trim()).sort();
}

async function saved(page) {
  await page.getByRole("status").filter({ hasText: /^Saved on this device\./ }).waitFor();
}

async function rename(page, from, to) {
  await visit(page, app.url, "/assessments");
  await page.getByRole("button", { name: `Rename ${from}` }).click();
  await page.getByLabel(`New name for “${from}”`).fill(to);
  await page.getByRole("button", { name: "Save name" }).click();
  await page.getByRole("heading", { name: to }).waitFor();
}

/** A new assessment with one answer, named `name`. */
async function newAssessment(page, name, statement, label) {
  await visit(page, app.url, "/assessments");
  await page.getByRole("button", { name: "Start a new assessment" }).click();
  await ready(page);
  await visit(page, app.url, statement === FUNDING ? "/section/funding" : "/section/leadership");
  await answer(page, statement, label);
  await saved(page);
  const names = await libraryNames(page);
  const fresh = names.find((n) => n.startsWith("Assessment of"));
  await rename(page, fresh, name);
}

/** Three assessments, the first with an action plan. */
async function threeAssessments(page) {
  await visit(page, app.url, "/section/funding");
  await answer(page, FUNDING, "Strongly disagree");
  await saved(page);
  await visit(page, app.url, "/plan");
  await page.getByRole("button", { name: "Add an action for Securing funding or reimbursement for harm reduction" }).click();
  await page.getByLabel("What will be done").fill("Ask the county about opioid settlement grants");
  await page.getByLabel("Who takes it forward").fill("Executive director");
  await page.getByLabel("Due date (optional)").fill("2027-02-15");
  await page.getByLabel("Status").selectOption("in_progress");
  await page.getByRole("button", { name: "Save the action" }).click();
  await page.getByRole("table", { name: "The action plan" }).getByRole("rowheader", { name: "Ask the county about opioid settlement grants" }).waitFor();
  const first = (await libraryNames(page))[0];
  await rename(page, first, "Before the collaborative");
  await newAssessment(page, "After the collaborative", FUNDING, "Somewhat agree");
  await newAssessment(page, "Main clinic, 2028", LEADERS, "I don't know");
  assert.deepEqual(await libraryNames(page), ["After the collaborative", "Before the collaborative", "Main clinic, 2028"]);
}

async function download(page, action) {
  const [file] = await Promise.all([page.waitForEvent("download"), action()]);
  assert.match(file.url(), /^blob:/, "the file is made in the page");
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), "utf8") };
}

/** "Back up all assessments", with a passphrase or (null) plain. */
async function backUp(page, passphrase) {
  await visit(page, app.url, "/assessments");
  // The form opens from its button; the reminder's button opens it too.
  if (!(await page.getByLabel(/^Make a plain backup without a passphrase/).count())) {
    await page.getByRole("button", { name: "Make a backup", exact: true }).click();
  }
  await page.getByLabel(/^Make a plain backup without a passphrase/).setChecked(!passphrase);
  if (passphrase) {
    await page.getByLabel("Passphrase", { exact: true }).fill(passphrase);
    await page.getByLabel("Passphrase again").fill(passphrase);
  }
  const file = await download(page, () => page.getByRole("button", { name: "Download the backup" }).click());
  await waitForText(page, "Downloaded the backup");
  return file;
}

async function pick(page, name, contents) {
  await visit(page, app.url, "/assessments");
  await page.getByLabel("Choose a file, or drop it here").setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(contents) });
}

async function deleteEverything(page) {
  await visit(page, app.url, "/assessments");
  await page.getByRole("button", { name: "Delete everything on this device" }).click();
  await page.getByRole("button", { name: "Yes, delete everything" }).click();
  await waitForText(page, "Everything was deleted from this browser.");
  assert.deepEqual(await libraryNames(page), []);
}

function restoredMessage(page) {
  return page.getByRole("status").filter({ hasText: /^(Restored:|Already saved here)/ });
}

test("round trip: back up three assessments (one with an action plan), delete everything, restore: the same names, answers, actions and dates; restoring again adds nothing", async (t) => {
  const { page } = await app.open(t);
  await threeAssessments(page);
  const before = await savedRecords(page);
  assert.equal(Object.keys(before).length, 3);
  assert.equal(Object.values(before).find((r) => r.name === "Before the collaborative").actions[0].owner, "Executive director");

  await visit(page, app.url, "/assessments");
  await expectText(page, "No backup has been made in this browser yet.");
  // Encrypted by default: no backup without a passphrase unless asked for.
  await page.getByRole("button", { name: "Make a backup", exact: true }).click();
  await page.getByRole("button", { name: "Download the backup" }).click();
  await page.getByRole("alert").filter({ hasText: "Use a passphrase of at least 8 characters" }).first().waitFor();
  const file = await backUp(page, PASSPHRASE);
  assert.match(file.name, /^harm-reduction-readiness-backup-\d{4}-\d{2}-\d{2}\.encrypted\.json$/);
  const envelope = JSON.parse(file.text);
  assert.equal(envelope.format, "hr-readiness-backup-encrypted");
  for (const name of ["Before the collaborative", "Ask the county"]) assert.ok(!file.text.includes(name), "nothing readable in the file");
  await page.getByText(/^Last backup made in this browser: /).waitFor();
  await axe(page, "on the saved assessments page with a backup made");

  await deleteEverything(page);
  await pick(page, file.name, file.text);
  await page.getByText("This file is encrypted.").waitFor();
  await page.getByLabel("Passphrase for this file").fill(PASSPHRASE);
  await page.getByRole("button", { name: "Open the file" }).click();
  const message = restoredMessage(page);
  await message.waitFor();
  assert.match(await message.innerText(), /^Restored: “.+”, “.+”, “.+”\.$/);
  assert.deepEqual(await savedRecords(page), before, "identical names, answers, actions and dates");
  assert.deepEqual(await libraryNames(page), ["After the collaborative", "Before the collaborative", "Main clinic, 2028"]);
  // The action plan came back with its assessment.
  await visit(page, app.url, "/assessments");
  await page.getByRole("button", { name: "Results of Before the collaborative" }).click();
  await visit(page, app.url, "/plan");
  await page.getByRole("table", { name: "The action plan" }).getByText("Executive director").waitFor();

  // The same file again: nothing is added, and the user is told.
  const all = await stored(page);
  await pick(page, file.name, file.text);
  await page.getByLabel("Passphrase for this file").fill(PASSPHRASE);
  await page.getByRole("button", { name: "Open the file" }).click();
  await page.getByRole("status").filter({ hasText: /^Already saved here/ }).waitFor();
  const again = await message.innerText();
  assert.match(again, /^Already saved here, so not added again: “.+”, “.+”, “.+”\. Nothing was added: every assessment in this backup is already saved here\.$/);
  for (const name of ["Before the collaborative", "After the collaborative", "Main clinic, 2028"]) assert.ok(again.includes(`“${name}”`), name);
  assert.deepEqual(await stored(page), all, "nothing stored changed");
});

test("a changed assessment with the same id is added as a copy, never overwriting the saved one", async (t) => {
  const { page } = await app.open(t);
  await visit(page, app.url, "/section/funding");
  await answer(page, FUNDING, "Strongly disagree");
  await saved(page);
  const file = await backUp(page, null);
  const plain = JSON.parse(file.text);
  assert.equal(plain.format, "hr-readiness-backup");
  assert.equal(plain.assessments.length, 1);
  // The assessment changes after the backup.
  await visit(page, app.url, "/section/funding");
  await answer(page, FUNDING, "Strongly agree");
  await saved(page);
  const now = await savedRecords(page);
  await pick(page, file.name, file.text);
  await restoredMessage(page).waitFor();
  const after = await savedRecords(page);
  assert.equal(Object.keys(after).length, 2, "added beside it");
  const [id] = Object.keys(now);
  assert.deepEqual(after[id], now[id], "the saved one is untouched");
  const copy = Object.entries(after).find(([k]) => k !== id)[1];
  assert.equal(copy.responses.statements["adequate-funding"], "strongly_disagree");
});

test("hostile backups: too many, one bad among good (named; the rest only if confirmed), truncated, wrong passphrase, newer version: a clear message and nothing changes", async (t) => {
  const { page } = await app.open(t);
  await threeAssessments(page);
  const plain = JSON.parse((await backUp(page, null)).text);
  const encrypted = await backUp(page, PASSPHRASE);
  const all = await stored(page);

  const tooMany = structuredClone(plain);
  tooMany.assessments = Array.from({ length: 501 }, (_, k) => ({ ...plain.assessments[k % 3], id: `id-${k}` }));
  const newer = { ...plain, version: 2 };
  const text = JSON.stringify(plain, null, 2);
  const cases = [
    ["too many", JSON.stringify(tooMany), /This backup holds 501 assessments; this app restores at most 500 from one file\./],
    ["truncated", text.slice(0, Math.floor(text.length / 2)), /This backup ends too early/],
    ["newer version", JSON.stringify(newer), /made by a newer version of this app \(backup format version 2; this version reads versions up to 1\)/],
  ];
  for (const [label, contents, pattern] of cases) {
    await pick(page, `${label}.json`, contents);
    const alert = page.getByRole("alert").filter({ hasText: "Nothing has been changed." });
    await alert.waitFor();
    assert.match(await alert.innerText(), pattern, label);
    assert.deepEqual(await stored(page), all, `${label}: storage unchanged`);
  }

  // A wrong passphrase.
  await pick(page, encrypted.name, encrypted.text);
  await page.getByLabel("Passphrase for this file").fill("not the passphrase");
  await page.getByRole("button", { name: "Open the file" }).click();
  await page.getByRole("alert").filter({ hasText: "That passphrase does not unlock this data. Nothing has been changed." }).waitFor();
  assert.deepEqual(await stored(page), all, "wrong passphrase: storage unchanged");

  // One bad assessment among good ones: named, and nothing happens until
  // the user says so.
  await deleteEverything(page);
  const empty = await stored(page);
  const oneBad = structuredClone(plain);
  const badName = oneBad.assessments[1].file.assessment.name;
  oneBad.assessments[1].file.assessment.responses.statements["adequate-funding"] = "maybe";
  await pick(page, "one-bad.json", JSON.stringify(oneBad));
  const question = page.getByRole("group", { name: /^Some assessments in this backup cannot be restored/ });
  await question.waitFor();
  const listed = await question.getByRole("listitem").allInnerTexts();
  assert.equal(listed.length, 1);
  assert.match(listed[0], new RegExp(`^Assessment 2 \\(“${badName}”\\): The answer to "adequate-funding" in this file is not one of the five answers`));
  await axe(page, "with the question about a bad assessment");
  assert.deepEqual(await stored(page), empty, "nothing stored before the user confirms");
  await question.getByRole("button", { name: "Cancel" }).click();
  await page.getByRole("alert").filter({ hasText: "Nothing was restored." }).waitFor();
  assert.deepEqual(await stored(page), empty, "cancelled: nothing stored");

  await pick(page, "one-bad.json", JSON.stringify(oneBad));
  await question.getByRole("button", { name: "Restore those that can be restored" }).click();
  await restoredMessage(page).waitFor();
  const names = plain.assessments.map((a) => a.file.assessment.name).filter((n) => n !== badName).sort();
  assert.deepEqual(await libraryNames(page), names);
});

test("with passphrase protection on, restored assessments are stored encrypted", async (t) => {
  const { page } = await app.open(t);
  await threeAssessments(page);
  const file = await backUp(page, null);
  await deleteEverything(page);
  await visit(page, app.url, "/protect");
  await page.getByLabel("Passphrase", { exact: true }).fill(PASSPHRASE);
  await page.getByLabel("Passphrase again").fill(PASSPHRASE);
  await page.getByRole("button", { name: "Turn on protection" }).click();
  await waitForText(page, "Protection is on.");
  await pick(page, file.name, file.text);
  await restoredMessage(page).waitFor();
  assert.deepEqual(await libraryNames(page), ["After the collaborative", "Before the collaborative", "Main clinic, 2028"]);
  await page.waitForFunction(
    () => Object.keys(localStorage).filter((k) => k.startsWith("hr-readiness:assessment:")).length === 3,
  );
  const raw = Object.values(await stored(page)).join("\n");
  for (const secret of ["Before the collaborative", "Executive director", "strongly_disagree", "adequate-funding"]) {
    assert.ok(!raw.includes(secret), `${secret} is not stored in plain text`);
  }
});

test("persistent storage granted: asked for when the first assessment is saved, and said plainly; no reminder", async (t) => {
  const { page } = await openWith(t, {}, storageAnswer(true));
  await visit(page, app.url, "/assessments");
  assert.equal(await page.evaluate(() => window.__persistRequests), 0, "not asked before anything is saved");
  await visit(page, app.url, "/section/funding");
  await answer(page, FUNDING, "Strongly disagree");
  await saved(page);
  await page.waitForFunction(() => window.__persistRequests === 1);
  await answer(page, FUNDING, "Somewhat disagree");
  await saved(page);
  assert.equal(await page.evaluate(() => window.__persistRequests), 1, "asked once, not on every save");
  await visit(page, app.url, "/assessments");
  await waitForText(page, "This browser has agreed to keep them until you delete them.");
  assert.equal(await page.getByRole("region", { name: "Keep a backup" }).count(), 0, "no reminder when kept");
});

test("persistent storage denied: said plainly with what to do; the reminder once a visit, gone after a backup, never in kiosk mode; asked again on install", async (t) => {
  const { page } = await openWith(t, {}, storageAnswer(false));
  await visit(page, app.url, "/section/funding");
  await answer(page, FUNDING, "Strongly disagree");
  await saved(page);
  await page.waitForFunction(() => window.__persistRequests === 1);
  await visit(page, app.url, "/assessments");
  await waitForText(page, "This browser may clear them on its own");
  const reminder = page.getByRole("region", { name: "Keep a backup" });
  await reminder.waitFor();
  await waitForText(page, "You have not made a backup of your assessments yet.");
  await axe(page, "with the backup reminder");
  // "Make a backup now" takes the user to the backup form.
  await reminder.getByRole("button", { name: "Make a backup now" }).click();
  await page.waitForFunction(() => document.activeElement?.id === "backup-pass");
  // Once a visit: not again on coming back to the page.
  await page.evaluate(() => (location.hash = "#/"));
  await page.waitForFunction(() => !document.querySelector("h1")?.textContent.includes("Your saved assessments"));
  await page.evaluate(() => (location.hash = "#/assessments"));
  await page.getByRole("heading", { level: 1, name: "Your saved assessments" }).waitFor();
  assert.equal(await reminder.count(), 0, "not twice in one visit");

  // A new visit offers it again; a backup ends it.
  await page.reload();
  await ready(page);
  await reminder.waitFor();
  await backUp(page, null);
  assert.equal(await reminder.count(), 0, "no reminder right after a backup");
  await page.reload();
  await ready(page);
  await page.getByText(/^Last backup made in this browser: /).waitFor();
  assert.equal(await reminder.count(), 0, "nothing changed since the backup");
  // A change after the backup brings it back, in a new visit.
  await visit(page, app.url, "/section/funding");
  await answer(page, FUNDING, "Strongly agree");
  await saved(page);
  // The change is in storage, later than the backup, before the new visit.
  await page.waitForFunction(() => {
    const last = JSON.parse(localStorage.getItem("hr-readiness:backup") || "{}").last_backup;
    return Object.keys(localStorage)
      .filter((k) => k.startsWith("hr-readiness:assessment:"))
      .some((k) => JSON.parse(localStorage.getItem(k)).updated > last);
  });
  await page.reload();
  await ready(page);
  await visit(page, app.url, "/assessments");
  await expectHeading(page, "Your saved assessments");
  await waitForText(page, "This browser may clear them on its own");
  await reminder.waitFor();
  await waitForText(page, "Your assessments have changed since your last backup");

  // Installing the app asks again.
  const asked = await page.evaluate(() => window.__persistRequests);
  await page.evaluate(() => window.dispatchEvent(new Event("appinstalled")));
  await page.waitForFunction((n) => window.__persistRequests === n + 1, asked);

  // Kiosk mode: no reminder, no request.
  const kiosk = await openWith(t, {}, storageAnswer(false));
  await kiosk.page.goto(`${app.url}/?kiosk=1#/section/funding`);
  await ready(kiosk.page);
  // The facilitator sets the kiosk's exit code first.
  await kiosk.page.getByLabel("Exit code", { exact: true }).fill("facilitator 4711");
  await kiosk.page.getByLabel("Exit code again").fill("facilitator 4711");
  await kiosk.page.getByRole("button", { name: "Start kiosk mode" }).click();
  await answer(kiosk.page, FUNDING, "Strongly disagree");
  await kiosk.page.getByRole("status").filter({ hasText: "Your answers are kept in this tab only" }).waitFor();
  // Only the fragment changes: the kiosk keeps its answers in the tab's memory.
  await kiosk.page.goto(`${app.url}/?kiosk=1#/assessments`);
  await ready(kiosk.page);
  await kiosk.page.getByRole("heading", { level: 1, name: "Your saved assessments" }).waitFor();
  assert.equal(await kiosk.page.getByRole("region", { name: "Keep a backup" }).count(), 0, "never in kiosk mode");
  assert.equal(await kiosk.page.evaluate(() => window.__persistRequests), 0, "not asked in kiosk mode");
});

async function expectText(page, text) {
  await page.getByText(text).first().waitFor();
}

test("the Safari note: not in Chromium; in Safari, said once with both remedies, and remembered when dismissed; not in an installed app", async (t) => {
  const { page } = await app.open(t);
  await visit(page, app.url, "/section/funding");
  await answer(page, FUNDING, "Strongly disagree");
  await saved(page);
  await visit(page, app.url, "/assessments");
  assert.equal(await page.getByRole("region", { name: "A note for Safari" }).count(), 0, "not in Chromium");

  const safari = await openWith(t, { userAgent: SAFARI });
  const s = safari.page;
  await visit(s, app.url, "/");
  assert.equal(await s.getByRole("region", { name: "A note for Safari" }).count(), 0, "nothing saved, nothing to say");
  await visit(s, app.url, "/section/funding");
  await answer(s, FUNDING, "Strongly disagree");
  await saved(s);
  const note = s.getByRole("region", { name: "A note for Safari" });
  // Not on the page being answered: above it, the note would push the
  // answers down under the reader's finger. It shows from the next page on.
  await s.waitForTimeout(500);
  assert.equal(await note.count(), 0, "not while answering");
  await s.getByRole("button", { name: /^Save and/ }).click();
  await note.waitFor();
  const words = await note.innerText();
  assert.match(words, /Safari deletes what a website has saved when you have not visited it for seven days/);
  assert.match(words, /Add this app to your Home Screen: tap the Share button, then “Add to Home Screen”/);
  await note.getByRole("link", { name: "Back up all assessments, on the Your assessments page" }).click();
  await expectHeading(s, "Your saved assessments");
  await axe(s, "with the Safari note");
  await note.getByRole("button", { name: "Got it" }).click();
  assert.equal(await note.count(), 0);
  await s.reload();
  await ready(s);
  assert.equal(await note.count(), 0, "remembered");

  // Opened from the Home Screen (navigator.standalone on iOS): not said.
  const installed = await openWith(t, { userAgent: SAFARI }, {
    script: () => Object.defineProperty(navigator, "standalone", { configurable: true, value: true }),
    arg: null,
  });
  await visit(installed.page, app.url, "/section/funding");
  await answer(installed.page, FUNDING, "Strongly disagree");
  await saved(installed.page);
  await visit(installed.page, app.url, "/assessments");
  assert.equal(await installed.page.getByRole("region", { name: "A note for Safari" }).count(), 0, "not in the installed app");
});

test("a download the browser will not make is said beside its button, and nothing is lost; the next try goes", async (t) => {
  const { page } = await app.open(t);
  await visit(page, app.url, "/section/funding");
  await answer(page, FUNDING, "Strongly disagree");
  await page.getByRole("status").filter({ hasText: "Saved on this device." }).waitFor();
  await page.evaluate(() => {
    location.hash = "#/results";
  });
  await expectHeading(page, "Your results");
  // The browser will not make the file (short of memory, say).
  const refuse = () =>
    page.evaluate(() => {
      window.realCreateObjectURL ??= URL.createObjectURL;
      URL.createObjectURL = () => {
        throw new Error("out of memory");
      };
    });
  const allow = () => page.evaluate(() => (URL.createObjectURL = window.realCreateObjectURL));
  const failed = page.getByRole("alert").filter({ hasText: "The file could not be downloaded" });
  await refuse();
  await page.getByRole("button", { name: "Download spreadsheet (CSV)" }).click();
  await failed.waitFor();
  assert.match(await failed.innerText(), /Nothing was changed; try again/);
  // The next try goes, and the message goes with it.
  await allow();
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download answers (JSON)" }).click()]);
  assert.match(file.suggestedFilename(), /\.json$/);
  await failed.waitFor({ state: "detached" });

  // The same on the saved assessments page, for one assessment's row.
  await page.evaluate(() => {
    location.hash = "#/assessments";
  });
  await expectHeading(page, "Your saved assessments");
  await refuse();
  await page.getByRole("button", { name: /^Download \(JSON\)/ }).first().click();
  await failed.waitFor();
  await allow();
  await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: /^Download spreadsheet \(CSV\)/ }).first().click()]);
  await failed.waitFor({ state: "detached" });
  // Nothing was lost: the answer is still there.
  await page.evaluate(() => {
    location.hash = "#/section/funding";
  });
  assert.equal(await answerOf(page, FUNDING), "Strongly disagree");
});
