import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { SlackServices } from '../../deps';
import { decodeValue } from '../../ids';
import { modelReadyForThreats } from '../../model-access';
import { threatModal } from '../../views/threat-modal';
import { tellUser } from '../tell-user';

/** "Add threat": open the threat modal, once the scope (step 1) is done. */
export function threatAdd(services: SlackServices) {
  return async ({ ack, body, action }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs) => {
    await ack();
    const target = decodeValue(action.value);
    const channel = body.channel?.id;
    if (!target || !channel) return;
    const tell = (text: string) =>
      tellUser(services.client, services.logger, { channel, threadTs: body.message?.thread_ts }, body.user.id, text);
    const access = await modelReadyForThreats(services, body.team?.id ?? '', target.modelId, body.user.id);
    if (!access.ok) return tell(access.message);
    const view = threatModal({ model: access.model, catalog: services.catalog });
    await services.client.views.open({ trigger_id: body.trigger_id, view: view as never });
  };
}
