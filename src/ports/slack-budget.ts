/**
 * How many calls of one Web API method a workspace may make within a window: Slack limits each
 * app per method per workspace ("Tier 3: 50+ per minute").
 */
export interface MethodBudget {
  max: number;
  windowMs: number;
}

/**
 * A minute and a second: a call counted at the end of our window may reach Slack a little later
 * than it was counted (network, a busy process), so it never lands inside Slack's minute.
 */
const MINUTE = 61_000;

/**
 * Slack's published floors for the methods the background lane calls (docs.slack.dev rate limits;
 * `/work/shared/reference`): chat.update Tier 3, views.publish and the file upload steps Tier 4.
 * chat.postMessage is "about one per second per channel" (the channel pacer) with a workspace cap
 * Slack does not publish; 300 a minute stays well inside what Slack tolerates.
 */
export const SLACK_TIER_BUDGETS: Readonly<Record<string, MethodBudget>> = {
  'chat.update': { max: 50, windowMs: MINUTE },
  'chat.postMessage': { max: 300, windowMs: MINUTE },
  'chat.getPermalink': { max: 50, windowMs: MINUTE },
  'views.publish': { max: 100, windowMs: MINUTE },
  'files.getUploadURLExternal': { max: 100, windowMs: MINUTE },
  'files.completeUploadExternal': { max: 100, windowMs: MINUTE },
  'conversations.history': { max: 50, windowMs: MINUTE },
  'conversations.replies': { max: 50, windowMs: MINUTE },
  'conversations.open': { max: 50, windowMs: MINUTE },
  'users.info': { max: 100, windowMs: MINUTE },
  'usergroups.users.list': { max: 20, windowMs: MINUTE },
};

/**
 * Who goes first when the budget is short: `first` (the model card, the review card) may spend
 * the whole budget; `later` (the shared lists) leaves the last fifth of it to `first`.
 */
export type CallPriority = 'first' | 'later';

/** The share of each window only `first` calls may spend. */
export const FIRST_RESERVE = 0.2;

/**
 * The background lane's budget of Web API calls per workspace and method, shared by every app
 * process (`RedisSlackBudget`). Nobody waits in here: a refused caller is told how long to wait,
 * and decides whether to wait, defer the work or delay its job.
 */
export interface SlackBudget {
  /**
   * Counts a call of `method` in `workspaceId` and answers 0 when it may go now; otherwise counts
   * nothing and answers how many ms until it may be tried again. Methods without a budget always go
   * (unless paused). A `waiter` (a model's card) refused waits in line: it is told when its turn
   * comes, and freed calls go to the waiters in the order they began to wait.
   */
  take(workspaceId: string, method: string, priority?: CallPriority, now?: number, waiter?: string): Promise<number>;
  /** Slack answered 429 with Retry-After: nobody calls `method` in `workspaceId` for `ms`. */
  pause(workspaceId: string, method: string, ms: number, now?: number): Promise<void>;
}
