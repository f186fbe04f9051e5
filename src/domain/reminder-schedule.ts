import type { FlowStep, Reminders } from './flow';
import { addWorkingDays, nextWorkingDayAt, type WorkCalendar, workingDaysBetween } from './working-days';

/**
 * When reminders fire, as pure functions of the flow's `reminders:` timings, the calendar of the
 * person reminded, and instants passed in. The jobs that send reminders ask these functions when
 * the next one is due; nothing here reads the clock or knows about Slack.
 */

/** Who a draft-idle nudge mentions: the owner alone, or the owner and the model's role holders. */
export type DraftNudgeAudience = 'owner' | 'owner_and_role_holders';

/** A review requested at `requestedAt` is due `slaWorkingDays` working days later (see `addWorkingDays`). */
export function reviewDueAt(requestedAt: Date, slaWorkingDays: number, calendar: WorkCalendar): Date {
  return addWorkingDays(requestedAt, slaWorkingDays, calendar);
}

/**
 * When to nudge the reviewer of an overdue review next: the first nudge at `dueAt`, each later
 * one at `localHour` on the next working day strictly after the last nudge, so at most one a
 * working day. A last nudge before `dueAt` belongs to an earlier due date (the review was
 * reassigned or the date moved), so the schedule starts over at `dueAt`.
 */
export function nextReviewNudgeAt(
  dueAt: Date,
  lastNudgeAt: Date | undefined,
  reminders: Reminders['reviewOverdue'],
  calendar: WorkCalendar,
): Date {
  if (!lastNudgeAt || lastNudgeAt.getTime() < dueAt.getTime()) return dueAt;
  return nextWorkingDayAt(lastNudgeAt, reminders.localHour, calendar);
}

/**
 * Whether the AppSec channel should hear of an overdue review: once `escalateAfterWorkingDays`
 * working days have begun since the due date's local day (see `workingDaysBetween`), so a review
 * due on Friday with 2 days escalates from the start of Tuesday.
 */
export function shouldEscalate(
  dueAt: Date,
  now: Date,
  reminders: Reminders['reviewOverdue'],
  calendar: WorkCalendar,
): boolean {
  return workingDaysBetween(dueAt, now, calendar) >= reminders.escalateAfterWorkingDays;
}

/**
 * When to send nudge number `nudgesSent + 1` about a draft nobody has changed since
 * `lastChangeAt`: the first after the step's `idleNudgeAfterWorkingDays` (else the flow's
 * `afterWorkingDays`) working days, each later one `repeatEveryWorkingDays` working days after the
 * previous scheduled one. Counted from the schedule, not from when a nudge was actually sent, so
 * a late job does not push the rest back. `undefined` once `maxNudges` have been sent.
 */
export function draftIdleNudgeAt(
  lastChangeAt: Date,
  nudgesSent: number,
  step: FlowStep,
  reminders: Reminders['draftIdle'],
  calendar: WorkCalendar,
): Date | undefined {
  if (!Number.isInteger(nudgesSent) || nudgesSent < 0) {
    throw new RangeError(`nudges sent must be a whole number >= 0: ${nudgesSent}`);
  }
  if (nudgesSent >= reminders.maxNudges) return undefined;
  const first = addWorkingDays(lastChangeAt, step.idleNudgeAfterWorkingDays ?? reminders.afterWorkingDays, calendar);
  return addWorkingDays(first, nudgesSent * reminders.repeatEveryWorkingDays, calendar);
}

/**
 * Who nudge number `nudgeNumber` (1 for the first) mentions: the owner alone at first; from
 * nudge `notifyRoleHoldersAfterNudges + 1` on, the role holders too, since the owner has not
 * answered.
 */
export function draftNudgeAudience(nudgeNumber: number, reminders: Reminders['draftIdle']): DraftNudgeAudience {
  return nudgeNumber > reminders.notifyRoleHoldersAfterNudges ? 'owner_and_role_holders' : 'owner';
}
