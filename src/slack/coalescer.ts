/**
 * Runs a refresh per key at most once per interval: the first request runs at once, requests
 * during a run or within the interval after it are folded into one trailing run. A burst of 30
 * edits to one model thus makes two or three `chat.update` calls (a Tier 3 method), not 30,
 * and the last one always shows the final state.
 *
 * A run that could not send everything (the budget was short, Slack said to wait) asks for
 * `retryIn`: the key runs again after that wait, so a deferred refresh is never dropped, and
 * requests meanwhile are folded into that run.
 */
export class Coalescer {
  private readonly state = new Map<string, { running: Promise<void>; again: boolean }>();
  private readonly retries = new Map<string, { at: number; timer: NodeJS.Timeout; fired: () => void }>();
  private readonly fired = new Set<Promise<void>>();
  private closed = false;

  constructor(
    private readonly run: (key: string) => Promise<void>,
    private readonly intervalMs: number,
    private readonly onError: (key: string, error: unknown) => void,
  ) {}

  request(key: string): void {
    // Waiting for a retry (the budget said when): that run renders the latest state anyway, and a
    // run now would only ask the budget again ahead of the keys waiting their turn.
    if (this.retries.has(key)) return;
    const current = this.state.get(key);
    if (current) {
      current.again = true;
      return;
    }
    const entry = { running: Promise.resolve(), again: false };
    entry.running = this.loop(key, entry);
    this.state.set(key, entry);
  }

  /** Request the key again in `ms` (the sooner wins when one is already pending). */
  retryIn(key: string, ms: number): void {
    if (this.closed) return;
    const at = Date.now() + ms;
    const pending = this.retries.get(key);
    if (pending && pending.at <= at) return;
    if (pending) {
      clearTimeout(pending.timer);
      pending.fired();
    }
    let fired = () => {};
    const waiting = new Promise<void>((resolve) => {
      fired = resolve;
    });
    this.fired.add(waiting);
    void waiting.then(() => this.fired.delete(waiting));
    const timer = setTimeout(() => {
      this.retries.delete(key);
      this.request(key);
      fired();
    }, ms);
    timer.unref();
    this.retries.set(key, { at, timer, fired });
  }

  private async loop(key: string, entry: { again: boolean }): Promise<void> {
    do {
      entry.again = false;
      try {
        await this.run(key);
      } catch (error) {
        this.onError(key, error);
      }
      await new Promise((resolve) => setTimeout(resolve, this.intervalMs));
    } while (entry.again);
    this.state.delete(key);
  }

  /** Resolves when no refresh is running, pending or waiting to be retried (tests). */
  async idle(): Promise<void> {
    while (this.state.size > 0 || this.fired.size > 0) {
      await Promise.all([...this.state.values()].map((entry) => entry.running));
      await Promise.all([...this.fired]);
    }
  }

  /** Shutdown: drops the retries still waiting (another process or the next change brings them), waits for the runs. */
  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.retries.values()) {
      clearTimeout(pending.timer);
      pending.fired();
    }
    this.retries.clear();
    while (this.state.size > 0) await Promise.all([...this.state.values()].map((entry) => entry.running));
  }
}
