import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { openCatalogSuggestions } from '../../../use-cases/catalog-suggestions';
import type { SlackServices } from '../../deps';
import { decodeValue } from '../../ids';
import { tellUser } from '../../presenters/tell-user';
import { catalogSuggestionsModal } from '../../views/catalog-suggestions-modal';

/** "Suggest from catalog": open the ranked suggestions for the model's components. */
export function suggestThreatsAction(services: SlackServices) {
  return async ({ ack, body, action }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs) => {
    await ack();
    const target = decodeValue(action.value);
    const channel = body.channel?.id;
    if (!target || !channel) return;
    const ref = { workspaceId: body.team?.id ?? '', modelId: target.modelId };
    const found = await openCatalogSuggestions(services, { ref, by: body.user.id });
    if (!found.ok) {
      const where = { channel, threadTs: body.message?.thread_ts };
      return tellUser(services.client, services.logger, where, body.user.id, found.message);
    }
    const { model, suggestions } = found;
    await services.client.views.open({
      trigger_id: body.trigger_id,
      view: catalogSuggestionsModal(model, suggestions, { modelId: model.id, page: 1, picked: [] }),
    });
  };
}
