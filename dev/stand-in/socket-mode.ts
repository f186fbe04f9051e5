/**
 * Socket Mode, Slack's side: one-time WebSocket URLs for apps.connections.open, the connection (Slack's
 * `hello` first), envelopes to the app and the app's acks, each recorded for assertions. The WebSocket
 * protocol itself (handshake, framing, pings, closing handshake) is the `ws` library's.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type RawData, WebSocket, WebSocketServer } from 'ws';
import { type JsonObject, objectAt, parseJsonObject, stringAt } from './json';
import type { EnvelopeType, SocketAck, SocketConnection, SocketEnvelope } from './stand-in-types';

/** Slack tells the user the app did not respond when an ack takes longer than this. */
export const ACK_DEADLINE_MS = 3000;
const URL_PATH = /^\/socket-mode\/([0-9a-f-]+)$/;
/** How long close() waits for the client's close frame before dropping the connection. */
const CLOSE_WAIT_MS = 1000;
/** The close code `ws` reports when the connection ended without a close frame (never sent on the wire). */
const ABNORMAL_CLOSURE = 1006;

export interface SocketSendOptions {
  /** How long to wait for the ack (default ACK_DEADLINE_MS). */
  timeoutMs?: number;
  /** events_api: a redelivery (retry_attempt > 0) and why. */
  retryAttempt?: number;
  retryReason?: string;
}

/** One open connection: its socket, and a promise that resolves once the TCP connection is gone. */
interface Peer {
  socket: WebSocket;
  closed: Promise<void>;
}

interface Pending {
  peer: Peer;
  sentAt: number;
  settle: (ack: SocketAck | Error) => void;
}

/** Slack's first message on a new connection. */
function hello(appId: string, numConnections: number): JsonObject {
  return {
    type: 'hello',
    num_connections: numConnections,
    debug_info: { host: 'applink-stand-in', build_number: 1, approximate_connection_time: 18060 },
    connection_info: { app_id: appId },
  };
}

/** Slack lets an ack carry a response only for these. */
function acceptsResponse(type: EnvelopeType, payload: JsonObject): boolean {
  if (type === 'slash_commands') return true;
  return type === 'interactive' && ['view_submission', 'block_suggestion'].includes(String(payload.type));
}

function describe(envelope: SocketEnvelope): string {
  const { payload } = envelope;
  const what = stringAt(payload, 'command') ?? stringAt(objectAt(payload, 'event') ?? {}, 'type') ?? payload.type;
  return `${envelope.type} ${String(what)}`;
}

export class SocketModeServer {
  readonly envelopes: SocketEnvelope[] = [];
  readonly acks: SocketAck[] = [];
  /** Every connection the app opened, closed ones included (until reset). */
  readonly connections: SocketConnection[] = [];
  private readonly tickets = new Set<string>();
  private readonly peers = new Map<SocketConnection, Peer>();
  private readonly pending = new Map<string, Pending>();
  /** Handshakes only: the stand-in's HTTP server hands it the upgrades it accepts. */
  private readonly server = new WebSocketServer({ noServer: true, clientTracking: false });

  constructor(private readonly appId: string) {}

  /** A fresh one-time URL, as apps.connections.open returns. */
  issueUrl(baseUrl: string): string {
    const ticket = randomUUID();
    this.tickets.add(ticket);
    return `${baseUrl.replace(/^http/, 'ws')}/socket-mode/${ticket}`;
  }

  /** The HTTP server's 'upgrade' handler: accepts a URL issued (and not used) before, and says hello. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const ticket = URL_PATH.exec(req.url ?? '')?.[1];
    if (ticket === undefined || !this.tickets.delete(ticket)) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    // A request that is no WebSocket handshake gets ws's 400 (and the ticket stays used, as at Slack).
    this.server.handleUpgrade(req, socket, head, (ws) => this.open({ id: ticket, openedAt: new Date() }, ws));
  }

  private open(connection: SocketConnection, socket: WebSocket): void {
    const closed = new Promise<void>((resolve) => {
      socket.on('close', (code: number) => {
        // The status code of the client's close frame, if it sent one (1000 = normal closure).
        if (code !== ABNORMAL_CLOSURE) connection.closeCode = code;
        resolve();
      });
    });
    const peer: Peer = { socket, closed };
    socket.on('message', (data: RawData, isBinary: boolean) => {
      if (!isBinary) this.receive(rawText(data));
    });
    // A protocol error (an unmasked frame, bad UTF-8): ws has already sent the close frame (1002, 1007);
    // a reset connection: ws closes it. Either way 'close' follows; without a listener the error would throw.
    socket.on('error', () => undefined);
    this.connections.push(connection);
    this.peers.set(connection, peer);
    void closed.then(() => this.closed(connection, peer));
    socket.send(JSON.stringify(hello(this.appId, this.peers.size)));
  }

  /** How many connections are open now. */
  get openConnections(): number {
    return this.peers.size;
  }

  /** Sends an envelope on the newest open connection; resolves with the app's ack, rejects if none comes in time. */
  send(type: EnvelopeType, payload: JsonObject, options: SocketSendOptions = {}): Promise<SocketAck> {
    const peer = [...this.peers.values()].at(-1);
    if (!peer) return Promise.reject(new Error(`Socket Mode: no open connection to send ${type} on`));
    const envelope: SocketEnvelope = {
      envelope_id: randomUUID(),
      type,
      payload,
      accepts_response_payload: acceptsResponse(type, payload),
      ...(type === 'events_api'
        ? { retry_attempt: options.retryAttempt ?? 0, retry_reason: options.retryReason ?? '' }
        : {}),
    };
    const id = envelope.envelope_id;
    const timeoutMs = options.timeoutMs ?? ACK_DEADLINE_MS;
    this.envelopes.push(envelope);
    return new Promise<SocketAck>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          settle(new Error(`Socket Mode: no ack for envelope ${id} (${describe(envelope)}) within ${timeoutMs} ms`)),
        timeoutMs,
      );
      const settle = (result: SocketAck | Error) => {
        clearTimeout(timer);
        this.pending.delete(id);
        if (result instanceof Error) reject(result);
        else resolve(result);
      };
      if (peer.socket.readyState !== WebSocket.OPEN) throw new Error('WebSocket is not open');
      this.pending.set(id, { peer, sentAt: performance.now(), settle });
      peer.socket.send(JSON.stringify(envelope));
    });
  }

  /** Resolves once every connection is closed. */
  async allClosed(): Promise<void> {
    await Promise.all([...this.peers.values()].map((peer) => peer.closed));
  }

  /** Forgets envelopes, acks and closed connections; open connections stay. */
  reset(): void {
    this.envelopes.length = 0;
    this.acks.length = 0;
    const open = this.connections.filter((connection) => this.peers.has(connection));
    this.connections.splice(0, this.connections.length, ...open);
  }

  /** Closes every connection (close frame 1001, "going away"), dropping any that does not answer within a second. */
  async close(): Promise<void> {
    await Promise.all(
      [...this.peers.values()].map(async ({ socket, closed }) => {
        socket.close(1001, 'going away');
        const timer = setTimeout(() => socket.terminate(), CLOSE_WAIT_MS);
        await closed;
        clearTimeout(timer);
      }),
    );
  }

  private receive(text: string): void {
    const message = parseJsonObject(text);
    const id = message === undefined ? undefined : stringAt(message, 'envelope_id');
    if (message === undefined || id === undefined) return; // Slack ignores anything but acks
    const pending = this.pending.get(id);
    const payload = objectAt(message, 'payload');
    const ack: SocketAck = {
      envelope_id: id,
      ...(payload === undefined ? {} : { payload }),
      ...(pending === undefined ? {} : { ms: performance.now() - pending.sentAt }),
      at: new Date(),
    };
    this.acks.push(ack);
    pending?.settle(ack);
  }

  private closed(connection: SocketConnection, peer: Peer): void {
    connection.closedAt = new Date();
    this.peers.delete(connection);
    for (const [id, pending] of this.pending) {
      if (pending.peer === peer) pending.settle(new Error(`Socket Mode: connection closed before the ack of ${id}`));
    }
  }
}

/** A text message as ws hands it over (a Buffer with the default binaryType; the other shapes for completeness). */
function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return (data instanceof ArrayBuffer ? Buffer.from(data) : data).toString('utf8');
}
