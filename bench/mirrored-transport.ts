/**
 * The driver's transport for `npm run bench:slack`: every delivery goes, as signed HTTP, to the
 * app and at the same moment to a bare Bolt app that only acknowledges, and both round trips are
 * timed. The bare app is the floor under exactly the same load; the driver sees the app's answer.
 */
import { type Delivery, HttpTransport, type Transport } from '../dev/stand-in/driver-transport';
import type { AppResponse } from '../dev/stand-in/signed-requests';
import type { TimedRequest } from './slack-protocol';

type Timed = { ms: number } & ({ response: AppResponse } | { error: unknown });

async function timed(send: () => Promise<AppResponse>): Promise<Timed> {
  const started = performance.now();
  try {
    const response = await send();
    return { ms: performance.now() - started, response };
  } catch (error) {
    return { ms: performance.now() - started, error };
  }
}

/** command, or the interaction payload's type (block_actions, view_submission…), or event. */
function typeOf(delivery: Delivery): string {
  if (delivery.kind !== 'interaction') return delivery.kind;
  return typeof delivery.payload.type === 'string' ? delivery.payload.type : 'interaction';
}

function triggerOf(delivery: Delivery): string | undefined {
  const trigger =
    delivery.kind === 'command'
      ? delivery.fields.trigger_id
      : delivery.kind === 'interaction'
        ? delivery.payload.trigger_id
        : undefined;
  return typeof trigger === 'string' ? trigger : undefined;
}

export class MirroredTransport implements Transport {
  /** The trigger_id the last delivery carried (undefined for one without). */
  lastTriggerId: string | undefined;
  private readonly app: HttpTransport;
  private readonly bare: HttpTransport;

  constructor(
    urls: { app: string; bare: string },
    signingSecret: string,
    private readonly record: (request: TimedRequest) => void,
  ) {
    this.app = new HttpTransport(urls.app, signingSecret);
    this.bare = new HttpTransport(urls.bare, signingSecret);
  }

  async deliver(delivery: Delivery): Promise<AppResponse> {
    this.lastTriggerId = triggerOf(delivery);
    const at = Date.now();
    const [app, bare] = await Promise.all([
      timed(() => this.app.deliver(delivery)),
      timed(() => this.bare.deliver(delivery)),
    ]);
    const status = 'response' in app ? app.response.status : 0;
    this.record({ type: typeOf(delivery), at, appMs: app.ms, bareMs: bare.ms, status });
    if ('error' in app) throw app.error;
    return app.response;
  }

  /** Replays to the app only. */
  replayLast(): Promise<AppResponse> {
    return this.app.replayLast();
  }
}
