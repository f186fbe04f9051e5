import { randomUUID } from 'node:crypto';
import { ErrorCode as BoltErrorCode, type RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { ReplicaUnconfirmedError, SlackBusyError } from '../errors';
import type { Logger } from '../logger';
import { failedCallFields, rateLimitedFor } from './slack-errors';
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

/** The workspace a payload names (for the log). */
function teamOf(body: unknown): string | undefined {
  const b = (body ?? {}) as { team_id?: unknown; team?: { id?: unknown } | null };
  const team = b.team_id ?? b.team?.id;
  return typeof team === 'string' ? team.slice(0, 40) : undefined;
}

/** What failed, as the person and the log are told. */
interface Failure {
  /** Said to the person, only to them. */
  text: string;
  log: (where: Where) => void;
}

/**
 * Slack refusing a call with a rate limit is not a fault of ours: a warning without a stack, and
 * the person is told when to try again. Anything else is an error, logged with its stack.
 */
function failureOf(error: Error, ref: string, logger: Logger): Failure {
  const seconds = error instanceof SlackBusyError ? error.retryAfterSeconds : rateLimitedFor(error);
  if (seconds !== undefined) {
    const method = error instanceof SlackBusyError ? error.method : undefined;
    return {
      text: `Slack is busy right now, so that did not go through. Please try again in ${seconds} second${seconds === 1 ? '' : 's'}.`,
      log: (where) => logger.warn({ ref, method, retryAfterSeconds: seconds, ...where }, 'Slack is busy'),
    };
  }
  if (error instanceof ReplicaUnconfirmedError) {
    return {
      text: replicaUnconfirmedText(error, ref),
      log: (where) =>
        logger.warn(
          { ref, modelId: error.modelId, wanted: error.wanted, confirmed: error.confirmed, ...where },
          'change not confirmed by enough Redis replicas in time',
        ),
    };
  }
  return {
    text: `Sorry, something went wrong on my side (ref \`${ref}\`). Nothing you saved before was lost; please try again.`,
    log: (where) => logger.error({ err: error, ref, channel: where.channel, user: where.user }, 'listener failed'),
  };
}

/**
 * The change is saved on the primary and everyone sees it, but it is not yet known to be safe
 * from the primary failing: say exactly that, and what to do about it, not "saved" and not "failed".
 */
function replicaUnconfirmedText(error: ReplicaUnconfirmedError, ref: string): string {
  const seconds = Math.max(1, Math.round(error.timeoutMs / 1000));
  return (
    `Your change to *${error.modelId}* was saved, but the database could not confirm a backup copy within ${seconds} second${seconds === 1 ? '' : 's'} (ref \`${ref}\`). ` +
    'It will most likely be copied in a moment; if the database server fails before that, this last change could be lost. ' +
    'Check the model in a minute and make the change again if it is missing. Everything saved before is safe.'
  );
}

/**
 * The one global error handler: log the error with a short correlation id and tell the user, in
 * a message only they see, that something failed and the id to quote (or, when Slack is busy,
 * when to try again). Never raw error text. The request's response_url (`respond`, when it has
 * one) answers first; without one, or if it fails, chat.postEphemeral: never silence.
 */
export function globalErrorHandler(client: WebClient, logger: Logger) {
  return async ({ error, body, respond }: { error: Error; body?: unknown; respond?: RespondFn }): Promise<void> => {
    const ref = randomUUID().slice(0, 8);
    const where = whereFrom(body);
    // OAuth mode: a request from a workspace with no installation. Nothing ran, and there is no
    // token to answer with (nor anyone of ours to answer): a warning, without a stack.
    if ((error as { code?: unknown }).code === BoltErrorCode.AuthorizationError) {
      logger.warn({ ref, team: teamOf(body), ...where }, 'refused a request from a workspace with no installation');
      return;
    }
    const failure = failureOf(error, ref, logger);
    failure.log(where);
    const thread = where.threadTs && { thread_ts: where.threadTs };
    // The request's response_url first: it spends none of chat.postEphemeral's per-workspace
    // budget (Tier 4), which a busy Slack may just have refused, and it reaches non-members too.
    if (respond) {
      try {
        await respond({ response_type: 'ephemeral', replace_original: false, ...thread, ...notice(failure.text) });
        return;
      } catch (respondError) {
        logger.warn({ ...failedCallFields(respondError), ref }, 'could not answer through the response_url');
      }
    }
    if (!where.channel || !where.user) return;
    try {
      await client.chat.postEphemeral({ channel: where.channel, user: where.user, ...thread, ...notice(failure.text) });
    } catch (tellError) {
      logger.warn({ ...failedCallFields(tellError), ref }, 'could not tell the user about an error');
    }
  };
}
