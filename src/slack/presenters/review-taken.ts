import type { TakenReview } from '../../use-cases/claim-review';
import type { SlackServices } from '../deps';
import { slackDate } from '../views/slack-dates';
import { notice } from '../views/thread-messages';

/**
 * Say in the review card's thread who has the review now, and when it is due: after a claim or
 * a hand-over. `who` is the sentence's start ("<@U1> claimed this review"). Queued in the
 * background lane (the workspace's budget, the AppSec channel's pace); this returns at once.
 */
export function announceTakenReview(
  services: Pick<SlackServices, 'threadPosts'>,
  { model, card }: TakenReview,
  who: string,
): void {
  if (!card) return;
  const dueAt = model.review?.dueAt;
  services.threadPosts.post(
    { workspaceId: model.workspaceId, channel: card.channel },
    { thread_ts: card.ts, ...notice(`${who}${dueAt ? `; due ${slackDate(dueAt)}` : ''}.`) },
  );
}
