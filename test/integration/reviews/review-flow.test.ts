import { USERS } from '../../../dev/stand-in/workspace';
import { reviewDueAt } from '../../../src/domain/reminder-schedule';
import { calendarFor } from '../../../src/domain/working-days';
import { pickReviewer } from '../../../src/use-cases/review-assignment';
import { eventually } from '../../support/eventually';
import {
  APPSEC_CHANNEL,
  approveFromCard,
  appsecCards,
  REF,
  requestReview,
  startCompleteModel,
} from '../../support/review-scenarios';
import { useSlackApp } from '../../support/slack-app-fixture';
import { CHANNEL } from '../../support/slack-scenarios';

const { ALICE, BOB, DAVE, APPSEC1, APPSEC2 } = USERS;

describe('AppSec review requests', () => {
  const ctx = useSlackApp();

  const threadOf = async () => {
    const model = await ctx.model();
    return ctx.standIn.thread(CHANNEL, model.threadTs ?? '');
  };
  const lastEphemeral = (userId: string) => String(ctx.standIn.ephemeralsFor(userId).at(-1)?.text ?? '');

  describe('when the team requests a review of a complete model', () => {
    it('posts the request in the AppSec channel, assigns the next reviewer with a due date in their time zone, and tells the thread', async () => {
      await startCompleteModel(ctx);
      await requestReview(ctx, { note: 'Look at <!channel> refunds first' });
      const [card] = await appsecCards(ctx);
      await ctx.settle();

      const model = await ctx.model();
      expect(model.status).toBe('in_review');
      expect(model.review?.reviewerId).toBe(APPSEC1.id);
      const expectedDue = reviewDueAt(new Date(model.review?.requestedAt ?? ''), 3, calendarFor(APPSEC1.tz, []));
      expect(model.review?.dueAt).toBe(expectedDue.toISOString());

      const cardJson = JSON.stringify(card?.blocks);
      expect(cardJson).toContain('TM-1');
      expect(cardJson).toContain('Accepted risks');
      expect(cardJson).toContain('T-2');
      expect(cardJson).toContain(`accepted by <@${BOB.id}>`);
      expect(cardJson).toContain(`<!date^${Math.floor(expectedDue.getTime() / 1000)}^`);
      expect(cardJson).toContain("Open the model's thread");
      expect(cardJson).not.toContain('<!channel>');
      // The reviewer is mentioned in the card's thread, so Slack notifies them.
      const assigned = await eventually(
        'the assignment reply',
        () => ctx.standIn.thread(APPSEC_CHANNEL, card?.ts ?? '')[0],
      );
      expect(assigned.text).toContain(`<@${APPSEC1.id}>, this review is yours`);
      const told = await eventually('the note in the thread', async () =>
        (await threadOf()).find((m) => m.text.includes('AppSec review requested')),
      );
      expect(told.text).toContain(
        `AppSec review requested by <@${ALICE.id}>. <@${APPSEC1.id}> reviews it, due <!date^`,
      );
    });

    it('assigns round-robin: the next request goes to the next AppSec member', async () => {
      await startCompleteModel(ctx);
      await pickReviewer(ctx.runtime, await ctx.model()); // APPSEC1 had a turn
      await requestReview(ctx);
      await appsecCards(ctx);
      await ctx.settle();
      expect((await ctx.model()).review?.reviewerId).toBe(APPSEC2.id);
    });
  });

  describe('when Slack refuses for good', () => {
    it('fails the job once, without retries, and tells the thread; the model keeps its request', async () => {
      await startCompleteModel(ctx);
      ctx.standIn.failNext('chat.postMessage', { error: 'channel_not_found' });
      await requestReview(ctx);
      const note = await eventually('the failure note', async () =>
        (await threadOf()).find((message) => message.text.includes('I could not post the review request')),
      );
      expect(note.text).toContain('*TM-1*: Slack would not let me post there');
      expect(note.text).not.toContain('channel_not_found');
      const posts = ctx.standIn.calls.filter(
        (call) => call.method === 'chat.postMessage' && call.args.channel === APPSEC_CHANNEL,
      );
      expect(posts).toHaveLength(1);
      expect(await ctx.runtime.queues.reviews.getFailedCount()).toBe(1);
      expect((await ctx.model()).status).toBe('in_review');
    });
  });

  describe('when the model is incomplete', () => {
    it('refuses without the explicit choice, and shows the reviewer the model is incomplete with it', async () => {
      await startCompleteModel(ctx, { complete: false });
      // Slack itself refuses the form without the tick; a forged submission is refused by the app too.
      await expect(requestReview(ctx)).rejects.toThrow('incomplete is required');
      const refused = await ctx.driver.submitView(ALICE.id, {}, { force: true });
      expect(refused.errors?.incomplete).toContain('mitigations, risk review');
      expect((await ctx.model()).status).toBe('draft');

      await ctx.driver.submitView(ALICE.id, { incomplete: ['yes'] });
      const [card] = await appsecCards(ctx);
      expect(JSON.stringify(card?.blocks)).toContain('Requested as an incomplete model');
      expect((await ctx.model()).review?.incomplete).toBe(true);
    });
  });

  describe('deciding', () => {
    it('requests changes with comments in the thread, then approves the re-requested model', async () => {
      const { driver } = ctx;
      await startCompleteModel(ctx);
      await requestReview(ctx);
      await appsecCards(ctx);
      await ctx.settle();
      expect(await ctx.runtime.jobs.pendingReminder(REF, 'review')).toBeDefined();

      await driver.clickButton(APPSEC1.id, 'review.request_changes', { channel: APPSEC_CHANNEL });
      await ctx.settle();
      const empty = await driver.submitView(APPSEC1.id, { comment: '   ' });
      expect(empty.errors?.comment).toContain('Say what needs to change');
      await driver.submitView(APPSEC1.id, { comment: 'T-2 needs a compensating control.\n<@U0EVE0001> @here' });
      await ctx.settle();

      let model = await ctx.model();
      expect(model.status).toBe('changes_requested');
      const comment = (await threadOf()).at(-1)?.text ?? '';
      expect(comment).toContain(`<@${ALICE.id}>, <@${APPSEC1.id}> requested changes to *TM-1*`);
      expect(comment).toContain('T-2 needs a compensating control.');
      expect(comment).not.toContain('<@U0EVE0001>');
      expect(comment).not.toContain('@here');
      expect(await ctx.runtime.jobs.pendingReminder(REF, 'review')).toBeUndefined();
      expect(await ctx.runtime.jobs.pendingReminder(REF, 'idle')).toBeDefined();

      // The owner answers in the thread and asks again: the same reviewer gets it back.
      await requestReview(ctx);
      await appsecCards(ctx, 2);
      await ctx.settle();
      model = await ctx.model();
      expect(model.status).toBe('in_review');
      expect(model.review?.reviewerId).toBe(APPSEC1.id);
      expect(await ctx.runtime.jobs.pendingReminder(REF, 'idle')).toBeUndefined();

      const submitted = await approveFromCard(ctx, APPSEC1.id, {
        comment: 'Good work on the refunds.',
        follow_ups: '- Pen-test the refund API\n\nLog every refund above 50 EUR',
      });
      expect(submitted?.errors).toBeUndefined();
      model = await ctx.model();
      expect(model.status).toBe('approved');
      expect(model.review?.history.at(-1)).toMatchObject({
        type: 'approved',
        by: APPSEC1.id,
        comment: 'Good work on the refunds.',
        followUps: ['Pen-test the refund API', 'Log every refund above 50 EUR'],
      });
      expect(model.review?.history.map((event) => event.type)).toEqual([
        'requested',
        'assigned',
        'changes_requested',
        'requested',
        'assigned',
        'approved',
      ]);
      const approval = (await threadOf()).at(-1)?.text ?? '';
      expect(approval).toContain(`<@${APPSEC1.id}> approved *TM-1*`);
      expect(approval).toContain('Good work on the refunds.');
      expect(approval).toContain('*Follow-up actions*\n• Pen-test the refund API\n• Log every refund above 50 EUR');
      expect(await ctx.runtime.jobs.pendingReminder(REF, 'review')).toBeUndefined();
      const trail = await ctx.store.auditTrail(REF, { limit: 100 });
      expect(trail.items.map((entry) => entry.action)).toEqual(
        expect.arrayContaining(['review.request', 'review.assigned', 'review.request_changes', 'review.approve']),
      );
      // The card in the AppSec channel shows the decision, without buttons.
      await ctx.settle();
      const cards = ctx.standIn.messages(APPSEC_CHANNEL);
      expect(JSON.stringify(cards.at(-1)?.blocks)).toContain('Approved by');
      expect(JSON.stringify(cards.at(-1)?.blocks)).not.toContain('review.approve');
    });

    it('refuses approval to the owner, to people outside AppSec, and while a high risk is open', async () => {
      const { driver } = ctx;
      await startCompleteModel(ctx, { openHighRisk: true });
      await requestReview(ctx);
      await appsecCards(ctx);
      await ctx.settle();

      // The owner is no AppSec member; Dave is not either (both see the card as channel readers).
      ctx.standIn.workspace.channels.find((c) => c.id === APPSEC_CHANNEL)?.members.push(ALICE.id, DAVE.id);
      await driver.clickButton(ALICE.id, 'review.approve', { channel: APPSEC_CHANNEL });
      await ctx.settle();
      expect(lastEphemeral(ALICE.id)).toBe('Only AppSec reviewers can approve a threat model.');
      await driver.clickButton(DAVE.id, 'review.approve', { channel: APPSEC_CHANNEL });
      await ctx.settle();
      expect(lastEphemeral(DAVE.id)).toBe('Only AppSec reviewers can approve a threat model.');

      expect(await approveFromCard(ctx, APPSEC1.id)).toBeUndefined();
      expect(lastEphemeral(APPSEC1.id)).toContain('T-2 (high after mitigation) is above the risk appetite (medium)');
      expect((await ctx.model()).status).toBe('in_review');
    });

    it('refuses approval to an AppSec member who holds a role in the model', async () => {
      await startCompleteModel(ctx);
      await ctx.store.update(REF, { actor: ALICE.id, action: 'seed' }, (model) => ({
        ...model,
        roles: { ...model.roles, appsec_sme: [APPSEC2.id] },
      }));
      await requestReview(ctx);
      await appsecCards(ctx);
      await ctx.settle();
      expect((await ctx.model()).review?.reviewerId).toBe(APPSEC1.id); // APPSEC2 is on the team
      expect(await approveFromCard(ctx, APPSEC2.id)).toBeUndefined();
      expect(lastEphemeral(APPSEC2.id)).toContain('someone else from AppSec must approve it');
      expect((await ctx.model()).status).toBe('in_review');
    });
  });

  describe('an approval AppSec can trust (issue 13)', () => {
    it('refuses to approve an empty model sent for review early, saying what is missing; changes may still be requested', async () => {
      await ctx.driver.command(ALICE.id, CHANNEL, 'start Refunds API');
      await ctx.settle();
      await requestReview(ctx, { incomplete: ['yes'] });
      const [card] = await appsecCards(ctx);
      await ctx.settle();
      const missing = 'scope, threats, mitigations and risk review are not finished yet';
      expect(JSON.stringify(card?.blocks)).toContain(missing);

      expect(await approveFromCard(ctx, APPSEC1.id)).toBeUndefined();
      expect(lastEphemeral(APPSEC1.id)).toContain(`TM-1 cannot be approved until every step is complete: ${missing}`);
      expect((await ctx.model()).status).toBe('in_review');

      await ctx.driver.clickButton(APPSEC1.id, 'review.request_changes', { channel: APPSEC_CHANNEL });
      await ctx.settle();
      await ctx.driver.submitView(APPSEC1.id, { comment: 'Start with the scope.' });
      await ctx.settle();
      expect((await ctx.model()).status).toBe('changes_requested');
    });

    it('refuses an AppSec member who held a role and changed the model, even after giving the role up', async () => {
      await startCompleteModel(ctx);
      // APPSEC2 was the AppSec SME and edited the model (contributors), then removed their own role.
      await ctx.store.update(REF, { actor: APPSEC2.id, action: 'seed' }, (model) => ({
        ...model,
        roles: { ...model.roles, appsec_sme: [] },
        contributors: [...model.contributors, APPSEC2.id],
      }));
      await requestReview(ctx);
      await appsecCards(ctx);
      await ctx.settle();

      expect(await approveFromCard(ctx, APPSEC2.id)).toBeUndefined();
      expect(lastEphemeral(APPSEC2.id)).toBe(
        'You held a role in TM-1 or changed it, so someone else from AppSec must approve it.',
      );
      expect((await ctx.model()).status).toBe('in_review');
      // Checked again inside the write: a forged submission of the approval form is refused too.
      await ctx.driver.clickButton(APPSEC1.id, 'review.approve', { channel: APPSEC_CHANNEL });
      await ctx.settle();
      await ctx.store.update(REF, { actor: APPSEC1.id, action: 'seed' }, (model) => ({
        ...model,
        contributors: [...model.contributors, APPSEC1.id],
      }));
      const forged = await ctx.driver.submitView(APPSEC1.id, { comment: 'ok' });
      expect(forged.errors?.comment).toContain('someone else from AppSec must approve it');
      expect((await ctx.model()).status).toBe('in_review');
    });

    it('takes a comment and follow-up actions with the approval, and refuses too many of them in the form', async () => {
      await startCompleteModel(ctx);
      await requestReview(ctx);
      await appsecCards(ctx);
      await ctx.settle();
      await ctx.driver.clickButton(APPSEC1.id, 'review.approve', { channel: APPSEC_CHANNEL });
      await ctx.settle();
      const many = Array.from({ length: 21 }, (_, i) => `Action ${i + 1}`).join('\n');
      const refused = await ctx.driver.submitView(APPSEC1.id, { comment: 'Fine', follow_ups: many });
      expect(refused.errors?.comment).toContain('at most 20 follow-up actions');
      expect((await ctx.model()).status).toBe('in_review');
      await ctx.driver.submitView(APPSEC1.id, { comment: 'Fine', follow_ups: 'Pen-test scope: refunds API' });
      await ctx.settle();
      expect((await ctx.model()).review?.history.at(-1)).toMatchObject({
        type: 'approved',
        comment: 'Fine',
        followUps: ['Pen-test scope: refunds API'],
      });
    });
  });

  describe('claiming and reassigning', () => {
    it('lets an AppSec member claim a review and hand it to a colleague, and nobody else', async () => {
      const { driver } = ctx;
      await startCompleteModel(ctx);
      await requestReview(ctx);
      await appsecCards(ctx);
      await ctx.settle();

      await driver.clickButton(APPSEC2.id, 'review.claim', { channel: APPSEC_CHANNEL });
      await ctx.settle();
      let model = await ctx.model();
      expect(model.review?.reviewerId).toBe(APPSEC2.id);
      const dueInChicago = reviewDueAt(new Date(model.review?.requestedAt ?? ''), 3, calendarFor(APPSEC2.tz, []));
      expect(model.review?.dueAt).toBe(dueInChicago.toISOString());
      const pending = await ctx.runtime.jobs.pendingReminder(REF, 'review');
      expect(pending?.data).toMatchObject({ reviewerId: APPSEC2.id, timeZone: APPSEC2.tz });

      await driver.selectUser(APPSEC2.id, 'review.reassign', DAVE.id, { channel: APPSEC_CHANNEL });
      await ctx.settle();
      expect(lastEphemeral(APPSEC2.id)).toContain('is not in AppSec');
      await driver.selectUser(APPSEC2.id, 'review.reassign', APPSEC1.id, { channel: APPSEC_CHANNEL });
      await ctx.settle();
      model = await ctx.model();
      expect(model.review?.reviewerId).toBe(APPSEC1.id);
      expect(model.review?.history.at(-1)).toMatchObject({
        type: 'reassigned',
        by: APPSEC2.id,
        reviewerId: APPSEC1.id,
      });
    });
  });

  describe('/threatmodel reviews and the AppSec Home', () => {
    it('lists open reviews with reviewer and due date for AppSec, and nobody else', async () => {
      await startCompleteModel(ctx);
      await requestReview(ctx);
      await appsecCards(ctx);
      await ctx.settle();

      await ctx.driver.command(APPSEC1.id, APPSEC_CHANNEL, 'reviews');
      await ctx.settle();
      const listing = JSON.stringify(ctx.standIn.responses.at(-1)?.body);
      expect(listing).toContain('Open AppSec reviews');
      expect(listing).toContain(`TM-1`);
      expect(listing).toContain(`<@${APPSEC1.id}>`);
      expect(listing).toContain('due <!date^');

      await ctx.driver.command(BOB.id, CHANNEL, 'reviews');
      await ctx.settle();
      expect(JSON.stringify(ctx.standIn.responses.at(-1)?.body)).toContain('lists open reviews for AppSec reviewers');
    });

    it('shows an AppSec member the open reviews and how long past models took', async () => {
      await startCompleteModel(ctx);
      await requestReview(ctx);
      await appsecCards(ctx);
      await ctx.settle();
      await approveFromCard(ctx, APPSEC1.id);
      expect((await ctx.model()).status).toBe('approved');

      await ctx.driver.appHomeOpened(APPSEC1.id);
      await ctx.settle();
      const home = JSON.stringify(ctx.standIn.views.home(APPSEC1.id)?.blocks);
      expect(home).toContain('Open AppSec reviews');
      expect(home).toContain('How long models take');
      expect(home).toContain('From start to approval');
      expect(home).toContain('(1 models)');

      await ctx.driver.appHomeOpened(BOB.id);
      await ctx.settle();
      expect(JSON.stringify(ctx.standIn.views.home(BOB.id)?.blocks)).not.toContain('How long models take');
    });
  });
});
