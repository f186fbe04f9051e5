import { setTimeout as delay } from 'node:timers/promises';
import { ErrorCode } from '@slack/web-api';
import { type SlackStandIn, startSlackStandIn } from '../../../dev/stand-in/stand-in-server';
import { CHANNELS, USERS } from '../../../dev/stand-in/workspace';
import { clientFor } from './web-client';

const { PAYMENTS } = CHANNELS;
const { ALICE } = USERS;

/** Whether a promise is still pending after the event loop has had a moment to settle it. */
async function isPending(promise: Promise<unknown>): Promise<boolean> {
  const pending = Symbol('pending');
  const first = await Promise.race([
    promise.then(
      () => 'settled',
      () => 'settled',
    ),
    delay(50, pending),
  ]);
  return first === pending;
}

describe('Slack stand-in: held replies', () => {
  let standIn: SlackStandIn;
  beforeAll(async () => {
    standIn = await startSlackStandIn();
  });
  afterAll(() => standIn.close());
  beforeEach(() => standIn.reset());

  describe('when a chat.postMessage reply is held', () => {
    it('stores the message at once, and answers the client only on release', async () => {
      const client = clientFor(standIn);
      standIn.holdReplies('chat.postMessage');
      const posting = client.chat.postMessage({ channel: PAYMENTS.id, text: 'nudge' });

      const call = await standIn.waitForCall('chat.postMessage');
      expect(call.response).toMatchObject({ ok: true, channel: PAYMENTS.id });
      expect(standIn.messages(PAYMENTS.id).map((m) => m.text)).toEqual(['nudge']);
      expect(await isPending(posting)).toBe(true);
      expect(standIn.heldReplyCount).toBe(1);

      expect(standIn.releaseHeldReplies()).toBe(1);
      await expect(posting).resolves.toMatchObject({ ok: true, ts: call.response.ts });
      expect(standIn.heldReplyCount).toBe(0);
    });

    it('holds only as many calls as asked, and answers other methods at once', async () => {
      const client = clientFor(standIn);
      standIn.holdReplies('chat.postMessage', { times: 2 });
      const first = client.chat.postMessage({ channel: PAYMENTS.id, text: 'one' });
      const second = client.chat.postMessage({ channel: PAYMENTS.id, text: 'two' });
      await standIn.waitForCall('chat.postMessage', (c) => c.args.text === 'two');
      await expect(client.chat.postMessage({ channel: PAYMENTS.id, text: 'three' })).resolves.toMatchObject({
        ok: true,
      });
      await expect(client.users.info({ user: ALICE.id })).resolves.toMatchObject({ ok: true });
      expect(await isPending(first)).toBe(true);
      expect(standIn.releaseHeldReplies()).toBe(2);
      await expect(Promise.all([first, second])).resolves.toHaveLength(2);
    });

    it('drops the held connection on reset(), as a process that died would never hear back', async () => {
      const client = clientFor(standIn);
      standIn.holdReplies('chat.postMessage', { times: 5 });
      const posting = client.chat.postMessage({ channel: PAYMENTS.id, text: 'lost reply' });
      await standIn.waitForCall('chat.postMessage');
      standIn.reset();
      await expect(posting).rejects.toMatchObject({ code: ErrorCode.RequestError });
      expect(standIn.heldReplyCount).toBe(0);
      await expect(client.chat.postMessage({ channel: PAYMENTS.id, text: 'after' })).resolves.toMatchObject({
        ok: true,
      });
    });
  });

  it('drops held connections on close(), which then does not hang', async () => {
    const own = await startSlackStandIn();
    own.holdReplies('auth.test');
    const testing = clientFor(own).auth.test();
    await own.waitForCall('auth.test');
    await own.close();
    await expect(testing).rejects.toMatchObject({ code: ErrorCode.RequestError });
  });
});

describe('Slack stand-in: waitForCall', () => {
  let standIn: SlackStandIn;
  beforeAll(async () => {
    standIn = await startSlackStandIn();
  });
  afterAll(() => standIn.close());
  beforeEach(() => standIn.reset());

  it('resolves with a call already recorded, or with the next matching one', async () => {
    const client = clientFor(standIn);
    await client.chat.postMessage({ channel: PAYMENTS.id, text: 'earlier' });
    await expect(standIn.waitForCall('chat.postMessage')).resolves.toMatchObject({ args: { text: 'earlier' } });

    const waiting = standIn.waitForCall('chat.postMessage', (call) => call.args.text === 'later');
    await client.chat.postMessage({ channel: PAYMENTS.id, text: 'other' });
    await client.chat.postMessage({ channel: PAYMENTS.id, text: 'later' });
    await expect(waiting).resolves.toMatchObject({ status: 200, response: { ok: true } });
  });

  it('looks only at calls from index `since` on', async () => {
    const client = clientFor(standIn);
    await client.auth.test();
    const since = standIn.calls.length;
    const waiting = standIn.waitForCall('auth.test', undefined, 5000, since);
    expect(await isPending(waiting)).toBe(true);
    await client.auth.test();
    await expect(waiting).resolves.toBe(standIn.calls[since]);
  });

  it('rejects when no matching call comes in time, or when the stand-in is reset', async () => {
    await expect(standIn.waitForCall('chat.update', undefined, 30)).rejects.toThrow(
      'no matching chat.update call within 30 ms',
    );
    const waiting = standIn.waitForCall('chat.update');
    standIn.reset();
    await expect(waiting).rejects.toThrow('reset');
  });
});
