#!/usr/bin/env node

// Command-line entry for catalog and flow maintainers: `npx threadmodel help`.
const { existsSync } = require('node:fs');
const path = require('node:path');

const entry = path.join(__dirname, '..', 'dist', 'cli', 'main.js');
if (!existsSync(entry)) {
  console.error('threadmodel: the project is not built yet; run `npm run build` first.');
  process.exit(2);
}
process.exitCode = require(entry).runCli(process.argv.slice(2), {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  cwd: process.cwd(),
});
