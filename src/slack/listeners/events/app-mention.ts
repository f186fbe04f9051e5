import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { answerEventOnce } from '../../../use-cases/answer-event-once';
import type { SlackServices } from '../../deps';
import { helpMessage } from '../../views/command-responses';

/**
 * "@Threadmodel" in a channel: answer with help in the thread, once per event id (Slack
 * redelivers an event it thinks timed out). The answer is a post in the channel like any
 * other notice: the background lane, at the channel's pace.
 */
export function appMention(services: SlackServices) {
  return async ({ event, body }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs) => {
    const eventId = (body as { event_id?: string }).event_id ?? `${event.channel}:${event.ts}`;
    await answerEventOnce(services, { eventId }, async () => {
      const { response_type: _type, ...help } = helpMessage();
      services.threadPosts.post(
        { workspaceId: body.team_id, channel: event.channel },
        { thread_ts: event.thread_ts ?? event.ts, ...help },
      );
    });
  };
}
