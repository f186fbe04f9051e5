import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { SlackServices } from '../../deps';
import { suggestionsFor } from '../../forms/suggestion-picks';
import { decodeValue } from '../../ids';
import { modelReadyForThreats } from '../../model-access';
import { catalogSuggestionsModal } from '../../views/catalog-suggestions-modal';
import { tellUser } from '../tell-user';

/** "Suggest from catalog": open the ranked suggestions for the model's components. */
export function suggestThreatsAction(services: SlackServices) {
  return async ({ ack, body, action }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs) => {
    await ack();
    const target = decodeValue(action.value);
    const channel = body.channel?.id;
    if (!target || !channel) return;
    const tell = (text: string) =>
      tellUser(services.client, services.logger, { channel, threadTs: body.message?.thread_ts }, body.user.id, text);
    const access = await modelReadyForThreats(services, body.team?.id ?? '', target.modelId, body.user.id);
    if (!access.ok) return tell(access.message);
    const suggestions = suggestionsFor(access.model, services.catalog);
    const view = catalogSuggestionsModal(access.model, suggestions, { modelId: access.model.id, page: 1, picked: [] });
    await services.client.views.open({ trigger_id: body.trigger_id, view: view as never });
  };
}
