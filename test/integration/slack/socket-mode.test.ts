import { CHANNELS, USERS } from '../../../dev/stand-in/workspace';
import { useSlackApp } from '../../support/slack-app-fixture';

const { ALICE, BOB } = USERS;
const CHANNEL = CHANNELS.PAYMENTS.id;

function blockText(message: { text?: unknown; blocks?: unknown } | undefined): string {
  return JSON.stringify(message?.blocks ?? []) + String(message?.text ?? '');
}

/**
 * The real app in Socket Mode: it opens its connection to the stand-in with the app-level token, gets
 * Slack's envelopes over the WebSocket and acks them there, while its Web API calls go to the stand-in
 * with the bot token, exactly as in HTTP mode.
 */
describe('Socket Mode', () => {
  const ctx = useSlackApp({ mode: 'socket' });

  it('connects with a URL from apps.connections.open and keeps one connection open', () => {
    const opened = ctx.standIn.callsTo('apps.connections.open');
    expect(opened).toEqual([
      expect.objectContaining({
        status: 200,
        response: { ok: true, url: expect.stringMatching(/^ws:\/\/127\.0\.0\.1:/) },
      }),
    ]);
    expect(ctx.standIn.socketMode.openConnections).toBe(1);
    expect(ctx.standIn.socketMode.connections).toEqual([{ id: expect.any(String), openedAt: expect.any(Date) }]);
  });

  it('/threatmodel start over the socket: acked at once, then the same listeners create TM-1 and post its card', async () => {
    const reply = await ctx.driver.command(ALICE.id, CHANNEL, 'start Refunds API');
    const { envelopes, acks } = ctx.standIn.socketMode;
    expect(envelopes).toEqual([
      {
        envelope_id: expect.any(String),
        type: 'slash_commands',
        accepts_response_payload: true,
        payload: expect.objectContaining({
          command: '/threatmodel',
          text: 'start Refunds API',
          user_id: ALICE.id,
          channel_id: CHANNEL,
        }),
      },
    ]);
    // A bare ack(): Bolt answers with an empty payload, and the card comes after the ack.
    expect(acks).toEqual([
      { envelope_id: envelopes[0]?.envelope_id, payload: {}, ms: expect.any(Number), at: expect.any(Date) },
    ]);
    expect(reply).toMatchObject({ status: 200, body: '' });
    expect(reply.json).toBeUndefined();

    await ctx.settle();
    const card = ctx.standIn.messages(CHANNEL).at(-1);
    expect(blockText(card)).toContain('Refunds API');
    expect(blockText(card)).toContain('Step 1 of 4');
    expect(ctx.standIn.callsTo('chat.postMessage').map((call) => call.args.channel)).toContain(CHANNEL);
    expect(await ctx.model('TM-1')).toMatchObject({
      title: 'Refunds API',
      channelId: CHANNEL,
      ownerId: ALICE.id,
      threadTs: card?.ts,
      status: 'draft',
    });
  });

  it('/threatmodel help: the ack itself carries the ephemeral help, shown to the one who asked', async () => {
    const reply = await ctx.driver.command(ALICE.id, CHANNEL, 'help');
    const ack = ctx.standIn.socketMode.acks.at(-1);
    expect(ack?.payload).toMatchObject({
      response_type: 'ephemeral',
      text: expect.stringContaining('/threatmodel start'),
      blocks: [expect.objectContaining({ type: 'section' })],
    });
    expect(reply.json).toEqual(ack?.payload);
    expect(ctx.standIn.ephemeralsFor(ALICE.id)).toEqual([
      expect.objectContaining({ channel: CHANNEL, via: 'command_ack', text: expect.stringContaining('/threatmodel') }),
    ]);
    await ctx.settle();
    expect(ctx.standIn.callsTo('chat.postMessage')).toEqual([]);
  });

  it('block_actions and view_submission over the socket: roles are set, and invalid input comes back in the ack', async () => {
    await ctx.driver.command(ALICE.id, CHANNEL, 'start Refunds API');
    await ctx.settle();

    await ctx.driver.selectUsers(ALICE.id, 'roles.select.adversary', [BOB.id]);
    await ctx.settle();
    expect((await ctx.model()).roles).toMatchObject({ adversary: [BOB.id] });
    const action = ctx.standIn.socketMode.envelopes.at(-1);
    expect(action).toMatchObject({
      type: 'interactive',
      accepts_response_payload: false,
      payload: { type: 'block_actions', actions: [{ action_id: 'roles.select.adversary', selected_users: [BOB.id] }] },
    });
    expect(ctx.standIn.socketMode.acks.at(-1)).toMatchObject({ envelope_id: action?.envelope_id, payload: {} });

    await ctx.driver.clickButton(ALICE.id, 'scope.add.designLink', { value: 'TM-1|designLink' });
    await ctx.settle();
    const result = await ctx.driver.submitView(ALICE.id, { title: 'Design', url: 'javascript:alert(1)' });
    expect(ctx.standIn.socketMode.envelopes.at(-1)).toMatchObject({
      type: 'interactive',
      accepts_response_payload: true,
      payload: { type: 'view_submission' },
    });
    expect(ctx.standIn.socketMode.acks.at(-1)?.payload).toEqual({
      response_action: 'errors',
      errors: { url: expect.stringMatching(/http\(s\) URL/) },
    });
    expect(result.errors).toEqual({ url: expect.stringMatching(/http\(s\) URL/) });
    expect(ctx.standIn.openViews(ALICE.id)).toHaveLength(1);
  });

  it('serves the health routes on its port, and takes no Slack requests over HTTP', async () => {
    const base = `http://127.0.0.1:${ctx.port}`;
    const health = await fetch(`${base}/healthz`);
    expect([health.status, await health.json()]).toEqual([200, { status: 'ok' }]);
    const ready = await fetch(`${base}/readyz`);
    expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready' }]);
    expect((await fetch(`${base}/slack/events`, { method: 'POST', body: 'command=/threatmodel' })).status).toBe(404);
  });

  it('app.stop() closes the socket with a normal closure, and the health port with it', async () => {
    const [connection] = ctx.standIn.socketMode.connections;
    await ctx.stop();
    await ctx.standIn.socketMode.allClosed();
    expect(ctx.standIn.socketMode.openConnections).toBe(0);
    expect(connection).toMatchObject({ closeCode: 1000, closedAt: expect.any(Date) });
    await expect(ctx.driver.command(ALICE.id, CHANNEL, 'help')).rejects.toThrow(/no open connection/);
    await expect(fetch(`http://127.0.0.1:${ctx.port}/healthz`)).rejects.toThrow();
  });
});
