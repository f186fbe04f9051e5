import type { EnteredValue } from '../render/context';
import type { ValuesByScope } from '../render/messages';

interface Scope {
  fingerprint: string;
  values: Record<string, EnteredValue>;
}

/**
 * What the user has typed or chosen, kept across re-renders so a poll never wipes a half-filled
 * modal. Values live per scope (a modal's view id, a message's ts) and stay while the scope's
 * fingerprint does: a modal keeps them through views.update, as Slack does; a message drops them
 * when chat.update changes it.
 */
export class EnteredValues {
  private readonly scopes = new Map<string, Scope>();
  private fingerprints = new Map<string, string>();

  /** Tells which scopes are on the page now, with their fingerprints; the others are forgotten. */
  observe(live: Map<string, string>): void {
    this.fingerprints = live;
    for (const [scope, entry] of this.scopes) {
      if (live.get(scope) !== entry.fingerprint) this.scopes.delete(scope);
    }
  }

  /** Keeps a value; `undefined` forgets it, so the control shows its initial value again. */
  set(scope: string, key: string, value: EnteredValue | undefined): void {
    const fingerprint = this.fingerprints.get(scope) ?? '';
    const entry = this.scopes.get(scope) ?? { fingerprint, values: {} };
    if (value === undefined) delete entry.values[key];
    else entry.values[key] = value;
    this.scopes.set(scope, entry);
  }

  get(scope: string, key: string): EnteredValue | undefined {
    return this.scopes.get(scope)?.values[key];
  }

  all(): ValuesByScope {
    return Object.fromEntries([...this.scopes].map(([scope, entry]) => [scope, entry.values]));
  }
}
