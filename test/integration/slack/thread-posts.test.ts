import type { RecordedCall } from '../../../dev/stand-in/stand-in-types';
import { TEAM_ID, USERS } from '../../../dev/stand-in/workspace';
import { ROLES } from '../../../src/domain/roles';
import { addScopeElement } from '../../../src/domain/scope-edits';
import { addThreat } from '../../../src/domain/threat-edits';
import { alarming } from '../../support/captured-logs';
import { type SlackAppFixtureOptions, useSlackApp } from '../../support/slack-app-fixture';
import { CHANNEL, REFUND_THREAT, startScopedModel } from '../../support/slack-scenarios';

const { ALICE, BOB, CAROL, DAVE } = USERS;
const REF = { workspaceId: TEAM_ID, modelId: 'TM-1' };

type Fixture = ReturnType<typeof useSlackApp>;

/** The messages in TM-1's thread whose text contains `words`. */
async function inThread(ctx: Fixture, words: string) {
  const { threadTs } = await ctx.store.require(REF);
  return ctx.standIn.thread(CHANNEL, threadTs ?? '').filter((message) => String(message.text).includes(words));
}

/** The chat.postMessage calls (accepted or refused) whose text contains `words`. */
const postsOf = (ctx: Fixture, words: string): RecordedCall[] =>
  ctx.standIn.callsTo('chat.postMessage').filter((call) => String(call.args.text).includes(words));

/** The most calls that fall within any `windowMs` (each call opening a window). */
function busiestWindow(calls: readonly RecordedCall[], windowMs: number): number {
  const times = calls.map((call) => call.at.getTime());
  return Math.max(0, ...times.map((start) => times.filter((t) => t >= start && t < start + windowMs).length));
}

/**
 * Notices and greetings a listener posts in a model's thread after its ack nobody waits for: they
 * go through the background lane (the workspace's budget, the channel's pace), never the
 * interactive client, so Slack refusing them neither holds up a modal nor makes anyone be told
 * that Slack is busy, and none is lost.
 */
describe('posts in the thread after a change', () => {
  describe('when Slack refuses chat.postMessage for a while (429, Retry-After)', () => {
    const ctx = useSlackApp({ captureLogs: true });
    const greeting = `<@${CAROL.id}>, you are the *Defender*`;

    it('opens a modal at once, posts the greeting after the pause, once, and tells nobody Slack is busy', async () => {
      const { driver, standIn } = ctx;
      await startScopedModel(ctx);
      standIn.failNext('chat.postMessage', { status: 429, retryAfter: 1, times: 2 });

      await driver.selectUsers(ALICE.id, 'roles.select.defender', [CAROL.id]);
      const refused = await standIn.waitForCall('chat.postMessage', (call) => call.status === 429);
      await driver.clickButton(BOB.id, 'threat.add', { value: 'TM-1' });
      const opened = await standIn.waitForCall('views.open');
      await ctx.settle();

      expect(opened.status).toBe(200);
      expect(standIn.openViews(BOB.id)).toHaveLength(1);
      expect(postsOf(ctx, greeting).map((call) => call.status)).toEqual([429, 429, 200]);
      const posted = postsOf(ctx, greeting).at(-1) as RecordedCall;
      // Slack said to wait a second, twice: the greeting went after that, the modal long before it.
      expect(posted.at.getTime() - refused.at.getTime()).toBeGreaterThanOrEqual(2000);
      expect(opened.at.getTime()).toBeLessThan(posted.at.getTime());
      expect(await inThread(ctx, greeting)).toHaveLength(1);
      expect(standIn.ephemeralsFor(ALICE.id)).toEqual([]);
      expect(alarming(ctx.logs)).toEqual([]);
    });
  });

  describe('with a budget of 3 chat.postMessage per second (Slack counts 3 per 0.9 s)', () => {
    const budgets: SlackAppFixtureOptions['budgets'] = { 'chat.postMessage': { max: 3, windowMs: 1000 } };
    // One post per 100 ms in a channel, which the stand-in holds to below.
    const ctx = useSlackApp({ budgets, channelPaceMs: 100 });

    it('a burst of role changes stays within the budget and the channel’s pace, and every greeting arrives once', async () => {
      const { driver, standIn } = ctx;
      await startScopedModel(ctx, false);
      await ctx.settle();
      standIn.enforceRateLimits({
        'chat.postMessage': { perMethod: { max: 3, windowMs: 900 }, perChannel: { max: 1, windowMs: 90 } },
      });
      const since = standIn.calls.length;

      const team = [ALICE, CAROL, DAVE];
      for (const role of ROLES) {
        await driver.selectUsers(
          ALICE.id,
          `roles.select.${role}`,
          team.map((user) => user.id),
        );
      }
      await ctx.settle();

      const posts = standIn.calls.slice(since).filter((call) => call.method === 'chat.postMessage');
      expect(standIn.rateLimitedCount).toBe(0);
      expect(posts.every((call) => call.status === 200)).toBe(true);
      // A greeting per person and role, and per role one message with step 1's prompts for its newcomers.
      expect(posts).toHaveLength(ROLES.length * team.length + ROLES.length);
      expect(busiestWindow(posts, 900)).toBeLessThanOrEqual(3);
      for (const user of team) {
        expect(await inThread(ctx, `<@${user.id}>, you are the`)).toHaveLength(ROLES.length);
      }
    });
  });
});

/**
 * A new model's thread (roles, step 1 with its "Add" buttons, the scope summary) is posted while
 * the team may already pick roles, whose greetings post in the same channel. Found in bench:slack:
 * the thread went through the interactive client, outside the channel's pace, so a greeting took
 * the channel's second, the step's post was refused twice, and the team never got its buttons.
 */
describe('a new model’s thread while the team picks roles (Slack: one message per channel at a time)', () => {
  // One post per 100 ms in a channel, which the stand-in holds to (Slack's second, scaled down).
  const ctx = useSlackApp({ channelPaceMs: 100 });

  it('posts every message of the thread, in order, within the channel’s pace, and loses none', async () => {
    const { driver, standIn } = ctx;
    // The fixture paces a channel at one message per 100 ms; Slack's second, scaled to it.
    standIn.enforceRateLimits({ 'chat.postMessage': { perChannel: { max: 1, windowMs: 90 } } });
    const since = standIn.calls.length;
    await driver.command(ALICE.id, CHANNEL, 'start Refunds API');
    await standIn.waitForCall(
      'chat.postMessage',
      (call) => call.status === 200 && String(call.args.text).startsWith('Who plays each role'),
      5000,
      since,
    );
    // The owner picks roles as soon as the picker shows: a greeting per pick, in the same channel.
    await driver.selectUsers(ALICE.id, 'roles.select.adversary', [BOB.id]);
    await driver.selectUsers(ALICE.id, 'roles.select.defender', [CAROL.id]);
    await ctx.settle();

    expect(standIn.rateLimitedCount).toBe(0);
    const { threadTs } = await ctx.store.require(REF);
    const texts = standIn.thread(CHANNEL, threadTs ?? '').map((message) => String(message.text));
    const step = texts.findIndex((text) => text.startsWith('Step 1 of TM-1'));
    expect(texts.indexOf('Who plays each role in TM-1?')).toBeGreaterThanOrEqual(0);
    expect(step).toBeGreaterThan(texts.indexOf('Who plays each role in TM-1?'));
    expect(texts.findIndex((text) => text.startsWith('Scope of TM-1'))).toBeGreaterThan(step);
    expect(texts.filter((text) => text.includes('you are the *'))).toHaveLength(2);
    const refs = await ctx.composed.services.messageRefs.get(REF);
    expect(standIn.message(CHANNEL, refs.roles ?? '')?.text).toBe('Who plays each role in TM-1?');
    expect(String(standIn.message(CHANNEL, refs.scopeSummary ?? '')?.text)).toMatch(/^Scope of TM-1/);
  });

  it('brings the scope summary up to date when the model changed before it was posted', async () => {
    const { driver, standIn } = ctx;
    const since = standIn.calls.length;
    await driver.command(ALICE.id, CHANNEL, 'start Payouts API');
    await standIn.waitForCall('chat.postMessage', (call) => /^TM-1 /.test(String(call.args.text)), 5000, since);
    // Slack is slow to answer the roles message (a pace after the card): the rest of the opening waits behind it.
    standIn.holdReplies('chat.postMessage', { times: 1 });
    await standIn.waitForCall(
      'chat.postMessage',
      (call) => String(call.args.text).startsWith('Who plays each role'),
      5000,
      since,
    );
    await ctx.store.update(REF, { actor: ALICE.id, action: 'scope.add' }, (model) => ({
      ...model,
      ...addScopeElement(model, 'asset', { name: 'Payout records', classification: 'confidential' }).model,
    }));
    expect(standIn.releaseHeldReplies()).toBe(1);
    await ctx.settle();

    const { scopeSummary } = await ctx.composed.services.messageRefs.get(REF);
    expect(String(JSON.stringify(standIn.message(CHANNEL, scopeSummary ?? '')?.blocks))).toContain('Payout records');
  });
});

/**
 * When the workspace's chat.postMessage budget is short, greetings and a role's prompts (nobody
 * needs them to go on) give way to a step's announcement, whose buttons the team waits for. Found
 * in bench:slack at K = 30: step 4's "Review a risk" came up to 30 s after step 3 was finished.
 */
describe('a step announced while another team’s greetings fill the budget', () => {
  const budgets: SlackAppFixtureOptions['budgets'] = { 'chat.postMessage': { max: 5, windowMs: 1500 } };
  const ctx = useSlackApp({ budgets });

  it('goes out before the greetings queued ahead of it in another channel', async () => {
    const { driver, standIn } = ctx;
    await startScopedModel(ctx, false); // TM-1, scoped, in #team-payments
    await driver.command(ALICE.id, 'C0SEARCH0', 'start Search index'); // TM-2 in #team-search
    await ctx.settle();
    const since = standIn.calls.length;
    // Many greetings in #team-search first, then step 1 of TM-1 finished in #team-payments.
    for (const role of ROLES)
      await driver.selectUsers(ALICE.id, `roles.select.${role}`, [ALICE.id, BOB.id], {
        channel: 'C0SEARCH0',
        in: 'message',
      });
    await driver.clickButton(BOB.id, 'model.finish_step', { value: 'TM-1|scope' });
    await ctx.settle();

    const posts = standIn.calls
      .slice(since)
      .filter((call) => call.method === 'chat.postMessage' && call.status === 200);
    const announced = posts.findIndex((call) => String(call.args.text).startsWith('Step 2 of TM-1'));
    const greetings = posts
      .map((call, i) => [String(call.args.text), i] as const)
      .filter(([text]) => text.includes('you are the'));
    expect(announced).toBeGreaterThanOrEqual(0);
    expect(greetings.length).toBe(ROLES.length * 2);
    // Queued after them, it went before most of them (without priority it went after most).
    expect(greetings.filter(([, i]) => i < announced).length).toBeLessThanOrEqual(3);
  });
});

/**
 * A step's lists are rendered as the step opens but posted at the channel's pace: a change made
 * meanwhile must still reach them (found in the playground: the threats list stayed at 0).
 */
describe('a list posted late, after the model changed', () => {
  const ctx = useSlackApp();

  it('is brought up to date once posted', async () => {
    const { driver, standIn } = ctx;
    await startScopedModel(ctx, false);
    // Slack is slow to answer the first post of step 1's announcement: the lane waits behind it.
    standIn.holdReplies('chat.postMessage');
    const since = standIn.calls.length;
    await driver.clickButton(BOB.id, 'model.finish_step', { value: 'TM-1|scope' });
    await standIn.waitForCall('chat.postMessage', () => true, 5000, since);
    // Meanwhile a threat is added (step 2 is open: the step was stored before the announcement).
    await ctx.store.update(
      REF,
      { actor: BOB.id, action: 'threat.add' },
      (model) => addThreat(model, REFUND_THREAT, BOB.id, new Date()).model,
    );
    const beforeRefresh = standIn.calls.length;
    ctx.runtime.cards.refresh(REF);
    await standIn.waitForCall('chat.update', () => true, 5000, beforeRefresh); // the card, not the list yet
    expect((await ctx.store.require(REF)).threats).toHaveLength(1);
    expect(standIn.releaseHeldReplies()).toBe(1);
    await ctx.settle();

    const { threatSummary } = await ctx.composed.services.messageRefs.get(REF);
    expect(String(standIn.message(CHANNEL, threatSummary ?? '')?.text)).toContain('Threats of TM-1: 1');
  });
});
