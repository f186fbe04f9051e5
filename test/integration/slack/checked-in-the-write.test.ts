import { USERS } from '../../../dev/stand-in/workspace';
import { requestReview } from '../../../src/domain/review-workflow';
import { useSlackApp } from '../../support/slack-app-fixture';
import { CHANNEL, startScopedModel } from '../../support/slack-scenarios';

const { ALICE, BOB } = USERS;
const REF = { workspaceId: 'T0WORKSPC', modelId: 'TM-1' as const };

/**
 * Issue 13, "checks happen before the write, not in it": with Slack slow, an edit checked while the
 * model was a draft was stored after the review request, into a model in review. Here Slack holds
 * the membership lookup of Bob's edit while the review is requested (as another replica would),
 * then answers: the edit must be refused by the write itself.
 */
describe('an edit whose checks were passed before a review was requested', () => {
  const ctx = useSlackApp();

  it('is refused inside the write: nothing lands in the model in review, and Bob is told why', async () => {
    const { driver, standIn } = ctx;
    await startScopedModel(ctx);
    await driver.clickButton(BOB.id, 'scope.add.asset', { value: 'TM-1|asset' });
    await ctx.settle();
    const before = await ctx.model();

    // Slack is slow twice: for the check before the ack (the modal waits for it) and for the use
    // case's check after the ack, which is the one the review request overtakes.
    standIn.holdReplies('conversations.members', { times: 2 });
    const since = standIn.calls.length;
    const submitted = driver.submitView(BOB.id, { name: 'Card token', classification: 'restricted' });
    await standIn.waitForCall('conversations.members', () => true, 5000, since);
    expect(standIn.releaseHeldReplies()).toBe(1);
    expect((await submitted).errors).toBeUndefined();
    // Bob's edit, checked against a draft, waits for Slack to say he is in the channel ...
    const secondSince = standIn.calls.findIndex((call, i) => i >= since && call.method === 'conversations.members') + 1;
    await standIn.waitForCall('conversations.members', () => true, 5000, secondSince);
    // ... while Alice's review request is handled and written (by another replica, say).
    await ctx.store.update(REF, { actor: ALICE.id, action: 'review.request' }, (model) =>
      requestReview(model, { by: ALICE.id, at: new Date(), allowIncomplete: true }),
    );
    expect(standIn.releaseHeldReplies()).toBe(1);
    await ctx.settle();

    const after = await ctx.model();
    expect(after.status).toBe('in_review');
    expect(after.scope.assets).toEqual(before.scope.assets);
    expect(after.contributors).not.toContain(BOB.id);
    const told = standIn.ephemeralsFor(BOB.id).map((message) => String(message.text));
    expect(told).toContain('TM-1 is in review and cannot be changed now.');
    expect(standIn.thread(CHANNEL, after.threadTs ?? '').map((message) => String(message.text))).not.toEqual(
      expect.arrayContaining([expect.stringContaining('Card token')]),
    );
  });
});
