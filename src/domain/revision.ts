import { z } from 'zod';
import { LIMITS } from './limits';
import { ActorRefSchema, InstantSchema, multilineText, SlackUserIdSchema, text } from './primitives';

/** Versions one model can go through (each approved one is kept as a snapshot). */
export const REVISIONS_MAX = 100;

const VersionNumberSchema = z.number().int().min(1).max(REVISIONS_MAX);

/** One approved version of the model, recorded when the next version is opened. */
export const ApprovedVersionSchema = z
  .strictObject({
    number: VersionNumberSchema.describe('v1, v2, …: the version people talk about'),
    modelVersion: z
      .number()
      .int()
      .min(1)
      .describe('The stored change counter (model.version) of the approved snapshot'),
    approvedBy: ActorRefSchema,
    approvedAt: InstantSchema,
    comment: multilineText(LIMITS.commentMax).optional(),
    followUps: z.array(text(LIMITS.followUpMax)).max(LIMITS.followUpsMax).optional(),
  })
  .describe('An approved version, kept read-only');
export type ApprovedVersion = z.infer<typeof ApprovedVersionSchema>;

/**
 * Present once an approved model was revised: which version is being worked on, and the
 * approvals of the earlier ones (the approval of the version being worked on, once given, is the
 * review's last decision). The approved snapshots themselves are stored beside the model, not in
 * it: a model can be several megabytes, and every read and write of the live model would carry
 * every old version.
 */
export const RevisionSchema = z
  .strictObject({
    number: VersionNumberSchema.min(2).describe('The version the team works on now'),
    openedBy: SlackUserIdSchema,
    openedAt: InstantSchema,
    approved: z
      .array(ApprovedVersionSchema)
      .min(1)
      .max(REVISIONS_MAX)
      .describe('Earlier approved versions, oldest first'),
  })
  .describe('The version history of a revised model');
export type Revision = z.infer<typeof RevisionSchema>;
