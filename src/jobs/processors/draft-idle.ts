import { DraftIdleJobSchema } from '../../ports/job-payloads';
import { draftIdleMessage } from '../../slack/views/reminder-messages';
import { dueDraftNudge, scheduleNextDraftNudge } from '../../use-cases/idle-reminder';
import { type ProcessorDeps, parsePayload } from './processor-deps';

/**
 * A draft that has not changed for the flow's idle period: the use case says whether the nudge
 * is still due (a draft that moved starts its idle period again; one in review, approved or
 * archived ends the reminder) and whom it mentions; it goes to the thread, and the next follows.
 */
export async function processDraftIdle(deps: ProcessorDeps, data: unknown, jobId: string): Promise<void> {
  const job = parsePayload(DraftIdleJobSchema, data);
  const nudge = await dueDraftNudge(deps, job);
  if (!nudge.due) return;
  const { model, mentions } = nudge;
  await deps.delivery.post(jobId, {
    channel: model.channelId,
    thread_ts: model.threadTs,
    ...draftIdleMessage(model, mentions, deps.clock()),
  });
  await scheduleNextDraftNudge(deps, job, model);
}
