import type { RiskAssessment } from '../../../src/domain/risk-assessment';
import { openRiskReview } from '../../../src/use-cases/open-risk-review';
import { rateRisk } from '../../../src/use-cases/rate-risk';
import { ALICE, BOB, buildModelReadyForThreats, buildThreat, CAROL, NOW } from '../../support/build-model';
import { seedModel, useUseCaseDeps } from '../../support/use-case-deps';

const ACCEPTED: RiskAssessment = {
  before: { likelihood: 4, impact: 4 },
  after: { likelihood: 2, impact: 3 },
  decision: { type: 'accept', reason: 'Only staff can reach it', decidedBy: BOB, decidedAt: NOW.toISOString() },
  ratedBy: BOB,
};

describe('risk use cases', () => {
  const ctx = useUseCaseDeps();
  beforeEach(() => ctx.members.join('C0PAYMENT', ALICE, BOB, CAROL));

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
    const { ref } = await seedModel(ctx.store, buildModelReadyForThreats([buildThreat('T-1')]));
    expect(await rateRisk(deps, { ref, by: BOB, threatId: 'T-1', risk: ACCEPTED })).toMatchObject({
      ok: true,
      before: { score: 16, band: 'high' },
      after: { score: 6, band: 'medium' },
    });
    expect((await ctx.store.require(ref)).threats[0]?.risk).toEqual(ACCEPTED);
    const trail = await ctx.store.auditTrail(ref, { limit: 10 });
    expect(trail.items.at(-1)).toMatchObject({ action: 'risk.accept', actor: BOB });
    expect(ctx.refreshed).toEqual([ref]);

    expect(await rateRisk(deps, { ref, by: BOB, threatId: 'T-1', risk: ACCEPTED })).toEqual({
      ok: false,
      message: 'T-1 was not changed.',
    });
    expect(await rateRisk(deps, { ref, by: BOB, threatId: 'T-4', risk: ACCEPTED })).toEqual({
      ok: false,
      message: 'T-4 was not changed.',
    });
  });
});
