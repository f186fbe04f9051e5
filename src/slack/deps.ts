import type { WebClient } from '@slack/web-api';
import type { ChannelPacer } from '../ports/channel-pacer';
import type { ImportRequests } from '../ports/import-requests';
import type { UseCaseDeps } from '../use-cases/use-case-deps';
import type { ModelRefresher } from './model-refresher';
import type { StepEstimateCache } from './step-estimate-cache';
import type { ThreadPosts } from './thread-posts';
import type { WorkQueue } from './work-queue';

/**
 * What the Slack listeners get: the use cases' deps, and a few of Slack's own. The composition
 * root (src/app/compose.ts) builds every one of them; the Bolt app only passes them on.
 */
export interface SlackServices extends UseCaseDeps {
  /** The interactive Web API client: its queue never waits behind background work (see InteractiveClient). */
  client: WebClient;
  /** The process's one card refresher (`cards` is the same object, behind its port). */
  refresher: ModelRefresher;
  /** Where listeners put their work after the ack. */
  afterAck: WorkQueue;
  /**
   * The background lane for what listeners post in threads after their ack (greetings, notices,
   * step announcements): the workspace's budget, the channel's pace, never the interactive client.
   */
  threadPosts: ThreadPosts;
  /**
   * The channel pacer (in Redis): the jobs' messages, the listeners' thread posts and a new
   * model's card keep one pace per channel.
   */
  pacer: ChannelPacer;
  /** How long each step usually takes in a workspace, cached briefly (the cards and a model's start show it). */
  estimates: StepEstimateCache;
  /** Import threads waiting for their file (`/threatmodel import`). */
  importRequests: ImportRequests;
}
