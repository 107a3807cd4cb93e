// The pages a first visit does not need load on demand (src/ui/on_demand.rs,
// cut into chunks by scripts/split.mjs): the first screen fetches the first
// module only; a page of another group fetches its chunks the first time it
// opens, and never again; every page works from its chunks; a chunk that
// cannot be fetched (the connection dropped mid-visit) gives a message and a
// retry, never a blank page, and loses no answer. The Spanish texts are a
// file of their own (es.bin), fetched only when Spanish is chosen, with the
// same promise when it cannot be fetched. Offline use of the chunks and of
// the Spanish is in offline.test.mjs.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DIST, forgiveDropped, ready, useApp } from "./harness.mjs";
import { answer, domainTable, expectHeading, visit } from "./pages.mjs";

const app = useApp();
const FUNDING = "Adequate funding is available to support harm reduction in our organization.";

/** The Spanish texts among the requests. */
const spanish = (urls) => urls.filter((u) => /\/app-[0-9a-f]{16}\/es\.bin$/.test(new URL(u).pathname));
const ES_BIN = /\/app-[0-9a-f]{16}\/es\.bin$/;

/** The chunks (every module but the first) among the requests. */
const chunks = (urls) => urls.filter((u) => /\/app-[0-9a-f]{16}\/(split|chunk)_[^/]*\.wasm$/.test(new URL(u).pathname));

async function go(page, fragment) {
  await page.evaluate((f) => {
    location.hash = f;
  }, fragment);
}

async function saved(page) {
  await page.getByRole("status").filter({ hasText: "Saved on this device." }).waitFor();
}

test("the first screen fetches no chunk; each group of pages fetches its chunks the first time, never again; every group works", async (t) => {
  const { page } = await app.open(t);
  const urls = [];
  page.on("request", (r) => urls.push(r.url()));
  await visit(page, app.url, "/");
  await page.getByRole("link", { name: "Start now" }).click();
  await page.getByRole("heading", { level: 1, name: "About your organization" }).waitFor();
  await page.getByRole("radio").or(page.getByRole("checkbox")).first().waitFor();
  assert.ok(urls.some((u) => u.endsWith("/hr-readiness_bg.wasm")), "the first module");
  assert.deepEqual(chunks(urls), [], "no chunk before the first question");
  assert.deepEqual(spanish(urls), [], "no Spanish for an English first visit");
  await go(page, "#/section/leadership");
  await page.getByRole("radio", { name: /^Strongly agree/ }).first().waitFor();
  await go(page, "#/section/funding");
  await answer(page, FUNDING, "Strongly disagree");
  await saved(page);
  assert.deepEqual(chunks(urls), [], "answering needs no chunk");

  await go(page, "#/results");
  await expectHeading(page, "Your results");
  const report = chunks(urls);
  assert.ok(report.some((u) => u.includes("/split_report")), `the report group's chunk: ${report.join(", ")}`);
  assert.equal((await domainTable(page)).Funding.balance, "−100");

  // Back and forth: nothing is fetched again.
  await go(page, "#/section/funding");
  await page.getByRole("group", { name: FUNDING, exact: true }).waitFor();
  await go(page, "#/results");
  await expectHeading(page, "Your results");
  await go(page, "#/plan");
  await expectHeading(page, "Action plan");
  assert.deepEqual(chunks(urls), report, "the report group's pages share their chunks, fetched once");

  // The other groups, each from its own chunks.
  for (const [fragment, heading, group] of [
    ["#/method", "How is this calculated?", "reading"],
    ["#/assessments", "Your saved assessments", "library"],
    ["#/team", "Team view", "team"],
  ]) {
    await go(page, fragment);
    await expectHeading(page, heading);
    assert.ok(chunks(urls).some((u) => u.includes(`/split_${group}`)), `${group}: its chunk`);
  }
});

test("the questionnaire's texts that only later pages show are not in the first module, nor in the code that reads what is stored; those pages show them", async (t) => {
  // The model's tape puts them apart (crates/instrument/src/tape.rs,
  // "Details"); the first module and the stored chunk read the brief
  // instrument. One text of each kind.
  const details = [
    ["a source's citation", "Scaccia, J. P., Cook, B. S., Lamont, A."],
    ["a source's note", "Convenience sample of National Council members"],
    ["a domain's summary", "Leadership support, fit with the organization's philosophy"],
    ["what to find out first", "Ask your director, board chair and program leads where harm reduction stands"],
    ["a retired statement's reason", "It assumed that planning had already started"],
  ];
  const folder = readdirSync(DIST).find((f) => /^app-[0-9a-f]{16}$/.test(f));
  const modules = readdirSync(join(DIST, folder)).filter((f) => f.endsWith(".wasm"));
  const holding = (text) => modules.filter((f) => readFileSync(join(DIST, folder, f)).includes(Buffer.from(text)));
  for (const [what, text] of details) {
    const found = holding(text);
    assert.ok(found.length > 0, `${what} is in the build`);
    assert.ok(!found.includes("hr-readiness_bg.wasm"), `${what}: not in the first module`);
    assert.ok(!found.includes("split_stored.wasm"), `${what}: not in the code that reads what is stored`);
  }
  // The statements themselves are where the question pages read them.
  assert.deepEqual(holding("Adequate funding is available to support harm reduction"), ["hr-readiness_bg.wasm"]);
  // In Spanish, the same split between the two files of texts.
  const inFile = (file, text) => readFileSync(join(DIST, folder, file)).includes(Buffer.from(text));
  const findOut = "Pregunte a la dirección, a la presidencia de la junta directiva";
  assert.ok(!inFile("es.bin", findOut) && inFile("es-chunks.bin", findOut), "a detail's Spanish comes with the chunks");
  const statement = "Hay financiamiento suficiente para apoyar la reducción de daños";
  assert.ok(inFile("es.bin", statement) && !inFile("es-chunks.bin", statement), "a statement's Spanish comes first");

  // A first visit: the results show what to find out first, and the
  // national figures' source, from the chunks.
  const { page } = await app.open(t);
  await visit(page, app.url, "/section/leadership");
  await answer(page, "Our organization's leadership supports harm reduction services.", "I don't know");
  await saved(page);
  await go(page, "#/results");
  await expectHeading(page, "Your results");
  await page.getByRole("heading", { name: "Find out first" }).waitFor();
  await page.getByText(details[3][1]).first().waitFor();
  await page.getByText(/National Council for Mental Wellbeing \(2022\)\. Harm Reduction Technical Assistance Stakeholder Analysis/).first().waitFor();
});

test("a page whose chunk cannot be fetched says so, with a retry that works; no answer is lost", async (t) => {
  const { page, problems } = await app.open(t);
  await visit(page, app.url, "/section/funding");
  await answer(page, FUNDING, "Strongly disagree");
  await saved(page);

  // The connection drops: every chunk fails.
  const drop = (route) => route.abort("internetdisconnected");
  await page.route(/\/app-[0-9a-f]{16}\/(split|chunk)_[^/]*\.wasm$/, drop);
  await go(page, "#/results");
  const alert = page.getByRole("alert").filter({ hasText: "This page could not be loaded" });
  await alert.waitFor();
  assert.match(await alert.innerText(), /Your answers are saved on this device; nothing is lost/);
  await expectHeading(page, "This page could not be loaded");
  // Still the app: its header and the question pages work.
  await go(page, "#/section/funding");
  await page.getByRole("group", { name: FUNDING, exact: true }).waitFor();
  await go(page, "#/results");
  await alert.waitFor();

  // Back online: Try again brings the page, with the answer.
  await page.unroute(/\/app-[0-9a-f]{16}\/(split|chunk)_[^/]*\.wasm$/, drop);
  await alert.getByRole("button", { name: "Try again" }).click();
  await expectHeading(page, "Your results");
  assert.equal((await domainTable(page)).Funding.balance, "−100");

  // What the failed fetches logged is expected here, and only that.
  forgiveDropped(problems);
});

test("a notice whose chunk cannot be fetched says so in its place, with a retry that brings it; the page around it works", async (t) => {
  // Without the offline copy, which would otherwise bring the chunk.
  const { page, problems } = await app.open(t, { serviceWorkers: "block" });
  await visit(page, app.url, "/");
  // Saved data that cannot be read: a notice the first screen has no code
  // for (the notices' chunk; the data is read by the code of another chunk,
  // which comes).
  await page.evaluate(() => localStorage.setItem("hr-readiness:assessment:broken", '{"schema":1,"id":"broken","name":'));
  const CHUNKS = /\/app-[0-9a-f]{16}\/split_notices\.wasm$/;
  const drop = (route) => route.abort("internetdisconnected");
  await page.route(CHUNKS, drop);
  await page.reload();
  const failed = page.getByRole("alert").filter({ hasText: "This part of the app could not be loaded" });
  await failed.waitFor();
  assert.match(await failed.innerText(), /Your answers are saved on this device; nothing is lost/);
  const notice = page.getByRole("alert").filter({ hasText: "Some saved data could not be read" });
  assert.equal(await notice.count(), 0);
  // The page around it works: the first question answers.
  await page.getByRole("link", { name: "Start now" }).click();
  await page.getByRole("heading", { level: 1, name: "About your organization" }).waitFor();
  await go(page, "#/section/funding");
  await answer(page, FUNDING, "Strongly agree");
  await saved(page);
  // Back online: the retry brings the notice, which names what it found.
  await page.unroute(CHUNKS, drop);
  await failed.getByRole("button", { name: "Try again" }).click();
  await notice.waitFor();
  assert.match(await notice.innerText(), /hr-readiness:assessment:broken/);
  assert.equal(await failed.count(), 0, "the message about the chunk has gone");
  assert.equal(await page.evaluate(() => localStorage.getItem("hr-readiness:assessment:broken")), '{"schema":1,"id":"broken","name":', "the unreadable data is untouched");
  forgiveDropped(problems);
});

test("a return visit fetches the code that reads what is stored before the app starts; a first visit never does", async (t) => {
  const { page } = await app.open(t);
  const urls = [];
  page.on("request", (r) => urls.push(r.url()));
  await visit(page, app.url, "/section/funding");
  await answer(page, FUNDING, "Strongly disagree");
  await saved(page);
  const reader = (list) => list.filter((u) => u.includes("/split_stored"));
  assert.deepEqual(reader(chunks(urls)), [], "a first visit, answering and saving, reads nothing stored");
  urls.length = 0;
  await page.reload();
  await ready(page);
  assert.equal(reader(chunks(urls)).length, 1, `the reading code, once: ${chunks(urls).join(", ")}`);
  await go(page, "#/section/funding");
  assert.equal(await page.getByRole("group", { name: FUNDING, exact: true }).getByRole("radio", { name: /^Strongly disagree/ }).isChecked(), true, "the saved answer, read");
});

test("saved data whose reading code cannot come: the app says so and does not start; Try again starts it with the data; nothing is written meanwhile", async (t) => {
  // Without the offline copy, which would otherwise bring the chunk.
  const { page, problems } = await app.open(t, { serviceWorkers: "block" });
  await visit(page, app.url, "/section/funding");
  await answer(page, FUNDING, "Strongly disagree");
  await saved(page);
  const stored = () => page.evaluate(() => Object.fromEntries(Object.keys(localStorage).sort().map((k) => [k, localStorage.getItem(k)])));
  const before = await stored();

  const CHUNKS = /\/app-[0-9a-f]{16}\/(split|chunk)_[^/]*\.wasm$/;
  const drop = (route) => route.abort("internetdisconnected");
  await page.route(CHUNKS, drop);
  await page.reload();
  const alert = page.getByRole("alert").filter({ hasText: "The assessment could not start" });
  await alert.waitFor();
  await expectHeading(page, "The assessment could not start");
  assert.match(await alert.innerText(), /your saved answers are still on this device/);
  assert.equal(await page.getByRole("link", { name: "Start now" }).count(), 0, "not started as if nothing were stored");
  await page.getByRole("button", { name: /^Quick exit/ }).waitFor();
  await alert.getByRole("button", { name: "Try again" }).click();
  await alert.waitFor();
  assert.deepEqual(await stored(), before, "nothing written while it could not start");

  await page.unroute(CHUNKS, drop);
  await page.getByRole("button", { name: "Try again" }).click();
  await page.getByRole("group", { name: FUNDING, exact: true }).waitFor();
  assert.equal(await page.getByRole("group", { name: FUNDING, exact: true }).getByRole("radio", { name: /^Strongly disagree/ }).isChecked(), true, "started with the saved answer");
  assert.equal(await alert.count(), 0);
  forgiveDropped(problems);
});

test("Spanish: the message and the retry", async (t) => {
  const { page, problems } = await app.open(t, { locale: "es-ES" });
  const drop = (route) => route.abort("internetdisconnected");
  await page.route(/\/app-[0-9a-f]{16}\/(split|chunk)_[^/]*\.wasm$/, drop);
  await visit(page, app.url, "/section/funding");
  await go(page, "#/method");
  const alert = page.getByRole("alert").filter({ hasText: "No se pudo cargar esta página" });
  await alert.waitFor();
  await page.unroute(/\/app-[0-9a-f]{16}\/(split|chunk)_[^/]*\.wasm$/, drop);
  await alert.getByRole("button", { name: "Intentar de nuevo" }).click();
  await expectHeading(page, "¿Cómo se calcula?");
  forgiveDropped(problems);
});

test("the Spanish texts are fetched once, when Spanish is chosen; the page and the questionnaire turn Spanish; back and forth fetches nothing", async (t) => {
  const { page } = await app.open(t);
  const urls = [];
  page.on("request", (r) => urls.push(r.url()));
  await visit(page, app.url, "/section/funding");
  await answer(page, FUNDING, "Strongly disagree");
  await saved(page);
  assert.deepEqual(spanish(urls), []);
  await page.getByRole("button", { name: "Español" }).click();
  await page.getByRole("button", { name: "English" }).waitFor();
  assert.equal(spanish(urls).length, 1, "es.bin, once");
  // The questionnaire's Spanish comes in the same file as the interface's.
  const funding = page.getByRole("group", { name: "Hay financiamiento suficiente para apoyar la reducción de daños en nuestra organización.", exact: true });
  await funding.waitFor();
  assert.equal(await funding.getByRole("radio", { name: /^Muy en desacuerdo/ }).isChecked(), true, "the answer is kept");
  assert.equal(await page.evaluate(() => document.documentElement.lang), "es");
  // A formatted text: its values go into the Spanish.
  assert.match(await page.title(), /^Financiamiento \(sección \d+ de \d+\) – Autoevaluación/);
  await go(page, "#/results");
  await expectHeading(page, "Sus resultados");
  await page.getByRole("button", { name: "English" }).click();
  await expectHeading(page, "Your results");
  await page.getByRole("button", { name: "Español" }).click();
  await expectHeading(page, "Sus resultados");
  assert.equal(spanish(urls).length, 1, "never fetched again");
});

test("Spanish that cannot be fetched: the app stays in English and says so in both languages, with a retry that works; no answer is lost", async (t) => {
  const { page, problems } = await app.open(t);
  await visit(page, app.url, "/section/funding");
  await answer(page, FUNDING, "Strongly disagree");
  await saved(page);
  const drop = (route) => route.abort("internetdisconnected");
  await page.route(ES_BIN, drop);
  await page.getByRole("button", { name: "Español" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "The Spanish version could not be loaded" });
  await alert.waitFor();
  assert.match(await alert.innerText(), /No se pudo cargar la versión en español/);
  assert.match(await alert.innerText(), /nothing you entered is lost/);
  // Still English, still working, the answer still there.
  assert.equal(await page.evaluate(() => document.documentElement.lang), "en");
  const group = page.getByRole("group", { name: FUNDING, exact: true });
  assert.equal(await group.getByRole("radio", { name: /^Strongly disagree/ }).isChecked(), true);

  // Back online: the retry brings Spanish, and the notice goes.
  await page.unroute(ES_BIN, drop);
  await alert.getByRole("button", { name: /Try again/ }).click();
  await page.getByRole("button", { name: "English" }).waitFor();
  assert.equal(await alert.count(), 0, "the notice goes");
  assert.equal(await page.evaluate(() => document.documentElement.lang), "es");
  forgiveDropped(problems);
});

test("a Spanish-speaking browser fetches the Spanish texts once, beside the app, and starts in Spanish", async (t) => {
  const { page } = await app.open(t, { locale: "es-ES" });
  const urls = [];
  page.on("request", (r) => urls.push(r.url()));
  await visit(page, app.url, "/");
  await expectHeading(page, "¿Qué tan preparada está su organización para la reducción de daños?");
  assert.equal(spanish(urls).length, 1, `es.bin once (preloaded by boot.js, then read by the app): ${spanish(urls).join(", ")}`);
});

test("a Spanish-speaking browser whose Spanish cannot be fetched starts in English, says so, and the retry turns it Spanish", async (t) => {
  const { page, problems } = await app.open(t, { locale: "es-ES" });
  const drop = (route) => route.abort("internetdisconnected");
  await page.route(ES_BIN, drop);
  await visit(page, app.url, "/");
  const alert = page.getByRole("alert").filter({ hasText: "No se pudo cargar la versión en español" });
  await alert.waitFor();
  await expectHeading(page, "How ready is your organization for harm reduction?");
  await page.unroute(ES_BIN, drop);
  await alert.getByRole("button", { name: /Intentar de nuevo/ }).click();
  await expectHeading(page, "¿Qué tan preparada está su organización para la reducción de daños?");
  forgiveDropped(problems);
});

/** The chunks' Spanish texts among the requests. */
const ES_CHUNKS = /\/app-[0-9a-f]{16}\/es-chunks\.bin$/;
const spanishOfChunks = (urls) => urls.filter((u) => ES_CHUNKS.test(new URL(u).pathname));

/** What the page says, but for the results page kept out of sight. */
async function pageText(page) {
  return page.evaluate(() => {
    const body = document.body.cloneNode(true);
    for (const kept of body.querySelectorAll(".kept-page")) kept.remove();
    return body.textContent.replace(/\s+/g, " ").trim();
  });
}

test("a Spanish-speaking visitor's first screen fetches the first module's Spanish only; the first page of a chunk brings the rest, once; the first screen reads the same with all of it", async (t) => {
  const { page } = await app.open(t, { locale: "es-ES", serviceWorkers: "block" });
  const urls = [];
  page.on("request", (r) => urls.push(r.url()));
  // The start page, then every section of questions, before any chunk.
  await visit(page, app.url, "/");
  await expectHeading(page, "¿Qué tan preparada está su organización para la reducción de daños?");
  const before = [await pageText(page)];
  await page.getByRole("link", { name: "Empezar ahora" }).click();
  await page.getByRole("radio").or(page.getByRole("checkbox")).first().waitFor();
  const hrefs = await page.evaluate(() => [...new Set([...document.querySelectorAll("nav a[href^='#/section/']")].map((a) => a.getAttribute("href")))]);
  assert.ok(hrefs.length >= 6, `the sections' links: ${hrefs.join(" ")}`);
  for (const href of hrefs) {
    await go(page, href);
    await page.locator("#page-heading").waitFor();
    await page.getByRole("radio").or(page.getByRole("checkbox")).first().waitFor();
    before.push(await pageText(page));
  }
  assert.equal(spanish(urls).length, 1, "es.bin");
  assert.deepEqual(spanishOfChunks(urls), [], "no Spanish of the chunks for the first screen");
  assert.deepEqual(chunks(urls), []);

  // The results: their chunk and the rest of the Spanish.
  await go(page, "#/results");
  await expectHeading(page, "Sus resultados");
  assert.equal(spanishOfChunks(urls).length, 1, "es-chunks.bin with the first page of a chunk");
  await go(page, "#/method");
  await expectHeading(page, "¿Cómo se calcula?");
  assert.equal(spanishOfChunks(urls).length, 1, "once");

  // With every Spanish text in, the first screen reads exactly as before:
  // none of its texts was waiting in es-chunks.bin (it would have shown in
  // English).
  await go(page, "#/");
  await expectHeading(page, "¿Qué tan preparada está su organización para la reducción de daños?");
  const after = [await pageText(page)];
  for (const href of hrefs) {
    await go(page, href);
    await page.locator("#page-heading").waitFor();
    await page.getByRole("radio").or(page.getByRole("checkbox")).first().waitFor();
    after.push(await pageText(page));
  }
  assert.equal(after.length, before.length);
  for (let i = 0; i < after.length; i++) assert.equal(after[i], before[i], `page ${i} (${["start", ...hrefs][i]})`);
});

test("in Spanish, a page whose Spanish texts cannot come says so, in Spanish, with a retry that works; no answer is lost", async (t) => {
  const { page, problems } = await app.open(t, { locale: "es-ES", serviceWorkers: "block" });
  const drop = (route) => route.abort("internetdisconnected");
  await page.route(ES_CHUNKS, drop);
  await visit(page, app.url, "/section/funding");
  const funding = page.getByRole("group", { name: "Hay financiamiento suficiente para apoyar la reducción de daños en nuestra organización.", exact: true });
  await funding.getByRole("radio", { name: /^Muy en desacuerdo/ }).check();
  await page.getByRole("status").filter({ hasText: "Guardado en este dispositivo." }).waitFor();
  await go(page, "#/results");
  const alert = page.getByRole("alert").filter({ hasText: "No se pudo cargar esta página" });
  await alert.waitFor();
  // Not the results in English meanwhile.
  assert.equal(await page.getByRole("heading", { level: 1, name: "Your results" }).count(), 0);
  await page.unroute(ES_CHUNKS, drop);
  await alert.getByRole("button", { name: "Intentar de nuevo" }).click();
  await expectHeading(page, "Sus resultados");
  await go(page, "#/section/funding");
  assert.equal(await funding.getByRole("radio", { name: /^Muy en desacuerdo/ }).isChecked(), true, "the answer is kept");
  forgiveDropped(problems);
});

test("a damaged file of Spanish texts is refused whole: the app starts in English and says it arrived damaged", async (t) => {
  const { page, problems } = await app.open(t, { locale: "es-ES" });
  // A file cut short, as a broken cache or proxy could hand over.
  await page.route(ES_BIN, async (route) => {
    const response = await route.fetch();
    const body = await response.body();
    await route.fulfill({ response, body: body.subarray(0, body.length - 100) });
  });
  await visit(page, app.url, "/");
  const alert = page.getByRole("alert").filter({ hasText: "The Spanish version arrived damaged" });
  await alert.waitFor();
  assert.match(await alert.innerText(), /La versión en español llegó dañada/);
  await expectHeading(page, "How ready is your organization for harm reduction?");
  assert.equal(await page.evaluate(() => document.documentElement.lang), "en");
  // The preload and the app may both have read the damaged file; nothing
  // else is expected in the console.
  problems.splice(0, problems.length, ...problems.filter((p) => !/preload/.test(p)));
});
