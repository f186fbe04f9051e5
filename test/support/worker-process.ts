/**
 * A worker process of its own, as `npm run worker` runs in production, for tests that kill one:
 * the review and reminder workers against the Redis the REDIS_* variables name (REDIS_URL, or
 * REDIS_CLUSTER_NODES, REDIS_SENTINELS, REDIS_WAIT_REPLICAS, ...) with KEY_PREFIX, calling the
 * Slack stand-in at SLACK_API_URL. Short locks, so a killed worker's job runs again within about a
 * second. Prints "ready" once it takes jobs. Start it with startWorkerProcess (worker-processes.ts).
 */
import { startStandaloneRuntime } from './standalone-runtime';

async function main(): Promise<void> {
  await startStandaloneRuntime({
    redisUrl: Object.fromEntries(
      Object.entries(process.env).flatMap(([name, value]) =>
        name.startsWith('REDIS_') && name !== 'REDIS_KEY_PREFIX' && value !== undefined ? [[name, value]] : [],
      ),
    ),
    keyPrefix: process.env.KEY_PREFIX ?? 'test:',
    apiUrl: process.env.SLACK_API_URL,
    workers: { run: true, concurrency: 2, lockDurationMs: 1000, stalledIntervalMs: 500 },
  });
  process.stdout.write('ready\n');
}

void main();
