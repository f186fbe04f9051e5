import type { ThreatModel } from '../domain/model';
import type { ModelRef } from '../ports/model-store';
import { type AccessDeps, editableModel } from './model-access';
import { refuse, type UseCaseOutcome } from './outcome';

/** "Review a risk": risks are rated per threat, so the model needs threats to review. */
export async function openRiskReview(
  deps: AccessDeps,
  { ref, by }: { ref: ModelRef; by: string },
): Promise<UseCaseOutcome<{ model: ThreatModel }>> {
  const access = await editableModel(deps, ref.workspaceId, ref.modelId, by);
  const refusal = access.ok ? riskReviewRefusal(access.model) : undefined;
  return refusal ? refuse(refusal) : access;
}

/** Why no risk can be reviewed in the model yet (undefined: one can). */
export function riskReviewRefusal(model: ThreatModel): string | undefined {
  return model.threats.length === 0 ? `${model.id} has no threats to review.` : undefined;
}
