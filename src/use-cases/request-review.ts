import type { ThreatModel } from '../domain/model';
import { type ReviewRefusalReason, requestReview as requestReviewOf } from '../domain/review-workflow';
import type { ModelRef } from '../ports/model-store';
import { type Access, type AccessDeps, editableModel } from './model-access';
import { type Refused, refuse } from './outcome';
import type { UseCaseDeps } from './use-case-deps';

export interface RequestReviewInput {
  ref: ModelRef;
  /** The team member who asks. */
  by: string;
  /** The explicit choice to ask while steps are still open. */
  allowIncomplete: boolean;
  note?: string | undefined;
}

/** Refused, and why: the form shows an incomplete model's refusal beside the choice to go ahead. */
export type RequestReviewRefused = Refused & { reason: ReviewRefusalReason };

/**
 * The team asks AppSec to review a model: the domain decides whether it may (status, team only,
 * complete or explicitly not); then the stalled-draft reminder ends, a job posts the request and
 * assigns the reviewer, and the cards follow.
 */
export async function requestReview(
  deps: Pick<UseCaseDeps, 'store' | 'jobs' | 'cards' | 'clock'>,
  { ref, by, allowIncomplete, note }: RequestReviewInput,
): Promise<{ ok: true; model: ThreatModel } | RequestReviewRefused> {
  const { model, outcome } = await deps.store.update(ref, { actor: by, action: 'review.request' }, (current) =>
    requestReviewOf(current, { by, at: deps.clock(), allowIncomplete, ...(note && { note }) }),
  );
  if (!outcome.ok) return { ...refuse(outcome.message), reason: outcome.reason };
  await deps.jobs.cancelReminder(ref, 'idle');
  await deps.jobs.requestReview({ ...ref, requestedAt: model.review?.requestedAt ?? deps.clock().toISOString() });
  deps.cards.refresh(ref);
  return { ok: true, model };
}

/**
 * "Request AppSec review" was pressed: the team may change the model now (editableModel), and
 * reviews are set up in this workspace (an AppSec channel), before the request form opens.
 */
export async function reviewRequestAccess(
  deps: AccessDeps & Pick<UseCaseDeps, 'appsec'>,
  workspaceId: string,
  modelId: string,
  userId: string,
): Promise<Access> {
  const access = await editableModel(deps, workspaceId, modelId, userId);
  if (access.ok && !(await deps.appsec.configured(workspaceId))) {
    return refuse(
      "AppSec reviews are not set up in this workspace yet: ask a workspace admin to pick the AppSec channel in Threadmodel's Home tab (Settings).",
    );
  }
  return access;
}
