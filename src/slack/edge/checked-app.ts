import { App, type AppOptions, type ReceiverEvent } from '@slack/bolt';
import type { Logger } from '../../logger';
import { BoltEnvelopeSchema } from './bolt-envelope';
import { issueSummary } from './refusals';

/**
 * Bolt's App, acknowledging at once a body Bolt cannot route (no type it knows, an event without
 * an event, fields of the wrong kind where Bolt looks for ids): Bolt would leave it unanswered,
 * so Slack warns the person after 3 seconds and the log gets an error, or it would throw inside
 * Bolt. Such a body is logged as a warning, without a stack, and nothing else happens. The same
 * check covers HTTP and Socket Mode: both receivers hand every body to processEvent.
 */
export class CheckedApp extends App {
  constructor(
    options: AppOptions,
    private readonly edgeLogger: Logger,
  ) {
    super(options);
  }

  override async processEvent(event: ReceiverEvent): Promise<void> {
    const envelope = BoltEnvelopeSchema.safeParse(event.body);
    if (envelope.success) return super.processEvent(event);
    this.edgeLogger.warn({ issues: issueSummary(envelope.error) }, 'ignored a Slack payload of no known shape');
    await event.ack();
  }
}
