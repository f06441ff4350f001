// Renders the app icons (PNG, incl. maskable) from public/icons/icon.svg with the Chromium that the
// test suite uses. Run: node scripts/make-icons.mjs (needs end2end/node_modules).
import { chromium } from '../end2end/node_modules/@playwright/test/index.mjs';
import { readFileSync } from 'node:fs';

const svg = readFileSync(new URL('../public/icons/icon.svg', import.meta.url), 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
for (const [name, size, pad] of [['icon-192.png', 192, 0], ['icon-512.png', 512, 0], ['maskable-512.png', 512, 0.2], ['apple-touch-icon.png', 180, 0]]) {
  await page.setViewportSize({ width: size, height: size });
  const inner = Math.round(size * (1 - pad));
  // Maskable icons keep their mark inside the central safe zone on a full-bleed background.
  await page.setContent(`<body style="margin:0;background:#0b3d6e;display:grid;place-items:center;width:${size}px;height:${size}px">
    <div style="width:${inner}px;height:${inner}px">${svg.replace('<svg ', `<svg width="${inner}" height="${inner}" `)}</div></body>`);
  await page.screenshot({ path: `public/icons/${name}`, omitBackground: false });
}
await browser.close();
console.log('icons written to public/icons');
