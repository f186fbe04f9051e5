import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { requestChanges } from '../../../use-cases/request-changes';
import type { SlackServices } from '../../deps';
import { ViewStateSchema } from '../../forms/form-values';
import { ReviewModalMetadataSchema, readMetadata } from '../../ids';
import { postInModelThread } from '../../presenters/in-model-thread';
import { REVIEW_FIELDS } from '../../views/review-modals';
import { mention, truncate, userText } from '../../views/text';
import { notice } from '../../views/thread-messages';

/**
 * The reviewer's comments: the use case sends the model back to the team (or the form shows
 * why not); the comments are posted in its thread, mentioning the owner.
 */
export function reviewChangesSubmit(services: SlackServices) {
  return async ({ ack, body, view }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const metadata = readMetadata(ReviewModalMetadataSchema, view.private_metadata);
    const state = ViewStateSchema.safeParse(view.state.values);
    const errors = (message: string) =>
      ack({ response_action: 'errors', errors: { [REVIEW_FIELDS.comment]: message } });
    if (!metadata || !state.success) return errors('This form is out of date. Close it and start again.');
    const userId = body.user.id;
    const ref = { workspaceId: body.team?.id ?? body.user.team_id ?? '', modelId: metadata.modelId };
    const comment = state.data[REVIEW_FIELDS.comment]?.[REVIEW_FIELDS.comment]?.value ?? '';
    const outcome = await requestChanges(services, { ref, by: userId, comment });
    if (!outcome.ok) return errors(outcome.message);
    await ack();
    const { model } = outcome;
    if (!model.threadTs) return;
    const text = truncate(
      `${mention(model.ownerId)}, ${mention(userId)} requested changes to *${model.id}*:\n>${userText(comment.trim(), 2500).replace(/\n/g, '\n>')}\n` +
        'Answer here, make the changes, then request the review again from the card.',
      3000,
    );
    postInModelThread(services, model, notice(text));
  };
}
