import type { Flow } from './flow';
import { LIMITS } from './limits';
import type { ThreatModel } from './model';
import type { ActorRef } from './primitives';
import type { Review } from './review';
import { checkStep } from './step-engine';
import { STEPS, type Step } from './steps';

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
 * that held before the change. A model in review that changes this way goes back to the team
 * (changes_requested, with a review event saying so) rather than staying approvable. Pure: time
 * and the actor are parameters.
 */
export function reopenStaleSteps(flow: Flow, model: ThreatModel, by: ActorRef, now: Date): StaleStepsOutcome {
  const broken = STEPS.find((step) => model.completedSteps[step] && !checkStep(flow, model, step).complete);
  if (!broken) return { model, reopened: undefined };
  const later = STEPS.slice(STEPS.indexOf(broken));
  const steps = later.filter((step) => model.completedSteps[step]);
  const reasons = [
    ...new Set(later.flatMap((step) => checkStep(flow, model, step).missing.map((item) => item.message))),
  ];
  const completedSteps = { ...model.completedSteps };
  for (const step of later) delete completedSteps[step];
  const reopened: ThreatModel = { ...model, currentStep: broken, completedSteps };
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
