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
  return isWorkingDate(localTime(instant, calendar.timeZone).date, calendar);
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
  const local = localTime(start, calendar.timeZone);
  let date = local.date;
  for (let counted = 0; counted < days; ) {
    date = nextDate(date);
    if (isWorkingDate(date, calendar)) counted += 1;
  }
  // The start's wall clock on the date reached, not one step per day, so a DST gap does not drift.
  return date === local.date ? start : atLocalTime(date, local.msOfDay, calendar.timeZone);
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
  // Ends: the holiday list is finite, so a working day always comes within it and two weekends.
  for (let date = localTime(after, calendar.timeZone).date; ; date = nextDate(date)) {
    if (!isWorkingDate(date, calendar)) continue;
    const candidate = atLocalTime(date, localHour * HOUR_MS, calendar.timeZone);
    if (candidate.getTime() > after.getTime()) return candidate;
  }
}

/**
 * How many working days lie after `from`'s local date, up to and including `to`'s local date:
 * from Friday to the next Tuesday is 2 (Monday, Tuesday), from Monday 09:00 to Monday 17:00 is 0.
 * 0 when `to` is not after `from`.
 */
export function workingDaysBetween(from: Date, to: Date, calendar: WorkCalendar): number {
  if (to.getTime() <= from.getTime()) return 0;
  const last = localTime(to, calendar.timeZone).date;
  let count = 0;
  for (let date = nextDate(localTime(from, calendar.timeZone).date); date <= last; date = nextDate(date)) {
    if (isWorkingDate(date, calendar)) count += 1;
  }
  return count;
}

/*
 * Local dates and times by the platform's own time-zone data (Intl), with one formatter per zone.
 * Dates are 'YYYY-MM-DD' strings (they sort as dates, and holidays are written so); calendar
 * arithmetic on them is done in UTC, where every day has 24 hours. This runs after every change
 * to a model (reminders are rescheduled), so it avoids building zoned dates per step: one
 * formatToParts per instant read, and at most three per wall-clock time turned into an instant.
 */

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // Throws a RangeError for a zone the runtime does not know, as the functions above promise.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    if (formatters.size < 1000) formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The local wall clock of an instant, as the UTC milliseconds of the same wall-clock reading. */
function wallClock(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const { year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  return Date.UTC(year, month - 1, day, hour, minute, second, ((instant % 1000) + 1000) % 1000);
}

/** The instant's local date ('YYYY-MM-DD') and time of day (milliseconds since local midnight). */
function localTime(instant: Date, timeZone: string): { date: string; msOfDay: number } {
  const wall = wallClock(instant.getTime(), timeZone);
  const msOfDay = ((wall % DAY_MS) + DAY_MS) % DAY_MS;
  return { date: new Date(wall - msOfDay).toISOString().slice(0, 10), msOfDay };
}

/**
 * The instant at local `msOfDay` on local `date`. Of the zone's offsets around that time, the one
 * that reads back as the wall clock asked for; inside a spring-forward gap (none reads back) the
 * offset from before the gap, which moves the time forward by the gap's length; in the hour a
 * fall-back repeats, the later of the two instants (as date-fns' zoned dates had it).
 */
function atLocalTime(date: string, msOfDay: number, timeZone: string): Date {
  const wall = Date.parse(`${date}T00:00:00Z`) + msOfDay;
  const offsets = [...new Set([-DAY_MS / 2, 0, DAY_MS / 2].map((d) => wallClock(wall + d, timeZone) - (wall + d)))];
  const fitting = offsets.map((offset) => wall - offset).filter((t) => wallClock(t, timeZone) === wall);
  if (fitting.length > 0) return new Date(Math.max(...fitting));
  return new Date(wall - Math.min(...offsets));
}

function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

function isWorkingDate(date: string, calendar: WorkCalendar): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !calendar.holidays.includes(date);
}
