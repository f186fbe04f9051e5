import type { WebClient } from '@slack/web-api';
import type { Catalog } from '../catalog/catalog';
import type { Flow } from '../domain/flow';
import type { ExportJobs } from '../jobs/export-jobs';
import type { ReviewJobs } from '../jobs/review-jobs';
import type { Logger } from '../logger';
import type { ReviewCoordinator } from '../reviews/review-coordinator';
import type { Idempotency } from '../store/idempotency';
import type { MessageRefStore } from '../store/message-refs';
import type { ModelStore } from '../store/model-store';
import type { AppSecDirectory } from './appsec-directory';
import type { ChannelMembers } from './channel-members';
import type { ModelRefresher } from './model-refresher';
import type { WorkQueue } from './work-queue';

/** What the Slack listeners need, wired by the composition root. */
export interface SlackDeps {
  store: ModelStore;
  messageRefs: MessageRefStore;
  idempotency: Idempotency;
  catalog: Catalog;
  flow: Flow;
  logger: Logger;
  clock: () => Date;
  /** The review and reminder queues. */
  jobs: ReviewJobs;
  /** Exports to the repository and pictures in threads. */
  exports: ExportJobs;
  /** Assignment, due dates and idle reminders, shared with the job processors. */
  reviews: ReviewCoordinator;
  /** Who belongs to AppSec, and where review requests go. */
  appsec: AppSecDirectory;
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
export interface SlackServices extends SlackDeps {
  client: WebClient;
  members: ChannelMembers;
  refresher: ModelRefresher;
  /** Where listeners put their work after the ack. */
  afterAck: WorkQueue;
}
