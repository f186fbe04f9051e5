import { flowStep } from '../../domain/flow';
import { EDITABLE_STATUSES } from '../../domain/model';
import { draftIdleNudgeAt, draftNudgeAudience } from '../../domain/reminder-schedule';
import { ROLES } from '../../domain/roles';
import { DraftIdleJobSchema } from '../../ports/job-payloads';
import { draftIdleMessage } from '../../slack/views/reminder-messages';
import { type ProcessorDeps, parsePayload } from './processor-deps';

/**
 * A draft that has not changed for the flow's idle period: nudge its owner in the thread, and
 * after a few unanswered nudges the role holders too. A draft that moved since starts its idle
 * period again and sends nothing; one in review, approved or archived ends the reminder.
 */
export async function processDraftIdle(deps: ProcessorDeps, data: unknown, jobId: string): Promise<void> {
  const job = parsePayload(DraftIdleJobSchema, data);
  const model = await deps.store.get({ workspaceId: job.workspaceId, modelId: job.modelId });
  if (!model || !EDITABLE_STATUSES.includes(model.status) || !model.threadTs) return;
  if (model.updatedAt !== job.lastChangeAt) {
    await deps.coordinator.scheduleIdle(model);
    return;
  }
  const rules = deps.flow.reminders.draftIdle;
  const everyone = draftNudgeAudience(job.nudge, rules) === 'owner_and_role_holders';
  const mentions = [...new Set([model.ownerId, ...(everyone ? ROLES.flatMap((role) => model.roles[role]) : [])])];
  await deps.delivery.post(jobId, {
    channel: model.channelId,
    thread_ts: model.threadTs,
    ...draftIdleMessage(model, mentions, deps.clock()),
  });
  const calendar = await deps.coordinator.calendarOf(model.ownerId);
  const step = flowStep(deps.flow, model.currentStep);
  const next = draftIdleNudgeAt(new Date(job.lastChangeAt), job.nudge, step, rules, calendar);
  if (!next) return;
  const { snoozedUntil: _snoozed, ...rest } = job;
  await deps.jobs.scheduleDraftIdle({ ...rest, nudge: job.nudge + 1 }, next);
}
