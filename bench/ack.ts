/**
 * Benchmark of Slack's 3-second rule (`npm run bench:ack`): the round trip of a signed
 * `/threatmodel start` request (signed request in, HTTP ack out) against the real app, with its
 * real Redis and the Slack stand-in doing the slow work after each ack, at 1, 16 and 128
 * concurrent requests. Beside it, in the same run, a bare Bolt app that only acknowledges the same
 * command: the floor. Prints requests per second, p50 and p99, and the ratios. The stand-in runs
 * in a process of its own, as Slack runs on other machines.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { App } from '@slack/bolt';
import { FORM, formBody, postToApp } from '../dev/stand-in/signed-requests';
import { BOT } from '../dev/stand-in/workspace';
import { compose } from '../src/app/compose';
import { loadFlowAndCatalog } from '../src/app/load-data';
import { loadConfig } from '../src/config';
import { PROJECT_ROOT, SHIPPED_FLOW_FILE } from '../src/paths';
import { startRedisServer } from '../src/store/redis-server-process';
import { measure, row } from './measure';

const SECRET = 'benchsigningsecret0123456789abcd';
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 600);
const IDLE_WAIT_MS = 30_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const CONCURRENCY = (process.env.BENCH_CONCURRENCY ?? '1,16,128').split(',').map(Number);
if (CONCURRENCY.some((n) => !Number.isInteger(n) || n < 1)) {
  throw new Error('BENCH_CONCURRENCY must be whole numbers >= 1, separated by commas (e.g. 1,16,128)');
}

/**
 * One signed `/threatmodel start`, as Slack sends it. Its response_url is on the stand-in's origin,
 * where the app's edge accepts response URLs (one elsewhere is refused in the ack, and no model
 * would be started: the benchmark would time a refusal).
 */
async function postStart(url: string, responseUrl: string, i: number): Promise<void> {
  const body = formBody({
    command: '/threatmodel',
    text: `start Bench feature ${i}`,
    team_id: 'T0WORKSPC',
    team_domain: 'acme',
    channel_id: 'C0PAYMENT',
    channel_name: 'team-payments',
    user_id: 'U0ALICE01',
    user_name: 'alice',
    api_app_id: 'A0APP0001',
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: `bench.${i}`,
  });
  const response = await postToApp(url, body, FORM, { signingSecret: SECRET });
  if (response.status !== 200) throw new Error(`request ${i}: HTTP ${response.status}`);
}

/** Starts the stand-in in a child process (see stand-in-process.ts) and returns its API URL. */
async function startRemoteStandIn(): Promise<{ apiUrl: string; token: string; close: () => Promise<void> }> {
  const child = spawn(process.execPath, [path.join(__dirname, 'stand-in-process.js')], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const firstLine = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`stand-in exited with ${code}`)));
  });
  return {
    apiUrl: firstLine.trim(),
    token: BOT.token,
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.stdin.end();
      }),
  };
}

async function main(): Promise<void> {
  const standIn = await startRemoteStandIn();
  const redisServer = await startRedisServer();
  const cleanups: (() => Promise<unknown>)[] = [() => standIn.close(), () => redisServer.destroy()];
  try {
    const bare = new App({
      token: standIn.token,
      signingSecret: SECRET,
      logger: {
        debug() {},
        info() {},
        warn() {},
        error() {},
        setLevel() {},
        getLevel: () => 'error' as never,
        setName() {},
      },
      clientOptions: { slackApiUrl: standIn.apiUrl, retryConfig: { retries: 0 } },
    });
    bare.command('/threatmodel', async ({ ack }) => ack());
    cleanups.unshift(() => bare.stop());
    const bareServer = (await bare.start(0)) as unknown as { address(): { port: number } };

    // The real app, composed as `npm start` composes it, on the stand-in.
    const config = loadConfig(
      { LOG_LEVEL: 'silent', REDIS_URL: redisServer.url, REDIS_KEY_PREFIX: 'bench-ack:', PORT: '0' },
      { cwd: PROJECT_ROOT, flowFile: SHIPPED_FLOW_FILE },
    );
    const real = await compose({
      config,
      ...loadFlowAndCatalog(config),
      credentials: { mode: 'http', botToken: standIn.token, signingSecret: SECRET, apiUrl: standIn.apiUrl },
      retry: { interactive: { retries: 0 }, background: { retries: 0 }, jobs: { retries: 0 } },
      workers: { run: true, concurrency: 10 },
    });
    cleanups.unshift(() => real.stop());
    const realPort = real.port;

    const responseUrl = `${new URL(standIn.apiUrl).origin}/respond/bench`;
    console.log(`Ack benchmark: ${REQUESTS} signed /threatmodel start requests per run, Node ${process.version}`);
    console.log(row(['app', 'concurrent', 'req/s', 'p50 ms', 'p99 ms', 'p99 x floor']));
    for (const concurrency of CONCURRENCY) {
      const bareUrl = `http://127.0.0.1:${bareServer.address().port}/slack/events`;
      const floor = await measure(concurrency, REQUESTS, (_, i) => postStart(bareUrl, responseUrl, i));
      const app = await measure(concurrency, REQUESTS, (_, i) =>
        postStart(`http://127.0.0.1:${realPort}/slack/events`, responseUrl, i),
      );
      // Let the work after the acks finish before the next run, for at most IDLE_WAIT_MS: every
      // start posts its thread in the one channel, at Slack's pace of about one message a second,
      // so the last posts of a run can trail it by many minutes.
      const settled = await Promise.race([real.idle().then(() => true), sleep(IDLE_WAIT_MS).then(() => false)]);
      if (!settled)
        console.log(
          `    (thread posts of this run still going out at 1/s in the channel after ${IDLE_WAIT_MS / 1000} s)`,
        );
      console.log(
        row([
          'floor: bare Bolt ack',
          concurrency,
          floor.opsPerSecond.toFixed(0),
          floor.p50.toFixed(2),
          floor.p99.toFixed(2),
          '1.0',
        ]),
      );
      console.log(
        row([
          'Threadmodel start',
          concurrency,
          app.opsPerSecond.toFixed(0),
          app.p50.toFixed(2),
          app.p99.toFixed(2),
          (app.p99 / floor.p99).toFixed(1),
        ]),
      );
    }
    console.log(`Models created: ${(await real.store.list('T0WORKSPC', { by: 'all' })).total}`);
  } finally {
    for (const cleanup of cleanups) await cleanup().catch(() => undefined);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
