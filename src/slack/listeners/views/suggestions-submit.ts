import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { addCatalogThreats } from '../../../use-cases/add-catalog-threats';
import { pickableSuggestions } from '../../../use-cases/catalog-suggestions';
import type { SlackServices } from '../../deps';
import { ViewStateSchema } from '../../forms/form-values';
import { idsOnPage, mergePicks } from '../../forms/suggestion-picks';
import { readMetadata, SuggestionsMetadataSchema } from '../../ids';
import { postInModelThread, postReopenedSteps, tellInModelThread } from '../../presenters/in-model-thread';
import { SUGGESTIONS_PER_PAGE } from '../../views/catalog-suggestions-modal';
import { mention, truncate } from '../../views/text';
import { notice } from '../../views/thread-messages';

/**
 * The ticked catalog threats are added to the model, each placed on the components it fits and
 * recording its catalog origin; the thread is told which threats arrived.
 */
export function suggestionsSubmit(services: SlackServices) {
  return async ({ ack, body, view }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const metadata = readMetadata(SuggestionsMetadataSchema, view.private_metadata);
    const state = ViewStateSchema.safeParse(view.state.values);
    if (!metadata || !state.success) return ack();
    const ref = { workspaceId: body.team?.id ?? body.user.team_id ?? '', modelId: metadata.modelId };
    const by = body.user.id;
    const found = await pickableSuggestions(services, { ref, by, order: metadata.order });
    if (!found.ok) {
      const firstInput = view.blocks.find((block) => block.type === 'input')?.block_id;
      return firstInput ? ack({ response_action: 'errors', errors: { [firstInput]: found.message } }) : ack();
    }
    const shown = idsOnPage(found.suggestions, metadata.page, SUGGESTIONS_PER_PAGE);
    const picked = mergePicks(metadata.picked, shown, state.data);
    await ack();
    if (picked.length === 0) return;
    await services.afterAck.run(async () => {
      const outcome = await addCatalogThreats(services, { ref, by, picked });
      if (!outcome.ok) {
        return tellInModelThread(services, found.model, by, outcome.message);
      }
      const { model, added } = outcome;
      const text = `${mention(by)} added ${added.length} threat(s) from the catalog: ${added.join(', ')}. Map them to your assets with *Edit*.`;
      postInModelThread(services, model, notice(truncate(text, 3000)));
      postReopenedSteps(services, model, outcome.reopened);
    });
  };
}
