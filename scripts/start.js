#!/usr/bin/env node
// `npm start`: builds, then runs the product (dist/main.js), or, on a developer's machine with no
// Slack app configured, the playground (dev/playground, built into dist-dev/). The product itself
// knows nothing of the playground: without Slack credentials dist/main.js stops with what to set.
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');

/**
 * What `npm start` runs: the playground only when nothing says "this is a real deployment":
 * NODE_ENV is not production, no SLACK_* variable is set (an empty one counts as unset, as in
 * src/config.ts), and PLAYGROUND is not `off`. Throws on a PLAYGROUND that is neither auto nor off.
 * @param {Record<string, string | undefined>} env
 * @returns {'product' | 'playground'}
 */
function chooseEntry(env) {
  const playground = env.PLAYGROUND || 'auto';
  if (playground !== 'auto' && playground !== 'off') {
    throw new Error(
      `PLAYGROUND is ${JSON.stringify(playground)}; expected auto (default: with no SLACK_* variable, npm start opens the playground) or off`,
    );
  }
  if (env.NODE_ENV === 'production' || playground === 'off') return 'product';
  const slackSet = Object.keys(env).some((name) => name.startsWith('SLACK_') && env[name]);
  return slackSet ? 'product' : 'playground';
}

function npmRun(script) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', '--silent', script], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function main() {
  let entry;
  try {
    entry = chooseEntry(process.env);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
  npmRun('build');
  if (entry === 'playground') {
    npmRun('build:dev');
    require(path.join(root, 'dist-dev', 'dev', 'playground', 'start-playground.js')).runPlaygroundFromCommandLine();
  } else {
    require(path.join(root, 'dist', 'main.js')).runFromCommandLine('web');
  }
}

if (require.main === module) main();

module.exports = { chooseEntry };
