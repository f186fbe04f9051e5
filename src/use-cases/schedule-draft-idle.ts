import { flowStep } from '../domain/flow';
import type { ThreatModel } from '../domain/model';
import { draftIdleNudgeAt } from '../domain/reminder-schedule';
import { calendarFor } from '../domain/working-days';
import type { UseCaseDeps } from './use-case-deps';

/**
 * Start (or restart) a draft's stalled-draft reminder from its last change, in the owner's
 * working calendar (their Slack time zone, UTC when it cannot be read, and the holidays).
 * The same rule as ReviewCoordinator.scheduleIdle, for the use cases.
 */
export async function scheduleDraftIdle(
  deps: Pick<UseCaseDeps, 'flow' | 'jobs' | 'timeZones' | 'logger' | 'reviewSettings'>,
  model: ThreatModel,
): Promise<void> {
  const zone = await deps.timeZones.of(model.ownerId).catch((error: unknown) => {
    deps.logger.warn({ err: error, user: model.ownerId }, 'could not read a time zone; using UTC');
    return undefined;
  });
  const calendar = calendarFor(zone, deps.reviewSettings.holidays);
  const at = draftIdleNudgeAt(
    new Date(model.updatedAt),
    0,
    flowStep(deps.flow, model.currentStep),
    deps.flow.reminders.draftIdle,
    calendar,
  );
  if (!at) return;
  await deps.jobs.scheduleDraftIdle(
    { workspaceId: model.workspaceId, modelId: model.id, lastChangeAt: model.updatedAt, nudge: 1 },
    at,
  );
}
