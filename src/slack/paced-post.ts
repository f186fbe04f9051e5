import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ChatPostMessageArguments, ChatPostMessageResponse, WebClient } from '@slack/web-api';
import type { ChannelPacer } from '../ports/channel-pacer';

/** The longest a paced post waits for its slot before it goes anyway. */
export const PACED_POST_MAX_WAIT_MS = 2500;

/**
 * A post someone is looking out for (a new model's card, an import's prompt), sent with the
 * interactive client but in its turn in the channel: the channel pacer the background posts and
 * the jobs share gives it a slot, so it neither lands inside Slack's second of another message of
 * the channel (and is refused) nor makes a greeting queued behind it be refused. Its slot is
 * normally now; a busy channel (a model being worked on in it) makes it wait a pace or two. Behind
 * a longer queue (a burst of greetings) it goes at once instead, ahead of those patient posts:
 * Slack may then refuse it, and the interactive client waits out that Retry-After once.
 */
export async function pacedPost(
  client: WebClient,
  pacer: ChannelPacer,
  message: ChatPostMessageArguments & { channel: string },
): Promise<ChatPostMessageResponse> {
  const deliveryId = randomUUID();
  const latest = Date.now() + PACED_POST_MAX_WAIT_MS;
  for (;;) {
    const waitMs = await pacer.turn(message.channel, deliveryId);
    if (waitMs === 0 || Date.now() + waitMs > latest) break;
    await sleep(waitMs);
  }
  const posted = await client.chat.postMessage(message);
  await pacer.posted(message.channel);
  return posted;
}
