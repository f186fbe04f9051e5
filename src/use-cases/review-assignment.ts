import type { ThreatModel } from '../domain/model';
import type { ActorRef } from '../domain/primitives';
import { reviewDueAt } from '../domain/reminder-schedule';
import { assignReviewer, tookPart } from '../domain/review-workflow';
import type { ModelRef } from '../ports/model-store';
import { refuse, type UseCaseOutcome } from './outcome';
import { calendarOf } from './review-calendar';
import type { UseCaseDeps } from './use-case-deps';

export type AssignmentDeps = Pick<UseCaseDeps, 'store' | 'jobs' | 'clock' | 'timeZones' | 'logger' | 'settings'>;

export interface AssignInput {
  ref: ModelRef;
  reviewerId: string;
  /** Who assigns: the reviewer claiming it, an AppSec member handing it over, or 'system'. */
  by: ActorRef;
  how: 'assigned' | 'claimed' | 'reassigned';
}

/**
 * Give the review to a reviewer (the domain refuses one on the model's team), due the SLA's
 * working days after the request in the reviewer's own calendar; the first nudge is scheduled
 * for the due time. The caller has checked who may assign.
 */
export async function assign(
  deps: AssignmentDeps,
  { ref, reviewerId, by, how }: AssignInput,
): Promise<UseCaseOutcome<{ model: ThreatModel }>> {
  const { store, jobs, clock } = deps;
  const [calendar, settings] = await Promise.all([
    calendarOf(deps, ref.workspaceId, reviewerId),
    deps.settings.forWorkspace(ref.workspaceId),
  ]);
  const { model, outcome } = await store.update(ref, { actor: by, action: `review.${how}` }, (current) => {
    const requestedAt = new Date(current.review?.requestedAt ?? clock().toISOString());
    const dueAt = reviewDueAt(requestedAt, settings.review.slaWorkingDays, calendar);
    return assignReviewer(current, { reviewerId, by, at: clock(), dueAt, how });
  });
  if (!outcome.ok) return refuse(outcome.message);
  const { review } = model;
  if (!review?.dueAt) return refuse('No review.');
  await jobs.scheduleReviewNudge(
    {
      workspaceId: ref.workspaceId,
      modelId: ref.modelId,
      requestedAt: review.requestedAt,
      reviewerId,
      dueAt: review.dueAt,
      timeZone: calendar.timeZone,
      round: review.history.length,
      nudge: 1,
      escalated: false,
    },
    new Date(review.dueAt),
  );
  return { ok: true, model };
}

/**
 * The next AppSec member in turn who never took part in the model (tookPart), round-robin across every
 * process (the turn is shared); undefined when nobody can review it.
 */
export async function pickReviewer(
  deps: Pick<UseCaseDeps, 'appsec' | 'rotation'>,
  model: ThreatModel,
): Promise<string | undefined> {
  const candidates = (await deps.appsec.members(model.workspaceId)).filter((user) => !tookPart(model, user));
  if (candidates.length === 0) return undefined;
  const turn = await deps.rotation.nextTurn(model.workspaceId);
  return candidates[(turn - 1) % candidates.length];
}
