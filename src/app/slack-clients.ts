import { type RetryOptions, WebClient } from '@slack/web-api';
import { boltLogger, type Logger } from '../logger';
import type { SlackBudget } from '../ports/slack-budget';
import { BackgroundSlack } from '../slack/background-slack';

/** A few quick retries for calls someone waits for (the SDK's own default retries for 30 minutes). */
export const INTERACTIVE_RETRY: RetryOptions = { retries: 2, factor: 2, minTimeout: 500 };
/** Jobs retry a little longer: nobody is waiting, and BullMQ retries the job after that anyway. */
export const JOBS_RETRY: RetryOptions = { retries: 3, factor: 2, minTimeout: 1000 };

export interface SlackClients {
  /**
   * For calls made while someone waits or soon after (listeners, card refreshes, AppHome): it
   * waits out a 429 inside the call, as the Bolt app's own client does.
   */
  interactive: WebClient;
  /**
   * For job processors: it throws on 429 instead of waiting inside the call, so the worker can
   * pause its queue for Slack's Retry-After and keep the job.
   */
  jobs: WebClient;
  /**
   * The background lane (card and list refreshes, pictures, nudges): its clients spend a
   * per-workspace budget per method kept in Redis, and never touch the interactive client's queue.
   */
  background: BackgroundSlack;
}

export function slackClients(
  slack: { botToken: string; apiUrl: string | undefined },
  retry: { interactive?: RetryOptions; jobs?: RetryOptions },
  logger: Logger,
  budget: SlackBudget,
): SlackClients {
  const common = { ...(slack.apiUrl && { slackApiUrl: slack.apiUrl }) };
  return {
    interactive: new WebClient(slack.botToken, {
      ...common,
      retryConfig: retry.interactive ?? INTERACTIVE_RETRY,
      logger: boltLogger(logger),
    }),
    jobs: new WebClient(slack.botToken, {
      ...common,
      rejectRateLimitedCalls: true,
      retryConfig: retry.jobs ?? JOBS_RETRY,
      logger: boltLogger(logger.child({ component: 'jobs-slack' })),
    }),
    background: new BackgroundSlack(
      slack.botToken,
      {
        ...common,
        retryConfig: retry.jobs ?? JOBS_RETRY,
        logger: boltLogger(logger.child({ component: 'background-slack' })),
      },
      budget,
    ),
  };
}
