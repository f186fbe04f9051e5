import { Registry } from 'prom-client';
import type { ThreatModel } from '../../../src/domain/model';
import { VersionConflictError } from '../../../src/errors';
import { createAppMetrics, METRIC_NAMES } from '../../../src/ops/app-metrics';
import { RedisModelStore } from '../../../src/store/redis-model-store';
import { ALICE } from '../../support/build-model';
import { parsePrometheusText, sampleValue } from '../../support/prometheus-text';
import { useStore } from '../../support/store-fixture';

const WS = 'T0WORKSPC';

/**
 * The store's retries and conflicts as /metrics counts them. Another writer's version lands between
 * this writer's read and its compare-and-set: written on the same connection from inside the
 * change, it reaches Redis before the write (a connection runs its commands in order).
 */
describe('the draft store metrics', () => {
  const ctx = useStore();

  const setUp = async (options: { maxAttempts?: number } = {}) => {
    const metrics = createAppMetrics(new Registry());
    const store = new RedisModelStore({ redis: ctx.redis, keys: ctx.keys, metrics, ...options });
    const model = await store.create(
      { title: 'Contended', workspaceId: WS, channelId: 'C0PAYMENT', ownerId: ALICE },
      ALICE,
    );
    const ref = { workspaceId: WS, modelId: model.id };
    let calls = 0;
    /** Renames the model; on its first call another writer's version is written first. */
    const renameAfterAnotherWriter = (current: ThreatModel): ThreatModel => {
      calls += 1;
      if (calls === 1) {
        const theirs = { ...current, version: current.version + 1, title: 'Theirs' };
        void ctx.redis.hset(
          ctx.keys.model(WS, model.id),
          'version',
          String(theirs.version),
          'json',
          JSON.stringify(theirs),
        );
      }
      return { ...current, title: 'Ours' };
    };
    const counted = async (name: string, labels: Record<string, string> = {}) =>
      sampleValue(parsePrometheusText(await metrics.registry.metrics()), name, labels);
    return { store, ref, renameAfterAnotherWriter, counted, calls: () => calls };
  };

  it('counts an update that lost the compare-and-set and was tried again', async () => {
    const { store, ref, renameAfterAnotherWriter, counted, calls } = await setUp();

    const result = await store.update(ref, { actor: ALICE, action: 'rename' }, renameAfterAnotherWriter);

    expect(result.model).toMatchObject({ title: 'Ours', version: 3 });
    expect(calls()).toBe(2);
    expect(await counted(METRIC_NAMES.storeRetries)).toBe(1);
    expect(await counted(METRIC_NAMES.storeConflicts, { kind: 'exhausted' })).toBeUndefined();
  });

  it('counts an update that lost every attempt as an exhausted conflict', async () => {
    const { store, ref, renameAfterAnotherWriter, counted } = await setUp({ maxAttempts: 1 });

    await expect(store.update(ref, { actor: ALICE, action: 'rename' }, renameAfterAnotherWriter)).rejects.toThrow(
      VersionConflictError,
    );

    expect(await counted(METRIC_NAMES.storeConflicts, { kind: 'exhausted' })).toBe(1);
    expect(await counted(METRIC_NAMES.storeRetries)).toBe(0);
  });
});
