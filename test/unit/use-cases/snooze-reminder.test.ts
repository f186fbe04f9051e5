import { requestReview } from '../../../src/domain/review-workflow';
import { addWorkingDays, calendarFor } from '../../../src/domain/working-days';
import type { DraftIdleJob, ReviewNudgeJob } from '../../../src/ports/job-payloads';
import { snoozeReminder } from '../../../src/use-cases/snooze-reminder';
import { ALICE, BOB, buildModel, CAROL, NOW } from '../../support/build-model';
import { refOf, seedModel, useUseCaseDeps } from '../../support/use-case-deps';

const RITA = 'U0RITA001';
const BERLIN = 'Europe/Berlin';

describe('snoozing a reminder', () => {
  const ctx = useUseCaseDeps();

  async function inReview() {
    const outcome = requestReview(buildModel(), { by: ALICE, at: NOW, allowIncomplete: true });
    if (!outcome.ok) throw new Error(outcome.message);
    const { model } = await seedModel(ctx.store, outcome.model);
    ctx.appsec.set([RITA, CAROL]);
    ctx.timeZones.set(RITA, BERLIN);
    const { deps } = ctx;
    const nudge: ReviewNudgeJob = {
      ...refOf(model),
      requestedAt: model.review?.requestedAt ?? '',
      reviewerId: RITA,
      dueAt: NOW.toISOString(),
      timeZone: BERLIN,
      round: 2,
      nudge: 1,
      escalated: false,
    };
    await deps.jobs.scheduleReviewNudge(nudge, NOW);
    return { model, deps, nudge };
  }

  async function stalledDraft() {
    const { model } = await seedModel(ctx.store, { roles: { ...buildModel().roles, developer: [BOB] } });
    ctx.timeZones.set(BOB, BERLIN);
    const { deps } = ctx;
    const job: DraftIdleJob = { ...refOf(model), lastChangeAt: model.updatedAt, nudge: 1 };
    await deps.jobs.scheduleDraftIdle(job, NOW);
    return { model, deps, job };
  }

  it('lets the reviewer move a review nudge on by working days in their own calendar', async () => {
    const { model, deps, nudge } = await inReview();
    const outcome = await snoozeReminder(deps, { ref: refOf(model), by: RITA, kind: 'review', days: 3 });
    const until = addWorkingDays(NOW, 3, calendarFor(BERLIN, []));
    expect(outcome).toEqual({ ok: true, until });
    expect(await deps.jobs.pendingReminder(refOf(model), 'review')).toEqual({
      data: { ...nudge, snoozedUntil: until.toISOString() },
      at: until,
    });
  });

  it('refuses a review nudge to anyone but the reviewer, even another AppSec member, and leaves it as it was', async () => {
    const { model, deps, nudge } = await inReview();
    for (const by of [CAROL, ALICE]) {
      const outcome = await snoozeReminder(deps, { ref: refOf(model), by, kind: 'review', days: 1 });
      expect(outcome).toEqual({ ok: false, message: 'Only the reviewer can snooze this reminder.' });
    }
    expect(await deps.jobs.pendingReminder(refOf(model), 'review')).toEqual({ data: nudge, at: NOW });
  });

  it('lets a role holder snooze a stalled-draft nudge', async () => {
    const { model, deps, job } = await stalledDraft();
    const outcome = await snoozeReminder(deps, { ref: refOf(model), by: BOB, kind: 'idle', days: 1 });
    const until = addWorkingDays(NOW, 1, calendarFor(BERLIN, []));
    expect(outcome).toEqual({ ok: true, until });
    expect((await deps.jobs.pendingReminder(refOf(model), 'idle'))?.data).toEqual({
      ...job,
      snoozedUntil: until.toISOString(),
    });
  });

  it('refuses a stalled-draft nudge to someone outside the team', async () => {
    const { model, deps, job } = await stalledDraft();
    const outcome = await snoozeReminder(deps, { ref: refOf(model), by: CAROL, kind: 'idle', days: 3 });
    expect(outcome).toEqual({ ok: false, message: `Only the team of ${model.id} can snooze this reminder.` });
    expect(await deps.jobs.pendingReminder(refOf(model), 'idle')).toEqual({ data: job, at: NOW });
  });

  it('says so when the reminder has already ended', async () => {
    const { model, deps } = await inReview();
    await deps.jobs.cancelReminder(refOf(model), 'review');
    const outcome = await snoozeReminder(deps, { ref: refOf(model), by: RITA, kind: 'review', days: 1 });
    expect(outcome).toEqual({
      ok: false,
      message: 'That reminder has already ended: there is nothing left to snooze.',
    });
    expect(await snoozeReminder(deps, { ref: refOf(model), by: ALICE, kind: 'idle', days: 1 })).toMatchObject({
      ok: false,
      message: 'That reminder has already ended: there is nothing left to snooze.',
    });
  });
});
