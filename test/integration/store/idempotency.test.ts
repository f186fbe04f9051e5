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
