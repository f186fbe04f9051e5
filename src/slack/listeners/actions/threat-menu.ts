import type { AllMiddlewareArgs, BlockAction, OverflowAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { controlsForThreat } from '../../../catalog/catalog-queries';
import { removeThreat } from '../../../domain/threat-edits';
import type { SlackServices } from '../../deps';
import { baselineControlsModal } from '../../views/baseline-controls-modal';
import { threatModal } from '../../views/threat-modal';
import { menuChoice } from '../menu-choice';

/** The Edit / Baseline controls / Remove menu on each threat of the threats summary. */
export function threatMenu(services: SlackServices) {
  return async ({ ack, body, action }: SlackActionMiddlewareArgs<BlockAction<OverflowAction>> & AllMiddlewareArgs) => {
    await ack();
    const choice = await menuChoice(services, body, action);
    if (!choice) return;
    const { verb, id: threatId, workspaceId, tell } = choice;
    const threat = choice.model.threats.find((t) => t.id === threatId);
    if (!threat) return tell(`${threatId} no longer exists in ${choice.model.id}.`);

    if (verb === 'edit') {
      const view = threatModal({ model: choice.model, catalog: services.catalog }, { threatId, values: threat });
      await services.client.views.open({ trigger_id: body.trigger_id, view: view as never });
      return;
    }
    if (verb === 'baseline') {
      const controls =
        threat.origin.type === 'catalog' ? controlsForThreat(services.catalog, threat.origin.catalogThreatId) : [];
      await services.client.views.open({
        trigger_id: body.trigger_id,
        view: baselineControlsModal(choice.model, threat, controls) as never,
      });
      return;
    }
    if (verb !== 'remove') return;
    await services.afterAck.run(async () => {
      let refusal: string | undefined;
      await services.store.update(
        { workspaceId, modelId: choice.model.id },
        { actor: body.user.id, action: 'threat.remove' },
        (current) => {
          const outcome = removeThreat(current, threatId);
          if (outcome.ok) return outcome.model;
          refusal =
            outcome.reason === 'in_use'
              ? `${threatId} is still addressed by ${outcome.usedBy.join(', ')}: change or remove those first.`
              : `${threatId} no longer exists.`;
          return current;
        },
      );
      if (refusal) return tell(refusal);
      await tell(`Removed threat ${threatId}.`);
      services.refresher.refresh({ workspaceId, modelId: choice.model.id });
    });
  };
}
