import type { Redis } from 'ioredis';
import { BOT, CHANNELS } from '../../dev/stand-in/workspace';
import { loadCatalog } from '../../src/catalog/load-catalog';
import { loadFlow } from '../../src/flows/load-flow';
import { type ReviewRuntime, type ReviewRuntimeOptions, startReviewRuntime } from '../../src/jobs/review-runtime';
import { createLogger } from '../../src/logger';
import { SHIPPED_CATALOG_DIR, SHIPPED_FLOW_FILE } from '../../src/paths';
import { RedisMessageRefStore } from '../../src/store/message-refs';
import type { RedisKeys } from '../../src/store/redis-keys';
import { RedisModelStore } from '../../src/store/redis-model-store';

/**
 * The queues and (with `workers`) their workers without the Slack app, on the shipped flow and
 * catalog, calling the stand-in at `apiUrl`; AppSec is the AppSec channel. For job tests.
 */
export function startStandaloneRuntime(options: {
  redisUrl: string;
  redis: Redis;
  keys: RedisKeys;
  apiUrl: string | undefined;
  workers: ReviewRuntimeOptions['workers'];
}): Promise<ReviewRuntime> {
  const { redis, keys } = options;
  return startReviewRuntime({
    redisUrl: options.redisUrl,
    redis,
    keys,
    store: new RedisModelStore({ redis, keys }),
    messageRefs: new RedisMessageRefStore(redis, keys),
    flow: loadFlow(SHIPPED_FLOW_FILE),
    catalog: loadCatalog([SHIPPED_CATALOG_DIR]),
    clock: () => new Date(),
    logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'),
    slack: { botToken: BOT.token, apiUrl: options.apiUrl },
    appsec: { channelId: CHANNELS.APPSEC.id, usergroupId: undefined },
    settings: { slaWorkingDays: 3, holidays: [] },
    workers: options.workers,
  });
}
