import { z } from 'zod';
import { ProposableIdSchema } from '../domain/catalog-proposals';
import { ModelIdSchema } from '../domain/model';
import { InstantSchema, SlackUserIdSchema, WorkspaceIdSchema } from '../domain/primitives';

/**
 * The queues, the jobs on them and their payloads. Payloads are parsed with these schemas when a
 * job runs; one that does not parse fails at once (UnrecoverableError), never retried.
 */
export const QUEUES = {
  /** Posting review requests in the AppSec channel and assigning a reviewer. */
  reviews: '{reviews}',
  /** Nudges: overdue reviews and stalled drafts. */
  reminders: '{reminders}',
  /** Exports to the repository, and pictures posted in threads. */
  exports: '{exports}',
} as const;

export const JOBS = {
  reviewRequest: 'review.request',
  reviewNudge: 'review.nudge',
  draftIdle: 'draft.idle',
  modelExport: 'model.export',
  threadPicture: 'thread.picture',
  modelReuse: 'model.reuse',
  catalogProposal: 'catalog.proposal',
} as const;

const ModelJobSchema = z.strictObject({ workspaceId: WorkspaceIdSchema, modelId: ModelIdSchema });
/** The model any job is about (its other fields aside). */
export const ModelJobRefSchema = z.object({ workspaceId: WorkspaceIdSchema, modelId: ModelIdSchema });

export const ReviewRequestJobSchema = ModelJobSchema.extend({
  /** Which request round: a job of an older round finds the review moved on and does nothing. */
  requestedAt: InstantSchema,
});
export type ReviewRequestJob = z.infer<typeof ReviewRequestJobSchema>;

export const ReviewNudgeJobSchema = ModelJobSchema.extend({
  requestedAt: InstantSchema,
  reviewerId: SlackUserIdSchema,
  dueAt: InstantSchema,
  /** The reviewer's time zone, read from Slack when they were assigned. */
  timeZone: z.string().min(1).max(100),
  /** Which assignment: the length of the review history once the reviewer was assigned. */
  round: z.number().int().min(0),
  /** 1 for the nudge at the due time, then one more per working day. */
  nudge: z.number().int().min(1).max(1000),
  /** Whether the AppSec channel has already been told. */
  escalated: z.boolean(),
  snoozedUntil: InstantSchema.optional(),
});
export type ReviewNudgeJob = z.infer<typeof ReviewNudgeJobSchema>;

export const DraftIdleJobSchema = ModelJobSchema.extend({
  /** The model's updatedAt this nudge is about: a draft that moved since sends nothing. */
  lastChangeAt: InstantSchema,
  /** Which nudge this is (1 = the first). */
  nudge: z.number().int().min(1).max(100),
  snoozedUntil: InstantSchema.optional(),
});
export type DraftIdleJob = z.infer<typeof DraftIdleJobSchema>;

export const ModelExportJobSchema = ModelJobSchema.extend({
  /** Who asked: the approver, or whoever typed `/threatmodel export`. */
  requestedBy: z.union([SlackUserIdSchema, z.literal('system')]),
  reason: z.enum(['approved', 'on_demand']),
  /** When it was asked: one job per request (an unchanged model still makes no new commit). */
  requestedAt: InstantSchema,
});
export type ModelExportJob = z.infer<typeof ModelExportJobSchema>;

export const ThreadPictureJobSchema = ModelJobSchema.extend({
  picture: z.enum(['data_flow', 'risk_matrix']),
  /** The model version it shows. */
  version: z.number().int().min(1),
});
export type ThreadPictureJob = z.infer<typeof ThreadPictureJobSchema>;

export const ModelReuseJobSchema = ModelJobSchema.extend({
  /** The exported model to reuse as a dependency. */
  dependencyId: ModelIdSchema,
  requestedBy: SlackUserIdSchema,
  requestedAt: InstantSchema,
});
export type ModelReuseJob = z.infer<typeof ModelReuseJobSchema>;

export const CatalogProposalJobSchema = ModelJobSchema.extend({
  /** The threat or mitigation proposed; it is written as it is when the job runs. */
  itemId: ProposableIdSchema,
  requestedBy: SlackUserIdSchema,
  /** When it was asked: one job per click (the same entry unchanged still makes no new commit). */
  requestedAt: InstantSchema,
});
export type CatalogProposalJob = z.infer<typeof CatalogProposalJobSchema>;

export type ReminderKind = 'review' | 'idle';

/**
 * Deterministic job ids: the same reminder scheduled twice, or re-added by a retry, is one job.
 * BullMQ ids may not contain ':' and may not be all digits.
 */
export const jobIds = {
  reviewRequest: (job: ReviewRequestJob) => `review-request.${job.workspaceId}.${job.modelId}.${ms(job.requestedAt)}`,
  reviewNudge: (job: ReviewNudgeJob) =>
    `review-nudge.${job.workspaceId}.${job.modelId}.${ms(job.requestedAt)}.${job.round}.${job.nudge}${snoozed(job)}`,
  draftIdle: (job: DraftIdleJob) =>
    `draft-idle.${job.workspaceId}.${job.modelId}.${ms(job.lastChangeAt)}.${job.nudge}${snoozed(job)}`,
  modelExport: (job: ModelExportJob) => `export.${job.workspaceId}.${job.modelId}.${job.reason}.${ms(job.requestedAt)}`,
  modelReuse: (job: ModelReuseJob) =>
    `reuse.${job.workspaceId}.${job.modelId}.${job.dependencyId}.${ms(job.requestedAt)}`,
  catalogProposal: (job: CatalogProposalJob) =>
    `catalog-proposal.${job.workspaceId}.${job.modelId}.${job.itemId}.${ms(job.requestedAt)}`,
  threadPicture: (job: ThreadPictureJob) => `picture.${job.workspaceId}.${job.modelId}.${job.picture}.${job.version}`,
};

function ms(instant: string): number {
  return Date.parse(instant);
}

function snoozed(job: { snoozedUntil?: string | undefined }): string {
  return job.snoozedUntil ? `.snoozed-${ms(job.snoozedUntil)}` : '';
}
