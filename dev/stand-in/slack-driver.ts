/**
 * Drives the app like people using Slack: every method sends the app what Slack would, as a real, signed
 * HTTP request to its /slack/events endpoint or (Socket Mode) as an envelope over its WebSocket to the
 * stand-in, and returns the app's answer (the ack; in Socket Mode the ack's response as a JSON body).
 * State (messages, modals, Home tabs) is read from, and kept in, the Slack stand-in.
 */

import { asTeam, type DriverTeam } from './as-team';
import { type Delivery, HttpTransport, SocketTransport, type Transport } from './driver-transport';
import { allOptions, type Chosen, elementState, optionWithValue } from './element-state';
import {
  blockActionsPayload,
  commandFields,
  eventEnvelope,
  viewClosedPayload,
  viewSubmissionPayload,
} from './interaction-payloads';
import { type Accept, type Container, locate, type Where } from './interaction-targets';
import type { JsonObject } from './json';
import { applyMessageResponse } from './response-urls';
import { sharedFileJson } from './shared-files';
import type { AppResponse } from './signed-requests';
import type { SlackStandIn } from './stand-in-server';
import type { ResponseUrlContext, SlackView } from './stand-in-types';
import { applySubmissionReply, submissionState } from './view-submission';
import { VERIFICATION_TOKEN } from './workspace';

export type SlackDriverOptions = (
  | {
      /** e.g. http://127.0.0.1:PORT/slack/events */
      appUrl: string;
      signingSecret: string;
      standIn: SlackStandIn;
    }
  | {
      /** Deliver over the app's Socket Mode connection to the stand-in. */
      socketMode: true;
      standIn: SlackStandIn;
    }
  | {
      /** Deliver through this transport (a benchmark's, timing each delivery or sending it to two apps). */
      transport: Transport;
      standIn: SlackStandIn;
    }
) & {
  /** Send as Slack does from this workspace (default: the stand-in's own). */
  team?: DriverTeam;
};

export interface CommandResult extends AppResponse {
  triggerId: string;
  responseUrl: string;
}

export interface SubmitResult extends AppResponse {
  /** The inline errors when the app answered `response_action: 'errors'`. */
  errors?: Record<string, string>;
}

export interface EventOptions {
  retryNum?: number;
  retryReason?: string;
  /** Reuse the first delivery's event_id for a retry. */
  eventId?: string;
}

export interface RawOptions {
  timestamp?: number;
  signature?: string;
  headers?: Record<string, string>;
}

function contextOf(container: Container, userId: string): ResponseUrlContext | undefined {
  if (container.kind === 'view') return undefined;
  const message = container.kind === 'message' ? container.message : container.ephemeral;
  return {
    channel: message.channel,
    user: userId,
    messageTs: message.ts,
    ...(message.thread_ts === undefined ? {} : { threadTs: message.thread_ts }),
    ...(container.kind === 'ephemeral' ? { ephemeral: true } : {}),
  };
}

/** Accepts elements (menus, selects) that offer an option with this value. */
function offers(optionValue: string): Accept {
  return (element) => allOptions(element).some((option) => option.value === optionValue);
}

export class SlackDriver {
  /** Duration of the last round trip to the app (request or envelope to its ack), in milliseconds (information only). */
  lastRequestMs = 0;
  private readonly standIn: SlackStandIn;
  private readonly transport: Transport;
  private readonly team: DriverTeam | undefined;

  constructor(options: SlackDriverOptions) {
    this.standIn = options.standIn;
    this.team = options.team;
    this.transport =
      'transport' in options
        ? options.transport
        : 'socketMode' in options
          ? new SocketTransport(options.standIn)
          : new HttpTransport(options.appUrl, options.signingSecret);
  }

  /** The app's /slack/events URL (HTTP mode only). */
  get appUrl(): string {
    return this.http().appUrl;
  }

  /** `/threatmodel <text>` typed by a user in a channel. An ack body is shown like Slack shows it. */
  async command(
    userId: string,
    channelId: string,
    text: string,
    opts: { command?: string } = {},
  ): Promise<CommandResult> {
    const context = { channel: channelId, user: userId };
    const responseUrl = this.standIn.responseUrl('command', context);
    const triggerId = this.standIn.issueTrigger(userId);
    const command = opts.command ?? '/threatmodel';
    const fields = commandFields(this.standIn, { userId, channelId, command, text, responseUrl, triggerId });
    const result = await this.deliver({ kind: 'command', fields });
    const shown = result.json ?? (result.body.trim() === '' ? undefined : { text: result.body });
    if (result.status === 200 && shown && (shown.text !== undefined || shown.blocks !== undefined)) {
      applyMessageResponse(this.standIn, context, shown, 'command_ack');
    }
    return { ...result, triggerId, responseUrl };
  }

  /** Clicks a button (in the top modal, the newest message showing it, or the Home tab). */
  clickButton(userId: string, actionId: string, where: Where = {}): Promise<AppResponse> {
    const build = (element: JsonObject) => ({
      type: 'button',
      text: element.text,
      ...(element.value === undefined ? {} : { value: element.value }),
      ...(element.style === undefined ? {} : { style: element.style }),
    });
    return this.act(userId, actionId, where, build, false, (element) => element.type === 'button');
  }

  /** Picks an option of an overflow menu (the newest menu with that action_id offering this option). */
  clickOverflow(userId: string, actionId: string, optionValue: string, where: Where = {}): Promise<AppResponse> {
    const build = (element: JsonObject) => ({
      type: 'overflow',
      selected_option: optionWithValue(element, optionValue),
    });
    return this.act(userId, actionId, where, build, false, offers(optionValue));
  }

  /** static_select / radio_buttons / external_select: chooses the option with this value. */
  selectOption(userId: string, actionId: string, value: string, where: Where = {}): Promise<AppResponse> {
    return this.select(userId, actionId, value, where);
  }

  /** multi_static_select / checkboxes: chooses the options with these values. */
  selectOptions(userId: string, actionId: string, values: string[], where: Where = {}): Promise<AppResponse> {
    return this.select(userId, actionId, values, where);
  }

  /** users_select: chooses a user. */
  selectUser(userId: string, actionId: string, user: string, where: Where = {}): Promise<AppResponse> {
    return this.select(userId, actionId, user, where);
  }

  /** multi_users_select: chooses users. */
  selectUsers(userId: string, actionId: string, users: string[], where: Where = {}): Promise<AppResponse> {
    return this.select(userId, actionId, users, where);
  }

  /** A message shortcut (e.g. "Capture as threat") on a stored message, as Slack sends it. */
  messageShortcut(userId: string, channelId: string, messageTs: string, callbackId: string): Promise<AppResponse> {
    const message = this.standIn.message(channelId, messageTs);
    if (!message) throw new Error(`no message ${messageTs} in ${channelId}`);
    const payload = {
      type: 'message_action',
      callback_id: callbackId,
      trigger_id: this.standIn.issueTrigger(userId),
      message_ts: message.ts,
      response_url: this.standIn.responseUrl('shortcut', { channel: channelId, user: userId }),
      message: {
        type: 'message',
        ts: message.ts,
        text: message.text,
        user: message.user,
        ...(message.thread_ts === undefined ? {} : { thread_ts: message.thread_ts }),
      },
      user: { id: userId, name: this.standIn.user(userId)?.name ?? userId, team_id: this.standIn.workspace.teamId },
      channel: { id: channelId, name: this.standIn.channel(channelId)?.name ?? channelId },
      team: { id: this.standIn.workspace.teamId, domain: this.standIn.workspace.domain },
      token: VERIFICATION_TOKEN,
      action_ts: (this.standIn.now() / 1000).toFixed(6),
    };
    return this.deliver({ kind: 'interaction', payload });
  }

  /** Submits the user's top modal with values by action_id (others keep their initial values). */
  async submitView(
    userId: string,
    values: Record<string, Chosen> = {},
    opts: { force?: boolean } = {},
  ): Promise<SubmitResult> {
    const view = this.topView(userId);
    const state = submissionState(view, values, opts.force === true);
    view.state.values = state;
    const triggerId = this.standIn.issueTrigger(userId);
    const payload = viewSubmissionPayload(this.standIn, { userId, view, state, triggerId });
    const result = await this.deliver({ kind: 'interaction', payload });
    const errors = applySubmissionReply(this.standIn, userId, view, result);
    return errors === undefined ? result : { ...result, errors };
  }

  /** Closes the top modal (X / Cancel): view_closed is sent only when the view asked for notify_on_close. */
  async closeView(userId: string): Promise<AppResponse | undefined> {
    const view = this.topView(userId);
    const isCleared = view.clear_on_close;
    let result: AppResponse | undefined;
    if (view.notify_on_close) {
      const payload = viewClosedPayload(this.standIn, { userId, view, isCleared });
      result = await this.deliver({ kind: 'interaction', payload });
    }
    if (isCleared) this.standIn.views.clear(userId);
    else this.standIn.views.pop(userId);
    return result;
  }

  /** Delivers an Events API event (wrapped in event_callback); retries via retryNum/retryReason + same eventId. */
  async event(event: object, opts: EventOptions = {}): Promise<AppResponse & { eventId: string }> {
    const eventId = opts.eventId ?? this.standIn.nextId('Ev');
    const body = eventEnvelope(this.standIn, event, eventId, Math.floor(this.standIn.now() / 1000));
    const { retryNum, retryReason } = opts;
    const result = await this.deliver({
      kind: 'event',
      body,
      ...(retryNum === undefined ? {} : { retryNum }),
      ...(retryReason === undefined ? {} : { retryReason }),
    });
    return { ...result, eventId };
  }

  /**
   * A person shares a file in a thread, as Slack's client does: the file is hosted (its download
   * URL answers the bot token only), a `file_share` message appears in the thread and the app gets
   * its `message` event. `claimedSize` is what the event says the size is (Slack's own figure).
   * `checkFileInfo`: the event carries only the file's id and `file_access: check_file_info`, as
   * Slack sends files of Slack Connect channels; the app must ask files.info for the rest.
   */
  shareFile(
    userId: string,
    channel: string,
    threadTs: string,
    file: {
      name: string;
      content: string | Uint8Array;
      claimedSize?: number;
      downloadUrl?: string;
      checkFileInfo?: boolean;
    },
  ): Promise<AppResponse & { eventId: string }> {
    const bytes = Buffer.from(file.content);
    const shared = { fileId: this.standIn.nextId('F'), name: file.name, bytes, channel, threadTs, user: userId };
    this.standIn.sharedFiles.push(shared);
    const message = this.standIn.addMessage({ channel, text: '', blocks: [], thread_ts: threadTs, user: userId });
    const json = file.checkFileInfo
      ? { id: shared.fileId, file_access: 'check_file_info', created: 0, timestamp: 0, user: userId }
      : sharedFileJson(
          this.standIn.baseUrl,
          this.team?.teamId ?? this.standIn.workspace.teamId,
          shared,
          file.claimedSize,
        );
    return this.event({
      type: 'message',
      subtype: 'file_share',
      channel,
      channel_type: 'channel',
      user: userId,
      text: '',
      ts: message.ts,
      thread_ts: threadTs,
      event_ts: message.ts,
      files: [{ ...json, ...(file.downloadUrl && { url_private_download: file.downloadUrl }) }],
    });
  }

  /** The user opens the app's Home tab (app_home_opened). */
  appHomeOpened(userId: string): Promise<AppResponse & { eventId: string }> {
    const home = this.standIn.home(userId);
    return this.event({
      type: 'app_home_opened',
      user: userId,
      channel: this.standIn.directMessageWith(userId).id,
      tab: 'home',
      event_ts: this.standIn.nextTs(),
      ...(home === undefined ? {} : { view: { ...home } }),
    });
  }

  /** Any body, signed unless a signature/timestamp override says otherwise (for signature tests; HTTP mode only). */
  raw(body: string, contentType: string, opts: RawOptions = {}): Promise<AppResponse> {
    const http = this.http();
    return this.timed(() => http.post(body, contentType, opts));
  }

  /**
   * Sends the last request again exactly as it went (over HTTP the same body, timestamp and
   * signature; in Socket Mode the same payload in a new envelope), as a proxy, a double submit or
   * someone who captured the request would. The answer is returned and not applied to the stand-in.
   */
  replay(): Promise<AppResponse> {
    return this.timed(() => this.transport.replayLast());
  }

  private topView(userId: string): SlackView {
    const view = this.standIn.openViews(userId).at(-1);
    if (!view) throw new Error(`${userId} has no modal open`);
    return view;
  }

  private select(userId: string, actionId: string, chosen: Chosen, where: Where): Promise<AppResponse> {
    const optionValue = typeof chosen === 'string' ? chosen : undefined;
    const accept = (element: JsonObject) =>
      allOptions(element).length === 0 || optionValue === undefined || offers(optionValue)(element);
    return this.act(
      userId,
      actionId,
      where,
      (element) => {
        const state = elementState(element, chosen);
        if (!state) throw new Error(`${actionId} (${String(element.type)}) is not a selectable element`);
        return state;
      },
      true,
      accept,
    );
  }

  private async act(
    userId: string,
    actionId: string,
    where: Where,
    build: (element: JsonObject) => JsonObject,
    keepsState = false,
    accept: Accept = () => true,
  ): Promise<AppResponse> {
    const { container, blockId, element } = locate(this.standIn, userId, actionId, where, accept);
    const value = build(element);
    if (keepsState) this.rememberState(container, blockId, actionId, value);
    const action = {
      ...value,
      action_id: actionId,
      block_id: blockId,
      action_ts: (this.standIn.now() / 1000).toFixed(6),
    };
    const context = contextOf(container, userId);
    const responseUrl = context === undefined ? undefined : this.standIn.responseUrl('block_actions', context);
    const triggerId = this.standIn.issueTrigger(userId);
    const payload = blockActionsPayload(this.standIn, {
      userId,
      container,
      action,
      triggerId,
      ...(responseUrl === undefined ? {} : { responseUrl }),
    });
    return this.deliver({ kind: 'interaction', payload });
  }

  /** Keeps the client-side selection, as Slack does, so later payloads carry it in state.values. */
  private rememberState(container: Container, blockId: string, actionId: string, value: JsonObject): void {
    const values =
      container.kind === 'view'
        ? container.view.state.values
        : container.kind === 'message'
          ? container.message.state
          : undefined;
    if (values) values[blockId] = { ...values[blockId], [actionId]: value };
  }

  private deliver(delivery: Delivery): Promise<AppResponse> {
    const sent = this.team ? asTeam(delivery, this.team) : delivery;
    return this.timed(() => this.transport.deliver(sent));
  }

  private async timed(send: () => Promise<AppResponse>): Promise<AppResponse> {
    const started = performance.now();
    try {
      return await send();
    } finally {
      this.lastRequestMs = performance.now() - started;
    }
  }

  private http(): HttpTransport {
    if (this.transport instanceof HttpTransport) return this.transport;
    throw new Error('this driver talks to the app over Socket Mode: it has no HTTP endpoint');
  }
}
