import { ErrorCode } from '@slack/web-api';
import { SlackBusyError } from '../errors';

/** The Slack Web API error code of a failed call (`channel_not_found`, ...), if it is one. */
export function slackErrorCode(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } } | undefined)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
}

/**
 * Seconds Slack asked us to wait, when the error is a rate limit: an HTTP 429 with Retry-After (the
 * client's rate-limited error), or an `ok: false` answer `ratelimited` (its Retry-After, else 1).
 */
export function rateLimitedFor(error: unknown): number | undefined {
  const e = error as
    | { code?: unknown; retryAfter?: unknown; data?: { response_metadata?: { retryAfter?: unknown } } }
    | undefined;
  const limited = e?.code === ErrorCode.RateLimitedError || slackErrorCode(error) === 'ratelimited';
  if (!limited) return undefined;
  const seconds = e?.retryAfter ?? e?.data?.response_metadata?.retryAfter;
  return typeof seconds === 'number' && seconds > 0 ? seconds : 1;
}

/**
 * How to log a Slack call that failed: Slack's refusal (a rate limit, an error code) is an answer,
 * not a fault, and its fields say it all; anything else is logged with its stack.
 */
export function failedCallFields(
  error: unknown,
): { retryAfterSeconds: number } | { slackError: string } | { err: unknown } {
  const retryAfterSeconds = error instanceof SlackBusyError ? error.retryAfterSeconds : rateLimitedFor(error);
  if (retryAfterSeconds !== undefined) return { retryAfterSeconds };
  const slackError = slackErrorCode(error);
  return slackError ? { slackError } : { err: error };
}
