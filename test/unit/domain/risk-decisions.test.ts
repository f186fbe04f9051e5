import { FlowSchema } from '../../../src/domain/flow';
import { type ThreatModel, ThreatModelSchema } from '../../../src/domain/model';
import { untreatedThreats } from '../../../src/domain/risk';
import type { RiskAssessment, RiskDecisionType, RiskRating } from '../../../src/domain/risk-assessment';
import {
  acceptancesToConfirm,
  confirmAcceptances,
  decideAcceptance,
  type RiskReviewOutcome,
  reviewRisk,
} from '../../../src/domain/risk-decisions';
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
const RITA = 'U0RITA001';
const LOW = { likelihood: 2, impact: 2 } as const;
const MEDIUM = { likelihood: 3, impact: 3 } as const;
const HIGH = { likelihood: 4, impact: 4 } as const;
const CRITICAL = { likelihood: 5, impact: 5 } as const;
const LATER = new Date(NOW.getTime() + 60_000);

/** Owned by Alice; Bob is the developer, Carol the Business role holder; Dave is only in the channel. */
function model(overrides: Partial<ThreatModel> = {}): ThreatModel {
  return buildModelWith(
    [buildThreat('T-1'), buildThreat('T-2')],
    [buildMitigation('M-1', ['T-1'], { status: 'proposed' })],
    {
      roles: { business: [CAROL], developer: [BOB], adversary: [], defender: [], appsec_sme: [] },
      ...overrides,
    },
  );
}

/** What the risk form gives: both ratings and a decision taken by the submitter now. */
function form(before: RiskRating, after: RiskRating | undefined, type: RiskDecisionType, by = BOB): RiskAssessment {
  return {
    before,
    ...(after && { after }),
    decision: {
      type,
      decidedBy: by,
      decidedAt: NOW.toISOString(),
      ...(type !== 'mitigate' && { reason: 'Refunds are capped at 50 EUR' }),
    },
    ratedBy: by,
  };
}

function stored(outcome: RiskReviewOutcome): ThreatModel {
  if (!outcome.ok) throw new Error(`refused (${outcome.reason}): ${outcome.message}`);
  expect(ThreatModelSchema.parse(outcome.model)).toEqual(outcome.model);
  return outcome.model;
}

describe('the risk review rules', () => {
  const flow = defaultFlow();
  const review = (m: ThreatModel, threatId: string, risk: RiskAssessment, by = BOB) =>
    reviewRisk(flow, m, { threatId, risk, by, at: NOW });

  describe('residual ratings', () => {
    it('"mitigate" needs a rating after mitigation', () => {
      expect(review(model(), 'T-1', form(HIGH, undefined, 'mitigate'))).toEqual({
        ok: false,
        reason: 'needs_residual',
        field: 'likelihoodAfter',
        message: 'To mitigate T-1, rate it after mitigation too: the residual risk is what counts.',
      });
    });

    it('refuses a rating after mitigation higher than the one before', () => {
      expect(review(model(), 'T-1', form(LOW, HIGH, 'mitigate'))).toMatchObject({
        ok: false,
        reason: 'residual_above_inherent',
        field: 'likelihoodAfter',
      });
    });

    it('refuses a rating lower after mitigation when no active mitigation addresses the threat', () => {
      expect(review(model(), 'T-2', form(CRITICAL, { likelihood: 1, impact: 1 }, 'mitigate'))).toEqual({
        ok: false,
        reason: 'residual_unsupported',
        field: 'likelihoodAfter',
        message:
          'T-2 is rated lower after mitigation than before, but no mitigation addresses it. ' +
          'Add one for T-2 in step 3, or rate it after mitigation as before (likelihood 5, impact 5).',
      });
    });

    it('takes a lower rating after mitigation backed by a mitigation, even one only proposed', () => {
      const next = stored(review(model(), 'T-1', form(CRITICAL, LOW, 'mitigate')));
      expect(next.threats[0]?.risk).toEqual({
        before: CRITICAL,
        after: LOW,
        decision: { type: 'mitigate', decidedBy: BOB, decidedAt: NOW.toISOString() },
        ratedBy: BOB,
      });
      expect(untreatedThreats(flow, next).map((item) => item.threat.id)).toEqual(['T-2']);
    });

    it('records who rated and decided from who submitted, not from the form', () => {
      const next = stored(review(model(), 'T-2', form(MEDIUM, MEDIUM, 'mitigate', DAVE), ALICE));
      expect(next.threats[1]?.risk.decision?.decidedBy).toBe(ALICE);
      expect(next.threats[1]?.risk.ratedBy).toBe(ALICE);
    });

    it('refuses an unknown or inherited threat, and a model the team may not change', () => {
      expect(review(model(), 'T-9', form(LOW, LOW, 'mitigate'))).toMatchObject({
        reason: 'not_found',
        field: 'threatId',
      });
      expect(review(model({ status: 'in_review' }), 'T-1', form(LOW, LOW, 'mitigate'))).toMatchObject({
        reason: 'not_editable',
        message: 'TM-1 is in review and cannot be changed now.',
      });
    });
  });

  describe('accountable acceptance', () => {
    it('a role holder accepts a low or medium risk themselves, recorded as proposer and accepter', () => {
      const outcome = review(model(), 'T-2', form(MEDIUM, MEDIUM, 'accept'));
      expect(outcome).toMatchObject({ ok: true, result: { kind: 'accepted' } });
      expect(stored(outcome).threats[1]?.risk.decision).toEqual({
        type: 'accept',
        reason: 'Refunds are capped at 50 EUR',
        decidedBy: BOB,
        decidedAt: NOW.toISOString(),
        acceptance: { status: 'accepted', by: BOB, at: NOW.toISOString() },
      });
    });

    it('reproduces "anyone accepts any risk": a channel member with no role may not accept, transfer or avoid', () => {
      for (const type of ['accept', 'transfer', 'avoid'] as const) {
        expect(review(model(), 'T-2', form(CRITICAL, CRITICAL, type), DAVE)).toEqual({
          ok: false,
          reason: 'not_allowed',
          field: 'decision',
          message: `Only the owner or a role holder of TM-1 can ${type} a risk.`,
        });
      }
      expect(review(model(), 'T-2', form(LOW, LOW, 'accept'), DAVE)).toMatchObject({ reason: 'not_allowed' });
    });

    it('a high or critical risk proposed by anyone but the Business role holder waits for them', () => {
      const outcome = review(model(), 'T-2', form(CRITICAL, CRITICAL, 'accept'));
      expect(outcome).toMatchObject({
        ok: true,
        result: { kind: 'proposed', awaiting: 'business', holders: [CAROL] },
        after: { band: 'critical', score: 25 },
      });
      const next = stored(outcome);
      expect(next.threats[1]?.risk.decision?.acceptance).toEqual({ status: 'pending', awaiting: 'business' });
      expect(untreatedThreats(flow, next).map((item) => [item.threat.id, item.kind])).toEqual([
        ['T-1', 'not_rated'],
        ['T-2', 'acceptance_pending'],
      ]);
    });

    it('the Business role holder accepts a high risk at once, to be confirmed by AppSec at approval', () => {
      const next = stored(review(model(), 'T-2', form(HIGH, HIGH, 'transfer', CAROL), CAROL));
      expect(next.threats[1]?.risk.decision?.acceptance).toEqual({
        status: 'accepted',
        by: CAROL,
        at: NOW.toISOString(),
        asRole: 'business',
        needsConfirmation: true,
      });
      expect(acceptancesToConfirm(next).map((threat) => threat.id)).toEqual(['T-2']);
    });

    it('says so to the proposer when nobody holds the Business role', () => {
      const noBusiness = model({
        roles: { business: [], developer: [BOB], adversary: [], defender: [], appsec_sme: [] },
      });
      expect(review(noBusiness, 'T-2', form(HIGH, HIGH, 'avoid'))).toEqual({
        ok: false,
        reason: 'no_accepter',
        field: 'decision',
        message:
          'Only the Business role holder may avoid a high risk, and nobody holds the Business role in TM-1. ' +
          'Give someone the Business role, then propose it again.',
      });
    });

    it('the band that decides who accepts is the residual one', () => {
      const m = model();
      // Critical before, medium after thanks to M-1: the developer may accept what is left.
      expect(review(m, 'T-1', form(CRITICAL, MEDIUM, 'accept'))).toMatchObject({ result: { kind: 'accepted' } });
    });

    it('follows the flow’s rule for each band', () => {
      const relaxed = FlowSchema.parse({
        ...flow,
        risk: { ...flow.risk, acceptance: { ...flow.risk.acceptance, critical: { by: 'team' } } },
      });
      const outcome = reviewRisk(relaxed, model(), {
        threatId: 'T-2',
        risk: form(CRITICAL, CRITICAL, 'accept'),
        by: BOB,
        at: NOW,
      });
      expect(outcome).toMatchObject({ ok: true, result: { kind: 'accepted' } });
      expect(stored(outcome).threats[1]?.risk.decision?.acceptance).toEqual({
        status: 'accepted',
        by: BOB,
        at: NOW.toISOString(),
      });
    });
  });

  describe('deciding a pending proposal', () => {
    const pending = () => stored(review(model(), 'T-2', form(HIGH, HIGH, 'accept')));
    const decide = (m: ThreatModel, by: string, accept: boolean, proposedAt = NOW.toISOString()) =>
      decideAcceptance(flow, m, { threatId: 'T-2', proposedAt, by, at: LATER, accept });

    it('the Business role holder accepts: the accepter is recorded beside the proposer', () => {
      const outcome = decide(pending(), CAROL, true);
      expect(outcome).toMatchObject({
        ok: true,
        accepted: true,
        proposal: { decidedBy: BOB },
        residual: { band: 'high' },
      });
      if (!outcome.ok) return;
      expect(ThreatModelSchema.parse(outcome.model)).toEqual(outcome.model);
      expect(outcome.model.threats[1]?.risk.decision).toEqual({
        type: 'accept',
        reason: 'Refunds are capped at 50 EUR',
        decidedBy: BOB,
        decidedAt: NOW.toISOString(),
        acceptance: {
          status: 'accepted',
          by: CAROL,
          at: LATER.toISOString(),
          asRole: 'business',
          needsConfirmation: true,
        },
      });
      expect(untreatedThreats(flow, outcome.model).map((item) => item.threat.id)).toEqual(['T-1']);
    });

    it('the Business role holder declines: the decision goes, the ratings stay', () => {
      const outcome = decide(pending(), CAROL, false);
      expect(outcome).toMatchObject({ ok: true, accepted: false });
      if (!outcome.ok) return;
      expect(outcome.model.threats[1]?.risk).toEqual({ before: HIGH, after: HIGH, ratedBy: BOB });
      expect(untreatedThreats(flow, outcome.model).map((item) => [item.threat.id, item.kind])).toEqual([
        ['T-1', 'not_rated'],
        ['T-2', 'above_appetite'],
      ]);
    });

    it('nobody else may decide, not even the proposer or the owner', () => {
      for (const who of [BOB, ALICE, DAVE]) {
        expect(decide(pending(), who, true)).toEqual({
          ok: false,
          reason: 'not_allowed',
          message: 'Only the Business role holder of TM-1 can decide on this proposal.',
        });
      }
    });

    it('refuses when nothing waits, or the message was about an older proposal', () => {
      expect(decide(model(), CAROL, true)).toMatchObject({ ok: false, reason: 'nothing_pending' });
      const accepted = decide(pending(), CAROL, true);
      if (!accepted.ok) throw new Error(accepted.message);
      expect(decide(accepted.model, CAROL, false)).toMatchObject({ ok: false, reason: 'nothing_pending' });
      expect(decide(pending(), CAROL, true, LATER.toISOString())).toMatchObject({ ok: false, reason: 'outdated' });
      expect(decide({ ...pending(), status: 'approved' }, CAROL, true)).toMatchObject({ reason: 'not_editable' });
    });
  });

  describe('confirming acceptances at approval', () => {
    it('records the AppSec reviewer on every acceptance the flow asks them to confirm, and only those', () => {
      const m = stored(review(model(), 'T-1', form(MEDIUM, MEDIUM, 'accept')));
      const both = stored(review(m, 'T-2', form(HIGH, HIGH, 'accept', CAROL), CAROL));
      const confirmed = confirmAcceptances(both, RITA, LATER);
      expect(ThreatModelSchema.parse(confirmed)).toEqual(confirmed);
      expect(confirmed.threats.map((threat) => threat.risk.decision?.acceptance)).toEqual([
        { status: 'accepted', by: BOB, at: NOW.toISOString() },
        {
          status: 'accepted',
          by: CAROL,
          at: NOW.toISOString(),
          asRole: 'business',
          needsConfirmation: true,
          confirmedBy: RITA,
          confirmedAt: LATER.toISOString(),
        },
      ]);
      expect(acceptancesToConfirm(confirmed)).toEqual([]);
      expect(confirmAcceptances(confirmed, 'U0SEC0002', LATER)).toBe(confirmed);
    });
  });
});
