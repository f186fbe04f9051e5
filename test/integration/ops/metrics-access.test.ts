import { type SlackStandIn, startSlackStandIn } from '../../../dev/stand-in/stand-in-server';
import { type Running, start } from '../../../src/app/start';
import { METRIC_NAMES } from '../../../src/ops/app-metrics';
import { sampleValue, scrape } from '../../support/prometheus-text';
import { testRedis, uniquePrefix } from '../../support/redis-server';
import { SIGNING_SECRET } from '../../support/slack-app-fixture';

const TOKEN = 'metrics-token-for-this-test-0123456789';

/** Who may read GET /metrics of a web process started from its environment, as production starts it. */
describe('access to /metrics', () => {
  let redis: { url: string; close: () => Promise<void> };
  let standIn: SlackStandIn;
  let running: Running | undefined;
  beforeAll(async () => {
    redis = await testRedis();
    standIn = await startSlackStandIn();
  });
  afterEach(async () => {
    await running?.stop();
    running = undefined;
  });
  afterAll(async () => {
    await standIn.close();
    await redis.close();
  });

  const startWeb = async (env: Record<string, string>) => {
    running = await start({
      LOG_LEVEL: 'silent',
      SLACK_BOT_TOKEN: standIn.token,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: standIn.apiUrl,
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: uniquePrefix(),
      RUN_WORKERS: 'false',
      PORT: '0',
      ...env,
    });
    return running;
  };
  const status = async (port: number, headers: Record<string, string> = {}) =>
    (await fetch(`http://127.0.0.1:${port}/metrics`, { headers })).status;

  it('on a developer machine, is open on the app port', async () => {
    const { port } = await startWeb({});
    expect(sampleValue(await scrape(port), 'process_start_time_seconds')).toBeGreaterThan(0);
  });

  it('with METRICS_TOKEN, answers only the bearer of the token (401 otherwise)', async () => {
    const { port } = await startWeb({ NODE_ENV: 'production', METRICS_TOKEN: TOKEN });
    expect(await status(port)).toBe(401);
    expect(await status(port, { authorization: `Bearer ${TOKEN}x` })).toBe(401);
    expect(await status(port, { authorization: TOKEN })).toBe(401);
    const samples = await scrape(port, TOKEN);
    expect(sampleValue(samples, METRIC_NAMES.jobs, { queue: 'reviews', state: 'waiting' })).toBe(0);
  });

  it('in production without a token or a port of its own, is refused (fail closed) while health still answers', async () => {
    const { port } = await startWeb({ NODE_ENV: 'production' });
    const response = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: 'metrics_disabled', hint: 'set METRICS_TOKEN or METRICS_PORT' });
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
  });

  it('with METRICS_PORT, is served there alone and no longer beside /slack/events', async () => {
    const { port, metricsPort } = await startWeb({ NODE_ENV: 'production', METRICS_PORT: '0' });
    if (metricsPort === undefined) throw new Error('no metrics port');
    expect(await status(port)).toBe(404);
    expect(sampleValue(await scrape(metricsPort), 'process_start_time_seconds')).toBeGreaterThan(0);
    expect((await fetch(`http://127.0.0.1:${metricsPort}/healthz`)).status).toBe(404);
  });
});
