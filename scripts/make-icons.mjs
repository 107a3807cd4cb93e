// Renders the app icon (assets/icon.svg) to the PNGs that installing the app
// needs, in Debian's Chromium through playwright-core. Nothing is downloaded.
//
//   node scripts/make-icons.mjs
//
// Writes, into assets/:
//   icon-192.png            192×192, transparent corners ("any" purpose)
//   icon-512.png            512×512, transparent corners ("any" purpose)
//   icon-maskable-512.png   512×512, full-bleed background, the icon at 80%:
//                           the drop and tick stay inside the central circle
//                           (radius 40%) that every mask shape keeps
//   apple-touch-icon.png    180×180, full-bleed (iOS fills transparency black)
//
// Run it again after changing icon.svg and commit the PNGs.

import { readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS as ARGS } from "../tests/e2e/chromium.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const ASSETS = join(ROOT, "assets");
const svg = await readFile(join(ASSETS, "icon.svg"), "utf8");
// The background of the full-bleed icons is the colour of the icon's own
// rounded square, so the square's corners disappear into it.
const background = svg.match(/<rect\b[^>]*\bfill="(#[0-9a-fA-F]{3,8})"/)?.[1];
if (!background) throw new Error("assets/icon.svg: no <rect fill=\"#…\"> to take the background colour from");

const ICONS = [
  { file: "icon-192.png", size: 192, scale: 1, background: null },
  { file: "icon-512.png", size: 512, scale: 1, background: null },
  { file: "icon-maskable-512.png", size: 512, scale: 0.8, background },
  { file: "apple-touch-icon.png", size: 180, scale: 0.86, background },
];

const dataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
try {
  for (const icon of ICONS) {
    const page = await browser.newPage({
      viewport: { width: icon.size, height: icon.size },
      deviceScaleFactor: 1,
    });
    // The page is built in place: no request leaves this process.
    await page.route("**/*", (route) => route.abort());
    const inner = Math.round(icon.size * icon.scale);
    await page.setContent(
      `<!DOCTYPE html><html><head><style>
        html, body { margin: 0; width: ${icon.size}px; height: ${icon.size}px; overflow: hidden;
                     background: ${icon.background ?? "transparent"}; }
        body { display: grid; place-items: center; }
        img { display: block; width: ${inner}px; height: ${inner}px; }
      </style></head><body><img alt="" src="${dataUrl}"></body></html>`,
    );
    await page.locator("img").evaluate((img) => img.decode());
    const png = await page.screenshot({
      omitBackground: icon.background === null,
      clip: { x: 0, y: 0, width: icon.size, height: icon.size },
    });
    await writeFile(join(ASSETS, icon.file), png);
    console.log(`assets/${icon.file}: ${icon.size}×${icon.size}, ${png.length} bytes`);
    await page.close();
  }
} finally {
  await browser.close();
}
