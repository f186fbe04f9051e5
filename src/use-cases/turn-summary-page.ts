import type { ModelRef } from '../ports/model-store';
import { refuse, type UseCaseOutcome } from './outcome';
import type { UseCaseDeps } from './use-case-deps';

/** Which shared summary is paged: the scope, the threats or the mitigations. */
export type SummaryPage = 'scopePage' | 'threatPage' | 'mitigationPage';

export interface TurnSummaryPageInput {
  ref: ModelRef;
  userId: string;
  which: SummaryPage;
  /** The page to show, from 1. */
  page: number;
}

/**
 * Previous/Next on a shared summary: remember the page the summary shows and re-render it. The
 * summary is the channel's, so only members of the model's channel may turn its pages (approved
 * and archived models too: paging changes no part of the model).
 */
export async function turnSummaryPage(
  deps: Pick<UseCaseDeps, 'store' | 'members' | 'messageRefs' | 'cards'>,
  { ref, userId, which, page }: TurnSummaryPageInput,
): Promise<UseCaseOutcome> {
  const model = await deps.store.get(ref);
  if (!model) return refuse(`There is no threat model ${ref.modelId} in this workspace.`);
  if (!(await deps.members.isMember(model.channelId, userId))) {
    return refuse(`Only members of <#${model.channelId}> can turn the pages of ${model.id}'s lists.`);
  }
  await deps.messageRefs.set(ref, { [which]: page });
  deps.cards.refresh(ref);
  return { ok: true };
}
