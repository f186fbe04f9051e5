import { z } from 'zod';
import { AssumptionIdSchema, MitigationIdSchema, ThreatIdSchema } from './element-ids';
import { LIMITS } from './limits';
import { multilineText } from './primitives';

/**
 * Something the team takes for granted when reasoning about threats ("the VPC has no internet
 * gateway"). Threat Composer links assumptions to the threats and mitigations that rest on them,
 * so a reviewer can challenge the assumption and see what falls with it.
 */
export const AssumptionSchema = z
  .strictObject({
    id: AssumptionIdSchema,
    description: multilineText(LIMITS.descriptionMax).describe(
      'What is assumed, e.g. "Only the payments VPC reaches the database"',
    ),
    threatIds: z.array(ThreatIdSchema).max(LIMITS.threatsMax).default([]).describe('Threats that rest on it'),
    mitigationIds: z
      .array(MitigationIdSchema)
      .max(LIMITS.mitigationsMax)
      .default([])
      .describe('Mitigations that rest on it'),
  })
  .describe('An assumption behind the threats and mitigations, with what rests on it');
export type Assumption = z.infer<typeof AssumptionSchema>;
