import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { requestReview } from '../../../use-cases/request-review';
import type { SlackServices } from '../../deps';
import { ReviewModalMetadataSchema } from '../../ids';
import { REVIEW_FIELDS } from '../../views/review-modals';
import { checkedSubmission } from '../checked-submission';

/**
 * The review request was submitted: the use case decides and queues the request; a refusal shows
 * on the form, beside the "request it anyway" choice when the model is incomplete.
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
    const outcome = await requestReview(services, { ref, by: userId, allowIncomplete, note });
    if (!outcome.ok) {
      const field = outcome.reason === 'incomplete' ? REVIEW_FIELDS.incomplete : REVIEW_FIELDS.note;
      const errorField = view.blocks.some((block) => block.block_id === field) ? field : REVIEW_FIELDS.note;
      await ack({ response_action: 'errors', errors: { [errorField]: outcome.message } });
      return;
    }
    await ack();
  };
}
