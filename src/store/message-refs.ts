import type { Redis } from 'ioredis';
import type { ModelRef } from './model-store';
import type { RedisKeys } from './redis-keys';

/**
 * Where a model's long-lived Slack messages are (the card is the thread's parent; the roles
 * message and the scope summary are replies), so they can be updated in place. Kept beside the
 * model rather than in it: they are facts of the Slack surface, not of the threat model.
 */
export interface MessageRefs {
  card?: string;
  roles?: string;
  scopeSummary?: string;
  /** The page the shared scope summary shows. */
  scopePage?: number;
  threatSummary?: string;
  threatPage?: number;
  riskSummary?: string;
  mitigationSummary?: string;
  mitigationPage?: number;
  /** The review request card in the AppSec channel, and that channel. */
  reviewCard?: string;
  reviewChannel?: string;
  /** The thread's permalink, as Slack gave it. */
  threadLink?: string;
}

export class MessageRefStore {
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
