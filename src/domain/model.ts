import { z } from 'zod';
import { CATALOG_PROPOSALS_MAX, CatalogProposalSchema } from './catalog-proposals';
import { ElementCountersSchema } from './element-ids';
import { LIMITS } from './limits';
import { MitigationSchema } from './mitigation';
import { modelIntegrityIssues } from './model-integrity';
import {
  ActorRefSchema,
  ChannelIdSchema,
  InstantSchema,
  MessageTsSchema,
  SlackUserIdSchema,
  text,
  WorkspaceIdSchema,
} from './primitives';
import { ReviewSchema } from './review';
import { RevisionSchema } from './revision';
import { RoleAssignmentsSchema } from './roles';
import { ScopeSchema } from './scope';
import { StepSchema } from './steps';
import { ThreatSchema } from './threat';

/** Version of the stored model's shape; bumped with a migration when the shape changes. */
export const MODEL_SCHEMA_VERSION = 1;

export const ModelIdSchema = z
  .string()
  .regex(/^TM-[1-9]\d{0,8}$/, 'must be a model id such as TM-42')
  .describe('Human-friendly model id, sequential per Slack workspace');
export type ModelId = z.infer<typeof ModelIdSchema>;

export const MODEL_STATUSES = ['draft', 'in_review', 'changes_requested', 'approved', 'archived'] as const;
export const ModelStatusSchema = z.enum(MODEL_STATUSES).describe('Lifecycle status of a model');
export type ModelStatus = z.infer<typeof ModelStatusSchema>;

/** Statuses in which the team may still change the model. */
export const EDITABLE_STATUSES: readonly ModelStatus[] = ['draft', 'changes_requested'];

export const StepCompletionSchema = z.strictObject({
  completedBy: ActorRefSchema,
  completedAt: InstantSchema,
});
export type StepCompletion = z.infer<typeof StepCompletionSchema>;

export const ThreatModelSchema = z
  .strictObject({
    schemaVersion: z.literal(MODEL_SCHEMA_VERSION),
    id: ModelIdSchema,
    title: text(LIMITS.titleMax).describe('The workload feature being modelled'),
    workspaceId: WorkspaceIdSchema,
    enterpriseId: WorkspaceIdSchema.optional().describe(
      'The Enterprise Grid organisation of the workspace, when Slack names one (models stay keyed by workspace)',
    ),
    channelId: ChannelIdSchema,
    threadTs: MessageTsSchema.optional().describe("The model card's message; the model lives in its thread"),
    ownerId: SlackUserIdSchema.describe('Who started the model and answers for it'),
    createdAt: InstantSchema,
    updatedAt: InstantSchema,
    version: z.number().int().min(1).describe('Incremented by every stored change'),
    status: ModelStatusSchema,
    currentStep: StepSchema,
    completedSteps: z
      .strictObject({
        scope: StepCompletionSchema.optional(),
        threats: StepCompletionSchema.optional(),
        mitigations: StepCompletionSchema.optional(),
        risk: StepCompletionSchema.optional(),
      })
      .default({}),
    roles: RoleAssignmentsSchema,
    contributors: z
      .array(SlackUserIdSchema)
      .max(LIMITS.contributorsMax)
      .default([])
      .describe('Everyone who ever held a role in the model or changed its content: none of them may approve it'),
    scope: ScopeSchema,
    threats: z.array(ThreatSchema).max(LIMITS.threatsMax).default([]),
    mitigations: z.array(MitigationSchema).max(LIMITS.mitigationsMax).default([]),
    review: ReviewSchema.optional(),
    // Versions (issue 18, revise): absent until an approved model is revised.
    revision: RevisionSchema.optional().describe(
      'Set once the approved model was revised: the version and earlier approvals',
    ),
    catalogProposals: z
      .array(CatalogProposalSchema)
      .max(CATALOG_PROPOSALS_MAX)
      .default([])
      .describe("Threats and mitigations proposed for the organisation's catalog"),
    counters: ElementCountersSchema,
  })
  .superRefine((model, ctx) => {
    for (const issue of modelIntegrityIssues(model)) {
      ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    }
  })
  .describe('A threat model of one workload feature');
export type ThreatModel = z.infer<typeof ThreatModelSchema>;
/** The shape before defaults are applied, e.g. a model read from an older export. */
export type ThreatModelInput = z.input<typeof ThreatModelSchema>;
