import type { ModelRef, ModelStore } from '../../src/ports/model-store';
import { buildThreat } from './build-model';
import { eventually } from './eventually';

/**
 * One writer adding threats to a model, one after another, until stopped: what a team does in a
 * thread while Redis fails over. A threat it was told is saved is `acknowledged`; a change that
 * failed (Redis unreachable, replicas not confirming) is in `failed` and was never acknowledged.
 * The model needs the asset AS-1 and the component C-1 (startScopedModel's scope).
 */
export function keepWriting(store: ModelStore, ref: ModelRef, actor: string) {
  const acknowledged: string[] = [];
  const failed: unknown[] = [];
  let stopped = false;
  const writing = (async () => {
    for (let n = 1; !stopped && n < 500; n++) {
      const number = 100 + n;
      const id = `T-${number}`;
      try {
        await store.update(ref, { actor, action: 'threat.add' }, (model) => ({
          ...model,
          threats: [
            ...model.threats,
            buildThreat(id, {
              impactedAssetIds: ['AS-1'],
              affectedElementIds: ['C-1'],
              createdAt: new Date().toISOString(),
            }),
          ],
          counters: { ...model.counters, threat: Math.max(model.counters.threat, number) },
        }));
        acknowledged.push(id);
      } catch (error) {
        failed.push(error);
      }
    }
  })();
  return {
    acknowledged,
    failed,
    /** Until `more` changes were acknowledged after this call. */
    async acknowledge(more: number, timeoutMs = 20_000): Promise<void> {
      const target = acknowledged.length + more;
      await eventually(`${more} more changes acknowledged`, () => acknowledged.length >= target, timeoutMs);
    },
    async stop(): Promise<void> {
      stopped = true;
      await writing;
    },
  };
}
