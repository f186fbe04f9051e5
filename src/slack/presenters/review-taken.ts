import type { TakenReview } from '../../use-cases/claim-review';
import type { SlackServices } from '../deps';
import { slackDate } from '../views/slack-dates';
import { notice } from '../views/thread-messages';

/**
 * Say in the review card's thread who has the review now, and when it is due: after a claim or
 * a hand-over. `who` is the sentence's start ("<@U1> claimed this review").
 */
export async function announceTakenReview(
  services: Pick<SlackServices, 'client'>,
  { model, card }: TakenReview,
  who: string,
): Promise<void> {
  if (!card) return;
  const dueAt = model.review?.dueAt;
  await services.client.chat.postMessage({
    channel: card.channel,
    thread_ts: card.ts,
    ...notice(`${who}${dueAt ? `; due ${slackDate(dueAt)}` : ''}.`),
  });
}
