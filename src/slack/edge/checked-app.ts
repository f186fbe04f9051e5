import { performance } from 'node:perf_hooks';
import { App, type AppOptions, type ReceiverEvent } from '@slack/bolt';
import type { Logger } from '../../logger';
import type { AckMetrics } from '../../ports/metrics';
import { BoltEnvelopeSchema } from './bolt-envelope';
import { issueSummary } from './refusals';
import { requestKind } from './request-kind';

/**
 * Bolt's App, acknowledging at once a body Bolt cannot route (no type it knows, an event without
 * an event, fields of the wrong kind where Bolt looks for ids): Bolt would leave it unanswered,
 * so Slack warns the person after 3 seconds and the log gets an error, or it would throw inside
 * Bolt. Such a body is logged as a warning, without a stack, and nothing else happens. The same
 * check covers HTTP and Socket Mode: both receivers hand every body to processEvent, which is
 * also where the time to each ack is measured, per kind of request.
 */
export class CheckedApp extends App {
  constructor(
    options: AppOptions,
    private readonly edgeLogger: Logger,
    private readonly ackMetrics?: AckMetrics,
  ) {
    super(options);
  }

  override async processEvent(received: ReceiverEvent): Promise<void> {
    const event = this.timed(received);
    const envelope = BoltEnvelopeSchema.safeParse(event.body);
    if (envelope.success) return super.processEvent(event);
    this.edgeLogger.warn({ issues: issueSummary(envelope.error) }, 'ignored a Slack payload of no known shape');
    await event.ack();
  }

  /** The event with an ack that reports how long after arrival it came (the first ack only: Bolt refuses a second). */
  private timed(event: ReceiverEvent): ReceiverEvent {
    const metrics = this.ackMetrics;
    if (!metrics) return event;
    const started = performance.now();
    const kind = requestKind(event.body);
    let acked = false;
    return {
      ...event,
      ack: (response) => {
        if (!acked) metrics.acked(kind, (performance.now() - started) / 1000);
        acked = true;
        return event.ack(response);
      },
    };
  }
}
