import type { WebClient } from '@slack/web-api';
import type { UseCaseDeps } from '../use-cases/use-case-deps';
import type { ModelRefresher } from './model-refresher';
import type { WorkQueue } from './work-queue';

/** What the Slack listeners need, wired by the composition root: the use cases' deps, and a few of Slack's own. */
export interface SlackDeps extends Omit<UseCaseDeps, 'members' | 'cards'> {
  /** Answers whether Redis is reachable, for /readyz. */
  ready: () => Promise<boolean>;
  /** How long a channel's member list is trusted before it is read again (ms); default 60 s. */
  membershipCacheMs?: number;
  /** How many listeners may do their after-ack work at once; default 8. */
  afterAckConcurrency?: number;
  /** How often at most the card of one model is rewritten (ms); default 1000. */
  cardRefreshIntervalMs?: number;
}

/** Per-app services built from the deps and the app's own Web API client. */
export interface SlackServices extends SlackDeps, UseCaseDeps {
  client: WebClient;
  refresher: ModelRefresher;
  /** Where listeners put their work after the ack. */
  afterAck: WorkQueue;
}
