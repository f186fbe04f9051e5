/**
 * Runs the work listeners do after their ack with bounded concurrency, first come first served.
 * Under a burst, new requests are still acknowledged at once (Slack allows 3 seconds) while the
 * slow part (Redis, Web API calls) proceeds a few at a time instead of all at once, which would
 * starve the event loop and delay the very acks that must be fast.
 */
export class WorkQueue {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly concurrency: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active >= this.concurrency) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active += 1;
    try {
      return await work();
    } finally {
      this.active -= 1;
      this.waiting.shift()?.();
    }
  }
}
