import { LogLevel, WebClient, type WebClientOptions } from '@slack/web-api';
import type { SlackStandIn } from '../../../dev/stand-in/stand-in-server';

/** A real @slack/web-api client pointed at the stand-in, without retries. */
export function clientFor(standIn: SlackStandIn, options: WebClientOptions = {}, token = standIn.token): WebClient {
  return new WebClient(token, {
    slackApiUrl: standIn.apiUrl,
    retryConfig: { retries: 0 },
    logLevel: LogLevel.ERROR,
    ...options,
  });
}
