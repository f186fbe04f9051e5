import { z } from 'zod';
import { MitigationIdSchema, ThreatIdSchema } from './element-ids';
import { InheritedFromSchema } from './inheritance';
import { LIMITS } from './limits';
import {
  ActorRefSchema,
  CodeReferenceSchema,
  InstantSchema,
  multilineText,
  SlackUserIdSchema,
  WebUrlSchema,
} from './primitives';

export const MITIGATION_STATUSES = ['proposed', 'planned', 'implemented', 'verified', 'not_applicable'] as const;
export const MitigationStatusSchema = z.enum(MITIGATION_STATUSES).describe('Where the mitigation stands');
export type MitigationStatus = z.infer<typeof MitigationStatusSchema>;

/**
 * Statuses under which a mitigation counts as addressing its threats (step 3, and backing a lower
 * rating after mitigation). Proposed and planned ones are intentions: they are shown as planned,
 * never as mitigated (see IN_PLACE_MITIGATION_STATUSES).
 */
export const ACTIVE_MITIGATION_STATUSES: readonly MitigationStatus[] = [
  'proposed',
  'planned',
  'implemented',
  'verified',
];

/** Statuses under which a mitigation is actually in place: only these make a threat "mitigated". */
export const IN_PLACE_MITIGATION_STATUSES: readonly MitigationStatus[] = ['implemented', 'verified'];

/** The accepted grounds for deviating from a baseline control (METHOD.md, step 3). */
export const DEVIATION_REASONS = [
  'threat_not_applicable',
  'compensating_control',
  'lower_data_classification',
  'non_human_access',
  'ephemeral_data',
  'other',
] as const;
export const DeviationReasonSchema = z.enum(DEVIATION_REASONS).describe('Why a baseline control is not followed');

export const BaselineDeviationSchema = z
  .strictObject({
    reason: DeviationReasonSchema,
    explanation: multilineText(LIMITS.descriptionMax).describe('The written justification a reviewer reads'),
  })
  .describe('A documented deviation from the baseline control');

export const MitigationSchema = z
  .strictObject({
    id: MitigationIdSchema,
    description: multilineText(LIMITS.descriptionMax).describe(
      'What is done, e.g. "Refund endpoint requires an idempotency key"',
    ),
    threatIds: z
      .array(ThreatIdSchema)
      .min(1, 'must address at least one threat')
      .max(LIMITS.threatsMax)
      .describe('The threats this mitigation addresses'),
    status: MitigationStatusSchema,
    baselineControlId: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
      .optional()
      .describe('The catalog baseline control this mitigation implements or deviates from'),
    deviation: BaselineDeviationSchema.optional(),
    references: z
      .array(CodeReferenceSchema)
      .max(LIMITS.referencesMax)
      .default([])
      .describe('Code or infrastructure-as-code implementing it: URLs or repository paths'),
    owner: SlackUserIdSchema.optional(),
    backlogLink: WebUrlSchema.optional().describe('The backlog item tracking the work'),
    inherited: InheritedFromSchema.optional(),
    createdBy: ActorRefSchema,
    createdAt: InstantSchema,
  })
  .superRefine((mitigation, ctx) => {
    if (new Set(mitigation.threatIds).size !== mitigation.threatIds.length) {
      ctx.addIssue({ code: 'custom', path: ['threatIds'], message: 'lists the same threat twice' });
    }
    if (mitigation.deviation && !mitigation.baselineControlId) {
      ctx.addIssue({
        code: 'custom',
        path: ['baselineControlId'],
        message: 'a deviation must name the baseline control it deviates from',
      });
    }
    if (mitigation.baselineControlId && mitigation.status === 'not_applicable' && !mitigation.deviation) {
      ctx.addIssue({
        code: 'custom',
        path: ['deviation'],
        message: 'setting a baseline control aside requires a written reason',
      });
    }
  })
  .describe('Step 3: a control addressing one or more threats');
export type Mitigation = z.infer<typeof MitigationSchema>;

export function isActiveMitigation(mitigation: Mitigation): boolean {
  return ACTIVE_MITIGATION_STATUSES.includes(mitigation.status);
}

/** Implemented or verified: in place, not merely intended. */
export function isMitigationInPlace(mitigation: Mitigation): boolean {
  return IN_PLACE_MITIGATION_STATUSES.includes(mitigation.status);
}
