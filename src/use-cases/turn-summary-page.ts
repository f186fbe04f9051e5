import type { ModelRef } from '../ports/model-store';
import { readableModel } from './model-access';
import type { UseCaseOutcome } from './outcome';
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
  const read = await readableModel(
    deps,
    ref.workspaceId,
    ref.modelId,
    userId,
    (id) => `turn the pages of ${id}'s lists`,
  );
  if (!read.ok) return read;
  await deps.messageRefs.set(ref, { [which]: page });
  deps.cards.refresh(ref);
  return { ok: true };
}
