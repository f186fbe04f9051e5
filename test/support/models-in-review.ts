import { CHANNELS, TEAM_ID, USERS } from '../../dev/stand-in/workspace';
import type { ThreatModel } from '../../src/domain/model';
import type { ReviewNudgeJob } from '../../src/ports/job-payloads';
import type { ModelStore } from '../../src/ports/model-store';

/**
 * A model in review, assigned to `reviewerId`, written straight into the store (no Slack round
 * trip), with the nudge payload that chases it. For tests and benchmarks of the reminder jobs.
 */
export async function seedModelInReview(
  store: ModelStore,
  reviewerId: string,
  options: { timeZone?: string; threadTs?: string } = {},
): Promise<{ model: ThreatModel; nudge: ReviewNudgeJob }> {
  const created = await store.create(
    { title: 'Refunds API', workspaceId: TEAM_ID, channelId: CHANNELS.PAYMENTS.id, ownerId: USERS.ALICE.id },
    USERS.ALICE.id,
  );
  const requestedAt = new Date().toISOString();
  const dueAt = new Date(Date.now() - 60_000).toISOString();
  const { model } = await store.update(
    { workspaceId: TEAM_ID, modelId: created.id },
    { actor: USERS.ALICE.id, action: 'seed' },
    (current) => ({
      ...current,
      ...(options.threadTs && { threadTs: options.threadTs }),
      status: 'in_review',
      review: {
        requestedBy: USERS.ALICE.id,
        requestedAt,
        incomplete: true,
        reviewerId,
        dueAt,
        history: [{ type: 'requested', by: USERS.ALICE.id, at: requestedAt }],
      },
    }),
  );
  const nudge: ReviewNudgeJob = {
    workspaceId: TEAM_ID,
    modelId: model.id,
    requestedAt,
    reviewerId,
    dueAt,
    timeZone: options.timeZone ?? 'UTC',
    round: 1,
    nudge: 1,
    escalated: false,
  };
  return { model, nudge };
}
