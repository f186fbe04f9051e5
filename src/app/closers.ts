import type { Logger } from '../logger';

/**
 * What a start-up opened, closed again in reverse order: on stop(), and when start-up fails half
 * way (so a failed start leaves no connection, worker or child process behind). Add each part
 * right after it is open; the order of the adds is the reverse of the order of closing.
 */
export class Closers {
  private readonly closers: { name: string; close: () => Promise<unknown> }[] = [];
  private closing: Promise<void> | undefined;

  constructor(private readonly logger?: Logger) {}

  add(name: string, close: () => Promise<unknown>): void {
    this.closers.push({ name, close });
  }

  /** Closes everything added so far, last first; a part that fails to close does not stop the others. Idempotent. */
  closeAll(): Promise<void> {
    this.closing ??= (async () => {
      for (const { name, close } of this.closers.splice(0).reverse()) {
        await close().catch((error: unknown) => this.logger?.warn({ err: error, part: name }, 'could not close'));
      }
    })();
    return this.closing;
  }
}
