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
    expect(summary.openHighRisks).toEqual([]);
  });

  it('counts per step, weighs the open step by its rules, and lists open high risks worst first', () => {
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
    expect(summary.openHighRisks).toEqual([
      { threatId: 'T-2', band: 'critical', score: 20 },
      { threatId: 'T-1', band: 'high', score: 16 },
    ]);
  });
});
