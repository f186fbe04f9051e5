/** Injected failures: the next call(s) of a method answer 429, 500 or ok:false instead of the real reply. */
import type { Fault } from './stand-in-types';

export interface FaultReply {
  status: number;
  body: { ok: false; error: string };
  headers: Record<string, string>;
}

export class FaultQueue {
  private readonly pending = new Map<string, { fault: Fault; remaining: number }[]>();

  add(method: string, fault: Fault): void {
    const queue = this.pending.get(method) ?? [];
    queue.push({ fault, remaining: fault.times ?? 1 });
    this.pending.set(method, queue);
  }

  /** The reply to use instead of the real one for this call, if a fault is pending. */
  take(method: string): FaultReply | undefined {
    const queue = this.pending.get(method);
    const head = queue?.[0];
    if (!queue || !head) return undefined;
    head.remaining -= 1;
    if (head.remaining <= 0) queue.shift();
    const { fault } = head;
    if ('error' in fault) return { status: 200, body: { ok: false, error: fault.error }, headers: {} };
    if (fault.status === 429) {
      return {
        status: 429,
        body: { ok: false, error: 'ratelimited' },
        headers: { 'retry-after': String(fault.retryAfter) },
      };
    }
    return { status: 500, body: { ok: false, error: 'internal_error' }, headers: {} };
  }

  clear(): void {
    this.pending.clear();
  }
}
