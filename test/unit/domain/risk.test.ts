import { RiskMatrixSchema } from '../../../src/domain/flow';
import { openHighRisks, residualRisk, scoreRisk, unaddressedThreats } from '../../../src/domain/risk';
import { BOB, buildMitigation, buildThreat, defaultFlow, NOW } from '../../support/build-model';

describe('risk', () => {
  const matrix = defaultFlow().risk;

  describe('scoring under the shipped matrix', () => {
    it.each([
      [1, 1, 1, 'low'],
      [3, 3, 9, 'medium'],
      [3, 4, 12, 'high'],
      [4, 5, 20, 'critical'],
      [5, 1, 5, 'medium'],
    ] as const)('likelihood %i x impact %i scores %i, band %s', (likelihood, impact, score, band) => {
      expect(scoreRisk(matrix, { likelihood, impact })).toEqual({ score, band });
    });
  });

  it('uses whatever matrix is configured', () => {
    const allCritical = { ...matrix, bands: matrix.bands.map((row) => row.map(() => 'critical' as const)) };
    expect(scoreRisk(allCritical, { likelihood: 1, impact: 1 })).toEqual({ score: 1, band: 'critical' });
  });

  it('refuses a matrix whose band falls as likelihood or impact rises', () => {
    const bands = matrix.bands.map((row) => [...row]);
    bands[4]?.splice(4, 1, 'low');
    const result = RiskMatrixSchema.safeParse({ ...matrix, bands });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['bands.4.4', 'a band may not fall as likelihood or impact rises'],
    ]);
  });

  it('residual risk is the rating after mitigation, else before, else unknown', () => {
    const before = { likelihood: 5, impact: 5 };
    const after = { likelihood: 1, impact: 2 };
    expect(residualRisk(matrix, buildThreat('T-1', { risk: { before, after } }))?.band).toBe('low');
    expect(residualRisk(matrix, buildThreat('T-1', { risk: { before } }))?.band).toBe('critical');
    expect(residualRisk(matrix, buildThreat('T-1'))).toBeUndefined();
  });

  it('a threat is addressed by an active mitigation or by accepting, transferring or avoiding it', () => {
    const at = NOW.toISOString();
    const threats = [
      buildThreat('T-1'),
      buildThreat('T-2'),
      buildThreat('T-3', {
        risk: { decision: { type: 'transfer', reason: 'insurer', decidedBy: BOB, decidedAt: at } },
      }),
      buildThreat('T-4', { risk: { decision: { type: 'mitigate', decidedBy: BOB, decidedAt: at } } }),
    ];
    const mitigations = [
      buildMitigation('M-1', ['T-1']),
      buildMitigation('M-2', ['T-2'], { status: 'not_applicable' }),
    ];
    expect(unaddressedThreats(threats, mitigations).map((t) => t.id)).toEqual(['T-2', 'T-4']);
  });

  it('open high risks are high or critical residual risks not yet treated', () => {
    const high = { likelihood: 4, impact: 4 };
    const at = NOW.toISOString();
    const threats = [
      buildThreat('T-1', { risk: { before: high } }),
      buildThreat('T-2', {
        risk: { before: high, decision: { type: 'accept', reason: 'ok', decidedBy: BOB, decidedAt: at } },
      }),
      buildThreat('T-3', { risk: { before: high, decision: { type: 'mitigate', decidedBy: BOB, decidedAt: at } } }),
      buildThreat('T-4', { risk: { before: high, decision: { type: 'mitigate', decidedBy: BOB, decidedAt: at } } }),
      buildThreat('T-5', { risk: { before: { likelihood: 2, impact: 2 } } }),
    ];
    const mitigations = [buildMitigation('M-1', ['T-3'])];
    expect(openHighRisks(matrix, threats, mitigations).map((risk) => [risk.threat.id, risk.band])).toEqual([
      ['T-1', 'high'],
      ['T-4', 'high'],
    ]);
  });
});
