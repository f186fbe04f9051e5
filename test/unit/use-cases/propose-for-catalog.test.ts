import { proposeForCatalog } from '../../../src/use-cases/propose-for-catalog';
import { ALICE, BOB, buildMitigation, buildModelWith, buildThreat, CAROL, NOW } from '../../support/build-model';
import { seedModel, useUseCaseDeps } from '../../support/use-case-deps';

describe('proposing a threat or mitigation for the catalog', () => {
  const ctx = useUseCaseDeps();

  /** TM-1 (Alice's; Bob the Adversary) with T-1 addressed by M-1; Alice, Bob and Carol in its channel. */
  async function seeded(status: 'draft' | 'approved' | 'in_review' = 'draft') {
    const built = buildModelWith([buildThreat('T-1')], [buildMitigation('M-1', ['T-1'])]);
    const { ref, model } = await seedModel(ctx.store, {
      ...built,
      status,
      roles: { ...built.roles, adversary: [BOB] },
    });
    for (const user of [ALICE, BOB, CAROL]) ctx.members.join(model.channelId, user);
    return ref;
  }

  it.each(['draft', 'in_review', 'approved'] as const)(
    'a role holder proposes from a model %s: recorded and queued',
    async (status) => {
      const ref = await seeded(status);
      const outcome = await proposeForCatalog(ctx.deps, { ref, by: BOB, itemId: 'M-1' });
      expect(outcome).toMatchObject({
        ok: true,
        itemId: 'M-1',
        catalogId: 'ctl-tm1-m1',
        branch: 'threadmodel/catalog/ctl-tm1-m1',
        times: 1,
      });
      expect(ctx.exports.proposed).toEqual([
        { ...ref, itemId: 'M-1', requestedBy: BOB, requestedAt: NOW.toISOString() },
      ]);
      const model = await ctx.store.require(ref);
      expect(model.catalogProposals).toEqual([
        { id: 'M-1', catalogId: 'ctl-tm1-m1', proposedBy: BOB, proposedAt: NOW.toISOString(), times: 1 },
      ]);
      expect(model.status).toBe(status);
      const { items } = await ctx.store.recentChanges(ref, { limit: 1 });
      expect(items[0]).toMatchObject({ actor: BOB, action: 'catalog.propose' });
    },
  );

  it('a second proposal of the same item counts it on the same entry', async () => {
    const ref = await seeded();
    await proposeForCatalog(ctx.deps, { ref, by: BOB, itemId: 'T-1' });
    const again = await proposeForCatalog(ctx.deps, { ref, by: ALICE, itemId: 'T-1' });
    expect(again).toMatchObject({ ok: true, catalogId: 'thr-tm1-t1', times: 2 });
    expect((await ctx.store.require(ref)).catalogProposals).toEqual([
      expect.objectContaining({ id: 'T-1', proposedBy: ALICE, times: 2 }),
    ]);
    expect(ctx.exports.proposed).toHaveLength(2);
  });

  it.each([
    ['a member holding no role', CAROL, 'Only the owner of TM-1 or someone holding a role in it can propose'],
    ['someone outside the channel', 'U0OUTSIDE', 'Only members of <#C0PAYMENT> can propose items of TM-1.'],
  ])('%s is refused; nothing is recorded or queued', async (_, by, message) => {
    const ref = await seeded();
    const before = await ctx.store.require(ref);
    expect(await proposeForCatalog(ctx.deps, { ref, by, itemId: 'T-1' })).toEqual({
      ok: false,
      message: expect.stringContaining(message),
    });
    expect((await ctx.store.require(ref)).version).toBe(before.version);
    expect(ctx.exports.proposed).toEqual([]);
  });

  it('says whom to ask when exports are not set up, and only a threat or mitigation still there can be proposed', async () => {
    const ref = await seeded();
    expect(await proposeForCatalog(ctx.deps, { ref, by: ALICE, itemId: 'T-9' })).toEqual({
      ok: false,
      message: 'T-9 no longer exists.',
    });
    expect(await proposeForCatalog(ctx.deps, { ref, by: ALICE, itemId: 'AS-1' })).toEqual({
      ok: false,
      message: 'Only threats and mitigations can be proposed for the catalog.',
    });
    ctx.settings.defaults.export = undefined;
    expect(await proposeForCatalog(ctx.deps, { ref, by: ALICE, itemId: 'T-1' })).toEqual({
      ok: false,
      message:
        "Exports are not set up yet: ask a workspace admin to set the export repository in Threadmodel's Home tab (Settings).",
    });
    expect(ctx.exports.proposed).toEqual([]);
  });
});
