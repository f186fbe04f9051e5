import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { requestChanges } from '../../../use-cases/request-changes';
import type { SlackServices } from '../../deps';
import { postInModelThread } from '../../presenters/in-model-thread';
import { REVIEW_FIELDS } from '../../views/review-modals';
import { changesRequestedMessage } from '../../views/thread-messages';
import { readReviewForm } from './review-form';

/**
 * The reviewer's comments: the use case sends the model back to the team (or the form shows
 * why not); the comments are posted in its thread, mentioning the owner.
 */
export function reviewChangesSubmit(services: SlackServices) {
  return async ({ ack, body, view }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const form = await readReviewForm({ ack, body, view });
    if (!form) return;
    const userId = body.user.id;
    const comment = form.field(REVIEW_FIELDS.comment) ?? '';
    const outcome = await requestChanges(services, { ref: form.ref, by: userId, comment });
    if (!outcome.ok) return form.refuse(outcome.message);
    await ack();
    const { model } = outcome;
    if (!model.threadTs) return;
    postInModelThread(services, model, changesRequestedMessage(model, userId, comment));
  };
}
