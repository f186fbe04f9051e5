import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { snoozeReminder as snooze } from '../../../use-cases/snooze-reminder';
import type { SlackServices } from '../../deps';
import { snoozedMessage } from '../../views/reminder-messages';
import { reviewTarget } from '../review-target';

/**
 * "Snooze 1 day" / "Snooze 3 days" on a nudge (`<kind>.<days>` in the button's value): the use
 * case decides who may and moves the reminder on; the nudge then shows until when.
 */
export function snoozeReminder(services: SlackServices) {
  return async ({
    ack,
    body,
    action,
    respond,
  }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs) => {
    await ack();
    await services.afterAck.run(async () => {
      const target = reviewTarget(services, { body, respond }, action.value);
      const [kind, daysText] = (target?.detail ?? '').split('.');
      const days = Number(daysText);
      if (!target || (kind !== 'review' && kind !== 'idle') || !(days === 1 || days === 3)) return;
      const outcome = await snooze(services, { ref: target.ref, by: target.userId, kind, days });
      if (!outcome.ok) return target.tell(outcome.message);
      const ts = body.message?.ts;
      if (ts) await services.client.chat.update({ channel: target.channel, ts, ...snoozedMessage(outcome.until) });
    });
  };
}
