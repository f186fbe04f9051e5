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
  /** The model version (v1, v2, ...) the review card is about: a revision's refreshes leave older versions' cards alone. */
  reviewVersion?: number;
  /** The thread's permalink, as Slack gave it. */
  threadLink?: string;
  /**
   * A hash of what was last sent to each refreshed message (its chat.update arguments: channel,
   * ts, text and blocks), so an unchanged re-render sends nothing.
   */
  sent?: Partial<Record<RefreshedMessage, string>>;
}

/** The messages the card refresher keeps in step with the model. */
export const REFRESHED_MESSAGES = [
  'card',
  'reviewCard',
  'scopeSummary',
  'threatSummary',
  'riskSummary',
  'mitigationSummary',
] as const;
export type RefreshedMessage = (typeof REFRESHED_MESSAGES)[number];

/** Where a model's long-lived Slack messages are kept; `RedisMessageRefStore` is the adapter. */
export interface MessageRefStore {
  get(ref: ModelRef): Promise<MessageRefs>;
  /** Merge these refs into the model's (undefined fields are left as they are). */
  set(ref: ModelRef, refs: MessageRefs): Promise<void>;
}
