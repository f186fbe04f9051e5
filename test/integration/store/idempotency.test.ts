import { RedisIdempotency } from '../../../src/store/idempotency';
import { useStore } from '../../support/store-fixture';

describe('at-most-once side effects', () => {
  const ctx = useStore();

  it('runs an effect once per key within the window, even when called concurrently', async () => {
    const once = new RedisIdempotency(ctx.redis, ctx.keys);
    let runs = 0;
    const effect = async () => {
      runs += 1;
      return 'posted';
    };
    const results = await Promise.all(Array.from({ length: 10 }, () => once.once('event:Ev123', 60_000, effect)));
    expect(runs).toBe(1);
    expect(results.filter((r) => r.ran)).toEqual([{ ran: true, result: 'posted' }]);
    expect(await once.once('event:Ev123', 60_000, effect)).toEqual({ ran: false });
    expect(await once.once('event:Ev456', 60_000, effect)).toEqual({ ran: true, result: 'posted' });
  });

  it('lets the effect run again once the window has passed', async () => {
    const once = new RedisIdempotency(ctx.redis, ctx.keys);
    expect((await once.once('job:1', 50, async () => 1)).ran).toBe(true);
    expect((await once.once('job:1', 50, async () => 2)).ran).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(await once.once('job:1', 50, async () => 3)).toEqual({ ran: true, result: 3 });
  });

  it('releases the key when the effect fails, so a retry can run it', async () => {
    const once = new RedisIdempotency(ctx.redis, ctx.keys);
    await expect(once.once('job:2', 60_000, async () => Promise.reject(new Error('Slack said 500')))).rejects.toThrow(
      'Slack said 500',
    );
    expect(await once.once('job:2', 60_000, async () => 'ok')).toEqual({ ran: true, result: 'ok' });
  });
});

describe('answers given once', () => {
  const ctx = useStore();
  const WINDOW = 60_000;
  /** Ledgers of several app replicas: one connection each, the same Redis and key prefix. */
  const replicas = (count: number) =>
    Array.from({ length: count }, () => new RedisIdempotency(ctx.connection(), ctx.keys));

  it('lets exactly one replica claim a key; the others get the answer it recorded', async () => {
    const ledgers = replicas(5);
    const claims = await Promise.all(ledgers.map((ledger) => ledger.claimAnswer('view:V1', WINDOW, 0)));
    expect(claims.filter((claim) => claim.state === 'claimed')).toHaveLength(1);
    expect(claims.filter((claim) => claim.state === 'pending')).toHaveLength(4);

    const first = ledgers[claims.findIndex((claim) => claim.state === 'claimed')];
    await first?.recordAnswer('view:V1', '{"response":{"response_action":"clear"}}');
    for (const ledger of ledgers) {
      expect(await ledger.claimAnswer('view:V1', WINDOW, 0)).toEqual({
        state: 'answered',
        answer: '{"response":{"response_action":"clear"}}',
      });
    }
  });

  it('makes a repeat wait for the answer of a first caller still working', async () => {
    const [first, repeat] = replicas(2);
    expect(await first?.claimAnswer('view:V2', WINDOW, 0)).toEqual({ state: 'claimed' });
    const waiting = repeat?.claimAnswer('view:V2', WINDOW, 10_000);
    await first?.recordAnswer('view:V2', '{}');
    expect(await waiting).toEqual({ state: 'answered', answer: '{}' });
  });

  it('hands a released key to the next caller, also one already waiting', async () => {
    const [first, repeat] = replicas(2);
    await first?.claimAnswer('view:V3', WINDOW, 0);
    const waiting = repeat?.claimAnswer('view:V3', WINDOW, 10_000);
    await first?.release('view:V3');
    expect(await waiting).toEqual({ state: 'claimed' });
    expect(await first?.claimAnswer('view:V3', WINDOW, 0)).toEqual({ state: 'pending' });
  });

  it('forgets the answer with its window, and a late answer does not outlive it', async () => {
    const ledger = new RedisIdempotency(ctx.redis, ctx.keys);
    await ledger.claimAnswer('view:V4', 50, 0);
    await ledger.recordAnswer('view:V4', '{}');
    expect(await ctx.redis.pttl(ctx.keys.once('view:V4'))).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 80));
    await ledger.recordAnswer('view:V4', '{}');
    expect(await ctx.redis.exists(ctx.keys.once('view:V4'))).toBe(0);
    expect(await ledger.claimAnswer('view:V4', 50, 0)).toEqual({ state: 'claimed' });
  });
});
