import { flowStep } from '../domain/flow';
import { EDITABLE_STATUSES, type ThreatModel } from '../domain/model';
import { draftIdleNudgeAt, draftNudgeAudience } from '../domain/reminder-schedule';
import { ROLES } from '../domain/roles';
import type { DraftIdleJob } from '../ports/job-payloads';
import { calendarOf } from './review-calendar';
import type { UseCaseDeps } from './use-case-deps';

export type IdleReminderDeps = Pick<UseCaseDeps, 'flow' | 'jobs' | 'timeZones' | 'logger' | 'settings'>;

/**
 * Start (or restart) the stalled-draft reminder from the model's last change, in the owner's
 * calendar: after a model starts, after changes are requested, and when a nudge finds the draft
 * moved. Nothing is scheduled when the flow sends no idle nudges.
 */
export async function scheduleIdle(deps: IdleReminderDeps, model: ThreatModel): Promise<void> {
  const { flow, jobs } = deps;
  const calendar = await calendarOf(deps, model.workspaceId, model.ownerId);
  const at = draftIdleNudgeAt(
    new Date(model.updatedAt),
    0,
    flowStep(flow, model.currentStep),
    flow.reminders.draftIdle,
    calendar,
  );
  if (!at) return;
  await jobs.scheduleDraftIdle(
    { workspaceId: model.workspaceId, modelId: model.id, lastChangeAt: model.updatedAt, nudge: 1 },
    at,
  );
}

/** What a stalled-draft nudge that came due should do. */
export type DraftNudge =
  /** Send it to the thread, mentioning these people. */
  | { due: true; model: ThreatModel; mentions: string[] }
  /** Send nothing: the draft left editing, has no thread, or moved (its idle period started again). */
  | { due: false };

/**
 * A stalled-draft nudge came due: whether it is still about a draft nobody changed since, and
 * whom it mentions (the owner; after a few unanswered nudges the role holders too). A draft
 * that moved since has its idle period started again from that change.
 */
export async function dueDraftNudge(
  deps: IdleReminderDeps & Pick<UseCaseDeps, 'store'>,
  job: DraftIdleJob,
): Promise<DraftNudge> {
  const model = await deps.store.get({ workspaceId: job.workspaceId, modelId: job.modelId });
  if (!model || !EDITABLE_STATUSES.includes(model.status) || !model.threadTs) return { due: false };
  if (model.updatedAt !== job.lastChangeAt) {
    await scheduleIdle(deps, model);
    return { due: false };
  }
  const everyone = draftNudgeAudience(job.nudge, deps.flow.reminders.draftIdle) === 'owner_and_role_holders';
  const mentions = [...new Set([model.ownerId, ...(everyone ? ROLES.flatMap((role) => model.roles[role]) : [])])];
  return { due: true, model, mentions };
}

/**
 * After a stalled-draft nudge was sent: schedule the next one, counted from the last change in
 * the owner's calendar, until the flow's last nudge. A snooze applies to one nudge only.
 */
export async function scheduleNextDraftNudge(
  deps: IdleReminderDeps,
  job: DraftIdleJob,
  model: ThreatModel,
): Promise<void> {
  const calendar = await calendarOf(deps, model.workspaceId, model.ownerId);
  const step = flowStep(deps.flow, model.currentStep);
  const next = draftIdleNudgeAt(new Date(job.lastChangeAt), job.nudge, step, deps.flow.reminders.draftIdle, calendar);
  if (!next) return;
  const { snoozedUntil: _snoozed, ...rest } = job;
  await deps.jobs.scheduleDraftIdle({ ...rest, nudge: job.nudge + 1 }, next);
}
