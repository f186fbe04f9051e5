/** The records the Slack stand-in keeps, as tests read them back. */
import type { JsonObject } from './json';
import type { OAuthApp } from './oauth';
import type { RateLimits } from './rate-limits';

/** `state.values[block_id][action_id]` as Slack sends it in interaction payloads. */
export type StateValues = Record<string, Record<string, JsonObject>>;

export interface RecordedCall {
  method: string;
  /** Arguments as the app sent them, JSON fields (blocks, view, files…) parsed. */
  args: JsonObject;
  response: JsonObject;
  /** HTTP status the stand-in answered (200; 429 for a rate limit or an injected fault; 500 for a fault). */
  status: number;
  at: Date;
  /** Made with a token oauth.v2.access issued: the workspace (or organisation) it belongs to. */
  token?: { teamId: string | undefined; enterpriseId: string | undefined };
}

export interface MessageVersion {
  text: string;
  blocks: unknown[];
  at: Date;
}

export interface StoredMessage {
  channel: string;
  ts: string;
  /** Set on thread replies only (a parent keeps it undefined). */
  thread_ts?: string;
  text: string;
  blocks: unknown[];
  user: string;
  bot_id: string;
  metadata?: unknown;
  /** How many times chat.update (or a response_url replace) changed it. */
  updates: number;
  /** Every version, the first one included (oldest first). */
  versions: MessageVersion[];
  /** The client-side state of its interactive elements (selections the driver made). */
  state: StateValues;
}

export interface EphemeralMessage {
  channel: string;
  user: string;
  ts: string;
  text: string;
  blocks: unknown[];
  thread_ts?: string;
  via: 'chat.postEphemeral' | 'response_url' | 'command_ack';
}

/** A view as Slack holds it and sends it back (API responses, block_actions, view_submission). */
export interface SlackView {
  id: string;
  team_id: string;
  type: 'modal' | 'home';
  title?: unknown;
  submit?: unknown;
  close?: unknown;
  blocks: unknown[];
  private_metadata: string;
  callback_id: string;
  external_id: string;
  state: { values: StateValues };
  hash: string;
  clear_on_close: boolean;
  notify_on_close: boolean;
  root_view_id: string;
  previous_view_id: string | null;
  app_id: string;
  app_installed_team_id: string;
  bot_id: string;
}

export interface Upload {
  fileId: string;
  filename: string;
  length: number;
  bytes: Buffer;
  title?: string;
  channel?: string;
  threadTs?: string;
  initialComment?: string;
  completed: boolean;
}

export interface ResponseUrlContext {
  channel: string;
  user: string;
  /** The message the interaction came from (for replace_original / delete_original). */
  messageTs?: string;
  threadTs?: string;
  ephemeral?: boolean;
}

export interface RecordedResponse {
  id: string;
  kind: string;
  context: ResponseUrlContext;
  body: JsonObject;
  status: number;
  problems: string[];
  at: Date;
}

export interface BlockKitViolation {
  method: string;
  problems: string[];
}

/** An injected failure for the next call(s) of a method. */
export type Fault = ({ status: 429; retryAfter: number } | { status: 500 } | { error: string }) & { times?: number };

export interface StandInOptions {
  /** Clock in milliseconds (trigger expiry, response_url expiry, message ts). Default Date.now. */
  now?: () => number;
  /** Rate limits enforced from the start, and again after each `reset()` (see `enforceRateLimits`). */
  rateLimits?: RateLimits;
  /** The distributed app oauth.v2.access knows (default OAUTH_APP, dev/stand-in/oauth.ts). */
  oauthApp?: OAuthApp;
}

/** The kinds of Socket Mode envelope the stand-in sends. */
export type EnvelopeType = 'slash_commands' | 'interactive' | 'events_api';

/** A Socket Mode envelope as Slack sends it over the WebSocket. */
export interface SocketEnvelope {
  envelope_id: string;
  type: EnvelopeType;
  payload: JsonObject;
  /** Whether the ack may carry a response (slash commands, view_submission, block_suggestion). */
  accepts_response_payload: boolean;
  /** events_api only. */
  retry_attempt?: number;
  retry_reason?: string;
}

/** What the app sent back for an envelope. */
export interface SocketAck {
  envelope_id: string;
  /** The ack's response (Bolt sends `{}` for a bare `ack()`). */
  payload?: JsonObject;
  /** Milliseconds from sending the envelope to receiving the ack (undefined for an ack of no pending envelope). */
  ms?: number;
  at: Date;
}

/** One WebSocket connection the app opened with a URL from apps.connections.open. */
export interface SocketConnection {
  id: string;
  openedAt: Date;
  closedAt?: Date;
  /** The status code of the app's close frame (1000 = normal closure); undefined if the app sent none. */
  closeCode?: number;
}
