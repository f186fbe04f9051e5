import type { ThreatModel } from '../../../src/domain/model';
import { ThreatModelSchema } from '../../../src/domain/model';
import { reopenStaleSteps } from '../../../src/domain/stale-steps';
import { applyStepEvent } from '../../../src/domain/step-engine';
import { approvalHistory, reviseModel, versionNumber } from '../../../src/domain/versions';
import {
  ALICE,
  BOB,
  buildMitigation,
  buildModelWith,
  buildThreat,
  CAROL,
  defaultFlow,
  NOW,
} from '../../support/build-model';

const APPSEC = 'U0APPSEC1';
const LATER = new Date('2026-12-01T09:00:00.000Z');

function approved(): ThreatModel {
  const done = { completedBy: BOB, completedAt: NOW.toISOString() };
  const rated = {
    before: { likelihood: 2, impact: 2 },
    after: { likelihood: 1, impact: 2 },
    decision: { type: 'mitigate' as const, decidedBy: BOB, decidedAt: NOW.toISOString() },
  };
  return buildModelWith(
    [buildThreat('T-1', { risk: rated })],
    [buildMitigation('M-1', ['T-1'], { status: 'implemented' })],
    {
      status: 'approved',
      roles: { business: [BOB], developer: [], adversary: [], defender: [], appsec_sme: [] },
      completedSteps: { scope: done, threats: done, mitigations: done, risk: done },
      currentStep: 'risk',
      review: {
        requestedBy: ALICE,
        requestedAt: NOW.toISOString(),
        incomplete: false,
        reviewerId: APPSEC,
        history: [
          { type: 'requested', by: ALICE, at: NOW.toISOString() },
          { type: 'approved', by: APPSEC, at: NOW.toISOString(), comment: 'Fine.', followUps: ['Pen-test it'] },
        ],
      },
    },
  );
}

describe('revising an approved model', () => {
  it('opens version 2 as a draft with everything carried over and v1 recorded, and hands back v1 as the snapshot', () => {
    const v1 = approved();
    const outcome = reviseModel(v1, { by: BOB, at: LATER });
    if (!outcome.ok) throw new Error(outcome.message);
    const v2 = ThreatModelSchema.parse(outcome.model);
    expect(v2.status).toBe('draft');
    expect(versionNumber(v2)).toBe(2);
    expect(v2.threats).toEqual(v1.threats);
    expect(v2.completedSteps).toEqual(v1.completedSteps);
    expect(v2.review).toBeUndefined();
    expect(v2.revision).toEqual({
      number: 2,
      openedBy: BOB,
      openedAt: LATER.toISOString(),
      approved: [
        {
          number: 1,
          modelVersion: v1.version,
          approvedBy: APPSEC,
          approvedAt: NOW.toISOString(),
          comment: 'Fine.',
          followUps: ['Pen-test it'],
        },
      ],
    });
    expect(outcome.snapshot).toEqual({ number: 1, model: v1 });
    expect(approvalHistory(v2).map((approval) => approval.number)).toEqual([1]);
    expect(approvalHistory(v1).map((approval) => approval.number)).toEqual([1]);
  });

  it('refuses anyone who is neither the owner nor a role holder', () => {
    expect(reviseModel(approved(), { by: CAROL, at: LATER })).toEqual({
      ok: false,
      message: 'Only the owner or a role holder of TM-1 can revise it.',
    });
  });

  it('refuses a model that is not approved', () => {
    const draft = { ...approved(), status: 'draft' as const };
    expect(reviseModel(draft, { by: ALICE, at: LATER })).toMatchObject({ ok: false });
  });

  it('records v2 beside v1 once v2 is approved, and counts on to v3', () => {
    const v2 = reviseModel(approved(), { by: ALICE, at: LATER });
    if (!v2.ok) throw new Error(v2.message);
    const v2Approved: ThreatModel = {
      ...v2.model,
      status: 'approved',
      review: {
        requestedBy: ALICE,
        requestedAt: LATER.toISOString(),
        incomplete: false,
        history: [{ type: 'approved', by: 'U0APPSEC2', at: LATER.toISOString() }],
      },
    };
    expect(approvalHistory(v2Approved).map((a) => [a.number, a.approvedBy])).toEqual([
      [1, APPSEC],
      [2, 'U0APPSEC2'],
    ]);
    const v3 = reviseModel(v2Approved, { by: ALICE, at: LATER });
    if (!v3.ok) throw new Error(v3.message);
    expect(versionNumber(v3.model)).toBe(3);
    expect(v3.snapshot.number).toBe(2);
    expect(v3.model.revision?.approved.map((a) => a.number)).toEqual([1, 2]);
  });
});

describe('steps of a revision', () => {
  const flow = defaultFlow();

  it('a change touching a step reopens it even when its rules still hold; untouched steps stay complete', () => {
    const revised = reviseModel(approved(), { by: ALICE, at: LATER });
    if (!revised.ok) throw new Error(revised.message);
    const { model, reopened } = reopenStaleSteps(flow, revised.model, BOB, LATER, ['scope']);
    expect(reopened?.steps).toEqual(['scope']);
    expect(reopened?.reasons).toEqual([
      'Step 1 (scope) changed since the approved version: finish it again to confirm it.',
    ]);
    expect(Object.keys(model.completedSteps)).toEqual(['threats', 'mitigations', 'risk']);
    expect(model.currentStep).toBe('scope');
  });

  it('finishing the reopened step opens the next unfinished one, skipping those still complete', () => {
    const revised = reviseModel(approved(), { by: ALICE, at: LATER });
    if (!revised.ok) throw new Error(revised.message);
    const { model } = reopenStaleSteps(flow, revised.model, BOB, LATER, ['scope', 'risk']);
    const finished = applyStepEvent(flow, model, { type: 'complete_step', step: 'scope', by: BOB }, LATER);
    if (!finished.ok) throw new Error(finished.message);
    expect(finished.model.currentStep).toBe('risk');
    expect(finished.message).toBe('Step 1 is complete; step 4 is open.');
  });
});
