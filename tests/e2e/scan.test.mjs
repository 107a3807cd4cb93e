// Answer codes passed by QR code: a participant's results page shows their
// code as a QR code; the facilitator's team view reads it with the camera.
//
// The camera is Chromium's fake capture device, fed a Y4M video made here
// from the QR code the participant's page drew (its SVG path, painted into a
// canvas by the page, no network). Desktop Chromium on Linux has no
// BarcodeDetector, so these tests exercise the app's own decoder (quircs,
// compiled into the WebAssembly module); where a browser has one, the app
// uses it first, which the last test checks with a stand-in detector. Every guard holds: no request off the origin, no CSP
// violation (a camera stream in a <video> is no fetch, so `default-src
// 'none'` does not block it), no page error.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { assertClean, axe, DIST, guard, launch, useApp } from "./harness.mjs";
import { answer, expectHeading, visit, waitForText } from "./pages.mjs";
import { serve } from "./server.mjs";

const app = useApp();
const FUNDING = "Adequate funding is available to support harm reduction in our organization.";
const QR_NAME = "Your answer code as a QR code, for the facilitator's camera";

let dir;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), "hr-scan-"));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

/**
 * A participant answers one statement and opens their results: returns the
 * answer code the page shows and its QR code as the page draws it, painted
 * `scale` pixels a module (an array of luma rows, 0 dark, 255 light).
 */
async function participant(t, scale) {
  const { page } = await app.open(t);
  await visit(page, app.url, "/section/funding");
  await answer(page, FUNDING, "Strongly disagree");
  await visit(page, app.url, "/results");
  await expectHeading(page, "Your results");
  const code = (await page.locator("code.answer-code").innerText()).trim();
  const qr = page.getByRole("img", { name: QR_NAME });
  await qr.waitFor();
  const picture = await qr.evaluate(
    (svg, scale) => {
      const side = svg.viewBox.baseVal.width;
      const rect = svg.querySelector("rect");
      const path = svg.querySelector("path");
      // Paint what the SVG draws: its white square, then its dark path.
      const canvas = document.createElement("canvas");
      canvas.width = canvas.height = side * scale;
      const c = canvas.getContext("2d");
      c.scale(scale, scale);
      c.fillStyle = getComputedStyle(rect).fill;
      c.fillRect(0, 0, side, side);
      c.fillStyle = getComputedStyle(path).fill;
      c.fill(new Path2D(path.getAttribute("d")));
      const rgba = c.getImageData(0, 0, canvas.width, canvas.height).data;
      const luma = [];
      for (let i = 0; i < rgba.length; i += 4) luma.push(rgba[i]);
      return { side: canvas.width, luma, rectFill: getComputedStyle(rect).fill, pathFill: getComputedStyle(path).fill };
    },
    scale,
  );
  // Dark on white, also in dark mode (a camera cannot read a light-on-dark code).
  assert.equal(picture.rectFill, "rgb(255, 255, 255)");
  assert.equal(picture.pathFill, "rgb(0, 0, 0)");
  await page.emulateMedia({ colorScheme: "dark" });
  assert.equal(await qr.evaluate((svg) => getComputedStyle(svg.querySelector("rect")).fill), "rgb(255, 255, 255)");
  assert.equal(await qr.evaluate((svg) => getComputedStyle(svg).backgroundColor), "rgb(255, 255, 255)");
  await page.emulateMedia({ colorScheme: "light" });
  return { page, code, picture };
}

/**
 * A Y4M video (4:2:0) of `frames` frames, 640 × 480: the picture on a light
 * grey table, in the middle. Returns its path.
 */
async function videoOf(picture, name, frames = 4) {
  const [W, H] = [640, 480];
  const y = Buffer.alloc(W * H, 200);
  const x0 = (W - picture.side) >> 1;
  const y0 = (H - picture.side) >> 1;
  for (let r = 0; r < picture.side; r++) {
    for (let c = 0; c < picture.side; c++) {
      // Video range: 16 black, 235 white.
      y[(y0 + r) * W + x0 + c] = 16 + Math.round((picture.luma[r * picture.side + c] * 219) / 255);
    }
  }
  const chroma = Buffer.alloc((W / 2) * (H / 2), 128);
  const parts = [Buffer.from(`YUV4MPEG2 W${W} H${H} F10:1 Ip A1:1 C420jpeg\n`)];
  for (let f = 0; f < frames; f++) parts.push(Buffer.from("FRAME\n"), y, chroma, chroma);
  const file = join(dir, name);
  await writeFile(file, Buffer.concat(parts));
  return file;
}

/** A Chromium whose camera is the fake device: `file` if given, with the
 * permission prompt answered yes; or, with `deny`, every prompt answered no. */
async function cameraBrowser(t, { file, deny = false }) {
  const args = ["--use-fake-device-for-media-stream"];
  if (file) args.push(`--use-file-for-fake-video-capture=${file}`);
  args.push(deny ? "--deny-permission-prompts" : "--use-fake-ui-for-media-stream");
  const server = await serve(DIST);
  const browser = await launch({ args });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-US" });
  const { problems } = await guard(context, [server.url]);
  const page = await context.newPage();
  t.after(async () => {
    try {
      await assertClean(context, problems);
    } finally {
      await browser.close();
      await server.close();
    }
  });
  return { page, url: server.url };
}

/** The camera's video track as the page holds it, or null (kept on window
 * for a later look at its state). */
async function holdTrack(page) {
  return page.evaluate(() => {
    const stream = document.querySelector("video.scan__video").srcObject;
    window.__track = stream ? stream.getVideoTracks()[0] : null;
    return window.__track && window.__track.readyState;
  });
}

test("a QR code shown on the results page is scanned by the team view's camera: added once, refused again, camera released", async (t) => {
  const { code, picture } = await participant(t, 8);
  assert.match(code, /^B\d+\.[A-Za-z0-9_-]+$/);
  const file = await videoOf(picture, "code.y4m");

  const { page, url } = await cameraBrowser(t, { file });
  await visit(page, url, "/team");
  t.diagnostic(`BarcodeDetector in this Chromium: ${await page.evaluate(() => "BarcodeDetector" in window)}`);
  await page.getByRole("button", { name: "Scan codes" }).click();
  const status = page.getByRole("status").filter({ hasText: /camera/ });
  await status.getByText("Added Respondent 1.").waitFor({ timeout: 20_000 });
  await waitForText(page, "Respondents (1)");
  assert.equal(await holdTrack(page), "live", "the camera is on while scanning");
  await axe(page, "on the team view while scanning");

  // The code stays in front of the camera: read on many frames, acted on once.
  await page.waitForTimeout(1500);
  assert.equal(await page.getByText("Added Respondent 1.").count(), 1);
  assert.equal(await page.getByText(/already in the team view/).count(), 0, "no message for the same code on later frames");

  // Stop: every track ended, the picture gone.
  await page.getByRole("button", { name: "Stop scanning" }).click();
  await page.getByRole("button", { name: "Scan codes" }).waitFor();
  assert.deepEqual(
    await page.evaluate(() => [document.querySelector("video.scan__video").srcObject, window.__track.readyState]),
    [null, "ended"],
    "the camera is released",
  );

  // Scanning again: the same code is refused, with its message, once.
  await page.getByRole("button", { name: "Scan codes" }).click();
  await page
    .getByText("Scanned code: This code is already in the team view (Respondent 1), so it was not added again.", { exact: false })
    .waitFor({ timeout: 20_000 });
  await page.waitForTimeout(1500);
  assert.equal(await page.getByText(/already in the team view/).count(), 1, "refused once, not at every frame");
  await waitForText(page, "Respondents (1)");

  // Leaving the team view releases the camera too.
  assert.equal(await holdTrack(page), "live");
  await page.getByRole("link", { name: "Back to the start" }).click();
  await page.waitForFunction(() => window.__track.readyState === "ended");
});

test("the page going out of sight turns the camera off and says so; scanning starts again on request", async (t) => {
  // The fake camera's own test pattern: no code to read, only the camera.
  const { page, url } = await cameraBrowser(t, {});
  await visit(page, url, "/team");
  await page.getByRole("button", { name: "Scan codes" }).click();
  await page.getByText("The camera is on: hold a QR code in front of it.").waitFor({ timeout: 20_000 });
  assert.equal(await holdTrack(page), "live");
  // Another tab or program in front. Headless Chromium never hides a page,
  // so the page is told what a browser tells it then: the document is
  // hidden, and visibilitychange fires.
  const seen = (hidden) =>
    page.evaluate((hidden) => {
      Object.defineProperty(document, "hidden", { value: hidden, configurable: true });
      Object.defineProperty(document, "visibilityState", { value: hidden ? "hidden" : "visible", configurable: true });
      document.dispatchEvent(new Event("visibilitychange", { bubbles: true }));
    }, hidden);
  await seen(true);
  await page.waitForFunction(() => window.__track.readyState === "ended");
  await page.getByRole("button", { name: "Scan codes" }).waitFor();
  const said = page.getByRole("status").getByText("Scanning stopped while this page was out of sight, and the camera is off.", { exact: false });
  await said.waitFor();
  assert.equal(await page.evaluate(() => document.querySelector("video.scan__video").srcObject), null, "the picture is gone");
  await axe(page, "with the scan stopped");
  // Back in sight: nothing starts by itself; the button starts it again.
  await seen(false);
  await page.waitForTimeout(500);
  assert.equal(await page.getByRole("button", { name: "Scan codes" }).count(), 1, "still off");
  await page.getByRole("button", { name: "Scan codes" }).click();
  await page.getByText("The camera is on: hold a QR code in front of it.").waitFor({ timeout: 20_000 });
  assert.equal(await holdTrack(page), "live");
  // A page out of sight while nothing scans: no message.
  await page.getByRole("button", { name: "Stop scanning" }).click();
  await page.getByRole("button", { name: "Scan codes" }).waitFor();
  await seen(true);
  await page.waitForTimeout(300);
  assert.equal(await said.count(), 0, "the earlier message went with the new scan, and none is added");
});

test("a camera that is not allowed is said so, and pasting the code still adds the respondent", async (t) => {
  const { code } = await participant(t, 4);
  const { page, url } = await cameraBrowser(t, { deny: true });
  await visit(page, url, "/team");
  await page.getByRole("button", { name: "Scan codes" }).click();
  await page.getByText("The camera is not allowed for this page, so codes cannot be scanned.", { exact: false }).waitFor();
  await page.getByRole("button", { name: "Scan codes" }).waitFor();
  assert.equal(await page.evaluate(() => document.querySelector("video.scan__video").srcObject), null);
  await axe(page, "with the camera message");
  await page.getByLabel("Answer codes, one per line").fill(code);
  await page.getByRole("button", { name: "Add codes" }).click();
  await waitForText(page, "Added 1 respondent.");
  await waitForText(page, "Respondents (1)");
});

test("in Spanish, the QR code and the scan panel speak Spanish", async (t) => {
  const { page } = await app.open(t, { locale: "es-US" });
  await visit(page, app.url, "/section/funding");
  await page.getByRole("radio").first().check();
  await visit(page, app.url, "/results");
  await page.getByRole("img", { name: "Su código de respuestas como código QR, para la cámara de la persona facilitadora" }).waitFor();
  await visit(page, app.url, "/team");
  await page.getByRole("button", { name: "Escanear códigos" }).waitFor();
});

test("where the browser has a BarcodeDetector, the app reads with it", async (t) => {
  const { code } = await participant(t, 4);
  // The fake camera's own test pattern, with no QR code in it: only the
  // detector (a stand-in that sees the code in every frame of the video)
  // can find one.
  const { page, url } = await cameraBrowser(t, {});
  await page.addInitScript((code) => {
    window.__detected = 0;
    window.BarcodeDetector = class {
      constructor(options) {
        if (!options.formats.includes("qr_code")) throw new TypeError("qr_code not asked for");
      }
      async detect(source) {
        if (!(source instanceof HTMLVideoElement)) return [];
        window.__detected++;
        return [{ format: "qr_code", rawValue: code }];
      }
    };
  }, code);
  await visit(page, url, "/team");
  await page.getByRole("button", { name: "Scan codes" }).click();
  await page.getByText("Added Respondent 1.").waitFor({ timeout: 20_000 });
  assert.ok((await page.evaluate(() => window.__detected)) > 0, "the browser's detector was asked");
  await page.getByRole("button", { name: "Stop scanning" }).click();
  await page.getByRole("button", { name: "Scan codes" }).waitFor();
});
