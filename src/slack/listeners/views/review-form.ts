import type { SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { ModelRef } from '../../../ports/model-store';
import { ViewStateSchema } from '../../forms/form-values';
import { ReviewModalMetadataSchema, readMetadata } from '../../ids';
import { REVIEW_FIELDS } from '../../views/review-modals';

export interface ReviewForm {
  ref: ModelRef;
  /** A text field's value, by its block and action id (they are the same in the review modals). */
  field: (id: string) => string | undefined;
  /** Answers the submission with `message` on the comment field (the form stays open). */
  refuse: (message: string) => Promise<void>;
}

/**
 * The common start of the review modals' submissions (approve, request changes): which model, and
 * the form's values. An out-of-date form is answered inline and undefined is returned.
 */
export async function readReviewForm({
  ack,
  body,
  view,
}: Pick<SlackViewMiddlewareArgs<ViewSubmitAction>, 'ack' | 'body' | 'view'>): Promise<ReviewForm | undefined> {
  const refuse = (message: string) => ack({ response_action: 'errors', errors: { [REVIEW_FIELDS.comment]: message } });
  const metadata = readMetadata(ReviewModalMetadataSchema, view.private_metadata);
  const state = ViewStateSchema.safeParse(view.state.values);
  if (!metadata || !state.success) {
    await refuse('This form is out of date. Close it and start again.');
    return undefined;
  }
  const ref = { workspaceId: body.team?.id ?? body.user.team_id ?? '', modelId: metadata.modelId };
  return { ref, field: (id) => state.data[id]?.[id]?.value ?? undefined, refuse };
}
