import type { ConfigProblem } from './errors';
import type { EncryptionKey } from './store/token-cipher';

/** OAuth distribution: the app installs itself in many workspaces (SLACK_CLIENT_ID and SLACK_CLIENT_SECRET set). */
export interface OAuthSettings {
  clientId: string;
  clientSecret: string;
  /** Signs the OAuth state (Bolt's), so any replica verifies a redirect another one started. */
  stateSecret: string;
  /** Seal bot tokens (and workspace secrets) at rest; the first seals new values. */
  encryptionKeys: EncryptionKey[];
  /** The redirect URL registered with Slack, when the app has several (else Slack uses its only one). */
  redirectUri: string | undefined;
  /** Slack's authorize page; another one only for the stand-in on a developer machine. */
  authorizeUrl: string | undefined;
}

/** What the OAuth settings are made of, as the variables parsed. */
export interface OAuthInputs {
  clientId: string | undefined;
  clientSecret: string | undefined;
  stateSecret: string | undefined;
  encryptionKeys: EncryptionKey[];
  redirectUri: string | undefined;
  authorizeUrl: string | undefined;
  botToken: string | undefined;
  appToken: string | undefined;
  production: boolean;
}

/** `id:base64` items, each key 32 bytes once decoded. */
export const ENCRYPTION_KEYS_EXPECTED =
  'a comma-separated list of <key id>:<32 random bytes in base64> (e.g. k2:…,k1:…; `openssl rand -base64 32`); the first seals new tokens, the others still open older ones';

/** Parses `k2:base64,k1:base64` into keys, or undefined when an item is malformed. */
export function parseEncryptionKeys(items: readonly string[]): EncryptionKey[] | undefined {
  const keys: EncryptionKey[] = [];
  for (const item of items) {
    const match = /^([A-Za-z0-9_-]{1,32}):([A-Za-z0-9+/]{43}=)$/.exec(item);
    if (!match?.[1] || !match[2]) return undefined;
    const key = Buffer.from(match[2], 'base64');
    if (key.length !== 32 || keys.some((known) => known.id === match[1])) return undefined;
    keys.push({ id: match[1], key });
  }
  return keys;
}

/**
 * OAuth mode when both the client id and secret are set; otherwise the single-workspace token mode
 * (undefined). Half a setting, or one that only makes sense with the other mode, stops start-up
 * naming each variable: a distributed app never falls back to a token quietly.
 */
export function oauthSettings(inputs: OAuthInputs): { settings: OAuthSettings | undefined; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const refuse = (name: string, problem: string, expected: string) => problems.push({ name, problem, expected });
  const { clientId, clientSecret } = inputs;
  if (!clientId && !clientSecret) {
    if (inputs.stateSecret)
      refuse(
        'SLACK_STATE_SECRET',
        'is set without SLACK_CLIENT_ID',
        'SLACK_CLIENT_ID and SLACK_CLIENT_SECRET beside it (OAuth mode), or neither',
      );
    if (inputs.redirectUri)
      refuse(
        'SLACK_REDIRECT_URI',
        'is set without SLACK_CLIENT_ID',
        'SLACK_CLIENT_ID and SLACK_CLIENT_SECRET beside it (OAuth mode), or neither',
      );
    return { settings: undefined, problems };
  }
  const oauthNeeds = 'to install in many workspaces (OAuth mode)';
  if (!clientId)
    refuse(
      'SLACK_CLIENT_ID',
      'is missing (SLACK_CLIENT_SECRET is set)',
      `the Client ID from the app's "Basic Information" page, ${oauthNeeds}`,
    );
  if (!clientSecret)
    refuse(
      'SLACK_CLIENT_SECRET',
      'is missing (SLACK_CLIENT_ID is set)',
      `the Client Secret from the app's "Basic Information" page, ${oauthNeeds}`,
    );
  if (!inputs.stateSecret)
    refuse(
      'SLACK_STATE_SECRET',
      'is missing',
      `a random secret of 32 or more characters that signs the OAuth state, the same on every replica, ${oauthNeeds}`,
    );
  if (inputs.encryptionKeys.length === 0)
    refuse('INSTALLATION_ENCRYPTION_KEYS', 'is missing', `${ENCRYPTION_KEYS_EXPECTED}, ${oauthNeeds}`);
  if (inputs.botToken)
    refuse(
      'SLACK_BOT_TOKEN',
      'is set in OAuth mode',
      'unset: each workspace’s token comes from its installation (or unset SLACK_CLIENT_ID and SLACK_CLIENT_SECRET for one workspace)',
    );
  if (inputs.appToken)
    refuse(
      'SLACK_APP_TOKEN',
      'is set in OAuth mode',
      'unset: OAuth distribution serves Slack over HTTP (the redirect needs a public URL)',
    );
  if (inputs.production && inputs.authorizeUrl)
    refuse(
      'SLACK_OAUTH_AUTHORIZE_URL',
      'is set with NODE_ENV=production',
      "unset in production: installs go through Slack's own authorize page",
    );
  if (problems.length > 0 || !clientId || !clientSecret || !inputs.stateSecret)
    return { settings: undefined, problems };
  return {
    settings: {
      clientId,
      clientSecret,
      stateSecret: inputs.stateSecret,
      encryptionKeys: inputs.encryptionKeys,
      redirectUri: inputs.redirectUri,
      authorizeUrl: inputs.authorizeUrl,
    },
    problems,
  };
}
