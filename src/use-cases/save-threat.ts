import { createHash } from 'node:crypto';
import type { ThreatModel } from '../domain/model';
import type { ReopenedSteps } from '../domain/stale-steps';
import { threatStatement } from '../domain/statement';
import { addThreat, type ThreatInput, updateThreat } from '../domain/threat-edits';
import { ModelInvalidError } from '../errors';
import type { ModelRef } from '../ports/model-store';
import { type EditDeps, editModel } from './edit-model';
import { refuse, type UseCaseOutcome } from './outcome';
import type { UseCaseDeps } from './use-case-deps';

export interface ThreatPreview {
  /** True when these are the values the author already saw as a sentence: save them. */
  confirmed: boolean;
  /** The sentence the values make. */
  sentence: string;
  /** A fingerprint of the values, carried by the form until the author confirms. */
  key: string;
}

const fingerprint = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);

/**
 * A threat is saved only as its author saw it: the first submission, and any whose values
 * changed since, is answered with the sentence the values make; the same values submitted again
 * (`previewed` is the fingerprint shown) confirm them.
 */
export function previewThreat(model: ThreatModel, input: ThreatInput, previewed: string | undefined): ThreatPreview {
  const key = fingerprint(input);
  return { confirmed: key === previewed, sentence: threatStatement(input, model.scope.assets), key };
}

export interface SaveThreatInput {
  ref: ModelRef;
  /** The Slack user who writes the threat. */
  by: string;
  /** The threat to rewrite; absent for a new one. */
  threatId?: string | undefined;
  /** The permalink of the thread message a new threat was captured from: its origin. */
  capturedFrom?: string | undefined;
  input: ThreatInput;
}

export type SaveThreatDeps = EditDeps & Pick<UseCaseDeps, 'cards' | 'logger'>;

/**
 * Add a threat (with the next T- id, its author, and where it came from) or rewrite one of the
 * team's own, then refresh the cards. A change the model no longer accepts (say, an element it
 * was placed on was removed meanwhile) is refused, never half-applied.
 */
export async function saveThreat(
  deps: SaveThreatDeps,
  { ref, by, threatId, capturedFrom, input }: SaveThreatInput,
): Promise<
  UseCaseOutcome<{
    model: ThreatModel;
    threatId: string;
    sentence: string;
    edited: boolean;
    reopened: ReopenedSteps | undefined;
  }>
> {
  const notSaved = `${threatId ?? 'The threat'} was not saved: it no longer exists or nothing changed.`;
  const now = deps.clock();
  try {
    const saved = await editModel(deps, {
      ref,
      by,
      action: threatId ? 'threat.edit' : 'threat.add',
      change: (current) => {
        if (threatId) {
          const edited = updateThreat(current, threatId, input);
          return edited ? { ok: true as const, model: edited, threatId } : { ok: false as const };
        }
        const origin = capturedFrom ? { type: 'slack_message' as const, permalink: capturedFrom } : undefined;
        const added = addThreat(current, input, by, now, origin);
        return { ok: true as const, model: added.model, threatId: added.id };
      },
      refused: () => notSaved,
    });
    if (!saved.ok) return saved;
    if (!saved.changed) return refuse(notSaved);
    deps.cards.refresh(ref);
    const { model, outcome, reopened } = saved;
    const sentence = threatStatement(input, model.scope.assets);
    return { ok: true, model, threatId: outcome.threatId, sentence, edited: Boolean(threatId), reopened };
  } catch (error) {
    if (!(error instanceof ModelInvalidError)) throw error;
    deps.logger.info({ model: ref.modelId, problems: error.problems }, 'threat refused');
    return refuse('Your threat was not saved: the model changed meanwhile. Please try again.');
  }
}
