import { type MessageRefStore, type MessageRefs, REFRESHED_MESSAGES } from '../ports/message-refs';
import type { ModelRef } from '../ports/model-store';
import type { RedisClient } from './redis-connection';
import type { RedisKeys } from './redis-keys';

/** Hash fields of the content hashes: `sent.card`, `sent.threatSummary`, ... */
const SENT = 'sent.';

/** The message refs of a model in one Redis hash beside it (see `redis-keys.ts`). */
export class RedisMessageRefStore implements MessageRefStore {
  constructor(
    private readonly redis: RedisClient,
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
      ...(hash.reviewVersion && { reviewVersion: Number(hash.reviewVersion) }),
      ...(hash.threadLink && { threadLink: hash.threadLink }),
      sent: Object.fromEntries(
        REFRESHED_MESSAGES.flatMap((message) => {
          const sent = hash[`${SENT}${message}`];
          return sent ? [[message, sent]] : [];
        }),
      ),
    };
  }

  async set(ref: ModelRef, refs: MessageRefs): Promise<void> {
    const { sent = {}, ...plain } = refs;
    const entries = [
      ...Object.entries(plain),
      ...Object.entries(sent).map(([message, hash]) => [`${SENT}${message}`, hash] as const),
    ].filter(([, value]) => value !== undefined);
    if (entries.length === 0) return;
    await this.redis.hset(
      this.keys.messages(ref.workspaceId, ref.modelId),
      Object.fromEntries(entries.map(([k, v]) => [k, String(v)])),
    );
  }
}
