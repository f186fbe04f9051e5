import { slackErrorCode } from '../slack/slack-errors';

/** Seconds Slack asked us to wait (HTTP 429 Retry-After), when the error is a rate limit. */
export { rateLimitedFor } from '../slack/slack-errors';

/**
 * Slack errors a retry cannot fix: a bad payload, a channel or user that is gone, a token that no
 * longer works. A job that meets one fails once, with a clear log line, instead of retrying.
 */
const PERMANENT = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'invalid_blocks',
  'invalid_arguments',
  'invalid_metadata_format',
  'msg_too_long',
  'no_text',
  'user_not_found',
  'user_disabled',
  'cannot_dm_bot',
  'no_such_subteam',
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'missing_scope',
  'restricted_action',
]);

export function permanentSlackError(error: unknown): string | undefined {
  const code = slackErrorCode(error);
  return code && PERMANENT.has(code) ? code : undefined;
}
