import type { AppResponse } from '../../../dev/stand-in/signed-requests';
import { USERS } from '../../../dev/stand-in/workspace';
import { addMitigation } from '../../../src/domain/mitigation-edits';
import type { Stride } from '../../../src/domain/stride';
import { addThreat } from '../../../src/domain/threat-edits';
import { eventually } from '../../support/eventually';
import {
  APPSEC_CHANNEL,
  approveFromCard,
  appsecCards,
  REF,
  requestReview,
  startCompleteModel,
} from '../../support/review-scenarios';
import { type SlackAppFixtureOptions, useSlackApp } from '../../support/slack-app-fixture';
import { CHANNEL, type Fixture, startScopedModel } from '../../support/slack-scenarios';

const { ALICE, BOB, CAROL, APPSEC1 } = USERS;

const THREAT = {
  threatSource: 'internet-based threat actor',
  threatAction: 'replay a refund request',
  threatImpact: 'refunds paid twice',
  impactedGoals: ['integrity'],
  impactedAssetIds: ['AS-1'],
  stride: ['T', 'R'] as Stride[],
  affectedElementIds: ['EP-1'],
};

/** One threat (T-1) on the API, placed by Bob, with step 2 finished: the mitigations step. */
async function withOneThreat(ctx: Fixture) {
  await startScopedModel(ctx);
  await ctx.store.update(
    REF,
    { actor: BOB.id, action: 'seed' },
    (model) =>
      addThreat(model, { ...THREAT, impactedAssetIds: [], affectedElementIds: ['C-1'] }, BOB.id, new Date()).model,
  );
  await ctx.driver.clickButton(BOB.id, 'model.finish_step', { value: 'TM-1|threats' });
  await ctx.settle();
}

/** T-1 addressed by M-1, steps 2 and 3 finished: the risk review. */
async function atTheRiskReview(ctx: Fixture) {
  await withOneThreat(ctx);
  await ctx.store.update(
    REF,
    { actor: BOB.id, action: 'seed' },
    (model) =>
      addMitigation(
        model,
        { description: 'Idempotency keys', threatIds: ['T-1'], status: 'planned', references: [] },
        BOB.id,
        new Date(),
      ).model,
  );
  await ctx.driver.clickButton(BOB.id, 'model.finish_step', { value: 'TM-1|mitigations' });
  await ctx.settle();
}

/** Alice's complete model, in review with APPSEC1, its card in the AppSec channel and the thread told. */
async function inReview(ctx: Fixture) {
  await startCompleteModel(ctx);
  await requestReview(ctx);
  await appsecCards(ctx);
  await requestTold(ctx);
}

/** The review request's note in the model's thread, posted by the review job. */
function requestTold(ctx: Fixture) {
  return eventually('the review request in the thread', async () => {
    const model = await ctx.model();
    return ctx.standIn.thread(CHANNEL, model.threadTs ?? '').find((m) => m.text.includes('AppSec review requested'));
  });
}

/** The app's listeners, card refreshes and jobs (thread pictures, review requests) have all finished. */
async function quiet(ctx: Fixture) {
  await ctx.settle();
  const queues = Object.values(ctx.runtime.queues);
  await eventually('the jobs to finish', async () => {
    const counts = await Promise.all(queues.map((queue) => queue.getJobCounts('active', 'waiting', 'prioritized')));
    return counts.every((count) => Object.values(count).every((n) => n === 0));
  });
}

/** Everything a submission can change: the model, its audit trail, and what the app asked of Slack. */
async function everything(ctx: Fixture) {
  const model = await ctx.model();
  return {
    model,
    audit: (await ctx.store.auditTrail(REF, { limit: 500 })).items,
    thread: ctx.standIn.thread(CHANNEL, model.threadTs ?? '').map((message) => message.text),
    appsecChannel: ctx.standIn.messages(APPSEC_CHANNEL).map((message) => message.text),
    slackCalls: ctx.standIn.calls.map((call) => call.method),
  };
}

/** The app's answer as Slack reads it: the status and the ack's body. */
const answerOf = ({ status, body }: AppResponse) => ({ status, body });

/**
 * The last submission (already answered with `first`) arrives again, byte for byte with the same
 * signature: the replay gets the same answer, and nothing changes anywhere.
 */
async function expectReplayChangesNothing(ctx: Fixture, first: AppResponse) {
  await quiet(ctx);
  const before = await everything(ctx);
  const replayed = await ctx.driver.replay();
  await quiet(ctx);
  expect(answerOf(replayed)).toEqual(answerOf(first));
  expect(await everything(ctx)).toEqual(before);
}

function replayedSubmissions(options: SlackAppFixtureOptions = {}) {
  const ctx = useSlackApp(options);

  it('adds a scope element once', async () => {
    await startScopedModel(ctx, false);
    await ctx.driver.clickButton(BOB.id, 'scope.add.asset', { value: 'TM-1|asset' });
    await ctx.settle();
    const first = await ctx.driver.submitView(BOB.id, { name: 'Card token', classification: 'restricted' });
    await ctx.settle();
    expect((await ctx.model()).scope.assets.map((asset) => asset.name)).toEqual(['Refund records', 'Card token']);
    await expectReplayChangesNothing(ctx, first);
  });

  it('saves a previewed threat once', async () => {
    await startScopedModel(ctx);
    await ctx.driver.clickButton(BOB.id, 'threat.add', { value: 'TM-1' });
    await ctx.settle();
    const preview = await ctx.driver.submitView(BOB.id, THREAT);
    expect(preview.json?.response_action).toBe('update');
    const saving = await ctx.driver.submitView(BOB.id, THREAT);
    await ctx.settle();
    expect((await ctx.model()).threats.map((threat) => threat.id)).toEqual(['T-1']);
    await expectReplayChangesNothing(ctx, saving);
  });

  it('answers a replayed preview with the same preview', async () => {
    await startScopedModel(ctx);
    await ctx.driver.clickButton(BOB.id, 'threat.add', { value: 'TM-1' });
    await ctx.settle();
    const preview = await ctx.driver.submitView(BOB.id, THREAT);
    expect(preview.json?.response_action).toBe('update');
    await expectReplayChangesNothing(ctx, preview);
  });

  it('records a mitigation once', async () => {
    await withOneThreat(ctx);
    await ctx.driver.clickButton(CAROL.id, 'mitigation.add', { value: 'TM-1' });
    await ctx.settle();
    const first = await ctx.driver.submitView(CAROL.id, {
      description: 'Idempotency keys on POST /refunds',
      threatIds: ['T-1'],
      status: 'planned',
    });
    await ctx.settle();
    expect((await ctx.model()).mitigations.map((mitigation) => mitigation.id)).toEqual(['M-1']);
    await expectReplayChangesNothing(ctx, first);
  });

  it('records a risk review once', async () => {
    await atTheRiskReview(ctx);
    await ctx.driver.clickButton(BOB.id, 'risk.review', { value: 'TM-1' });
    await ctx.settle();
    const first = await ctx.driver.submitView(BOB.id, {
      threatId: 'T-1',
      likelihoodBefore: '4',
      impactBefore: '4',
      likelihoodAfter: '2',
      impactAfter: '3',
      decision: 'mitigate',
    });
    await ctx.settle();
    expect((await ctx.model()).threats[0]?.risk.after).toEqual({ likelihood: 2, impact: 3 });
    await expectReplayChangesNothing(ctx, first);
  });

  it('adds the picked catalog threats once', async () => {
    await startScopedModel(ctx);
    await ctx.driver.clickButton(ALICE.id, 'threat.suggest', { value: 'TM-1' });
    await ctx.settle();
    const blocks = (ctx.standIn.openViews(ALICE.id).at(-1)?.blocks ?? []) as {
      element?: { type?: string; options?: { value: string }[] };
    }[];
    const offered = blocks.find((block) => block.element?.type === 'checkboxes')?.element?.options ?? [];
    const picked = offered.slice(0, 2).map((option) => option.value);
    const first = await ctx.driver.submitView(ALICE.id, { picked_1: picked });
    await ctx.settle();
    expect((await ctx.model()).threats.map((threat) => threat.origin)).toEqual(
      picked.map((catalogThreatId) => ({ type: 'catalog', catalogThreatId })),
    );
    await expectReplayChangesNothing(ctx, first);
  });

  it('requests a review once', async () => {
    await startCompleteModel(ctx);
    const first = await requestReview(ctx, { note: 'Refunds first, please' });
    await appsecCards(ctx);
    await requestTold(ctx);
    expect((await ctx.model()).status).toBe('in_review');
    await expectReplayChangesNothing(ctx, first);
  });

  it('approves once', async () => {
    await inReview(ctx);
    const first = await approveFromCard(ctx, APPSEC1.id, { comment: 'Good work', follow_ups: 'Pen test the API' });
    if (!first) throw new Error('the approval form did not open');
    expect((await ctx.model()).status).toBe('approved');
    await expectReplayChangesNothing(ctx, first);
  });

  it('requests changes once', async () => {
    await inReview(ctx);
    await ctx.driver.clickButton(APPSEC1.id, 'review.request_changes', { channel: APPSEC_CHANNEL });
    await ctx.settle();
    const first = await ctx.driver.submitView(APPSEC1.id, { comment: 'T-2 needs a compensating control.' });
    await ctx.settle();
    expect((await ctx.model()).status).toBe('changes_requested');
    await expectReplayChangesNothing(ctx, first);
  });
}

describe('a replayed view submission acts once', () => {
  describe('over HTTP', () => {
    replayedSubmissions();
  });

  describe('over Socket Mode', () => {
    replayedSubmissions({ mode: 'socket' });
  });
});

describe('a view submission that only looks like a replay', () => {
  const ctx = useSlackApp();
  const mitigation = { description: 'Idempotency keys on POST /refunds', threatIds: ['T-1'], status: 'planned' };

  async function openMitigationForm() {
    await withOneThreat(ctx);
    await ctx.driver.clickButton(CAROL.id, 'mitigation.add', { value: 'TM-1' });
    await quiet(ctx);
  }

  it('applies the form corrected after inline errors: same view id and hash, other values', async () => {
    await openMitigationForm();
    const form = () => {
      const view = ctx.standIn.openViews(CAROL.id).at(-1);
      return { id: view?.id, hash: view?.hash };
    };
    const opened = form();
    const refused = await ctx.driver.submitView(CAROL.id, { ...mitigation, references: 'javascript:alert(1)' });
    expect(refused.errors?.references).toMatch(/^Line 1: must be an http\(s\) URL/);
    // The refused submission sent again is refused again, the same way.
    expect(answerOf(await ctx.driver.replay())).toEqual(answerOf(refused));

    expect(form()).toEqual(opened);
    const corrected = await ctx.driver.submitView(CAROL.id, { ...mitigation, references: 'infra/gateway.tf' });
    expect(ctx.standIn.openViews(CAROL.id)).toEqual([]);
    await quiet(ctx);
    expect((await ctx.model()).mitigations).toEqual([
      expect.objectContaining({ id: 'M-1', references: ['infra/gateway.tf'] }),
    ]);
    await expectReplayChangesNothing(ctx, corrected);
  });

  it('acts on the same submission sent again when the first failed before answering', async () => {
    await openMitigationForm();
    ctx.standIn.failNext('conversations.members', { status: 500 });
    // Bolt answers a request nobody acknowledged with 404 after 3 seconds; Slack shows an error.
    const failed = await ctx.driver.submitView(CAROL.id, mitigation);
    expect(failed.status).toBe(404);
    await quiet(ctx);
    expect((await ctx.model()).mitigations).toEqual([]);

    const retried = await ctx.driver.replay();
    expect(answerOf(retried)).toEqual({ status: 200, body: '' });
    await quiet(ctx);
    expect((await ctx.model()).mitigations.map((m) => m.id)).toEqual(['M-1']);
  });

  it('answers a repeat that arrives while the first is still being handled plainly, without acting', async () => {
    await openMitigationForm();
    // The first submission waits for Slack (the channel membership check) before it answers.
    ctx.standIn.holdReplies('conversations.members');
    const since = ctx.standIn.calls.length;
    const first = ctx.driver.submitView(CAROL.id, mitigation);
    try {
      await ctx.standIn.waitForCall('conversations.members', () => true, 5000, since);
      const callsBefore = ctx.standIn.calls.length;
      const repeated = await ctx.driver.replay();
      expect(answerOf(repeated)).toEqual({ status: 200, body: '' });
      expect(ctx.standIn.calls.slice(callsBefore)).toEqual([]);
    } finally {
      ctx.standIn.releaseHeldReplies();
    }
    expect(answerOf(await first)).toEqual({ status: 200, body: '' });
    await quiet(ctx);
    expect((await ctx.model()).mitigations.map((m) => m.id)).toEqual(['M-1']);
  });
});
