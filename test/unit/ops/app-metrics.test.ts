import { register as globalRegistry, Registry } from 'prom-client';
import { createAppMetrics, METRIC_NAMES } from '../../../src/ops/app-metrics';
import { parsePrometheusText, sampleValue } from '../../support/prometheus-text';

const samplesOf = async (registry: Registry) => parsePrometheusText(await registry.metrics());

describe("a process's metrics", () => {
  it('live on the registry they are given: two processes in one test run never share a count, and the global registry stays empty', async () => {
    const one = createAppMetrics(new Registry());
    const two = createAppMetrics(new Registry());

    one.acked('command', 0.02);
    one.acked('command', 0.3);
    two.acked('action', 0.01);

    const first = await samplesOf(one.registry);
    expect(sampleValue(first, `${METRIC_NAMES.ackSeconds}_count`, { kind: 'command' })).toBe(2);
    expect(sampleValue(first, `${METRIC_NAMES.ackSeconds}_bucket`, { kind: 'command', le: '0.025' })).toBe(1);
    expect(sampleValue(first, `${METRIC_NAMES.ackSeconds}_count`, { kind: 'action' })).toBeUndefined();
    expect(sampleValue(await samplesOf(two.registry), `${METRIC_NAMES.ackSeconds}_count`, { kind: 'action' })).toBe(1);
    expect(globalRegistry.getMetricsAsArray()).toEqual([]);
  });

  it('labels only names of the app: an odd method or job name becomes "other", a queue loses its hash-tag braces', async () => {
    const metrics = createAppMetrics(new Registry());
    metrics.slackCall('jobs', 'chat.postMessage', 'ok');
    metrics.slackCall('jobs', 'chat.postMessage?token=xoxb-1', 'error');
    metrics.jobRan('{reviews}', 'review.request', 'completed', 0.5);
    metrics.jobRan('{reviews}', 'Alice said "hi"', 'failed', 0.1);

    const samples = await samplesOf(metrics.registry);
    const calls = samples.filter((sample) => sample.name === METRIC_NAMES.slackCalls);
    expect(calls.map((sample) => sample.labels)).toEqual([
      { lane: 'jobs', method: 'chat.postMessage', outcome: 'ok' },
      { lane: 'jobs', method: 'other', outcome: 'error' },
    ]);
    const runs = samples.filter((sample) => sample.name === `${METRIC_NAMES.jobSeconds}_count`);
    expect(runs.map((sample) => sample.labels)).toEqual([
      { queue: 'reviews', job: 'review.request', outcome: 'completed' },
      { queue: 'reviews', job: 'other', outcome: 'failed' },
    ]);
  });

  it('counts jobs per queue and state when scraped, and leaves out a queue whose Redis does not answer', async () => {
    const metrics = createAppMetrics(new Registry());
    let waiting = 3;
    metrics.countJobsOf([
      { name: '{reminders}', getJobCounts: async () => ({ waiting, delayed: 7 }) },
      { name: '{exports}', getJobCounts: () => Promise.reject(new Error('Connection is closed.')) },
    ]);

    const first = await samplesOf(metrics.registry);
    expect(sampleValue(first, METRIC_NAMES.jobs, { queue: 'reminders', state: 'waiting' })).toBe(3);
    expect(sampleValue(first, METRIC_NAMES.jobs, { queue: 'reminders', state: 'delayed' })).toBe(7);
    expect(sampleValue(first, METRIC_NAMES.jobs, { queue: 'reminders', state: 'failed' })).toBe(0);
    expect(sampleValue(first, METRIC_NAMES.jobs, { queue: 'exports' })).toBeUndefined();
    waiting = 0;
    expect(
      sampleValue(await samplesOf(metrics.registry), METRIC_NAMES.jobs, { queue: 'reminders', state: 'waiting' }),
    ).toBe(0);
  });
});
