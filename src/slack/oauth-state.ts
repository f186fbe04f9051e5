import { createHash } from 'node:crypto';
import { ClearStateStore, type InstallURLOptions, InvalidStateError, type StateStore } from '@slack/oauth';
import type { Idempotency } from '../ports/idempotency';

/** How long an install may take from the "Add to Slack" page to the redirect (Bolt's cookie lives as long). */
export const STATE_LIFETIME_SECONDS = 600;

/**
 * The OAuth state: Bolt's signed state (ClearStateStore: HMAC with SLACK_STATE_SECRET, so any
 * replica verifies a state another one issued, and it expires), used once. A state that verifies
 * is marked used in Redis for its lifetime, so the same redirect sent again (a replayed or leaked
 * link) is refused on every replica. Only a hash of the state is kept.
 */
export class OnceOnlyStateStore implements StateStore {
  private readonly signed: ClearStateStore;

  constructor(
    stateSecret: string,
    private readonly idempotency: Idempotency,
  ) {
    this.signed = new ClearStateStore(stateSecret, STATE_LIFETIME_SECONDS);
  }

  generateStateParam(installOptions: InstallURLOptions, now: Date): Promise<string> {
    return this.signed.generateStateParam(installOptions, now);
  }

  async verifyStateParam(now: Date, state: string): Promise<InstallURLOptions> {
    const used = createHash('sha256').update(state).digest('hex');
    const verified = await this.idempotency.once(`oauth-state:${used}`, STATE_LIFETIME_SECONDS * 1000, () =>
      this.signed.verifyStateParam(now, state),
    );
    if (!verified.ran) throw new InvalidStateError('The state parameter was already used.');
    return verified.result;
  }
}
