import type { UseCaseDeps } from './use-case-deps';

/** Long enough for Slack's retries of one event (a few minutes), with room to spare. */
const ONE_HOUR = 60 * 60 * 1000;

/**
 * Answer a Slack event at most once: Slack redelivers an event it thinks timed out
 * (`x-slack-retry-num`), and a redelivery must not post the answer twice. Keyed by the event id.
 * Resolves to whether the answer was given this time.
 */
export async function answerEventOnce(
  deps: Pick<UseCaseDeps, 'idempotency'>,
  { eventId }: { eventId: string },
  answer: () => Promise<void>,
): Promise<{ answered: boolean }> {
  const result = await deps.idempotency.once(`event:${eventId}`, ONE_HOUR, answer);
  return { answered: result.ran };
}
