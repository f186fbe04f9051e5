import type { ThreatModel } from '../../../src/domain/model';
import { CHANGED_DURING_REVIEW, reopenStaleSteps } from '../../../src/domain/stale-steps';
import { BOB, buildThreat, CAROL, defaultFlow, NOW } from '../../support/build-model';
import { buildApprovedModel } from '../../support/realistic-model';

const flow = defaultFlow();

/** The realistic model with all four steps complete, back in draft (as if just finished). */
function completeDraft(overrides: Partial<ThreatModel> = {}): ThreatModel {
  const { review: _review, ...model } = buildApprovedModel();
  return { ...model, status: 'draft', ...overrides };
}

/** A threat as just written: classified, with no mitigation, no decision and no rating. */
const newThreat = buildThreat('T-4', { affectedElementIds: ['C-1'], stride: ['S'] });

describe('steps that go stale', () => {
  it('leaves a model whose completed steps still hold as it was', () => {
    const model = completeDraft();
    const outcome = reopenStaleSteps(flow, model, BOB, NOW);
    expect(outcome.reopened).toBeUndefined();
    expect(outcome.model).toBe(model);
  });

  it('a new threat without mitigation, decision or rating reopens steps 3 and 4, and says why', () => {
    const model = completeDraft();
    const outcome = reopenStaleSteps(flow, { ...model, threats: [...model.threats, newThreat] }, BOB, NOW);
    expect(outcome.reopened).toEqual({
      steps: ['mitigations', 'risk'],
      reasons: [
        'T-4 has no mitigation and no risk decision.',
        'T-4 needs likelihood and impact before and after mitigation.',
        'T-4 needs a risk decision.',
      ],
      backToTeam: false,
    });
    expect(outcome.model.currentStep).toBe('mitigations');
    expect(Object.keys(outcome.model.completedSteps)).toEqual(['scope', 'threats']);
    expect(outcome.model.status).toBe('draft');
  });

  it('removing the second component reopens step 1 and every later step', () => {
    const model = completeDraft();
    const twoComponents = { ...model.scope, components: model.scope.components.slice(0, 2) };
    const scoped = { ...model, scope: twoComponents };
    expect(reopenStaleSteps(flow, scoped, BOB, NOW).reopened).toBeUndefined();

    const oneComponent = { ...model, scope: { ...model.scope, components: model.scope.components.slice(0, 1) } };
    const outcome = reopenStaleSteps(flow, oneComponent, BOB, NOW);
    expect(outcome.reopened?.steps).toEqual(['scope', 'threats', 'mitigations', 'risk']);
    expect(outcome.reopened?.reasons).toEqual(['Add at least 2 components (1 so far).']);
    expect(outcome.model.currentStep).toBe('scope');
    expect(outcome.model.completedSteps).toEqual({});
  });

  it('reopens only the steps that were complete, from the earliest broken one', () => {
    const model = completeDraft();
    const halfway: ThreatModel = {
      ...model,
      currentStep: 'mitigations',
      completedSteps: { scope: model.completedSteps.scope, threats: model.completedSteps.threats },
      threats: [],
      mitigations: [],
    };
    const outcome = reopenStaleSteps(flow, halfway, BOB, NOW);
    expect(outcome.reopened?.steps).toEqual(['threats']);
    expect(outcome.reopened?.reasons).toEqual(['Add at least 1 threat (0 so far).']);
    expect(outcome.model.currentStep).toBe('threats');
    expect(Object.keys(outcome.model.completedSteps)).toEqual(['scope']);
  });

  it('an open step that the change breaks is not "reopened": it was never complete', () => {
    const model = completeDraft();
    const { risk: _risk, ...threeDone } = model.completedSteps;
    const working: ThreatModel = { ...model, currentStep: 'risk', completedSteps: threeDone };
    const outcome = reopenStaleSteps(flow, { ...working, threats: [...working.threats, newThreat] }, BOB, NOW);
    expect(outcome.reopened?.steps).toEqual(['mitigations']);
    expect(outcome.model.currentStep).toBe('mitigations');
  });

  it('a model in review that changes this way goes back to the team', () => {
    const approved = buildApprovedModel();
    const inReview: ThreatModel = {
      ...approved,
      status: 'in_review',
      review: approved.review && { ...approved.review, history: approved.review.history.slice(0, 2) },
      threats: [...approved.threats, newThreat],
    };
    const outcome = reopenStaleSteps(flow, inReview, 'system', NOW);
    expect(outcome.reopened?.backToTeam).toBe(true);
    expect(outcome.model.status).toBe('changes_requested');
    // A note, not AppSec's decision: exports and the review card read `changes_requested` as AppSec's.
    expect(outcome.model.review?.history.at(-1)).toEqual({
      type: 'commented',
      by: 'system',
      at: NOW.toISOString(),
      comment: CHANGED_DURING_REVIEW,
    });
  });

  it('a draft does not get a review event', () => {
    const model = completeDraft({ ownerId: CAROL });
    const outcome = reopenStaleSteps(flow, { ...model, threats: [...model.threats, newThreat] }, BOB, NOW);
    expect(outcome.model.review).toBeUndefined();
  });
});
