import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { type ReviewOutcome, requestChanges } from '../../../domain/review-workflow';
import type { SlackServices } from '../../deps';
import { ViewStateSchema } from '../../forms/form-values';
import { ReviewModalMetadataSchema, readMetadata } from '../../ids';
import { REVIEW_FIELDS } from '../../views/review-modals';
import { mention, truncate, userText } from '../../views/text';
import { notice } from '../../views/thread-messages';

/**
 * The reviewer's comments: the model goes back to the team (changes requested), the comments are
 * posted in its thread mentioning the owner, the review nudges stop and the idle reminder starts.
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
    const isAppSec = await services.appsec.isMember(userId);
    let outcome: ReviewOutcome | undefined;
    const { model } = await services.store.update(
      ref,
      { actor: userId, action: 'review.request_changes' },
      (current) => {
        outcome = requestChanges(current, { by: userId, at: services.clock(), comment, isAppSec });
        return outcome.ok ? outcome.model : current;
      },
    );
    if (!outcome?.ok) return errors(outcome?.message ?? 'Not possible now.');
    await ack();
    await services.afterAck.run(async () => {
      await services.jobs.cancelReminder(ref, 'review');
      if (model.threadTs) {
        const text = truncate(
          `${mention(model.ownerId)}, ${mention(userId)} requested changes to *${model.id}*:\n>${userText(comment.trim(), 2500).replace(/\n/g, '\n>')}\n` +
            'Answer here, make the changes, then request the review again from the card.',
          3000,
        );
        await services.client.chat.postMessage({
          channel: model.channelId,
          thread_ts: model.threadTs,
          ...notice(text),
        });
      }
      await services.reviews.scheduleIdle(model);
      services.refresher.refresh(ref);
    });
  };
}
