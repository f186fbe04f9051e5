/**
 * Threadmodel web processes for `npm run bench:scale`, each a real OS process started as
 * production starts one (`node dist/main.js`, here the benchmark build of src/main.ts) on a free
 * loopback port, configured only through its environment: the Redis, the key prefix, the Slack
 * stand-in's URL. Ready once GET /readyz answers 200; stopped with SIGTERM (a graceful drain).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/paths';
import { freePort } from '../src/store/redis-server-process';

export interface AppProcess {
  /** Its /slack/events URL. */
  url: string;
  stop(): Promise<void>;
}

const MAIN = path.join(__dirname, '../src/main.js');
/** Settings of this shell that would change what the benchmark measures. */
const OWN_SETTINGS = new Set(['RUN_WORKERS', 'PORT', 'NODE_ENV', 'METRICS_PORT', 'LOG_LEVEL', 'WORKER_CONCURRENCY']);
const inherited = (name: string) => name.startsWith('REDIS_') || name.startsWith('SLACK_') || OWN_SETTINGS.has(name);
const READY_WITHIN_MS = 30_000;

function stopped(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

async function ready(base: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + READY_WITHIN_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`a web process exited with ${child.exitCode} before it was ready`);
    const status = await fetch(`${base}/readyz`).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`a web process was not ready within ${READY_WITHIN_MS} ms`);
}

/** Starts one web process (no job workers: RUN_WORKERS=false) on the Redis that `redisEnv` names. */
export async function startAppProcess(options: {
  redisEnv: Record<string, string>;
  keyPrefix: string;
  apiUrl: string;
  botToken: string;
  signingSecret: string;
}): Promise<AppProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    cwd: PROJECT_ROOT,
    env: {
      // Only what the benchmark names: none of this shell's REDIS_* or SLACK_* settings.
      ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !inherited(name))),
      ...options.redisEnv,
      REDIS_KEY_PREFIX: options.keyPrefix,
      SLACK_API_URL: options.apiUrl,
      SLACK_BOT_TOKEN: options.botToken,
      SLACK_SIGNING_SECRET: options.signingSecret,
      PORT: String(port),
      RUN_WORKERS: 'false',
      LOG_LEVEL: 'error',
    },
    // Its log (errors only) goes to this process's output: an error behind an ack shows.
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    await ready(base, child);
  } catch (error) {
    await stopped(child, 'SIGKILL');
    throw error;
  }
  return { url: `${base}/slack/events`, stop: () => stopped(child, 'SIGTERM') };
}

/** The bare Bolt floor (bare-bolt.ts) in a process of its own, like the app's; prints its URL. */
export async function startBareBoltProcess(options: {
  apiUrl: string;
  botToken: string;
  signingSecret: string;
}): Promise<AppProcess> {
  const child = spawn(process.execPath, [path.join(__dirname, 'bare-bolt-process.js')], {
    env: {
      ...process.env,
      BARE_API_URL: options.apiUrl,
      BARE_BOT_TOKEN: options.botToken,
      BARE_SIGNING_SECRET: options.signingSecret,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
    child.once('exit', (code) => reject(new Error(`the bare Bolt process exited with ${code}`)));
  });
  return { url, stop: () => stopped(child, 'SIGTERM') };
}
