/** Signing and sending requests the way Slack sends them to an app (v0 HMAC-SHA256 signatures). */
import { createHmac } from 'node:crypto';
import { type JsonObject, parseJsonObject } from './json';

export const FORM = 'application/x-www-form-urlencoded';
export const JSON_TYPE = 'application/json';

export interface SignatureHeaders {
  'x-slack-request-timestamp': string;
  'x-slack-signature': string;
}

/** Slack's signature over `v0:{timestamp}:{body}` with the app's signing secret. */
export function signRequest(signingSecret: string, body: string, timestampSeconds: number): SignatureHeaders {
  const digest = createHmac('sha256', signingSecret).update(`v0:${timestampSeconds}:${body}`).digest('hex');
  return { 'x-slack-request-timestamp': String(timestampSeconds), 'x-slack-signature': `v0=${digest}` };
}

/** The exact form encoding Slack uses (spaces as +). */
export function formBody(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

export interface PostOptions {
  signingSecret: string;
  /** Unix seconds for the timestamp header (default now). */
  timestamp?: number;
  /** Overrides the computed signature (for signature tests). */
  signature?: string;
  headers?: Record<string, string>;
}

export interface AppResponse {
  status: number;
  /** The response body as text ('' for an empty ack). */
  body: string;
  /** The body parsed, when it is a JSON object. */
  json?: JsonObject;
}

/** POSTs a signed string body with exactly this content type (never a `;charset` suffix). */
export async function postToApp(
  appUrl: string,
  body: string,
  contentType: string,
  options: PostOptions,
): Promise<AppResponse> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const signed = signRequest(options.signingSecret, body, timestamp);
  const response = await fetch(appUrl, {
    method: 'POST',
    headers: {
      ...options.headers,
      'content-type': contentType,
      'x-slack-request-timestamp': signed['x-slack-request-timestamp'],
      'x-slack-signature': options.signature ?? signed['x-slack-signature'],
    },
    body,
  });
  const text = await response.text();
  const json = parseJsonObject(text);
  return { status: response.status, body: text, ...(json === undefined ? {} : { json }) };
}
