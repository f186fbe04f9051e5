import { addCatalogThreats } from '../../../src/use-cases/add-catalog-threats';
import {
  currentSuggestions,
  openCatalogSuggestions,
  pickableSuggestions,
} from '../../../src/use-cases/catalog-suggestions';
import { readCoverage, readUnaddressed } from '../../../src/use-cases/read-coverage';
import {
  ALICE,
  BOB,
  buildMitigation,
  buildModelReadyForThreats,
  buildScopedModel,
  buildThreat,
  CAROL,
} from '../../support/build-model';
import { seedModel, useUseCaseDeps } from '../../support/use-case-deps';

const OUTSIDER = 'U0OUTSIDE';

describe('catalog suggestions and coverage', () => {
  const ctx = useUseCaseDeps();
  beforeEach(() => ctx.members.join('C0PAYMENT', ALICE, BOB, CAROL));

  describe('suggesting catalog threats', () => {
    it('suggests once the scope is done, and only what is not in the model yet', async () => {
      const { deps } = ctx;
      const { ref } = await seedModel(ctx.store, buildScopedModel());
      expect(await openCatalogSuggestions(deps, { ref, by: BOB })).toEqual({
        ok: false,
        message: 'Finish step 1 (scope) of TM-1 first: threats are placed on its elements.',
      });
      await ctx.store.update(ref, { actor: BOB, action: 'seed' }, (model) => ({
        ...model,
        completedSteps: buildModelReadyForThreats().completedSteps,
      }));
      const opened = await openCatalogSuggestions(deps, { ref, by: BOB });
      if (!opened.ok) throw new Error(opened.message);
      expect(opened.suggestions.length).toBeGreaterThan(2);
      const [first, second] = opened.suggestions.map((s) => s.threat.id);

      const added = await addCatalogThreats(deps, { ref, by: ALICE, picked: [first ?? '', second ?? ''] });
      expect(added).toMatchObject({ ok: true, added: ['T-1', 'T-2'] });
      const model = await ctx.store.require(ref);
      expect(model.threats.map((t) => t.origin)).toEqual([
        { type: 'catalog', catalogThreatId: first },
        { type: 'catalog', catalogThreatId: second },
      ]);
      expect(model.threats[0]?.affectedElementIds.length).toBeGreaterThan(0);
      expect(model.threats[0]).toMatchObject({ createdBy: ALICE, impactedAssetIds: [] });
      expect(ctx.refreshed).toEqual([ref]);

      const now = await currentSuggestions(deps, { ref, by: ALICE });
      expect(now.ok && now.suggestions.map((s) => s.threat.id)).not.toContain(first);
    });

    it('never adds a threat twice: picks already in the model are skipped', async () => {
      const { deps } = ctx;
      const { ref } = await seedModel(ctx.store, buildModelReadyForThreats());
      const picks = await pickableSuggestions(deps, { ref, by: BOB });
      if (!picks.ok) throw new Error(picks.message);
      const picked = [picks.suggestions[0]?.threat.id ?? ''];
      expect(await addCatalogThreats(deps, { ref, by: BOB, picked })).toMatchObject({ ok: true, added: ['T-1'] });
      expect(await addCatalogThreats(deps, { ref, by: BOB, picked })).toEqual({
        ok: false,
        message: 'Those threats are already in the model.',
      });
      expect((await ctx.store.require(ref)).threats).toHaveLength(1);
    });

    it('takes picks only from people who may change the model', async () => {
      const { deps } = ctx;
      const { ref } = await seedModel(ctx.store, buildModelReadyForThreats());
      const refusal = { ok: false, message: 'Only members of <#C0PAYMENT> can change TM-1.' };
      expect(await pickableSuggestions(deps, { ref, by: OUTSIDER })).toEqual(refusal);
      expect(await addCatalogThreats(deps, { ref, by: OUTSIDER, picked: ['thr-sql-injection'] })).toEqual(refusal);
    });
  });

  describe('reading coverage and what is not yet addressed', () => {
    it('shows members of the channel the STRIDE coverage and the unaddressed threats', async () => {
      const { deps } = ctx;
      const model = buildModelReadyForThreats(
        [buildThreat('T-1'), buildThreat('T-2', { stride: ['D'] })],
        [buildMitigation('M-1', ['T-1'])],
      );
      const { ref } = await seedModel(ctx.store, model);
      const coverage = await readCoverage(deps, { ref, by: BOB });
      expect(coverage).toMatchObject({ ok: true, model: { id: 'TM-1' }, coverage: { coveredPairs: 2 } });
      const unaddressed = await readUnaddressed(deps, { ref, by: BOB });
      expect(unaddressed.ok && unaddressed.threats.map((t) => t.id)).toEqual(['T-2']);
    });

    it('is refused for a missing model, and to someone outside the model’s channel, on any status', async () => {
      const { deps } = ctx;
      const { ref } = await seedModel(ctx.store, { ...buildModelReadyForThreats(), status: 'approved' });
      expect(await readCoverage(deps, { ref: { ...ref, modelId: 'TM-7' }, by: BOB })).toEqual({
        ok: false,
        message: 'There is no threat model TM-7 in this workspace.',
      });
      const outsider = { ok: false, message: 'Only members of <#C0PAYMENT> can see TM-1.' };
      expect(await readCoverage(deps, { ref, by: OUTSIDER })).toEqual(outsider);
      expect(await readUnaddressed(deps, { ref, by: OUTSIDER })).toEqual(outsider);
      expect(await currentSuggestions(deps, { ref, by: OUTSIDER })).toEqual(outsider);
      expect(await readCoverage(deps, { ref, by: BOB })).toMatchObject({ ok: true });
      expect(await currentSuggestions(deps, { ref, by: BOB })).toMatchObject({ ok: true });
    });
  });
});
