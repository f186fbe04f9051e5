import { request } from 'node:http';
import { LogLevel, SocketModeClient } from '@slack/socket-mode';
import { isObject, type JsonObject } from '../../../dev/stand-in/json';
import { SlackDriver } from '../../../dev/stand-in/slack-driver';
import { type SlackStandIn, startSlackStandIn } from '../../../dev/stand-in/stand-in-server';
import { BOT, CHANNELS, USERS } from '../../../dev/stand-in/workspace';
import { clientFor } from './web-client';

const { PAYMENTS } = CHANNELS;
const { ALICE } = USERS;

/** The Socket Mode client Bolt uses, pointed at the stand-in, without retries or reconnects. */
function socketClient(standIn: SlackStandIn, options: { clientPingTimeout?: number } = {}): SocketModeClient {
  return new SocketModeClient({
    appToken: standIn.appToken,
    clientOptions: { slackApiUrl: standIn.apiUrl, retryConfig: { retries: 0 } },
    logLevel: LogLevel.ERROR,
    autoReconnectEnabled: false,
    ...options,
  });
}

async function postForm(url: string, body: string): Promise<JsonObject> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
  });
  const json: unknown = await response.json();
  return isObject(json) ? json : {};
}

/** The HTTP status of a WebSocket upgrade request to a URL (101 when accepted). */
function upgradeStatus(wsUrl: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(wsUrl.replace(/^ws/, 'http'), {
      headers: {
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-version': '13',
        'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
      },
    });
    req.on('upgrade', (response, socket) => {
      socket.destroy();
      resolve(response.statusCode ?? 0);
    });
    req.on('response', (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('Slack stand-in: Socket Mode', () => {
  let standIn: SlackStandIn;
  let client: SocketModeClient | undefined;
  beforeAll(async () => {
    standIn = await startSlackStandIn();
  });
  afterAll(() => standIn.close());
  beforeEach(() => standIn.reset());
  afterEach(async () => {
    await client?.disconnect();
    client = undefined;
    await standIn.socketMode.allClosed();
  });

  it('apps.connections.open takes the app-level token, in the Authorization header only, like Slack', async () => {
    const opened = await clientFor(standIn, {}, standIn.appToken).apps.connections.open();
    expect(opened).toMatchObject({
      ok: true,
      url: expect.stringMatching(/^ws:\/\/127\.0\.0\.1:\d+\/socket-mode\/[0-9a-f-]{36}$/),
    });
    await expect(clientFor(standIn).apps.connections.open()).rejects.toMatchObject({
      data: { error: 'not_allowed_token_type' },
    });
    await expect(clientFor(standIn, {}, 'xapp-1-A0APP0001-revoked').apps.connections.open()).rejects.toMatchObject({
      data: { error: 'invalid_auth' },
    });
    const method = `${standIn.apiUrl}apps.connections.open`;
    expect(await postForm(method, `token=${standIn.appToken}`)).toEqual({ ok: false, error: 'invalid_auth' });
    expect(await postForm(method, '')).toEqual({ ok: false, error: 'not_authed' });
    // And the app-level token is no bot token.
    await expect(
      clientFor(standIn, {}, standIn.appToken).chat.postMessage({ channel: PAYMENTS.id, text: 'hi' }),
    ).rejects.toMatchObject({ data: { error: 'not_allowed_token_type' } });
    expect(standIn.callsTo('apps.connections.open').map((call) => call.response.error ?? 'ok')).toEqual([
      'ok',
      'not_allowed_token_type',
      'invalid_auth',
      'invalid_auth',
      'not_authed',
    ]);
  });

  it("says Slack's hello on connect, then sends envelopes and resolves with the client's acks", async () => {
    client = socketClient(standIn);
    const received: string[] = [];
    client.on('ws_message', (data: unknown) => received.push(String(data)));
    client.on('slash_commands', async ({ ack, body }: { ack: (r?: object) => Promise<void>; body: JsonObject }) => {
      await ack({ response_type: 'ephemeral', text: `you said ${String(body.text)}` });
    });
    client.on('app_mention', async ({ ack }: { ack: () => Promise<void> }) => ack());
    await client.start();
    expect(JSON.parse(received[0] ?? '')).toEqual({
      type: 'hello',
      num_connections: 1,
      debug_info: { host: expect.any(String), build_number: expect.any(Number), approximate_connection_time: 18060 },
      connection_info: { app_id: BOT.appId },
    });
    expect(standIn.socketMode.openConnections).toBe(1);

    const ack = await standIn.socketSend('slash_commands', { command: '/threatmodel', text: 'hi' });
    expect(ack).toEqual({
      envelope_id: standIn.socketMode.envelopes[0]?.envelope_id,
      payload: { response_type: 'ephemeral', text: 'you said hi' },
      ms: expect.any(Number),
      at: expect.any(Date),
    });
    const event = { type: 'event_callback', event: { type: 'app_mention', text: 'hi' } };
    expect(await standIn.socketSend('events_api', event, { retryAttempt: 1, retryReason: 'timeout' })).toMatchObject({
      payload: {},
    });
    expect(standIn.socketMode.envelopes).toEqual([
      {
        envelope_id: expect.any(String),
        type: 'slash_commands',
        payload: expect.any(Object),
        accepts_response_payload: true,
      },
      {
        envelope_id: expect.any(String),
        type: 'events_api',
        payload: event,
        accepts_response_payload: false,
        retry_attempt: 1,
        retry_reason: 'timeout',
      },
    ]);
    expect(standIn.socketMode.acks).toHaveLength(2);
  });

  it('fails clearly when no ack comes in time, or when no app is connected', async () => {
    await expect(standIn.socketSend('slash_commands', { command: '/threatmodel' })).rejects.toThrow(
      'Socket Mode: no open connection to send slash_commands on',
    );
    client = socketClient(standIn);
    await client.start();
    await expect(standIn.socketSend('interactive', { type: 'block_actions' }, { timeoutMs: 100 })).rejects.toThrow(
      /^Socket Mode: no ack for envelope [0-9a-f-]{36} \(interactive block_actions\) within 100 ms$/,
    );
    expect(standIn.socketMode.acks).toEqual([]);
  });

  it('answers pings with pongs, so the client keeps its connection', async () => {
    // The client pings every clientPingTimeout / 3 and drops the connection after 4 pings without a pong.
    client = socketClient(standIn, { clientPingTimeout: 150 });
    await client.start();
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(standIn.socketMode.openConnections).toBe(1);
  });

  it('records how the client closed; a connection URL works once', async () => {
    client = socketClient(standIn);
    await client.start();
    const url = String(standIn.callsTo('apps.connections.open')[0]?.response.url);
    expect(await upgradeStatus(url)).toBe(404);
    expect(await upgradeStatus(url.replace(/[0-9a-f-]{36}$/, '00000000-0000-0000-0000-000000000000'))).toBe(404);
    await client.disconnect();
    await standIn.socketMode.allClosed();
    expect(standIn.socketMode.connections).toEqual([
      { id: expect.any(String), openedAt: expect.any(Date), closedAt: expect.any(Date), closeCode: 1000 },
    ]);
    expect(standIn.socketMode.openConnections).toBe(0);
  });

  it('close() ends open connections before the server stops', async () => {
    const own = await startSlackStandIn();
    const ownClient = socketClient(own);
    const disconnected = new Promise((resolve) => ownClient.once('disconnected', resolve));
    await ownClient.start();
    await own.close();
    await disconnected;
    expect(own.socketMode.openConnections).toBe(0);
    expect(own.socketMode.connections[0]?.closedAt).toEqual(expect.any(Date));
  });

  it('drives an app over the socket with the same payloads as over HTTP', async () => {
    client = socketClient(standIn);
    client.on('slash_commands', async ({ ack }: { ack: (r?: object) => Promise<void> }) =>
      ack({ response_type: 'ephemeral', text: 'Hello' }),
    );
    await client.start();
    const driver = new SlackDriver({ socketMode: true, standIn });
    const reply = await driver.command(ALICE.id, PAYMENTS.id, 'help');
    expect(reply).toMatchObject({ status: 200, json: { response_type: 'ephemeral', text: 'Hello' } });
    expect(standIn.socketMode.envelopes[0]?.payload).toMatchObject({
      command: '/threatmodel',
      text: 'help',
      user_id: ALICE.id,
      channel_id: PAYMENTS.id,
      team_id: standIn.workspace.teamId,
      response_url: reply.responseUrl,
      trigger_id: reply.triggerId,
    });
    expect(standIn.ephemeralsFor(ALICE.id)).toEqual([expect.objectContaining({ text: 'Hello', via: 'command_ack' })]);
    expect(() => driver.appUrl).toThrow(/Socket Mode/);
  });
});
