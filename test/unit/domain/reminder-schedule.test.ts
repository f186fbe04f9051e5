import { FlowStepSchema, RemindersSchema } from '../../../src/domain/flow';
import {
  draftIdleNudgeAt,
  draftNudgeAudience,
  nextReviewNudgeAt,
  reviewDueAt,
  shouldEscalate,
} from '../../../src/domain/reminder-schedule';
import type { WorkCalendar } from '../../../src/domain/working-days';

// November 2026: Mon 16 … Fri 20, Sat 21, Sun 22, Mon 23, Thu 26 (US Thanksgiving). Berlin is UTC+1,
// Chicago UTC-6, Tokyo UTC+9. Expected values are UTC instants worked out by hand, local time beside.
const utc: WorkCalendar = { timeZone: 'UTC', holidays: [] };
const berlin: WorkCalendar = { timeZone: 'Europe/Berlin', holidays: [] };
const chicago: WorkCalendar = { timeZone: 'America/Chicago', holidays: ['2026-11-26'] };
const tokyo: WorkCalendar = { timeZone: 'Asia/Tokyo', holidays: ['2026-11-23'] };

// The timings flows/default.yaml ships, written out so that editing the flow does not move these dates.
const reminders = RemindersSchema.parse({
  draftIdle: { afterWorkingDays: 2, repeatEveryWorkingDays: 2, notifyRoleHoldersAfterNudges: 2, maxNudges: 5 },
  reviewOverdue: { localHour: 10, escalateAfterWorkingDays: 2 },
});
const threats = FlowStepSchema.parse({ id: 'threats', title: 'Identify threats', intro: 'What can go wrong?' });

const at = (iso: string) => new Date(iso);
const iso = (date: Date | undefined) => date?.toISOString();

describe('reminders', () => {
  describe('review reminders', () => {
    const overdue = reminders.reviewOverdue;

    describe('the due date', () => {
      it("is the SLA in working days after the request, counted in the reviewer's zone", () => {
        const requested = at('2026-11-21T01:00:00Z'); // Fri 19:00 in Chicago, already Sat 10:00 in Tokyo
        expect(iso(reviewDueAt(requested, 2, chicago))).toBe('2026-11-25T01:00:00.000Z'); // Tue 24 19:00 Chicago
        // In Tokyo counting starts on the next working day at 09:00: Mon 23 is a holiday, so Tue 24.
        expect(iso(reviewDueAt(requested, 2, tokyo))).toBe('2026-11-26T00:00:00.000Z'); // Thu 26 09:00 Tokyo
      });
    });

    describe('when the review is overdue', () => {
      const due = at('2026-11-19T13:00:00Z'); // Thu 14:00 Berlin

      it('nudges the reviewer first at the due time', () => {
        expect(iso(nextReviewNudgeAt(due, undefined, overdue, berlin))).toBe('2026-11-19T13:00:00.000Z');
      });

      it("then nudges once per working day at the reviewer's local hour, skipping the weekend", () => {
        const second = nextReviewNudgeAt(due, due, overdue, berlin);
        const third = nextReviewNudgeAt(due, second, overdue, berlin);
        expect([iso(second), iso(third)]).toEqual([
          '2026-11-20T09:00:00.000Z', // Fri 10:00 Berlin
          '2026-11-23T09:00:00.000Z', // Mon 10:00 Berlin
        ]);
      });

      it('waits for the next working day when a nudge went out late, after the local hour', () => {
        const sentFridayAfternoon = at('2026-11-20T15:00:00Z'); // Fri 16:00 Berlin
        expect(iso(nextReviewNudgeAt(due, sentFridayAfternoon, overdue, berlin))).toBe('2026-11-23T09:00:00.000Z');
      });

      it('starts over at the due date when the last nudge was for an earlier due date', () => {
        const nudgedBeforeTheDateMoved = at('2026-11-17T09:00:00Z');
        expect(iso(nextReviewNudgeAt(due, nudgedBeforeTheDateMoved, overdue, berlin))).toBe(iso(due));
      });
    });

    describe('escalation to the AppSec channel', () => {
      const dueFriday = at('2026-11-20T15:00:00Z');

      it('does not escalate before the due date or on the day it falls due', () => {
        expect(shouldEscalate(dueFriday, at('2026-11-19T15:00:00Z'), overdue, utc)).toBe(false);
        expect(shouldEscalate(dueFriday, at('2026-11-20T23:59:00Z'), overdue, utc)).toBe(false);
      });

      it('does not escalate after one overdue working day (the weekend does not count)', () => {
        expect(shouldEscalate(dueFriday, at('2026-11-23T23:59:00Z'), overdue, utc)).toBe(false); // Mon
      });

      it('escalates once the second overdue working day has begun', () => {
        expect(shouldEscalate(dueFriday, at('2026-11-24T00:00:00Z'), overdue, utc)).toBe(true); // Tue
      });

      it('does not count a holiday as an overdue day', () => {
        const mondayOff: WorkCalendar = { timeZone: 'UTC', holidays: ['2026-11-23'] };
        expect(shouldEscalate(dueFriday, at('2026-11-24T12:00:00Z'), overdue, mondayOff)).toBe(false); // Tue
        expect(shouldEscalate(dueFriday, at('2026-11-25T00:00:00Z'), overdue, mondayOff)).toBe(true); // Wed
      });

      it('follows the configured number of working days', () => {
        const afterOne = { ...overdue, escalateAfterWorkingDays: 1 };
        expect(shouldEscalate(dueFriday, at('2026-11-23T00:00:00Z'), afterOne, utc)).toBe(true); // Mon
      });
    });
  });

  describe('draft reminders', () => {
    const idle = reminders.draftIdle;
    const lastChange = at('2026-11-18T11:00:00Z'); // Wed 11:00

    describe('when nobody changes the draft', () => {
      it("nudges first after the flow's idle working days, then every repeat interval", () => {
        const schedule = [0, 1, 2, 3, 4].map((sent) => iso(draftIdleNudgeAt(lastChange, sent, threats, idle, utc)));
        expect(schedule).toEqual([
          '2026-11-20T11:00:00.000Z', // Fri: 2 working days after Wed
          '2026-11-24T11:00:00.000Z', // Tue: 2 after Fri
          '2026-11-26T11:00:00.000Z', // Thu
          '2026-11-30T11:00:00.000Z', // Mon
          '2026-12-02T11:00:00.000Z', // Wed
        ]);
      });

      it('stops after the maximum number of nudges', () => {
        expect(draftIdleNudgeAt(lastChange, 5, threats, idle, utc)).toBeUndefined();
        expect(draftIdleNudgeAt(lastChange, 1, threats, { ...idle, maxNudges: 1 }, utc)).toBeUndefined();
      });

      it("waits the step's own idle period when the step overrides it", () => {
        const slowStep = { ...threats, idleNudgeAfterWorkingDays: 5 };
        expect(iso(draftIdleNudgeAt(lastChange, 0, slowStep, idle, utc))).toBe('2026-11-25T11:00:00.000Z'); // Wed
        expect(iso(draftIdleNudgeAt(lastChange, 1, slowStep, idle, utc))).toBe('2026-11-27T11:00:00.000Z'); // Fri
      });

      it("skips the owner's holidays", () => {
        const tuesdayMorning = at('2026-11-24T16:00:00Z'); // Tue 10:00 Chicago
        // Wed 25, then Thu 26 is Thanksgiving, so the second working day is Fri 27.
        expect(iso(draftIdleNudgeAt(tuesdayMorning, 0, threats, idle, chicago))).toBe('2026-11-27T16:00:00.000Z');
      });

      it('counts from 09:00 on the next working day when the last change was at the weekend', () => {
        const saturday = at('2026-11-21T12:00:00Z');
        expect(iso(draftIdleNudgeAt(saturday, 0, threats, idle, utc))).toBe('2026-11-25T09:00:00.000Z'); // Wed
      });

      it('refuses a negative count of nudges sent', () => {
        expect(() => draftIdleNudgeAt(lastChange, -1, threats, idle, utc)).toThrow(RangeError);
      });
    });

    describe('who a nudge mentions', () => {
      it('mentions only the owner at first, and the role holders too after the configured number of nudges', () => {
        expect([1, 2, 3, 4, 5].map((nudge) => draftNudgeAudience(nudge, idle))).toEqual([
          'owner',
          'owner',
          'owner_and_role_holders',
          'owner_and_role_holders',
          'owner_and_role_holders',
        ]);
      });

      it('brings in the role holders from the second nudge when the flow says after one', () => {
        const afterOne = { ...idle, notifyRoleHoldersAfterNudges: 1 };
        expect([1, 2].map((nudge) => draftNudgeAudience(nudge, afterOne))).toEqual(['owner', 'owner_and_role_holders']);
      });
    });
  });
});
