import type { ThreatModel } from '../../../src/domain/model';
import { ALICE, buildThreat } from '../../support/build-model';
import { useStore } from '../../support/store-fixture';

const WS = 'T0WORKSPC';

// Each writer adds a distinct threat, identified by its action text; ids are allocated inside the change.
const addThreat =
  (label: string) =>
  (current: ThreatModel): ThreatModel => {
    const number = current.counters.threat + 1;
    return {
      ...current,
      threats: [
        ...current.threats,
        buildThreat(`T-${number}`, { threatAction: label, impactedAssetIds: [], affectedElementIds: [] }),
      ],
      counters: { ...current.counters, threat: number },
    };
  };

describe('concurrent updates to one model', () => {
  const ctx = useStore();

  it('applies every update on the version check alone when writers cannot take turns', async () => {
    const model = await ctx.store.create(
      { title: 'No lease', workspaceId: WS, channelId: 'C0PAYMENT', ownerId: ALICE },
      ALICE,
    );
    const ref = { workspaceId: WS, modelId: model.id };
    // Someone else holds the lease for the whole test; these writers do not wait for it.
    await ctx.redis.set(ctx.keys.lease(WS, model.id), 'someone-else', 'PX', 60_000);
    const stores = Array.from({ length: 5 }, () => ctx.storeOnNewConnection({ leaseWaitMs: 0 }));
    await Promise.all(
      stores.flatMap((store, writer) =>
        Array.from({ length: 10 }, (_, i) =>
          store.update(ref, { actor: ALICE, action: 'threat.add' }, addThreat(`w${writer}-${i}`)),
        ),
      ),
    );
    const final = await ctx.store.require(ref);
    expect(final.version).toBe(51);
    expect(new Set(final.threats.map((t) => t.threatAction)).size).toBe(50);
  });

  it('applies 200 updates from 20 connections: all threats present, version +200, 200 audit entries', async () => {
    const model = await ctx.store.create(
      { title: 'Hot model', workspaceId: WS, channelId: 'C0PAYMENT', ownerId: ALICE },
      ALICE,
    );
    const ref = { workspaceId: WS, modelId: model.id };
    const stores = Array.from({ length: 20 }, () => ctx.storeOnNewConnection());

    await Promise.all(
      stores.map(async (store, writer) => {
        await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            store.update(ref, { actor: ALICE, action: 'threat.add' }, addThreat(`write ${writer}-${i}`)),
          ),
        );
      }),
    );

    const final = await ctx.store.require(ref);
    expect(final.version).toBe(model.version + 200);
    expect(final.threats).toHaveLength(200);
    expect(new Set(final.threats.map((t) => t.threatAction)).size).toBe(200);
    expect(new Set(final.threats.map((t) => t.id)).size).toBe(200);
    const trail = await ctx.store.auditTrail(ref, { limit: 100 });
    expect(trail.total).toBe(201); // the create, then 200 updates
    const versions: number[] = [];
    for (let page = trail; ; page = await ctx.store.auditTrail(ref, { after: page.next, limit: 100 })) {
      versions.push(...page.items.map((entry) => entry.version));
      if (!page.next) break;
    }
    expect(versions).toEqual(Array.from({ length: 201 }, (_, i) => i + 1));
  });
});
