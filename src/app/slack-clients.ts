import type { RetryOptions, WebClient } from '@slack/web-api';
import { boltLogger, type Logger } from '../logger';
import type { SlackCallMetrics } from '../ports/metrics';
import type { SlackBudget } from '../ports/slack-budget';
import { BackgroundSlack } from '../slack/background-slack';
import { type BotTokens, fixedToken, scopedTokenFor } from '../slack/bot-tokens';
import { CountedWebClient } from '../slack/counted-web-client';
import { InteractiveClient } from '../slack/interactive-client';

/**
 * Retries for calls someone waits for: only network errors and 5xx (a 429 is never retried, see
 * InteractiveClient), quickly, and none starts after 1.5 s, so a modal's trigger (3 s) is not
 * outlived by retries. The SDK's own default retries for 30 minutes.
 */
export const INTERACTIVE_RETRY: RetryOptions = {
  retries: 2,
  factor: 2,
  minTimeout: 250,
  maxTimeout: 1000,
  maxRetryTime: 1500,
  randomize: false,
};
/** Background refreshes retry a little longer: nobody waits on them, and the next change refreshes again. */
export const BACKGROUND_RETRY: RetryOptions = { retries: 2, factor: 2, minTimeout: 500 };
/** Jobs retry a little longer: nobody is waiting, and BullMQ retries the job after that anyway. */
export const JOBS_RETRY: RetryOptions = { retries: 3, factor: 2, minTimeout: 1000 };

export interface SlackClients {
  /**
   * For calls a person waits for (listeners: modals, ephemerals, the first card of a new model).
   * Its own queue, which no 429 pauses: a refused modal fails at once (the person is told to try
   * again), and nothing else of the app's queues in it.
   */
  interactive: WebClient;
  /**
   * For job processors: it throws on 429 instead of waiting inside the call, so the worker can
   * pause its queue for Slack's Retry-After and keep the job.
   */
  jobs: WebClient;
  /**
   * The background lane (card and list refreshes, pictures, nudges, the listeners' posts in
   * threads after their ack): its clients spend a
   * per-workspace budget per method kept in Redis, and never touch the interactive client's queue.
   */
  background: BackgroundSlack;
}

export function slackClients(
  slack: { tokens: BotTokens; apiUrl: string | undefined },
  retry: { interactive?: RetryOptions; background?: RetryOptions; jobs?: RetryOptions },
  logger: Logger,
  budget: SlackBudget,
  metrics?: SlackCallMetrics,
): SlackClients {
  const common = { ...(slack.apiUrl && { slackApiUrl: slack.apiUrl }) };
  const token = fixedToken(slack.tokens);
  const tokenFor = scopedTokenFor(slack.tokens);
  return {
    interactive: new InteractiveClient(
      token,
      { ...common, retryConfig: retry.interactive ?? INTERACTIVE_RETRY, logger: boltLogger(logger) },
      metrics,
      tokenFor,
    ),
    jobs: new CountedWebClient(
      token,
      {
        ...common,
        rejectRateLimitedCalls: true,
        retryConfig: retry.jobs ?? JOBS_RETRY,
        logger: boltLogger(logger.child({ component: 'jobs-slack' })),
      },
      { lane: 'jobs', metrics, ...(tokenFor && { tokenFor }) },
    ),
    background: new BackgroundSlack(
      slack.tokens,
      {
        ...common,
        retryConfig: retry.background ?? BACKGROUND_RETRY,
        logger: boltLogger(logger.child({ component: 'background-slack' })),
      },
      budget,
      metrics,
    ),
  };
}
