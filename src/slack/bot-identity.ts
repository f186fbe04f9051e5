import type { Authorize, AuthorizeResult } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { SlackUnavailableError } from '../errors';
import type { HomeWorkspace } from './edge/edge-settings';
import { slackErrorCode } from './slack-errors';

/** Who the bot token belongs to, as auth.test answered once at start-up. */
export interface BotIdentity {
  /** The workspace the payloads must come from (undefined when Slack named none). */
  home: HomeWorkspace | undefined;
  botId: string | undefined;
  botUserId: string | undefined;
}

/**
 * Ask Slack who the token belongs to; a refusal or no answer stops start-up with a clear reason.
 * This is the app's only auth.test: every request is then authorised with its answer.
 */
export async function learnBotIdentity(client: WebClient, apiUrl: string | undefined): Promise<BotIdentity> {
  try {
    const identity = await client.auth.test();
    return {
      home: identity.team_id
        ? { teamId: identity.team_id, ...(identity.enterprise_id && { enterpriseId: identity.enterprise_id }) }
        : undefined,
      botId: identity.bot_id,
      botUserId: identity.user_id,
    };
  } catch (error) {
    const code = slackErrorCode(error);
    throw new SlackUnavailableError(
      code
        ? `Slack refused SLACK_BOT_TOKEN (${code}). Copy the bot token again from the app's "OAuth & Permissions" page.`
        : `Cannot reach the Slack Web API at ${apiUrl ?? 'https://slack.com/api/'} (${(error as Error).message}). Check the network or SLACK_API_URL.`,
      { cause: error },
    );
  }
}

/**
 * Bolt's `authorize` for a single-workspace app whose identity was learned at start-up: it answers
 * from memory, so no request waits for a Slack round trip before its listener runs (Bolt's own
 * authorisation, with token verification off, calls auth.test on every request). It returns what
 * Bolt's single-token authorisation would: the token and the bot's ids (`context.botId` and
 * `context.botUserId`, which Bolt's ignoreSelf reads); Bolt adds the team and user from the payload.
 * Requests arrive only after start-up; one that came earlier would be refused, not guessed at.
 */
export function learnedAuthorization(botToken: string, identity: () => BotIdentity | undefined): Authorize<boolean> {
  return async () => {
    const known = identity();
    if (!known) throw new Error('the bot identity is not known yet (the app has not started)');
    const result: AuthorizeResult = { botToken };
    if (known.botId) result.botId = known.botId;
    if (known.botUserId) result.botUserId = known.botUserId;
    return result;
  };
}
