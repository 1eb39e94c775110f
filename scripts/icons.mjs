// Renders build/icon.svg to the PNG sizes the installers need, with the same headless Chromium
// the tests use: build/icons/NxN.png (Linux) and build/icon.png at 1024 px, from which
// electron-builder makes the macOS .icns and Windows .ico. Run: npm run icons
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const svg = readFileSync(join(root, 'build', 'icon.svg'), 'utf8');

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  mkdirSync(join(root, 'build', 'icons'), { recursive: true });
  for (const size of ICON_SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
    const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    writeFileSync(join(root, 'build', 'icons', `${size}x${size}.png`), png);
    if (size === 1024) writeFileSync(join(root, 'build', 'icon.png'), png);
    await page.close();
  }
  console.log(`wrote build/icons/{${ICON_SIZES.join(',')}}px and build/icon.png`);
} finally {
  await browser.close();
}
