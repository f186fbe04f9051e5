/**
 * Which token a Web API method takes, and Slack's error for any other: the bot token for the ordinary
 * methods; the app-level token for apps.connections.open, in the Authorization header only.
 */
import type { IncomingMessage } from 'node:http';
import type { JsonObject } from './json';
import { tokenOf } from './stand-in-http';

const APP_TOKEN_METHODS = new Set(['apps.connections.open']);

export interface Tokens {
  bot: string;
  app: string;
}

/** Slack's error for the call's token, or undefined when the method accepts it. */
export function authError(method: string, req: IncomingMessage, args: JsonObject, tokens: Tokens): string | undefined {
  const token = tokenOf(req, args);
  if (!token) return 'not_authed';
  if (APP_TOKEN_METHODS.has(method)) {
    // Slack refuses an app-level token passed as a POST parameter for this method.
    if (token === tokens.app) return req.headers.authorization === `Bearer ${token}` ? undefined : 'invalid_auth';
    return token === tokens.bot ? 'not_allowed_token_type' : 'invalid_auth';
  }
  if (token === tokens.bot) return undefined;
  return token === tokens.app ? 'not_allowed_token_type' : 'invalid_auth';
}
