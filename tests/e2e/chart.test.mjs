// The results chart writes every balance where it can be read: each value's
// box lies inside the drawing and no bar covers it, at the edges (−100,
// +100), at 0 and close to it, on a phone, on a laptop and in print.
//
// The answers that give each balance are worked out from the codebook the
// method page offers (each statement's domain, section and polarity), so the
// test follows the questionnaire whatever its wording.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { useApp } from "./harness.mjs";
import { answer, domainTable, visit } from "./pages.mjs";

const app = useApp();

/** The shipped questionnaire, as the method page's codebook download gives it. */
async function codebook(page) {
  await visit(page, app.url, "/method");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download the codebook (JSON)" }).click(),
  ]);
  return JSON.parse(await readFile(await download.path(), "utf8"));
}

/** The answer label that scores `points` (±2 strong, ±1 somewhat) on a statement. */
function labelFor(statement, points) {
  const agree = (points > 0) === (statement.polarity === "positive");
  const strength = Math.abs(points) === 2 ? "Strongly" : "Somewhat";
  return `${strength} ${agree ? "agree" : "disagree"}`;
}

/**
 * Points for every statement of a domain of `n` statements so that they add
 * up to `sum` (+2n, −2n, 0, +1 or −1), with every statement answered.
 */
function pointsFor(n, sum) {
  if (Math.abs(sum) === 2 * n) return Array(n).fill(Math.sign(sum) * 2);
  const pairs = (k) => Array.from({ length: k }, (_, i) => (i % 2 ? -2 : 2));
  if (sum === 0) return n % 2 ? [1, 1, -2, ...pairs(n - 3)] : pairs(n);
  const s = Math.sign(sum);
  return n % 2 ? [s, ...pairs(n - 1)] : [2 * s, -s, ...pairs(n - 2)];
}

/** The geometry of each value label and bar of the chart, in the SVG's own units. */
function chartGeometry(page) {
  return page.getByRole("img", { name: /^Balance of each domain/ }).evaluate((svg) => {
    const box = (el) => {
      const b = el.getBBox();
      return { x0: b.x, x1: b.x + b.width, y0: b.y, y1: b.y + b.height };
    };
    const view = svg.viewBox.baseVal;
    const bars = [...svg.querySelectorAll("rect")].filter((r) => r.classList.contains("chart__bar")).map(box);
    const values = [...svg.querySelectorAll("text")]
      .filter((t) => t.classList.contains("chart__value"))
      .map((t) => ({ text: t.textContent, ...box(t) }));
    return { width: view.width, height: view.height, bars, values };
  });
}

function assertReadable(geometry, where) {
  assert.equal(geometry.values.length, 5, `five values drawn ${where}`);
  const overlaps = (a, b) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
  for (const v of geometry.values) {
    assert.ok(v.x0 >= 0 && v.x1 <= geometry.width, `${v.text} spans x ${v.x0}–${v.x1}, outside 0–${geometry.width} ${where}`);
    assert.ok(v.y0 >= 0 && v.y1 <= geometry.height, `${v.text} spans y ${v.y0}–${v.y1} ${where}`);
    for (const bar of geometry.bars) {
      assert.ok(!overlaps(v, bar), `${v.text} (x ${v.x0}–${v.x1}) is under a bar (x ${bar.x0}–${bar.x1}) ${where}`);
    }
  }
}

test("every balance from −100 to +100 is written inside the chart and clear of its bar, on a phone, a laptop and in print", async (t) => {
  const { page } = await app.open(t, { viewport: { width: 390, height: 844 } });
  const book = await codebook(page);
  const statements = book.instrument.questions.filter((q) => q.kind === "statement");
  const domains = book.instrument.domains.map((d) => d.id);
  const wanted = [
    ["+100", (n) => 2 * n],
    ["−100", (n) => -2 * n],
    ["0", () => 0],
    ["+", () => 1],
    ["−", () => -1],
  ];
  // Answer, section by section, each of the first five domains' statements.
  const answers = new Map();
  wanted.forEach(([, sum], k) => {
    const own = statements.filter((s) => s.domain === domains[k]);
    pointsFor(own.length, sum(own.length)).forEach((p, i) => answers.set(own[i], labelFor(own[i], p)));
  });
  const sections = [...new Set([...answers.keys()].map((s) => s.section))];
  for (const section of sections) {
    await visit(page, app.url, `/section/${section}`);
    for (const [s, label] of answers) if (s.section === section) await answer(page, s.text, label);
  }

  await visit(page, app.url, "/results");
  const table = Object.values(await domainTable(page)).map((row) => row.balance);
  assert.equal(table[0], "+100");
  assert.equal(table[1], "−100");
  assert.equal(table[2], "0");
  assert.match(table[3], /^\+[1-9]\d?$/, "a small positive balance");
  assert.match(table[4], /^−[1-9]\d?$/, "a small negative balance");

  assertReadable(await chartGeometry(page), "at 390 px");
  await page.setViewportSize({ width: 1280, height: 900 });
  assertReadable(await chartGeometry(page), "at 1,280 px");
  await page.emulateMedia({ media: "print" });
  assertReadable(await chartGeometry(page), "in print");
});
