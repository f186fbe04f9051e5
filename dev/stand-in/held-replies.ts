/**
 * Replies the stand-in keeps back: the call is applied and recorded, but its HTTP response is not
 * written until released, as when the app's process dies while it waits for Slack. Held responses are
 * destroyed (the client sees the connection drop) on `destroyAll`, so no socket outlives a test.
 */
import type { ServerResponse } from 'node:http';

interface HeldReply {
  res: ServerResponse;
  write: () => void;
}

export class HeldReplies {
  /** Calls still to hold, by method. */
  private readonly planned = new Map<string, number>();
  private readonly held = new Set<HeldReply>();

  /** Holds the replies of the next `times` calls of a method (added to any already planned). */
  plan(method: string, times = 1): void {
    this.planned.set(method, (this.planned.get(method) ?? 0) + times);
  }

  /** Whether this call's reply is to be held (spends one planned hold). */
  take(method: string): boolean {
    const remaining = this.planned.get(method) ?? 0;
    if (remaining <= 0) return false;
    if (remaining === 1) this.planned.delete(method);
    else this.planned.set(method, remaining - 1);
    return true;
  }

  /** Keeps a response unwritten; `write` sends it on release. A client that hangs up is forgotten. */
  keep(res: ServerResponse, write: () => void): void {
    const reply = { res, write };
    this.held.add(reply);
    res.once('close', () => this.held.delete(reply));
  }

  /** Responses held and not yet written. */
  get count(): number {
    return this.held.size;
  }

  /** Writes every held response; returns how many. */
  releaseAll(): number {
    const replies = [...this.held];
    this.held.clear();
    for (const reply of replies) reply.write();
    return replies.length;
  }

  /** Drops every held response with its connection, and every planned hold. */
  destroyAll(): void {
    const replies = [...this.held];
    this.held.clear();
    this.planned.clear();
    for (const reply of replies) reply.res.destroy();
  }
}
