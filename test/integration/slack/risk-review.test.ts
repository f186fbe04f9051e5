import { USERS } from '../../../dev/stand-in/workspace';
import { addMitigation } from '../../../src/domain/mitigation-edits';
import { addThreat } from '../../../src/domain/threat-edits';
import { useSlackApp } from '../../support/slack-app-fixture';
import { CHANNEL, startScopedModel } from '../../support/slack-scenarios';

const { BOB } = USERS;
const rating = { likelihoodBefore: '4', impactBefore: '4', likelihoodAfter: '2', impactAfter: '3' };

describe('step 4: the risk review', () => {
  const ctx = useSlackApp();

  /** Two threats, both addressed by M-1; steps 1 to 3 finished by Bob through the thread. */
  async function atStepFour() {
    await startScopedModel(ctx);
    await ctx.store.update(
      { workspaceId: 'T0WORKSPC', modelId: 'TM-1' },
      { actor: BOB.id, action: 'seed' },
      (model) => {
        const threat = {
          threatSource: 'attacker',
          impactedGoals: [],
          impactedAssetIds: [],
          stride: ['T' as const],
          affectedElementIds: ['C-1'],
        };
        let next = addThreat(model, { ...threat, threatAction: 'replay a refund' }, BOB.id, new Date()).model;
        next = addThreat(next, { ...threat, threatAction: 'read refunds of others' }, BOB.id, new Date()).model;
        return addMitigation(
          next,
          {
            description: 'Idempotency keys and object-level checks',
            threatIds: ['T-1', 'T-2'],
            status: 'planned',
            references: [],
          },
          BOB.id,
          new Date(),
        ).model;
      },
    );
    await ctx.driver.clickButton(BOB.id, 'model.finish_step', { value: 'TM-1|threats' });
    await ctx.settle();
    await ctx.driver.clickButton(BOB.id, 'model.finish_step', { value: 'TM-1|mitigations' });
    await ctx.settle();
  }

  it('rates before and after, records who accepted a risk and why, and completes the model', async () => {
    const { driver, standIn } = ctx;
    await atStepFour();
    expect((await ctx.model()).currentStep).toBe('risk');

    await driver.clickButton(BOB.id, 'risk.review', { value: 'TM-1' });
    await ctx.settle();
    // Each level is explained in the select.
    expect(JSON.stringify(standIn.openViews(BOB.id).at(-1)?.blocks)).toContain(
      '4 Likely: known technique, easy to reach',
    );
    const noReason = await driver.submitView(BOB.id, { threatId: 'T-2', ...rating, decision: 'accept' });
    expect(noReason.errors).toEqual({ reason: 'A reason is required to accept a risk.' });
    await driver.submitView(BOB.id, {
      threatId: 'T-2',
      ...rating,
      decision: 'accept',
      reason: 'Only staff can reach it',
    });
    await ctx.settle();

    const accepted = (await ctx.model()).threats[1]?.risk;
    expect(accepted).toMatchObject({
      before: { likelihood: 4, impact: 4 },
      after: { likelihood: 2, impact: 3 },
      decision: { type: 'accept', reason: 'Only staff can reach it', decidedBy: BOB.id },
      ratedBy: BOB.id,
    });
    const threadTs = (await ctx.model()).threadTs ?? '';
    expect(String(standIn.thread(CHANNEL, threadTs).at(-1)?.text)).toBe(
      '<@U0BOB0001> reviewed *T-2*: 16 high → 6 medium; risk accepted by <@U0BOB0001> (Only staff can reach it)',
    );

    // The risk matrix in the thread counts T-2 in L4 x I4 before and L2 x I3 after.
    const matrix = () =>
      standIn.thread(CHANNEL, threadTs).find((m) => String(m.text).startsWith('Risk matrix of TM-1'));
    expect(String(matrix()?.text)).toBe('Risk matrix of TM-1: 1 of 2 threats rated');
    const fields = JSON.stringify(matrix()?.blocks);
    expect(fields).toContain('L4 |  ·  ·  ·  1  ·');
    expect(fields).toContain('L2 |  ·  ·  1  ·  ·');
    expect(fields).toContain('No threat is open at high or critical.');

    // Step 4 is not complete while T-1 is undecided; then it is.
    await driver.clickButton(BOB.id, 'model.finish_step', { value: 'TM-1|risk' });
    await ctx.settle();
    expect(String(standIn.ephemeralsFor(BOB.id).at(-1)?.text)).toMatch(/T-1 needs likelihood and impact[\s\S]*/);
    await driver.clickButton(BOB.id, 'risk.review', { value: 'TM-1' });
    await ctx.settle();
    await driver.submitView(BOB.id, { threatId: 'T-1', ...rating, decision: 'mitigate' });
    await ctx.settle();
    await driver.clickButton(BOB.id, 'model.finish_step', { value: 'TM-1|risk' });
    await ctx.settle();
    const done = await ctx.model();
    expect(done.completedSteps.risk?.completedBy).toBe(BOB.id);
    expect(JSON.stringify(standIn.message(CHANNEL, done.threadTs ?? '')?.blocks)).toContain(
      'All four steps are complete',
    );
    // The audit trail says who accepted which risk.
    const trail = await ctx.store.auditTrail({ workspaceId: 'T0WORKSPC', modelId: 'TM-1' }, { limit: 100 });
    expect(trail.items.find((e) => e.action === 'risk.accept')).toMatchObject({
      actor: BOB.id,
      paths: expect.arrayContaining(['threats[T-2].risk.decision']),
    });
  });
});
