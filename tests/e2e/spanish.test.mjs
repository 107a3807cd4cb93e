// The interface and the questionnaire in Spanish: the switch, the page's
// language, a whole section answered, results that score exactly as in
// English, exports that record the language, and axe in Spanish.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { axe, hold, ready, useApp } from "./harness.mjs";
import { answer, domainTable, expectHeading, visit, waitForFocus } from "./pages.mjs";

const app = useApp();
const FUNDING_EN = "Adequate funding is available to support harm reduction in our organization.";

/** The results table in whichever language: rows in page order. */
async function resultRows(page) {
  const table = page.getByRole("table", { name: /^(The numbers behind the chart|Las cifras del gráfico)$/ });
  const rows = await table.getByRole("row").all();
  const out = [];
  // Balance, facilitators, barriers, unknowns: numbers, the same in any language.
  for (const row of rows.slice(1)) out.push((await row.getByRole("cell").allInnerTexts()).slice(1, 5).map((c) => c.trim()));
  return out;
}

test("switching to Spanish translates the interface and the questionnaire, and is remembered", async (t) => {
  const { page } = await app.open(t);
  await visit(page, app.url, "/");
  // By keyboard: the focus stays on the switch, which now offers English, so
  // Enter switches straight back.
  await page.getByRole("button", { name: "Español" }).focus();
  await page.keyboard.press("Enter");
  await expectHeading(page, "¿Qué tan preparada está su organización para la reducción de daños?");
  await waitForFocus(page.getByRole("button", { name: "English" }));
  await page.keyboard.press("Enter");
  await expectHeading(page, "How ready is your organization for harm reduction?");
  await waitForFocus(page.getByRole("button", { name: "Español" }));
  await page.getByRole("button", { name: "Español" }).click();
  await expectHeading(page, "¿Qué tan preparada está su organización para la reducción de daños?");
  assert.equal(await page.evaluate(() => document.documentElement.lang), "es");
  assert.match(await page.title(), /Inicio|Empezar|Comienzo/);
  await axe(page, "on the Spanish start page");

  await page.reload();
  await ready(page);
  await expectHeading(page, "¿Qué tan preparada está su organización para la reducción de daños?");
  await page.getByRole("button", { name: "English" }).waitFor();

  await visit(page, app.url, "/section/funding");
  await expectHeading(page, "Financiamiento");
  await axe(page, "on a Spanish section page");
  // Answer every funding statement "Muy en desacuerdo".
  const groups = page.getByRole("group").filter({ has: page.getByRole("radio", { name: "Muy en desacuerdo" }) });
  const n = await groups.count();
  assert.equal(n, 6);
  for (let i = 0; i < n; i++) await groups.nth(i).getByRole("radio", { name: /^Muy en desacuerdo/ }).check();
  await page.getByRole("status").filter({ hasText: "Guardado en este dispositivo" }).waitFor();

  await visit(page, app.url, "/results");
  await expectHeading(page, "Sus resultados");
  await axe(page, "on the Spanish results page");
  const spanish = await resultRows(page);

  // The same answers in English score exactly the same.
  await page.getByRole("button", { name: "English" }).click();
  await expectHeading(page, "Your results");
  assert.equal(await page.evaluate(() => document.documentElement.lang), "en");
  const noBalance = (rows) => rows.map(([b, ...rest]) => [b === "none" || b === "sin datos" ? "–" : b, ...rest]);
  assert.deepEqual(noBalance(await resultRows(page)), noBalance(spanish), "scores do not depend on the language");
  const table = await domainTable(page);
  assert.equal(table.Funding.balance, "−67");
});

test("a Spanish-speaking browser starts in Spanish; exports record the language", async (t) => {
  const { page } = await app.open(t, { locale: "es-US" });
  await visit(page, app.url, "/section/funding");
  await expectHeading(page, "Financiamiento");
  await page.getByRole("group").first().getByRole("radio", { name: /^Algo de acuerdo/ }).check();
  await visit(page, app.url, "/assessments");
  const name = (await page.getByRole("list").getByRole("heading", { level: 2 }).allInnerTexts())[0];
  assert.match(name, /^Evaluación del /);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: new RegExp(`^Descargar \\(JSON\\)`) }).first().click(),
  ]);
  const file = JSON.parse(await readFile(await download.path(), "utf8"));
  assert.equal(file.language, "es");
  assert.equal(file.assessment.responses.statements["adequate-funding"], "somewhat_agree");
});

test("an assessment's automatic name follows the language; a name the user chose does not", async (t) => {
  const { page } = await app.open(t);
  const names = async () => {
    const list = page.getByRole("list").filter({ has: page.getByRole("heading", { level: 2 }) });
    return (await list.getByRole("heading", { level: 2 }).allInnerTexts()).map((n) => n.trim());
  };
  const stored = () =>
    page.evaluate(() =>
      Object.keys(localStorage)
        .filter((k) => k.startsWith("hr-readiness:assessment:"))
        .map((k) => JSON.parse(localStorage.getItem(k)).name),
    );
  // Started in English: the automatic name is English.
  await visit(page, app.url, "/section/funding");
  await page.getByRole("group").first().getByRole("radio", { name: /^Somewhat agree/ }).check();
  await page.getByRole("status").filter({ hasText: /^Saved on this device\./ }).waitFor();
  await visit(page, app.url, "/assessments");
  const [english] = await names();
  const day = english.match(/^Assessment of (\d{1,2}) [A-Z][a-z]+ (\d{4})$/);
  assert.ok(day, english);

  // Switched to Spanish: the same day, in Spanish, on screen and in storage;
  // the answers are untouched.
  await page.getByRole("button", { name: "Español" }).click();
  await expectHeading(page, "Sus evaluaciones guardadas");
  const [spanish] = await names();
  assert.match(spanish, new RegExp(`^Evaluación del ${day[1]} de [a-z]+ de ${day[2]}$`));
  assert.deepEqual(await stored(), [spanish]);

  // And back.
  await page.getByRole("button", { name: "English" }).click();
  await expectHeading(page, "Your saved assessments");
  assert.deepEqual(await names(), [english]);

  // A name the user chose stays in any language.
  await page.getByRole("button", { name: `Rename ${english}` }).click();
  await page.getByLabel(`New name for “${english}”`).fill("Clínica Norte, línea de base");
  await page.getByRole("button", { name: "Save name" }).click();
  await page.getByRole("heading", { name: "Clínica Norte, línea de base" }).waitFor();
  await page.getByRole("button", { name: "Español" }).click();
  await expectHeading(page, "Sus evaluaciones guardadas");
  assert.deepEqual(await names(), ["Clínica Norte, línea de base"]);
  assert.deepEqual(await stored(), ["Clínica Norte, línea de base"]);
});

test("the loading page speaks the visitor's language with the app's own texts, so nothing changes when the app replaces it", async (t) => {
  for (const [locale, lang, loading] of [
    ["en-US", "en", "Loading the assessment…"],
    ["es-US", "es", "Cargando la evaluación…"],
  ]) {
    const { page } = await app.open(t, { serviceWorkers: "block", locale });
    // The app's WebAssembly is held: the loading page stays to be read.
    const release = await hold(page, /\/hr-readiness_bg\.wasm$/);
    await page.goto(`${app.url}/`, { waitUntil: "commit" });
    await page.getByText(loading, { exact: true }).waitFor();
    const banner = page.getByRole("banner");
    const read = async () => ({
      lang: await page.evaluate(() => document.documentElement.lang),
      heading: await page.getByRole("heading", { level: 1 }).innerText(),
      // The title and the privacy line: the banner's first two lines.
      banner: (await banner.innerText()).split("\n").filter((line) => line.trim()).slice(0, 2),
      lead: await page.getByText(/^(A private self-assessment|Una autoevaluación privada)/).innerText(),
    });
    const before = await read();
    assert.equal(before.lang, lang, `the loading page's language (${locale})`);
    await axe(page, `on the loading page (${locale})`);
    release();
    await ready(page);
    const after = await read();
    assert.deepEqual(before, after, `the loading page says what the app's start page says (${locale})`);
    assert.equal(await page.getByText(loading, { exact: true }).count(), 0, "the app has replaced the loading page");
    await page.close();
  }
});

test("a browser that cannot start the app is told so on the loading page, in the visitor's language", async (t) => {
  for (const [locale, said] of [
    ["en-US", "This browser could not start the assessment. Please use a recent version of Firefox, Chrome, Edge or Safari. Nothing you entered has left this device."],
    ["es-US", "Este navegador no pudo iniciar la evaluación. Use una versión reciente de Firefox, Chrome, Edge o Safari. Nada de lo que escribió ha salido de este dispositivo."],
  ]) {
    const { page, problems } = await app.open(t, { serviceWorkers: "block", locale });
    // A module the browser cannot compile, as an old browser would find it.
    await page.route(/\/hr-readiness_bg\.wasm$/, (route) => route.fulfill({ status: 200, contentType: "application/wasm", body: Buffer.from("not WebAssembly") }));
    await page.goto(`${app.url}/`);
    const alert = page.getByRole("alert");
    await alert.waitFor();
    assert.equal(await alert.innerText(), said);
    // Quick exit is still there.
    await page.getByRole("link", { name: /^(Quick exit|Salida rápida)/ }).waitFor();
    // The failure itself is logged to the console, on purpose.
    problems.splice(0, problems.length, ...problems.filter((p) => !/^page error: WebAssembly\.instantiateStreaming\(\): expected magic word/.test(p)));
    await page.close();
  }
});
