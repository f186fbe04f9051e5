import type { Catalog } from '../catalog/catalog';
import type { Flow } from '../domain/flow';
import { BullReviewJobs } from '../jobs/bullmq-review-jobs';
import { BullExportJobs } from '../jobs/export-jobs';
import type { Logger } from '../logger';
import type { Clock } from '../ports/clock';
import type { ExportRepositoryFiles } from '../ports/export-repository-files';
import type { WorkspaceSettingsSource } from '../ports/workspace-settings';
import { SlackAppSecDirectory } from '../slack/appsec-directory';
import { SlackChannelMembers } from '../slack/channel-members';
import type { Installations } from '../slack/installations';
import { ModelRefresher } from '../slack/model-refresher';
import { StepEstimateCache } from '../slack/step-estimate-cache';
import { ThreadPosts } from '../slack/thread-posts';
import { SlackUserTimeZones } from '../slack/user-time-zones';
import { WorkQueue } from '../slack/work-queue';
import { SlackWorkspaceAdmins } from '../slack/workspace-admins';
import { RedisChannelPacer } from '../store/channel-pacer';
import { RedisIdempotency } from '../store/idempotency';
import { RedisImportRequests } from '../store/import-requests';
import { RedisMessageRefStore } from '../store/message-refs';
import type { RedisClient } from '../store/redis-connection';
import type { RedisKeys } from '../store/redis-keys';
import type { RedisModelStore } from '../store/redis-model-store';
import { RedisRefreshTurns } from '../store/refresh-turns';
import { RedisReminderIndex } from '../store/reminder-index';
import { RedisReviewRotation } from '../store/review-rotation';
import type { AppServices } from './compose-options';
import type { JobQueues } from './job-queues';
import type { SlackClients } from './slack-clients';

export interface ServiceOptions {
  redis: RedisClient;
  keys: RedisKeys;
  store: RedisModelStore;
  queues: JobQueues;
  clients: SlackClients;
  flow: Flow;
  catalog: Catalog;
  clock: Clock;
  logger: Logger;
  /** Each workspace's settings over the deployment's defaults. */
  settings: WorkspaceSettingsSource;
  /** The export repository's files (`/threatmodel import <path>`), each workspace's own. */
  repositoryFiles: ExportRepositoryFiles;
  exportRetry: { attempts: number; backoffMs: number };
  cardRefreshIntervalMs: number;
  membershipCacheMs: number | undefined;
  /** Least time between two background posts in one channel (ms); default Slack's pace. */
  channelPaceMs: number | undefined;
  /** OAuth mode: the installations (single-workspace mode has none). */
  installations?: Installations;
}

/** How many listeners may do their after-ack work at once. */
const AFTER_ACK_CONCURRENCY = 8;

/**
 * The adapters behind every port, one of each per process: listeners and job processors share
 * them (one card refresher, so a model's refreshes coalesce whoever asks; one idempotency ledger).
 * AppSec (as each workspace's settings name it) and time zones are read with the jobs' client, as
 * the processors need them to throw on 429; the channel members and workspace admins with the
 * interactive one (listeners check them before a modal).
 * Card refreshes and the listeners' posts in threads go through the background lane, never the
 * interactive client: a refresh or a notice Slack rate-limits must not hold up the next person's
 * modal. One channel pacer keeps the listeners' posts and the jobs' messages to Slack's pace.
 */
export function buildServices(options: ServiceOptions): AppServices {
  const { redis, keys, store, queues, clients, flow, catalog, clock, logger } = options;
  const messageRefs = new RedisMessageRefStore(redis, keys);
  const jobs = new BullReviewJobs(queues, new RedisReminderIndex(redis, keys), clock);
  const exports = new BullExportJobs(queues.exports, options.exportRetry);
  const appsec = new SlackAppSecDirectory(
    clients.jobs,
    async (workspaceId) => (await options.settings.forWorkspace(workspaceId)).appsec,
  );
  const timeZones = new SlackUserTimeZones(clients.jobs);
  const members = new SlackChannelMembers(clients.interactive, options.membershipCacheMs);
  const rotation = new RedisReviewRotation(redis, keys);
  const pacer = new RedisChannelPacer(redis, keys, options.channelPaceMs);
  const estimates = new StepEstimateCache({ store, clock, logger: logger.child({ component: 'estimates' }) });
  const refresher = new ModelRefresher({
    store,
    messageRefs,
    catalog,
    flow,
    background: clients.background,
    logger,
    intervalMs: options.cardRefreshIntervalMs,
    estimates,
    turns: new RedisRefreshTurns(redis, keys),
  });
  return {
    store,
    messageRefs,
    idempotency: new RedisIdempotency(redis, keys),
    importRequests: new RedisImportRequests(redis, keys),
    repositoryFiles: options.repositoryFiles,
    catalog,
    flow,
    clock,
    logger: logger.child({ component: 'slack' }),
    jobs,
    exports,
    appsec,
    members,
    timeZones,
    rotation,
    cards: refresher,
    refresher,
    estimates,
    settings: options.settings,
    admins: new SlackWorkspaceAdmins(clients.interactive),
    client: clients.interactive,
    clients,
    afterAck: new WorkQueue(AFTER_ACK_CONCURRENCY),
    threadPosts: new ThreadPosts({
      background: clients.background,
      pacer,
      logger: logger.child({ component: 'thread-posts' }),
    }),
    pacer,
    ...(options.installations && { installations: options.installations }),
  };
}
