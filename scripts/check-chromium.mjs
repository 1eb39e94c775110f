// The end-to-end tests drive a system Chromium (Playwright downloads no browser here).
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(path)) {
  console.error(
    `Chromium is needed for the end-to-end tests and was not found at ${path}.\n` +
      'Install it with `sudo apt-get install -y chromium` (Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium or Chrome binary.',
  );
  process.exit(1);
}

// The PDF checks read exported reports with poppler's pdftotext and pdftoppm.
import { spawnSync } from 'node:child_process';
for (const tool of ['pdftotext', 'pdftoppm']) {
  if (spawnSync(tool, ['-v']).error) {
    console.error(`${tool} is needed to check exported PDFs: install it with \`sudo apt-get install -y poppler-utils\` (Debian/Ubuntu).`);
    process.exit(1);
  }
}
