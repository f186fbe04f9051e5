import { z } from 'zod';
import { LIMITS } from './limits';
import { ActorRefSchema, InstantSchema, multilineText, SlackUserIdSchema, text } from './primitives';

export const REVIEW_EVENT_TYPES = [
  'requested',
  'assigned',
  'claimed',
  'reassigned',
  'commented',
  'changes_requested',
  'approved',
  'withdrawn',
] as const;

export const ReviewEventSchema = z
  .strictObject({
    type: z.enum(REVIEW_EVENT_TYPES),
    by: ActorRefSchema,
    at: InstantSchema,
    reviewerId: SlackUserIdSchema.optional().describe('For assignments: who now reviews'),
    comment: multilineText(LIMITS.commentMax).optional(),
    followUps: z
      .array(text(LIMITS.followUpMax))
      .max(LIMITS.followUpsMax)
      .optional()
      .describe('For approvals: actions AppSec asks for beyond the model (e.g. penetration-test scope)'),
  })
  .describe('One decision or comment in a review');
export type ReviewEvent = z.infer<typeof ReviewEventSchema>;

/** The AppSec review of a model: the current request and everything that happened in it. */
export const ReviewSchema = z
  .strictObject({
    requestedBy: SlackUserIdSchema,
    requestedAt: InstantSchema,
    incomplete: z.boolean().default(false).describe('Requested before step 4 was complete; the reviewer is told'),
    reviewerId: SlackUserIdSchema.optional(),
    dueAt: InstantSchema.optional(),
    history: z.array(ReviewEventSchema).max(LIMITS.reviewHistoryMax).default([]),
  })
  .describe('The AppSec review');
export type Review = z.infer<typeof ReviewSchema>;
