// The facilitator's screen (#20): the team view leads with its findings,
// draws every statement and every domain's spread as charts whose numbers
// match the tables, and presents the findings one at a time to a room.

import { test } from "node:test";
import assert from "node:assert/strict";
import { axe, useApp } from "./harness.mjs";
import { addTeamFiles, codebookStatements, expectHeading, expectText, numbersIn, visit, waitForFocus, waitForText } from "./pages.mjs";

const app = useApp();
const ANSWER_IDS = ["strongly_agree", "somewhat_agree", "somewhat_disagree", "strongly_disagree", "dont_know"];
const ROLES = ["leadership", "staff", "peer"];
const MODALITIES = ["toolkits", "webinars", "individual-ta"];

/** Respondent i's answer index (0–4, or 5 for blank) to statement k. */
const pick = (i, k) => (i * 5 + k * 7 + ((i * k) % 3)) % 6;

/** Respondent i's exported file, named p<i+1>.json. */
function respondentFile(i, ids) {
  const statements = {};
  ids.forEach((id, k) => {
    const a = pick(i, k);
    if (a < 5) statements[id] = ANSWER_IDS[a];
  });
  const file = {
    format: "hr-readiness-assessment",
    version: 2,
    exported: "2026-11-22T10:00:00.000Z",
    language: "en",
    instrument_version: "2.0.0",
    assessment: {
      name: `Participant ${i + 1}`,
      created: "2026-11-22T09:00:00.000Z",
      updated: "2026-11-22T09:30:00.000Z",
      responses: { statements, choices: { role: [ROLES[i % 3]], "modalities-top": [MODALITIES[i % 3]] } },
    },
  };
  return [`p${i + 1}.json`, JSON.stringify(file)];
}

/** The team view with n generated respondents; returns the codebook statements. */
async function teamOf(page, n) {
  const statements = await codebookStatements(page, app.url);
  await visit(page, app.url, "/team");
  await addTeamFiles(page, Array.from({ length: n }, (_, i) => respondentFile(i, statements.map((s) => s.id))));
  await waitForText(page, `Added ${n} respondents.`);
  return statements;
}

const top = (l) => l.evaluate((el) => el.getBoundingClientRect().top + window.scrollY);

test("team view with 21 respondents: findings first, the list in one line that opens on request", async (t) => {
  const { page } = await app.open(t);
  await teamOf(page, 21);
  const h2 = async (name) => page.getByRole("heading", { level: 2, name, exact: true });
  const order = [
    "The team's reading by domain",
    "How the team is divided",
    "Where roles see things differently",
    "Technical assistance for the team",
    "How the team would like to receive help",
    "Statement by statement",
    "Respondents (21)",
    "Add results",
  ];
  const tops = [];
  for (const name of order) tops.push(await top(await h2(name)));
  for (let k = 1; k < order.length; k++) assert.ok(tops[k - 1] < tops[k], `${order[k - 1]} comes before ${order[k]}`);
  // The list is one line until asked for: no respondent or file name shows.
  const line = page.getByText("21 respondents — 7 leadership, 7 staff, 7 peer worker or person with lived experience.", { exact: true });
  await line.waitFor();
  const roster = page.getByRole("table", { name: "Respondents" });
  assert.equal(await roster.isVisible(), false, "the respondent list starts closed");
  const body = await page.locator("body").innerText();
  assert.ok(!body.includes("p1.json") && !body.includes("Respondent 1"), "no file or respondent name before the list is opened");
  // The ways of receiving help count each respondent's top three.
  const help = page.getByRole("region", { name: "How the team would like to receive help" });
  await help.getByText("In the top three of 7 of 21 respondents (33%).").first().waitFor();
  // Adding results is one button away, at the top.
  await page.getByRole("button", { name: "Add results" }).click();
  await waitForFocus(page.getByRole("heading", { level: 2, name: "Add results" }));
  await axe(page, "on the team view with 21 respondents");

  // Opened, the list lets the facilitator remove someone.
  await line.click();
  await roster.waitFor();
  await roster.getByRole("button", { name: "Remove Respondent 3" }).click();
  await expectText(page, "Respondents (20)");
  await page.getByText("20 respondents — 7 leadership, 7 staff, 6 peer worker or person with lived experience.", { exact: true }).waitFor();
  await axe(page, "on the team view with the list open");
});

test("team charts: each statement's bar and each domain's spread say the numbers of their tables", async (t) => {
  const { page } = await app.open(t);
  const statements = await teamOf(page, 21);
  const table = page.getByRole("table", { name: "Each statement: how many gave each answer, agreement, and the average by role" });
  const charts = page.getByRole("region", { name: "Statement by statement" });
  for (const k of [0, 1, 7, 20, statements.length - 1]) {
    const { text } = statements[k];
    const header = new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}( \\(roles differ\\))?$`);
    const cells = await table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: header }) }).getByRole("cell").allInnerTexts();
    assert.equal(cells.length >= 7, true, `${text}: its row in the table`);
    // The table: strongly agree, somewhat agree, somewhat disagree, strongly disagree, don't know (n (p%)), blank.
    const [sa, wa, wd, sd, dk] = cells.slice(0, 5).map((c) => numbersIn(c)[0]);
    const blank = Number(cells[5]);
    const item = charts.getByRole("listitem").filter({ has: page.getByText(text, { exact: true }) });
    const bar = item.getByRole("img", { name: /^Team: / });
    const name = await bar.getAttribute("aria-label");
    assert.deepEqual(numbersIn(name), [sd, wd, wa, sa, dk, blank], `${text}: the chart's words match the table (${name})`);
    // What is drawn: each part's width is its share of those who answered.
    const parts = await bar.evaluate((svg) =>
      [...svg.querySelectorAll("g > rect")].map((r) => ({ title: r.previousElementSibling?.textContent ?? r.parentNode.querySelector("title").textContent, w: Number(r.getAttribute("width")) })),
    );
    const answered = sd + wd + wa + sa + dk;
    const total = parts.reduce((s, p) => s + p.w, 0);
    for (const p of parts) {
      const count = numbersIn(p.title).at(-1);
      assert.ok(Math.abs(p.w - (count * total) / answered) <= 1, `${text}: ${p.title} is drawn ${p.w} of ${total}`);
    }
    assert.equal(parts.length, [sd, wd, wa, sa, dk].filter((c) => c > 0).length, `${text}: a part for every answer given`);
  }

  // The 2022 national bar beside each survey statement, from the questionnaire's figures, with its n.
  const surveyed = statements.filter((s) => s.national);
  assert.equal(surveyed.length, 12);
  assert.equal(await charts.getByRole("img", { name: /^Nationally in 2022 \(n = \d+\): / }).count(), 12);
  for (const s of surveyed) {
    const item = charts.getByRole("listitem").filter({ has: page.getByText(s.text, { exact: true }) });
    const name = await item.getByRole("img", { name: /^Nationally in 2022/ }).getAttribute("aria-label");
    assert.ok(name.startsWith(`Nationally in 2022 (n = ${s.national.n}): `), name);
    for (const key of ["strongly_disagree", "somewhat_disagree", "somewhat_agree", "strongly_agree", "dont_know", "agree", "disagree"]) {
      if (s.national[key] !== undefined) assert.ok(name.includes(`${s.national[key]}% `), `${s.id}: ${key} ${s.national[key]}% in "${name}"`);
    }
    if (s.national.strongly_agree === undefined) assert.ok(name.includes("not given in the report") || s.national.agree + (s.national.disagree ?? 0) + (s.national.somewhat_disagree ?? 0) + (s.national.strongly_disagree ?? 0) + (s.national.dont_know ?? 0) >= 100, name);
  }

  // Each domain's spread: the bars' numbers are the table's, and everyone is counted once.
  const spread = page.getByRole("region", { name: "How the team is divided" });
  const figures = spread.getByRole("figure");
  const domains = await figures.count();
  assert.ok(domains >= 6, `a spread for every domain (${domains})`);
  for (let d = 0; d < domains; d++) {
    const figure = figures.nth(d);
    await figure.getByText("The numbers in a table").click();
    const rows = await figure.getByRole("table").getByRole("row").allInnerTexts();
    const counts = rows.slice(1).map((r) => numbersIn(r.split("\t").at(-1))[0]);
    assert.equal(counts.reduce((a, b) => a + b, 0), 21, "each respondent once");
    const drawn = await figure.getByRole("img").evaluate((svg) => [...svg.querySelectorAll("g > title")].map((t) => t.textContent));
    const binned = counts.slice(0, -1);
    assert.deepEqual(
      drawn.map((t) => numbersIn(t).at(-1)),
      binned.filter((c) => c > 0),
      "a bar for every band with someone in it, with its number",
    );
    const name = await figure.getByRole("img").getAttribute("aria-label");
    const stages = numbersIn(name.split(":").at(-1).split(".")[0]);
    assert.equal(stages.reduce((a, b) => a + b, 0), 21, `the words count everyone: ${name}`);
  }
  await axe(page, "on the team charts with the spread tables open");
});

test("projector mode: one finding at a time, moved by keyboard and buttons, with no names", async (t) => {
  const { page } = await app.open(t);
  await teamOf(page, 21);
  await page.getByRole("link", { name: "Present to the room" }).click();
  await expectHeading(page, "What the team thinks");
  const position = page.getByText(/^Finding \d+ of \d+$/);
  assert.equal(await position.getAttribute("aria-live"), "polite");
  const total = numbersIn(await position.innerText())[1];
  assert.equal(await position.innerText(), `Finding 1 of ${total}`);
  await axe(page, "on the first finding");

  const seen = [];
  for (let k = 1; k <= total; k++) {
    await page.getByText(`Finding ${k} of ${total}`, { exact: true }).waitFor();
    const body = await page.locator("body").innerText();
    assert.ok(!/Respondent \d|Participant \d|p\d+\.json/.test(body), `finding ${k} shows no respondent or file name`);
    seen.push(await page.getByRole("heading", { level: 1 }).innerText());
    if (k === 2) await axe(page, "on a domain's finding");
    if (k < total) await page.keyboard.press("ArrowRight");
  }
  assert.equal(seen.at(-1), "Where the team is most divided");
  assert.ok(seen.includes("Where roles see things differently") && seen.includes("Technical assistance the team needs most") && seen.includes("How the team would like to receive help"));
  await axe(page, "on the last finding");
  await page.keyboard.press("ArrowRight");
  await page.getByText(`Finding ${total} of ${total}`, { exact: true }).waitFor();
  await page.keyboard.press("PageUp");
  await page.getByText(`Finding ${total - 1} of ${total}`, { exact: true }).waitFor();
  await page.keyboard.press("Home");
  await expectHeading(page, "What the team thinks");
  await page.keyboard.press("PageDown");
  await page.getByText(`Finding 2 of ${total}`, { exact: true }).waitFor();
  await page.keyboard.press("ArrowLeft");
  await page.getByText(`Finding 1 of ${total}`, { exact: true }).waitFor();
  assert.equal(await page.getByRole("button", { name: "Previous" }).isDisabled(), true);
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByText(`Finding 2 of ${total}`, { exact: true }).waitFor();
  await page.getByRole("button", { name: "Previous" }).click();
  await page.getByText(`Finding 1 of ${total}`, { exact: true }).waitFor();

  // Escape goes back to the team view, and so does Leave.
  await page.keyboard.press("Escape");
  await expectHeading(page, "Team view");
  assert.match(page.url(), /#\/team$/);
  await page.getByRole("link", { name: "Present to the room" }).click();
  await expectHeading(page, "What the team thinks");
  await page.getByRole("button", { name: "Leave projector mode" }).click();
  await expectHeading(page, "Team view");
  // Keys no longer move anything once the team view is back.
  await page.keyboard.press("Escape");
  await expectHeading(page, "Team view");
});

test("team view in Spanish: the one-line list, its singular, and projector mode", async (t) => {
  const { page } = await app.open(t, { locale: "es-US" });
  const statements = await codebookStatements(page, app.url);
  await visit(page, app.url, "/team");
  await expectHeading(page, "Vista de equipo");
  await page.getByLabel("Elija los archivos de los participantes o suéltelos aquí").setInputFiles(
    [0, 1, 2, 3].map((i) => respondentFile(i, statements.map((s) => s.id))).map(([name, text]) => ({ name, mimeType: "application/json", buffer: Buffer.from(text) })),
  );
  await waitForText(page, "Se agregaron 4 participantes.");
  await page.getByText("4 participantes: 2 liderazgo, 1 personal, 1 par.", { exact: true }).waitFor();
  await page.getByRole("region", { name: "Cómo se divide el equipo" }).getByRole("figure").first().waitFor();
  await axe(page, "on the team view in Spanish");
  await page.getByRole("link", { name: "Presentar a la sala" }).click();
  await expectHeading(page, "Lo que piensa el equipo");
  await page.getByText(/^Resultado 1 de \d+$/).waitFor();
  await page.keyboard.press("ArrowRight");
  await page.getByText(/^Resultado 2 de \d+$/).waitFor();
  await axe(page, "on projector mode in Spanish");
  await page.getByRole("button", { name: "Salir del modo proyector" }).click();
  await expectHeading(page, "Vista de equipo");
  // One respondent left: the line is in the singular.
  await page.getByText(/^4 participantes: /).click();
  for (const n of [1, 2, 3]) await page.getByRole("button", { name: `Quitar Participante ${n + 1}` }).click();
  await page.getByText(/^1 participante: 1 liderazgo\.$/).waitFor();
});

/** Contrasts of one statement bar's parts, as the browser paints them:
 * each number against its part, and each part's edge against the page. */
async function barContrasts(svg) {
  return svg.evaluate((el) => {
    const rgb = (c) => {
      const probe = document.createElement("div");
      probe.style.color = c;
      probe.style.forcedColorAdjust = "none"; // a contrast theme would repaint the probe itself
      document.body.append(probe);
      const v = getComputedStyle(probe).color.match(/[\d.]+/g).slice(0, 3).map(Number);
      probe.remove();
      return v;
    };
    const lum = ([r, g, b]) => {
      const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const ratio = (a, b) => {
      const [x, y] = [lum(rgb(a)), lum(rgb(b))].sort((p, q) => q - p);
      return (x + 0.05) / (y + 0.05);
    };
    const page = getComputedStyle(document.body).backgroundColor;
    return [...el.querySelectorAll("g > rect")].map((rect) => {
      const s = getComputedStyle(rect);
      const text = rect.nextElementSibling;
      return {
        part: rect.parentNode.querySelector("title").textContent,
        edge: Math.max(ratio(s.fill, page), ratio(s.stroke, page)),
        number: text ? ratio(getComputedStyle(text).fill, s.fill) : null,
      };
    });
  });
}

for (const [theme, media] of [
  ["dark mode", { colorScheme: "dark" }],
  ["a contrast theme (forced colors)", { forcedColors: "active", colorScheme: "dark" }],
]) {
  test(`team charts in ${theme}: every part stands out from the page and every number from its part`, async (t) => {
    const { page } = await app.open(t);
    await page.emulateMedia(media);
    const statements = await teamOf(page, 9);
    const surveyed = statements.find((s) => s.national && s.national.strongly_agree !== undefined);
    const item = page.getByRole("region", { name: "Statement by statement" }).getByRole("listitem").filter({ has: page.getByText(surveyed.text, { exact: true }) });
    for (const svg of [item.getByRole("img", { name: /^Team: / }), item.getByRole("img", { name: /^Nationally/ })]) {
      for (const c of await barContrasts(svg)) {
        assert.ok(c.edge >= 3, `${c.part}: its edge ${c.edge.toFixed(2)}:1 against the page`);
        if (c.number !== null) assert.ok(c.number >= 4.5, `${c.part}: its number ${c.number.toFixed(2)}:1 against the part`);
      }
    }
    // (axe is run in dark mode only: under an emulated contrast theme it
    // flags the header's Quick exit, which is not part of this page.)
    if (!media.forcedColors) await axe(page, `on the team view in ${theme}`);
  });
}
