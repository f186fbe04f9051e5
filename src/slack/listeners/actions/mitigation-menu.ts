import type { AllMiddlewareArgs, BlockAction, OverflowAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { removeMitigation } from '../../../domain/mitigation-edits';
import type { SlackServices } from '../../deps';
import { decodeValue } from '../../ids';
import { editableModel } from '../../model-access';
import { mitigationModal } from '../../views/mitigation-modal';
import { tellUser } from '../tell-user';

/** The Edit/Remove menu on each mitigation of the mitigations list. */
export function mitigationMenu(services: SlackServices) {
  return async ({ ack, body, action }: SlackActionMiddlewareArgs<BlockAction<OverflowAction>> & AllMiddlewareArgs) => {
    await ack();
    const target = decodeValue(action.selected_option.value);
    const [verb, mitigationId = ''] = (target?.detail ?? '').split(':');
    const channel = body.channel?.id;
    if (!target || !channel) return;
    const workspaceId = body.team?.id ?? '';
    const tell = (text: string) =>
      tellUser(services.client, services.logger, { channel, threadTs: body.message?.thread_ts }, body.user.id, text);
    const access = await editableModel(services, workspaceId, target.modelId, body.user.id);
    if (!access.ok) return tell(access.message);
    const mitigation = access.model.mitigations.find((m) => m.id === mitigationId);
    if (!mitigation) return tell(`${mitigationId} no longer exists in ${target.modelId}.`);
    if (verb === 'edit') {
      const view = mitigationModal({ model: access.model, catalog: services.catalog }, mitigation);
      await services.client.views.open({ trigger_id: body.trigger_id, view: view as never });
      return;
    }
    if (verb !== 'remove') return;
    await services.afterAck.run(async () => {
      await services.store.update(
        { workspaceId, modelId: target.modelId },
        { actor: body.user.id, action: 'mitigation.remove' },
        (current) => removeMitigation(current, mitigationId) ?? current,
      );
      await tell(`Removed mitigation ${mitigationId}; its threats may need another mitigation or a risk decision.`);
      services.refresher.refresh({ workspaceId, modelId: target.modelId });
    });
  };
}
