import { createHash } from 'node:crypto';
import type { App, ReceiverEvent } from '@slack/bolt';
import type { Logger } from '../logger';
import type { Idempotency } from '../ports/idempotency';

/**
 * How long a submission's answer is kept: Bolt refuses a signed request whose timestamp is more
 * than 5 minutes old, so a replay can only come within that window; 10 minutes leaves room for
 * clocks that disagree.
 */
export const SUBMISSION_WINDOW_MS = 10 * 60_000;

/**
 * How long a repeat waits for the answer of a first submission still being handled. Slack gives
 * the request 3 seconds; the repeat is answered plainly, having done nothing, when this runs out.
 */
export const REPEAT_WAIT_MS = 1_500;

type Ack = ReceiverEvent['ack'];

/** What the ledger keeps of an ack: its body, `{}` for a plain ack (`response` left out). */
const encode = (response: unknown) => JSON.stringify({ response });
const decode = (answer: string): unknown => (JSON.parse(answer) as { response?: unknown }).response;

/**
 * Which submission this is: the same view (id and hash, which Slack changes whenever the view
 * is updated) submitted with the same values by the same person. A form corrected after inline
 * errors keeps its id and hash but not its values, so it is a new submission; a replay is the
 * same signed bytes, so it has the same key.
 */
export function submissionKey(body: ReceiverEvent['body']): string | undefined {
  if (body.type !== 'view_submission') return undefined;
  const { team, user, view } = body as {
    team?: { id?: unknown } | null;
    user?: { id?: unknown } | null;
    view?: { id?: unknown; hash?: unknown; state?: { values?: unknown } } | null;
  };
  const which = [team?.id, user?.id, view?.id, view?.hash, view?.state?.values];
  return `view-submission:${createHash('sha256').update(JSON.stringify(which)).digest('hex')}`;
}

/**
 * An answer that shows inline errors says the submission was refused and nothing was done: the
 * ledger lets it go, so the same values submitted again (after the person joined the channel, say)
 * are judged afresh instead of refused from memory. Listeners answer `errors` only before acting.
 */
const keepsAnswer = (response: unknown) =>
  (response as { response_action?: unknown } | undefined)?.response_action !== 'errors';

/**
 * Every `view_submission` acts once: the first is handled as usual and its ack recorded in the
 * idempotency ledger (Redis, shared by every replica); the same submission again, replayed by a
 * proxy, a double submit or someone who captured the signed request, gets the recorded answer
 * and reaches no listener. A repeat arriving while the first is still being handled waits
 * briefly for its answer, or is acknowledged plainly without acting.
 *
 * Why here and not in a middleware: Bolt hands middleware and listeners each a copy of the
 * listener arguments, so no middleware can replace the `ack` a listener calls. `processEvent` is
 * where both receivers (HTTP and Socket Mode) hand the app the body with the ack that answers
 * Slack, so the wrapped ack records exactly what was sent, and a replay is answered with it.
 */
export function answerViewSubmissionsOnce(app: App, ledger: Idempotency, logger: Logger): void {
  const processEvent = app.processEvent.bind(app);
  app.processEvent = async (event) => {
    const key = submissionKey(event.body);
    if (!key) return processEvent(event);
    const claim = await ledger.claimAnswer(key, SUBMISSION_WINDOW_MS, REPEAT_WAIT_MS);
    if (claim.state !== 'claimed') {
      const callbackId = (event.body.view as { callback_id?: unknown } | undefined)?.callback_id;
      logger.info({ callbackId, answer: claim.state }, 'a repeated view submission was not handled again');
      return event.ack(claim.state === 'answered' ? decode(claim.answer) : undefined);
    }
    let answered = false;
    const ack: Ack = async (response) => {
      if (!answered) {
        answered = true;
        if (keepsAnswer(response)) await ledger.recordAnswer(key, encode(response));
        else await ledger.release(key);
      }
      await event.ack(response);
    };
    try {
      await processEvent({ ...event, ack });
    } finally {
      // Nobody answered (the listener failed first): Slack showed an error, so let a retry act.
      if (!answered) await ledger.release(key);
    }
  };
}
