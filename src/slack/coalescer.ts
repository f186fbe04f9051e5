/**
 * Runs a refresh per key at most once per interval: the first request runs at once, requests
 * during a run or within the interval after it are folded into one trailing run. A burst of 30
 * edits to one model thus makes two or three `chat.update` calls (a Tier 3 method), not 30,
 * and the last one always shows the final state.
 */
export class Coalescer {
  private readonly state = new Map<string, { running: Promise<void>; again: boolean }>();

  constructor(
    private readonly run: (key: string) => Promise<void>,
    private readonly intervalMs: number,
    private readonly onError: (key: string, error: unknown) => void,
  ) {}

  request(key: string): void {
    const current = this.state.get(key);
    if (current) {
      current.again = true;
      return;
    }
    const entry = { running: Promise.resolve(), again: false };
    entry.running = this.loop(key, entry);
    this.state.set(key, entry);
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

  /** Resolves when no refresh is running or pending (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.state.size > 0) await Promise.all([...this.state.values()].map((entry) => entry.running));
  }
}
