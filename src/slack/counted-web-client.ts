import { type WebAPICallResult, WebClient, type WebClientOptions } from '@slack/web-api';
import type { SlackCallMetrics, SlackLane } from '../ports/metrics';
import { rateLimitedFor } from './slack-errors';

/** Which lane a client is, and where its calls are counted (none: not counted, as in most unit tests). */
export interface CallCounting {
  lane: SlackLane;
  metrics: SlackCallMetrics | undefined;
}

/**
 * A Web API client that counts each call it makes by lane, method and outcome (answered, Slack's
 * error, 429 or `ratelimited`). The lanes' clients extend it, so every call the app makes to
 * Slack is counted once per attempt.
 */
export class CountedWebClient extends WebClient {
  // A plain field (not `private`): TypeScript would not let a class with private members stand for a WebClient.
  readonly counting: CallCounting;

  constructor(token: string, options: WebClientOptions, counting: CallCounting) {
    super(token, options);
    this.counting = counting;
  }

  override async apiCall(method: string, options?: Record<string, unknown>): Promise<WebAPICallResult> {
    const { lane, metrics } = this.counting;
    // files.uploadV2 is made of calls that come back through here; those are the ones counted.
    if (!metrics || method === 'files.uploadV2') return super.apiCall(method, options);
    try {
      const result = await super.apiCall(method, options);
      metrics.slackCall(lane, method, 'ok');
      return result;
    } catch (error) {
      metrics.slackCall(lane, method, rateLimitedFor(error) === undefined ? 'error' : 'rate_limited');
      throw error;
    }
  }
}
