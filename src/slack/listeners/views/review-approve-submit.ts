import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { followUpLines } from '../../../domain/review-workflow';
import { approveReview } from '../../../use-cases/approve-review';
import type { SlackServices } from '../../deps';
import { postInModelThread } from '../../presenters/in-model-thread';
import { REVIEW_FIELDS } from '../../views/review-modals';
import { approvedMessage } from '../../views/thread-messages';
import { readReviewForm } from './review-form';

/**
 * The approval form: the use case approves with the comment and follow-up actions (or the form
 * shows why not); the approval, comment and follow-ups are posted in the model's thread.
 */
export function reviewApproveSubmit(services: SlackServices) {
  return async ({ ack, body, view }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const form = await readReviewForm({ ack, body, view });
    if (!form) return;
    const outcome = await approveReview(services, {
      ref: form.ref,
      by: body.user.id,
      comment: form.field(REVIEW_FIELDS.comment) ?? '',
      followUps: followUpLines(form.field(REVIEW_FIELDS.followUps)),
    });
    if (!outcome.ok) return form.refuse(outcome.message);
    await ack();
    const { model } = outcome;
    if (!model.threadTs) return;
    postInModelThread(services, model, approvedMessage(model));
  };
}
