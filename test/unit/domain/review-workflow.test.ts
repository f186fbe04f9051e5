import { LIMITS } from '../../../src/domain/limits';
import type { Mitigation } from '../../../src/domain/mitigation';
import { type ThreatModel, type ThreatModelInput, ThreatModelSchema } from '../../../src/domain/model';
import type { ReviewEvent } from '../../../src/domain/review';
import {
  approvalMissingSteps,
  approve,
  assignReviewer,
  followUpLines,
  incompleteSteps,
  isParticipant,
  lastReviewDecision,
  type ReviewOutcome,
  requestChanges,
  requestReview,
  reviewAgeMs,
  tookPart,
  withdrawReview,
} from '../../../src/domain/review-workflow';
import { untreatedThreats } from '../../../src/domain/risk';
import type { RiskAssessment } from '../../../src/domain/risk-assessment';
import type { Threat } from '../../../src/domain/threat';
import {
  ALICE,
  BOB,
  buildMitigation,
  buildModel,
  buildModelWith,
  buildThreat,
  CAROL,
  defaultFlow,
  NOW,
} from '../../support/build-model';

/** An AppSec reviewer from outside the team. */
const RITA = 'U0RITA001';
/** An AppSec engineer who holds the AppSec SME role in the model, so cannot review it. */
const SAM = 'U0SAM0001';

const HOUR = 60 * 60 * 1000;
const at = (hours: number) => new Date(NOW.getTime() + hours * HOUR);
const DUE = at(72);

const LOW = { likelihood: 2, impact: 2 } as const;
const HIGH = { likelihood: 4, impact: 4 } as const;
const CRITICAL = { likelihood: 4, impact: 5 } as const;

function decided(type: 'mitigate' | 'accept', rating: RiskAssessment['before']): RiskAssessment {
  return {
    before: rating,
    after: rating,
    decision: {
      type,
      decidedBy: BOB,
      decidedAt: NOW.toISOString(),
      ...(type === 'accept' && { reason: 'Refunds are capped at 50 EUR' }),
    },
  };
}

/**
 * The Refunds API with all four steps complete: owned by Alice, Bob is the developer and the
 * Business role holder (who may accept a high risk), Carol the adversary and Sam the AppSec SME.
 * Rita, from AppSec, is outside the team.
 */
function buildCompleteModel(
  threats: Threat[],
  mitigations: Mitigation[] = [],
  overrides: Partial<ThreatModelInput> = {},
): ThreatModel {
  const done = { completedBy: BOB, completedAt: NOW.toISOString() };
  return buildModelWith(threats, mitigations, {
    currentStep: 'risk',
    completedSteps: { scope: done, threats: done, mitigations: done, risk: done },
    roles: { business: [BOB], developer: [BOB], adversary: [CAROL], defender: [], appsec_sme: [SAM] },
    ...overrides,
  });
}

/** Complete, but T-2 has a high residual risk with no decision. */
function buildModelWithOpenHighRisk(overrides: Partial<ThreatModelInput> = {}): ThreatModel {
  return buildCompleteModel(
    [
      buildThreat('T-1', { risk: decided('mitigate', LOW) }),
      buildThreat('T-2', { risk: { before: HIGH, after: HIGH } }),
    ],
    [buildMitigation('M-1', ['T-1'])],
    overrides,
  );
}

/**
 * Complete, and T-2's high risk is treated: accepted with a reason by the Business role holder, or
 * mitigated by M-2 down to a low residual risk.
 */
function buildModelWithTreatedHighRisk(how: 'accept' | 'mitigate'): ThreatModel {
  const mitigations = [buildMitigation('M-1', ['T-1'])];
  if (how === 'mitigate') mitigations.push(buildMitigation('M-2', ['T-2'], { status: 'implemented' }));
  const risk = how === 'mitigate' ? { ...decided('mitigate', HIGH), after: LOW } : decided('accept', HIGH);
  return buildCompleteModel(
    [buildThreat('T-1', { risk: decided('mitigate', LOW) }), buildThreat('T-2', { risk })],
    mitigations,
  );
}

/** The model of a successful outcome, checked against the schema; fails the test on a refusal. */
function accepted(outcome: ReviewOutcome): ThreatModel {
  if (!outcome.ok) throw new Error(`refused (${outcome.reason}): ${outcome.message}`);
  expect(ThreatModelSchema.parse(outcome.model)).toEqual(outcome.model);
  return outcome.model;
}

/** Alice asks for a review at NOW. */
function requested(model: ThreatModel): ThreatModel {
  return accepted(requestReview(model, { by: ALICE, at: NOW, allowIncomplete: false }));
}

/** Alice asks for a review at NOW and Rita claims it an hour later. */
function claimedByRita(model: ThreatModel): ThreatModel {
  const assignment = { reviewerId: RITA, by: RITA, at: at(1), dueAt: DUE, how: 'claimed' } as const;
  return accepted(assignReviewer(requested(model), assignment));
}

const ritaDecides = { by: RITA, at: at(2), isAppSec: true };
const types = (model: ThreatModel) => model.review?.history.map((event) => event.type);

describe('the AppSec review', () => {
  const flow = defaultFlow();

  describe('who takes part in a model', () => {
    it('is the owner and every role holder, nobody else', () => {
      const model = buildModelWithOpenHighRisk();
      expect([ALICE, BOB, CAROL, SAM].map((user) => isParticipant(model, user))).toEqual([true, true, true, true]);
      expect(isParticipant(model, RITA)).toBe(false);
    });
  });

  describe('incomplete steps', () => {
    it('are the steps not yet completed, in order', () => {
      const done = { completedBy: BOB, completedAt: NOW.toISOString() };
      expect(incompleteSteps(buildModel())).toEqual(['scope', 'threats', 'mitigations', 'risk']);
      expect(incompleteSteps(buildModel({ completedSteps: { scope: done, mitigations: done } }))).toEqual([
        'threats',
        'risk',
      ]);
      expect(incompleteSteps(buildModelWithOpenHighRisk())).toEqual([]);
    });
  });

  describe('requesting a review', () => {
    it('puts a complete model in review, recording who asked and when', () => {
      const model = requested(buildModelWithOpenHighRisk());
      expect(model.status).toBe('in_review');
      expect(model.review).toEqual({
        requestedBy: ALICE,
        requestedAt: NOW.toISOString(),
        incomplete: false,
        history: [{ type: 'requested', by: ALICE, at: NOW.toISOString() }],
      });
    });

    it('lets any role holder ask, not only the owner', () => {
      const outcome = requestReview(buildModelWithOpenHighRisk(), { by: CAROL, at: NOW, allowIncomplete: false });
      expect(accepted(outcome).review?.requestedBy).toBe(CAROL);
    });

    it('keeps the note given with the request, trimmed, and leaves out a blank one', () => {
      const model = buildModelWithOpenHighRisk();
      const noted = requestReview(model, { by: ALICE, at: NOW, allowIncomplete: false, note: '  Payout is new.  ' });
      expect(accepted(noted).review?.history[0]?.comment).toBe('Payout is new.');
      const blank = requestReview(model, { by: ALICE, at: NOW, allowIncomplete: false, note: '   ' });
      expect(accepted(blank).review?.history[0]).not.toHaveProperty('comment');
    });

    it('refuses a note longer than the comment limit', () => {
      const note = 'x'.repeat(LIMITS.commentMax + 1);
      expect(requestReview(buildModelWithOpenHighRisk(), { by: ALICE, at: NOW, allowIncomplete: false, note })).toEqual(
        {
          ok: false,
          reason: 'comment_required',
          message: `A comment can be at most ${LIMITS.commentMax} characters; this one has ${LIMITS.commentMax + 1}.`,
        },
      );
    });

    it('does not touch version or updatedAt, which the store bumps', () => {
      const model = buildModelWithOpenHighRisk();
      const next = accepted(requestReview(model, { by: ALICE, at: at(5), allowIncomplete: false }));
      expect([next.version, next.updatedAt]).toEqual([model.version, model.updatedAt]);
    });

    it.each([
      ['in_review', 'TM-3 is already in review.'],
      ['approved', 'TM-3 is already approved.'],
      ['archived', 'TM-3 is archived.'],
    ] as const)('refuses a model that is %s', (status, message) => {
      const model = buildModelWithOpenHighRisk({ id: 'TM-3', status });
      expect(requestReview(model, { by: ALICE, at: NOW, allowIncomplete: false })).toEqual({
        ok: false,
        reason: 'wrong_status',
        message,
      });
    });

    it('refuses someone who neither owns the model nor holds a role in it', () => {
      expect(requestReview(buildModelWithOpenHighRisk(), { by: RITA, at: NOW, allowIncomplete: false })).toEqual({
        ok: false,
        reason: 'not_allowed',
        message: 'Only the owner or a role holder of TM-1 can request its review.',
      });
    });

    describe('when steps are incomplete', () => {
      const done = { completedBy: BOB, completedAt: NOW.toISOString() };
      const unfinished = () => buildModelWithOpenHighRisk({ completedSteps: { scope: done, threats: done } });

      it('refuses, naming the missing steps', () => {
        expect(requestReview(unfinished(), { by: ALICE, at: NOW, allowIncomplete: false })).toEqual({
          ok: false,
          reason: 'incomplete',
          message:
            'TM-1 is not complete yet: mitigations, risk review still need finishing. Complete them, or request the review anyway.',
        });
      });

      it('goes ahead when asked to, and flags the review as incomplete for the reviewer', () => {
        const model = accepted(requestReview(unfinished(), { by: ALICE, at: NOW, allowIncomplete: true }));
        expect(model.status).toBe('in_review');
        expect(model.review?.incomplete).toBe(true);
      });
    });

    describe('again, after changes were requested', () => {
      const sentBack = () =>
        accepted(
          requestChanges(claimedByRita(buildModelWithOpenHighRisk()), { ...ritaDecides, comment: 'Rate T-2 again.' }),
        );

      it('goes back to the same reviewer and keeps the history of the first round', () => {
        const model = accepted(requestReview(sentBack(), { by: BOB, at: at(24), allowIncomplete: false }));
        expect(model.status).toBe('in_review');
        expect(model.review).toMatchObject({ requestedBy: BOB, requestedAt: at(24).toISOString(), reviewerId: RITA });
        expect(types(model)).toEqual(['requested', 'claimed', 'changes_requested', 'requested']);
      });

      it('clears the due date, which the scheduling job sets again', () => {
        expect(sentBack().review?.dueAt).toBe(DUE.toISOString());
        const model = accepted(requestReview(sentBack(), { by: BOB, at: at(24), allowIncomplete: false }));
        expect(model.review?.dueAt).toBeUndefined();
      });

      it('does not go back to a reviewer who has since joined the team', () => {
        const before = sentBack();
        const joined = { ...before, roles: { ...before.roles, defender: [RITA] } };
        const model = accepted(requestReview(joined, { by: BOB, at: at(24), allowIncomplete: false }));
        expect(model.review?.reviewerId).toBeUndefined();
      });
    });

    it(`never keeps more than ${LIMITS.reviewHistoryMax} history events, dropping the oldest`, () => {
      const old: ReviewEvent[] = Array.from({ length: LIMITS.reviewHistoryMax }, (_, i) => ({
        type: 'commented',
        by: RITA,
        at: new Date(NOW.getTime() - (LIMITS.reviewHistoryMax - i) * HOUR).toISOString(),
        comment: `comment ${i}`,
      }));
      const full = buildModelWithOpenHighRisk({
        status: 'changes_requested',
        review: { requestedBy: ALICE, requestedAt: NOW.toISOString(), reviewerId: RITA, history: old },
      });
      const model = accepted(requestReview(full, { by: ALICE, at: at(1), allowIncomplete: false }));
      const history = model.review?.history ?? [];
      expect(history).toHaveLength(LIMITS.reviewHistoryMax);
      expect(history[0]?.comment).toBe('comment 1');
      expect(history.at(-1)).toEqual({ type: 'requested', by: ALICE, at: at(1).toISOString() });
    });
  });

  describe('assigning a reviewer', () => {
    it.each(['assigned', 'claimed', 'reassigned'] as const)('records the reviewer and due date when %s', (how) => {
      const by = how === 'claimed' ? RITA : 'system';
      const outcome = assignReviewer(requested(buildModelWithOpenHighRisk()), {
        reviewerId: RITA,
        by,
        at: at(1),
        dueAt: DUE,
        how,
      });
      const model = accepted(outcome);
      expect(model.status).toBe('in_review');
      expect(model.review).toMatchObject({ reviewerId: RITA, dueAt: DUE.toISOString() });
      expect(model.review?.history.at(-1)).toEqual({ type: how, by, at: at(1).toISOString(), reviewerId: RITA });
    });

    it.each([
      ['the owner', ALICE],
      ['a role holder', SAM],
    ])('refuses %s as reviewer', (_who, reviewerId) => {
      const model = requested(buildModelWithOpenHighRisk({ id: 'TM-3' }));
      expect(assignReviewer(model, { reviewerId, by: 'system', at: at(1), dueAt: DUE, how: 'assigned' })).toEqual({
        ok: false,
        reason: 'own_model',
        message: `<@${reviewerId}> owns or holds a role in TM-3 and cannot review it.`,
      });
    });

    it('refuses someone who held a role or changed the model, even with no role now', () => {
      const model = requested(buildModelWithOpenHighRisk({ id: 'TM-3', contributors: [RITA] }));
      expect(tookPart(model, RITA)).toBe(true);
      expect(tookPart(model, 'U0OTHER01')).toBe(false);
      expect(assignReviewer(model, { reviewerId: RITA, by: RITA, at: at(1), dueAt: DUE, how: 'claimed' })).toEqual({
        ok: false,
        reason: 'own_model',
        message: `<@${RITA}> held a role in TM-3 or changed it and cannot review it.`,
      });
    });

    it('refuses a model that is not in review', () => {
      const model = buildModelWithOpenHighRisk({ id: 'TM-3' });
      expect(assignReviewer(model, { reviewerId: RITA, by: RITA, at: at(1), dueAt: DUE, how: 'claimed' })).toEqual({
        ok: false,
        reason: 'wrong_status',
        message: 'TM-3 is not in review; it is a draft.',
      });
    });
  });

  describe('requesting changes', () => {
    it('sends the model back to the team with the comment, keeping the reviewer', () => {
      const outcome = requestChanges(claimedByRita(buildModelWithOpenHighRisk()), {
        ...ritaDecides,
        comment: '  T-2 needs a decision.  ',
      });
      const model = accepted(outcome);
      expect(model.status).toBe('changes_requested');
      expect(model.review?.reviewerId).toBe(RITA);
      expect(model.review?.history.at(-1)).toEqual({
        type: 'changes_requested',
        by: RITA,
        at: at(2).toISOString(),
        comment: 'T-2 needs a decision.',
      });
    });

    it('refuses someone outside AppSec', () => {
      const model = claimedByRita(buildModelWithOpenHighRisk());
      expect(requestChanges(model, { ...ritaDecides, isAppSec: false, comment: 'Looks risky.' })).toEqual({
        ok: false,
        reason: 'not_allowed',
        message: 'Only AppSec reviewers can request changes.',
      });
    });

    it('refuses an AppSec engineer who holds a role in the model', () => {
      const model = claimedByRita(buildModelWithOpenHighRisk({ id: 'TM-3' }));
      expect(requestChanges(model, { ...ritaDecides, by: SAM, comment: 'Rate T-2.' })).toEqual({
        ok: false,
        reason: 'own_model',
        message: 'You own or hold a role in TM-3, so someone else from AppSec must review it.',
      });
    });

    it('refuses without a comment saying what to change', () => {
      const model = claimedByRita(buildModelWithOpenHighRisk());
      expect(requestChanges(model, { ...ritaDecides, comment: ' \n ' })).toEqual({
        ok: false,
        reason: 'comment_required',
        message: 'Say what needs to change before sending TM-1 back to the team.',
      });
    });

    it(`takes a comment of up to ${LIMITS.commentMax} characters and refuses a longer one`, () => {
      const model = claimedByRita(buildModelWithOpenHighRisk());
      accepted(requestChanges(model, { ...ritaDecides, comment: 'x'.repeat(LIMITS.commentMax) }));
      expect(requestChanges(model, { ...ritaDecides, comment: 'x'.repeat(LIMITS.commentMax + 1) })).toMatchObject({
        ok: false,
        reason: 'comment_required',
        message: `A comment can be at most ${LIMITS.commentMax} characters; this one has ${LIMITS.commentMax + 1}.`,
      });
    });

    it('refuses a model that is not in review', () => {
      const model = buildModelWithOpenHighRisk({ status: 'approved' });
      expect(requestChanges(model, { ...ritaDecides, comment: 'Rate T-2.' })).toMatchObject({
        ok: false,
        reason: 'wrong_status',
        message: 'TM-1 is not in review; it is approved.',
      });
    });
  });

  describe('approving a model', () => {
    it.each(['accept', 'mitigate'] as const)('approves once the high risk is treated (%s)', (how) => {
      const model = accepted(approve(claimedByRita(buildModelWithTreatedHighRisk(how)), ritaDecides, flow));
      expect(model.status).toBe('approved');
      expect(model.review?.history.at(-1)).toEqual({ type: 'approved', by: RITA, at: at(2).toISOString() });
      expect(model.review?.reviewerId).toBe(RITA);
    });

    it('records the comment given with the approval', () => {
      const model = claimedByRita(buildModelWithTreatedHighRisk('accept'));
      const approved = accepted(approve(model, { ...ritaDecides, comment: 'Pen-test the payout queue.' }, flow));
      expect(approved.review?.history.at(-1)?.comment).toBe('Pen-test the payout queue.');
    });

    it('refuses while a high risk is open, giving the reason untreatedThreats gives', () => {
      const model = claimedByRita(buildModelWithOpenHighRisk());
      const [untreated] = untreatedThreats(flow, model);
      expect(untreated?.threat.id).toBe('T-2');
      expect(approve(model, ritaDecides, flow)).toEqual({
        ok: false,
        reason: 'open_high_risks',
        message:
          'Not every risk is adequately treated yet: T-2 (high after mitigation) is above the risk appetite (medium): ' +
          'mitigate it further, or have the Business role holder accept it.',
      });
    });

    it('names every risk not adequately treated, and why', () => {
      const model = buildCompleteModel([
        buildThreat('T-1', { risk: { before: LOW, after: LOW } }),
        buildThreat('T-2', { risk: { before: HIGH } }),
        buildThreat('T-3', { risk: decided('accept', HIGH) }),
        buildThreat('T-4', { risk: decided('mitigate', CRITICAL) }),
        buildThreat('T-5', { risk: { before: CRITICAL } }),
      ]);
      expect(approve(claimedByRita(model), ritaDecides, flow)).toMatchObject({
        reason: 'open_high_risks',
        message:
          'Not every risk is adequately treated yet: T-2 has no rating after mitigation; ' +
          'T-4 (critical after mitigation) is above the risk appetite (medium): mitigate it further, or have the Business role holder accept it; ' +
          'T-5 has no rating after mitigation.',
      });
    });

    it('refuses a high risk accepted by someone who may not accept it, and one still waiting for the Business role holder', () => {
      const accepted = decided('accept', HIGH);
      const decision = {
        type: 'accept' as const,
        reason: 'Refunds are capped at 50 EUR',
        decidedAt: NOW.toISOString(),
      };
      const byCarol: RiskAssessment = { ...accepted, decision: { ...decision, decidedBy: CAROL } };
      const pending: RiskAssessment = {
        ...accepted,
        decision: { ...decision, decidedBy: BOB, acceptance: { status: 'pending', awaiting: 'business' } },
      };
      const model = buildCompleteModel([buildThreat('T-1', { risk: byCarol }), buildThreat('T-2', { risk: pending })]);
      expect(approve(claimedByRita(model), ritaDecides, flow)).toMatchObject({
        reason: 'open_high_risks',
        message:
          `Not every risk is adequately treated yet: T-1 (high after mitigation) was accepted by <@${CAROL}>, but only the Business role holder may do that; ` +
          'T-2 (high after mitigation) is proposed to be accepted, waiting for the Business role holder to decide.',
      });
    });

    describe('until every step is complete', () => {
      const early = (completed: Partial<ThreatModel['completedSteps']>) => {
        const model = buildModelWithTreatedHighRisk('accept');
        const inReview = accepted(
          requestReview({ ...model, completedSteps: completed }, { by: ALICE, at: NOW, allowIncomplete: true }),
        );
        return accepted(
          assignReviewer(inReview, { reviewerId: RITA, by: RITA, at: at(1), dueAt: DUE, how: 'claimed' }),
        );
      };
      const done = { completedBy: BOB, completedAt: NOW.toISOString() };

      it('refuses an empty model requested early, naming every missing step in words', () => {
        const empty = early({});
        expect(approve({ ...empty, threats: [], mitigations: [] }, ritaDecides, flow)).toEqual({
          ok: false,
          reason: 'incomplete',
          message:
            'TM-1 cannot be approved until every step is complete: scope, threats, mitigations and risk review are not finished yet. ' +
            'Until then you can comment or request changes.',
        });
      });

      it('names the one step left', () => {
        const outcome = approve(early({ scope: done, threats: done, mitigations: done }), ritaDecides, flow);
        expect(outcome).toMatchObject({ ok: false, reason: 'incomplete' });
        expect(outcome.ok ? '' : outcome.message).toContain('complete: risk review is not finished yet.');
      });

      it('still lets the reviewer request changes', () => {
        const model = early({ scope: done });
        const changed = accepted(requestChanges(model, { ...ritaDecides, comment: 'Finish the threats first.' }));
        expect(changed.status).toBe('changes_requested');
      });

      it('says what is missing in words, or nothing once complete', () => {
        expect(approvalMissingSteps(early({ scope: done, risk: done }))).toContain('threats and mitigations are');
        expect(approvalMissingSteps(buildModelWithTreatedHighRisk('accept'))).toBeUndefined();
      });
    });

    describe('refuses anyone who ever took part', () => {
      it('refuses a contributor who gave up their role, and lets another AppSec member approve', () => {
        // Sam held the AppSec SME role and edited the model, then removed his own role.
        const model = claimedByRita(buildModelWithTreatedHighRisk('accept'));
        const withoutRole = { ...model, roles: { ...model.roles, appsec_sme: [] }, contributors: [SAM, BOB] };
        expect(isParticipant(withoutRole, SAM)).toBe(false);
        expect(approve(withoutRole, { ...ritaDecides, by: SAM }, flow)).toEqual({
          ok: false,
          reason: 'own_model',
          message: 'You held a role in TM-1 or changed it, so someone else from AppSec must approve it.',
        });
        expect(accepted(approve(withoutRole, ritaDecides, flow)).status).toBe('approved');
      });

      it('checks who may decide before what is missing', () => {
        // Rita claimed the review, then changed the model.
        const model = { ...claimedByRita(buildModelWithOpenHighRisk()), contributors: [RITA] };
        expect(approve(model, ritaDecides, flow)).toMatchObject({ reason: 'own_model' });
      });
    });

    describe('with follow-up actions', () => {
      const model = () => claimedByRita(buildModelWithTreatedHighRisk('accept'));

      it('records the comment and the follow-ups, trimmed, blanks left out', () => {
        const approved = accepted(
          approve(
            model(),
            { ...ritaDecides, comment: ' Good work. ', followUps: [' Pen-test the refund API ', '', '  '] },
            flow,
          ),
        );
        expect(approved.review?.history.at(-1)).toEqual({
          type: 'approved',
          by: RITA,
          at: at(2).toISOString(),
          comment: 'Good work.',
          followUps: ['Pen-test the refund API'],
        });
      });

      it('leaves followUps out when none are given', () => {
        const approved = accepted(approve(model(), { ...ritaDecides, followUps: [] }, flow));
        expect(approved.review?.history.at(-1)).not.toHaveProperty('followUps');
      });

      it(`refuses more than ${LIMITS.followUpsMax} follow-ups and one over ${LIMITS.followUpMax} characters`, () => {
        const many = Array.from({ length: LIMITS.followUpsMax + 1 }, (_, i) => `Action ${i}`);
        expect(approve(model(), { ...ritaDecides, followUps: many }, flow)).toMatchObject({
          ok: false,
          message: `An approval can list at most ${LIMITS.followUpsMax} follow-up actions; this one has ${LIMITS.followUpsMax + 1}.`,
        });
        const long = ['ok', 'x'.repeat(LIMITS.followUpMax + 1)];
        expect(approve(model(), { ...ritaDecides, followUps: long }, flow)).toMatchObject({
          ok: false,
          message: `A follow-up action can be at most ${LIMITS.followUpMax} characters; number 2 has ${LIMITS.followUpMax + 1}.`,
        });
        const fits = Array.from({ length: LIMITS.followUpsMax }, () => 'x'.repeat(LIMITS.followUpMax));
        expect(accepted(approve(model(), { ...ritaDecides, followUps: fits }, flow)).status).toBe('approved');
      });

      it('reads one follow-up per line of the form, without list markers', () => {
        expect(followUpLines('- Pen-test the refund API\n\n  2. Rotate keys  \r\n* Log refunds\n')).toEqual([
          'Pen-test the refund API',
          'Rotate keys',
          'Log refunds',
        ]);
        expect(followUpLines(undefined)).toEqual([]);
      });
    });

    it('refuses someone outside AppSec', () => {
      const model = claimedByRita(buildModelWithTreatedHighRisk('accept'));
      expect(approve(model, { ...ritaDecides, isAppSec: false }, flow)).toEqual({
        ok: false,
        reason: 'not_allowed',
        message: 'Only AppSec reviewers can approve a threat model.',
      });
    });

    it('refuses an AppSec engineer who owns or holds a role in the model', () => {
      const model = claimedByRita(buildModelWithTreatedHighRisk('accept'));
      expect(approve({ ...model, id: 'TM-3' }, { ...ritaDecides, by: SAM }, flow)).toEqual({
        ok: false,
        reason: 'own_model',
        message: 'You own or hold a role in TM-3, so someone else from AppSec must approve it.',
      });
    });

    it.each(['draft', 'changes_requested', 'approved'] as const)('refuses a model that is %s', (status) => {
      const model = buildModelWithTreatedHighRisk('accept');
      expect(approve({ ...model, status }, ritaDecides, flow)).toMatchObject({ ok: false, reason: 'wrong_status' });
    });
  });

  describe('withdrawing a review', () => {
    it('takes the model back to draft, keeping the history', () => {
      const outcome = withdrawReview(claimedByRita(buildModelWithOpenHighRisk()), { by: BOB, at: at(3) });
      const model = accepted(outcome);
      expect(model.status).toBe('draft');
      expect(types(model)).toEqual(['requested', 'claimed', 'withdrawn']);
      expect(model.review?.history.at(-1)).toEqual({ type: 'withdrawn', by: BOB, at: at(3).toISOString() });
    });

    it('refuses someone who neither owns the model nor holds a role in it', () => {
      expect(withdrawReview(claimedByRita(buildModelWithOpenHighRisk()), { by: RITA, at: at(3) })).toEqual({
        ok: false,
        reason: 'not_allowed',
        message: 'Only the owner or a role holder of TM-1 can withdraw its review.',
      });
    });

    it('refuses a model that is not in review', () => {
      expect(withdrawReview(buildModelWithOpenHighRisk(), { by: ALICE, at: at(3) })).toMatchObject({
        ok: false,
        reason: 'wrong_status',
      });
    });
  });

  describe('review age', () => {
    it('is the time since the review was requested, while in review', () => {
      expect(reviewAgeMs(claimedByRita(buildModelWithOpenHighRisk()), at(30))).toBe(30 * HOUR);
    });

    it('is unknown once the model has left review', () => {
      const approved = accepted(approve(claimedByRita(buildModelWithTreatedHighRisk('accept')), ritaDecides, flow));
      expect(reviewAgeMs(approved, at(30))).toBeUndefined();
      expect(reviewAgeMs(buildModel(), at(30))).toBeUndefined();
    });
  });

  describe('the last review decision', () => {
    it('is the last approval or request for changes, whatever followed it', () => {
      const sentBack = accepted(
        requestChanges(claimedByRita(buildModelWithOpenHighRisk()), { ...ritaDecides, comment: 'Rate T-2.' }),
      );
      const again = accepted(requestReview(sentBack, { by: ALICE, at: at(24), allowIncomplete: false }));
      expect(lastReviewDecision(again)).toEqual({
        type: 'changes_requested',
        by: RITA,
        at: at(2).toISOString(),
        comment: 'Rate T-2.',
      });
    });

    it('is undefined before any decision', () => {
      expect(lastReviewDecision(buildModel())).toBeUndefined();
      expect(lastReviewDecision(claimedByRita(buildModelWithOpenHighRisk()))).toBeUndefined();
    });
  });
});
