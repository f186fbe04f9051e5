import { Redis } from 'ioredis';
import { USERS } from '../../../dev/stand-in/workspace';
import { ReplicaUnconfirmedError } from '../../../src/errors';
import { RedisKeys } from '../../../src/store/redis-keys';
import { RedisModelStore } from '../../../src/store/redis-model-store';
import { type RedisServer, SYNC_REPLICAS_AT_ONCE, startRedisServer } from '../../support/redis-server';
import { useSlackApp } from '../../support/slack-app-fixture';

const { ALICE } = USERS;
const INPUT = { title: 'Refunds API', workspaceId: 'T0WORKSPC', channelId: 'C0PAYMENT', ownerId: ALICE.id };

/** REDIS_WAIT_REPLICAS: a change counts as saved once the replicas asked for have a copy. */
describe('replica confirmation (REDIS_WAIT_REPLICAS)', () => {
  describe('the store', () => {
    let primary: RedisServer;
    let replica: RedisServer;
    let redis: Redis;
    beforeAll(async () => {
      primary = await startRedisServer({ args: SYNC_REPLICAS_AT_ONCE });
      replica = await startRedisServer({ args: ['--replicaof', '127.0.0.1', String(primary.port)] });
      redis = new Redis(primary.url);
      await waitForReplica(redis);
    });
    afterAll(async () => {
      redis.disconnect();
      await Promise.all([primary.destroy(), replica.destroy()]);
    });

    it('confirms a create and an update once the replica has them, and reads them back from the replica', async () => {
      const keys = new RedisKeys('confirmed:');
      const store = new RedisModelStore({ redis, keys, waitReplicas: { replicas: 1, timeoutMs: 5000 } });
      const model = await store.create(INPUT, ALICE.id);
      await store.update(
        { workspaceId: INPUT.workspaceId, modelId: model.id },
        { actor: ALICE.id, action: 'rename' },
        (m) => ({
          ...m,
          title: 'Refunds API v2',
        }),
      );
      // WAIT returned, so the replica already holds the second version: no polling needed.
      const reader = new Redis(replica.url);
      try {
        expect(await reader.hget(keys.model(INPUT.workspaceId, model.id), 'version')).toBe('2');
      } finally {
        reader.disconnect();
      }
    });

    it('says the change is on the primary but not confirmed when fewer replicas answer than asked for', async () => {
      const keys = new RedisKeys('unconfirmed:');
      const store = new RedisModelStore({ redis, keys, waitReplicas: { replicas: 2, timeoutMs: 100 } });
      const attempt = store.create(INPUT, ALICE.id);
      await expect(attempt).rejects.toThrow(ReplicaUnconfirmedError);
      await expect(attempt).rejects.toMatchObject({ modelId: 'TM-1', wanted: 2, confirmed: 1, timeoutMs: 100 });
      // Not lost: the draft is there for everyone to read (and on the one replica that answered).
      const plain = new RedisModelStore({ redis, keys });
      expect((await plain.require({ workspaceId: INPUT.workspaceId, modelId: 'TM-1' })).title).toBe('Refunds API');
    });

    it('says a change is not confirmed while the replica does not answer, and confirms again once it does', async () => {
      const keys = new RedisKeys('frozen:');
      const store = new RedisModelStore({ redis, keys, waitReplicas: { replicas: 1, timeoutMs: 200 } });
      const model = await store.create(INPUT, ALICE.id);
      const ref = { workspaceId: INPUT.workspaceId, modelId: model.id };
      const rename = (title: string) =>
        store.update(ref, { actor: ALICE.id, action: 'rename' }, (m) => ({ ...m, title }));
      replica.signal('SIGSTOP');
      try {
        await expect(rename('While the replica is frozen')).rejects.toMatchObject({ confirmed: 0, wanted: 1 });
      } finally {
        replica.signal('SIGCONT');
      }
      // Saved on the primary all along; the next change waits for the replica to catch up, and is confirmed.
      expect((await store.require(ref)).title).toBe('While the replica is frozen');
      const patient = new RedisModelStore({ redis, keys, waitReplicas: { replicas: 1, timeoutMs: 5000 } });
      await expect(
        patient.update(ref, { actor: ALICE.id, action: 'rename' }, (m) => ({ ...m, title: 'Thawed' })),
      ).resolves.toMatchObject({ changed: true });
    });

    it('reports a refused change as refused, not as unconfirmed (nothing was written)', async () => {
      const keys = new RedisKeys('conflict:');
      const store = new RedisModelStore({ redis, keys, waitReplicas: { replicas: 2, timeoutMs: 100 } });
      const plain = new RedisModelStore({ redis, keys });
      const model = await plain.create(INPUT, ALICE.id);
      const ref = { workspaceId: INPUT.workspaceId, modelId: model.id };
      await expect(
        store.update(ref, { actor: ALICE.id, action: 'rename', expectedVersion: 7 }, (m) => ({ ...m, title: 'Other' })),
      ).rejects.toThrow(/is at version 1, not 7/);
    });
  });

  describe('in Slack, on a Redis whose replicas do not answer in time', () => {
    const ctx = useSlackApp({
      captureLogs: true,
      redis: async () => {
        const server = await startRedisServer();
        return {
          env: { REDIS_URL: server.url, REDIS_WAIT_REPLICAS: '1', REDIS_WAIT_TIMEOUT_MS: '50' },
          close: () => server.destroy(),
        };
      },
    });

    it('tells the person the change was saved but not yet confirmed, and keeps the draft', async () => {
      await ctx.driver.command(ALICE.id, 'C0PAYMENT', 'start Refunds API');
      await ctx.settle();
      const told = String(ctx.standIn.ephemeralsFor(ALICE.id).at(-1)?.text);
      expect(told).toMatch(
        /^Your change to \*TM-1\* was saved, but the database could not confirm a backup copy within 1 second \(ref `[0-9a-f]{8}`\)\. .*this last change could be lost\. Check the model in a minute/,
      );
      expect(told).not.toMatch(/replica|WAIT|ms\b/);
      expect((await ctx.model()).title).toBe('Refunds API');
    });

    it('warned at start-up that the primary has fewer replicas than REDIS_WAIT_REPLICAS asks for', () => {
      expect(ctx.logs.map((entry) => entry.msg)).toContainEqual(
        expect.stringMatching(/^REDIS_WAIT_REPLICAS is 1 but a Redis primary has 0 replica\(s\) now/),
      );
    });
  });
});

async function waitForReplica(redis: Redis): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (/connected_slaves:1/.test(await redis.info('replication')) && Number(await redis.call('WAIT', 1, 100)) === 1)
      return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the replica did not connect');
}
