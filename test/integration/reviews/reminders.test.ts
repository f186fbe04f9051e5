import { USERS } from '../../../dev/stand-in/workspace';
import { addWorkingDays, calendarFor } from '../../../src/domain/working-days';
import { type ReviewNudgeJob, ReviewNudgeJobSchema } from '../../../src/ports/job-payloads';
import { eventually } from '../../support/eventually';
import {
  APPSEC_CHANNEL,
  approveFromCard,
  appsecCards,
  REF,
  requestReview,
  startCompleteModel,
} from '../../support/review-scenarios';
import { useSlackApp } from '../../support/slack-app-fixture';
import { CHANNEL } from '../../support/slack-scenarios';

const { ALICE, BOB, APPSEC1 } = USERS;
const REVIEWER_DM = `D${APPSEC1.id.slice(1)}`;
const DAY = 24 * 60 * 60 * 1000;

describe('reminders', () => {
  let now = new Date();
  const ctx = useSlackApp({ clock: () => now });
  beforeEach(() => {
    now = new Date();
  });

  const dms = () => ctx.standIn.messages(REVIEWER_DM);
  /** Every job has finished: nothing waiting or running (delayed reminders may stay). */
  const drained = async () => {
    await eventually('the queues to drain', async () => {
      const counts = await Promise.all(
        Object.values(ctx.runtime.queues).map((queue) => queue.getJobCounts('waiting', 'active', 'prioritized')),
      );
      return counts.every((c) => (c.waiting ?? 0) + (c.active ?? 0) + (c.prioritized ?? 0) === 0);
    });
    await ctx.settle();
  };
  async function inReview() {
    await startCompleteModel(ctx);
    await requestReview(ctx);
    await appsecCards(ctx);
    await drained();
  }
  const pendingNudge = async (): Promise<ReviewNudgeJob> => {
    const pending = await ctx.runtime.jobs.pendingReminder(REF, 'review');
    return ReviewNudgeJobSchema.parse(pending?.data);
  };

  describe('when a review is overdue', () => {
    it('sends the reviewer one DM when the reminder comes due, then schedules the next working day', async () => {
      await inReview();
      const first = await ctx.runtime.jobs.pendingReminder(REF, 'review');
      expect(first?.at.toISOString()).toBe((await ctx.model()).review?.dueAt);

      now = new Date(Date.parse((await ctx.model()).review?.dueAt ?? '') + 60_000);
      await ctx.runtime.promoteDelayed();
      await eventually('the DM', () => dms().length > 0);
      await drained();
      expect(dms()).toHaveLength(1);
      expect(dms()[0]?.text).toContain('The AppSec review of *TM-1*');
      const next = await pendingNudge();
      expect(next.nudge).toBe(2);
      const at = (await ctx.runtime.jobs.pendingReminder(REF, 'review'))?.at;
      // The next one is at 10:00 in Berlin on a working day.
      const local = new Intl.DateTimeFormat('en-GB', {
        timeZone: APPSEC1.tz,
        hour: '2-digit',
        weekday: 'short',
      }).format(at);
      expect(local).toMatch(/^(Mon|Tue|Wed|Thu|Fri),? 10$/);
    });

    it('sends nothing for a reminder that comes due after the review was approved', async () => {
      await inReview();
      const stale = await pendingNudge();
      await approveFromCard(ctx, APPSEC1.id);
      expect(await ctx.runtime.jobs.pendingReminder(REF, 'review')).toBeUndefined();
      // A reminder that escaped cancellation (say it was already running) checks the state when it fires.
      await ctx.runtime.jobs.scheduleReviewNudge({ ...stale, nudge: 5 }, now);
      await drained();
      expect(dms()).toHaveLength(0);
      expect(await ctx.runtime.jobs.pendingReminder(REF, 'review')).toBeUndefined();
    });

    it('escalates to the AppSec channel once it is overdue for the configured working days', async () => {
      await inReview();
      now = new Date(Date.parse((await ctx.model()).review?.dueAt ?? '') + 7 * DAY);
      await ctx.runtime.promoteDelayed();
      await eventually('the escalation', () => ctx.standIn.messages(APPSEC_CHANNEL).length >= 2);
      await drained();
      const escalation = ctx.standIn.messages(APPSEC_CHANNEL).at(-1)?.text ?? '';
      expect(escalation).toContain(`The review of *TM-1* ${'Refunds API'} by <@${APPSEC1.id}> is overdue`);
      expect((await pendingNudge()).escalated).toBe(true);

      // The next nudge does not escalate again.
      await ctx.runtime.promoteDelayed();
      await eventually('the second DM', () => dms().length >= 2);
      await drained();
      expect(ctx.standIn.messages(APPSEC_CHANNEL)).toHaveLength(2);
    });

    it('still delivers the DM exactly once when Slack answers 429 with Retry-After: 1 three times', async () => {
      await inReview();
      ctx.standIn.failNext('chat.postMessage', { status: 429, retryAfter: 1, times: 3 });
      await ctx.runtime.promoteDelayed();
      await eventually('the DM after the rate limits', () => dms().length > 0, 15_000);
      await drained();
      expect(dms()).toHaveLength(1);
      const refused = ctx.standIn.calls.filter((call) => call.method === 'chat.postMessage' && call.status === 429);
      expect(refused).toHaveLength(3);
    });

    it('lets the reviewer snooze the nudge for three working days', async () => {
      await inReview();
      await ctx.runtime.promoteDelayed();
      await eventually('the DM', () => dms().length > 0);
      await drained();
      await ctx.driver.clickButton(APPSEC1.id, 'reminder.snooze.3', { channel: REVIEWER_DM });
      await ctx.settle();
      const pending = await ctx.runtime.jobs.pendingReminder(REF, 'review');
      const until = addWorkingDays(now, 3, calendarFor(APPSEC1.tz, []));
      expect(pending?.at.toISOString()).toBe(until.toISOString());
      expect((await pendingNudge()).snoozedUntil).toBe(until.toISOString());
      expect(dms()[0]?.text).toContain('Snoozed until');
      expect(JSON.stringify(dms()[0]?.blocks)).not.toContain('reminder.snooze');
    });
  });

  describe('when a draft stalls', () => {
    const thread = async () => ctx.standIn.thread(CHANNEL, (await ctx.model()).threadTs ?? '');

    it('nudges the owner in the thread after the idle period, with snooze buttons', async () => {
      await ctx.driver.command(ALICE.id, CHANNEL, 'start Refunds API');
      await drained();
      const pending = await ctx.runtime.jobs.pendingReminder(REF, 'idle');
      const model = await ctx.model();
      expect(pending?.data).toMatchObject({ lastChangeAt: model.updatedAt, nudge: 1 });
      expect(pending?.at.getTime()).toBeGreaterThan(Date.parse(model.updatedAt) + DAY);

      now = new Date(Date.now() + 5 * DAY);
      await ctx.runtime.promoteDelayed();
      const nudge = await eventually('the idle nudge', async () =>
        (await thread()).find((message) => message.text.includes('has not changed for')),
      );
      expect(nudge.text).toContain(`<@${ALICE.id}>`);
      expect(JSON.stringify(nudge.blocks)).toContain('reminder.snooze.1');
      await drained();
      expect(await ctx.runtime.jobs.pendingReminder(REF, 'idle')).toMatchObject({ data: { nudge: 2 } });
    });

    it('sends nothing when the draft moved, and starts the idle period again from the change', async () => {
      await ctx.driver.command(ALICE.id, CHANNEL, 'start Refunds API');
      await drained();
      const { model } = await ctx.store.update(REF, { actor: BOB.id, action: 'seed' }, (m) => ({
        ...m,
        roles: { ...m.roles, adversary: [BOB.id] },
      }));
      await ctx.runtime.promoteDelayed();
      await eventually('the idle reminder to move on', async () => {
        const pending = await ctx.runtime.jobs.pendingReminder(REF, 'idle');
        return (pending?.data as { lastChangeAt?: string } | undefined)?.lastChangeAt === model.updatedAt;
      });
      expect((await thread()).some((message) => message.text.includes('has not changed for'))).toBe(false);
    });
  });
});
