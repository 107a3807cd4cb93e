// Accessibility beyond axe: the whole assessment by keyboard alone, focus on
// each new page's heading, every answer radio named with its statement, and
// the chart readable in a contrast theme (forced colors), and dark mode.

import { test } from "node:test";
import assert from "node:assert/strict";
import { axe, ready, useApp } from "./harness.mjs";
import { answer, expectHeading, visit } from "./pages.mjs";

const app = useApp();

/** What has keyboard focus: its role, name and whether a radio group is answered. */
async function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el) return {};
    const group = el.type === "radio" ? document.querySelectorAll(`input[name="${CSS.escape(el.name)}"]:checked`).length : 0;
    return {
      tag: el.tagName.toLowerCase(),
      type: el.type || "",
      id: el.id,
      text: (el.innerText || el.value || "").trim(),
      answered: group > 0,
    };
  });
}

test("the whole assessment can be completed with the keyboard alone", async (t) => {
  const { page } = await app.open(t);
  await visit(page, app.url, "/");
  // Start: Tab until the Start link, then Enter.
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    if ((await focused(page)).text.startsWith("Start now")) break;
  }
  await page.keyboard.press("Enter");
  await expectHeading(page, "About your organization");
  await page.waitForFunction(() => document.activeElement?.id === "page-heading");

  let radiosAnswered = 0;
  for (let steps = 0; steps < 4000; steps++) {
    const heading = (await page.getByRole("heading", { level: 1 }).innerText()).trim();
    if (heading === "Check your answers") break;
    await page.keyboard.press("Tab");
    const f = await focused(page);
    if (f.type === "radio" && !f.answered) {
      // Arrow keys move through a group's answers; Space picks one.
      await page.keyboard.press("ArrowDown");
      radiosAnswered++;
    } else if (f.tag === "button" && /^Save and (continue|check your answers)$/.test(f.text)) {
      await page.keyboard.press("Enter");
      await ready(page);
      await page.waitForFunction(
        (previous) => document.activeElement?.id === "page-heading" && document.activeElement.innerText.trim() !== previous,
        heading,
      );
    }
  }
  await expectHeading(page, "Check your answers");
  assert.ok(radiosAnswered >= 52, `every statement answered by keyboard (${radiosAnswered} groups)`);
  await page.getByRole("link", { name: "See your results" }).focus();
  await page.keyboard.press("Enter");
  await expectHeading(page, "Your results");
  await page.waitForFunction(() => document.activeElement?.id === "page-heading");
  // Every statement was answered "Somewhat agree" (the second answer).
  const table = page.getByRole("table", { name: "The numbers behind the chart" });
  const answered = await table.getByRole("row").filter({ hasText: "Leadership" }).getByRole("cell").last().innerText();
  assert.equal(answered.trim(), "7 of 7 (100%)");
});

test("the skip link and every page's focus order start at the content", async (t) => {
  const { page } = await app.open(t);
  await visit(page, app.url, "/section/staff");
  await page.keyboard.press("Tab");
  const first = await focused(page);
  assert.equal(first.text, "Skip to main content");
  await page.keyboard.press("Enter");
  assert.equal((await focused(page)).id, "main-content");
  await axe(page, "after using the skip link");
});

test("the accessible name of each answer radio includes its statement", async (t) => {
  const { page } = await app.open(t);
  for (const section of ["leadership", "funding"]) {
    await visit(page, app.url, `/section/${section}`);
    const groups = page.getByRole("group").filter({ has: page.getByRole("radio", { name: /^Strongly agree / }) });
    const n = await groups.count();
    assert.ok(n >= 4);
    for (let i = 0; i < n; i++) {
      const statement = (await groups.nth(i).locator("legend").innerText()).trim();
      for (const label of ["Strongly agree", "Somewhat agree", "Somewhat disagree", "Strongly disagree", "I don't know"]) {
        const radio = page.getByRole("radio", { name: `${label} ${statement}`, exact: true });
        assert.equal(await radio.count(), 1, `“${label}” names “${statement}”`);
      }
    }
  }
});

test("invalid input shows an error summary that takes focus and links to the field", async (t) => {
  const { page } = await app.open(t);
  await visit(page, app.url, "/protect");
  await page.getByLabel("Passphrase", { exact: true }).fill("short");
  await page.getByLabel("Passphrase again").fill("short");
  await page.getByRole("button", { name: "Turn on protection" }).click();
  const summary = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "There is a problem" }) });
  await summary.waitFor();
  await page.waitForFunction(() => document.activeElement?.id === "protect-errors");
  await axe(page, "with the error summary");
  await summary.getByRole("link").first().click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), "protect-pass");
});

/** WCAG contrast of two CSS colors as the browser resolves them. */
function contrastIn(page, a, b) {
  return page.evaluate(([a, b]) => {
    const resolve = (css) => {
      const probe = document.createElement("div");
      probe.style.color = css;
      document.body.append(probe);
      const rgb = getComputedStyle(probe).color.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number);
      probe.remove();
      return rgb;
    };
    const luminance = ([r, g, b]) =>
      [r, g, b]
        .map((v) => v / 255)
        .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
        .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
    const [hi, lo] = [luminance(resolve(a)), luminance(resolve(b))].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  }, [a, b]);
}

/** Answers three funding statements (half of them, enough for a stage and a bar) and opens the results chart. */
async function chartWithBars(page) {
  await visit(page, app.url, "/section/funding");
  await answer(page, "Adequate funding is available to support harm reduction in our organization.", "Strongly disagree");
  await answer(page, "We can bill for, or be reimbursed for, at least some harm reduction services.", "Somewhat agree");
  await answer(page, "We know where to apply for funding for harm reduction services.", "Strongly disagree");
  await visit(page, app.url, "/results");
  const chart = page.getByRole("img", { name: /^Balance of each domain/ });
  await chart.waitFor();
  return chart;
}

/** The contrast of the chart's text, axis and bars against a background color. */
async function chartContrasts(page, chart, background) {
  const colors = await chart.evaluate((svg) => {
    const of = (selector, property) => [...svg.querySelectorAll(selector)].map((el) => getComputedStyle(el)[property]);
    return { texts: of("text", "fill"), axis: of("line", "stroke"), bars: of("rect[class*='chart__bar']", "fill") };
  });
  const out = {};
  for (const [key, list] of Object.entries(colors)) out[key] = await Promise.all(list.map((c) => contrastIn(page, c, background)));
  return out;
}

function assertChartContrasts(found, where) {
  assert.ok(found.texts.length >= 6 + 3, "domain labels, values and ticks found");
  for (const c of found.texts) assert.ok(c >= 4.5, `chart text contrast ${c.toFixed(2)} ${where}`);
  assert.ok(found.axis.length >= 1 && found.axis.every((c) => c >= 3), `axis contrast ${found.axis} ${where}`);
  assert.ok(found.bars.length >= 1 && found.bars.every((c) => c >= 3), `bar contrast ${found.bars} ${where}`);
}

test("in a contrast theme (forced colors) the chart's text, axis and bars keep the theme's contrast", async (t) => {
  const { page } = await app.open(t);
  await page.emulateMedia({ forcedColors: "active", colorScheme: "dark" });
  const chart = await chartWithBars(page);
  // Against the theme's page background, as the browser resolves it.
  assertChartContrasts(await chartContrasts(page, chart, "Canvas"), "in a contrast theme");
});

test("in a contrast theme (forced colors), light and dark, axe finds nothing; Quick exit keeps the theme's button colors", async (t) => {
  const { page } = await app.open(t);
  for (const colorScheme of ["light", "dark"]) {
    await page.emulateMedia({ forcedColors: "active", colorScheme });
    for (const fragment of ["/", "/section/leadership"]) {
      await visit(page, app.url, fragment);
      await axe(page, `on ${fragment} in a ${colorScheme} contrast theme`);
    }
    const exit = await page.getByRole("button", { name: /^Quick exit/ }).evaluate((el) => {
      const s = getComputedStyle(el);
      return { color: s.color, background: s.backgroundColor };
    });
    const theme = await page.evaluate(() => {
      const probe = document.createElement("button");
      probe.style.cssText = "color: ButtonText; background: ButtonFace";
      document.body.append(probe);
      const s = getComputedStyle(probe);
      const out = { color: s.color, background: s.backgroundColor };
      probe.remove();
      return out;
    });
    assert.deepEqual(exit, theme, `Quick exit in the ${colorScheme} theme's button colors`);
  }
});

test("in dark mode every page is dark, passes axe, and the chart keeps its contrast; print stays light", async (t) => {
  const { page } = await app.open(t, { viewport: { width: 390, height: 844 } });
  await page.emulateMedia({ colorScheme: "dark" });
  const pageColors = () =>
    page.evaluate(() => ({ text: getComputedStyle(document.body).color, background: getComputedStyle(document.body).backgroundColor }));

  const chart = await chartWithBars(page);
  const dark = await pageColors();
  assert.ok((await contrastIn(page, dark.background, "black")) < 1.3, `a dark page (${dark.background})`);
  assert.ok((await contrastIn(page, dark.text, dark.background)) >= 7, `light text on it (${dark.text})`);
  assertChartContrasts(await chartContrasts(page, chart, dark.background), "in dark mode");
  await axe(page, "on the results in dark mode");

  // Print uses the light colors whatever the device's setting.
  await page.emulateMedia({ media: "print", colorScheme: "dark" });
  const printed = await pageColors();
  assert.ok((await contrastIn(page, printed.background, "white")) < 1.1, `white paper in print (${printed.background})`);
  const reading = await page.locator(".reading").first().evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.ok((await contrastIn(page, reading, "white")) < 1.3, `the reading's box is light in print (${reading})`);
  await page.emulateMedia({ media: "screen", colorScheme: "dark" });

  for (const [fragment, title] of [
    ["/", "How ready is your organization for harm reduction?"],
    ["/section/leadership", "Leadership"],
    ["/check", "Check your answers"],
    ["/method", "How is this calculated?"],
    ["/privacy", "How your privacy is protected"],
    ["/assessments", "Your saved assessments"],
    ["/protect", "Passphrase protection"],
    ["/team", "Team view"],
    ["/team/present", "The team's findings"],
    ["/compare", "Compare two assessments"],
    ["/plan", "Action plan"],
    ["/nowhere", "Page not found"],
  ]) {
    await visit(page, app.url, fragment);
    await expectHeading(page, title);
    await axe(page, `on ${title} in dark mode`);
  }
  // Following a link by keyboard puts a visible focus on the new page's heading; it stays readable.
  await visit(page, app.url, "/privacy");
  await page.getByRole("contentinfo").getByRole("link", { name: "How is this calculated?" }).focus();
  await page.keyboard.press("Enter");
  await expectHeading(page, "How is this calculated?");
  await page.waitForFunction(() => document.activeElement?.id === "page-heading" && document.activeElement.matches(":focus-visible"));
  await axe(page, "with the focus on the page heading in dark mode");
  // A chosen answer, an error summary and a confirmation, in dark mode too.
  await visit(page, app.url, "/section/leadership");
  await page.getByRole("radio", { name: /^Somewhat agree / }).first().check();
  await axe(page, "with a chosen answer in dark mode");
  await visit(page, app.url, "/protect");
  await page.getByRole("button", { name: "Turn on protection" }).click();
  await page.getByRole("heading", { name: "There is a problem" }).waitFor();
  await axe(page, "with the error summary in dark mode");
  await visit(page, app.url, "/assessments");
  await page.getByRole("button", { name: "Delete everything on this device" }).click();
  await page.getByRole("button", { name: "Yes, delete everything" }).waitFor();
  await axe(page, "with a confirmation in dark mode");
});
