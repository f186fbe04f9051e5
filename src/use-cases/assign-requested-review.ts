import type { ThreatModel } from '../domain/model';
import type { ReviewRequestJob } from '../ports/job-payloads';
import { type AssignmentDeps, assign, pickReviewer } from './review-assignment';
import type { UseCaseDeps } from './use-case-deps';

/**
 * The model a review-request job is about, while that request is still the current one: a job
 * of an older round (the review was decided, withdrawn or requested again since) does nothing.
 */
export async function currentReviewRequest(
  deps: Pick<UseCaseDeps, 'store'>,
  job: ReviewRequestJob,
): Promise<ThreatModel | undefined> {
  const model = await deps.store.get({ workspaceId: job.workspaceId, modelId: job.modelId });
  if (model?.status !== 'in_review' || model.review?.requestedAt !== job.requestedAt) return undefined;
  return model;
}

/**
 * Assign the reviewer of a requested review, unless one is already assigned with a due date
 * (a job run again): the previous round's reviewer on a re-request, else the next AppSec member
 * in turn. With nobody to assign, the review waits to be claimed. Returns the stored model.
 */
export async function assignRequestedReview(
  deps: AssignmentDeps & Pick<UseCaseDeps, 'appsec' | 'rotation'>,
  requested: ThreatModel,
): Promise<ThreatModel> {
  const ref = { workspaceId: requested.workspaceId, modelId: requested.id };
  if (requested.review && !requested.review.dueAt) {
    const reviewer = requested.review.reviewerId ?? (await pickReviewer(deps, requested));
    if (reviewer) await assign(deps, { ref, reviewerId: reviewer, by: 'system', how: 'assigned' });
  }
  return deps.store.require(ref);
}
