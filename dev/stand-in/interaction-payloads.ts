/** The bodies Slack sends to an app: slash commands, block_actions, view_submission/closed, event_callback. */
import type { Container } from './interaction-targets';
import type { JsonObject } from './json';
import { messageJson } from './message-json';
import type { StandInStore } from './stand-in-store';
import type { SlackView, StateValues } from './stand-in-types';
import { BOT, VERIFICATION_TOKEN } from './workspace';

function team(store: StandInStore): JsonObject {
  return { id: store.workspace.teamId, domain: store.workspace.domain };
}

export function userJson(store: StandInStore, userId: string): JsonObject {
  const name = store.user(userId)?.name ?? userId;
  return { id: userId, username: name, name, team_id: store.workspace.teamId };
}

function channelName(store: StandInStore, channelId: string): string {
  const channel = store.channel(channelId);
  if (!channel) return channelId;
  return channel.is_im ? 'directmessage' : channel.name;
}

/** The form fields of a slash command. */
export function commandFields(
  store: StandInStore,
  input: { userId: string; channelId: string; command: string; text: string; responseUrl: string; triggerId: string },
): Record<string, string> {
  return {
    token: VERIFICATION_TOKEN,
    team_id: store.workspace.teamId,
    team_domain: store.workspace.domain,
    channel_id: input.channelId,
    channel_name: channelName(store, input.channelId),
    user_id: input.userId,
    user_name: store.user(input.userId)?.name ?? input.userId,
    command: input.command,
    text: input.text,
    api_app_id: BOT.appId,
    is_enterprise_install: 'false',
    response_url: input.responseUrl,
    trigger_id: input.triggerId,
  };
}

/** A view as it appears inside block_actions / view_submission payloads. */
export function viewJson(view: SlackView): JsonObject {
  return structuredClone({ ...view });
}

function containerFields(store: StandInStore, container: Container, responseUrl: string | undefined): JsonObject {
  if (container.kind === 'view') {
    return { container: { type: 'view', view_id: container.view.id }, view: viewJson(container.view) };
  }
  const isEphemeral = container.kind === 'ephemeral';
  const channel = isEphemeral ? container.ephemeral.channel : container.message.channel;
  const ts = isEphemeral ? container.ephemeral.ts : container.message.ts;
  const threadTs = isEphemeral ? container.ephemeral.thread_ts : container.message.thread_ts;
  return {
    container: {
      type: 'message',
      message_ts: ts,
      channel_id: channel,
      is_ephemeral: isEphemeral,
      ...(threadTs === undefined ? {} : { thread_ts: threadTs }),
    },
    channel: { id: channel, name: channelName(store, channel) },
    ...(isEphemeral ? {} : { message: messageJson(container.message) }),
    ...(responseUrl === undefined ? {} : { response_url: responseUrl }),
  };
}

function stateOf(container: Container): StateValues {
  if (container.kind === 'view') return container.view.state.values;
  return container.kind === 'message' ? container.message.state : {};
}

export function blockActionsPayload(
  store: StandInStore,
  input: { userId: string; container: Container; action: JsonObject; triggerId: string; responseUrl?: string },
): JsonObject {
  return {
    type: 'block_actions',
    user: userJson(store, input.userId),
    api_app_id: BOT.appId,
    token: VERIFICATION_TOKEN,
    trigger_id: input.triggerId,
    team: team(store),
    enterprise: null,
    is_enterprise_install: false,
    ...containerFields(store, input.container, input.responseUrl),
    state: { values: structuredClone(stateOf(input.container)) },
    actions: [input.action],
  };
}

export function viewSubmissionPayload(
  store: StandInStore,
  input: { userId: string; view: SlackView; state: StateValues; triggerId: string },
): JsonObject {
  return {
    type: 'view_submission',
    team: team(store),
    user: userJson(store, input.userId),
    api_app_id: BOT.appId,
    token: VERIFICATION_TOKEN,
    trigger_id: input.triggerId,
    view: { ...viewJson(input.view), state: { values: input.state } },
    response_urls: [],
    enterprise: null,
    is_enterprise_install: false,
  };
}

export function viewClosedPayload(
  store: StandInStore,
  input: { userId: string; view: SlackView; isCleared: boolean },
): JsonObject {
  return {
    type: 'view_closed',
    team: team(store),
    user: userJson(store, input.userId),
    api_app_id: BOT.appId,
    token: VERIFICATION_TOKEN,
    view: viewJson(input.view),
    is_cleared: input.isCleared,
    enterprise: null,
    is_enterprise_install: false,
  };
}

export function eventEnvelope(store: StandInStore, event: object, eventId: string, eventTime: number): JsonObject {
  return {
    token: VERIFICATION_TOKEN,
    team_id: store.workspace.teamId,
    api_app_id: BOT.appId,
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: eventTime,
    authorizations: [
      {
        enterprise_id: null,
        team_id: store.workspace.teamId,
        user_id: BOT.userId,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
  };
}
