import { type Flow, flowStep } from '../domain/flow';
import type { ThreatModel } from '../domain/model';
import type { ActorRef } from '../domain/primitives';
import { draftIdleNudgeAt, reviewDueAt } from '../domain/reminder-schedule';
import { assignReviewer, isParticipant, type ReviewOutcome } from '../domain/review-workflow';
import { calendarFor, type WorkCalendar } from '../domain/working-days';
import type { Logger } from '../logger';
import type { AppSecDirectory } from '../ports/appsec-directory';
import type { ModelRef, ModelStore } from '../ports/model-store';
import type { ReviewJobs } from '../ports/review-jobs';
import type { ReviewRotation } from '../ports/review-rotation';
import type { TimeZones } from '../ports/time-zones';
import type { ReviewSettings } from '../use-cases/use-case-deps';

export interface ReviewCoordinatorDeps {
  store: ModelStore;
  jobs: ReviewJobs;
  flow: Flow;
  clock: () => Date;
  timeZones: TimeZones;
  appsec: AppSecDirectory;
  settings: ReviewSettings;
  rotation: ReviewRotation;
  logger: Logger;
}

/**
 * What the Slack listeners and the jobs both do around a review: assign a reviewer (due date in
 * their time zone, nudges scheduled), pick one round-robin, and (re)start a draft's idle reminder.
 */
export class ReviewCoordinator {
  constructor(private readonly deps: ReviewCoordinatorDeps) {}

  /** A user's working calendar: their Slack time zone (UTC when unknown) and the holidays. */
  async calendarOf(userId: string): Promise<WorkCalendar> {
    const zone = await this.deps.timeZones.of(userId).catch((error: unknown) => {
      this.deps.logger.warn({ err: error, user: userId }, 'could not read a time zone; using UTC');
      return undefined;
    });
    return calendarFor(zone, this.deps.settings.holidays);
  }

  /** Give the review to a reviewer, due N working days after the request in their zone; nudges follow. */
  async assign(
    ref: ModelRef,
    reviewerId: string,
    by: ActorRef,
    how: 'assigned' | 'claimed' | 'reassigned',
  ): Promise<ReviewOutcome> {
    const { store, jobs, clock, settings } = this.deps;
    const calendar = await this.calendarOf(reviewerId);
    let outcome: ReviewOutcome | undefined;
    let dueAt = clock();
    const { model } = await store.update(ref, { actor: by, action: `review.${how}` }, (current) => {
      const requestedAt = new Date(current.review?.requestedAt ?? clock().toISOString());
      dueAt = reviewDueAt(requestedAt, settings.slaWorkingDays, calendar);
      outcome = assignReviewer(current, { reviewerId, by, at: clock(), dueAt, how });
      return outcome.ok ? outcome.model : current;
    });
    if (!outcome?.ok || !model.review) return outcome ?? { ok: false, reason: 'wrong_status', message: 'No review.' };
    await jobs.scheduleReviewNudge(
      {
        workspaceId: ref.workspaceId,
        modelId: ref.modelId,
        requestedAt: model.review.requestedAt,
        reviewerId,
        dueAt: dueAt.toISOString(),
        timeZone: calendar.timeZone,
        round: model.review.history.length,
        nudge: 1,
        escalated: false,
      },
      dueAt,
    );
    return { ok: true, model };
  }

  /** The next AppSec member in turn who is not on the model's team; undefined when nobody can. */
  async pickReviewer(model: ThreatModel): Promise<string | undefined> {
    const candidates = (await this.deps.appsec.members()).filter((user) => !isParticipant(model, user));
    if (candidates.length === 0) return undefined;
    const turn = await this.deps.rotation.nextTurn(model.workspaceId);
    return candidates[(turn - 1) % candidates.length];
  }

  /** Start (or restart) the stalled-draft reminder from the model's last change. */
  async scheduleIdle(model: ThreatModel): Promise<void> {
    const { flow, jobs } = this.deps;
    const calendar = await this.calendarOf(model.ownerId);
    const at = draftIdleNudgeAt(
      new Date(model.updatedAt),
      0,
      flowStep(flow, model.currentStep),
      flow.reminders.draftIdle,
      calendar,
    );
    if (!at) return;
    await jobs.scheduleDraftIdle(
      { workspaceId: model.workspaceId, modelId: model.id, lastChangeAt: model.updatedAt, nudge: 1 },
      at,
    );
  }
}
