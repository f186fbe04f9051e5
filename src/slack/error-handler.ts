import { randomUUID } from 'node:crypto';
import type { WebClient } from '@slack/web-api';
import type { Logger } from '../logger';
import { notice } from './views/thread-messages';

interface Where {
  channel?: string;
  user?: string;
  threadTs?: string;
}

/** Where to tell the user, from any payload shape Bolt hands the error handler. */
function whereFrom(body: unknown): Where {
  const b = (body ?? {}) as Record<string, unknown>;
  const nested = (key: string) => (b[key] as { id?: string } | undefined)?.id;
  const message = b.message as { thread_ts?: string; ts?: string } | undefined;
  const event = b.event as { channel?: string; user?: string; thread_ts?: string; ts?: string } | undefined;
  return {
    channel: (b.channel_id as string | undefined) ?? nested('channel') ?? event?.channel,
    user: (b.user_id as string | undefined) ?? nested('user') ?? event?.user,
    threadTs: message?.thread_ts ?? event?.thread_ts,
  };
}

/**
 * The one global error handler: log the error with a short correlation id and tell the user, in
 * a message only they see, that something failed and the id to quote. Never raw error text.
 */
export function globalErrorHandler(client: WebClient, logger: Logger) {
  return async ({ error, body }: { error: Error; body?: unknown }): Promise<void> => {
    const ref = randomUUID().slice(0, 8);
    const where = whereFrom(body);
    logger.error({ err: error, ref, channel: where.channel, user: where.user }, 'listener failed');
    if (!where.channel || !where.user) return;
    try {
      await client.chat.postEphemeral({
        channel: where.channel,
        user: where.user,
        ...(where.threadTs && { thread_ts: where.threadTs }),
        ...notice(
          `Sorry, something went wrong on my side (ref \`${ref}\`). Nothing you saved before was lost; please try again.`,
        ),
      });
    } catch (tellError) {
      logger.warn({ err: tellError, ref }, 'could not tell the user about an error');
    }
  };
}
