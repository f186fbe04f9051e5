/**
 * How the driver hands the app what Slack sends: signed HTTP requests to the app's /slack/events, or
 * Socket Mode envelopes through the stand-in. Either way the driver gets back the app's answer (its ack).
 */
import type { JsonObject } from './json';
import { type AppResponse, FORM, formBody, JSON_TYPE, type PostOptions, postToApp } from './signed-requests';
import type { SlackStandIn } from './stand-in-server';
import type { SocketAck } from './stand-in-types';

/** What Slack delivers: a slash command's fields, an interaction payload, or an Events API event_callback. */
export type Delivery =
  | { kind: 'command'; fields: Record<string, string> }
  | { kind: 'interaction'; payload: JsonObject }
  | { kind: 'event'; body: JsonObject; retryNum?: number; retryReason?: string };

export interface Transport {
  deliver(delivery: Delivery): Promise<AppResponse>;
  /** Sends the last delivery again as it went: what a proxy, a double submit or a captured request does. */
  replayLast(): Promise<AppResponse>;
}

const NOTHING_SENT = 'nothing was delivered yet, so there is nothing to replay';

/** Signed POSTs, with the content types Slack uses (form for commands and interactions, JSON for events). */
export class HttpTransport implements Transport {
  private last?: { body: string; contentType: string; options: Omit<PostOptions, 'signingSecret'> };

  constructor(
    readonly appUrl: string,
    private readonly signingSecret: string,
  ) {}

  deliver(delivery: Delivery): Promise<AppResponse> {
    if (delivery.kind === 'command') return this.post(formBody(delivery.fields), FORM);
    if (delivery.kind === 'interaction')
      return this.post(formBody({ payload: JSON.stringify(delivery.payload) }), FORM);
    const headers: Record<string, string> = {};
    if (delivery.retryNum !== undefined) headers['x-slack-retry-num'] = String(delivery.retryNum);
    if (delivery.retryReason !== undefined) headers['x-slack-retry-reason'] = delivery.retryReason;
    return this.post(JSON.stringify(delivery.body), JSON_TYPE, { headers });
  }

  /** Any body, signed unless the options override the signature or timestamp. */
  post(body: string, contentType: string, options: Omit<PostOptions, 'signingSecret'> = {}): Promise<AppResponse> {
    this.last = {
      body,
      contentType,
      options: { ...options, timestamp: options.timestamp ?? Math.floor(Date.now() / 1000) },
    };
    return postToApp(this.appUrl, body, contentType, { signingSecret: this.signingSecret, ...this.last.options });
  }

  /** The same bytes with the same timestamp, so the same signature: Bolt's checks pass within 5 minutes. */
  replayLast(): Promise<AppResponse> {
    if (!this.last) throw new Error(NOTHING_SENT);
    const { body, contentType, options } = this.last;
    return postToApp(this.appUrl, body, contentType, { signingSecret: this.signingSecret, ...options });
  }
}

/** An ack read as the HTTP answer it stands for: 200, with the ack's response as a JSON body ('' when empty). */
export function ackAsResponse(ack: SocketAck): AppResponse {
  const payload = ack.payload ?? {};
  if (Object.keys(payload).length === 0) return { status: 200, body: '' };
  return { status: 200, body: JSON.stringify(payload), json: payload };
}

/** Envelopes over the app's Socket Mode connection to the stand-in. */
export class SocketTransport implements Transport {
  private last?: Delivery;

  constructor(private readonly standIn: SlackStandIn) {}

  async deliver(delivery: Delivery): Promise<AppResponse> {
    this.last = delivery;
    return ackAsResponse(await this.send(delivery));
  }

  /** The same payload in a new envelope. */
  async replayLast(): Promise<AppResponse> {
    if (!this.last) throw new Error(NOTHING_SENT);
    return ackAsResponse(await this.send(this.last));
  }

  private send(delivery: Delivery): Promise<SocketAck> {
    if (delivery.kind === 'command') return this.standIn.socketSend('slash_commands', delivery.fields);
    if (delivery.kind === 'interaction') return this.standIn.socketSend('interactive', delivery.payload);
    return this.standIn.socketSend('events_api', delivery.body, {
      retryAttempt: delivery.retryNum ?? 0,
      retryReason: delivery.retryReason ?? '',
    });
  }
}
