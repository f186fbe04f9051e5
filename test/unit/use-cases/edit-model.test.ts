import { requestReview } from '../../../src/domain/review-workflow';
import type { ModelRef } from '../../../src/ports/model-store';
import { assignRole } from '../../../src/use-cases/assign-role';
import { removeScopeElement } from '../../../src/use-cases/remove-scope-element';
import { saveThreat } from '../../../src/use-cases/save-threat';
import { ALICE, BOB, CAROL, NOW } from '../../support/build-model';
import { TableChannelMembers } from '../../support/port-fakes';
import { buildApprovedModel } from '../../support/realistic-model';
import { seedModel, useUseCaseDeps } from '../../support/use-case-deps';

/** The realistic model with all four steps complete, as a draft the team can still change. */
function completeDraft() {
  const { review: _review, id: _id, version: _version, ...model } = buildApprovedModel();
  return { ...model, status: 'draft' as const };
}

const newThreat = {
  threatSource: 'internet-based threat actor',
  threatAction: 'guess refund ids',
  threatImpact: 'refund records leaked',
  impactedGoals: ['confidentiality' as const],
  impactedAssetIds: ['AS-2'],
  stride: ['I' as const],
  affectedElementIds: ['C-1'],
};

/**
 * Channel members that, like a slow Slack call while the after-ack queue is busy, let the model's
 * owner request a review before answering: the edit was checked while the model was a draft.
 */
class MembersAnsweringAfterAReview extends TableChannelMembers {
  constructor(private readonly requestReviewOf: () => Promise<void>) {
    super({ C0PAYMENT: [ALICE, BOB] });
  }

  override async isMember(channelId: string, userId: string): Promise<boolean> {
    await this.requestReviewOf();
    return super.isMember(channelId, userId);
  }
}

describe('editing a model', () => {
  const ctx = useUseCaseDeps();

  describe('a review requested between the check and the write', () => {
    async function raced(): Promise<ModelRef> {
      const { ref } = await seedModel(ctx.store, completeDraft());
      ctx.deps.members = new MembersAnsweringAfterAReview(async () => {
        await ctx.store.update(ref, { actor: ALICE, action: 'review.request' }, (current) =>
          requestReview(current, { by: ALICE, at: NOW, allowIncomplete: false }),
        );
      });
      return ref;
    }

    it('refuses the edit and writes nothing into the model in review', async () => {
      const ref = await raced();
      const outcome = await saveThreat(ctx.deps, { ref, by: BOB, input: newThreat });
      expect(outcome).toEqual({ ok: false, message: 'TM-1 is in review and cannot be changed now.' });
      const stored = await ctx.store.require(ref);
      expect(stored.status).toBe('in_review');
      expect(stored.threats.map((t) => t.id)).toEqual(['T-1', 'T-2', 'T-3']);
      expect(stored.contributors).not.toContain(BOB);
      expect(ctx.refreshed).toEqual([]);
    });

    it('refuses a removal the same way', async () => {
      const ref = await raced();
      const outcome = await removeScopeElement(ctx.deps, { ref, by: BOB, kind: 'component', elementId: 'C-3' });
      expect(outcome).toEqual({ ok: false, message: 'TM-1 is in review and cannot be changed now.' });
      expect((await ctx.store.require(ref)).scope.components).toHaveLength(3);
    });
  });

  describe('who contributed', () => {
    it('records whoever changes the content, once', async () => {
      const { ref } = await seedModel(ctx.store, completeDraft());
      ctx.members.join('C0PAYMENT', BOB);
      await saveThreat(ctx.deps, { ref, by: BOB, input: newThreat });
      await saveThreat(ctx.deps, { ref, by: BOB, input: { ...newThreat, threatAction: 'enumerate refunds' } });
      expect((await ctx.store.require(ref)).contributors).toEqual([BOB]);
    });

    it('records the users given a role, and who gave it', async () => {
      const { ref } = await seedModel(ctx.store, completeDraft());
      ctx.members.join('C0PAYMENT', ALICE);
      const outcome = await assignRole(ctx.deps, { ref, by: ALICE, role: 'appsec_sme', userIds: [CAROL] });
      expect(outcome).toMatchObject({ ok: true, added: [CAROL] });
      expect((await ctx.store.require(ref)).contributors).toEqual([ALICE, CAROL]);
    });

    it('a refused change records nobody', async () => {
      const { ref } = await seedModel(ctx.store, completeDraft());
      ctx.members.join('C0PAYMENT', BOB);
      const outcome = await removeScopeElement(ctx.deps, { ref, by: BOB, kind: 'component', elementId: 'C-1' });
      expect(outcome.ok).toBe(false);
      expect((await ctx.store.require(ref)).contributors).toEqual([]);
    });
  });

  describe('steps that go stale', () => {
    it('a threat added after all four steps were complete reopens steps 3 and 4, saying why', async () => {
      const { ref } = await seedModel(ctx.store, completeDraft());
      ctx.members.join('C0PAYMENT', BOB);
      const outcome = await saveThreat(ctx.deps, { ref, by: BOB, input: newThreat });
      expect(outcome).toMatchObject({
        ok: true,
        threatId: 'T-4',
        reopened: {
          steps: ['mitigations', 'risk'],
          reasons: expect.arrayContaining(['T-4 has no mitigation and no risk decision.']),
          backToTeam: false,
        },
      });
      const stored = await ctx.store.require(ref);
      expect(stored.currentStep).toBe('mitigations');
      expect(Object.keys(stored.completedSteps)).toEqual(['scope', 'threats']);
    });

    it('removing the second component reopens step 1', async () => {
      const model = completeDraft();
      // Two components, the refunds API (C-1) and the payout queue (C-3), which nothing refers to.
      const twoComponents = {
        ...model,
        scope: {
          ...model.scope,
          components: model.scope.components.filter((c) => c.id !== 'C-2'),
          dataFlows: model.scope.dataFlows.filter((f) => f.id !== 'DF-2'),
        },
        threats: model.threats.map((t) => ({
          ...t,
          affectedElementIds: t.affectedElementIds.filter((id) => id !== 'C-2'),
        })),
      };
      const { ref } = await seedModel(ctx.store, twoComponents);
      ctx.members.join('C0PAYMENT', BOB);
      const outcome = await removeScopeElement(ctx.deps, { ref, by: BOB, kind: 'component', elementId: 'C-3' });
      expect(outcome).toMatchObject({
        ok: true,
        reopened: {
          steps: ['scope', 'threats', 'mitigations', 'risk'],
          reasons: ['Add at least 2 components (1 so far).'],
        },
      });
      expect((await ctx.store.require(ref)).currentStep).toBe('scope');
    });
  });
});
