import {
  addWorkingDays,
  calendarFor,
  isValidTimeZone,
  isWorkingDay,
  nextWorkingDayAt,
  type WorkCalendar,
  workingDaysBetween,
} from '../../../src/domain/working-days';

// November 2026: Mon 16 … Fri 20, Sat 21, Sun 22, Mon 23 (a holiday in Japan), Thu 26 (US
// Thanksgiving). Chicago is UTC-6 and Tokyo UTC+9 then. Europe/Berlin leaves summer time on
// Sunday 25 October 2026 (UTC+2 -> UTC+1) and enters it on Sunday 29 March 2026 (UTC+1 -> UTC+2).
// Expected values are written as UTC instants, worked out by hand, with the local time beside.
const utc: WorkCalendar = { timeZone: 'UTC', holidays: [] };
const chicago: WorkCalendar = { timeZone: 'America/Chicago', holidays: ['2026-11-26', '2026-12-25'] };
const tokyo: WorkCalendar = { timeZone: 'Asia/Tokyo', holidays: [] };
const tokyoWithHolidays: WorkCalendar = { timeZone: 'Asia/Tokyo', holidays: ['2026-11-03', '2026-11-23'] };
const berlin: WorkCalendar = { timeZone: 'Europe/Berlin', holidays: [] };

const at = (iso: string) => new Date(iso);
const iso = (date: Date) => date.toISOString();

describe('working days', () => {
  describe('which days are working days', () => {
    it('counts Monday to Friday and not Saturday or Sunday', () => {
      expect(isWorkingDay(at('2026-11-16T12:00:00Z'), utc)).toBe(true); // Monday
      expect(isWorkingDay(at('2026-11-20T12:00:00Z'), utc)).toBe(true); // Friday
      expect(isWorkingDay(at('2026-11-21T12:00:00Z'), utc)).toBe(false); // Saturday
      expect(isWorkingDay(at('2026-11-22T12:00:00Z'), utc)).toBe(false); // Sunday
    });

    it('does not count a listed holiday', () => {
      expect(isWorkingDay(at('2026-11-26T18:00:00Z'), chicago)).toBe(false); // Thanksgiving, 12:00 local
      expect(isWorkingDay(at('2026-11-27T18:00:00Z'), chicago)).toBe(true);
    });

    it('judges the local date in the calendar zone, so one instant can be Friday in Chicago and Saturday in Tokyo', () => {
      const fridayEveningInChicago = at('2026-11-21T01:00:00Z'); // Fri 19:00 Chicago, Sat 10:00 Tokyo
      expect(isWorkingDay(fridayEveningInChicago, chicago)).toBe(true);
      expect(isWorkingDay(fridayEveningInChicago, tokyo)).toBe(false);
    });

    it('applies a holiday to the local date, not the UTC date', () => {
      const mondayMorningInTokyo = at('2026-11-22T23:30:00Z'); // Sunday in UTC, Mon 23 08:30 in Tokyo
      expect(isWorkingDay(mondayMorningInTokyo, tokyo)).toBe(true);
      expect(isWorkingDay(mondayMorningInTokyo, tokyoWithHolidays)).toBe(false);
    });
  });

  describe('adding working days', () => {
    it('keeps the local time of day and skips the weekend', () => {
      expect(iso(addWorkingDays(at('2026-11-19T14:00:00Z'), 2, utc))).toBe('2026-11-23T14:00:00.000Z'); // Thu -> Mon
    });

    it('skips holidays', () => {
      const wednesdayAfternoon = at('2026-11-25T21:00:00Z'); // Wed 15:00 Chicago
      expect(iso(addWorkingDays(wednesdayAfternoon, 1, chicago))).toBe('2026-11-27T21:00:00.000Z'); // Fri 15:00
      expect(iso(addWorkingDays(wednesdayAfternoon, 2, chicago))).toBe('2026-11-30T21:00:00.000Z'); // Mon 15:00
    });

    it('returns the start itself for 0 days on a working day', () => {
      expect(iso(addWorkingDays(at('2026-11-18T16:45:12.345Z'), 0, utc))).toBe('2026-11-18T16:45:12.345Z');
    });

    describe('when the start falls on a weekend or holiday', () => {
      it('starts counting at 09:00 local on the next working day, so Saturday 14:00 plus 1 is Tuesday 09:00', () => {
        expect(iso(addWorkingDays(at('2026-11-21T14:00:00Z'), 1, utc))).toBe('2026-11-24T09:00:00.000Z');
      });

      it('with 0 days is the next working day at 09:00', () => {
        expect(iso(addWorkingDays(at('2026-11-22T23:59:00Z'), 0, utc))).toBe('2026-11-23T09:00:00.000Z'); // Sun -> Mon
      });

      it('treats a holiday like a weekend day', () => {
        const thanksgivingMorning = at('2026-11-26T16:00:00Z'); // Thu 10:00 Chicago, a holiday
        // Counting starts Fri 27 09:00 local; one working day later is Mon 30 09:00 local (15:00 UTC).
        expect(iso(addWorkingDays(thanksgivingMorning, 1, chicago))).toBe('2026-11-30T15:00:00.000Z');
      });
    });

    describe('in different time zones', () => {
      const requested = at('2026-11-21T01:00:00Z'); // Fri 19:00 in Chicago, Sat 10:00 in Tokyo

      it('counts from Friday evening in Chicago', () => {
        expect(iso(addWorkingDays(requested, 2, chicago))).toBe('2026-11-25T01:00:00.000Z'); // Tue 24 19:00 Chicago
      });

      it('counts from Monday 09:00 in Tokyo, where the same instant is already Saturday', () => {
        expect(iso(addWorkingDays(requested, 2, tokyo))).toBe('2026-11-25T00:00:00.000Z'); // Wed 25 09:00 Tokyo
      });

      it("starts on Tuesday in Tokyo when Monday is one of Tokyo's holidays", () => {
        expect(iso(addWorkingDays(requested, 2, tokyoWithHolidays))).toBe('2026-11-26T00:00:00.000Z'); // Thu 09:00
      });
    });

    describe('across a daylight-saving change', () => {
      it('keeps the Berlin wall clock when summer time ends at the end of October 2026', () => {
        const fridayTenAm = at('2026-10-23T08:00:00Z'); // Fri 10:00 CEST (UTC+2)
        const due = addWorkingDays(fridayTenAm, 1, berlin);
        expect(iso(due)).toBe('2026-10-26T09:00:00.000Z'); // Mon 10:00 CET (UTC+1)
        expect(due.getTime() - fridayTenAm.getTime()).toBe(73 * 3_600_000); // the weekend had 49 hours
      });

      it('keeps the Berlin wall clock when summer time starts at the end of March 2026', () => {
        const fridayTenAm = at('2026-03-27T09:00:00Z'); // Fri 10:00 CET (UTC+1)
        expect(iso(addWorkingDays(fridayTenAm, 1, berlin))).toBe('2026-03-30T08:00:00.000Z'); // Mon 10:00 CEST
      });
    });

    it('refuses a negative or fractional number of days', () => {
      expect(() => addWorkingDays(at('2026-11-18T10:00:00Z'), -1, utc)).toThrow(RangeError);
      expect(() => addWorkingDays(at('2026-11-18T10:00:00Z'), 1.5, utc)).toThrow(RangeError);
    });
  });

  describe('the next working day at a local hour', () => {
    it('is later the same day when the hour is still to come', () => {
      const wednesdayNine = at('2026-11-18T08:00:00Z'); // Wed 09:00 Berlin (UTC+1)
      expect(iso(nextWorkingDayAt(wednesdayNine, 10, berlin))).toBe('2026-11-18T09:00:00.000Z'); // Wed 10:00
    });

    it('is strictly after the given instant, so exactly on the hour gives the next working day', () => {
      const wednesdayTen = at('2026-11-18T09:00:00Z'); // Wed 10:00 Berlin
      expect(iso(nextWorkingDayAt(wednesdayTen, 10, berlin))).toBe('2026-11-19T09:00:00.000Z'); // Thu 10:00
    });

    it('is Monday when asked on Friday after the hour', () => {
      const fridayHalfPastEleven = at('2026-11-20T10:30:00Z'); // Fri 11:30 Berlin
      expect(iso(nextWorkingDayAt(fridayHalfPastEleven, 10, berlin))).toBe('2026-11-23T09:00:00.000Z'); // Mon 10:00
    });

    it('skips a holiday', () => {
      const wednesdayNoon = at('2026-11-25T18:00:00Z'); // Wed 12:00 Chicago
      expect(iso(nextWorkingDayAt(wednesdayNoon, 10, chicago))).toBe('2026-11-27T16:00:00.000Z'); // Fri 10:00
    });

    it('keeps the local hour across the end of summer time', () => {
      const fridayNoon = at('2026-10-23T10:00:00Z'); // Fri 12:00 CEST
      expect(iso(nextWorkingDayAt(fridayNoon, 10, berlin))).toBe('2026-10-26T09:00:00.000Z'); // Mon 10:00 CET
    });

    it('refuses an hour outside 0 to 23', () => {
      expect(() => nextWorkingDayAt(at('2026-11-18T10:00:00Z'), 24, utc)).toThrow(RangeError);
    });
  });

  describe('counting working days between two instants', () => {
    it('counts the working days after the first local date up to and including the last', () => {
      expect(workingDaysBetween(at('2026-11-20T15:00:00Z'), at('2026-11-24T08:00:00Z'), utc)).toBe(2); // Fri -> Tue
    });

    it('is 0 within one local day', () => {
      expect(workingDaysBetween(at('2026-11-16T09:00:00Z'), at('2026-11-16T17:00:00Z'), utc)).toBe(0);
    });

    it('is 0 when the end is not after the start', () => {
      expect(workingDaysBetween(at('2026-11-24T08:00:00Z'), at('2026-11-20T15:00:00Z'), utc)).toBe(0);
      expect(workingDaysBetween(at('2026-11-24T08:00:00Z'), at('2026-11-24T08:00:00Z'), utc)).toBe(0);
    });

    it('does not count holidays', () => {
      // Wed 25 noon -> Mon 30 noon in Chicago: Thu 26 (holiday), Fri 27, Sat, Sun, Mon 30.
      expect(workingDaysBetween(at('2026-11-25T18:00:00Z'), at('2026-11-30T18:00:00Z'), chicago)).toBe(2);
    });

    it('uses the local dates of the calendar zone', () => {
      const from = at('2026-11-20T23:00:00Z'); // Fri 17:00 Chicago, Sat 08:00 Tokyo
      const to = at('2026-11-23T01:00:00Z'); // Sun 19:00 Chicago, Mon 10:00 Tokyo
      expect(workingDaysBetween(from, to, chicago)).toBe(0);
      expect(workingDaysBetween(from, to, tokyo)).toBe(1);
    });

    it('counts local dates across the end of summer time', () => {
      const fridayNight = at('2026-10-23T20:00:00Z'); // Fri 22:00 CEST
      const justAfterMidnightTuesday = at('2026-10-26T23:30:00Z'); // Tue 00:30 CET
      expect(workingDaysBetween(fridayNight, justAfterMidnightTuesday, berlin)).toBe(2); // Mon, Tue
    });
  });

  // Cairo changes its clocks on working days: on Friday 24 April 2026 midnight does not happen
  // (00:00 EET -> 01:00 EEST), and on Thursday 29 October 2026 the hour from 23:00 comes twice
  // (24:00 EEST -> 23:00 EET).
  describe('on a working day whose clock jumps', () => {
    const cairo: WorkCalendar = { timeZone: 'Africa/Cairo', holidays: [] };

    it('moves a wall-clock time inside the spring-forward gap forward by the gap', () => {
      const thursdayEvening = at('2026-04-23T18:00:00Z'); // Thu 20:00 EET
      expect(iso(nextWorkingDayAt(thursdayEvening, 0, cairo))).toBe('2026-04-23T22:00:00.000Z'); // Fri 01:00 EEST
      const thursdayHalfPastMidnight = at('2026-04-22T22:30:00Z'); // Thu 00:30 EET
      expect(iso(addWorkingDays(thursdayHalfPastMidnight, 1, cairo))).toBe('2026-04-23T22:30:00.000Z'); // Fri 01:30 EEST
    });

    it('takes the later of the two instants in the hour a fall-back repeats', () => {
      const wednesdayLate = at('2026-10-28T20:15:00Z'); // Wed 23:15 EEST
      expect(iso(addWorkingDays(wednesdayLate, 1, cairo))).toBe('2026-10-29T21:15:00.000Z'); // Thu 23:15 EET
    });
  });

  describe('time zones from outside', () => {
    it('recognises IANA zone names and rejects unknown or empty ones', () => {
      expect(isValidTimeZone('Europe/Berlin')).toBe(true);
      expect(isValidTimeZone('UTC')).toBe(true);
      expect(isValidTimeZone('Mars/Olympus')).toBe(false);
      expect(isValidTimeZone('')).toBe(false);
    });

    it('builds a calendar in the given zone with its holidays', () => {
      expect(calendarFor('Asia/Tokyo', ['2026-11-23'])).toEqual({ timeZone: 'Asia/Tokyo', holidays: ['2026-11-23'] });
    });

    it('falls back to UTC for a missing or unknown zone, keeping the holidays', () => {
      expect(calendarFor(undefined, ['2026-12-25'])).toEqual({ timeZone: 'UTC', holidays: ['2026-12-25'] });
      expect(calendarFor('Mars/Olympus', [])).toEqual({ timeZone: 'UTC', holidays: [] });
    });

    it('gives a fallback calendar that works like UTC, where a hand-built one with a bad zone throws', () => {
      const saturday = at('2026-11-21T14:00:00Z');
      expect(iso(addWorkingDays(saturday, 1, calendarFor('Mars/Olympus', [])))).toBe('2026-11-24T09:00:00.000Z');
      expect(() => addWorkingDays(saturday, 1, { timeZone: 'Mars/Olympus', holidays: [] })).toThrow(RangeError);
    });
  });
});
