import { type Flow, FlowSchema, RiskMatrixSchema } from '../../../src/domain/flow';
import type { ThreatModel } from '../../../src/domain/model';
import {
  mayAccept,
  residualRisk,
  scoreRisk,
  treatmentStatus,
  unaddressedThreats,
  untreatedThreats,
  withinAppetite,
} from '../../../src/domain/risk';
import type { RiskAcceptance, RiskDecisionType, RiskRating } from '../../../src/domain/risk-assessment';
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

const DAVE = 'U0DAVE001';
const LOW = { likelihood: 2, impact: 2 } as const;
const MEDIUM = { likelihood: 3, impact: 3 } as const;
const HIGH = { likelihood: 4, impact: 4 } as const;
const CRITICAL = { likelihood: 5, impact: 5 } as const;

/** Owned by Alice; Bob is the developer, Carol the Business role holder; Dave is only in the channel. */
function teamModel(...args: Parameters<typeof buildModelWith>): ThreatModel {
  const [threats, mitigations = [], overrides = {}] = args;
  return buildModelWith(threats, mitigations, {
    roles: { business: [CAROL], developer: [BOB], adversary: [], defender: [], appsec_sme: [] },
    ...overrides,
  });
}

function rated(
  before: RiskRating,
  after: RiskRating | undefined,
  type?: RiskDecisionType,
  acceptance?: RiskAcceptance,
) {
  const at = NOW.toISOString();
  return {
    before,
    ...(after && { after }),
    ...(type && {
      decision: {
        type,
        decidedBy: BOB,
        decidedAt: at,
        ...(type !== 'mitigate' && { reason: 'agreed' }),
        ...(acceptance && { acceptance }),
      },
    }),
  };
}

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

  it('a threat untreated on the old rule (a high risk with no decision) is untreated on the new one too', () => {
    const high = { likelihood: 4, impact: 4 };
    const at = NOW.toISOString();
    const threats = [
      buildThreat('T-1', { risk: { before: high, after: high } }),
      buildThreat('T-2', {
        risk: { before: high, decision: { type: 'accept', reason: 'ok', decidedBy: CAROL, decidedAt: at } },
      }),
      buildThreat('T-3', {
        risk: { before: high, after: LOW, decision: { type: 'mitigate', decidedBy: BOB, decidedAt: at } },
      }),
      buildThreat('T-4', {
        risk: { before: high, after: high, decision: { type: 'mitigate', decidedBy: BOB, decidedAt: at } },
      }),
      buildThreat('T-5', { risk: { before: LOW, after: LOW } }),
    ];
    const model = teamModel(threats, [buildMitigation('M-1', ['T-3'])]);
    expect(
      untreatedThreats(defaultFlow(), model).map((item) => [item.threat.id, item.kind, item.residual?.band]),
    ).toEqual([
      ['T-1', 'above_appetite', 'high'],
      ['T-4', 'above_appetite', 'high'],
    ]);
  });
});

describe('residual risk and accountable acceptance', () => {
  const flow = defaultFlow();
  const untreated = (model: ThreatModel, f: Flow = flow) =>
    untreatedThreats(f, model).map((item) => [item.threat.id, item.kind]);

  it('the appetite is the highest band accepted without a decision (medium by default)', () => {
    expect(flow.risk.appetite).toBe('medium');
    expect((['low', 'medium', 'high', 'critical'] as const).map((band) => withinAppetite(flow.risk, band))).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it('a residual risk within appetite is adequately treated, above it is not, whatever the inherent risk', () => {
    const model = teamModel(
      [
        buildThreat('T-1', { risk: rated(CRITICAL, MEDIUM, 'mitigate') }),
        buildThreat('T-2', { risk: rated(LOW, LOW) }),
        buildThreat('T-3', { risk: rated(CRITICAL, HIGH, 'mitigate') }),
      ],
      [buildMitigation('M-1', ['T-1', 'T-3'])],
    );
    expect(untreated(model)).toEqual([['T-3', 'above_appetite']]);
    expect(untreatedThreats(flow, model)[0]?.reason).toBe(
      'T-3 (high after mitigation) is above the risk appetite (medium): mitigate it further, or have the Business role holder accept it',
    );
  });

  it('reproduces "residual risk is ignored": 5x5 after mitigation, decided "mitigate" with a proposed mitigation, is untreated', () => {
    const model = teamModel(
      [buildThreat('T-1', { risk: rated(CRITICAL, CRITICAL, 'mitigate') })],
      [buildMitigation('M-1', ['T-1'], { status: 'proposed' })],
    );
    expect(untreated(model)).toEqual([['T-1', 'above_appetite']]);
    expect(treatmentStatus(flow, model, model.threats[0] ?? buildThreat('T-0'))).toBe('open');
  });

  it('a threat without a rating after mitigation is not treated, unless a decision rests on the rating before', () => {
    const model = teamModel([
      buildThreat('T-1'),
      buildThreat('T-2', { risk: rated(LOW, undefined) }),
      buildThreat('T-3', { risk: rated(LOW, undefined, 'mitigate') }),
      buildThreat('T-4', { risk: rated(LOW, undefined, 'accept') }),
    ]);
    expect(untreated(model)).toEqual([
      ['T-1', 'not_rated'],
      ['T-2', 'not_rated'],
      ['T-3', 'not_rated'],
    ]);
    expect(untreatedThreats(flow, model)[0]?.reason).toBe('T-1 has no rating after mitigation');
  });

  it('a rating lower after mitigation counts only while an active mitigation addresses the threat', () => {
    const mitigated = (status: 'planned' | 'not_applicable') =>
      teamModel(
        [buildThreat('T-1', { risk: rated(CRITICAL, LOW, 'mitigate') })],
        [
          buildMitigation('M-1', ['T-1'], {
            status,
            ...(status === 'not_applicable' && {
              baselineControlId: 'waf',
              deviation: { reason: 'other' as const, explanation: 'not needed' },
            }),
          }),
        ],
      );
    expect(untreated(mitigated('planned'))).toEqual([]);
    expect(untreated(mitigated('not_applicable'))).toEqual([['T-1', 'residual_unsupported']]);
    expect(untreatedThreats(flow, mitigated('not_applicable'))[0]?.residual).toEqual({ score: 25, band: 'critical' });
    expect(untreated(teamModel([buildThreat('T-1', { risk: rated(CRITICAL, LOW, 'mitigate') })]))).toEqual([
      ['T-1', 'residual_unsupported'],
    ]);
  });

  it('reproduces "a residual rating needs no mitigation": 5x5 self-rated 1x1 with no mitigation is untreated', () => {
    const model = teamModel([buildThreat('T-1', { risk: rated(CRITICAL, { likelihood: 1, impact: 1 }, 'mitigate') })]);
    expect(untreatedThreats(flow, model)).toMatchObject([
      {
        kind: 'residual_unsupported',
        reason: 'T-1 is rated lower after mitigation, but no active mitigation addresses it',
      },
    ]);
  });

  it('low and medium risks are accepted by the owner or any role holder; high and critical only by the Business role holder', () => {
    const model = teamModel([]);
    const who = [ALICE, BOB, CAROL, DAVE];
    expect(who.map((user) => mayAccept(flow, model, user, 'medium'))).toEqual([true, true, true, false]);
    expect(who.map((user) => mayAccept(flow, model, user, 'high'))).toEqual([false, false, true, false]);
    expect(who.map((user) => mayAccept(flow, model, user, 'critical'))).toEqual([false, false, true, false]);
  });

  it('an acceptance counts when the accepter may accept the residual band, never while pending', () => {
    const at = NOW.toISOString();
    const byCarol: RiskAcceptance = { status: 'accepted', by: CAROL, at, asRole: 'business' };
    const byBob: RiskAcceptance = { status: 'accepted', by: BOB, at };
    const model = teamModel([
      buildThreat('T-1', { risk: rated(HIGH, HIGH, 'accept', byCarol) }),
      buildThreat('T-2', { risk: rated(HIGH, HIGH, 'accept', byBob) }),
      buildThreat('T-3', { risk: rated(HIGH, HIGH, 'transfer', { status: 'pending', awaiting: 'business' }) }),
      buildThreat('T-4', { risk: rated(MEDIUM, MEDIUM, 'avoid', byBob) }),
    ]);
    expect(untreated(model)).toEqual([
      ['T-2', 'accepted_by_wrong_person'],
      ['T-3', 'acceptance_pending'],
    ]);
    const reasons = untreatedThreats(flow, model).map((item) => item.reason);
    expect(reasons).toEqual([
      `T-2 (high after mitigation) was accepted by <@${BOB}>, but only the Business role holder may do that`,
      'T-3 (high after mitigation) is proposed to be transferred, waiting for the Business role holder to decide',
    ]);
  });

  it('reproduces "anyone accepts any risk": an acceptance stored before accepters were recorded counts as its proposer’s', () => {
    const at = NOW.toISOString();
    const legacy = (by: string) =>
      teamModel([
        buildThreat('T-1', {
          risk: {
            before: CRITICAL,
            after: CRITICAL,
            decision: { type: 'accept', reason: 'meh', decidedBy: by, decidedAt: at },
          },
        }),
      ]);
    expect(untreated(legacy(DAVE))).toEqual([['T-1', 'accepted_by_wrong_person']]);
    expect(untreated(legacy(CAROL))).toEqual([]);
  });

  it('trusts the acceptance of an inherited threat, made by the people of the model it comes from', () => {
    const at = NOW.toISOString();
    const elsewhere: RiskAcceptance = { status: 'accepted', by: 'U0OTHER01', at, asRole: 'business' };
    const inherited = buildThreat('T-1', {
      risk: rated(HIGH, HIGH, 'accept', elsewhere),
      inherited: { modelId: 'TM-3', title: 'Payments API', elementId: 'T-4', version: 7 },
    });
    expect(untreated(teamModel([inherited]))).toEqual([]);
    expect(untreated(teamModel([{ ...inherited, inherited: undefined }]))).toEqual([
      ['T-1', 'accepted_by_wrong_person'],
    ]);
  });

  it('follows the flow: another appetite, another accepter', () => {
    const strict = FlowSchema.parse({
      ...flow,
      risk: {
        ...flow.risk,
        appetite: 'low',
        acceptance: { ...flow.risk.acceptance, medium: { by: 'appsec_sme' } },
      },
    });
    const model = teamModel(
      [
        buildThreat('T-1', { risk: rated(MEDIUM, MEDIUM, 'mitigate') }),
        buildThreat('T-2', {
          risk: rated(MEDIUM, MEDIUM, 'accept', { status: 'accepted', by: BOB, at: NOW.toISOString() }),
        }),
      ],
      [buildMitigation('M-1', ['T-1'])],
    );
    expect(untreated(model)).toEqual([]);
    expect(untreated(model, strict)).toEqual([
      ['T-1', 'above_appetite'],
      ['T-2', 'accepted_by_wrong_person'],
    ]);
  });

  it('tells exports what treats a threat: proposed or planned mitigations are planned, never mitigated', () => {
    const model = teamModel(
      [
        buildThreat('T-1', { risk: rated(HIGH, LOW, 'mitigate') }),
        buildThreat('T-2', { risk: rated(HIGH, LOW, 'mitigate') }),
        buildThreat('T-3', {
          risk: rated(HIGH, HIGH, 'accept', { status: 'accepted', by: CAROL, at: NOW.toISOString() }),
        }),
        buildThreat('T-4', { risk: rated(LOW, LOW) }),
        buildThreat('T-5', { risk: rated(LOW, LOW, 'mitigate') }),
        buildThreat('T-6', { risk: rated(HIGH, HIGH, 'mitigate') }),
      ],
      [
        buildMitigation('M-1', ['T-1'], { status: 'implemented' }),
        buildMitigation('M-2', ['T-2'], { status: 'proposed' }),
        buildMitigation('M-3', ['T-2', 'T-6'], { status: 'verified' }),
      ],
    );
    expect(model.threats.map((threat) => treatmentStatus(flow, model, threat))).toEqual([
      'mitigated',
      'planned',
      'decided',
      'within_appetite',
      'mitigation_missing',
      'open',
    ]);
  });
});
