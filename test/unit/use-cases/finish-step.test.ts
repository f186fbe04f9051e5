import { finishStep, type StepFinished } from '../../../src/use-cases/finish-step';
import { ALICE, BOB, buildScopedModel, CAROL } from '../../support/build-model';
import { seedModel, useUseCaseDeps } from '../../support/use-case-deps';

describe('finishing a step', () => {
  const ctx = useUseCaseDeps();
  const announced: StepFinished[] = [];
  const announce = async (finished: StepFinished, afterwards: () => Promise<void>) => {
    ctx.events.push(`announce ${finished.opened}`);
    announced.push(finished);
    await afterwards();
  };
  const scoped = buildScopedModel();
  beforeEach(() => {
    announced.length = 0;
  });

  describe('when the user is in the channel but not on the team', () => {
    it('is refused, and nothing changes, is announced or queued', async () => {
      const { ref, model } = await seedModel(ctx.store, { scope: scoped.scope, counters: scoped.counters });
      ctx.members.join(model.channelId, CAROL);
      const outcome = await finishStep(ctx.deps, { ref, by: CAROL, step: 'scope' }, announce);
      expect(outcome).toEqual({ ok: false, message: 'Only the owner or a role holder of TM-1 can finish a step.' });
      expect((await ctx.store.require(ref)).version).toBe(model.version);
      expect(announced).toEqual([]);
      expect(ctx.exports.pictures).toEqual([]);
      expect(ctx.refreshed).toEqual([]);
    });
  });

  describe('when the user is not in the channel', () => {
    it('is refused before anything else is looked at, even for the owner', async () => {
      const { ref } = await seedModel(ctx.store, { scope: scoped.scope, counters: scoped.counters });
      const outcome = await finishStep(ctx.deps, { ref, by: ALICE, step: 'scope' }, announce);
      expect(outcome).toEqual({ ok: false, message: 'Only members of <#C0PAYMENT> can change TM-1.' });
    });
  });

  describe('when the step is not complete', () => {
    it('says what is missing, and changes nothing', async () => {
      const { ref, model } = await seedModel(ctx.store);
      ctx.members.join(model.channelId, ALICE);
      const outcome = await finishStep(ctx.deps, { ref, by: ALICE, step: 'scope' }, announce);
      expect(outcome.ok).toBe(false);
      if (outcome.ok) return;
      expect(outcome.missing?.map((item) => item.message)).toEqual([
        'Add at least 1 asset (0 so far).',
        'Add at least 1 entry point (0 so far).',
        'Add at least 2 components (0 so far).',
      ]);
      expect((await ctx.store.require(ref)).version).toBe(model.version);
      expect(ctx.exports.pictures).toEqual([]);
    });
  });

  describe('when a role holder finishes a complete scope', () => {
    it('records it, opens step 2, announces it, then queues the data-flow picture and refreshes the card', async () => {
      const roles = { ...scoped.roles, developer: [BOB] };
      const { ref, model } = await seedModel(ctx.store, { scope: scoped.scope, counters: scoped.counters, roles });
      ctx.members.join(model.channelId, BOB);
      const outcome = await finishStep(ctx.deps, { ref, by: BOB, step: 'scope' }, announce);
      expect(outcome).toMatchObject({ ok: true, opened: 'threats', picture: 'data_flow' });
      const stored = await ctx.store.require(ref);
      expect(stored.completedSteps.scope).toMatchObject({ completedBy: BOB });
      expect(stored.currentStep).toBe('threats');
      expect(announced.map((finished) => finished.model.version)).toEqual([stored.version]);
      expect(ctx.exports.pictures).toEqual([{ ...ref, picture: 'data_flow', version: stored.version }]);
      expect(ctx.events).toEqual(['announce threats', 'picture data_flow', 'refresh']);
    });
  });

  describe('when the step is not the current one', () => {
    it('is refused with the step engine’s words', async () => {
      const { ref, model } = await seedModel(ctx.store, { scope: scoped.scope, counters: scoped.counters });
      ctx.members.join(model.channelId, ALICE);
      const outcome = await finishStep(ctx.deps, { ref, by: ALICE, step: 'threats' }, announce);
      expect(outcome).toMatchObject({ ok: false });
      if (!outcome.ok) expect(outcome.missing).toBeUndefined();
      expect(ctx.exports.pictures).toEqual([]);
    });
  });
});
