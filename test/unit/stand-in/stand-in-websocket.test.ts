import { request } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket } from 'ws';
import { parseJsonObject, stringAt } from '../../../dev/stand-in/json';
import { type SlackStandIn, startSlackStandIn } from '../../../dev/stand-in/stand-in-server';

/** A plain `ws` client on a fresh Socket Mode URL, once Slack's hello has arrived. */
async function connect(standIn: SlackStandIn): Promise<WebSocket> {
  const socket = new WebSocket(standIn.socketMode.issueUrl(standIn.baseUrl));
  await new Promise<void>((resolve, reject) => {
    socket.once('message', () => resolve());
    socket.once('error', reject);
  });
  return socket;
}

/** Answers the next envelope with `reply(envelope_id)`, sent as it returns (a string, or fragments). */
function answerNext(socket: WebSocket, reply: (id: string) => string | string[]): void {
  socket.once('message', (data) => {
    const id = stringAt(parseJsonObject(String(data)) ?? {}, 'envelope_id') ?? '';
    const parts = [reply(id)].flat();
    parts.forEach((part, index) => {
      socket.send(part, { fin: index === parts.length - 1 });
    });
  });
}

/** Server frames (never masked): opcode and payload, for as many complete frames as `bytes` holds. */
function serverFrames(bytes: Buffer): { opcode: number; payload: Buffer }[] {
  const frames: { opcode: number; payload: Buffer }[] = [];
  let at = 0;
  while (at + 2 <= bytes.length) {
    let length = bytes.readUInt8(at + 1) & 0x7f;
    let offset = at + 2;
    if (length === 126) {
      length = bytes.readUInt16BE(at + 2);
      offset = at + 4;
    } else if (length === 127) {
      length = Number(bytes.readBigUInt64BE(at + 2));
      offset = at + 10;
    }
    if (offset + length > bytes.length) break;
    frames.push({ opcode: bytes.readUInt8(at) & 0x0f, payload: bytes.subarray(offset, offset + length) });
    at = offset + length;
  }
  return frames;
}

/** Completes the opening handshake over a raw TCP socket, to send frames no WebSocket client would. */
function rawUpgrade(wsUrl: string, headers: Record<string, string>): Promise<{ status: number; socket?: Duplex }> {
  return new Promise((resolve, reject) => {
    const req = request(wsUrl.replace(/^ws/, 'http'), { headers: { connection: 'Upgrade', ...headers } });
    req.on('upgrade', (response, socket, head) => {
      if (head.length > 0) socket.unshift(head);
      resolve({ status: response.statusCode ?? 0, socket });
    });
    req.on('response', (response) => {
      response.resume();
      resolve({ status: response.statusCode ?? 0 });
    });
    req.on('error', reject);
    req.end();
  });
}

const HANDSHAKE = {
  upgrade: 'websocket',
  'sec-websocket-version': '13',
  'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
};

describe('Slack stand-in: the Socket Mode WebSocket', () => {
  let standIn: SlackStandIn;
  let socket: WebSocket | undefined;
  beforeAll(async () => {
    standIn = await startSlackStandIn();
  });
  afterAll(() => standIn.close());
  beforeEach(() => standIn.reset());
  afterEach(async () => {
    socket?.close();
    socket = undefined;
    await standIn.socketMode.allClosed();
  });

  it.each([0, 125, 126, 65535, 65536])(
    'carries an ack with a %i-character payload intact (around the frame-length boundaries)',
    async (size) => {
      socket = await connect(standIn);
      const text = 'x'.repeat(size);
      answerNext(socket, (id) => JSON.stringify({ envelope_id: id, payload: { text } }));
      const ack = await standIn.socketSend('slash_commands', { command: '/threatmodel', text: 'hi' });
      expect(ack.payload).toEqual({ text });
    },
  );

  it('takes an ack sent in fragments as one message', async () => {
    socket = await connect(standIn);
    answerNext(socket, (id) => {
      const ack = JSON.stringify({ envelope_id: id, payload: { text: 'in three parts' } });
      return [ack.slice(0, 5), ack.slice(5, 20), ack.slice(20)];
    });
    const ack = await standIn.socketSend('slash_commands', { command: '/threatmodel' });
    expect(ack.payload).toEqual({ text: 'in three parts' });
    expect(standIn.socketMode.acks).toHaveLength(1);
  });

  it('closes the connection with 1002 on an unmasked client frame, as RFC 6455 requires of a server', async () => {
    const { status, socket: raw } = await rawUpgrade(standIn.socketMode.issueUrl(standIn.baseUrl), HANDSHAKE);
    expect(status).toBe(101);
    if (!raw) throw new Error('no upgraded socket');
    let received = Buffer.alloc(0);
    const closeFrame = new Promise<void>((resolve) => {
      raw.on('data', (chunk: Buffer) => {
        received = Buffer.concat([received, chunk]);
        if (serverFrames(received).some((frame) => frame.opcode === 0x8)) resolve();
      });
    });
    raw.write(Buffer.concat([Buffer.from([0x81, 2]), Buffer.from('hi')])); // FIN + text, no mask bit
    await closeFrame;
    raw.end();
    const frames = serverFrames(received);
    expect(frames.map((frame) => frame.opcode)).toEqual([0x1, 0x8]); // hello, then close
    expect(frames[1]?.payload.readUInt16BE(0)).toBe(1002);
    await standIn.socketMode.allClosed();
    expect(standIn.socketMode.acks).toEqual([]);
  });

  it('refuses an upgrade that is no WebSocket handshake with 400, and an unknown URL with 404', async () => {
    const url = standIn.socketMode.issueUrl(standIn.baseUrl);
    expect((await rawUpgrade(url, { upgrade: 'websocket' })).status).toBe(400);
    expect((await rawUpgrade(`${standIn.baseUrl.replace(/^http/, 'ws')}/socket-mode/nope`, HANDSHAKE)).status).toBe(
      404,
    );
    expect(standIn.socketMode.connections).toEqual([]);
  });
});
