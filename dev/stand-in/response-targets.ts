/** The response_urls the stand-in hands out: each lives 30 minutes and takes five uses, as Slack's do. */
import type { ResponseUrlContext } from './stand-in-types';

export const RESPONSE_URL_MAX_USES = 5;
export const RESPONSE_URL_TTL_MS = 30 * 60 * 1000;

interface ResponseTarget {
  kind: string;
  context: ResponseUrlContext;
  uses: number;
  createdAt: number;
}

export class ResponseTargets {
  private readonly targets = new Map<string, ResponseTarget>();
  private counter = 0;

  create(kind: string, context: ResponseUrlContext, now: number): string {
    this.counter += 1;
    const id = `${kind.replace(/[^a-z_]/gi, '')}-${this.counter}`;
    this.targets.set(id, { kind, context, uses: 0, createdAt: now });
    return id;
  }

  /** Counts one use; 'expired' after five uses or thirty minutes, undefined when unknown. */
  use(id: string, now: number): ResponseTarget | 'expired' | undefined {
    const target = this.targets.get(id);
    if (!target) return undefined;
    if (target.uses >= RESPONSE_URL_MAX_USES || now - target.createdAt > RESPONSE_URL_TTL_MS) return 'expired';
    target.uses += 1;
    return target;
  }

  clear(): void {
    this.targets.clear();
  }
}
