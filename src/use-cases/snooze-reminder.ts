import { isParticipant } from '../domain/review-workflow';
import { addWorkingDays } from '../domain/working-days';
import type { ReminderKind } from '../ports/job-payloads';
import type { ModelRef } from '../ports/model-store';
import { refuse, type UseCaseOutcome } from './outcome';
import { calendarOf } from './review-calendar';
import type { UseCaseDeps } from './use-case-deps';

export interface SnoozeInput {
  ref: ModelRef;
  /** Who pressed "Snooze". */
  by: string;
  kind: ReminderKind;
  /** How many working days on, in the snoozer's calendar. */
  days: number;
}

/**
 * "Snooze" on a nudge: the pending reminder moves that many working days on in the snoozer's
 * calendar. Only the reviewer snoozes a review nudge; only the model's team (owner or a role
 * holder) a stalled-draft nudge. Returns until when, for the nudge to say so.
 */
export async function snoozeReminder(
  deps: Pick<UseCaseDeps, 'jobs' | 'store' | 'clock' | 'timeZones' | 'logger' | 'settings'>,
  { ref, by, kind, days }: SnoozeInput,
): Promise<UseCaseOutcome<{ until: Date }>> {
  const ended = refuse('That reminder has already ended: there is nothing left to snooze.');
  const until = async () => addWorkingDays(deps.clock(), days, await calendarOf(deps, ref.workspaceId, by));
  if (kind === 'review') {
    const pending = await deps.jobs.pendingReminder(ref, 'review');
    if (!pending) return ended;
    if (pending.data.reviewerId !== by) return refuse('Only the reviewer can snooze this reminder.');
    const at = await until();
    await deps.jobs.scheduleReviewNudge({ ...pending.data, snoozedUntil: at.toISOString() }, at);
    return { ok: true, until: at };
  }
  const pending = await deps.jobs.pendingReminder(ref, 'idle');
  if (!pending) return ended;
  const model = await deps.store.get(ref);
  if (!model) return ended;
  if (!isParticipant(model, by)) return refuse(`Only the team of ${model.id} can snooze this reminder.`);
  const at = await until();
  await deps.jobs.scheduleDraftIdle({ ...pending.data, snoozedUntil: at.toISOString() }, at);
  return { ok: true, until: at };
}
