import { Redis } from 'ioredis';
import { BOT } from '../../../dev/stand-in/workspace';
import { compose } from '../../../src/app/compose';
import type { ComposedApp } from '../../../src/app/compose-options';
import { loadFlowAndCatalog } from '../../../src/app/load-data';
import { RETENTION_SWEEP } from '../../../src/jobs/retention-sweep';
import { RedisKeys } from '../../../src/store/redis-keys';
import { RedisModelStore } from '../../../src/store/redis-model-store';
import { ALICE } from '../../support/build-model';
import { eventually } from '../../support/eventually';
import { testRedis, uniquePrefix } from '../../support/redis-server';
import { testConfig } from '../../support/test-config';

const WS = 'T0WORKSPC';
const DAY_MS = 24 * 60 * 60 * 1000;

describe('the retention sweep', () => {
  let redis: { url: string; close: () => Promise<void> };
  let client: Redis;
  const running: ComposedApp[] = [];

  beforeAll(async () => {
    redis = await testRedis();
    client = new Redis(redis.url);
  });
  afterEach(async () => {
    for (const app of running.splice(0)) await app.stop();
  });
  afterAll(async () => {
    await client.quit();
    await redis.close();
  });

  /** A process of the deployment on `prefix`: Slack is not served (the sweep does not need it). */
  async function processOn(prefix: string, runWorkers: boolean): Promise<ComposedApp> {
    const config = testConfig({ REDIS_URL: redis.url, REDIS_KEY_PREFIX: prefix, DRAFT_RETENTION_DAYS: '30' });
    const app = await compose({
      config,
      ...loadFlowAndCatalog(config),
      serveSlack: false,
      credentials: { botToken: BOT.token, apiUrl: 'http://127.0.0.1:9/api/' },
      workers: { run: runWorkers, concurrency: 1 },
    });
    running.push(app);
    return app;
  }

  it('is one job scheduler per deployment, however many processes start, and its job archives idle drafts', async () => {
    const prefix = uniquePrefix();
    const keys = new RedisKeys(prefix);
    const past = new RedisModelStore({ redis: client, keys, clock: () => new Date(Date.now() - 40 * DAY_MS) });
    const now = new RedisModelStore({ redis: client, keys });
    const forgotten = await past.create(
      { title: 'Forgotten', workspaceId: WS, channelId: 'C0PAYMENT', ownerId: ALICE },
      ALICE,
    );
    const fresh = await now.create({ title: 'Fresh', workspaceId: WS, channelId: 'C0PAYMENT', ownerId: ALICE }, ALICE);

    // Two processes on one Redis: a web process that leaves the jobs to others, and a worker.
    const web = await processOn(prefix, false);
    await processOn(prefix, true);

    await eventually(
      'the idle draft to be archived',
      async () => (await now.require({ workspaceId: WS, modelId: forgotten.id })).status === 'archived',
    );
    expect((await now.require({ workspaceId: WS, modelId: fresh.id })).status).toBe('draft');
    const schedulers = await web.maintenance.getJobSchedulers();
    expect(schedulers).toHaveLength(1);
    expect(schedulers[0]).toMatchObject({ key: RETENTION_SWEEP.scheduler, every: DAY_MS });
    // It ran once, and its next run waits for tomorrow.
    await eventually('the sweep to complete', async () => (await web.maintenance.getCompletedCount()) === 1);
    const [next, ...more] = await web.maintenance.getDelayed();
    expect(more).toEqual([]);
    const runsAt = (next?.timestamp ?? 0) + (next?.delay ?? 0);
    expect(runsAt).toBeGreaterThan(Date.now() + DAY_MS - 60_000);
  });

  it('a process started later (a deploy, a restart) keeps the one scheduler and does not sweep again at once', async () => {
    const prefix = uniquePrefix();
    const first = await processOn(prefix, true);
    await eventually('the first sweep', async () => (await first.maintenance.getCompletedCount()) === 1);
    await first.stop();

    const second = await processOn(prefix, true);
    await processOn(prefix, false);
    expect(await second.maintenance.getJobSchedulersCount()).toBe(1);
    expect(await second.maintenance.getDelayedCount()).toBe(1);
    expect(await second.maintenance.getJobCounts('waiting', 'active', 'completed')).toEqual({
      waiting: 0,
      active: 0,
      completed: 1,
    });
  });
});
