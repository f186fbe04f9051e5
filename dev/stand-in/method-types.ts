/** The shape of a Web API method implementation in the stand-in. */
import type { JsonObject } from './json';
import type { StandInStore } from './stand-in-store';

export interface MethodCall {
  store: StandInStore;
  args: JsonObject;
  /** 'http://127.0.0.1:PORT' (for upload URLs). */
  baseUrl: string;
}

export type MethodHandler = (call: MethodCall) => JsonObject;

export function fail(error: string, extra: JsonObject = {}): JsonObject {
  return { ok: false, error, ...extra };
}

/** A string argument ('' when absent; numbers are stringified, as form bodies do). */
export function arg(args: JsonObject, key: string): string {
  const value = args[key];
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}
