import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { testRedis } from '../support/redis-server';

const ROOT = path.resolve(__dirname, '..', '..');
const PACKAGE = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** Every file under a folder, as paths relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

/** The module names a compiled CommonJS file requires (tsc writes every import as `require("...")`). */
function requiredModules(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/\brequire\("([^"]+)"\)/g)].map((match) => match[1] ?? '');
}

/** A package name from a module specifier: `@slack/bolt/dist/x` -> `@slack/bolt`, `zod/v4` -> `zod`. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? '');
}

describe('the product build (tsconfig.build.json, what the Docker image ships)', () => {
  // Inside the repository (test-artifacts/ is ignored), so the build finds flows/, catalog/ and node_modules as dist/ does.
  let outDir: string;
  beforeAll(() => {
    const artifacts = path.join(ROOT, 'test-artifacts');
    mkdirSync(artifacts, { recursive: true });
    outDir = mkdtempSync(path.join(artifacts, 'product-build-'));
    execFileSync(
      process.execPath,
      [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json', '--outDir', outDir],
      { cwd: ROOT, stdio: 'pipe' },
    );
  }, 180_000);
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('holds no stand-in or playground code, and no module of it requires one', () => {
    const files = filesUnder(outDir);
    expect(files).toContain('main.js');
    expect(files.filter((file) => /(^|\/)(stand-in|playground|dev)\//.test(file))).toEqual([]);
    const scripts = files.filter((file) => file.endsWith('.js'));
    const strays: string[] = [];
    for (const file of scripts) {
      for (const specifier of requiredModules(path.join(outDir, file))) {
        if (specifier.startsWith('.')) {
          // A relative require must stay inside the build (never reach ../dev or ../test).
          const target = path.resolve(outDir, path.dirname(file), specifier);
          if (path.relative(outDir, target).startsWith('..')) strays.push(`${file} -> ${specifier}`);
        } else if (!specifier.startsWith('node:') && !builtinModules.includes(specifier)) {
          // A package must be a production dependency: `npm ci --omit=dev` leaves the others out.
          if (!(packageOf(specifier) in PACKAGE.dependencies)) strays.push(`${file} -> ${specifier}`);
        }
      }
    }
    expect(strays).toEqual([]);
  });

  it('leaves the harness packages (marked, esbuild, ws) to the development dependencies', () => {
    for (const name of ['marked', 'esbuild', 'ws']) {
      expect(PACKAGE.dependencies).not.toHaveProperty(name);
      expect(PACKAGE.devDependencies).toHaveProperty(name);
    }
  });

  it('started with NODE_ENV=production and no Slack credentials, stops with what to set, not a playground', async () => {
    const redis = await testRedis();
    const cwd = mkdtempSync(path.join(os.tmpdir(), 'threadmodel-production-'));
    try {
      // Only what a production container would have: no SLACK_* variable, PLAYGROUND left as a developer might.
      const env = { PATH: process.env.PATH ?? '', NODE_ENV: 'production', REDIS_URL: redis.url, PORT: '0' };
      const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        execFile(
          process.execPath,
          [path.join(outDir, 'main.js')],
          { cwd, env: { ...env, PLAYGROUND: 'auto' }, timeout: 60_000 },
          (error, stdout, stderr) => {
            const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
            resolve({ code, stdout, stderr });
          },
        );
      });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^Configuration is invalid \(2 problems\):/);
      expect(result.stderr).toMatch(/SLACK_BOT_TOKEN: is missing; expected the bot token/);
      expect(result.stderr).toMatch(/SLACK_SIGNING_SECRET: is missing; .*or SLACK_APP_TOKEN.*to use Socket Mode/);
      expect(`${result.stdout}${result.stderr}`).not.toMatch(/playground/i);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
      await redis.close();
    }
  }, 90_000);
});
