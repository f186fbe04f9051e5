import type { ThreatModel } from '../domain/model';
import { isParticipant } from '../domain/review-workflow';
import { applyStepEvent, type MissingItem } from '../domain/step-engine';
import type { Step } from '../domain/steps';
import type { ThreadPictureJob } from '../ports/job-payloads';
import type { ModelRef } from '../ports/model-store';
import { editableModel } from './model-access';
import { type Refused, refuse } from './outcome';
import type { UseCaseDeps } from './use-case-deps';

export type StepPicture = ThreadPictureJob['picture'];

/** A step just finished: the stored model, the step it opened, and the engine's words for it. */
export interface StepFinished {
  model: ThreatModel;
  /** The step now open; undefined after the last one. */
  opened: Step | undefined;
  /** What the step engine says was done, for the thread. */
  message: string;
  /** The picture of the model the thread gets for this step, if any. */
  picture: StepPicture | undefined;
}

export type FinishStepOutcome =
  | ({ ok: true } & StepFinished)
  /** `missing` is set when the step is not complete yet: what it still needs. */
  | (Refused & { missing?: MissingItem[] });

export interface FinishStepInput {
  ref: ModelRef;
  by: string;
  step: Step;
}

/**
 * Tells the thread that the step is finished, after the change, then calls `afterwards` (which
 * queues the step's picture), so that the picture comes after the step's announcement. It may
 * return before then: the announcement waits for Slack's pace, and nobody waits for it.
 */
export type AnnounceFinishedStep = (finished: StepFinished, afterwards: () => Promise<void>) => Promise<void> | void;

/** The scope drawn as a data-flow diagram; the risk matrix once the risk review is done. */
const PICTURES: Partial<Record<Step, StepPicture>> = { scope: 'data_flow', risk: 'risk_matrix' };

/**
 * "Finish step N": only the owner and role holders may, on a model they can change; the step
 * engine decides whether the step is complete. Complete: recorded, the next step opens, it is
 * announced, the step's picture is queued once the announcement is out, and the card follows. Not complete: the outcome says what is missing.
 */
export async function finishStep(
  deps: Pick<UseCaseDeps, 'store' | 'members' | 'flow' | 'clock' | 'exports' | 'cards'>,
  { ref, by, step }: FinishStepInput,
  announce: AnnounceFinishedStep,
): Promise<FinishStepOutcome> {
  const access = await editableModel(deps, ref.workspaceId, ref.modelId, by);
  if (!access.ok) return access;
  if (!isParticipant(access.model, by)) {
    return refuse(`Only the owner or a role holder of ${access.model.id} can finish a step.`);
  }
  const { model, outcome } = await deps.store.update(ref, { actor: by, action: `step.${step}.complete` }, (current) =>
    applyStepEvent(deps.flow, current, { type: 'complete_step', step, by }, deps.clock()),
  );
  if (!outcome.ok) {
    return outcome.reason === 'incomplete'
      ? { ...refuse(outcome.message), missing: outcome.missing }
      : refuse(outcome.message);
  }
  const finished: StepFinished = { model, opened: outcome.opened, message: outcome.message, picture: PICTURES[step] };
  const { picture } = finished;
  await announce(finished, async () => {
    if (picture) await deps.exports.postPicture({ ...ref, picture, version: model.version });
  });
  deps.cards.refresh(ref);
  return { ok: true, ...finished };
}
