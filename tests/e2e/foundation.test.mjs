// The foundation: the shell a new user meets, the privacy policy the page
// ships with, and an answer that survives a reload.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { axe, useApp, DIST } from "./harness.mjs";
import { answer, answerOf, answerRadio, continueOn, expectHeading, expectText, offlineReady, visit } from "./pages.mjs";

const app = useApp();

test("the start page says what it is for, who it is for, how long it takes and the privacy promise", async (t) => {
  const { page } = await app.open(t);
  await visit(page, app.url, "/");
  await expectHeading(page, "How ready is your organization for harm reduction?");
  await expectText(page, "Who it is for");
  await expectText(page, "It takes about 15 to 20 minutes.");
  await expectText(page, "Nothing you enter leaves this browser.");
  await expectText(page, "This is enforced, not just promised");
  assert.equal(await page.title(), "Start – Harm reduction readiness self-assessment");
  await axe(page, "on the start page");
});

test("Start leads to real question pages; an answer is saved on this device and restored after a reload", async (t) => {
  const { page } = await app.open(t);
  await visit(page, app.url, "/");
  await page.getByRole("link", { name: "Start now" }).click();
  await expectHeading(page, "About your organization");
  await expectText(page, "Section 1 of 9");
  await continueOn(page);
  await expectHeading(page, "Leadership");
  const text = "Our organization's leadership supports harm reduction services.";
  // Five answers, none preselected.
  for (const label of ["Strongly agree", "Somewhat agree", "Somewhat disagree", "Strongly disagree", "I don't know"]) {
    const radio = answerRadio(page.getByRole("group", { name: text }), label);
    assert.equal(await radio.isChecked(), false, `${label} is not preselected`);
  }
  await answer(page, text, "Somewhat agree");
  await page.getByRole("status").filter({ hasText: /^Saved on this device\./ }).waitFor();
  await axe(page, "on the first statement page");

  await page.reload();
  await expectHeading(page, "Leadership");
  assert.equal(await answerOf(page, text), "Somewhat agree");
});

test("the page ships a strict Content-Security-Policy and loads nothing from elsewhere", async () => {
  const html = await readFile(`${DIST}/index.html`, "utf8");
  // The release build minifies index.html: attributes may come in any order, unquoted.
  const meta = html.match(/<meta[^>]*http-equiv=["']?Content-Security-Policy["']?[^>]*>/i)?.[0] ?? "";
  const csp = meta.match(/content="([^"]+)"/)?.[1];
  assert.ok(csp, "index.html carries a CSP");
  const directives = Object.fromEntries(
    csp.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]),
  );
  assert.deepEqual(directives["default-src"], ["'none'"]);
  assert.deepEqual(directives["script-src"], ["'self'", "'wasm-unsafe-eval'"]);
  assert.deepEqual(directives["connect-src"], ["'self'"]);
  assert.deepEqual(directives["form-action"], ["'none'"]);
  assert.deepEqual(directives["base-uri"], ["'none'"]);
  assert.ok(!csp.includes("unsafe-inline"), "no 'unsafe-inline' anywhere");
  // No inline script or style, and every URL in the page is relative.
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, "no inline <script>");
  assert.doesNotMatch(html, /<style[\s>]/, "no inline <style>");
  assert.doesNotMatch(html, /\s(src|href)=["']?(https?:)?\/\//, "no URL to another origin");
});

test("the codebook downloads from the method page as JSON made in the page", async (t) => {
  const { page, requests } = await app.open(t);
  await visit(page, app.url, "/method");
  // The service worker's first download of the app's files is not part of this.
  await offlineReady(page);
  const before = requests.length;
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download the codebook (JSON)" }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^harm-reduction-readiness-codebook-\d+\.\d+\.\d+\.json$/);
  assert.match(download.url(), /^blob:/, "made in the page, not fetched");
  const codebook = JSON.parse(await readFile(await download.path(), "utf8"));
  assert.equal(codebook.format, "hr-readiness-codebook");
  assert.equal(codebook.instrument.domains.length, 6);
  assert.equal(codebook.scale.length, 5);
  assert.equal(requests.length, before, "no request was made to produce it");
});

test("a short page keeps its footer at the bottom of the window", async (t) => {
  const { page } = await app.open(t, { viewport: { width: 1280, height: 900 } });
  await visit(page, app.url, "/nowhere");
  await expectHeading(page, "Page not found");
  const footer = await page.getByRole("contentinfo").boundingBox();
  assert.ok(Math.abs(footer.y + footer.height - 900) <= 1, `the footer ends at ${footer.y + footer.height}, the window at 900`);
});
