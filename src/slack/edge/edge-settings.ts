import type { WebClient } from '@slack/web-api';
import type { Logger } from '../../logger';

/** The workspace (and Enterprise Grid organisation) the bot token belongs to, as auth.test says. */
export interface HomeWorkspace {
  teamId: string;
  enterpriseId?: string;
}

/** What Bolt's authorisation put in a request's context (the installation's team and organisation). */
export interface RequestContext {
  teamId?: string | undefined;
  enterpriseId?: string | undefined;
  isEnterpriseInstall?: boolean | undefined;
}

/** What the edge needs to check payloads and answer the ones it refuses. */
export interface EdgeSettings {
  client: WebClient;
  logger: Logger;
  /**
   * The workspace a request must come from: the app's own once start-up has asked Slack (until
   * then, any well-formed id passes), or in OAuth mode the one whose installation authorised it.
   */
  home: (context: RequestContext) => HomeWorkspace | undefined;
  /** Where a `response_url` may point: Slack's hooks, and a stand-in's address in development. */
  responseOrigins: readonly string[];
  /** Where a shared file may be downloaded from with the bot token: Slack's file host, and a stand-in's address in development. */
  fileOrigins: readonly string[];
}

/** Slack's own origin for response URLs. */
export const SLACK_RESPONSE_ORIGIN = 'https://hooks.slack.com';

/** Slack's own origin for the files people share (`url_private_download`). */
export const SLACK_FILES_ORIGIN = 'https://files.slack.com';
