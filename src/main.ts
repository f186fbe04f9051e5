import { catalogStats } from './catalog/catalog-queries';
import { loadCatalog } from './catalog/load-catalog';
import { loadConfig } from './config';
import { toAppError } from './errors';
import { loadFlow } from './flows/load-flow';
import { SHIPPED_CATALOG_DIR, SHIPPED_FLOW_FILE } from './paths';
import { connectRedis, redactRedisUrl } from './store/redis-connection';
import { RedisKeys } from './store/redis-keys';
import { RedisModelStore } from './store/redis-model-store';

/**
 * Composition root: the only place that reads the environment. It loads configuration, the
 * flow and the catalog, each validated so that a mistake stops start-up with a precise message,
 * then connects the draft store when Redis is configured. The Slack app and the queues are wired
 * here as they arrive.
 */
export async function start(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const config = loadConfig(env, { cwd: process.cwd(), flowFile: SHIPPED_FLOW_FILE });
  const log = (line: string) => {
    if (config.logLevel !== 'silent') console.log(`Threadmodel: ${line}`);
  };
  const flow = loadFlow(config.flowFile);
  const catalog = loadCatalog([SHIPPED_CATALOG_DIR, ...config.extraCatalogDirs]);
  const stats = catalogStats(catalog);
  log(
    `flow "${flow.name}" and catalog (${stats.threats} threats, ${stats.controls} controls, ` +
      `${stats.componentTypes} component types) loaded and valid.`,
  );

  if (!config.redis.url) {
    log('REDIS_URL is not set, so the draft store is not connected.');
  } else {
    const redis = await connectRedis(config.redis.url);
    try {
      const store = new RedisModelStore({ redis, keys: new RedisKeys(config.redis.keyPrefix) });
      const archived = await store.archiveIdleDrafts(config.draftRetentionDays);
      log(
        `draft store connected at ${redactRedisUrl(config.redis.url)}; ${archived.length} draft(s) idle for ` +
          `${config.draftRetentionDays} days archived.`,
      );
    } finally {
      await redis.quit();
    }
  }
  log('the Slack app is not part of this build yet; nothing more to start.');
}

if (require.main === module) {
  start().catch((error: unknown) => {
    console.error(toAppError(error).message);
    process.exitCode = 1;
  });
}
