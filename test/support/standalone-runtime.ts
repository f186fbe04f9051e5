import { BOT, CHANNELS } from '../../dev/stand-in/workspace';
import { compose } from '../../src/app/compose';
import type { ComposedApp, ComposeOptions } from '../../src/app/compose-options';
import { loadFlowAndCatalog } from '../../src/app/load-data';
import { testConfig } from './test-config';

/**
 * The app without its Slack app (queues and, with `workers.run`, their workers), composed as a
 * worker process is, on the shipped flow and catalog, calling the stand-in at `apiUrl`; AppSec is
 * the AppSec channel. For job tests. Jobs call Slack without retries inside the call.
 */
export function startStandaloneRuntime(options: {
  /** One Redis server's URL, or the environment naming the Redis (REDIS_CLUSTER_NODES, REDIS_SENTINELS, ...). */
  redisUrl: string | Record<string, string>;
  keyPrefix: string;
  apiUrl: string | undefined;
  workers: NonNullable<ComposeOptions['workers']>;
}): Promise<ComposedApp> {
  const redisEnv = typeof options.redisUrl === 'string' ? { REDIS_URL: options.redisUrl } : options.redisUrl;
  const config = testConfig({ ...redisEnv, REDIS_KEY_PREFIX: options.keyPrefix });
  return compose({
    config,
    ...loadFlowAndCatalog(config),
    serveSlack: false,
    credentials: { botToken: BOT.token, apiUrl: options.apiUrl },
    appsec: { channelId: CHANNELS.APPSEC.id, usergroupId: undefined },
    retry: { jobs: { retries: 0 } },
    workers: options.workers,
  });
}
