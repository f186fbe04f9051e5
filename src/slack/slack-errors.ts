import { ErrorCode } from '@slack/web-api';

/** The Slack Web API error code of a failed call (`channel_not_found`, ...), if it is one. */
export function slackErrorCode(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } } | undefined)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
}

/** Seconds Slack asked us to wait (HTTP 429 Retry-After), when the error is a rate limit. */
export function rateLimitedFor(error: unknown): number | undefined {
  const e = error as { code?: unknown; retryAfter?: unknown } | undefined;
  if (e?.code !== ErrorCode.RateLimitedError) return undefined;
  return typeof e.retryAfter === 'number' && e.retryAfter > 0 ? e.retryAfter : 1;
}
