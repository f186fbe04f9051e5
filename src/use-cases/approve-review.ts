import type { ThreatModel } from '../domain/model';
import { approve } from '../domain/review-workflow';
import type { ModelRef } from '../ports/model-store';
import { refuse, type UseCaseOutcome } from './outcome';
import type { UseCaseDeps } from './use-case-deps';

export interface ApproveReviewInput {
  ref: ModelRef;
  /** The Slack user who approves. */
  by: string;
}

/**
 * AppSec approves a model in review: the domain decides (AppSec only, never on one's own model,
 * never with a high risk open); then the reminders end, the export is queued and the cards follow.
 */
export async function approveReview(
  deps: UseCaseDeps,
  { ref, by }: ApproveReviewInput,
): Promise<UseCaseOutcome<{ model: ThreatModel }>> {
  const isAppSec = await deps.appsec.isMember(by);
  const { model, outcome } = await deps.store.update(ref, { actor: by, action: 'review.approve' }, (current) =>
    approve(current, { by, at: deps.clock(), isAppSec }, deps.flow),
  );
  if (!outcome.ok) return refuse(outcome.message);
  await Promise.all([deps.jobs.cancelReminder(ref, 'review'), deps.jobs.cancelReminder(ref, 'idle')]);
  if (deps.exports.configured) {
    await deps.exports.exportModel({
      ...ref,
      requestedBy: by,
      reason: 'approved',
      requestedAt: deps.clock().toISOString(),
    });
  }
  deps.cards.refresh(ref);
  return { ok: true, model };
}
