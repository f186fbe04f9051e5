import type * as z from 'zod/mini';
import type { EnteredValue } from '../render/context';
import {
  type JobsResult,
  JobsResultSchema,
  type PlaygroundState,
  PlaygroundStateSchema,
  type Result,
  ResultSchema,
  type SubmitResult,
  SubmitResultSchema,
} from '../render/playground-state';

/** The playground server's API, same origin. Every answer is parsed; a bad one throws ApiError. */

const BASE = '/playground/api';

export class ApiError extends Error {
  override name = 'ApiError';
}

/** Where an action happened, as the server needs it to build Slack's block_actions payload. */
export interface Where {
  channel?: string;
  ts?: string;
  in?: 'modal' | 'message' | 'home' | 'ephemeral';
}

export interface ActRequest {
  user: string;
  actionId: string;
  /** The element type: button, static_select, overflow, checkboxes, datepicker, … */
  kind: string;
  where: Where;
  /** The clicked button's value, to tell apart buttons that share an action id. */
  buttonValue?: string;
  /** The chosen option value, user id or date. */
  value?: string;
  /** The chosen values of a multi select or checkbox group. */
  values?: string[];
  /** In a modal: what is entered in its inputs, which Slack sends along with the action. */
  state?: Record<string, string | string[]>;
}

export interface StateQuery {
  user?: string;
  channel?: string;
  thread?: string;
}

async function send<T>(path: string, init: RequestInit, schema: z.ZodMiniType<T>): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${BASE}${path}`, init);
  } catch {
    throw new ApiError('The playground server is not reachable. Is `npm start` still running?');
  }
  const body: unknown = await response.json().catch(() => undefined);
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiError(
      `Unexpected answer from ${path} (HTTP ${response.status}): ${parsed.error.issues[0]?.message ?? ''}`,
    );
  }
  return parsed.data;
}

function post<T>(path: string, body: object, schema: z.ZodMiniType<T>): Promise<T> {
  return send(
    path,
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
    schema,
  );
}

export function getState(query: StateQuery): Promise<PlaygroundState> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  return send(`/state?${params}`, { headers: { accept: 'application/json' } }, PlaygroundStateSchema);
}

/** A slash command as typed (`/threatmodel start Refunds API`); the server sends the app what follows the command. */
export function command(user: string, channel: string, text: string): Promise<Result> {
  return post('/command', { user, channel, text }, ResultSchema);
}

/** A person's message in the channel, or in a thread when `threadTs` is given. */
export function postMessage(user: string, channel: string, text: string, threadTs?: string): Promise<Result> {
  return post('/post', { user, channel, text, ...(threadTs && { threadTs }) }, ResultSchema);
}

export function act(request: ActRequest): Promise<Result> {
  return post('/act', request, ResultSchema);
}

export function submit(user: string, values: Record<string, EnteredValue>): Promise<SubmitResult> {
  return post('/submit', { user, values }, SubmitResultSchema);
}

export function closeModal(user: string): Promise<Result> {
  return post('/close', { user }, ResultSchema);
}

export function openHome(user: string): Promise<Result> {
  return post('/home', { user }, ResultSchema);
}

export function shortcut(user: string, channel: string, ts: string): Promise<Result> {
  return post('/shortcut', { user, channel, ts, callbackId: 'capture_threat' }, ResultSchema);
}

/** Who is signed in to Slack in this browser: Slack's authorize page installs the app in their workspace. */
export function signIn(user: string): Promise<Result> {
  return post('/sign-in', { user }, ResultSchema);
}

export function runJobs(): Promise<JobsResult> {
  return post('/jobs/run', {}, JobsResultSchema);
}
