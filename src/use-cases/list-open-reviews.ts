import type { ThreatModel } from '../domain/model';
import { refuse, type UseCaseOutcome } from './outcome';
import type { UseCaseDeps } from './use-case-deps';

export interface ListOpenReviewsInput {
  workspaceId: string;
  userId: string;
  /** How many to return, most recently updated first. */
  limit: number;
}

/** `/threatmodel reviews`: the models in review, for AppSec reviewers only. */
export async function listOpenReviews(
  deps: Pick<UseCaseDeps, 'store' | 'appsec' | 'clock'>,
  { workspaceId, userId, limit }: ListOpenReviewsInput,
): Promise<UseCaseOutcome<{ models: ThreatModel[]; total: number; now: Date }>> {
  if (!(await deps.appsec.isMember(workspaceId, userId))) {
    return refuse('`/threatmodel reviews` lists open reviews for AppSec reviewers.');
  }
  const page = await deps.store.list(workspaceId, { by: 'status', status: 'in_review' }, { limit });
  return { ok: true, models: page.items, total: page.total, now: deps.clock() };
}
