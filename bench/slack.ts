/**
 * Benchmark of staying inside Slack's rate limits (`npm run bench:slack`, issue 15). For each K in
 * BENCH_TEAMS (1, 10, 30): K teams, each with its channel, model and BENCH_PEOPLE (3) people, work
 * through their models at a human pace (about one request per BENCH_PERIOD_MS, 5 s, per team,
 * jittered) for BENCH_SECONDS (180): modals opened and submitted (scope elements, a catalog
 * suggestion, threats, a mitigation, risk reviews) and steps finished, as real signed requests.
 * Where a form's "After saving" menu offers the script's next form, the person picks it, at most
 * BENCH_GO_ON (2) times in a row before closing it and clicking a button again (0: never).
 * The real app (compose(), its own Redis) serves them against the Slack stand-in, which runs in
 * a process of its own with Slack's published tier floors enforced (slack-tiers.ts); the people
 * run there too (slack-people.ts). Every request also goes, at the same moment, to a bare Bolt
 * app in this process: the ack floor under the same load.
 *
 * Then, for up to BENCH_SETTLE_SECONDS (60), it waits for every card to show its model's latest
 * version, and prints, per K, from the stand-in's records: calls per user action and 429s by
 * method, ack p50/p99 against the bare app, click-to-modal (trigger issued to views.open
 * received), failed modal opens, card staleness (a stored change to the card showing it),
 * chat.update per minute, rate-limited interactive calls, and the issue's targets with PASS/FAIL.
 * A FAIL is printed, never turned into an exit code: this is a measurement, not a test.
 * BENCH_LOG_LEVEL (silent): the app's log level, e.g. `warn` to see what it could not do.
 */
import { BOT, TEAM_ID } from '../dev/stand-in/workspace';
import { compose } from '../src/app/compose';
import { loadFlowAndCatalog } from '../src/app/load-data';
import { loadConfig } from '../src/config';
import type { Flow } from '../src/domain/flow';
import type { ThreatModel } from '../src/domain/model';
import { summarize } from '../src/domain/summary';
import { PROJECT_ROOT, SHIPPED_FLOW_FILE } from '../src/paths';
import { modelCard } from '../src/slack/views/model-card';
import { startRedisServer } from '../src/store/redis-server-process';
import { startBareBolt } from './bare-bolt';
import { cardFingerprint } from './card-fingerprint';
import { row } from './measure';
import { type ModelVersions, watchModelVersions } from './model-versions';
import { type RemoteStandIn, startRemoteStandIn } from './remote-stand-in';
import {
  cardStaleness,
  clickToModalMs,
  INTERACTIVE_METHODS,
  type Measured,
  methodRows,
  modalOutcomes,
  perMinute,
  type Spread,
  spread,
  targets,
} from './slack-metrics';
import {
  CardsSchema,
  type Records,
  RecordsSchema,
  type RunReport,
  RunReportSchema,
  SetupDoneSchema,
} from './slack-protocol';
import { SLACK_TIER_LIMITS } from './slack-tiers';

function positive(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a number above 0`);
  return value;
}

function teamCounts(): number[] {
  const counts = (process.env.BENCH_TEAMS ?? '1,10,30').split(',').map((part) => Number(part.trim()));
  if (counts.some((count) => !Number.isInteger(count) || count < 1)) {
    throw new Error('BENCH_TEAMS must be whole numbers >= 1, separated by commas (e.g. 1,10,30)');
  }
  return counts;
}

const SECRET = 'benchsigningsecret0123456789abcd';
const SECONDS = positive('BENCH_SECONDS', 180);
const PEOPLE = Math.round(positive('BENCH_PEOPLE', 3));
const PERIOD_MS = Math.round(positive('BENCH_PERIOD_MS', 5000));
const SETTLE_MS = positive('BENCH_SETTLE_SECONDS', 60) * 1000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const fmt = (n: number | undefined, digits = 0) =>
  n === undefined ? '-' : Number.isFinite(n) ? n.toFixed(digits) : 'never';
/** Seconds with two decimals; Infinity: "never". */
const secs = (n: number | undefined) => (n === undefined ? '-' : Number.isFinite(n) ? `${n.toFixed(2)} s` : 'never');
const counted = (items: readonly string[]) => {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return [...counts].map(([item, count]) => `${item} ${count}`).join(', ');
};

/** The card the app renders for a stored version, by fingerprint (compared with the stand-in's). */
const renderedCard = (flow: Flow) => (model: ThreatModel) =>
  cardFingerprint(modelCard(model, summarize(flow, model), flow));

/** Waits until every card shows its model's latest version, or the settle time is up; returns the seconds waited. */
async function settle(standIn: RemoteStandIn, versions: ModelVersions, fingerprint: (model: ThreatModel) => string) {
  const started = Date.now();
  for (;;) {
    const { cards } = await standIn.request('cards', {}, CardsSchema);
    const behind = cards.filter((card) => {
      const latest = versions.latest(card.modelId);
      return latest !== undefined && card.versions.at(-1)?.fingerprint !== fingerprint(latest);
    });
    if (behind.length === 0 || Date.now() - started > SETTLE_MS) {
      return { seconds: (Date.now() - started) / 1000, behind: behind.length };
    }
    await sleep(1000);
  }
}

interface Run {
  teams: number;
  /** Why the teams that could not start a model did not (they sit the run out). */
  failedToStart: string[];
  report: RunReport;
  records: Records;
  versions: ModelVersions;
  fingerprint: (model: ThreatModel) => string;
  settled: { seconds: number; behind: number };
}

async function benchTeams(teams: number, redisUrl: string): Promise<Run> {
  const cleanups: (() => Promise<unknown>)[] = [];
  try {
    const standIn = await startRemoteStandIn({ STAND_IN_RATE_LIMITS: JSON.stringify(SLACK_TIER_LIMITS) });
    cleanups.unshift(() => standIn.close());
    const bare = await startBareBolt({ token: BOT.token, signingSecret: SECRET, apiUrl: standIn.apiUrl });
    cleanups.unshift(() => bare.stop());
    // The real app, composed as `npm start` composes it (its production retry and refresh settings).
    const config = loadConfig(
      {
        LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'silent',
        REDIS_URL: redisUrl,
        REDIS_KEY_PREFIX: `bench-slack-${teams}:`,
        PORT: '0',
      },
      { cwd: PROJECT_ROOT, flowFile: SHIPPED_FLOW_FILE },
    );
    const data = loadFlowAndCatalog(config);
    const real = await compose({
      config,
      ...data,
      credentials: { mode: 'http', botToken: BOT.token, signingSecret: SECRET, apiUrl: standIn.apiUrl },
    });
    cleanups.unshift(() => real.stop());
    const versions = await watchModelVersions(redisUrl, { keys: real.keys, workspaceId: TEAM_ID });
    cleanups.unshift(() => versions.stop());

    const appUrl = `http://127.0.0.1:${real.port}/slack/events`;
    const setup = { appUrl, bareUrl: bare.url, signingSecret: SECRET, teams, people: PEOPLE };
    const { failed } = await standIn.request('setup', setup, SetupDoneSchema);
    await real.idle();
    const report = await standIn.request('run', { seconds: SECONDS, periodMs: PERIOD_MS }, RunReportSchema);
    const fingerprint = renderedCard(data.flow);
    const settled = await settle(standIn, versions, fingerprint);
    const records = await standIn.request('records', { since: report.startedAt }, RecordsSchema);
    return { teams, failedToStart: failed, report, records, versions, fingerprint, settled };
  } finally {
    for (const cleanup of cleanups) await cleanup().catch(() => undefined);
  }
}

function stalenessOf(run: Run): { spread: Spread | undefined; never: number; matched: number; shown: number } {
  const all: number[] = [];
  let matched = 0;
  let shown = 0;
  for (const card of run.records.cards) {
    const stored = (run.versions.byModel().get(card.modelId) ?? []).map((model) => ({
      version: model.version,
      at: Date.parse(model.updatedAt),
      fingerprint: run.fingerprint(model),
    }));
    const known = new Set(stored.map((version) => version.fingerprint));
    matched += card.versions.filter((version) => known.has(version.fingerprint)).length;
    shown += card.versions.length;
    all.push(...cardStaleness(stored, card.versions, run.report.startedAt).map((change) => change.seconds));
  }
  return { spread: spread(all), never: all.filter((s) => !Number.isFinite(s)).length, matched, shown };
}

function printRun(run: Run): void {
  const { report, records, teams } = run;
  const { requests } = report;
  const actions = requests.length;
  const loadSeconds = (report.endedAt - report.startedAt) / 1000;
  const started = records.cards.length;
  console.log(
    `\n=== K = ${teams} (${teams * PEOPLE} people): ${actions} user actions in ${fmt(loadSeconds, 1)} s ` +
      `(${counted(requests.map((request) => request.type))}): one every ${fmt((loadSeconds * started) / actions, 1)} s per team`,
  );
  if (run.failedToStart.length > 0) {
    console.log(`    TEAMS THAT COULD NOT START A MODEL: ${run.failedToStart.length} (${counted(run.failedToStart)})`);
  }
  console.log(
    `    then ${fmt(run.settled.seconds, 1)} s until every card showed its model` +
      (run.settled.behind > 0 ? ` (NOT REACHED: ${run.settled.behind} cards still behind)` : ''),
  );

  console.log(`\n${row(['Slack method', 'calls', 'per action', '429s', '429 %'], 32)}`);
  for (const method of methodRows(records.calls)) {
    const share = (100 * method.limited) / method.calls;
    console.log(
      row([method.method, method.calls, fmt(method.calls / Math.max(actions, 1), 2), method.limited, fmt(share)], 32),
    );
  }

  const app = spread(requests.map((request) => request.appMs));
  const bare = spread(requests.map((request) => request.bareMs));
  const notAcked = requests.filter((request) => request.status !== 200);
  console.log(`\n${row(['ack (ms)', 'p50', 'p99', 'max', 'over 3 s'], 32)}`);
  console.log(
    row(
      [
        'Threadmodel',
        fmt(app?.p50, 1),
        fmt(app?.p99, 1),
        fmt(app?.max, 1),
        requests.filter((r) => r.appMs > 3000).length,
      ],
      32,
    ),
  );
  console.log(row(['bare Bolt, same requests', fmt(bare?.p50, 1), fmt(bare?.p99, 1), fmt(bare?.max, 1), '-'], 32));
  const ratio = app && bare ? app.p99 / bare.p99 : Number.NaN;
  console.log(row(['Threadmodel / bare', fmt(app && bare && app.p50 / bare.p50, 2), fmt(ratio, 2), '', ''], 32));
  if (notAcked.length > 0) console.log(`    not a 200 ack: ${counted(notAcked.map((r) => `HTTP ${r.status}`))}`);

  const outcomes = modalOutcomes(report.modalClicks, records.calls);
  const clickToModal = spread(clickToModalMs(outcomes));
  const opened = outcomes.filter((outcome) => outcome.kind === 'opened').length;
  const failed = outcomes.flatMap((outcome) => (outcome.kind === 'failed' ? [outcome.reason] : []));
  const answered = outcomes.flatMap((outcome) => (outcome.kind === 'answered' ? [`"${outcome.text}"`] : []));
  console.log(
    `\nClick-to-modal (trigger issued to views.open received): ${clickToModal?.count ?? 0} clicks for a modal; ` +
      `p50 ${fmt(clickToModal?.p50)} ms, p99 ${fmt(clickToModal?.p99)} ms, max ${fmt(clickToModal?.max)} ms`,
  );
  console.log(
    `    opened ${opened}; failed modal opens ${failed.length}${failed.length > 0 ? ` (${counted(failed)})` : ''}`,
  );
  if (answered.length > 0) console.log(`    answered with a message, no modal tried: ${counted(answered)}`);
  console.log(`    forms reached from the form before ("After saving": no views.open, no trigger): ${report.wentOn}`);

  const stale = stalenessOf(run);
  console.log(
    `\nCard staleness (a stored change to the card showing it): ${stale.spread?.count ?? 0} changes shown on cards; ` +
      `p50 ${secs(stale.spread?.p50)}, p99 ${secs(stale.spread?.p99)}, max ${secs(stale.spread?.max)}` +
      (stale.never > 0 ? `; ${stale.never} never shown` : ''),
  );
  console.log(`    card versions matching a stored model version: ${stale.matched} of ${stale.shown}`);

  const updates = perMinute(records.calls, 'chat.update', report.startedAt, report.endedAt);
  console.log(
    `chat.update per minute (the workspace, during the load): ${fmt(updates.sent, 1)} sent, ${fmt(updates.accepted, 1)} accepted`,
  );
  const limited = records.calls.filter((call) => call.status === 429 && INTERACTIVE_METHODS.includes(call.method));
  console.log(
    `Interactive calls rate-limited: ${limited.length}${limited.length > 0 ? ` (${counted(limited.map((call) => call.method))})` : ''}`,
  );
  const models = records.cards.flatMap((card) => run.versions.latest(card.modelId) ?? []);
  const steps = models.map((model) => `${Object.keys(model.completedSteps).length} of 4`);
  console.log(`Steps finished per model by the end: ${counted(steps.sort())}`);
  const hitches = Object.entries(report.hitches);
  if (hitches.length > 0)
    console.log(`People held up: ${hitches.map(([what, count]) => `${what} ${count}`).join('; ')}`);

  const measured: Measured = {
    teams,
    interactiveLimited: limited.length,
    failedOpens: failed.length,
    clickToModalP99: clickToModal?.p99,
    ackP99: app?.p99 ?? Number.NaN,
    bareAckP99: bare?.p99 ?? Number.NaN,
    chatUpdatesPerMinute: updates.sent,
    stalenessP99: stale.spread?.p99,
  };
  const heading =
    teams === 30
      ? 'Targets (K = 30)'
      : teams === 1
        ? "Targets (K = 1: staleness; the rest are K = 30's, for reference)"
        : `Targets (K = 30's, for reference at K = ${teams})`;
  console.log(`\n${heading}`);
  for (const target of targets(measured)) console.log(`    ${target.pass ? 'PASS' : 'FAIL'}  ${target.label}`);
}

async function main(): Promise<void> {
  const counts = teamCounts();
  const redisServer = await startRedisServer();
  try {
    console.log(
      `Slack rate-limit benchmark: K = ${counts.join(', ')} teams of ${PEOPLE}, each acting about every ` +
        `${PERIOD_MS} ms, for ${SECONDS} s per K; Slack's tier floors enforced by the stand-in; Node ${process.version}`,
    );
    for (const teams of counts) printRun(await benchTeams(teams, redisServer.url));
    console.log(
      '\nHow to read it: calls and 429s are everything the stand-in received from the first action to the end of' +
        ' settling; "per action" divides by the user actions (requests people sent). Acks are timed by the people,' +
        ' the app and the bare Bolt app getting each request at the same moment. Click-to-modal, card versions and' +
        ` calls are the stand-in's records and clock; interactive methods: ${INTERACTIVE_METHODS.join(', ')}.`,
    );
  } finally {
    await redisServer.destroy();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
