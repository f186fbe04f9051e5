import { USERS } from '../../../dev/stand-in/workspace';
import { ModelInvalidError } from '../../../src/errors';
import { keepWriting } from '../../support/acknowledged-writes';
import { eventually } from '../../support/eventually';
import { type RedisSentinelFixture, startRedisSentinel } from '../../support/redis-sentinel';
import { appsecCards, REF, requestReview, startCompleteModel } from '../../support/review-scenarios';
import { useSlackApp } from '../../support/slack-app-fixture';

const { BOB } = USERS;

/**
 * The app on a Sentinel-watched Redis (a primary, a replica, 3 sentinels) with
 * REDIS_WAIT_REPLICAS=1: when the primary is SIGKILLed, the sentinels promote the replica, the
 * app's connections (store, queues, workers) find it through them, and no change the app
 * acknowledged is missing there.
 */
describe('on a Redis watched by Sentinel', () => {
  let sentinel: RedisSentinelFixture;
  const ctx = useSlackApp({
    redis: async () => {
      sentinel = await startRedisSentinel();
      return {
        env: { ...sentinel.env, REDIS_WAIT_REPLICAS: '1', REDIS_WAIT_TIMEOUT_MS: '2000' },
        close: () => sentinel.destroy(),
      };
    },
  });

  it('follows the promotion of the replica and keeps every acknowledged draft change', async () => {
    await startCompleteModel(ctx, { complete: false });
    const writer = keepWriting(ctx.store, REF, BOB.id);
    await writer.acknowledge(5);
    await sentinel.primary.stop('SIGKILL');
    await sentinel.promoted(sentinel.replica);
    // The old primary comes back; Sentinel makes it a replica of the promoted one, and changes
    // are confirmed by a replica again.
    await sentinel.primary.restart();
    await sentinel.replicating(sentinel.primary);
    await writer.acknowledge(5);
    await writer.stop();

    const stored = new Set((await ctx.model()).threats.map((threat) => threat.id));
    expect(writer.acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    expect(writer.failed.every((error) => !(error instanceof ModelInvalidError))).toBe(true);

    // The app answers again, and its queues and workers run on the promoted primary.
    await ctx.driver.clickButton(BOB.id, 'threat.add', { value: 'TM-1' });
    await ctx.settle();
    expect(ctx.standIn.openViews(BOB.id).at(-1)?.callback_id).toBe('threat.edit');
    expect((await requestReview(ctx, { note: 'After the failover', incomplete: ['yes'] })).errors).toBeUndefined();
    await appsecCards(ctx);
    await eventually('the review assigned', async () => (await ctx.model()).review?.reviewerId);
  }, 90_000);
});
