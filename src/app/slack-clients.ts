import { type RetryOptions, WebClient } from '@slack/web-api';
import { boltLogger, type Logger } from '../logger';
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
   * For work nobody waits on, outside jobs: card and list refreshes. A 429 here waits out Slack's
   * Retry-After in this client's queue only; the interactive client never waits behind it.
   */
  background: WebClient;
  /**
   * For job processors: it throws on 429 instead of waiting inside the call, so the worker can
   * pause its queue for Slack's Retry-After and keep the job.
   */
  jobs: WebClient;
}

export function slackClients(
  slack: { botToken: string; apiUrl: string | undefined },
  retry: { interactive?: RetryOptions; background?: RetryOptions; jobs?: RetryOptions },
  logger: Logger,
): SlackClients {
  const common = { ...(slack.apiUrl && { slackApiUrl: slack.apiUrl }) };
  return {
    interactive: new InteractiveClient(slack.botToken, {
      ...common,
      retryConfig: retry.interactive ?? INTERACTIVE_RETRY,
      logger: boltLogger(logger),
    }),
    background: new WebClient(slack.botToken, {
      ...common,
      retryConfig: retry.background ?? BACKGROUND_RETRY,
      logger: boltLogger(logger.child({ component: 'background-slack' })),
    }),
    jobs: new WebClient(slack.botToken, {
      ...common,
      rejectRateLimitedCalls: true,
      retryConfig: retry.jobs ?? JOBS_RETRY,
      logger: boltLogger(logger.child({ component: 'jobs-slack' })),
    }),
  };
}
