import type { WebClient } from '@slack/web-api';
import type { Logger } from '../../logger';
import { failedCallFields } from '../slack-errors';
import { notice } from '../views/thread-messages';

/**
 * Tell one user something only they see, in the model's thread when there is one. Failing to
 * tell (the user left the channel) is logged, never thrown: the change itself already stands.
 */
export async function tellUser(
  client: WebClient,
  logger: Logger,
  where: { channel: string; threadTs?: string | undefined },
  userId: string,
  text: string,
): Promise<void> {
  try {
    await client.chat.postEphemeral({
      channel: where.channel,
      user: userId,
      ...(where.threadTs && { thread_ts: where.threadTs }),
      ...notice(text),
    });
  } catch (error) {
    // Slack's refusal (the user left, the channel is gone, a rate limit) is an answer, not a fault.
    logger.warn(
      { ...failedCallFields(error), channel: where.channel, user: userId },
      'could not post an ephemeral message',
    );
  }
}
