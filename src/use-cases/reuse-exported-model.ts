import { inheritFrom } from '../domain/dependency-import';
import type { ThreatModel } from '../domain/model';
import { type ReopenedSteps, reopenStaleSteps } from '../domain/stale-steps';
import type { ModelRef } from '../ports/model-store';
import { withContributors } from './edit-model';
import { refuse, type UseCaseOutcome } from './outcome';
import type { UseCaseDeps } from './use-case-deps';

export interface ReuseExportedModelInput {
  ref: ModelRef;
  /** Who asked for the reuse (`/threatmodel reuse`). */
  by: string;
  /** The exported model, as read from the repository. */
  dependency: ThreatModel;
}

/** What a reuse brought in: the ids given here to the inherited elements. */
export interface Inherited {
  components: string[];
  threats: string[];
  mitigations: string[];
}

/**
 * Bring an exported model's components, the threats on them and their mitigations into this model
 * as inherited, read-only elements, for a member of the exported model's channel (the domain refuses a model that cannot change now, a model
 * reusing itself, one with no components, or one that would break the limits); the card follows.
 * Whoever asked becomes a contributor, and the completed steps the new threats break reopen.
 */
export async function reuseExportedModel(
  deps: Pick<UseCaseDeps, 'store' | 'cards' | 'members' | 'flow' | 'clock'>,
  { ref, by, dependency }: ReuseExportedModelInput,
): Promise<UseCaseOutcome<{ model: ThreatModel; added: Inherited; reopened: ReopenedSteps | undefined }>> {
  // The file says where the model lives: only members of that channel may bring it elsewhere.
  if (!(await deps.members.isMember(dependency.channelId, by))) {
    return refuse(`There is no threat model ${dependency.id} in your channels.`);
  }
  const now = deps.clock();
  const { model, outcome } = await deps.store.update(ref, { actor: by, action: 'model.reuse' }, (current) => {
    const inherited = inheritFrom(current, dependency);
    if (!inherited.ok) return inherited;
    const stale = reopenStaleSteps(deps.flow, withContributors(inherited.model, [by]), by, now);
    return { ...inherited, model: stale.model, reopened: stale.reopened };
  });
  deps.cards.refresh(ref);
  if (!outcome.ok) return refuse(outcome.message);
  return { ok: true, model, added: outcome.added, reopened: outcome.reopened };
}
