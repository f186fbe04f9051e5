import { ErrorCode, WebAPIHTTPError, WebAPIRateLimitedError } from '@slack/web-api';
import { type SlackStandIn, startSlackStandIn } from '../../../dev/stand-in/stand-in-server';
import { BOT, CHANNELS, TEAM_ID, USERS } from '../../../dev/stand-in/workspace';
import { actions, button, message, section, x } from './block-kit-fixtures';
import { clientFor } from './web-client';

const { PAYMENTS, NO_BOT } = CHANNELS;
const { ALICE, EVE } = USERS;
const TS = /^\d{10}\.\d{6}$/;

describe('Slack stand-in: auth and chat.*', () => {
  let standIn: SlackStandIn;
  beforeAll(async () => {
    standIn = await startSlackStandIn();
  });
  afterAll(() => standIn.close());
  beforeEach(() => standIn.reset());

  it('answers auth.test like Slack and refuses a wrong token with invalid_auth', async () => {
    await expect(clientFor(standIn).auth.test()).resolves.toMatchObject({
      ok: true,
      team_id: TEAM_ID,
      user_id: BOT.userId,
      bot_id: BOT.botId,
      url: 'https://acme.slack.com/',
    });
    const intruder = clientFor(standIn, {}, 'xoxb-wrong');
    await expect(intruder.auth.test()).rejects.toMatchObject({
      code: ErrorCode.PlatformError,
      data: { error: 'invalid_auth' },
    });
    await expect(intruder.chat.postMessage({ channel: PAYMENTS.id, text: 'hi' })).rejects.toMatchObject({
      data: { error: 'invalid_auth' },
    });
    expect(standIn.messages(PAYMENTS.id)).toEqual([]);
    expect(standIn.calls.map((call) => [call.method, call.response.ok])).toEqual([
      ['auth.test', true],
      ['auth.test', false],
      ['chat.postMessage', false],
    ]);
  });

  it('posts messages and thread replies with increasing ts, parsing blocks sent as a JSON string', async () => {
    const client = clientFor(standIn);
    const parent = await client.chat.postMessage({ channel: PAYMENTS.id, text: 'card', blocks: [section('*TM-1*')] });
    expect(parent).toMatchObject({
      ok: true,
      channel: PAYMENTS.id,
      message: { text: 'card', user: BOT.userId, bot_id: BOT.botId },
    });
    expect(parent.ts).toMatch(TS);
    const parentTs = parent.ts ?? '';
    const reply = await client.chat.postMessage({ channel: PAYMENTS.id, text: 'step 1', thread_ts: parentTs });
    const nested = await client.chat.postMessage({ channel: PAYMENTS.id, text: 'step 2', thread_ts: reply.ts ?? '' });
    expect(Number(reply.ts)).toBeGreaterThan(Number(parentTs));
    expect(Number(nested.ts)).toBeGreaterThan(Number(reply.ts));

    expect(standIn.callsTo('chat.postMessage')[0]?.args.blocks).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: '*TM-1*' } },
    ]);
    expect(standIn.messages(PAYMENTS.id).map((m) => m.text)).toEqual(['card']);
    expect(standIn.thread(PAYMENTS.id, parentTs).map((m) => [m.text, m.thread_ts])).toEqual([
      ['step 1', parentTs],
      ['step 2', parentTs],
    ]);
    expect(standIn.message(PAYMENTS.id, parentTs)?.blocks).toEqual([
      expect.objectContaining({ block_id: expect.any(String) }),
    ]);
    expect(standIn.latestMessage(PAYMENTS.id)?.text).toBe('step 2');
    expect(standIn.latestMessage(PAYMENTS.id, (m) => m.thread_ts === undefined)?.text).toBe('card');
    await expect(client.chat.getPermalink({ channel: PAYMENTS.id, message_ts: reply.ts ?? '' })).resolves.toMatchObject(
      {
        permalink: `https://acme.slack.com/archives/${PAYMENTS.id}/p${(reply.ts ?? '').replace('.', '')}?thread_ts=${parentTs}&cid=${PAYMENTS.id}`,
      },
    );
  });

  it('refuses what Slack refuses: unknown channel, bot not in channel, no text, user not in channel', async () => {
    const client = clientFor(standIn);
    await expect(client.chat.postMessage({ channel: 'C0UNKNOWN', text: 'x' })).rejects.toMatchObject({
      data: { error: 'channel_not_found' },
    });
    await expect(client.chat.postMessage({ channel: NO_BOT.id, text: 'x' })).rejects.toMatchObject({
      data: { error: 'not_in_channel' },
    });
    await expect(client.apiCall('chat.postMessage', { channel: PAYMENTS.id })).rejects.toMatchObject({
      data: { error: 'no_text' },
    });
    await expect(client.chat.postEphemeral({ channel: PAYMENTS.id, user: EVE.id, text: 'psst' })).rejects.toMatchObject(
      {
        data: { error: 'user_not_in_channel' },
      },
    );
    await expect(client.apiCall('chat.frobnicate', {})).rejects.toMatchObject({ data: { error: 'unknown_method' } });
  });

  it('updates a message, keeping every version, and refuses text over 4000 characters', async () => {
    const client = clientFor(standIn);
    const { ts = '' } = await client.chat.postMessage({ channel: PAYMENTS.id, text: 'v1', blocks: [section('one')] });
    await expect(client.chat.update({ channel: PAYMENTS.id, ts, text: 'v2' })).resolves.toMatchObject({
      ok: true,
      ts,
      text: 'v2',
    });
    await client.chat.update({ channel: PAYMENTS.id, ts, blocks: [section('three')] });
    const stored = standIn.message(PAYMENTS.id, ts);
    expect(stored?.updates).toBe(2);
    expect(stored?.text).toBe('v2');
    expect(stored?.versions.map((v) => v.text)).toEqual(['v1', 'v2', 'v2']);
    expect(JSON.stringify(stored?.blocks)).toContain('three');
    await expect(client.chat.update({ channel: PAYMENTS.id, ts, text: x(4001) })).rejects.toMatchObject({
      data: { error: 'msg_too_long' },
    });
    await expect(client.chat.update({ channel: PAYMENTS.id, ts: '1.000001', text: 'x' })).rejects.toMatchObject({
      data: { error: 'message_not_found' },
    });
    await client.chat.delete({ channel: PAYMENTS.id, ts });
    expect(standIn.messages(PAYMENTS.id)).toEqual([]);
  });

  it('stores ephemerals per user and DMs opened with conversations.open', async () => {
    const client = clientFor(standIn);
    const ephemeral = await client.chat.postEphemeral({ channel: PAYMENTS.id, user: ALICE.id, text: 'only you' });
    expect(ephemeral.message_ts).toMatch(TS);
    expect(standIn.ephemeralsFor(ALICE.id)).toEqual([
      expect.objectContaining({ channel: PAYMENTS.id, text: 'only you' }),
    ]);
    const dm = await client.conversations.open({ users: EVE.id });
    expect(dm.channel?.id).toMatch(/^D/);
    await client.chat.postMessage({ channel: dm.channel?.id ?? '', text: 'reminder' });
    expect(standIn.messages(dm.channel?.id ?? '')).toHaveLength(1);
    expect((await client.conversations.open({ users: EVE.id })).channel?.id).toBe(dm.channel?.id);
  });

  it('refuses invalid Block Kit with invalid_blocks, listing the problems, and records the violation', async () => {
    const client = clientFor(standIn);
    const tooLong = message(section(x(3001)));
    await expect(client.chat.postMessage({ channel: PAYMENTS.id, ...tooLong })).rejects.toMatchObject({
      data: {
        error: 'invalid_blocks',
        response_metadata: { messages: ['blocks[0].text.text: 3001 characters, more than 3000'] },
      },
    });
    const { ts = '' } = await client.chat.postMessage({ channel: PAYMENTS.id, text: 'ok' });
    await expect(
      client.chat.update({ channel: PAYMENTS.id, ts, blocks: [actions(button('a'), button('a'))] }),
    ).rejects.toMatchObject({
      data: { error: 'invalid_blocks' },
    });
    expect(standIn.blockKitViolations.map((v) => v.method)).toEqual(['chat.postMessage', 'chat.update']);
    expect(standIn.message(PAYMENTS.id, ts)?.updates).toBe(0);
  });

  it('injects 429 with Retry-After, 500 and ok:false faults, once or several times', async () => {
    const client = clientFor(standIn, { rejectRateLimitedCalls: true });
    standIn.failNext('chat.postMessage', { status: 429, retryAfter: 7 });
    const limited = client.chat.postMessage({ channel: PAYMENTS.id, text: 'x' });
    await expect(limited).rejects.toBeInstanceOf(WebAPIRateLimitedError);
    await expect(limited).rejects.toMatchObject({ retryAfter: 7 });
    expect(standIn.calls.at(-1)).toMatchObject({ method: 'chat.postMessage', status: 429 });

    standIn.failNext('chat.update', { status: 500 });
    const { ts = '' } = await client.chat.postMessage({ channel: PAYMENTS.id, text: 'x' });
    await expect(client.chat.update({ channel: PAYMENTS.id, ts, text: 'y' })).rejects.toBeInstanceOf(WebAPIHTTPError);

    standIn.failNext('users.info', { error: 'fatal_error', times: 2 });
    await expect(client.users.info({ user: ALICE.id })).rejects.toMatchObject({ data: { error: 'fatal_error' } });
    await expect(client.users.info({ user: ALICE.id })).rejects.toMatchObject({ data: { error: 'fatal_error' } });
    await expect(client.users.info({ user: ALICE.id })).resolves.toMatchObject({ ok: true });
  });
});
