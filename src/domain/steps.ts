import { z } from 'zod';

/** The four steps of the method, in order. */
export const STEPS = ['scope', 'threats', 'mitigations', 'risk'] as const;
export const StepSchema = z.enum(STEPS).describe('A step of the method');
export type Step = z.infer<typeof StepSchema>;

export function stepNumber(step: Step): number {
  return STEPS.indexOf(step) + 1;
}

export function nextStep(step: Step): Step | undefined {
  return STEPS[STEPS.indexOf(step) + 1];
}

/** Steps as named to people, whatever titles a flow gives them. */
export const STEP_NAMES: Readonly<Record<Step, string>> = {
  scope: 'scope',
  threats: 'threats',
  mitigations: 'mitigations',
  risk: 'risk review',
};
