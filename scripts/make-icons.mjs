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
import { deflateSync } from "node:zlib";
import { CHROMIUM, CHROMIUM_ARGS as ARGS } from "../tests/e2e/chromium.mjs";

// How finely the anti-aliased edges keep their blends (see indexedPng).
const EDGE_STEP = 32;
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
    // The pixels as Chromium painted them, then written as a palette PNG:
    // the icon has three colours and their anti-aliased blends, so an
    // indexed image is a fraction of the size of the RGBA screenshot.
    const shot = await page.screenshot({
      omitBackground: icon.background === null,
      clip: { x: 0, y: 0, width: icon.size, height: icon.size },
    });
    const rgba = await page.evaluate(async ({ b64, size }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = new OffscreenCanvas(size, size);
      const ctx = canvas.getContext("2d");
      ctx.drawImage(img, 0, 0);
      return Array.from(ctx.getImageData(0, 0, size, size).data);
    }, { b64: shot.toString("base64"), size: icon.size });
    const png = indexedPng(icon.size, icon.size, Uint8Array.from(rgba));
    await writeFile(join(ASSETS, icon.file), png);
    console.log(`assets/${icon.file}: ${icon.size}×${icon.size}, ${png.length} bytes`);
    await page.close();
  }
} finally {
  await browser.close();
}

// An 8-bit palette PNG (colour type 3, with a tRNS chunk for alpha) of RGBA
// pixels. The icon's own colours (each covering at least 0.5% of the
// pixels) are kept exactly; the anti-aliased blends along the edges are
// rounded to steps of EDGE_STEP per channel, which no one sees at icon size
// but which takes the palette from about 250 colours to about 35 and the
// four PNGs from 17 KB to 11 KB. If more than 256 colours still remain, the
// steps grow. (EDGE_STEP is set at the top.)

function indexedPng(width, height, rgba) {
  const count = width * height;
  const exact = (i) =>
    rgba[i * 4 + 3] === 0
      ? 0
      : ((rgba[i * 4] << 24) | (rgba[i * 4 + 1] << 16) | (rgba[i * 4 + 2] << 8) | rgba[i * 4 + 3]) >>> 0;
  const frequency = new Map();
  for (let i = 0; i < count; i++) frequency.set(exact(i), (frequency.get(exact(i)) ?? 0) + 1);
  const own = new Set([...frequency].filter(([, n]) => n >= count * 0.005).map(([key]) => key));
  // A blend within `within` of one of the icon's own colours on every
  // channel becomes that colour: rounding it on its own could leave a faint
  // line where a shape's soft edge meets a background of the same colour.
  const nearOwn = (i, within) => {
    for (const key of own) {
      if (key === 0) {
        if (rgba[i * 4 + 3] <= within) return 0;
        continue;
      }
      const parts = [key >>> 24, (key >>> 16) & 255, (key >>> 8) & 255, key & 255];
      if (parts.every((v, c) => Math.abs(v - rgba[i * 4 + c]) <= within)) return key;
    }
    return undefined;
  };
  for (const step of [EDGE_STEP, EDGE_STEP * 2, EDGE_STEP * 4]) {
    const q = (v) => Math.min(255, Math.round(v / step) * step);
    const keys = new Uint32Array(count);
    const index = new Map();
    for (let i = 0; i < count && index.size <= 256; i++) {
      const key = exact(i);
      const a = q(rgba[i * 4 + 3]);
      // Fully transparent pixels are one colour whatever their RGB.
      keys[i] = own.has(key)
        ? key
        : (nearOwn(i, step / 2) ??
          (a === 0 ? 0 : ((q(rgba[i * 4]) << 24) | (q(rgba[i * 4 + 1]) << 16) | (q(rgba[i * 4 + 2]) << 8) | a) >>> 0));
      if (!index.has(keys[i])) index.set(keys[i], index.size);
    }
    if (index.size > 256) continue;
    const colours = [...index.keys()];
    const plte = Buffer.alloc(colours.length * 3);
    const trns = Buffer.alloc(colours.length);
    colours.forEach((key, n) => {
      plte[n * 3] = key >>> 24;
      plte[n * 3 + 1] = (key >>> 16) & 255;
      plte[n * 3 + 2] = (key >>> 8) & 255;
      trns[n] = key & 255;
    });
    const raw = Buffer.alloc((width + 1) * height);
    for (let y = 0; y < height; y++) {
      raw[y * (width + 1)] = 0; // filter type none: best for palette images
      for (let x = 0; x < width; x++) raw[y * (width + 1) + 1 + x] = index.get(keys[y * width + x]);
    }
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(width, 0);
    ihdr.writeUInt32BE(height, 4);
    ihdr[8] = 8; // bit depth
    ihdr[9] = 3; // colour type: palette
    return Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk("IHDR", ihdr),
      chunk("PLTE", plte),
      chunk("tRNS", trns),
      chunk("IDAT", deflateSync(raw, { level: 9 })),
      chunk("IEND", Buffer.alloc(0)),
    ]);
  }
  throw new Error("make-icons: too many colours for a palette PNG");
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "latin1");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function crc32(bytes) {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}
