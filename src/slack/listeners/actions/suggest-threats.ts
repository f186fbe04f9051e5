import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { SuggestionOrder } from '../../../catalog/catalog-queries';
import { openCatalogSuggestions } from '../../../use-cases/catalog-suggestions';
import type { SlackServices } from '../../deps';
import { decodeValue } from '../../ids';
import { tellClicker } from '../../presenters/tell-clicker';
import { catalogSuggestionsModal } from '../../views/catalog-suggestions-modal';

/**
 * "Suggest from catalog": open the ranked suggestions for the model's components; "Browse by
 * OWASP Top 10": the same modal, its ticks and its submission, listed by Top 10 category.
 */
export function suggestThreatsAction(services: SlackServices, order: SuggestionOrder = 'relevance') {
  return async ({
    ack,
    body,
    action,
    respond,
  }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs) => {
    await ack();
    const target = decodeValue(action.value);
    if (!target) return;
    const ref = { workspaceId: body.team?.id ?? '', modelId: target.modelId };
    const found = await openCatalogSuggestions(services, { ref, by: body.user.id, order });
    if (!found.ok) return tellClicker(services, { body, respond }, found.message);
    const { model, suggestions } = found;
    await services.client.views.open({
      trigger_id: body.trigger_id,
      view: catalogSuggestionsModal(model, suggestions, {
        modelId: model.id,
        page: 1,
        picked: [],
        ...(order !== 'relevance' && { order }),
      }),
    });
  };
}
