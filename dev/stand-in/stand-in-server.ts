/**
 * A local stand-in for the Slack Web API (node:http on 127.0.0.1, free port). Point Bolt / WebClient at
 * `apiUrl`; the stand-in answers like Slack, validates Block Kit, and records everything for assertions.
 * It also serves Socket Mode: apps.connections.open (app-level token) and the WebSocket it points to.
 * Beyond faults injected per call, it can enforce Slack's rate limits and hold replies back.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type CallPredicate, CallWaiters } from './call-waiters';
import { FaultQueue } from './fault-queue';
import { HeldReplies } from './held-replies';
import { type JsonObject, parseJsonObject } from './json';
import type { MethodHandler } from './method-types';
import { appMethods } from './methods-apps';
import { chatMethods } from './methods-chat';
import { directoryMethods } from './methods-directory';
import { fileMethods } from './methods-files';
import { historyMethods } from './methods-history';
import { viewMethods } from './methods-views';
import { StandInOAuth } from './oauth';
import { RateLimiter, type RateLimits } from './rate-limits';
import { applyMessageResponse } from './response-urls';
import { DOWNLOAD_PATH, downloadFile } from './shared-files';
import { SocketModeServer, type SocketSendOptions } from './socket-mode';
import { authError } from './stand-in-auth';
import { parseApiArgs, readBody, sendJson, sendText, tokenOf, uploadBytes } from './stand-in-http';
import { StandInStore } from './stand-in-store';
import type {
  EnvelopeType,
  Fault,
  RecordedCall,
  ResponseUrlContext,
  SocketAck,
  StandInOptions,
} from './stand-in-types';
import { BOT } from './workspace';

interface Reply {
  status: number;
  json?: JsonObject;
  text?: string;
  /** A file's bytes (files.slack.com downloads). */
  bytes?: Buffer;
  headers?: Record<string, string>;
  /** Applied, but the response is kept back until `releaseHeldReplies()`. */
  held?: boolean;
  /** The Web API call it answers, recorded in the same tick as the reply is written or held. */
  call?: RecordedCall;
}

const METHODS: Record<string, MethodHandler> = {
  ...directoryMethods,
  ...historyMethods,
  ...chatMethods,
  ...viewMethods,
  ...fileMethods,
};

/** The conversation a call's `channel` argument names, a user id and that user's DM counting as one. */
function rateLimitKey(store: StandInStore, args: JsonObject): string | undefined {
  const { channel } = args;
  if (typeof channel !== 'string' || channel === '') return undefined;
  if (store.user(channel)) return `dm:${channel}`;
  const conversation = store.channel(channel);
  if (conversation?.is_im && conversation.user !== undefined) return `dm:${conversation.user}`;
  return conversation?.id ?? channel;
}

export class SlackStandIn extends StandInStore {
  readonly token: string = BOT.token;
  /** The app-level token (xapp-…) that apps.connections.open accepts. */
  readonly appToken: string = BOT.appToken;
  /** OAuth: the authorize page, oauth.v2.access and the tokens it issued (each answering for its own workspace). */
  readonly oauth: StandInOAuth;
  /** Socket Mode: connections, envelopes sent and acks received. */
  readonly socketMode = new SocketModeServer(BOT.appId);
  private readonly methods: Record<string, MethodHandler> = { ...METHODS, ...appMethods(this.socketMode) };
  private readonly faults = new FaultQueue();
  private readonly rateLimiter: RateLimiter;
  private readonly heldReplies = new HeldReplies();
  private readonly callWaiters = new CallWaiters();
  private server: Server | undefined;
  private port = 0;

  constructor(options: StandInOptions = {}) {
    super(options);
    this.oauth = new StandInOAuth(options.oauthApp);
    this.rateLimiter = new RateLimiter(options.rateLimits);
  }

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

  /**
   * Enforces Slack's rate limits (sliding windows of accepted calls, per method and per method + channel);
   * a call over a limit is not applied and answers 429 `ratelimited` with Retry-After. Replaces the limits
   * in force and forgets the calls counted; `undefined` turns limits off. `reset()` restores the
   * construction-time `rateLimits` option (none by default).
   */
  enforceRateLimits(limits: RateLimits | undefined): void {
    this.rateLimiter.enforce(limits);
  }

  /** How many calls the rate limits refused since the last reset (injected 429 faults not included). */
  get rateLimitedCount(): number {
    return this.rateLimiter.limitedCount;
  }

  /**
   * The next call(s) of a method (`times`, default 1) are applied and recorded, but their HTTP responses
   * are kept back until `releaseHeldReplies()`, as if the app died waiting for Slack. Calls refused by a
   * fault or a rate limit are answered at once and do not use a hold. `reset()` and `close()` drop held
   * responses with their connections.
   */
  holdReplies(method: string, options: { times?: number } = {}): void {
    this.heldReplies.plan(method, options.times);
  }

  /** Writes every held response; returns how many there were. */
  releaseHeldReplies(): number {
    return this.heldReplies.releaseAll();
  }

  /** Responses held and not yet written (a client that hung up no longer counts). */
  get heldReplyCount(): number {
    return this.heldReplies.count;
  }

  /**
   * The first call of `method` matching `predicate` among `calls` from index `since` on (default 0: every
   * call since the last reset), waiting for one to be recorded if none is yet. Rejects after `timeoutMs`,
   * or on `reset()` / `close()`. Pass `standIn.calls.length` as `since` to wait for a new call only.
   */
  waitForCall(
    method: string,
    predicate: CallPredicate = () => true,
    timeoutMs = 5000,
    since = 0,
  ): Promise<RecordedCall> {
    const recorded = this.calls.slice(since).find((call) => call.method === method && predicate(call));
    return recorded ? Promise.resolve(recorded) : this.callWaiters.next(method, predicate, timeoutMs);
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
    this.rateLimiter.reset();
    this.heldReplies.destroyAll();
    this.callWaiters.rejectAll('reset');
    this.socketMode.reset();
    this.oauth.reset();
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    this.heldReplies.destroyAll();
    this.callWaiters.rejectAll('closed');
    await this.socketMode.close();
    server.closeAllConnections();
    await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const reply = await this.route(req);
    const write = () => {
      if (reply.bytes !== undefined) {
        res.writeHead(reply.status, { 'content-type': 'application/octet-stream' });
        res.end(reply.bytes);
      } else if (reply.json === undefined) sendText(res, reply.status, reply.text ?? '', reply.headers);
      else sendJson(res, reply.status, reply.json, reply.headers);
    };
    if (reply.call) {
      this.calls.push(reply.call);
      this.callWaiters.recorded(reply.call);
    }
    if (reply.held) this.heldReplies.keep(res, write);
    else write();
  }

  private async route(req: IncomingMessage): Promise<Reply> {
    if (req.method === 'GET' && DOWNLOAD_PATH.test((req.url ?? '').split('?')[0] ?? '')) {
      const download = downloadFile(this.sharedFiles, this.fileDownloads, req, this.token);
      if (download.status === 200) return { status: 200, bytes: download.bytes };
      if (download.status === 302) return { status: 302, headers: { location: download.location } };
      return { status: 404, text: download.text };
    }
    const body = await readBody(req);
    if (req.method === 'GET' && req.url?.startsWith('/oauth/v2/authorize')) {
      const answer = this.oauth.authorize(new URL(req.url, this.baseUrl).searchParams);
      return answer.location
        ? { status: answer.status, text: '', headers: { location: answer.location } }
        : { status: answer.status, text: answer.text ?? '' };
    }
    const contentType = req.headers['content-type'] ?? '';
    const [, area, name] = /^\/(api|upload|respond)\/([^/?]+)/.exec(req.url ?? '') ?? [];
    if (req.method !== 'POST' || area === undefined || name === undefined) return { status: 404, text: 'not_found' };
    if (area === 'api') return this.apiCall(req, name, parseApiArgs(contentType, body));
    if (area === 'upload') return this.upload(name, uploadBytes(contentType, body));
    return this.respond(name, body);
  }

  private apiCall(req: IncomingMessage, method: string, args: JsonObject): Reply {
    const reply = (status: number, response: JsonObject, headers: Record<string, string> = {}): Reply => {
      const call = { method, args, response, status, at: new Date(this.now()) };
      return { status, json: response, headers, call };
    };
    if (method === 'oauth.v2.access') {
      const basic = req.headers.authorization?.startsWith('Basic ') ? req.headers.authorization.slice(6) : undefined;
      return reply(200, this.oauth.access(args, basic));
    }
    const handler = this.methods[method];
    if (!handler) return reply(200, { ok: false, error: 'unknown_method' });
    // A token oauth.v2.access issued answers for its own workspace (or organisation).
    const grant = this.oauth.grantOf(tokenOf(req, args));
    const authProblem = grant ? undefined : authError(method, req, args, { bot: this.token, app: this.appToken });
    if (authProblem) return reply(200, { ok: false, error: authProblem });
    if (grant && (method === 'auth.test' || method === 'team.info')) {
      const answered = reply(200, this.oauth.answer(method, grant));
      if (answered.call) answered.call.token = { teamId: grant.teamId, enterpriseId: grant.enterpriseId };
      return answered;
    }
    const fault = this.faults.take(method);
    if (fault) return reply(fault.status, fault.body, fault.headers);
    const limited = this.rateLimiter.take(method, rateLimitKey(this, args), this.now());
    if (limited)
      return reply(429, { ok: false, error: 'ratelimited' }, { 'retry-after': `${limited.retryAfterSeconds}` });
    // Handlers run synchronously: the caller's workspace is theirs for this call alone.
    this.views.callerTeam = grant?.teamId ?? grant?.enterpriseId;
    this.callerTeam = this.views.callerTeam ?? this.workspace.teamId;
    let answer: JsonObject;
    try {
      answer = handler({ store: this, args, baseUrl: this.baseUrl });
    } finally {
      this.views.callerTeam = undefined;
      this.callerTeam = undefined;
    }
    const applied = reply(200, answer);
    if (applied.call && grant) applied.call.token = { teamId: grant.teamId, enterpriseId: grant.enterpriseId };
    return { ...applied, held: this.heldReplies.take(method) };
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
