import { requestReview as requestReviewOf } from '../../../src/domain/review-workflow';
import { requestChanges, startChangesRequest } from '../../../src/use-cases/request-changes';
import { requestReview, reviewRequestAccess } from '../../../src/use-cases/request-review';
import { ALICE, BOB, buildModel, NOW } from '../../support/build-model';
import { refOf, seedModel, useUseCaseDeps } from '../../support/use-case-deps';

const RITA = 'U0RITA001';

describe('requesting a review, and changes', () => {
  const ctx = useUseCaseDeps();
  beforeEach(() => ctx.appsec.set([RITA]));

  describe('requesting a review', () => {
    it('opens the request form to the channel while the model is editable, once reviews are set up', async () => {
      const { model, ref } = await seedModel(ctx.store);
      const { workspaceId, modelId } = ref;
      ctx.members.join(model.channelId, ALICE);
      expect(await reviewRequestAccess(ctx.deps, workspaceId, modelId, ALICE)).toMatchObject({ ok: true });
      ctx.appsec.set(undefined);
      expect(await reviewRequestAccess(ctx.deps, workspaceId, modelId, ALICE)).toEqual({
        ok: false,
        message:
          "AppSec reviews are not set up in this workspace yet: ask a workspace admin to pick the AppSec channel in Threadmodel's Home tab (Settings).",
      });
      expect(await reviewRequestAccess(ctx.deps, workspaceId, modelId, BOB)).toEqual({
        ok: false,
        message: `Only members of <#${model.channelId}> can change ${model.id}.`,
      });
    });

    it('puts the model in review, ends the idle reminder, queues the request and refreshes the cards', async () => {
      const { model } = await seedModel(ctx.store);
      const d = ctx.deps;
      await d.jobs.scheduleDraftIdle({ ...refOf(model), lastChangeAt: model.updatedAt, nudge: 1 }, NOW);
      const outcome = await requestReview(d, { ref: refOf(model), by: ALICE, allowIncomplete: true, note: 'Payouts' });
      expect(outcome).toMatchObject({ ok: true, model: { status: 'in_review' } });
      const stored = await ctx.store.require(refOf(model));
      expect(stored.review?.history.at(-1)).toMatchObject({ type: 'requested', by: ALICE, comment: 'Payouts' });
      expect(await d.jobs.pendingReminder(refOf(model), 'idle')).toBeUndefined();
      expect(ctx.jobs.requested).toEqual([{ ...refOf(model), requestedAt: stored.review?.requestedAt }]);
      expect(ctx.refreshed).toEqual([refOf(model)]);
    });

    it('refuses an incomplete model without the explicit choice, saying why, and queues nothing', async () => {
      const { model } = await seedModel(ctx.store);
      const d = ctx.deps;
      const outcome = await requestReview(d, { ref: refOf(model), by: ALICE, allowIncomplete: false });
      expect(outcome).toMatchObject({ ok: false, reason: 'incomplete' });
      expect(outcome.ok || outcome.message).toContain(`${model.id} is not complete yet`);
      expect((await ctx.store.require(refOf(model))).status).toBe('draft');
      expect(ctx.jobs.requested).toEqual([]);
      expect(ctx.jobs.cancelled).toEqual([]);
    });

    it('refuses someone outside the team', async () => {
      const { model } = await seedModel(ctx.store);
      const outcome = await requestReview(ctx.deps, { ref: refOf(model), by: BOB, allowIncomplete: true });
      expect(outcome).toEqual({
        ok: false,
        reason: 'not_allowed',
        message: `Only the owner or a role holder of ${model.id} can request its review.`,
      });
    });
  });

  describe('requesting changes', () => {
    const inReview = async () => {
      const outcome = requestReviewOf(buildModel(), { by: ALICE, at: NOW, allowIncomplete: true });
      if (!outcome.ok) throw new Error(outcome.message);
      return (await seedModel(ctx.store, outcome.model)).model;
    };

    it('opens the comments form to AppSec only, and only while the model is in review', async () => {
      const { model: draft } = await seedModel(ctx.store);
      const model = await inReview();
      expect(await startChangesRequest(ctx.deps, { ref: refOf(model), by: BOB })).toEqual({
        ok: false,
        message: 'Only AppSec reviewers can request changes.',
      });
      expect(await startChangesRequest(ctx.deps, { ref: refOf(draft), by: RITA })).toEqual({
        ok: false,
        message: `${draft.id} is not in review any more.`,
      });
      expect(await startChangesRequest(ctx.deps, { ref: refOf(model), by: RITA })).toMatchObject({
        ok: true,
        model: { id: model.id },
      });
    });

    it('sends the model back to the team: the review nudges stop and the idle reminder starts from the change', async () => {
      const model = await inReview();
      const d = ctx.deps;
      await d.jobs.scheduleReviewNudge(
        {
          ...refOf(model),
          requestedAt: model.review?.requestedAt ?? '',
          reviewerId: RITA,
          dueAt: NOW.toISOString(),
          timeZone: 'UTC',
          round: 1,
          nudge: 1,
          escalated: false,
        },
        NOW,
      );
      const outcome = await requestChanges(d, { ref: refOf(model), by: RITA, comment: 'T-2 needs a control.' });
      expect(outcome).toMatchObject({ ok: true, model: { status: 'changes_requested' } });
      const stored = await ctx.store.require(refOf(model));
      expect(await d.jobs.pendingReminder(refOf(model), 'review')).toBeUndefined();
      expect((await d.jobs.pendingReminder(refOf(model), 'idle'))?.data).toEqual({
        ...refOf(model),
        lastChangeAt: stored.updatedAt,
        nudge: 1,
      });
      expect(ctx.refreshed).toEqual([refOf(model)]);
    });

    it('refuses changes without a comment, or from outside AppSec, and leaves the review as it was', async () => {
      const model = await inReview();
      const d = ctx.deps;
      expect(await requestChanges(d, { ref: refOf(model), by: RITA, comment: '  ' })).toEqual({
        ok: false,
        message: `Say what needs to change before sending ${model.id} back to the team.`,
      });
      expect(await requestChanges(d, { ref: refOf(model), by: BOB, comment: 'No.' })).toMatchObject({ ok: false });
      expect((await ctx.store.require(refOf(model))).status).toBe('in_review');
      expect(ctx.jobs.cancelled).toEqual([]);
    });
  });
});
