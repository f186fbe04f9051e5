/**
 * Slack's rate limits, enforced by the stand-in: a sliding window of the calls it accepted, per method
 * and per method + channel (chat.postMessage's "one message per second per channel"). A call over a
 * limit is refused with 429 and a Retry-After of the whole seconds until a slot frees.
 */
import { z } from 'zod';

export const RateWindowSchema = z.strictObject({
  max: z.number().int().positive().describe('Calls accepted within the window'),
  windowMs: z.number().int().positive().describe('Length of the sliding window in milliseconds'),
});
export type RateWindow = z.infer<typeof RateWindowSchema>;

export const MethodRateLimitSchema = z.strictObject({
  perMethod: RateWindowSchema.optional().describe('All calls of the method'),
  perChannel: RateWindowSchema.optional().describe('Calls of the method with the same `channel` argument'),
});
export type MethodRateLimit = z.infer<typeof MethodRateLimitSchema>;

/** Limits by Web API method name, e.g. `{ 'chat.postMessage': { perChannel: { max: 1, windowMs: 1000 } } }`. */
export const RateLimitsSchema = z.record(z.string(), MethodRateLimitSchema);
export type RateLimits = z.infer<typeof RateLimitsSchema>;

/** Timestamps (ms) of the calls accepted in one window, oldest first. */
class SlidingWindow {
  private accepted: number[] = [];

  constructor(private readonly limit: RateWindow) {}

  /** Milliseconds until a slot frees (0 when one is free now). */
  waitMs(now: number): number {
    this.accepted = this.accepted.filter((at) => at > now - this.limit.windowMs);
    if (this.accepted.length < this.limit.max) return 0;
    const freeing = this.accepted[this.accepted.length - this.limit.max] ?? now;
    return freeing + this.limit.windowMs - now;
  }

  accept(now: number): void {
    this.accepted.push(now);
  }
}

/** A refused call: the Retry-After Slack would send, in whole seconds (at least 1). */
export interface RateLimited {
  retryAfterSeconds: number;
}

export class RateLimiter {
  private limits: RateLimits | undefined;
  private readonly windows = new Map<string, SlidingWindow>();
  private refused = 0;

  /** `initial`: the limits in force from the start and again after each `reset`. */
  constructor(private readonly initial?: RateLimits) {
    this.limits = initial;
  }

  /** How many calls were refused since the last `reset`. */
  get limitedCount(): number {
    return this.refused;
  }

  /** Replaces the limits (undefined: no limits) and forgets the calls counted so far. */
  enforce(limits: RateLimits | undefined): void {
    this.limits = limits;
    this.windows.clear();
  }

  /**
   * Counts a call if every limit of its method has a free slot; otherwise counts nothing and says
   * how long to wait. `channelKey` is the conversation the call targets (undefined: none).
   */
  take(method: string, channelKey: string | undefined, now: number): RateLimited | undefined {
    const limit = this.limits?.[method];
    if (!limit) return undefined;
    const windows = [
      limit.perMethod && this.window(method, limit.perMethod),
      limit.perChannel && channelKey !== undefined && this.window(`${method} ${channelKey}`, limit.perChannel),
    ].filter((window) => window instanceof SlidingWindow);
    const waitMs = Math.max(0, ...windows.map((window) => window.waitMs(now)));
    if (waitMs > 0) {
      this.refused += 1;
      return { retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
    }
    for (const window of windows) window.accept(now);
    return undefined;
  }

  /** Back to the initial limits, with nothing counted. */
  reset(): void {
    this.enforce(this.initial);
    this.refused = 0;
  }

  private window(key: string, limit: RateWindow): SlidingWindow {
    const existing = this.windows.get(key);
    if (existing) return existing;
    const window = new SlidingWindow(limit);
    this.windows.set(key, window);
    return window;
  }
}
