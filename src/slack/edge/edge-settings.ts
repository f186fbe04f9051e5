import type { WebClient } from '@slack/web-api';
import type { Logger } from '../../logger';

/** The workspace (and Enterprise Grid organisation) the bot token belongs to, as auth.test says. */
export interface HomeWorkspace {
  teamId: string;
  enterpriseId?: string;
}

/** What the edge needs to check payloads and answer the ones it refuses. */
export interface EdgeSettings {
  client: WebClient;
  logger: Logger;
  /** The app's own workspace, once start-up has asked Slack (until then, any well-formed id passes). */
  home: () => HomeWorkspace | undefined;
  /** Where a `response_url` may point: Slack's hooks, and a stand-in's address in development. */
  responseOrigins: readonly string[];
  /** Where a shared file may be downloaded from with the bot token: Slack's file host, and a stand-in's address in development. */
  fileOrigins: readonly string[];
}

/** Slack's own origin for response URLs. */
export const SLACK_RESPONSE_ORIGIN = 'https://hooks.slack.com';

/** Slack's own origin for the files people share (`url_private_download`). */
export const SLACK_FILES_ORIGIN = 'https://files.slack.com';
