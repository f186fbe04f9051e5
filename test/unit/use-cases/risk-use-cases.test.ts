import type { ThreatModel } from '../../../src/domain/model';
import type { RiskAssessment } from '../../../src/domain/risk-assessment';
import { acceptRisk } from '../../../src/use-cases/accept-risk';
import { declineRisk } from '../../../src/use-cases/decline-risk';
import { openRiskReview } from '../../../src/use-cases/open-risk-review';
import { checkRiskReview, rateRisk } from '../../../src/use-cases/rate-risk';
import {
  ALICE,
  BOB,
  buildMitigation,
  buildModelReadyForThreats,
  buildThreat,
  CAROL,
  NOW,
} from '../../support/build-model';
import { seedModel, useUseCaseDeps } from '../../support/use-case-deps';

const DAVE = 'U0DAVE001';

const ACCEPTED: RiskAssessment = {
  before: { likelihood: 4, impact: 4 },
  after: { likelihood: 2, impact: 3 },
  decision: { type: 'accept', reason: 'Only staff can reach it', decidedBy: BOB, decidedAt: NOW.toISOString() },
  ratedBy: BOB,
};

const CRITICAL: RiskAssessment = {
  before: { likelihood: 5, impact: 5 },
  after: { likelihood: 5, impact: 5 },
  decision: { type: 'accept', reason: 'meh', decidedBy: BOB, decidedAt: NOW.toISOString() },
  ratedBy: BOB,
};

/** T-1 with M-1 addressing it; Bob is the developer and Carol the Business role holder. */
function readyModel(overrides: Partial<ThreatModel> = {}): ThreatModel {
  return buildModelReadyForThreats([buildThreat('T-1')], [buildMitigation('M-1', ['T-1'])], {
    roles: { business: [CAROL], developer: [BOB], adversary: [], defender: [], appsec_sme: [] },
    ...overrides,
  });
}

describe('risk use cases', () => {
  const ctx = useUseCaseDeps();
  beforeEach(() => ctx.members.join('C0PAYMENT', ALICE, BOB, CAROL, DAVE));

  it('opens the risk review only when there are threats to review', async () => {
    const { deps } = ctx;
    const { ref: empty } = await seedModel(ctx.store, buildModelReadyForThreats());
    expect(await openRiskReview(deps, { ref: empty, by: BOB })).toEqual({
      ok: false,
      message: 'TM-1 has no threats to review.',
    });
    const { ref } = await seedModel(ctx.store, buildModelReadyForThreats([buildThreat('T-1')]));
    expect(await openRiskReview(deps, { ref, by: BOB })).toMatchObject({ ok: true, model: { id: 'TM-2' } });
  });

  it('records the ratings and the decision, scored on the flow’s matrix, under the decision’s name', async () => {
    const { deps } = ctx;
    const { ref } = await seedModel(ctx.store, readyModel());
    expect(await rateRisk(deps, { ref, by: BOB, threatId: 'T-1', risk: ACCEPTED })).toMatchObject({
      ok: true,
      result: { kind: 'accepted' },
      before: { score: 16, band: 'high' },
      after: { score: 6, band: 'medium' },
    });
    expect((await ctx.store.require(ref)).threats[0]?.risk).toEqual({
      ...ACCEPTED,
      decision: {
        ...ACCEPTED.decision,
        acceptance: { status: 'accepted', by: BOB, at: NOW.toISOString() },
      },
    });
    const trail = await ctx.store.auditTrail(ref, { limit: 10 });
    expect(trail.items.at(-1)).toMatchObject({ action: 'risk.accept', actor: BOB });
    expect(ctx.refreshed).toEqual([ref]);

    expect(await rateRisk(deps, { ref, by: BOB, threatId: 'T-1', risk: ACCEPTED })).toEqual({
      ok: false,
      message: 'T-1 was not changed.',
    });
    expect(await rateRisk(deps, { ref, by: BOB, threatId: 'T-4', risk: ACCEPTED })).toEqual({
      ok: false,
      message: 'TM-1 has no threat T-4 of its own to review.',
      field: 'threatId',
    });
  });

  it('refuses a lower rating after mitigation with no mitigation, naming the field, and writes nothing', async () => {
    const { deps } = ctx;
    const { ref, model } = await seedModel(ctx.store, readyModel({ mitigations: [] }));
    const selfRated: RiskAssessment = {
      before: { likelihood: 5, impact: 5 },
      after: { likelihood: 1, impact: 1 },
      decision: { type: 'mitigate', decidedBy: BOB, decidedAt: NOW.toISOString() },
    };
    const input = { by: BOB, threatId: 'T-1', risk: selfRated };
    expect(checkRiskReview(deps, model, input)).toMatchObject({ ok: false, field: 'likelihoodAfter' });
    expect(await rateRisk(deps, { ref, ...input })).toMatchObject({ ok: false, field: 'likelihoodAfter' });
    expect((await ctx.store.require(ref)).version).toBe(model.version);
  });

  it('keeps a critical acceptance proposed by a developer pending, audited as a proposal', async () => {
    const { deps } = ctx;
    const { ref } = await seedModel(ctx.store, readyModel());
    expect(await rateRisk(deps, { ref, by: BOB, threatId: 'T-1', risk: CRITICAL })).toMatchObject({
      ok: true,
      result: { kind: 'proposed', awaiting: 'business', holders: [CAROL] },
    });
    expect((await ctx.store.require(ref)).threats[0]?.risk.decision?.acceptance).toEqual({
      status: 'pending',
      awaiting: 'business',
    });
    const trail = await ctx.store.auditTrail(ref, { limit: 10 });
    expect(trail.items.at(-1)).toMatchObject({ action: 'risk.accept.proposed', actor: BOB });
  });

  it('refuses a proposal from someone outside the team, and tells the proposer when nobody holds the Business role', async () => {
    const { deps } = ctx;
    const { ref } = await seedModel(ctx.store, readyModel());
    expect(await rateRisk(deps, { ref, by: DAVE, threatId: 'T-1', risk: CRITICAL })).toEqual({
      ok: false,
      field: 'decision',
      message: 'Only the owner or a role holder of TM-1 can accept a risk.',
    });
    const noBusiness = readyModel({
      roles: { business: [], developer: [BOB], adversary: [], defender: [], appsec_sme: [] },
    });
    const { ref: other } = await seedModel(ctx.store, noBusiness);
    expect(await rateRisk(deps, { ref: other, by: BOB, threatId: 'T-1', risk: CRITICAL })).toMatchObject({
      ok: false,
      field: 'decision',
      message: expect.stringContaining('nobody holds the Business role in TM-2'),
    });
  });

  it('lets only the Business role holder accept or decline, and audits each under its own name', async () => {
    const { deps } = ctx;
    const { ref } = await seedModel(ctx.store, readyModel());
    await rateRisk(deps, { ref, by: BOB, threatId: 'T-1', risk: CRITICAL });
    const proposedAt = NOW.toISOString();

    expect(await acceptRisk(deps, { ref, by: BOB, threatId: 'T-1', proposedAt })).toEqual({
      ok: false,
      message: 'Only the Business role holder of TM-1 can decide on this proposal.',
    });
    expect(await declineRisk(deps, { ref, by: ALICE, threatId: 'T-1', proposedAt })).toMatchObject({ ok: false });

    expect(await declineRisk(deps, { ref, by: CAROL, threatId: 'T-1', proposedAt })).toMatchObject({
      ok: true,
      threatId: 'T-1',
      proposal: { type: 'accept', decidedBy: BOB },
      residual: { band: 'critical' },
    });
    expect((await ctx.store.require(ref)).threats[0]?.risk.decision).toBeUndefined();

    await rateRisk(deps, { ref, by: BOB, threatId: 'T-1', risk: CRITICAL });
    expect(await acceptRisk(deps, { ref, by: CAROL, threatId: 'T-1', proposedAt })).toMatchObject({ ok: true });
    expect((await ctx.store.require(ref)).threats[0]?.risk.decision).toMatchObject({
      decidedBy: BOB,
      acceptance: { status: 'accepted', by: CAROL, asRole: 'business', needsConfirmation: true },
    });
    expect(await acceptRisk(deps, { ref, by: CAROL, threatId: 'T-1', proposedAt })).toMatchObject({
      ok: false,
      message: 'Nothing about T-1 of TM-1 is waiting for a decision any more.',
    });

    const trail = await ctx.store.auditTrail(ref, { limit: 20 });
    const risks = trail.items.filter((entry) => entry.action.startsWith('risk.'));
    expect(risks.map((entry) => [entry.action, entry.actor])).toEqual([
      ['risk.accept.proposed', BOB],
      ['risk.accept.declined', CAROL],
      ['risk.accept.proposed', BOB],
      ['risk.accept.accepted', CAROL],
    ]);
  });
});
