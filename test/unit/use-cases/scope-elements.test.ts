import type { ThreatModel } from '../../../src/domain/model';
import { elementForEditing } from '../../../src/use-cases/element-for-editing';
import { removeScopeElement } from '../../../src/use-cases/remove-scope-element';
import { saveScopeElement } from '../../../src/use-cases/save-scope-element';
import { ALICE, BOB, buildScopedModel } from '../../support/build-model';
import { seedModel, useUseCaseDeps } from '../../support/use-case-deps';

const scoped = buildScopedModel();
const inheritedComponent = (model: ThreatModel) => ({
  scope: {
    ...model.scope,
    components: [
      ...scoped.scope.components,
      {
        id: 'C-4',
        name: 'Ledger',
        type: 'aws-rds',
        kind: 'data_store' as const,
        inherited: { modelId: 'TM-3', title: 'Payments', version: 2, elementId: 'C-1' },
      },
    ],
  },
  counters: { ...scoped.counters, component: 4 },
});

describe('scope elements', () => {
  const ctx = useUseCaseDeps();

  describe('saving one', () => {
    beforeEach(() => ctx.members.join('C0PAYMENT', BOB));

    it('adds an element with the next id of its kind and refreshes the card', async () => {
      const { ref } = await seedModel(ctx.store, { scope: scoped.scope, counters: scoped.counters });
      const outcome = await saveScopeElement(ctx.deps, {
        ref,
        by: BOB,
        kind: 'asset',
        input: { name: 'Payout account', classification: 'restricted' },
      });
      expect(outcome.ok).toBe(true);
      expect((await ctx.store.require(ref)).scope.assets.map((asset) => asset.id)).toEqual(['AS-1', 'AS-2', 'AS-3']);
      expect(ctx.refreshed).toEqual([ref]);
    });

    it('saves nothing when the edited element was removed meanwhile', async () => {
      const { ref, model } = await seedModel(ctx.store, { scope: scoped.scope, counters: scoped.counters });
      const outcome = await saveScopeElement(ctx.deps, {
        ref,
        by: BOB,
        kind: 'asset',
        elementId: 'AS-9',
        input: { name: 'Gone', classification: 'public' },
      });
      expect(outcome).toEqual({ ok: false, message: 'AS-9 was removed meanwhile; your edit was not saved.' });
      expect((await ctx.store.require(ref)).version).toBe(model.version);
      expect(ctx.refreshed).toEqual([]);
    });

    it('saves nothing when the model changed so that the element no longer fits', async () => {
      const { ref, model } = await seedModel(ctx.store, { scope: scoped.scope, counters: scoped.counters });
      const outcome = await saveScopeElement(ctx.deps, {
        ref,
        by: BOB,
        kind: 'entryPoint',
        input: { name: 'GET /refunds', componentId: 'C-9', authentication: 'oauth2' },
      });
      expect(outcome).toEqual({
        ok: false,
        message: 'Your entry point was not saved: the model changed meanwhile. Please try again.',
      });
      expect((await ctx.store.require(ref)).version).toBe(model.version);
    });
  });

  describe('removing one', () => {
    beforeEach(() => ctx.members.join('C0PAYMENT', BOB));

    it('is refused while something still refers to it, saying what', async () => {
      const { ref } = await seedModel(ctx.store, { scope: scoped.scope, counters: scoped.counters });
      const outcome = await removeScopeElement(ctx.deps, { ref, by: BOB, kind: 'component', elementId: 'C-1' });
      expect(outcome).toEqual({
        ok: false,
        message: 'C-1 is still used by EP-1, DF-1, DF-2: change or remove those first.',
      });
    });

    it('removes an element nothing refers to and refreshes the card', async () => {
      const { ref } = await seedModel(ctx.store, { scope: scoped.scope, counters: scoped.counters });
      const outcome = await removeScopeElement(ctx.deps, { ref, by: BOB, kind: 'component', elementId: 'C-3' });
      expect(outcome.ok).toBe(true);
      expect((await ctx.store.require(ref)).scope.components.map((c) => c.id)).toEqual(['C-1', 'C-2']);
      expect(ctx.refreshed).toEqual([ref]);
    });
  });

  describe('choosing one to edit or remove', () => {
    it('is refused for an inherited element: it changes in the model it comes from', async () => {
      const { ref, model } = await seedModel(ctx.store, inheritedComponent(scoped));
      ctx.members.join(model.channelId, ALICE);
      const who = { ...ref, userId: ALICE };
      expect(await elementForEditing(ctx.deps, { ...who, elementId: 'C-4' })).toEqual({
        ok: false,
        message:
          'C-4 is inherited from TM-3 Payments (version 2, C-1) and is read-only here: change it in TM-3, then reuse it again.',
      });
      expect(await elementForEditing(ctx.deps, { ...who, elementId: 'C-1' })).toMatchObject({ ok: true });
    });

    it('is refused to someone outside the model’s channel', async () => {
      const { ref } = await seedModel(ctx.store, { scope: scoped.scope, counters: scoped.counters });
      expect(await elementForEditing(ctx.deps, { ...ref, userId: BOB, elementId: 'C-1' })).toEqual({
        ok: false,
        message: 'Only members of <#C0PAYMENT> can change TM-1.',
      });
    });
  });
});
