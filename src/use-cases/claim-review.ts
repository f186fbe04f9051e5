import type { ThreatModel } from '../domain/model';
import type { ModelRef } from '../ports/model-store';
import { refuse, type UseCaseOutcome } from './outcome';
import { type AssignmentDeps, assign } from './review-assignment';
import type { UseCaseDeps } from './use-case-deps';

type TakeDeps = AssignmentDeps & Pick<UseCaseDeps, 'appsec' | 'messageRefs' | 'cards'>;

/** Who has the review now, and where its request card is (to say so in the card's thread). */
export type TakenReview = {
  model: ThreatModel;
  reviewerId: string;
  /** The review request card in the AppSec channel, when it was posted. */
  card: { channel: string; ts: string } | undefined;
};

/**
 * An AppSec member claims a review from its card: it becomes theirs, due in their calendar
 * (the domain refuses a reviewer on the model's team).
 */
export async function claimReview(
  deps: TakeDeps,
  { ref, by }: { ref: ModelRef; by: string },
): Promise<UseCaseOutcome<TakenReview>> {
  return take(deps, ref, by, by, 'claimed');
}

/** An AppSec member hands a review to another AppSec member, due in the new reviewer's calendar. */
export async function reassignReview(
  deps: TakeDeps,
  { ref, by, to }: { ref: ModelRef; by: string; to: string },
): Promise<UseCaseOutcome<TakenReview>> {
  if (!(await deps.appsec.isMember(ref.workspaceId, to)))
    return refuse(`<@${to}> is not in AppSec, so they cannot review models.`);
  return take(deps, ref, by, to, 'reassigned');
}

async function take(
  deps: TakeDeps,
  ref: ModelRef,
  by: string,
  reviewerId: string,
  how: 'claimed' | 'reassigned',
): Promise<UseCaseOutcome<TakenReview>> {
  if (!(await deps.appsec.isMember(ref.workspaceId, by)))
    return refuse('Only AppSec reviewers can take or hand over reviews.');
  const outcome = await assign(deps, { ref, reviewerId, by, how });
  if (!outcome.ok) return outcome;
  const refs = await deps.messageRefs.get(ref);
  const card = refs.reviewCard && refs.reviewChannel ? { channel: refs.reviewChannel, ts: refs.reviewCard } : undefined;
  deps.cards.refresh(ref);
  return { ok: true, model: outcome.model, reviewerId, card };
}
