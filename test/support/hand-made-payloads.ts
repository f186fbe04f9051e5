import type { JsonObject } from '../../dev/stand-in/json';
import { FORM, formBody, JSON_TYPE } from '../../dev/stand-in/signed-requests';
import type { SlackDriver } from '../../dev/stand-in/slack-driver';
import { BOT, TEAM_ID, VERIFICATION_TOKEN } from '../../dev/stand-in/workspace';

/**
 * Payloads written by hand, as someone with the signing secret (or a captured request) could send
 * them: every field under the sender's control. They go to the app signed, like Slack's own.
 */
export interface Sender {
  userId: string;
  channelId: string;
  teamId?: string;
  /** The message the action came from (a card or summary in the model's thread). */
  messageTs?: string;
  threadTs?: string;
}

const team = (teamId: string) => ({ id: teamId, domain: 'acme' });
const user = (sender: Sender) => ({ id: sender.userId, name: 'someone', team_id: sender.teamId ?? TEAM_ID });

/** A block_actions payload from a message in a channel, with one action. */
export function blockActions(sender: Sender, action: JsonObject): JsonObject {
  const ts = sender.messageTs ?? '1700000000.000100';
  return {
    type: 'block_actions',
    user: user(sender),
    api_app_id: BOT.appId,
    token: VERIFICATION_TOKEN,
    trigger_id: '1000.2000.abc',
    team: team(sender.teamId ?? TEAM_ID),
    enterprise: null,
    is_enterprise_install: false,
    container: { type: 'message', message_ts: ts, channel_id: sender.channelId, is_ephemeral: false },
    channel: { id: sender.channelId, name: 'payments' },
    message: { type: 'message', ts, text: '', ...(sender.threadTs && { thread_ts: sender.threadTs }) },
    state: { values: {} },
    actions: [{ action_ts: '1700000000.000200', ...action }],
  };
}

/** A view_submission payload for a modal with this callback id (blocks, state and metadata as given). */
export function viewSubmission(sender: Sender, view: JsonObject): JsonObject {
  return {
    type: 'view_submission',
    team: team(sender.teamId ?? TEAM_ID),
    user: user(sender),
    api_app_id: BOT.appId,
    token: VERIFICATION_TOKEN,
    trigger_id: '1000.2000.abc',
    view: {
      id: 'V0HANDMADE',
      type: 'modal',
      hash: '1700000000.abc',
      private_metadata: '',
      blocks: [],
      state: { values: {} },
      ...view,
    },
    response_urls: [],
    is_enterprise_install: false,
  };
}

/** The form fields of a slash command. */
export function commandFields(sender: Sender, command: string, text: string): Record<string, string> {
  return {
    token: VERIFICATION_TOKEN,
    team_id: sender.teamId ?? TEAM_ID,
    team_domain: 'acme',
    channel_id: sender.channelId,
    channel_name: 'payments',
    user_id: sender.userId,
    user_name: 'someone',
    command,
    text,
    api_app_id: BOT.appId,
    is_enterprise_install: 'false',
    response_url: 'http://127.0.0.1:9/nowhere',
    trigger_id: '1000.2000.abc',
  };
}

/** An Events API event_callback around `event` (any shape). */
export function eventCallback(event: unknown, eventId: string): JsonObject {
  return {
    token: VERIFICATION_TOKEN,
    team_id: TEAM_ID,
    api_app_id: BOT.appId,
    event: event as JsonObject,
    type: 'event_callback',
    event_id: eventId,
    event_time: 1700000000,
    authorizations: [{ team_id: TEAM_ID, user_id: BOT.userId, is_bot: true, is_enterprise_install: false }],
  };
}

/** Sends an interaction payload (block_actions, view_submission, shortcut ...) as Slack would: signed form data. */
export function sendInteraction(driver: SlackDriver, payload: unknown) {
  return driver.raw(formBody({ payload: JSON.stringify(payload) }), FORM);
}

/** Sends slash-command form fields, signed. */
export function sendCommand(driver: SlackDriver, fields: Record<string, string>) {
  return driver.raw(formBody(fields), FORM);
}

/** Sends an Events API body (any JSON), signed. */
export function sendEvent(driver: SlackDriver, body: unknown) {
  return driver.raw(JSON.stringify(body), JSON_TYPE);
}
