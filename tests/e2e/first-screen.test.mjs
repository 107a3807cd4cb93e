// The first screen (src/first/): a first visit's start page and question
// pages, drawn without Leptos from the first module alone, then handed
// over to the full app (a chunk of its own) for every other page. The
// full app draws the same pages again, so the two drawings must be the
// same page: element for element, attribute for attribute, with the same
// answers ticked. The hand-over loses nothing: answers, save status,
// focus, language.

import { test } from "node:test";
import assert from "node:assert/strict";
import { forgiveDropped, hold, useApp } from "./harness.mjs";
import { answer, expectHeading, visit } from "./pages.mjs";

const app = useApp();

/** The page as a tree of plain values: elements with their attributes
 * (sorted; classes sorted; a box's tick as it is, not as first written),
 * text with its runs joined; comments and blank text left out (the full
 * app's renderer leaves markers the first screen has no need of), and the
 * results page the full app keeps out of sight (`.kept-page`, inert). */
async function drawing(page) {
  return page.evaluate(() => {
    const walk = (node) => {
      const out = { tag: node.tagName.toLowerCase(), attrs: {}, children: [] };
      for (const a of node.attributes) {
        if (a.name === "checked") continue;
        out.attrs[a.name] = a.name === "class" ? a.value.split(/\s+/).filter(Boolean).sort().join(" ") : a.value;
      }
      if (node instanceof HTMLInputElement) out.attrs["(checked)"] = String(node.checked);
      out.attrs = Object.fromEntries(Object.entries(out.attrs).sort(([a], [b]) => a.localeCompare(b)));
      let text = "";
      const flush = () => {
        if (text.trim() !== "") out.children.push(text);
        text = "";
      };
      for (const child of node.childNodes) {
        if (child.nodeType === Node.TEXT_NODE) text += child.data;
        else if (child.nodeType === Node.ELEMENT_NODE && !child.classList.contains("kept-page")) {
          flush();
          out.children.push(walk(child));
        }
      }
      flush();
      return out;
    };
    return walk(document.getElementById("app"));
  });
}

/** Whether the full app has taken over (the first screen's page has no
 * Leptos markers; the full app's always has some). */
async function fullApp(page) {
  return page.evaluate(() => {
    const it = document.createNodeIterator(document.getElementById("app"), NodeFilter.SHOW_COMMENT);
    return it.nextNode() !== null;
  });
}

async function go(page, fragment) {
  await page.evaluate((f) => {
    location.hash = f;
  }, fragment);
}

const SECTIONS = ["profile", "leadership", "staff", "community", "law", "policy", "funding", "services", "ta"];

test("the first screen draws the start page and every question page as the full app does, in English and Spanish", async (t) => {
  for (const locale of ["en-US", "es-MX"]) {
    const { page } = await app.open(t, { locale });
    await visit(page, app.url, "/");
    assert.equal(await fullApp(page), false, "a first visit starts on the first screen");
    const first = { start: await drawing(page) };
    for (const id of SECTIONS) {
      await go(page, `/section/${id}`);
      await page.locator(`#page-heading`).filter({ hasNotText: /^$/ }).waitFor();
      await page.waitForFunction((id) => document.querySelector(`.section-nav a[aria-current="page"]`)?.getAttribute("href") === `#/section/${id}`, id);
      first[id] = await drawing(page);
    }
    assert.equal(await fullApp(page), false, "the first screen drew them all");
    // Another page: the full app takes over.
    await go(page, "/method");
    await page.waitForFunction(() => document.querySelector("#page-heading")?.closest("main") && !document.querySelector(".loading"));
    assert.equal(await fullApp(page), true, "the method page is the full app's");
    await go(page, "/");
    await page.locator(".button--start").waitFor();
    assert.deepEqual(await drawing(page), first.start, `${locale}: the start page`);
    for (const id of SECTIONS) {
      await go(page, `/section/${id}`);
      await page.waitForFunction((id) => document.querySelector(`.section-nav a[aria-current="page"]`)?.getAttribute("href") === `#/section/${id}`, id);
      assert.deepEqual(await drawing(page), first[id], `${locale}: section ${id}`);
    }
  }
});

test("the first screen looks the same before the full app's styles come and after, on a phone and a laptop", async (t) => {
  for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 900 }]) {
    const { page, context } = await app.open(t, { viewport, serviceWorkers: "block" });
    const styles = [];
    context.on("request", (r) => {
      if (/\/app-[0-9a-f]{16}\.css$/.test(new URL(r.url()).pathname)) styles.push(r.url());
    });
    const pages = ["/", "/section/profile", "/section/leadership", "/section/services", "/section/ta"];
    const shot = async () => {
      await page.evaluate(() => document.activeElement?.blur());
      return page.screenshot({ fullPage: true, animations: "disabled", caret: "hide" });
    };
    const before = [];
    for (const fragment of pages) {
      await visit(page, app.url, fragment);
      before.push(await shot());
    }
    assert.equal(await fullApp(page), false);
    assert.deepEqual(styles, [], "the first screen does without the other pages' styles");
    await go(page, "/method");
    await expectHeading(page, "How is this calculated?");
    assert.equal(styles.length, 1, "they come with the full app");
    for (const [n, fragment] of pages.entries()) {
      await go(page, fragment);
      await page.waitForFunction((f) => location.hash === `#${f}` && document.querySelector("#page-heading"), fragment);
      assert.ok((await shot()).equals(before[n]), `${viewport.width} px: ${fragment} looks the same`);
    }
  }
});

test("answers given on the first screen are the full app's after the hand-over: ticks, counts, clear buttons, save status", async (t) => {
  const { page } = await app.open(t);
  await visit(page, app.url, "/section/profile");
  await page.getByRole("radio", { name: "Staff", exact: true }).check();
  await page.getByRole("checkbox", { name: "Rural" }).check();
  await go(page, "/section/leadership");
  await expectHeading(page, "Leadership");
  const first = await page.getByRole("group").first();
  await first.getByRole("radio", { name: /^I don't know / }).check();
  await page.getByRole("status").filter({ hasText: "Saved on this device." }).waitFor();
  await go(page, "/section/services");
  await expectHeading(page, "Services and partners");
  await page.locator("input[type=checkbox]").nth(1).check();
  await go(page, "/section/ta");
  await expectHeading(page, "Technical assistance");
  const boxes = page.locator("input[type=checkbox]");
  for (let n = 0; n < 4; n++) await boxes.nth(n).check();
  await go(page, "/section/leadership");
  await expectHeading(page, "Leadership");
  assert.equal(await fullApp(page), false);
  const before = await drawing(page);
  // The results: the full app takes over; then back to the same page.
  await go(page, "/results");
  await expectHeading(page, "Your results");
  assert.equal(await fullApp(page), true);
  await go(page, "/section/leadership");
  await expectHeading(page, "Leadership");
  assert.deepEqual(await drawing(page), before, "the same page, the same answers, the same save status");
  await go(page, "/section/profile");
  await expectHeading(page, "About your organization");
  assert.equal(await page.getByRole("radio", { name: "Staff", exact: true }).isChecked(), true, "another page's answers too");
  assert.equal(await page.getByRole("checkbox", { name: "Rural" }).isChecked(), true);
});

test("the hand-over keeps the focus: a link to another page focuses its heading, the language switch keeps it", async (t) => {
  const { page } = await app.open(t);
  await visit(page, app.url, "/section/profile");
  assert.equal(await fullApp(page), false, "the first screen");
  await page.getByRole("link", { name: "Check your answers" }).first().click();
  await expectHeading(page, "Check your answers");
  await page.waitForFunction(() => document.activeElement?.id === "page-heading");
  await go(page, "/");
  const { page: second } = await app.open(t);
  await visit(second, app.url, "/section/leadership");
  assert.equal(await fullApp(second), false, "the first screen");
  await second.getByRole("button", { name: "Español" }).click();
  await expectHeading(second, "Liderazgo");
  await second.waitForFunction(() => document.activeElement?.id === "language-switch");
  assert.equal(await second.getByRole("button", { name: "English" }).count(), 1);
});

test("a first visit's first screen fetches the first module only; the full app comes with the first other page", async (t) => {
  const { page } = await app.open(t, { serviceWorkers: "block" });
  const wasm = [];
  page.on("request", (r) => {
    if (r.url().endsWith(".wasm")) wasm.push(new URL(r.url()).pathname.split("/").pop());
  });
  await visit(page, app.url, "/");
  await page.getByRole("link", { name: /Start now/ }).click();
  await expectHeading(page, "About your organization");
  await page.getByRole("radio", { name: "Staff", exact: true }).check();
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expectHeading(page, "Leadership");
  assert.deepEqual(wasm, ["hr-readiness_bg.wasm"], "the first screen needs the first module alone");
  await page.getByRole("link", { name: "Your assessments" }).click();
  await expectHeading(page, "Your saved assessments");
  assert.ok(wasm.includes("split_app.wasm"), `the full app came: ${wasm.join(", ")}`);
});

test("when the full app cannot come, the first screen says so, keeps its pages and answers, and tries again", async (t) => {
  const { page, context, problems } = await app.open(t, { serviceWorkers: "block" });
  await visit(page, app.url, "/section/profile");
  assert.equal(await fullApp(page), false, "the first screen");
  await page.getByRole("radio", { name: "Staff", exact: true }).check();
  await context.setOffline(true);
  await page.getByRole("link", { name: "Check your answers" }).first().click();
  await expectHeading(page, "This page could not be loaded");
  // Its own pages still work, with the answer given.
  await go(page, "/section/profile");
  await expectHeading(page, "About your organization");
  assert.equal(await page.getByRole("radio", { name: "Staff", exact: true }).isChecked(), true);
  await go(page, "/check");
  await expectHeading(page, "This page could not be loaded");
  await context.setOffline(false);
  await page.getByRole("button", { name: "Try again" }).click();
  await expectHeading(page, "Check your answers");
  forgiveDropped(problems);
});

test("a save that fails on the first screen hands over: the full app says so and keeps the answer", async (t) => {
  const { page } = await app.open(t);
  await visit(page, app.url, "/section/leadership");
  assert.equal(await fullApp(page), false, "the first screen");
  // Storage full from now on.
  await page.evaluate(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException("full", "QuotaExceededError");
    };
  });
  const group = page.getByRole("group").first();
  await group.getByRole("radio", { name: /^Somewhat agree / }).check();
  await page.getByRole("alert").filter({ hasText: /full|space/i }).first().waitFor();
  assert.equal(await fullApp(page), true);
  assert.equal(await page.getByRole("group").first().getByRole("radio", { name: /^Somewhat agree / }).isChecked(), true);
});

test("another tab's change hands over: the full app follows it, and this tab's answers stay open", async (t) => {
  const { page, context } = await app.open(t);
  await visit(page, app.url, "/section/leadership");
  assert.equal(await fullApp(page), false, "the first screen");
  await page.getByRole("group").first().getByRole("radio", { name: /^Strongly agree / }).check();
  const other = await context.newPage();
  await visit(other, app.url, "/section/staff");
  await other.getByRole("group").first().getByRole("radio", { name: /^Strongly disagree / }).check();
  await page.waitForFunction(() => document.createNodeIterator(document.getElementById("app"), NodeFilter.SHOW_COMMENT).nextNode() !== null);
  await expectHeading(page, "Leadership");
  assert.equal(await page.getByRole("group").first().getByRole("radio", { name: /^Strongly agree / }).isChecked(), true);
});

test("while the full app comes to draw the same page again, the page is out of reach: no answer is given that nothing would keep", async (t) => {
  const { page } = await app.open(t, { serviceWorkers: "block" });
  await visit(page, app.url, "/section/leadership");
  assert.equal(await fullApp(page), false, "the first screen");
  const release = await hold(page, /\/split_app\.wasm$/);
  await page.getByRole("button", { name: "Español" }).click();
  await page.locator("main[inert][aria-busy=true]").waitFor({ state: "attached" });
  // A click where the first answer is: nothing happens.
  const box = await page.locator("main input[type=radio]").first().boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  assert.equal(await page.locator("main input[type=radio]").first().isChecked(), false, "out of reach");
  release();
  await expectHeading(page, "Liderazgo");
  assert.equal(await page.locator("main[inert]").count(), 0);
  assert.equal(await page.locator("main input[type=radio]:checked").count(), 0, "nothing answered, nothing lost");
  await page.getByRole("group").first().getByRole("radio").first().check();
  await page.getByRole("status").filter({ hasText: "Guardado en este dispositivo." }).waitFor();
});
