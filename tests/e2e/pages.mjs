// Page objects: what a user does, in a user's terms (roles, names, labels).

import assert from "node:assert/strict";
import { ready } from "./harness.mjs";

export const ANSWERS = ["Strongly agree", "Somewhat agree", "Somewhat disagree", "Strongly disagree", "I don't know"];

/** Opens the app at a fragment such as "/" or "/check". */
export async function visit(page, base, fragment = "/") {
  await page.goto(`${base}/#${fragment}`);
  await ready(page);
}

export function heading(page) {
  return page.getByRole("heading", { level: 1 });
}

export async function expectHeading(page, text) {
  await page.getByRole("heading", { level: 1, name: text }).waitFor();
}

/** The group (fieldset) of one statement, found by its wording. */
export function statement(page, text) {
  return page.getByRole("group", { name: text, exact: true });
}

/** Answers a statement by clicking the answer's label, as a user would. */
export async function answer(page, statementText, answerLabel) {
  await statement(page, statementText).getByRole("radio", { name: answerLabel, exact: true }).check();
}

/** The checked answer of a statement, or null. */
export async function answerOf(page, statementText) {
  for (const label of ANSWERS) {
    if (await statement(page, statementText).getByRole("radio", { name: label, exact: true }).isChecked()) return label;
  }
  return null;
}

/** All statement groups on the current page, by their legends. */
export async function statementsOnPage(page) {
  const groups = page
    .getByRole("group")
    .filter({ has: page.getByRole("radio", { name: "Strongly agree", exact: true }) });
  const n = await groups.count();
  const texts = [];
  for (let i = 0; i < n; i++) texts.push((await groups.nth(i).locator("legend").innerText()).trim());
  return texts;
}

/** Answers every statement on the page with `pick(text, index)`. */
export async function answerAll(page, pick) {
  const texts = await statementsOnPage(page);
  for (const [i, text] of texts.entries()) {
    const label = pick(text, i);
    if (label) await answer(page, text, label);
  }
  return texts;
}

/** Presses the page's main button (Save and continue, and friends). */
export async function continueOn(page) {
  await page.getByRole("button", { name: /^Save and (continue|check your answers|return to check your answers)$/ }).click();
  await ready(page);
}

export async function expectText(page, text) {
  const body = await page.locator("body").innerText();
  assert.ok(body.includes(text), `expected the page to say: ${text}`);
}
