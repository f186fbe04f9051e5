import { summarize } from '../../../src/domain/summary';
import {
  BOB,
  buildMitigation,
  buildModel,
  buildModelWith,
  buildThreat,
  defaultFlow,
  NOW,
} from '../../support/build-model';

describe('model summary', () => {
  const flow = defaultFlow();

  it('an empty draft is 0% complete with nothing counted', () => {
    const summary = summarize(flow, buildModel());
    expect(summary.completionPercent).toBe(0);
    expect(summary.counts).toMatchObject({ assets: 0, components: 0, threats: 0, mitigations: 0 });
    expect(summary.untreatedRisks).toEqual([]);
    expect(summary.residual).toEqual({ low: 0, medium: 0, high: 0, critical: 0, unrated: 0 });
  });

  it('counts per step, weighs the open step by its rules, and counts threats per residual band and lists untreated risks worst first', () => {
    const at = { completedBy: BOB, completedAt: NOW.toISOString() };
    const model = buildModelWith(
      [
        buildThreat('T-1', { risk: { before: { likelihood: 4, impact: 4 } } }),
        buildThreat('T-2', { risk: { before: { likelihood: 5, impact: 5 }, after: { likelihood: 5, impact: 4 } } }),
        buildThreat('T-3', { stride: [] }),
      ],
      [buildMitigation('M-1', ['T-1'])],
      { currentStep: 'threats', completedSteps: { scope: at } },
    );
    const summary = summarize(flow, model);
    expect(summary.counts).toMatchObject({
      assets: 2,
      components: 3,
      entryPoints: 1,
      threats: 3,
      mitigations: 1,
      rated: 1,
      decided: 0,
    });
    // scope done (25) + threats: 1 of 2 rules hold (12.5) = 37.5 -> 38
    expect(summary.completionPercent).toBe(38);
    expect(summary.steps.map((s) => [s.step, s.complete])).toEqual([
      ['scope', true],
      ['threats', false],
      ['mitigations', false],
      ['risk', false],
    ]);
    // T-2 counts at its residual (critical) risk; T-1 and T-3 are not rated after mitigation.
    expect(summary.residual).toEqual({ low: 0, medium: 0, high: 0, critical: 1, unrated: 2 });
    expect(summary.untreatedRisks).toEqual([
      {
        threatId: 'T-2',
        kind: 'residual_unsupported',
        band: 'critical',
        score: 25,
        reason: 'T-2 is rated lower after mitigation, but no active mitigation addresses it',
      },
      { threatId: 'T-1', kind: 'not_rated', reason: 'T-1 has no rating after mitigation' },
      { threatId: 'T-3', kind: 'not_rated', reason: 'T-3 has no rating after mitigation' },
    ]);
  });
});
