import { calendarFor, type WorkCalendar } from '../domain/working-days';
import type { UseCaseDeps } from './use-case-deps';

/**
 * A user's working calendar: their Slack time zone and their workspace's holidays. Due dates, nudge
 * hours and snoozes are counted in the calendar of the person they concern. A time zone that
 * cannot be read (Slack down, user gone) falls back to UTC rather than failing the action.
 */
export async function calendarOf(
  deps: Pick<UseCaseDeps, 'timeZones' | 'logger' | 'settings'>,
  workspaceId: string,
  userId: string,
): Promise<WorkCalendar> {
  const [zone, settings] = await Promise.all([
    deps.timeZones.of(userId).catch((error: unknown) => {
      deps.logger.warn({ err: error, user: userId }, 'could not read a time zone; using UTC');
      return undefined;
    }),
    deps.settings.forWorkspace(workspaceId),
  ]);
  return calendarFor(zone, settings.review.holidays);
}
