import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { SlackServices } from '../../deps';
import { decodeValue } from '../../ids';
import { editableModel } from '../../model-access';
import { riskModal } from '../../views/risk-modal';
import { tellUser } from '../tell-user';

/** "Review a risk": open the risk modal for the model's threats. */
export function riskReview(services: SlackServices) {
  return async ({ ack, body, action }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs) => {
    await ack();
    const target = decodeValue(action.value);
    const channel = body.channel?.id;
    if (!target || !channel) return;
    const tell = (text: string) =>
      tellUser(services.client, services.logger, { channel, threadTs: body.message?.thread_ts }, body.user.id, text);
    const access = await editableModel(services, body.team?.id ?? '', target.modelId, body.user.id);
    if (!access.ok) return tell(access.message);
    if (access.model.threats.length === 0) return tell(`${access.model.id} has no threats to review.`);
    const view = riskModal({ model: access.model, catalog: services.catalog, flow: services.flow });
    await services.client.views.open({ trigger_id: body.trigger_id, view: view as never });
  };
}
