import { WebAPIRateLimitedError } from '@slack/web-api';
import type { RateLimits } from '../../../dev/stand-in/rate-limits';
import { type SlackStandIn, startSlackStandIn } from '../../../dev/stand-in/stand-in-server';
import { CHANNELS, USERS } from '../../../dev/stand-in/workspace';
import { clientFor } from './web-client';

const { PAYMENTS, SEARCH } = CHANNELS;
const { ALICE } = USERS;

const SLACK_LIKE: RateLimits = {
  'chat.postMessage': { perChannel: { max: 1, windowMs: 1000 }, perMethod: { max: 100, windowMs: 1000 } },
  'users.info': { perMethod: { max: 2, windowMs: 60_000 } },
};

describe('Slack stand-in: rate limits', () => {
  let clock = 1_700_000_000_000;
  let standIn: SlackStandIn;
  const client = () => clientFor(standIn, { retryConfig: { retries: 0 }, rejectRateLimitedCalls: true });
  beforeAll(async () => {
    standIn = await startSlackStandIn({ now: () => clock });
  });
  afterAll(() => standIn.close());
  beforeEach(() => {
    standIn.reset();
    standIn.enforceRateLimits(SLACK_LIKE);
  });

  describe('when a channel gets a second message within its window', () => {
    it('answers 429 ratelimited with Retry-After, records the call and does not post', async () => {
      await client().chat.postMessage({ channel: PAYMENTS.id, text: 'first' });
      const second = client().chat.postMessage({ channel: PAYMENTS.id, text: 'second' });
      await expect(second).rejects.toBeInstanceOf(WebAPIRateLimitedError);
      await expect(second).rejects.toMatchObject({ retryAfter: 1 });
      expect(standIn.messages(PAYMENTS.id).map((m) => m.text)).toEqual(['first']);
      expect(standIn.calls.at(-1)).toMatchObject({
        method: 'chat.postMessage',
        status: 429,
        response: { ok: false, error: 'ratelimited' },
      });
      expect(standIn.rateLimitedCount).toBe(1);
    });

    it('still posts to another channel, and to the same one once the window has slid past', async () => {
      await client().chat.postMessage({ channel: PAYMENTS.id, text: 'payments' });
      await client().chat.postMessage({ channel: SEARCH.id, text: 'search' });
      clock += 999;
      await expect(client().chat.postMessage({ channel: PAYMENTS.id, text: 'early' })).rejects.toBeInstanceOf(
        WebAPIRateLimitedError,
      );
      clock += 1;
      await expect(client().chat.postMessage({ channel: PAYMENTS.id, text: 'on time' })).resolves.toMatchObject({
        ok: true,
      });
      expect(standIn.messages(PAYMENTS.id).map((m) => m.text)).toEqual(['payments', 'on time']);
      expect(standIn.rateLimitedCount).toBe(1);
    });

    it("counts a user id as that user's DM", async () => {
      const { channel = '' } = await client().chat.postMessage({ channel: ALICE.id, text: 'to Alice' });
      expect(channel).toMatch(/^D/);
      await expect(client().chat.postMessage({ channel, text: 'again' })).rejects.toBeInstanceOf(
        WebAPIRateLimitedError,
      );
      await expect(client().chat.postMessage({ channel: ALICE.id, text: 'and again' })).rejects.toBeInstanceOf(
        WebAPIRateLimitedError,
      );
      expect(standIn.messages(channel)).toHaveLength(1);
    });
  });

  describe('when a method is over its per-method limit', () => {
    it('waits, rounded up to whole seconds, until the oldest counted call leaves the window', async () => {
      const start = clock;
      await client().users.info({ user: ALICE.id });
      clock = start + 10_000;
      await client().users.info({ user: ALICE.id });
      clock = start + 20_500;
      await expect(client().users.info({ user: ALICE.id })).rejects.toMatchObject({ retryAfter: 40 });
      clock = start + 60_000;
      await expect(client().users.info({ user: ALICE.id })).resolves.toMatchObject({ ok: true });
      // The refused call counted for nothing: the window holds the calls at +10 s and +60 s.
      await expect(client().users.info({ user: ALICE.id })).rejects.toMatchObject({ retryAfter: 10 });
      expect(standIn.rateLimitedCount).toBe(2);
    });

    it('limits every channel together', async () => {
      standIn.enforceRateLimits({ 'chat.postMessage': { perMethod: { max: 2, windowMs: 1000 } } });
      await client().chat.postMessage({ channel: PAYMENTS.id, text: 'one' });
      await client().chat.postMessage({ channel: SEARCH.id, text: 'two' });
      await expect(client().chat.postMessage({ channel: CHANNELS.APPSEC.id, text: 'three' })).rejects.toBeInstanceOf(
        WebAPIRateLimitedError,
      );
      expect(standIn.messages(CHANNELS.APPSEC.id)).toEqual([]);
    });
  });

  describe('when limits are turned off', () => {
    it('accepts every call after enforceRateLimits(undefined) or reset()', async () => {
      standIn.enforceRateLimits(undefined);
      await client().chat.postMessage({ channel: PAYMENTS.id, text: 'one' });
      await client().chat.postMessage({ channel: PAYMENTS.id, text: 'two' });
      standIn.enforceRateLimits(SLACK_LIKE);
      await expect(client().chat.postMessage({ channel: PAYMENTS.id, text: 'three' })).resolves.toMatchObject({
        ok: true,
      });
      standIn.reset();
      await client().chat.postMessage({ channel: PAYMENTS.id, text: 'four' });
      await client().chat.postMessage({ channel: PAYMENTS.id, text: 'five' });
      expect(standIn.messages(PAYMENTS.id)).toHaveLength(2);
      expect(standIn.rateLimitedCount).toBe(0);
    });
  });
});

describe('Slack stand-in: rate limits given at construction', () => {
  let standIn: SlackStandIn;
  beforeAll(async () => {
    standIn = await startSlackStandIn({ rateLimits: { 'auth.test': { perMethod: { max: 1, windowMs: 60_000 } } } });
  });
  afterAll(() => standIn.close());

  it('enforces them from the start and again after reset()', async () => {
    const client = clientFor(standIn, { retryConfig: { retries: 0 }, rejectRateLimitedCalls: true });
    await client.auth.test();
    await expect(client.auth.test()).rejects.toBeInstanceOf(WebAPIRateLimitedError);
    standIn.reset();
    await client.auth.test();
    const limited = await fetch(`${standIn.apiUrl}auth.test`, {
      method: 'POST',
      headers: { authorization: `Bearer ${standIn.token}` },
    });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(59);
    await expect(limited.json()).resolves.toEqual({ ok: false, error: 'ratelimited' });
  });
});
