/**
 * A local stand-in for the Slack Web API (node:http on 127.0.0.1, free port). Point Bolt / WebClient at
 * `apiUrl`; the stand-in answers like Slack, validates Block Kit, and records everything for assertions.
 * It also serves Socket Mode: apps.connections.open (app-level token) and the WebSocket it points to.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { FaultQueue } from './fault-queue';
import { type JsonObject, parseJsonObject } from './json';
import type { MethodHandler } from './method-types';
import { appMethods } from './methods-apps';
import { chatMethods } from './methods-chat';
import { directoryMethods } from './methods-directory';
import { fileMethods } from './methods-files';
import { viewMethods } from './methods-views';
import { applyMessageResponse } from './response-urls';
import { SocketModeServer, type SocketSendOptions } from './socket-mode';
import { authError } from './stand-in-auth';
import { parseApiArgs, readBody, sendJson, sendText, uploadBytes } from './stand-in-http';
import { StandInStore } from './stand-in-store';
import type { EnvelopeType, Fault, ResponseUrlContext, SocketAck, StandInOptions } from './stand-in-types';
import { BOT } from './workspace';

interface Reply {
  status: number;
  json?: JsonObject;
  text?: string;
  headers?: Record<string, string>;
}

const METHODS: Record<string, MethodHandler> = { ...directoryMethods, ...chatMethods, ...viewMethods, ...fileMethods };

export class SlackStandIn extends StandInStore {
  readonly token: string = BOT.token;
  /** The app-level token (xapp-…) that apps.connections.open accepts. */
  readonly appToken: string = BOT.appToken;
  /** Socket Mode: connections, envelopes sent and acks received. */
  readonly socketMode = new SocketModeServer(BOT.appId);
  private readonly methods: Record<string, MethodHandler> = { ...METHODS, ...appMethods(this.socketMode) };
  private readonly faults = new FaultQueue();
  private server: Server | undefined;
  private port = 0;

  /** 'http://127.0.0.1:PORT' */
  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** baseUrl + '/api/' (give it to WebClient / Bolt as slackApiUrl). */
  get apiUrl(): string {
    return `${this.baseUrl}/api/`;
  }

  async listen(): Promise<void> {
    const server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        sendJson(res, 500, { ok: false, error: 'stand_in_error', detail: String(error) });
      });
    });
    server.on('upgrade', (req, socket, head) => this.socketMode.upgrade(req, socket, head));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('stand-in: no TCP address');
    this.port = address.port;
  }

  /** Makes the next call(s) of a method fail: `{status: 429, retryAfter}`, `{status: 500}` or `{error}`; `times` (default 1). */
  failNext(method: string, fault: Fault): void {
    this.faults.add(method, fault);
  }

  /** A response_url for an interaction; POSTs to it are applied and recorded in `responses`. */
  responseUrl(kind: string, context: ResponseUrlContext): string {
    return `${this.baseUrl}/respond/${this.responseTargets.create(kind, context, this.now())}`;
  }

  /**
   * Sends a Socket Mode envelope (`slash_commands` fields, an `interactive` payload or an `events_api`
   * event_callback) to the connected app; resolves with its ack, rejects when none comes in time.
   */
  socketSend(type: EnvelopeType, payload: JsonObject, options: SocketSendOptions = {}): Promise<SocketAck> {
    return this.socketMode.send(type, payload, options);
  }

  override reset(): void {
    super.reset();
    this.faults.clear();
    this.socketMode.reset();
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    await this.socketMode.close();
    server.closeAllConnections();
    await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const reply = await this.route(req);
    if (reply.json === undefined) sendText(res, reply.status, reply.text ?? '');
    else sendJson(res, reply.status, reply.json, reply.headers);
  }

  private async route(req: IncomingMessage): Promise<Reply> {
    const body = await readBody(req);
    const contentType = req.headers['content-type'] ?? '';
    const [, area, name] = /^\/(api|upload|respond)\/([^/?]+)/.exec(req.url ?? '') ?? [];
    if (req.method !== 'POST' || area === undefined || name === undefined) return { status: 404, text: 'not_found' };
    if (area === 'api') return this.apiCall(req, name, parseApiArgs(contentType, body));
    if (area === 'upload') return this.upload(name, uploadBytes(contentType, body));
    return this.respond(name, body);
  }

  private apiCall(req: IncomingMessage, method: string, args: JsonObject): Reply {
    const reply = (status: number, response: JsonObject, headers: Record<string, string> = {}): Reply => {
      this.calls.push({ method, args, response, status, at: new Date(this.now()) });
      return { status, json: response, headers };
    };
    const handler = this.methods[method];
    if (!handler) return reply(200, { ok: false, error: 'unknown_method' });
    const authProblem = authError(method, req, args, { bot: this.token, app: this.appToken });
    if (authProblem) return reply(200, { ok: false, error: authProblem });
    const fault = this.faults.take(method);
    if (fault) return reply(fault.status, fault.body, fault.headers);
    return reply(200, handler({ store: this, args, baseUrl: this.baseUrl }));
  }

  private upload(fileId: string, bytes: Buffer): Reply {
    const upload = this.uploads.find((candidate) => candidate.fileId === fileId);
    if (!upload) return { status: 404, text: 'file_not_found' };
    upload.bytes = bytes;
    return { status: 200, text: `OK - ${bytes.length}` };
  }

  private respond(id: string, raw: Buffer): Reply {
    const target = this.responseTargets.use(id, this.now());
    if (target === undefined) return { status: 404, text: 'no_such_url' };
    if (target === 'expired') return { status: 404, text: 'expired_url' };
    const body = parseJsonObject(raw.toString('utf8'));
    if (!body) return { status: 400, text: 'invalid_payload' };
    const result = applyMessageResponse(this, target.context, body, 'response_url');
    const { kind, context } = target;
    const at = new Date(this.now());
    this.responses.push({ id, kind, context, body, status: result.status, problems: result.problems, at });
    return { status: result.status, text: result.text };
  }
}

/** Starts a stand-in on 127.0.0.1 with a free port. Remember `await standIn.close()`. */
export async function startSlackStandIn(options: StandInOptions = {}): Promise<SlackStandIn> {
  const standIn = new SlackStandIn(options);
  await standIn.listen();
  return standIn;
}
