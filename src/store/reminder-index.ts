import type { ReminderKind } from '../ports/job-payloads';
import type { ModelRef } from '../ports/model-store';
import type { ReminderIndex } from '../ports/reminder-index';
import type { RedisClient } from './redis-connection';
import type { RedisKeys } from './redis-keys';

/** The pending reminder job ids of a model in one small hash beside it, a field per kind (see `redis-keys.ts`). */
export class RedisReminderIndex implements ReminderIndex {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: RedisKeys,
  ) {}

  async jobId(ref: ModelRef, kind: ReminderKind): Promise<string | undefined> {
    return (await this.redis.hget(this.keys.reminders(ref.workspaceId, ref.modelId), kind)) ?? undefined;
  }

  async record(ref: ModelRef, kind: ReminderKind, jobId: string): Promise<void> {
    await this.redis.hset(this.keys.reminders(ref.workspaceId, ref.modelId), kind, jobId);
  }

  async forget(ref: ModelRef, kind: ReminderKind): Promise<void> {
    await this.redis.hdel(this.keys.reminders(ref.workspaceId, ref.modelId), kind);
  }
}
