import { tz } from '@date-fns/tz';
import { addDays, differenceInCalendarDays, format, isWeekend, set } from 'date-fns';

/**
 * Working-day arithmetic in one time zone, for review due dates and reminders. A reviewer in
 * Tokyo and a team in Chicago see different weekends for the same instant, so every function
 * takes the calendar of the person the deadline is for. Pure: time is always a parameter, and
 * every result is a plain `Date` (an instant), never a zoned date.
 */

/**
 * Where and when people work: an IANA time zone (e.g. 'Europe/Berlin') and the public holidays
 * observed there, as local dates 'YYYY-MM-DD' in that zone. Saturday and Sunday are never working
 * days. Build one with `calendarFor`, which falls back to UTC for a missing or unknown zone; the
 * functions below throw a `RangeError` for a calendar whose zone does not exist.
 */
export interface WorkCalendar {
  timeZone: string;
  holidays: readonly string[];
}

/** Local hour at which counting starts when a working-day span begins on a weekend or holiday. */
export const WORKDAY_START_HOUR = 9;

/** The zone used when a person's own zone is missing or unknown. */
export const FALLBACK_TIME_ZONE = 'UTC';

/** Whether the runtime knows the time zone, e.g. 'America/Chicago' (true) or 'Mars/Olympus' (false). */
export function isValidTimeZone(name: string): boolean {
  if (name.trim() === '') return false;
  const known = checkedZones.get(name);
  if (known !== undefined) return known;
  let valid: boolean;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    valid = true;
  } catch {
    valid = false;
  }
  // A handful of zones are seen again and again; building a formatter each time is what costs.
  if (checkedZones.size < 1000) checkedZones.set(name, valid);
  return valid;
}

const checkedZones = new Map<string, boolean>();

/**
 * A calendar for a zone that may come from outside (a Slack profile, a config file): a missing
 * or unknown zone becomes UTC, so a bad value costs accuracy of a few hours, never a crash.
 */
export function calendarFor(timeZone: string | undefined, holidays: readonly string[]): WorkCalendar {
  return {
    timeZone: timeZone !== undefined && isValidTimeZone(timeZone) ? timeZone : FALLBACK_TIME_ZONE,
    holidays: [...holidays],
  };
}

/** Whether the instant's local date in the calendar's zone is a weekday that is not a holiday. */
export function isWorkingDay(instant: Date, calendar: WorkCalendar): boolean {
  const context = inZone(calendar);
  return !isWeekend(instant, context) && !calendar.holidays.includes(format(instant, 'yyyy-MM-dd', context));
}

/**
 * The same local wall-clock time `days` working days later, skipping weekends and holidays; the
 * wall clock is kept across a daylight-saving change (10:00 stays 10:00, so the UTC time moves).
 *
 * Start-on-a-rest-day rule: when `from` falls on a weekend or holiday, counting starts at 09:00
 * local on the next working day, and `days` working days are added to that. So a request on
 * Saturday 14:00 with 1 working day is due Tuesday 09:00 (Monday 09:00 plus one working day), and
 * with 0 days Monday 09:00. A wall-clock time that does not exist on the target day (inside a
 * spring-forward gap) moves forward by the length of the gap.
 */
export function addWorkingDays(from: Date, days: number, calendar: WorkCalendar): Date {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`working days must be a whole number >= 0: ${days}`);
  const start = isWorkingDay(from, calendar) ? from : nextWorkingDayAt(from, WORKDAY_START_HOUR, calendar);
  let offset = 0;
  for (let counted = 0; counted < days; ) {
    offset += 1;
    if (isWorkingDay(middayOfDayAfter(start, offset, calendar), calendar)) counted += 1;
  }
  // One step from the start, not one per day, so a time shifted by a DST gap does not drift.
  return instant(addDays(start, offset, inZone(calendar)));
}

/**
 * The first instant strictly after `after` that is `localHour`:00 local time on a working day:
 * later today if the hour is still to come and today is a working day, else on the next working
 * day (Friday 11:00 with hour 10 gives Monday 10:00). In a spring-forward gap the hour moves
 * forward by the length of the gap.
 */
export function nextWorkingDayAt(after: Date, localHour: number, calendar: WorkCalendar): Date {
  if (!Number.isInteger(localHour) || localHour < 0 || localHour > 23) {
    throw new RangeError(`local hour must be a whole number from 0 to 23: ${localHour}`);
  }
  const context = inZone(calendar);
  // Ends: the holiday list is finite, so a working day always comes within it and two weekends.
  for (let offset = 0; ; offset += 1) {
    const day = middayOfDayAfter(after, offset, calendar);
    if (!isWorkingDay(day, calendar)) continue;
    const candidate = set(day, { hours: localHour, minutes: 0, seconds: 0, milliseconds: 0 }, context);
    if (candidate.getTime() > after.getTime()) return instant(candidate);
  }
}

/**
 * How many working days lie after `from`'s local date, up to and including `to`'s local date:
 * from Friday to the next Tuesday is 2 (Monday, Tuesday), from Monday 09:00 to Monday 17:00 is 0.
 * 0 when `to` is not after `from`.
 */
export function workingDaysBetween(from: Date, to: Date, calendar: WorkCalendar): number {
  if (to.getTime() <= from.getTime()) return 0;
  const span = differenceInCalendarDays(to, from, inZone(calendar));
  let count = 0;
  for (let offset = 1; offset <= span; offset += 1) {
    if (isWorkingDay(middayOfDayAfter(from, offset, calendar), calendar)) count += 1;
  }
  return count;
}

function inZone(calendar: WorkCalendar) {
  return { in: tz(calendar.timeZone) };
}

/**
 * Noon local on the local date `days` after the instant's. Every local day has a noon, so
 * stepping by it never skips or repeats a date around a daylight-saving change.
 */
function middayOfDayAfter(from: Date, days: number, calendar: WorkCalendar): Date {
  const context = inZone(calendar);
  return addDays(set(from, { hours: 12, minutes: 0, seconds: 0, milliseconds: 0 }, context), days, context);
}

/** A plain Date for a zoned one: callers store and compare instants (`toISOString()` in UTC). */
function instant(date: Date): Date {
  return new Date(date.getTime());
}
