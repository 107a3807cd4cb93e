// The guards themselves must be able to fail: each case below makes the page
// do something forbidden and checks that the guard notices.

import { test } from "node:test";
import assert from "node:assert/strict";
import { assertClean, guard, launch, ready } from "./harness.mjs";
import { serve } from "./server.mjs";

test("the guards catch a request to another origin, a CSP violation and a page error", async () => {
  const server = await serve(process.env.E2E_DIST || "dist");
  const browser = await launch();
  try {
    const context = await browser.newContext();
    // A page with no CSP, opened on purpose below.
    const { problems } = await guard(context, [server.url], { allow: ["/no-such-page"] });
    const page = await context.newPage();
    await page.goto(`${server.url}/#/`);
    await ready(page);

    // Something forbidden, three ways: a fetch to another host (blocked by
    // the CSP's connect-src before it leaves), an image from another host,
    // and an uncaught error.
    await page.evaluate(() => {
      fetch("http://example.invalid/collect").catch(() => {});
      const img = new Image();
      img.src = "http://example.invalid/pixel.gif";
      setTimeout(() => {
        throw new Error("deliberate");
      });
    });
    await page.waitForTimeout(500);
    await assert.rejects(() => assertClean(context, problems), (e) => {
      const text = JSON.stringify(e.actual);
      assert.match(text, /CSP violation: connect-src/);
      assert.match(text, /CSP violation: img-src/);
      assert.match(text, /page error: deliberate/);
      return true;
    });

    // With the CSP out of the way (a page that has none), the request guard
    // itself sees the request leave and aborts it.
    const bare = await context.newPage();
    await bare.goto(`${server.url}/no-such-page`);
    await bare.evaluate(() => fetch("http://example.invalid/collect").catch(() => {}));
    await bare.waitForTimeout(300);
    assert.ok(problems.some((p) => p.startsWith("request left the origin: http://example.invalid/collect")), problems.join("\n"));
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
});

test("the guards catch a same-origin beacon, a query string and a path that is not the build's", async () => {
  const server = await serve(process.env.E2E_DIST || "dist");
  const browser = await launch();
  try {
    const context = await browser.newContext();
    const { problems } = await guard(context, [server.url]);
    const page = await context.newPage();
    await page.goto(`${server.url}/?kiosk=1#/`);
    await ready(page);
    assert.deepEqual(problems, [], "the app's own files and its kiosk flag pass");
    // The CSP allows all three ('self'); only the request guard stops them.
    await page.evaluate(() => {
      navigator.sendBeacon("/collect", "answers");
      fetch("/boot.js?answers=strongly_agree").catch(() => {});
      const img = new Image();
      img.src = "/pixel.gif";
    });
    await page.waitForTimeout(500);
    const text = problems.join("\n");
    assert.match(text, /not a file of the build: http:\/\/127\.0\.0\.1:\d+\/collect/);
    assert.match(text, /not a file of the build: http:\/\/127\.0\.0\.1:\d+\/boot\.js\?answers=strongly_agree/);
    assert.match(text, /not a file of the build: http:\/\/127\.0\.0\.1:\d+\/pixel\.gif/);
    await assert.rejects(() => assertClean(context, problems));
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
});
