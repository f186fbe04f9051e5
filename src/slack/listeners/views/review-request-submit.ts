import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { type ReviewOutcome, requestReview } from '../../../domain/review-workflow';
import type { SlackServices } from '../../deps';
import { ReviewModalMetadataSchema } from '../../ids';
import { REVIEW_FIELDS } from '../../views/review-modals';
import { checkedSubmission } from '../checked-submission';

/**
 * The review request was submitted: the model goes in review (the domain decides whether it may),
 * the stalled-draft reminder ends, and a job posts the request in the AppSec channel.
 */
export function reviewRequestSubmit(services: SlackServices) {
  return async ({ ack, body, view }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const checked = await checkedSubmission(
      services,
      { ack, body, view },
      ReviewModalMetadataSchema,
      REVIEW_FIELDS.note,
    );
    if (!checked) return;
    const { state, workspaceId, userId, metadata } = checked;
    const allowIncomplete = Boolean(
      state[REVIEW_FIELDS.incomplete]?.[REVIEW_FIELDS.incomplete]?.selected_options?.some((o) => o.value === 'yes'),
    );
    const note = state[REVIEW_FIELDS.note]?.[REVIEW_FIELDS.note]?.value?.trim() || undefined;
    const ref = { workspaceId, modelId: metadata.modelId };
    let outcome: ReviewOutcome | undefined;
    const { model } = await services.store.update(ref, { actor: userId, action: 'review.request' }, (current) => {
      outcome = requestReview(current, { by: userId, at: services.clock(), allowIncomplete, ...(note && { note }) });
      return outcome.ok ? outcome.model : current;
    });
    if (!outcome?.ok) {
      const field = outcome?.reason === 'incomplete' ? REVIEW_FIELDS.incomplete : REVIEW_FIELDS.note;
      const errorField = view.blocks.some((block) => block.block_id === field) ? field : REVIEW_FIELDS.note;
      await ack({ response_action: 'errors', errors: { [errorField]: outcome?.message ?? 'Not possible now.' } });
      return;
    }
    await ack();
    await services.afterAck.run(async () => {
      await services.jobs.cancelReminder(ref, 'idle');
      await services.jobs.requestReview({
        ...ref,
        requestedAt: model.review?.requestedAt ?? services.clock().toISOString(),
      });
      services.refresher.refresh(ref);
    });
  };
}
