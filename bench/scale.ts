/**
 * Benchmark of scaling out (`npm run bench:scale`, issue 17): interactions per second and their
 * ack latency through 1, 2 and 4 Threadmodel web processes (BENCH_PROCESSES), on one redis-server
 * and on a 6-node Redis Cluster (3 primaries, 3 replicas; BENCH_REDIS=single,cluster), with a
 * bare Bolt floor (1, 2, 4 processes that only ack) under the same requests in the same run.
 *
 * Every web process is a real OS process started as production starts one (`node dist/main.js`,
 * configured by its environment, RUN_WORKERS=false) on a free port; the Slack stand-in runs in a
 * process of its own and builds the requests from its own state (scale-bodies.ts): per team and
 * round, a role pick on the team's model card, `/threatmodel list`, the pick back, and
 * `/threatmodel start`. This process signs each request as Slack does and sends request i to
 * process i mod N, BENCH_CONCURRENCY (32) at a time, BENCH_REQUESTS (600) per run after
 * BENCH_WARMUP (60) untimed ones. Between runs it lets the app's work after the acks calm down.
 *
 * Throughput can only grow with processes while there are idle cores: every process of the run
 * (web processes, Redis nodes, the stand-in and this load generator) shares this machine.
 */
import os from 'node:os';
import { z } from 'zod';
import { postToApp } from '../dev/stand-in/signed-requests';
import { BOT } from '../dev/stand-in/workspace';
import { type RedisServer, startRedisServer } from '../src/store/redis-server-process';
import { startRedisCluster } from '../test/support/redis-cluster';
import { type AppProcess, startAppProcess, startBareBoltProcess } from './app-processes';
import { measure, type Result, row } from './measure';
import { type RemoteStandIn, startRemoteStandIn } from './remote-stand-in';
import { ScaleAnswersSchema, ScaleBodiesSchema, type ScaleBody, SetupDoneSchema } from './slack-protocol';

function whole(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number >= 0`);
  return value;
}

function list(name: string, fallback: string): string[] {
  return (process.env[name] ?? fallback)
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

const SECRET = 'benchsigningsecret0123456789abcd';
const REQUESTS = Math.max(1, whole('BENCH_REQUESTS', 600));
const WARMUP = whole('BENCH_WARMUP', 60);
const CONCURRENCY = Math.max(1, whole('BENCH_CONCURRENCY', 32));
const TEAMS = Math.max(1, whole('BENCH_TEAMS', 24));
const PROCESSES = list('BENCH_PROCESSES', '1,2,4').map((part) => {
  const n = Number(part);
  if (!Number.isInteger(n) || n < 1) throw new Error('BENCH_PROCESSES must be whole numbers >= 1, e.g. 1,2,4');
  return n;
});
const TOPOLOGIES = list('BENCH_REDIS', 'single,cluster').map((part) => {
  if (part !== 'single' && part !== 'cluster') throw new Error('BENCH_REDIS lists single and/or cluster');
  return part;
});
/** How long after a run the stand-in must see no call before the next run, and the most to wait. */
const QUIET_MS = 500;
const CALM_WITHIN_MS = 5000;

const StatsSchema = z.object({ calls: z.record(z.string(), z.number()) });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Measured extends Result {
  errors: number;
}

/** Sends the bodies, request i to target i mod N, signed at send time; counts answers other than 200. */
async function drive(targets: AppProcess[], bodies: ScaleBody[], concurrency: number): Promise<Measured> {
  let errors = 0;
  const result = await measure(concurrency, bodies.length, async (_, i) => {
    const body = bodies[i];
    const target = targets[i % targets.length];
    if (!body || !target) throw new Error(`no request ${i}`);
    const response = await postToApp(target.url, body.body, body.contentType, { signingSecret: SECRET }).catch(() => ({
      status: 0,
    }));
    if (response.status !== 200) errors += 1;
  });
  return { ...result, errors };
}

/** Until the stand-in has received no call for QUIET_MS (cards refreshed, replies posted), or CALM_WITHIN_MS. */
async function calm(standIn: RemoteStandIn): Promise<void> {
  const total = async () =>
    Object.values((await standIn.request('stats', {}, StatsSchema)).calls).reduce((sum, n) => sum + n, 0);
  const deadline = Date.now() + CALM_WITHIN_MS;
  let last = await total();
  while (Date.now() < deadline) {
    await sleep(QUIET_MS);
    const now = await total();
    if (now === last) return;
    last = now;
  }
}

interface Line {
  redis: string;
  processes: number;
  app: Measured;
  floor: Measured;
}

interface Topology {
  env: Record<string, string>;
  destroy(): Promise<void>;
}

async function startTopology(kind: 'single' | 'cluster'): Promise<Topology> {
  if (kind === 'cluster') {
    const cluster = await startRedisCluster();
    return { env: cluster.env, destroy: () => cluster.destroy() };
  }
  const server: RedisServer = await startRedisServer();
  return { env: { REDIS_URL: server.url }, destroy: () => server.destroy() };
}

/** One Redis: its web processes and floor processes grow to the largest N; each N is a run. */
async function runTopology(
  kind: 'single' | 'cluster',
  afterwards: string[],
  report: (line: Line) => void,
): Promise<void> {
  const most = Math.max(...PROCESSES);
  const standIn = await startRemoteStandIn({});
  const cleanups: (() => Promise<unknown>)[] = [() => standIn.close()];
  try {
    const redis = await startTopology(kind);
    cleanups.unshift(() => redis.destroy());
    const credentials = { apiUrl: standIn.apiUrl, botToken: BOT.token, signingSecret: SECRET };
    // One at a time, each stopped after the run even when a later one fails to start: each app
    // start loads the flow and catalog and checks Redis, on the same cores.
    const bares: AppProcess[] = [];
    const apps: AppProcess[] = [];
    for (let n = 0; n < most; n++) {
      const bare = await startBareBoltProcess(credentials);
      cleanups.unshift(() => bare.stop());
      bares.push(bare);
      const app = await startAppProcess({ ...credentials, redisEnv: redis.env, keyPrefix: 'bench-scale:' });
      cleanups.unshift(() => app.stop());
      apps.push(app);
    }
    const [firstApp, firstBare] = [apps[0], bares[0]];
    if (!firstApp || !firstBare) throw new Error('no process started');
    const setup = await standIn.request(
      'setup',
      { appUrl: firstApp.url, bareUrl: firstBare.url, signingSecret: SECRET, teams: TEAMS, people: 3 },
      SetupDoneSchema,
    );
    if (setup.failed.length > 0) console.log(`  (${setup.failed.length} teams could not start: ${setup.failed[0]})`);
    await calm(standIn);
    for (const n of PROCESSES) {
      const { bodies } = await standIn.request('scaleBodies', { count: WARMUP + REQUESTS }, ScaleBodiesSchema);
      const [warmup, timed] = [bodies.slice(0, WARMUP), bodies.slice(WARMUP)];
      await drive(bares.slice(0, n), warmup, CONCURRENCY);
      const floor = await drive(bares.slice(0, n), timed, CONCURRENCY);
      await drive(apps.slice(0, n), warmup, CONCURRENCY);
      await calm(standIn);
      const app = await drive(apps.slice(0, n), timed, CONCURRENCY);
      await calm(standIn);
      report({ redis: kind === 'single' ? 'one redis-server' : 'cluster (3+3 nodes)', processes: n, app, floor });
    }
    // What the app asked of Slack after its acks: the work the requests stood for was done.
    const { calls } = await standIn.request('stats', {}, StatsSchema);
    const seen = Object.entries(calls)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([method, count]) => `${method} ${count}`);
    afterwards.push(`${kind}: the stand-in was called ${seen.join(', ')}`);
    const { answers } = await standIn.request('scaleAnswers', {}, ScaleAnswersSchema);
    const said = Object.entries(answers)
      .sort(([, a], [, b]) => b - a)
      .map(([text, count]) => `${count}x "${text}"`);
    afterwards.push(`${kind}: the app answered through response URLs ${said.join(', ') || 'nothing'}`);
  } finally {
    for (const cleanup of cleanups) await cleanup().catch(() => undefined);
  }
}

const HONEST = [
  'What this machine can show: whether several web processes on one Redis or on a cluster answer',
  'correctly and how much each hop costs (p99 against the bare Bolt floor, the same requests).',
  'What it cannot show: throughput growing with processes once they outnumber the idle cores.',
  'Every process here (web processes, Redis nodes, the stand-in, this load generator) shares',
  'the same cores, so on a 2-core machine 2 and 4 processes mostly split the same CPU; real',
  'scaling needs each web process on a core or a machine of its own.',
];

async function main(): Promise<void> {
  const cores = os.availableParallelism?.() ?? os.cpus().length;
  console.log(
    `Scale benchmark: ${REQUESTS} signed requests per run (+${WARMUP} warm-up), ${CONCURRENCY} concurrent, ` +
      `round-robin over N web processes; Node ${process.version}, ${cores} cores, load ${os
        .loadavg()
        .map((n) => n.toFixed(1))
        .join(' ')}`,
  );
  const [loadNow = 0] = os.loadavg();
  if (loadNow > cores / 2) {
    console.log(
      `Load average ${loadNow.toFixed(1)} before the run: other work shares these cores, so the figures are noisy.`,
    );
  }
  console.log('Mix per team and round: role pick on the card, /threatmodel list, pick back, /threatmodel start');
  console.log(
    row(
      [
        'redis',
        'web procs',
        'req/s',
        'p50 ms',
        'p99 ms',
        'errors',
        'floor req/s',
        'floor p99',
        'req/s x 1',
        'p99 x floor',
      ],
      20,
    ),
  );
  const lines: Line[] = [];
  const afterwards: string[] = [];
  for (const kind of TOPOLOGIES) {
    await runTopology(kind, afterwards, (line) => {
      lines.push(line);
      const one = lines.find((other) => other.redis === line.redis && other.processes === 1) ?? line;
      console.log(
        row(
          [
            line.redis,
            line.processes,
            line.app.opsPerSecond.toFixed(0),
            line.app.p50.toFixed(1),
            line.app.p99.toFixed(1),
            line.app.errors + line.floor.errors,
            line.floor.opsPerSecond.toFixed(0),
            line.floor.p99.toFixed(1),
            (line.app.opsPerSecond / one.app.opsPerSecond).toFixed(2),
            (line.app.p99 / line.floor.p99).toFixed(1),
          ],
          20,
        ),
      );
    });
  }
  for (const line of afterwards) console.log(line);
  const most = Math.max(...PROCESSES);
  console.log(`\n${most} web processes on ${cores} cores.`);
  if (most > cores) {
    console.log(`More web processes than cores: throughput cannot scale past ${cores} here.`);
  }
  for (const line of HONEST) console.log(line);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
