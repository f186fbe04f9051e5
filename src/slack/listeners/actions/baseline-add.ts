import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { controlsForThreat } from '../../../catalog/catalog-queries';
import { adoptBaselineControl } from '../../../domain/mitigation-edits';
import { editableModel } from '../../../use-cases/model-access';
import type { SlackServices } from '../../deps';
import { decodeValue } from '../../ids';
import { baselineControlsModal } from '../../views/baseline-controls-modal';
import { mention } from '../../views/text';
import { notice } from '../../views/thread-messages';

/**
 * "Add as mitigation" on a proposed baseline control: link the threat to the mitigation that
 * implements the control, or add a proposed one; the modal then shows it as implemented.
 */
export function baselineAdd(services: SlackServices) {
  return async ({ ack, body, action }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs) => {
    await ack();
    const target = decodeValue(action.value);
    const [threatId = '', controlId = ''] = (target?.detail ?? '').split(':');
    const workspaceId = body.team?.id ?? '';
    if (!target || !body.view) return;
    const access = await editableModel(services, workspaceId, target.modelId, body.user.id);
    const threat = access.ok ? access.model.threats.find((t) => t.id === threatId) : undefined;
    if (!access.ok || !threat || threat.origin.type !== 'catalog') return;
    const controls = controlsForThreat(services.catalog, threat.origin.catalogThreatId);
    const control = controls.find((c) => c.id === controlId);
    if (!control) return;
    let result: { mitigationId: string; linked: boolean } | undefined;
    const { model } = await services.store.update(
      { workspaceId, modelId: target.modelId },
      { actor: body.user.id, action: 'mitigation.adopt_baseline' },
      (current) => {
        const adopted = adoptBaselineControl(current, threatId, control, body.user.id, services.clock());
        result = adopted;
        return adopted.model;
      },
    );
    const updated = model.threats.find((t) => t.id === threatId) ?? threat;
    await services.client.views.update({
      view_id: body.view.id,
      hash: body.view.hash,
      view: baselineControlsModal(model, updated, controls) as never,
    });
    if (result) {
      const what = result.linked
        ? `linked ${threatId} to ${result.mitigationId}`
        : `added ${result.mitigationId} for ${threatId}`;
      await services.client.chat.postMessage({
        channel: model.channelId,
        thread_ts: model.threadTs,
        ...notice(`${mention(body.user.id)} ${what}: baseline control *${control.title}*.`),
      });
    }
    services.refresher.refresh({ workspaceId, modelId: model.id });
  };
}
