/**
 * A worker process of its own, as `npm run worker` runs in production, for tests that kill one:
 * the review and reminder workers against REDIS_URL with KEY_PREFIX, calling the Slack stand-in at
 * SLACK_API_URL. Short locks, so a killed worker's job runs again within about a second. Prints
 * "ready" once it takes jobs.
 */
import { Redis } from 'ioredis';
import { loadCatalog } from '../../src/catalog/load-catalog';
import { loadFlow } from '../../src/flows/load-flow';
import { startReviewRuntime } from '../../src/jobs/review-runtime';
import { createLogger } from '../../src/logger';
import { SHIPPED_CATALOG_DIR, SHIPPED_FLOW_FILE } from '../../src/paths';
import { MessageRefStore } from '../../src/store/message-refs';
import { RedisKeys } from '../../src/store/redis-keys';
import { RedisModelStore } from '../../src/store/redis-model-store';
import { BOT, CHANNELS } from './slack/workspace';

async function main(): Promise<void> {
  const redisUrl = process.env.REDIS_URL ?? '';
  const redis = new Redis(redisUrl);
  const keys = new RedisKeys(process.env.KEY_PREFIX ?? 'test:');
  const store = new RedisModelStore({ redis, keys });
  await startReviewRuntime({
    redisUrl,
    redis,
    keys,
    store,
    messageRefs: new MessageRefStore(redis, keys),
    flow: loadFlow(SHIPPED_FLOW_FILE),
    catalog: loadCatalog([SHIPPED_CATALOG_DIR]),
    clock: () => new Date(),
    logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'),
    slack: { botToken: BOT.token, apiUrl: process.env.SLACK_API_URL },
    appsec: { channelId: CHANNELS.APPSEC.id, usergroupId: undefined },
    settings: { slaWorkingDays: 3, holidays: [] },
    workers: { run: true, concurrency: 2, lockDurationMs: 1000, stalledIntervalMs: 500 },
  });
  process.stdout.write('ready\n');
}

void main();
