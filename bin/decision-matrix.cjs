#!/usr/bin/env node
// Command-line entry: loads the built CLI bundle (npm install builds it via the prepare script).
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');

const entry = join(__dirname, '..', 'dist', 'node', 'cli.mjs');
if (!existsSync(entry)) {
  process.stderr.write(`decision-matrix: not built yet; run \`npm run build\` in ${join(__dirname, '..')}\n`);
  process.exit(2);
}
import(pathToFileURL(entry).href)
  .then(({ main }) => main(process.argv.slice(2)))
  .then((code) => {
    process.exitCode = code;
  });
