import type { Redis } from 'ioredis';
import type { MessageRefStore, MessageRefs } from '../ports/message-refs';
import type { ModelRef } from '../ports/model-store';
import type { RedisKeys } from './redis-keys';

/** The message refs of a model in one Redis hash beside it (see `redis-keys.ts`). */
export class RedisMessageRefStore implements MessageRefStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
  ) {}

  async get(ref: ModelRef): Promise<MessageRefs> {
    const hash = await this.redis.hgetall(this.keys.messages(ref.workspaceId, ref.modelId));
    return {
      ...(hash.card && { card: hash.card }),
      ...(hash.roles && { roles: hash.roles }),
      ...(hash.scopeSummary && { scopeSummary: hash.scopeSummary }),
      ...(hash.scopePage && { scopePage: Number(hash.scopePage) }),
      ...(hash.threatSummary && { threatSummary: hash.threatSummary }),
      ...(hash.threatPage && { threatPage: Number(hash.threatPage) }),
      ...(hash.riskSummary && { riskSummary: hash.riskSummary }),
      ...(hash.mitigationSummary && { mitigationSummary: hash.mitigationSummary }),
      ...(hash.mitigationPage && { mitigationPage: Number(hash.mitigationPage) }),
      ...(hash.reviewCard && { reviewCard: hash.reviewCard }),
      ...(hash.reviewChannel && { reviewChannel: hash.reviewChannel }),
      ...(hash.threadLink && { threadLink: hash.threadLink }),
    };
  }

  async set(ref: ModelRef, refs: MessageRefs): Promise<void> {
    const entries = Object.entries(refs).filter(([, value]) => value !== undefined);
    if (entries.length === 0) return;
    await this.redis.hset(
      this.keys.messages(ref.workspaceId, ref.modelId),
      Object.fromEntries(entries.map(([k, v]) => [k, String(v)])),
    );
  }
}
