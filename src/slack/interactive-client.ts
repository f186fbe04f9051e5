import { setTimeout as sleep } from 'node:timers/promises';
import type { WebAPICallResult, WebClientOptions } from '@slack/web-api';
import { SlackBusyError } from '../errors';
import type { SlackCallMetrics } from '../ports/metrics';
import { CountedWebClient } from './counted-web-client';
import { rateLimitedFor } from './slack-errors';

/**
 * Methods whose answer a person is looking at right now: a modal opening on their click (its
 * trigger lives 3 seconds), a modal changing under them, a message only they see. Slack's 429 on
 * one of these is never waited out: the person is told at once to try again.
 */
export const WAITED_FOR_METHODS: ReadonlySet<string> = new Set([
  'views.open',
  'views.push',
  'views.update',
  'chat.postEphemeral',
]);

/** The longest Retry-After another call of this client waits out, once, before it gives up. */
export const FOLLOW_UP_WAIT_LIMIT_SECONDS = 10;

/**
 * A modal opening on a click (`views.open`) waits out a 429 once when the retry still lands well
 * inside its trigger's 3 seconds: by this many milliseconds after the first attempt began. A
 * modal one second late beats "Slack is busy, try again"; a retry past the trigger would fail.
 */
export const TRIGGER_RETRY_WITHIN_MS = 2000;

/**
 * The Web API client for calls made while someone waits (listeners, the first card of a new
 * model). Slack's 429 never pauses it: the SDK's own handling (`rejectRateLimitedCalls: false`)
 * pauses the client's whole queue for the Retry-After, so one refused call would hold up every
 * modal behind it. Here the refused call alone is dealt with: a call in WAITED_FOR_METHODS fails
 * at once with SlackBusyError, except a `views.open` whose retry fits well inside its trigger's
 * life (TRIGGER_RETRY_WITHIN_MS); any other (the first post of a new model, a clicked message
 * updated) waits out a short Retry-After by itself, outside the queue, and is tried once more.
 */
export class InteractiveClient extends CountedWebClient {
  constructor(
    token: string | undefined,
    options: Omit<WebClientOptions, 'rejectRateLimitedCalls'>,
    metrics?: SlackCallMetrics,
    tokenFor?: () => Promise<string>,
  ) {
    super(
      token,
      { ...options, rejectRateLimitedCalls: true },
      { lane: 'interactive', metrics, ...(tokenFor && { tokenFor }) },
    );
  }

  override async apiCall(method: string, options?: Record<string, unknown>): Promise<WebAPICallResult> {
    const startedAt = Date.now();
    try {
      return await super.apiCall(method, options);
    } catch (error) {
      const seconds = rateLimitedFor(error);
      if (seconds === undefined) throw error;
      const inTriggerLife =
        method === 'views.open' && Date.now() - startedAt + seconds * 1000 <= TRIGGER_RETRY_WITHIN_MS;
      if ((WAITED_FOR_METHODS.has(method) && !inTriggerLife) || seconds > FOLLOW_UP_WAIT_LIMIT_SECONDS) {
        throw new SlackBusyError(method, seconds, { cause: error });
      }
      await sleep(seconds * 1000);
      try {
        return await super.apiCall(method, options);
      } catch (again) {
        const more = rateLimitedFor(again);
        throw more === undefined ? again : new SlackBusyError(method, more, { cause: again });
      }
    }
  }
}
