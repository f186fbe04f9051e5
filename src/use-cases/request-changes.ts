import type { ThreatModel } from '../domain/model';
import { requestChanges as requestChangesOf } from '../domain/review-workflow';
import type { ModelRef } from '../ports/model-store';
import { type IdleReminderDeps, scheduleIdle } from './idle-reminder';
import { refuse, type UseCaseOutcome } from './outcome';
import type { UseCaseDeps } from './use-case-deps';

export interface ChangesRequestInput {
  ref: ModelRef;
  /** The AppSec member who asks for changes. */
  by: string;
}

/**
 * "Request changes" was pressed: whether this person may (AppSec only) and the model is still in
 * review, before the comments form opens. The submission checks again (requestChanges).
 */
export async function startChangesRequest(
  deps: Pick<UseCaseDeps, 'appsec' | 'store'>,
  { ref, by }: ChangesRequestInput,
): Promise<UseCaseOutcome<{ model: ThreatModel }>> {
  if (!(await deps.appsec.isMember(ref.workspaceId, by))) return refuse('Only AppSec reviewers can request changes.');
  const model = await deps.store.get(ref);
  if (model?.status !== 'in_review') return refuse(`${ref.modelId} is not in review any more.`);
  return { ok: true, model };
}

/**
 * The reviewer's comments were submitted: the domain sends the model back to the team (AppSec
 * only, a comment required); the review nudges stop, the stalled-draft reminder starts again and
 * the cards follow. The caller posts the comments in the thread.
 */
export async function requestChanges(
  deps: IdleReminderDeps & Pick<UseCaseDeps, 'appsec' | 'store' | 'clock' | 'cards'>,
  { ref, by, comment }: ChangesRequestInput & { comment: string },
): Promise<UseCaseOutcome<{ model: ThreatModel }>> {
  const isAppSec = await deps.appsec.isMember(ref.workspaceId, by);
  const { model, outcome } = await deps.store.update(ref, { actor: by, action: 'review.request_changes' }, (current) =>
    requestChangesOf(current, { by, at: deps.clock(), comment, isAppSec }),
  );
  if (!outcome.ok) return refuse(outcome.message);
  await deps.jobs.cancelReminder(ref, 'review');
  await scheduleIdle(deps, model);
  deps.cards.refresh(ref);
  return { ok: true, model };
}
