import { USERS } from '../../../dev/stand-in/workspace';
import { addMitigation } from '../../../src/domain/mitigation-edits';
import { addThreat } from '../../../src/domain/threat-edits';
import { useSlackApp } from '../../support/slack-app-fixture';
import { CHANNEL, startScopedModel } from '../../support/slack-scenarios';

const { ALICE, BOB } = USERS;
const REF = { workspaceId: 'T0WORKSPC', modelId: 'TM-1' as const };

describe('completed steps go stale when a change breaks them', () => {
  const ctx = useSlackApp();

  /** TM-1 with all four steps finished through the app: one threat, mitigated, rated and decided. */
  async function finishedModel() {
    await startScopedModel(ctx);
    const now = new Date();
    await ctx.store.update(REF, { actor: BOB.id, action: 'seed' }, (model) => {
      const threat = addThreat(
        model,
        {
          threatSource: 'internet-based threat actor',
          threatAction: 'replay a refund request',
          threatImpact: 'refunds paid twice',
          impactedGoals: ['integrity'],
          impactedAssetIds: ['AS-1'],
          stride: ['T'],
          affectedElementIds: ['EP-1'],
        },
        BOB.id,
        now,
      );
      const mitigation = addMitigation(
        threat.model,
        {
          description: 'Require an idempotency key on POST /refunds',
          threatIds: [threat.id],
          status: 'implemented',
          references: ['src/refunds/idempotency.ts'],
        },
        BOB.id,
        now,
      );
      return {
        ...mitigation.model,
        threats: mitigation.model.threats.map((t) => ({
          ...t,
          risk: {
            before: { likelihood: 3, impact: 3 },
            after: { likelihood: 1, impact: 2 },
            decision: { type: 'mitigate' as const, decidedBy: ALICE.id, decidedAt: now.toISOString() },
            ratedBy: ALICE.id,
          },
        })),
      };
    });
    for (const step of ['threats', 'mitigations', 'risk']) {
      await ctx.driver.clickButton(BOB.id, 'model.finish_step', { value: `TM-1|${step}` });
      await ctx.settle();
    }
    const model = await ctx.model();
    expect(Object.keys(model.completedSteps)).toEqual(['scope', 'threats', 'mitigations', 'risk']);
    return model;
  }

  it('a threat added after all four steps were complete reopens steps 3 and 4, and the thread says so', async () => {
    const { driver, standIn } = ctx;
    const finished = await finishedModel();
    const before = standIn.thread(CHANNEL, finished.threadTs ?? '').length;

    await driver.clickButton(BOB.id, 'threat.add', { value: 'TM-1' });
    await ctx.settle();
    const flood = {
      threatSource: 'internet-based threat actor',
      threatAction: 'flood POST /refunds',
      threatImpact: 'refunds delayed for everyone',
      stride: ['D'],
      affectedElementIds: ['EP-1'],
    };
    await driver.submitView(BOB.id, flood);
    await driver.submitView(BOB.id, flood);
    await ctx.settle();

    const model = await ctx.model();
    expect(model.threats.map((t) => t.id)).toEqual(['T-1', 'T-2']);
    expect(Object.keys(model.completedSteps)).toEqual(['scope', 'threats']);
    expect(model.currentStep).toBe('mitigations');
    expect(model.contributors).toContain(BOB.id);

    const posted = standIn
      .thread(CHANNEL, model.threadTs ?? '')
      .slice(before)
      .map((message) => String(message.text));
    const reopened = posted.filter((text) => text.includes('open again'));
    expect(reopened).toHaveLength(1);
    expect(reopened[0]).toContain('Step 3 (mitigations) and step 4 (risk review) of TM-1 are open again');
    expect(reopened[0]).toContain('T-2 has no mitigation and no risk decision.');
    expect(reopened[0]).toContain('T-2 needs likelihood and impact before and after mitigation.');
    // The card shows the reopened step as the current one.
    expect(JSON.stringify(standIn.message(CHANNEL, model.threadTs ?? '')?.blocks)).toContain('Step 3 of 4');
  });
});
