#!/usr/bin/env node
// Removes build output folders before a build, so nothing a former build wrote (a module since moved
// or deleted, such as the harness that once lived in src/) stays in dist/. `node scripts/clean.js dist`.
const { rmSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
for (const folder of process.argv.slice(2)) {
  const target = path.resolve(root, folder);
  if (path.dirname(target) !== root) throw new Error(`clean: ${folder} is not a folder at the project root`);
  rmSync(target, { recursive: true, force: true });
}
