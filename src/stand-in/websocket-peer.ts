/**
 * The server end of one WebSocket over an upgraded HTTP socket: the opening handshake, text messages
 * both ways, pongs for the client's pings, and the closing handshake from either side.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { closeCodeOf, closePayload, encodeFrame, type Frame, FrameDecoder, OPCODE } from './websocket-frames';

const HANDSHAKE_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
/** How long close() waits for the client's close frame before dropping the connection. */
const CLOSE_WAIT_MS = 1000;

/** Sec-WebSocket-Accept for a client's Sec-WebSocket-Key. */
export function acceptKey(key: string): string {
  return createHash('sha1').update(`${key}${HANDSHAKE_GUID}`).digest('base64');
}

/** Answers an upgrade request with an HTTP error instead of a WebSocket. */
export function refuseUpgrade(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

export class WebSocketPeer {
  /** The status code of the close frame the client sent, if it sent one (1000 = normal closure). */
  clientCloseCode: number | undefined;
  /** Resolves once the TCP connection is gone. */
  readonly closed: Promise<void>;
  private state: 'open' | 'closing' | 'closed' = 'open';
  private readonly decoder = new FrameDecoder();
  private fragments: Buffer[] = [];
  private messageOpcode: number = OPCODE.text;
  private markClosed: () => void = () => {};

  private constructor(
    private readonly socket: Duplex,
    private readonly onText: (text: string) => void,
  ) {
    this.closed = new Promise((resolve) => {
      this.markClosed = resolve;
    });
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('close', () => {
      this.state = 'closed';
      this.markClosed();
    });
    socket.on('error', () => socket.destroy());
  }

  /** Completes the opening handshake; refuses (400) and returns undefined if it is not a WebSocket request. */
  static accept(
    req: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    onText: (text: string) => void,
  ): WebSocketPeer | undefined {
    const key = req.headers['sec-websocket-key'];
    if (req.headers.upgrade?.toLowerCase() !== 'websocket' || typeof key !== 'string') {
      refuseUpgrade(socket, 400, 'Bad Request');
      return undefined;
    }
    socket.write(
      [
        'HTTP/1.1 101 Switching Protocols',
        'Upgrade: websocket',
        'Connection: Upgrade',
        `Sec-WebSocket-Accept: ${acceptKey(key)}`,
        '',
        '',
      ].join('\r\n'),
    );
    const peer = new WebSocketPeer(socket, onText);
    if (head.length > 0) peer.receive(head);
    return peer;
  }

  get isOpen(): boolean {
    return this.state === 'open';
  }

  sendText(text: string): void {
    if (this.state !== 'open') throw new Error('WebSocket is not open');
    this.socket.write(encodeFrame(OPCODE.text, Buffer.from(text, 'utf8')));
  }

  /** Sends a close frame and waits for the client's, dropping the connection if it does not answer in time. */
  async close(code = 1001, reason = 'going away'): Promise<void> {
    if (this.state === 'open') {
      this.state = 'closing';
      this.socket.write(encodeFrame(OPCODE.close, closePayload(code, reason)));
    }
    const timer = setTimeout(() => this.socket.destroy(), CLOSE_WAIT_MS);
    await this.closed;
    clearTimeout(timer);
  }

  private receive(chunk: Buffer): void {
    for (const frame of this.decoder.push(chunk)) {
      if (this.state === 'closed') return;
      this.handle(frame);
    }
  }

  private handle(frame: Frame): void {
    if (!frame.masked) {
      // RFC 6455 §5.1: a server must close the connection on an unmasked client frame.
      this.fail(1002, 'unmasked frame');
      return;
    }
    if (frame.opcode === OPCODE.ping) {
      if (this.state === 'open') this.socket.write(encodeFrame(OPCODE.pong, frame.payload));
    } else if (frame.opcode === OPCODE.close) {
      this.clientCloseCode = closeCodeOf(frame.payload);
      // Echo the close (unless we started it), then end the TCP connection as the server does.
      if (this.state === 'open') this.socket.write(encodeFrame(OPCODE.close, frame.payload.subarray(0, 2)));
      this.state = 'closed';
      this.socket.end();
    } else if (frame.opcode !== OPCODE.pong) {
      this.data(frame);
    }
  }

  private data(frame: Frame): void {
    if (frame.opcode !== OPCODE.continuation) {
      this.messageOpcode = frame.opcode;
      this.fragments = [];
    }
    this.fragments.push(frame.payload);
    if (!frame.fin) return;
    const message = Buffer.concat(this.fragments);
    this.fragments = [];
    if (this.messageOpcode === OPCODE.text) this.onText(message.toString('utf8'));
  }

  private fail(code: number, reason: string): void {
    if (this.state === 'open') this.socket.write(encodeFrame(OPCODE.close, closePayload(code, reason)));
    this.state = 'closed';
    this.socket.end();
  }
}
