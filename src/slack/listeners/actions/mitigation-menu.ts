import type { AllMiddlewareArgs, BlockAction, OverflowAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { removeMitigation } from '../../../domain/mitigation-edits';
import type { SlackServices } from '../../deps';
import { mitigationModal } from '../../views/mitigation-modal';
import { menuChoice } from '../menu-choice';

/** The Edit/Remove menu on each mitigation of the mitigations list. */
export function mitigationMenu(services: SlackServices) {
  return async ({ ack, body, action }: SlackActionMiddlewareArgs<BlockAction<OverflowAction>> & AllMiddlewareArgs) => {
    await ack();
    const choice = await menuChoice(services, body, action);
    if (!choice) return;
    const { verb, id: mitigationId, workspaceId, tell } = choice;
    const mitigation = choice.model.mitigations.find((m) => m.id === mitigationId);
    if (!mitigation) return tell(`${mitigationId} no longer exists in ${choice.model.id}.`);
    if (verb === 'edit') {
      const view = mitigationModal({ model: choice.model, catalog: services.catalog }, mitigation);
      await services.client.views.open({ trigger_id: body.trigger_id, view: view as never });
      return;
    }
    if (verb !== 'remove') return;
    await services.afterAck.run(async () => {
      await services.store.update(
        { workspaceId, modelId: choice.model.id },
        { actor: body.user.id, action: 'mitigation.remove' },
        (current) => removeMitigation(current, mitigationId) ?? current,
      );
      await tell(`Removed mitigation ${mitigationId}; its threats may need another mitigation or a risk decision.`);
      services.refresher.refresh({ workspaceId, modelId: choice.model.id });
    });
  };
}
