#!/usr/bin/env node
// Renders public/icons/icon.svg into the PNGs the manifest and iOS ask for, with Playwright's Chromium.
// Run after changing the SVG: `node lib/cli/icons.mjs`; the PNGs are committed.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "@playwright/test";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const dir = path.join(root, "public/icons");
const svg = fs.readFileSync(path.join(dir, "icon.svg"), "utf8");
const executablePath =
  process.env.PLAYWRIGHT_CHROMIUM_PATH || (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

// Maskable icons are cropped to a circle of 80% of their size by some launchers: full-bleed background, artwork
// shrunk into the safe zone. Apple's touch icon gets square corners (iOS rounds them itself).
const outputs = [
  { file: "icon-192.png", size: 192, inset: 0, bleed: false },
  { file: "icon-512.png", size: 512, inset: 0, bleed: false },
  { file: "maskable-512.png", size: 512, inset: 0.14, bleed: true },
  { file: "apple-touch-icon.png", size: 180, inset: 0.06, bleed: true },
];

const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu"] });
try {
  for (const { file, size, inset, bleed } of outputs) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const pad = Math.round(size * inset);
    const art = bleed
      ? svg.replace(/<rect width="512" height="512" rx="112"/, '<rect width="512" height="512" rx="0"')
      : svg;
    await page.setContent(
      `<body style="margin:0;background:${bleed ? "#c2410c" : "transparent"}">` +
        `<div style="width:${size - 2 * pad}px;height:${size - 2 * pad}px;padding:${pad}px">${art.replace("<svg ", '<svg width="100%" height="100%" ')}</div></body>`,
    );
    await page.screenshot({ path: path.join(dir, file), omitBackground: !bleed });
    await page.close();
    console.log(`public/icons/${file} (${size}×${size})`);
  }
} finally {
  await browser.close();
}
