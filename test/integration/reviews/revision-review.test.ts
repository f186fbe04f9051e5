import { USERS } from '../../../dev/stand-in/workspace';
import { addMitigation } from '../../../src/domain/mitigation-edits';
import { approvalHistory } from '../../../src/domain/versions';
import { eventually } from '../../support/eventually';
import {
  APPSEC_CHANNEL,
  approvedModel,
  approveFromCard,
  appsecCards,
  REF,
  requestReview,
} from '../../support/review-scenarios';
import { useSlackApp } from '../../support/slack-app-fixture';
import { CHANNEL, type Fixture } from '../../support/slack-scenarios';

const { ALICE, BOB, DAVE, EVE, APPSEC1, APPSEC2 } = USERS;

/** The text of every block of the user's top modal. */
function modalText(ctx: Fixture, userId: string): string {
  return JSON.stringify(ctx.standIn.openViews(userId).at(-1)?.blocks ?? []);
}

/**
 * v1 approved; Alice opens v2; Bob adds threat T-3 through the threat form (steps 3 and 4 reopen),
 * then mitigates and rates it and re-rates T-2, and finishes the reopened steps.
 */
async function revisedWithChanges(ctx: Fixture) {
  const { driver } = ctx;
  const v1 = await approvedModel(ctx);
  await driver.clickButton(ALICE.id, 'model.revise', { channel: CHANNEL });
  await ctx.settle();

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
  // Step 2 changed (a new threat): it reopens to be confirmed; steps 3 and 4 reopen as their rules
  // break (T-3 has no mitigation and no rating); step 1, untouched, stays complete.
  const reopened = await ctx.model();
  expect(Object.keys(reopened.completedSteps)).toEqual(['scope']);
  expect(reopened.currentStep).toBe('threats');
  const said = await eventually('the reopened steps in the thread', () =>
    ctx.standIn.thread(CHANNEL, reopened.threadTs ?? '').find((message) => message.text.includes('open again')),
  );
  expect(said.text).toContain('Step 2 (threats), step 3 (mitigations) and step 4 (risk review) of TM-1 are open again');
  expect(said.text).toContain('Step 2 (threats) changed since the approved version: finish it again to confirm it.');

  const now = new Date();
  await ctx.store.update(REF, { actor: BOB.id, action: 'seed' }, (model) => {
    const withMitigation = addMitigation(
      model,
      { description: 'Rate-limit POST /refunds per customer', threatIds: ['T-3'], status: 'planned', references: [] },
      BOB.id,
      now,
    ).model;
    return {
      ...withMitigation,
      threats: withMitigation.threats.map((threat) =>
        threat.id === 'T-3'
          ? {
              ...threat,
              risk: {
                before: { likelihood: 3, impact: 2 },
                after: { likelihood: 1, impact: 2 },
                decision: { type: 'mitigate' as const, decidedBy: BOB.id, decidedAt: now.toISOString() },
              },
            }
          : threat.id === 'T-1'
            ? { ...threat, risk: { ...threat.risk, before: { likelihood: 3, impact: 2 } } }
            : threat,
      ),
    };
  });
  for (const step of ['threats', 'mitigations', 'risk']) {
    await driver.clickButton(BOB.id, 'model.finish_step', { value: `TM-1|${step}` });
    await ctx.settle();
  }
  expect(Object.keys((await ctx.model()).completedSteps)).toEqual(['scope', 'threats', 'mitigations', 'risk']);
  return v1;
}

describe('a revision: what changed, and a focused re-review', () => {
  const ctx = useSlackApp();

  it('"What changed since v1" shows every element added, removed or changed, field by field, to channel members only', async () => {
    await revisedWithChanges(ctx);
    await ctx.driver.clickButton(DAVE.id, 'model.version_changes', { channel: CHANNEL });
    await ctx.settle();
    const modal = modalText(ctx, DAVE.id);
    expect(JSON.stringify(ctx.standIn.openViews(DAVE.id).at(-1)?.title)).toContain('Changes since v1');
    expect(modal).toContain('3 changes since v1: 2 added, 0 removed, 1 changed');
    expect(modal).toContain('steps touched: threats, mitigations, risk review');
    expect(modal).toContain('*Added* threat *T-3* _flood POST /refunds_');
    expect(modal).toContain('*Added* mitigation *M-2* _Rate-limit POST /refunds per customer_');
    expect(modal).toContain(
      '*Changed* risk of *T-1* _replay a refund request_: inherent risk “likelihood 2 × impact 2” → “likelihood 3 × impact 2”',
    );
    expect(modal).toContain(`v1 approved by <@${APPSEC1.id}>`);

    await ctx.driver.clickButton(EVE.id, 'model.version_changes', { channel: CHANNEL });
    await ctx.settle();
    expect(String(ctx.standIn.ephemeralsFor(EVE.id).at(-1)?.text)).toBe(
      `Only members of <#${CHANNEL}> can see what changed in TM-1.`,
    );
  });

  it("the re-review asks AppSec to look at the changes first; v2 is approved beside v1, and v1's card keeps its decision", async () => {
    await revisedWithChanges(ctx);
    const [v1Card] = await appsecCards(ctx);
    const v1CardBlocks = JSON.stringify(ctx.standIn.message(APPSEC_CHANNEL, v1Card?.ts ?? '')?.blocks);
    expect(v1CardBlocks).toContain('Approved by');

    await requestReview(ctx);
    const cards = await appsecCards(ctx, 2);
    await ctx.settle();
    const v2Card = JSON.stringify(cards.at(-1)?.blocks);
    expect(v2Card).toContain('v2 (revising approved v1): look at what changed first.');
    expect(v2Card).toContain('*Added* threat *T-3*');
    expect(v2Card).toContain(`v1 approved by <@${APPSEC1.id}>`);
    // The changes come before the risks and the buttons.
    expect(v2Card.indexOf('look at what changed first')).toBeLessThan(v2Card.indexOf('review.approve'));
    // v1's card was left as it was.
    expect(JSON.stringify(ctx.standIn.message(APPSEC_CHANNEL, v1Card?.ts ?? '')?.blocks)).toBe(v1CardBlocks);

    const model = await ctx.model();
    const approver = model.review?.reviewerId === APPSEC2.id ? APPSEC2.id : APPSEC1.id;
    await approveFromCard(ctx, approver, { comment: 'The rate limit covers it.' });
    const v2 = await ctx.model();
    expect(v2.status).toBe('approved');
    expect(approvalHistory(v2).map((approval) => [approval.number, approval.approvedBy, approval.comment])).toEqual([
      [1, APPSEC1.id, 'Good work.'],
      [2, approver, 'The rate limit covers it.'],
    ]);
    const card = await eventually('the card of approved v2', async () => {
      const blocks = JSON.stringify(ctx.standIn.message(CHANNEL, v2.threadTs ?? '')?.blocks);
      return blocks.includes('model.revise') ? blocks : undefined;
    });
    expect(card).toContain('*TM-1* v2 (revising approved v1)');
    expect(card).toContain('What changed since v1');
  });
});
