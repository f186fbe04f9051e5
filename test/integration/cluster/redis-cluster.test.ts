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
import { webProcesses } from '../../support/web-processes';
import { workerProcesses } from '../../support/worker-processes';

const { ALICE, BOB, APPSEC1 } = USERS;

let cluster: RedisClusterFixture | undefined;
/** The file's one cluster, started for the first fixture, shared by the others, destroyed after the file. */
const ENV = { REDIS_WAIT_REPLICAS: '1', REDIS_WAIT_TIMEOUT_MS: '2000' };
async function onTheCluster() {
  cluster ??= await startRedisCluster();
  return { env: { ...cluster.env, ...ENV }, close: async () => {} };
}
afterAll(() => cluster?.destroy());
const theCluster = (): RedisClusterFixture => {
  if (!cluster) throw new Error('the cluster is not started');
  return cluster;
};

/**
 * The app on a real 6-node Redis Cluster (3 primaries, 3 replicas) with REDIS_WAIT_REPLICAS=1:
 * every path of the store, the queues and the workers runs there, and none may touch keys of two
 * slots at once (the nodes count every CROSSSLOT refusal, whoever sent it). The last test kills
 * the primary holding the model mid-walk; the cluster stays broken after it, so it comes last.
 */
describe('on a Redis Cluster', () => {
  const ctx = useSlackApp({ captureLogs: true, redis: onTheCluster });

  it('walks a model to an approved review and revises it, with the review job on the cluster, and no command crosses slots', async () => {
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
    // Revised: the approved snapshot is written in the model's own transaction, in its slot.
    await ctx.driver.clickButton(ALICE.id, 'model.revise', { channel: CHANNEL });
    await ctx.settle();
    expect((await ctx.model()).revision?.number).toBe(2);
    expect(await ctx.store.approvedVersion(REF, 1)).toEqual(model);
    expect(ctx.logs.filter((entry) => /CROSSSLOT|MOVED|ASK /.test(JSON.stringify(entry)))).toEqual([]);
    expect(await theCluster().crossSlotErrors()).toBe(0);
  });

  it('runs BullMQ queues and workers on it, one slot per queue', async () => {
    const producer = createRedisClient(theCluster().target);
    const blocking = workerRedis(theCluster().target, ctx.composed.logger);
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
      expect(await theCluster().crossSlotErrors()).toBe(0);
    } finally {
      await worker.close();
      await queue.close();
      await Promise.all([quit(producer), quit(blocking)]);
    }
  });
});

describe('two web and two worker processes on a Redis Cluster', () => {
  // The fixture's app serves no request here: it is the test's window on the store and the queues.
  const ctx = useSlackApp({ runWorkers: false, redis: onTheCluster });
  const workers = workerProcesses();
  const webs = webProcesses();
  afterEach(() => Promise.all([webs.stopAll(), workers.stopAll()]));

  it('answers a redelivered event once, walks a model through both web processes, takes 30 concurrent edits over both, and sends a review reminder once', async () => {
    const redisEnv = { ...theCluster().env, ...ENV };
    const deployment = { redisEnv, keyPrefix: ctx.keys.prefix };
    const workersUp = Promise.all([1, 2].map(() => workers.start({ ...deployment, apiUrl: ctx.standIn.apiUrl })));
    const [web1, web2] = await Promise.all([1, 2].map(() => webs.start({ ...deployment, standIn: ctx.standIn })));
    await workersUp;
    if (!web1 || !web2) throw new Error('the web processes did not start');
    // Each web process is an OS process of its own, not a second app inside this one.
    expect(new Set([web1.child.pid, web2.child.pid, process.pid]).size).toBe(3);
    /** The web process the n-th request goes to: one, then the other, in turn. */
    const via = (n: number) => (n % 2 === 0 ? web1.driver : web2.driver);
    const settle = () => Promise.all([ctx.settle(), web1.idle(), web2.idle()]);

    // Slack redelivers an event it thinks timed out, here to the other web process: answered once.
    const mention = {
      type: 'app_mention',
      user: ALICE.id,
      text: '<@U0BOT0001> help',
      ts: '1700000000.000100',
      channel: CHANNEL,
    };
    await via(0).event(mention, { eventId: 'Ev0CLUSTER1' });
    await via(1).event(mention, { eventId: 'Ev0CLUSTER1', retryNum: 1, retryReason: 'http_timeout' });
    await settle();
    expect(ctx.standIn.callsTo('chat.postMessage')).toHaveLength(1);

    // The walk, each request to the other web process (a modal opened through one is submitted through the other).
    await via(0).command(ALICE.id, CHANNEL, 'start Refunds API');
    await settle();
    await via(1).selectUsers(ALICE.id, 'roles.select.adversary', [BOB.id]);
    await settle();
    const scope = [
      ['asset', { name: 'Card token', classification: 'restricted' }],
      ['component', { name: 'Refunds API', type: 'aws-lambda' }],
      ['component', { name: 'Payments DB', type: 'aws-rds' }],
      [
        'entryPoint',
        { name: 'POST /refunds', componentId: 'C-1', kind: 'aws-lambda/invoke-api', authentication: 'oauth2' },
      ],
    ] as const;
    for (const [i, [kind, values]] of scope.entries()) {
      await via(i).clickButton(BOB.id, `scope.add.${kind}`, { value: `TM-1|${kind}` });
      await settle();
      expect((await via(i + 1).submitView(BOB.id, values)).errors).toBeUndefined();
      await settle();
    }
    await via(1).clickButton(BOB.id, 'model.finish_step', { value: 'TM-1|scope' });
    await settle();
    expect(Object.keys((await ctx.model()).completedSteps)).toEqual(['scope']);

    // 30 colleagues open "Add asset" through one process and submit at the same moment through the other.
    const team = Array.from({ length: 30 }, (_, i) => `U0CLUS${String(i).padStart(3, '0')}`);
    ctx.standIn.workspace.channels.find((c) => c.id === CHANNEL)?.members.push(...team);
    for (const [i, id] of team.entries()) {
      ctx.standIn.workspace.users.push({ ...USERS.DAVE, id, name: `colleague${i}`, real_name: `Colleague ${i}` });
    }
    for (const [i, user] of team.entries()) {
      await via(i).clickButton(user, 'scope.add.asset', { value: 'TM-1|asset' });
    }
    await settle();
    const results = await Promise.all(
      team.map((user, i) => via(i + 1).submitView(user, { name: `Asset ${i}`, classification: 'internal' })),
    );
    expect(results.every((result) => result.status === 200 && result.errors === undefined)).toBe(true);
    await settle();
    const model = await ctx.model();
    expect(model.scope.assets).toHaveLength(31);
    expect(new Set(model.scope.assets.map((asset) => asset.id)).size).toBe(31);
    // Both processes' card refreshes took turns; the card ends showing every asset.
    await settle();
    expect(JSON.stringify(ctx.standIn.message(CHANNEL, model.threadTs ?? '')?.blocks)).toContain('*Assets*\\n31');

    // The review request runs on one of the worker processes; its reminder, once due, reaches the reviewer once.
    expect((await via(0).clickButton(ALICE.id, 'review.request', { value: 'TM-1' })).status).toBe(200);
    await settle();
    expect((await via(1).submitView(ALICE.id, { incomplete: ['yes'] })).errors).toBeUndefined();
    await appsecCards(ctx);
    const reviewerId = await eventually('the reviewer assigned', async () => (await ctx.model()).review?.reviewerId);
    await eventually('the reminder scheduled', () => ctx.runtime.jobs.pendingReminder(REF, 'review'));
    expect(await ctx.composed.promoteDelayed()).toBeGreaterThanOrEqual(1);
    const dm = `D${reviewerId.slice(1)}`;
    await eventually('the reminder sent', () => ctx.standIn.messages(dm).length > 0, 20_000);
    await eventually(
      'the next reminder scheduled',
      async () => {
        const next = await ctx.runtime.jobs.pendingReminder(REF, 'review');
        return next && (next.data as { nudge?: number }).nudge === 2;
      },
      20_000,
    );
    expect(ctx.standIn.messages(dm)).toHaveLength(1);
    expect(await theCluster().crossSlotErrors()).toBe(0);
  }, 120_000);
});

describe('on a Redis Cluster that loses a primary', () => {
  const ctx = useSlackApp({ redis: onTheCluster });

  it('after the primary holding the model is killed mid-walk, answers again and has every acknowledged change', async () => {
    await startCompleteModel(ctx, { complete: false });
    const primary = await theCluster().primaryFor(ctx.keys.model(TEAM_ID, 'TM-1'));
    const writer = keepWriting(ctx.store, REF, BOB.id);
    await writer.acknowledge(5);
    await theCluster().kill(primary);
    await theCluster().healthy();
    // The promoted replica has no replica of its own until the killed node comes back as one:
    // meanwhile a change is saved but not confirmed (the writer is told so; it is not acknowledged).
    await theCluster().revive(primary);
    await writer.acknowledge(5);
    await writer.stop();

    // The app answers again: a click reaches the promoted replica and opens the threat form.
    await ctx.driver.clickButton(BOB.id, 'threat.add', { value: 'TM-1' });
    await ctx.settle();
    expect(ctx.standIn.openViews(BOB.id).at(-1)?.callback_id).toBe('threat.edit');
    const stored = new Set((await ctx.model()).threats.map((threat) => threat.id));
    expect(writer.acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    expect(writer.failed.every((error) => !(error instanceof ModelInvalidError))).toBe(true);
    expect(await theCluster().crossSlotErrors()).toBe(0);
  }, 90_000);
});

async function quit(redis: RedisClient): Promise<void> {
  await redis.quit().catch(() => redis.disconnect());
}
