import type { ModelRef } from './model-store';

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

/** Where a model's long-lived Slack messages are kept; `RedisMessageRefStore` is the adapter. */
export interface MessageRefStore {
  get(ref: ModelRef): Promise<MessageRefs>;
  /** Merge these refs into the model's (undefined fields are left as they are). */
  set(ref: ModelRef, refs: MessageRefs): Promise<void>;
}
