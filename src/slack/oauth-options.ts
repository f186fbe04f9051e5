import type { AppOptions } from '@slack/bolt';
import type { WebClientOptions } from '@slack/web-api';
import type { SlackCredentials } from '../config';
import type { Idempotency } from '../ports/idempotency';
import type { Installations } from './installations';
import { OnceOnlyStateStore } from './oauth-state';

/** Where an install starts ("Add to Slack") and where Slack sends the installer back. */
export const INSTALL_PATH = '/slack/install';
export const REDIRECT_PATH = '/slack/oauth_redirect';

/**
 * Bolt's built-in OAuth for a distributed app: `GET /slack/install` serves the "Add to Slack"
 * page (it sets the state cookie and links to Slack's authorize page), `GET /slack/oauth_redirect`
 * checks the state (signed with SLACK_STATE_SECRET, used once), exchanges the code with
 * oauth.v2.access and saves the installation (its token sealed) in Redis. Bolt's `authorize`
 * then reads each request's installation from the same store.
 */
export function oauthOptions(
  credentials: SlackCredentials & { mode: 'oauth' },
  installations: Installations,
  idempotency: Idempotency,
  botScopes: readonly string[],
  clientOptions: Omit<WebClientOptions, 'logLevel' | 'logger'>,
): Pick<AppOptions, 'clientId' | 'clientSecret' | 'scopes' | 'installationStore' | 'redirectUri' | 'installerOptions'> {
  const { oauth } = credentials;
  return {
    clientId: oauth.clientId,
    clientSecret: oauth.clientSecret,
    scopes: [...botScopes],
    installationStore: installations.bolt(),
    ...(oauth.redirectUri && { redirectUri: oauth.redirectUri }),
    installerOptions: {
      installPath: INSTALL_PATH,
      redirectUriPath: REDIRECT_PATH,
      stateStore: new OnceOnlyStateStore(oauth.stateSecret, idempotency),
      // The page with the "Add to Slack" button, not a bare redirect: it is what people share.
      directInstall: false,
      // The redirect needs the state cookie the install page set in the same browser.
      stateVerification: true,
      ...(oauth.authorizeUrl && { authorizationUrl: oauth.authorizeUrl }),
      clientOptions,
    },
  };
}
