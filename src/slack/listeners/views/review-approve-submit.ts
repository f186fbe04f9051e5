import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { followUpLines } from '../../../domain/review-workflow';
import { approveReview } from '../../../use-cases/approve-review';
import type { SlackServices } from '../../deps';
import { ViewStateSchema } from '../../forms/form-values';
import { ReviewModalMetadataSchema, readMetadata } from '../../ids';
import { postInModelThread } from '../../presenters/in-model-thread';
import { REVIEW_FIELDS } from '../../views/review-modals';
import { approvedMessage } from '../../views/thread-messages';

/**
 * The approval form: the use case approves with the comment and follow-up actions (or the form
 * shows why not); the approval, comment and follow-ups are posted in the model's thread.
 */
export function reviewApproveSubmit(services: SlackServices) {
  return async ({ ack, body, view }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const metadata = readMetadata(ReviewModalMetadataSchema, view.private_metadata);
    const state = ViewStateSchema.safeParse(view.state.values);
    const errors = (message: string) =>
      ack({ response_action: 'errors', errors: { [REVIEW_FIELDS.comment]: message } });
    if (!metadata || !state.success) return errors('This form is out of date. Close it and start again.');
    const ref = { workspaceId: body.team?.id ?? body.user.team_id ?? '', modelId: metadata.modelId };
    const field = (id: string) => state.data[id]?.[id]?.value ?? undefined;
    const outcome = await approveReview(services, {
      ref,
      by: body.user.id,
      comment: field(REVIEW_FIELDS.comment) ?? '',
      followUps: followUpLines(field(REVIEW_FIELDS.followUps)),
    });
    if (!outcome.ok) return errors(outcome.message);
    await ack();
    const { model } = outcome;
    if (!model.threadTs) return;
    postInModelThread(services, model, approvedMessage(model));
  };
}
