/**
 * Every model version the app stores during `npm run bench:slack`, seen from outside the app:
 * Redis keyspace notifications on the models' hashes, each answered by reading the model back
 * on a connection of its own.
 * A version is known by its `updatedAt` (the store stamps it as it writes). Two writes closer
 * together than one read may show as the later one only; that one supersedes the other anyway.
 */
import { Redis } from 'ioredis';
import type { ThreatModel } from '../src/domain/model';
import type { RedisKeys } from '../src/store/redis-keys';
import { RedisModelStore } from '../src/store/redis-model-store';

export interface ModelVersions {
  /** The versions seen of each model, oldest first. */
  byModel(): Map<string, ThreatModel[]>;
  /** The newest version seen of a model. */
  latest(modelId: string): ThreatModel | undefined;
  stop(): Promise<void>;
}

export async function watchModelVersions(
  redisUrl: string,
  deps: { keys: RedisKeys; workspaceId: string },
): Promise<ModelVersions> {
  const subscriber = new Redis(redisUrl);
  // Its own connection: the reads must not queue behind the app's commands, nor the app's behind them.
  const reader = new Redis(redisUrl);
  const store = new RedisModelStore({ redis: reader, keys: deps.keys });
  await subscriber.config('SET', 'notify-keyspace-events', 'Kh');
  const keyOf = (modelId: string) => deps.keys.model(deps.workspaceId, modelId);
  const channelPrefix = `__keyspace@0__:${keyOf('')}`;
  const seen = new Map<string, ThreatModel[]>();
  const pending = new Set<Promise<void>>();
  const read = async (modelId: string) => {
    const model = await store.get({ workspaceId: deps.workspaceId, modelId });
    const versions = seen.get(modelId) ?? [];
    if (!model || versions.some((known) => known.version === model.version)) return;
    seen.set(
      modelId,
      [...versions, model].sort((a, b) => a.version - b.version),
    );
  };
  subscriber.on('pmessage', (_pattern: string, channel: string) => {
    const reading = read(channel.slice(channelPrefix.length)).catch(() => undefined);
    pending.add(reading);
    void reading.finally(() => pending.delete(reading));
  });
  await subscriber.psubscribe(`${channelPrefix}*`);
  return {
    byModel: () => seen,
    latest: (modelId) => seen.get(modelId)?.at(-1),
    async stop() {
      await Promise.all(pending);
      await Promise.all([subscriber.quit(), reader.quit()]);
    },
  };
}
