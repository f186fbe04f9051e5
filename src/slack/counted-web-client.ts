import { type WebAPICallResult, WebClient, type WebClientOptions } from '@slack/web-api';
import type { SlackCallMetrics, SlackLane } from '../ports/metrics';
import { rateLimitedFor } from './slack-errors';

/** Which lane a client is, and where its calls are counted (none: not counted, as in most unit tests). */
export interface CallCounting {
  lane: SlackLane;
  metrics: SlackCallMetrics | undefined;
  /**
   * OAuth mode: the bot token of the workspace a call is for, resolved per call (the client then
   * has no token of its own). It throws when the workspace is not installed.
   */
  tokenFor?: () => Promise<string>;
}

/**
 * A Web API client that counts each call it makes by lane, method and outcome (answered, Slack's
 * error, 429 or `ratelimited`). The lanes' clients extend it, so every call the app makes to
 * Slack is counted once per attempt.
 */
export class CountedWebClient extends WebClient {
  // A plain field (not `private`): TypeScript would not let a class with private members stand for a WebClient.
  readonly counting: CallCounting;

  constructor(token: string | undefined, options: WebClientOptions, counting: CallCounting) {
    super(token, options);
    this.counting = counting;
  }

  override async apiCall(method: string, given?: Record<string, unknown>): Promise<WebAPICallResult> {
    const { lane, metrics, tokenFor } = this.counting;
    // files.uploadV2's own calls come back through here and get the token then.
    const options =
      tokenFor && given?.token === undefined && method !== 'files.uploadV2'
        ? { ...given, token: await tokenFor() }
        : given;
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
