import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackServices } from '../../deps';
import { helpMessage } from '../../views/command-responses';

const ONE_HOUR = 60 * 60 * 1000;

/**
 * "@Threadmodel" in a channel: answer with help in the thread. Slack redelivers an event it
 * thinks timed out (`x-slack-retry-num`); the answer is posted once per event id.
 */
export function appMention(services: SlackServices) {
  return async ({ event, body }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs) => {
    const eventId = (body as { event_id?: string }).event_id ?? `${event.channel}:${event.ts}`;
    await services.idempotency.once(`event:${eventId}`, ONE_HOUR, async () => {
      const { response_type: _type, ...help } = helpMessage();
      await services.client.chat.postMessage({
        channel: event.channel,
        thread_ts: event.thread_ts ?? event.ts,
        ...help,
      });
    });
  };
}
