import type { ThreatModel } from '../domain/model';
import { approve } from '../domain/review-workflow';
import type { ModelRef } from '../ports/model-store';
import { refuse, type UseCaseOutcome } from './outcome';
import type { UseCaseDeps } from './use-case-deps';

export interface ApproveReviewInput {
  ref: ModelRef;
  /** The Slack user who approves. */
  by: string;
  /** What the reviewer says with the approval (optional). */
  comment?: string;
  /** Follow-up actions beyond the model (e.g. penetration-test scope), one per item. */
  followUps?: readonly string[];
}

/**
 * "Approve" was pressed: whether this person may approve this model now (the same domain rules
 * as the approval itself, on the stored model, nothing written), before the approval form opens.
 * The submission checks again, inside the write (approveReview).
 */
export async function startApproval(
  deps: Pick<UseCaseDeps, 'appsec' | 'store' | 'clock' | 'flow'>,
  { ref, by }: Pick<ApproveReviewInput, 'ref' | 'by'>,
): Promise<UseCaseOutcome<{ model: ThreatModel }>> {
  if (!(await deps.appsec.isMember(ref.workspaceId, by)))
    return refuse('Only AppSec reviewers can approve a threat model.');
  const model = await deps.store.get(ref);
  if (!model) return refuse(`There is no threat model ${ref.modelId} in this workspace.`);
  const check = approve(model, { by, at: deps.clock(), isAppSec: true }, deps.flow);
  if (!check.ok) return refuse(check.message);
  return { ok: true, model };
}

/**
 * AppSec approves a model in review, with a comment and follow-up actions: the domain decides
 * (AppSec only, never by anyone who took part, only a complete model, nothing left untreated); then the reminders end, the export is queued and the cards follow.
 */
export async function approveReview(
  deps: UseCaseDeps,
  { ref, by, comment, followUps }: ApproveReviewInput,
): Promise<UseCaseOutcome<{ model: ThreatModel }>> {
  const isAppSec = await deps.appsec.isMember(ref.workspaceId, by);
  const { model, outcome } = await deps.store.update(ref, { actor: by, action: 'review.approve' }, (current) =>
    approve(
      current,
      { by, at: deps.clock(), isAppSec, ...(comment !== undefined && { comment }), ...(followUps && { followUps }) },
      deps.flow,
    ),
  );
  if (!outcome.ok) return refuse(outcome.message);
  await Promise.all([deps.jobs.cancelReminder(ref, 'review'), deps.jobs.cancelReminder(ref, 'idle')]);
  if ((await deps.settings.forWorkspace(ref.workspaceId)).export) {
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
