import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { SlackDriver } from '../../dev/stand-in/slack-driver';
import { type SlackStandIn, startSlackStandIn } from '../../dev/stand-in/stand-in-server';
import { USERS } from '../../dev/stand-in/workspace';
import { start } from '../../src/app/start';
import { ConfigError, StoreUnavailableError } from '../../src/errors';
import { BullReviewJobs } from '../../src/jobs/bullmq-review-jobs';
import { QUEUES } from '../../src/ports/job-payloads';
import { RedisKeys } from '../../src/store/redis-keys';
import { RedisModelStore } from '../../src/store/redis-model-store';
import { RedisReminderIndex } from '../../src/store/reminder-index';
import { ALICE } from '../support/build-model';
import { eventually } from '../support/eventually';
import { seedModelInReview } from '../support/models-in-review';
import { testRedis, uniquePrefix } from '../support/redis-server';
import { SIGNING_SECRET } from '../support/slack-app-fixture';
import { tempDir } from '../support/temp-dir';

/** Process ids of redis-server processes working in this folder (Linux /proc: redis chdirs to its --dir). */
function redisServersUsing(folder: string): string[] {
  return readdirSync('/proc').filter((pid) => {
    if (!/^\d+$/.test(pid)) return false;
    try {
      return (
        readFileSync(`/proc/${pid}/cmdline`, 'utf8').startsWith('redis-server') &&
        readlinkSync(`/proc/${pid}/cwd`).startsWith(folder)
      );
    } catch {
      return false;
    }
  });
}

describe('start-up', () => {
  let redis: { url: string; close: () => Promise<void> };
  let standIn: SlackStandIn;
  const slackEnv = () => ({
    LOG_LEVEL: 'silent',
    SLACK_BOT_TOKEN: standIn.token,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: standIn.apiUrl,
    PORT: '0',
  });
  beforeAll(async () => {
    redis = await testRedis();
    standIn = await startSlackStandIn();
  });
  afterAll(async () => {
    await standIn.close();
    await redis.close();
  });

  it('starts the Slack app on its port with health routes, archives idle drafts, and stops cleanly', async () => {
    const prefix = uniquePrefix();
    const client = new Redis(redis.url);
    try {
      const past = new RedisModelStore({
        redis: client,
        keys: new RedisKeys(prefix),
        clock: () => new Date('2020-01-01T00:00:00Z'),
      });
      const old = await past.create(
        { title: 'Forgotten', workspaceId: 'T0WORKSPC', channelId: 'C0PAYMENT', ownerId: ALICE },
        ALICE,
      );
      const running = await start({
        ...slackEnv(),
        REDIS_URL: redis.url,
        REDIS_KEY_PREFIX: prefix,
        DRAFT_RETENTION_DAYS: '30',
      });
      try {
        // The retention sweep's job scheduler runs its first sweep at once.
        await eventually(
          'the idle draft to be archived',
          async () => (await past.require({ workspaceId: 'T0WORKSPC', modelId: old.id })).status === 'archived',
        );
        expect((await fetch(`http://127.0.0.1:${running.port}/healthz`)).status).toBe(200);
        expect((await fetch(`http://127.0.0.1:${running.port}/readyz`)).status).toBe(200);
        const driver = new SlackDriver({
          appUrl: `http://127.0.0.1:${running.port}/slack/events`,
          signingSecret: SIGNING_SECRET,
          standIn,
        });
        expect((await driver.command(ALICE, 'C0PAYMENT', 'help')).json).toMatchObject({ response_type: 'ephemeral' });
      } finally {
        await running.stop();
      }
      await expect(fetch(`http://127.0.0.1:${running.port}/healthz`)).rejects.toThrow();
    } finally {
      await client.quit();
    }
  });

  it('without REDIS_URL runs a private redis-server with its data under .threadmodel/, stopped on exit', async () => {
    const folder = tempDir();
    try {
      const running = await start(slackEnv(), folder.dir);
      try {
        expect((await fetch(`http://127.0.0.1:${running.port}/readyz`)).status).toBe(200);
        expect(redisServersUsing(folder.dir)).toHaveLength(1);
      } finally {
        await running.stop();
      }
      expect(existsSync(path.join(folder.dir, '.threadmodel', 'redis', 'appendonlydir'))).toBe(true);
      expect(redisServersUsing(folder.dir)).toEqual([]);
    } finally {
      folder.cleanup();
    }
  });

  it('a bot token Slack refuses stops start-up with a clear reason, and the private Redis with it', async () => {
    const folder = tempDir();
    try {
      await expect(start({ ...slackEnv(), SLACK_BOT_TOKEN: 'xoxb-not-the-right-one' }, folder.dir)).rejects.toThrow(
        'Slack refused SLACK_BOT_TOKEN (invalid_auth). Copy the bot token again from the app\'s "OAuth & Permissions" page.',
      );
      expect(existsSync(path.join(folder.dir, '.threadmodel', 'redis'))).toBe(true); // it was started ...
      expect(redisServersUsing(folder.dir)).toEqual([]); // ... and stopped again
    } finally {
      folder.cleanup();
    }
  });

  it('without Slack credentials, names what to set and where to get it (the product has no playground)', async () => {
    await expect(start({ LOG_LEVEL: 'silent' })).rejects.toThrow(
      /SLACK_BOT_TOKEN: is missing[\s\S]*manifest\.json[\s\S]*SLACK_SIGNING_SECRET: is missing/,
    );
  });

  describe('in production (NODE_ENV=production)', () => {
    it('without REDIS_URL stops start-up saying what to set, and starts no redis-server of its own', async () => {
      const folder = tempDir();
      try {
        const starting = start({ ...slackEnv(), NODE_ENV: 'production' }, folder.dir);
        await expect(starting).rejects.toThrow(ConfigError);
        await expect(starting).rejects.toThrow(
          /REDIS_URL: is missing \(and so are REDIS_CLUSTER_NODES and REDIS_SENTINELS\); expected a redis:\/\/ or rediss:\/\/ URL.*NODE_ENV=production no private redis-server/,
        );
        expect(existsSync(path.join(folder.dir, '.threadmodel'))).toBe(false);
      } finally {
        folder.cleanup();
      }
    });

    it('without Slack credentials opens no playground: it names every variable to set at once', async () => {
      await expect(start({ LOG_LEVEL: 'silent', NODE_ENV: 'production' })).rejects.toThrow(
        /\(3 problems\)[\s\S]*SLACK_BOT_TOKEN: is missing[\s\S]*SLACK_SIGNING_SECRET: is missing[\s\S]*REDIS_URL: is missing/,
      );
    });
  });

  it('stops with a clear error when Redis cannot be reached', async () => {
    await expect(start({ ...slackEnv(), REDIS_URL: 'redis://127.0.0.1:1' })).rejects.toThrow(StoreUnavailableError);
  });

  describe('as a worker process (npm run worker)', () => {
    it('runs the jobs with only the bot token and REDIS_URL, and stops cleanly', async () => {
      const prefix = uniquePrefix();
      const client = new Redis(redis.url);
      const keys = new RedisKeys(prefix);
      const store = new RedisModelStore({ redis: client, keys });
      const running = await start(
        {
          LOG_LEVEL: 'silent',
          SLACK_BOT_TOKEN: standIn.token,
          SLACK_API_URL: standIn.apiUrl,
          REDIS_URL: redis.url,
          REDIS_KEY_PREFIX: prefix,
          APPSEC_CHANNEL_ID: 'C0APPSEC0',
          PORT: '0',
        },
        process.cwd(),
        'worker',
      );
      const producer = new Queue(QUEUES.reminders, { connection: client, prefix: keys.jobsPrefix() });
      try {
        const { nudge } = await seedModelInReview(store, USERS.APPSEC1.id);
        await new BullReviewJobs(
          { reviews: producer, reminders: producer },
          new RedisReminderIndex(client, keys),
          () => new Date(),
        ).scheduleReviewNudge(nudge, new Date());
        await eventually('the worker to send the nudge', () => standIn.messages('D0SEC0001').length > 0, 15_000);
      } finally {
        await running.stop();
        await producer.close();
        await client.quit();
      }
    });

    it('refuses to start without REDIS_URL: it must share the web process Redis', async () => {
      await expect(
        start({ LOG_LEVEL: 'silent', SLACK_BOT_TOKEN: standIn.token }, process.cwd(), 'worker'),
      ).rejects.toThrow(
        /REDIS_URL: is missing \(and so are REDIS_CLUSTER_NODES and REDIS_SENTINELS\); expected the Redis the web process uses/,
      );
    });
  });

  it('stops with every configuration problem listed', async () => {
    await expect(start({ LOG_LEVEL: 'loud', DRAFT_RETENTION_DAYS: 'never' })).rejects.toThrow(
      /Configuration is invalid \(2 problems\)/,
    );
  });
});
