import { USERS } from '../../../dev/stand-in/workspace';
import { VersionConflictError } from '../../../src/errors';
import { METRIC_NAMES } from '../../../src/ops/app-metrics';
import { eventually } from '../../support/eventually';
import { sampleValue, scrape } from '../../support/prometheus-text';
import { useSlackApp } from '../../support/slack-app-fixture';
import { CHANNEL, startScopedModel } from '../../support/slack-scenarios';

const { ALICE, BOB } = USERS;

/**
 * GET /metrics of a web process, on the port Slack's signed requests come to: what the app did
 * shows in its own registry (the fixture runs the workers in the same process).
 */
describe('the web process metrics', () => {
  const ctx = useSlackApp();

  it('counts a signed slash command in the ack latency histogram, under kind "command"', async () => {
    const before = await scrape(ctx.port);
    expect(sampleValue(before, `${METRIC_NAMES.ackSeconds}_count`, { kind: 'command' })).toBeUndefined();

    await ctx.driver.command(ALICE.id, CHANNEL, 'help');

    const after = await scrape(ctx.port);
    expect(sampleValue(after, `${METRIC_NAMES.ackSeconds}_count`, { kind: 'command' })).toBe(1);
    expect(sampleValue(after, `${METRIC_NAMES.ackSeconds}_bucket`, { kind: 'command', le: '+Inf' })).toBe(1);
    // Node's default process metrics are on the same registry.
    expect(sampleValue(after, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(sampleValue(after, 'nodejs_eventloop_lag_seconds')).toBeDefined();
  });

  it('counts Web API calls per lane and method, and a 429 from Slack as rate_limited', async () => {
    await startScopedModel(ctx);
    ctx.standIn.failNext('views.open', { status: 429, retryAfter: 7 });

    await ctx.driver.clickButton(BOB.id, 'threat.add', { value: 'TM-1' });
    await ctx.settle();

    const samples = await scrape(ctx.port);
    const calls = (labels: Record<string, string>) => sampleValue(samples, METRIC_NAMES.slackCalls, labels);
    expect(calls({ lane: 'interactive', method: 'views.open', outcome: 'rate_limited' })).toBe(1);
    expect(calls({ lane: 'interactive', method: 'views.open', outcome: 'ok' })).toBeUndefined();
    // The model's card went out on the interactive lane; the step's notices on the background lane.
    expect(calls({ lane: 'interactive', method: 'chat.postMessage', outcome: 'ok' })).toBeGreaterThan(0);
    expect(calls({ lane: 'background', method: 'chat.postMessage', outcome: 'ok' })).toBeGreaterThan(0);
    expect(sampleValue(samples, `${METRIC_NAMES.ackSeconds}_count`, { kind: 'action' })).toBe(2);
  });

  it('counts jobs per queue and state on each scrape, and times each job run', async () => {
    await ctx.driver.command(ALICE.id, CHANNEL, 'start Refunds API');
    await ctx.settle();
    // Starting a model schedules its stalled-draft reminder.
    const scheduled = await scrape(ctx.port);
    expect(sampleValue(scheduled, METRIC_NAMES.jobs, { queue: 'reminders', state: 'delayed' })).toBe(1);
    expect(sampleValue(scheduled, METRIC_NAMES.jobs, { queue: 'reviews', state: 'waiting' })).toBe(0);

    await ctx.runtime.promoteDelayed();

    const ran = await eventually('the reminder job to have run', async () => {
      const samples = await scrape(ctx.port);
      const runs = sampleValue(samples, `${METRIC_NAMES.jobSeconds}_count`, {
        queue: 'reminders',
        job: 'draft.idle',
        outcome: 'completed',
      });
      return runs ? samples : undefined;
    });
    expect(sampleValue(ran, `${METRIC_NAMES.jobSeconds}_count`, { job: 'draft.idle', outcome: 'completed' })).toBe(1);
  });

  it('counts an update refused for a stale version as a store conflict', async () => {
    await ctx.driver.command(ALICE.id, CHANNEL, 'start Refunds API');
    await ctx.settle();
    const ref = { workspaceId: 'T0WORKSPC', modelId: 'TM-1' };

    await expect(
      ctx.store.update(ref, { actor: ALICE.id, action: 'rename', expectedVersion: 0 }, (model) => ({
        ...model,
        title: 'Renamed',
      })),
    ).rejects.toThrow(VersionConflictError);

    const samples = await scrape(ctx.port);
    expect(sampleValue(samples, METRIC_NAMES.storeConflicts, { kind: 'stale' })).toBe(1);
    expect(sampleValue(samples, METRIC_NAMES.storeRetries)).toBe(0);
  });
});

describe('the web process metrics in Socket Mode', () => {
  const ctx = useSlackApp({ mode: 'socket' });

  it('times the ack of an envelope over the WebSocket, and serves /metrics on the health port', async () => {
    await ctx.driver.command(ALICE.id, CHANNEL, 'help');

    const samples = await scrape(ctx.port);
    expect(sampleValue(samples, `${METRIC_NAMES.ackSeconds}_count`, { kind: 'command' })).toBe(1);
    expect(
      sampleValue(samples, METRIC_NAMES.slackCalls, { lane: 'interactive', method: 'auth.test', outcome: 'ok' }),
    ).toBe(1);
  });
});
