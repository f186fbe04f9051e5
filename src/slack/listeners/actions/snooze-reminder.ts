import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { isParticipant } from '../../../domain/review-workflow';
import { addWorkingDays } from '../../../domain/working-days';
import { DraftIdleJobSchema, ReviewNudgeJobSchema } from '../../../ports/job-payloads';
import type { SlackServices } from '../../deps';
import { snoozedMessage } from '../../views/reminder-messages';
import { reviewTarget } from '../review-target';

/**
 * "Snooze 1 day" / "Snooze 3 days" on a nudge: the pending reminder moves that many working days
 * on (in the user's time zone) and the nudge shows until when. The reviewer snoozes a review
 * nudge; the owner or a role holder a stalled-draft nudge.
 */
export function snoozeReminder(services: SlackServices) {
  return async ({ ack, body, action }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs) => {
    await ack();
    await services.afterAck.run(async () => {
      const target = reviewTarget(services, body, action.value);
      const [kind, daysText] = (target?.detail ?? '').split('.');
      const days = Number(daysText);
      if (!target || (kind !== 'review' && kind !== 'idle') || !(days === 1 || days === 3)) return;
      const { ref, userId, tell } = target;
      const pending = await services.jobs.pendingReminder(ref, kind);
      if (!pending) return tell('That reminder has already ended: there is nothing left to snooze.');
      const until = addWorkingDays(services.clock(), days, await services.reviews.calendarOf(userId));
      if (kind === 'review') {
        const job = ReviewNudgeJobSchema.safeParse(pending.data);
        if (!job.success) return;
        if (job.data.reviewerId !== userId) return tell('Only the reviewer can snooze this reminder.');
        await services.jobs.scheduleReviewNudge({ ...job.data, snoozedUntil: until.toISOString() }, until);
      } else {
        const job = DraftIdleJobSchema.safeParse(pending.data);
        const model = await services.store.get(ref);
        if (!job.success || !model) return;
        if (!isParticipant(model, userId)) return tell(`Only the team of ${model.id} can snooze this reminder.`);
        await services.jobs.scheduleDraftIdle({ ...job.data, snoozedUntil: until.toISOString() }, until);
      }
      const ts = body.message?.ts;
      if (ts) await services.client.chat.update({ channel: target.channel, ts, ...snoozedMessage(until) });
    });
  };
}
