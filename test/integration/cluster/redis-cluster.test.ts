import { Queue, Worker } from 'bullmq';
import { TEAM_ID, USERS } from '../../../dev/stand-in/workspace';
import { workerRedis } from '../../../src/app/redis-connections';
import { ModelInvalidError } from '../../../src/errors';
import { createRedisClient, type RedisClient } from '../../../src/store/redis-connection';
import { keepWriting } from '../../support/acknowledged-writes';
import { eventually } from '../../support/eventually';
import { type RedisClusterFixture, startRedisCluster } from '../../support/redis-cluster';
import { approveFromCard, appsecCards, REF, requestReview, startCompleteModel } from '../../support/review-scenarios';
import { useSlackApp } from '../../support/slack-app-fixture';
import { CHANNEL } from '../../support/slack-scenarios';

const { ALICE, BOB, APPSEC1 } = USERS;

/**
 * The app on a real 6-node Redis Cluster (3 primaries, 3 replicas) with REDIS_WAIT_REPLICAS=1:
 * every path of the store, the queues and the workers runs there, and none may touch keys of two
 * slots at once (the nodes count every CROSSSLOT refusal, whoever sent it). The last test kills
 * the primary holding the model mid-walk; the cluster stays broken after it, so it comes last.
 */
describe('on a Redis Cluster', () => {
  let cluster: RedisClusterFixture;
  const ctx = useSlackApp({
    captureLogs: true,
    redis: async () => {
      cluster = await startRedisCluster();
      return {
        env: { ...cluster.env, REDIS_WAIT_REPLICAS: '1', REDIS_WAIT_TIMEOUT_MS: '2000' },
        close: () => cluster.destroy(),
      };
    },
  });

  it('walks a model to an approved review, with the review job on the cluster, and no command crosses slots', async () => {
    await startCompleteModel(ctx);
    await ctx.driver.clickButton(BOB.id, 'threat.add', { value: 'TM-1' });
    await ctx.settle();
    expect((await requestReview(ctx, { note: 'On the cluster' })).errors).toBeUndefined();
    await appsecCards(ctx);
    await eventually('the review assigned', async () => (await ctx.model()).review?.reviewerId);
    const approval = await approveFromCard(ctx, APPSEC1.id, { comment: 'Fine on a cluster too.' });
    expect(approval?.errors).toBeUndefined();

    const model = await ctx.model();
    expect(model.status).toBe('approved');
    // Listed through every index it is in: the workspace's, the channel's, the reviewer's, its status'.
    const listed = async (index: Parameters<typeof ctx.store.list>[1]) =>
      (await ctx.store.list(TEAM_ID, index)).items.map((item) => item.id);
    expect(await listed({ by: 'all' })).toEqual(['TM-1']);
    expect(await listed({ by: 'channel', channelId: CHANNEL })).toEqual(['TM-1']);
    expect(await listed({ by: 'participant', userId: ALICE.id })).toEqual(['TM-1']);
    expect(await listed({ by: 'reviewer', userId: model.review?.reviewerId ?? '' })).toEqual(['TM-1']);
    expect(await listed({ by: 'status', status: 'approved' })).toEqual(['TM-1']);
    expect((await ctx.store.auditTrail(REF)).total).toBe(model.version);
    expect(ctx.logs.filter((entry) => /CROSSSLOT|MOVED|ASK /.test(JSON.stringify(entry)))).toEqual([]);
    expect(await cluster.crossSlotErrors()).toBe(0);
  });

  it('runs BullMQ queues and workers on it, one slot per queue', async () => {
    const producer = createRedisClient(cluster.target);
    const blocking = workerRedis(cluster.target, ctx.composed.logger);
    const queue = new Queue('{cluster-check}', { connection: producer, prefix: ctx.keys.jobsPrefix() });
    const done: string[] = [];
    const worker = new Worker(
      '{cluster-check}',
      async (job) => {
        done.push(job.name);
      },
      { connection: blocking, prefix: ctx.keys.jobsPrefix() },
    );
    try {
      await worker.waitUntilReady();
      await queue.add('now', {});
      await queue.add('later', {}, { delay: 200 });
      await eventually('both jobs done', () => done.length === 2);
      expect(done.sort()).toEqual(['later', 'now']);
      // The app's own queues and the retention sweep's scheduler are there too, each in one slot.
      expect(await ctx.composed.maintenance.getJobSchedulersCount()).toBe(1);
      expect(await cluster.crossSlotErrors()).toBe(0);
    } finally {
      await worker.close();
      await queue.close();
      await Promise.all([quit(producer), quit(blocking)]);
    }
  });

  it('after the primary holding the model is killed mid-walk, answers again and has every acknowledged change', async () => {
    await startCompleteModel(ctx, { complete: false });
    const primary = await cluster.primaryFor(ctx.keys.model(TEAM_ID, 'TM-1'));
    const writer = keepWriting(ctx.store, REF, BOB.id);
    await writer.acknowledge(5);
    await cluster.kill(primary);
    await cluster.healthy();
    // The promoted replica has no replica of its own until the killed node comes back as one:
    // meanwhile a change is saved but not confirmed (the writer is told so; it is not acknowledged).
    await cluster.revive(primary);
    await writer.acknowledge(5);
    await writer.stop();

    // The app answers again: a click reaches the promoted replica and opens the threat form.
    await ctx.driver.clickButton(BOB.id, 'threat.add', { value: 'TM-1' });
    await ctx.settle();
    expect(ctx.standIn.openViews(BOB.id).at(-1)?.callback_id).toBe('threat.edit');
    const stored = new Set((await ctx.model()).threats.map((threat) => threat.id));
    expect(writer.acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    expect(writer.failed.every((error) => !(error instanceof ModelInvalidError))).toBe(true);
    expect(await cluster.crossSlotErrors()).toBe(0);
  }, 90_000);
});

async function quit(redis: RedisClient): Promise<void> {
  await redis.quit().catch(() => redis.disconnect());
}
