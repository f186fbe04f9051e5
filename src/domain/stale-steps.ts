import type { Flow } from './flow';
import { LIMITS } from './limits';
import type { ThreatModel } from './model';
import type { ActorRef } from './primitives';
import type { Review } from './review';
import { checkStep } from './step-engine';
import { STEP_NAMES, STEPS, type Step, stepNumber } from './steps';

/** The review event comment when a change during a review sends the model back to the team. */
export const CHANGED_DURING_REVIEW = 'changes made during review';

/** Steps that a change reopened, and why, in words the team reads. */
export interface ReopenedSteps {
  /** The completed steps that are open again, in order; the first is the model's current step now. */
  steps: Step[];
  /** Why: what the earliest broken step and the later ones now miss (e.g. "T-5 has no mitigation and no risk decision."). */
  reasons: string[];
  /** True when the model was in review and went back to the team (status changes_requested). */
  backToTeam: boolean;
}

export interface StaleStepsOutcome {
  model: ThreatModel;
  /** Undefined when every completed step still holds: the model is returned as it was. */
  reopened: ReopenedSteps | undefined;
}

/**
 * After a change, the completed steps whose completion rules no longer hold are not complete any
 * more: the earliest of them and every later step reopen, and the current step becomes the
 * earliest one, so the team walks forward again and nothing approves on the strength of a check
 * that held before the change. In a revision of an approved model, the steps whose content the
 * change touched (`touched`, see model-diff.ts) reopen too, even when their rules still hold: the
 * team confirms each changed step again, and the steps nothing changed in stay complete. A model
 * in review that changes this way goes back to the team (changes_requested, with a review event
 * saying so) rather than staying approvable. Pure: time and the actor are parameters.
 */
export function reopenStaleSteps(
  flow: Flow,
  model: ThreatModel,
  by: ActorRef,
  now: Date,
  touched: readonly Step[] = [],
): StaleStepsOutcome {
  const broken = STEPS.find((step) => model.completedSteps[step] && !checkStep(flow, model, step).complete);
  const later = broken ? STEPS.slice(STEPS.indexOf(broken)) : [];
  const steps = STEPS.filter((step) => model.completedSteps[step] && (later.includes(step) || touched.includes(step)));
  if (steps.length === 0) return { model, reopened: undefined };
  const reasons = [
    ...new Set([
      ...later.flatMap((step) => checkStep(flow, model, step).missing.map((item) => item.message)),
      ...steps
        .filter((step) => !later.includes(step))
        .map(
          (step) =>
            `Step ${stepNumber(step)} (${STEP_NAMES[step]}) changed since the approved version: finish it again to confirm it.`,
        ),
    ]),
  ];
  const completedSteps = { ...model.completedSteps };
  for (const step of [...later, ...steps]) delete completedSteps[step];
  const currentStep = STEPS.find((step) => !completedSteps[step]) ?? model.currentStep;
  const reopened: ThreatModel = { ...model, currentStep, completedSteps };
  const inReview = model.status === 'in_review' && model.review !== undefined;
  if (!inReview) return { model: reopened, reopened: { steps, reasons, backToTeam: false } };
  const review: Review = {
    ...(model.review as Review),
    history: [
      ...(model.review as Review).history,
      // A note, not an AppSec decision: the exports and the review card read `changes_requested` events as AppSec's.
      { type: 'commented' as const, by, at: now.toISOString(), comment: CHANGED_DURING_REVIEW },
    ].slice(-LIMITS.reviewHistoryMax),
  };
  return {
    model: { ...reopened, status: 'changes_requested', review },
    reopened: { steps, reasons, backToTeam: true },
  };
}
