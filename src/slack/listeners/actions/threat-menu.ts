import type { AllMiddlewareArgs, BlockAction, OverflowAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { controlsForThreat } from '../../../catalog/catalog-queries';
import { removeThreat } from '../../../domain/threat-edits';
import type { SlackServices } from '../../deps';
import { decodeValue } from '../../ids';
import { editableModel } from '../../model-access';
import { baselineControlsModal } from '../../views/baseline-controls-modal';
import { threatModal } from '../../views/threat-modal';
import { tellUser } from '../tell-user';

/** The Edit / Baseline controls / Remove menu on each threat of the threats summary. */
export function threatMenu(services: SlackServices) {
  return async ({ ack, body, action }: SlackActionMiddlewareArgs<BlockAction<OverflowAction>> & AllMiddlewareArgs) => {
    await ack();
    const target = decodeValue(action.selected_option.value);
    const [verb, threatId = ''] = (target?.detail ?? '').split(':');
    const channel = body.channel?.id;
    if (!target || !channel) return;
    const workspaceId = body.team?.id ?? '';
    const tell = (text: string) =>
      tellUser(services.client, services.logger, { channel, threadTs: body.message?.thread_ts }, body.user.id, text);
    const access = await editableModel(services, workspaceId, target.modelId, body.user.id);
    if (!access.ok) return tell(access.message);
    const threat = access.model.threats.find((t) => t.id === threatId);
    if (!threat) return tell(`${threatId} no longer exists in ${target.modelId}.`);

    if (verb === 'edit') {
      const view = threatModal({ model: access.model, catalog: services.catalog }, { threatId, values: threat });
      await services.client.views.open({ trigger_id: body.trigger_id, view: view as never });
      return;
    }
    if (verb === 'baseline') {
      const controls =
        threat.origin.type === 'catalog' ? controlsForThreat(services.catalog, threat.origin.catalogThreatId) : [];
      await services.client.views.open({
        trigger_id: body.trigger_id,
        view: baselineControlsModal(access.model, threat, controls) as never,
      });
      return;
    }
    if (verb !== 'remove') return;
    await services.afterAck.run(async () => {
      let refusal: string | undefined;
      await services.store.update(
        { workspaceId, modelId: target.modelId },
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
      services.refresher.refresh({ workspaceId, modelId: target.modelId });
    });
  };
}
