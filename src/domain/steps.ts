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
