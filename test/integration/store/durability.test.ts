import { Redis } from 'ioredis';
import { RedisKeys } from '../../../src/store/redis-keys';
import { RedisModelStore } from '../../../src/store/redis-model-store';
import { ALICE } from '../../support/build-model';
import { type RedisServer, startRedisServer } from '../../support/redis-server';

const WS = 'T0WORKSPC';

describe('durability with AOF (appendfsync everysec)', () => {
  let server: RedisServer;
  beforeAll(async () => {
    server = await startRedisServer({ aof: true });
  });
  afterAll(() => server.destroy());

  it('finds every acknowledged write after redis-server is killed with SIGKILL and restarted', async () => {
    const keys = new RedisKeys('durable:');
    const writer = new Redis(server.url, { maxRetriesPerRequest: 0, retryStrategy: () => null });
    const store = new RedisModelStore({ redis: writer, keys });

    const acknowledged: { id: string; version: number }[] = [];
    for (let i = 0; i < 50; i++) {
      const model = await store.create(
        { title: `Feature ${i}`, workspaceId: WS, channelId: 'C0PAYMENT', ownerId: ALICE },
        ALICE,
      );
      const { model: updated } = await store.update(
        { workspaceId: WS, modelId: model.id },
        { actor: ALICE, action: 'retitle' },
        (m) => ({
          ...m,
          title: `Feature ${i} (edited)`,
        }),
      );
      acknowledged.push({ id: updated.id, version: updated.version });
    }
    await server.stop('SIGKILL');
    writer.disconnect();

    await server.restart();
    const reader = new Redis(server.url);
    try {
      const after = new RedisModelStore({ redis: reader, keys });
      for (const { id, version } of acknowledged) {
        const model = await after.require({ workspaceId: WS, modelId: id });
        expect(model.version).toBe(version);
        expect(model.title).toMatch(/\(edited\)$/);
        expect((await after.auditTrail({ workspaceId: WS, modelId: id })).total).toBe(2);
      }
      expect((await after.list(WS, { by: 'all' })).total).toBe(50);
      // The id sequence survived too: the next model does not reuse an id.
      expect(
        (await after.create({ title: 'Next', workspaceId: WS, channelId: 'C0PAYMENT', ownerId: ALICE }, ALICE)).id,
      ).toBe('TM-51');
    } finally {
      await reader.quit();
    }
  });
});
