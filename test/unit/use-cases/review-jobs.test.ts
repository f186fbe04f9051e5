import type { ThreatModel } from '../../../src/domain/model';
import { requestReview } from '../../../src/domain/review-workflow';
import { addWorkingDays, calendarFor } from '../../../src/domain/working-days';
import type { ReviewNudgeJob } from '../../../src/ports/job-payloads';
import { assignRequestedReview, currentReviewRequest } from '../../../src/use-cases/assign-requested-review';
import { dueDraftNudge, scheduleNextDraftNudge } from '../../../src/use-cases/idle-reminder';
import { dueReviewNudge, scheduleNextReviewNudge } from '../../../src/use-cases/review-reminder';
import { ALICE, BOB, buildModel, NOW } from '../../support/build-model';
import { refOf, seedModel, useUseCaseDeps } from '../../support/use-case-deps';

const RITA = 'U0RITA001';
const TOM = 'U0TOM0001';
const DAY = 24 * 60 * 60 * 1000;

describe('what the review jobs decide', () => {
  const ctx = useUseCaseDeps();
  const requested = async (reviewerId?: string) => {
    const draft = buildModel();
    const outcome = requestReview(
      { ...draft, roles: { ...draft.roles, developer: [BOB] } },
      { by: ALICE, at: NOW, allowIncomplete: true },
    );
    if (!outcome.ok) throw new Error(outcome.message);
    const { model } = await seedModel(
      ctx.store,
      reviewerId && outcome.model.review
        ? { ...outcome.model, review: { ...outcome.model.review, reviewerId } }
        : outcome.model,
    );
    return model;
  };
  const requestJob = (model: ThreatModel) => ({ ...refOf(model), requestedAt: model.review?.requestedAt ?? '' });

  describe('a review request', () => {
    it('is acted on only while it is the current request', async () => {
      const model = await requested();
      const { deps } = ctx;
      expect(await currentReviewRequest(deps, requestJob(model))).toMatchObject({ id: model.id });
      const older = { ...requestJob(model), requestedAt: new Date(NOW.getTime() - DAY).toISOString() };
      expect(await currentReviewRequest(deps, older)).toBeUndefined();
    });

    it('goes to the next AppSec member in turn, or back to the previous reviewer on a re-request', async () => {
      ctx.appsec.set([RITA, TOM]);
      const { deps } = ctx;
      const first = await assignRequestedReview(deps, await requested());
      expect(first.review).toMatchObject({ reviewerId: RITA, dueAt: expect.any(String) });
      expect(first.review?.history.at(-1)).toMatchObject({ type: 'assigned', by: 'system' });
      const again = await assignRequestedReview(deps, await requested(RITA));
      expect(again.review?.reviewerId).toBe(RITA);
      // A job run again keeps the assignment it made.
      expect(await assignRequestedReview(deps, again)).toEqual(again);
    });

    it('waits to be claimed when nobody outside the team is in AppSec', async () => {
      ctx.appsec.set([BOB]);
      const { deps } = ctx;
      const model = await assignRequestedReview(deps, await requested());
      expect(model.review?.reviewerId).toBeUndefined();
      expect(await deps.jobs.pendingReminder(refOf(model), 'review')).toBeUndefined();
    });
  });

  describe('an overdue-review nudge', () => {
    const nudgeFor = (model: ThreatModel, overrides: Partial<ReviewNudgeJob> = {}): ReviewNudgeJob => ({
      ...requestJob(model),
      reviewerId: RITA,
      dueAt: new Date(NOW.getTime() - 3 * DAY).toISOString(),
      timeZone: 'UTC',
      round: 2,
      nudge: 2,
      escalated: false,
      ...overrides,
    });

    it('is sent only while the review has the same request and reviewer, and escalates once', async () => {
      const model = await requested(RITA);
      const { deps } = ctx;
      expect(await dueReviewNudge(deps, nudgeFor(model))).toMatchObject({ due: true, now: NOW, escalate: true });
      expect(await dueReviewNudge(deps, nudgeFor(model, { escalated: true }))).toMatchObject({ escalate: false });
      expect(await dueReviewNudge(deps, nudgeFor(model, { reviewerId: TOM }))).toEqual({ due: false });
      const fresh = nudgeFor(model, { dueAt: NOW.toISOString() });
      expect(await dueReviewNudge(deps, fresh)).toMatchObject({ due: true, escalate: false });
    });

    it('schedules the next one for the next working day, without the snooze', async () => {
      const model = await requested(RITA);
      const { deps } = ctx;
      const job = nudgeFor(model, { snoozedUntil: NOW.toISOString() });
      await scheduleNextReviewNudge(deps, job, { now: NOW, escalated: true });
      const pending = await deps.jobs.pendingReminder(refOf(model), 'review');
      expect(pending?.data).toEqual({ ...nudgeFor(model), nudge: 3, escalated: true });
      expect(pending?.at.toISOString()).toBe('2026-11-26T10:00:00.000Z');
    });
  });

  describe('a stalled-draft nudge', () => {
    it('mentions the owner, then the role holders too once the owner has not answered', async () => {
      const { model } = await seedModel(ctx.store, {
        threadTs: '1700000000.000100',
        roles: { ...buildModel().roles, developer: [BOB] },
      });
      const { deps } = ctx;
      const job = { ...refOf(model), lastChangeAt: model.updatedAt, nudge: 1 };
      expect(await dueDraftNudge(deps, job)).toMatchObject({ due: true, mentions: [ALICE] });
      expect(await dueDraftNudge(deps, { ...job, nudge: 3 })).toMatchObject({ due: true, mentions: [ALICE, BOB] });

      await scheduleNextDraftNudge(deps, job, model);
      const next = await deps.jobs.pendingReminder(refOf(model), 'idle');
      expect(next?.data).toEqual({ ...job, nudge: 2 });
      const calendar = calendarFor(undefined, []);
      expect(next?.at).toEqual(addWorkingDays(addWorkingDays(new Date(model.updatedAt), 2, calendar), 2, calendar));
    });

    it('sends nothing for a draft that moved, and starts its idle period again from the change', async () => {
      const { model } = await seedModel(ctx.store, { threadTs: '1700000000.000100' });
      const { deps } = ctx;
      const stale = { ...refOf(model), lastChangeAt: new Date(NOW.getTime() - DAY).toISOString(), nudge: 2 };
      expect(await dueDraftNudge(deps, stale)).toEqual({ due: false });
      expect((await deps.jobs.pendingReminder(refOf(model), 'idle'))?.data).toEqual({
        ...refOf(model),
        lastChangeAt: model.updatedAt,
        nudge: 1,
      });
    });

    it('ends for a model in review', async () => {
      const model = await requested();
      const { deps } = ctx;
      expect(await dueDraftNudge(deps, { ...refOf(model), lastChangeAt: model.updatedAt, nudge: 1 })).toEqual({
        due: false,
      });
      expect(await deps.jobs.pendingReminder(refOf(model), 'idle')).toBeUndefined();
    });
  });
});
