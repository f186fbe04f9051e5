import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { currentSuggestions } from '../../../use-cases/catalog-suggestions';
import type { SlackServices } from '../../deps';
import { ViewStateSchema } from '../../forms/form-values';
import { idsOnPage, mergePicks } from '../../forms/suggestion-picks';
import { readMetadata, SuggestionsMetadataSchema } from '../../ids';
import { tellClicker } from '../../presenters/tell-clicker';
import { catalogSuggestionsModal, SUGGESTIONS_PER_PAGE } from '../../views/catalog-suggestions-modal';

/** Previous/Next inside the suggestions modal: keep the ticks, show the other page (to members of the model's channel). */
export function suggestionsPage(services: SlackServices) {
  return async ({
    ack,
    body,
    action,
    respond,
  }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs) => {
    await ack();
    const view = body.view;
    const metadata = view ? readMetadata(SuggestionsMetadataSchema, view.private_metadata) : undefined;
    const state = ViewStateSchema.safeParse(view?.state.values ?? {});
    const page = Number(action.value);
    if (!view || !metadata || !state.success || !Number.isInteger(page)) return;
    const found = await currentSuggestions(services, {
      ref: { workspaceId: body.team?.id ?? '', modelId: metadata.modelId },
      by: body.user.id,
      order: metadata.order,
    });
    if (!found.ok) return tellClicker(services, { body, respond }, found.message);
    const { model, suggestions } = found;
    const picked = mergePicks(metadata.picked, idsOnPage(suggestions, metadata.page, SUGGESTIONS_PER_PAGE), state.data);
    await services.client.views.update({
      view_id: view.id,
      hash: view.hash,
      view: catalogSuggestionsModal(model, suggestions, { ...metadata, page, picked }),
    });
  };
}
