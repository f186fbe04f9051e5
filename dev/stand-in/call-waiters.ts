/** Promises of a Web API call to come: resolved when the stand-in records a matching call. */
import type { RecordedCall } from './stand-in-types';

export type CallPredicate = (call: RecordedCall) => boolean;

interface Waiter {
  method: string;
  predicate: CallPredicate;
  resolve: (call: RecordedCall) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export class CallWaiters {
  private readonly waiting = new Set<Waiter>();

  /** Resolves with the first call of `method` recorded from now on that matches; rejects after `timeoutMs`. */
  next(method: string, predicate: CallPredicate, timeoutMs: number): Promise<RecordedCall> {
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        method,
        predicate,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiting.delete(waiter);
          reject(new Error(`stand-in: no matching ${method} call within ${timeoutMs} ms`));
        }, timeoutMs),
      };
      this.waiting.add(waiter);
    });
  }

  /** Tells the waiters a call was recorded. */
  recorded(call: RecordedCall): void {
    for (const waiter of [...this.waiting]) {
      if (waiter.method !== call.method || !waiter.predicate(call)) continue;
      this.settle(waiter);
      waiter.resolve(call);
    }
  }

  /** Rejects every pending waiter (on reset and close). */
  rejectAll(reason: string): void {
    for (const waiter of [...this.waiting]) {
      this.settle(waiter);
      waiter.reject(new Error(`stand-in: ${reason} while waiting for ${waiter.method}`));
    }
  }

  private settle(waiter: Waiter): void {
    clearTimeout(waiter.timer);
    this.waiting.delete(waiter);
  }
}
