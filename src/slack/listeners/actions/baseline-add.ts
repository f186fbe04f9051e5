import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { adoptBaselineControl } from '../../../use-cases/adopt-baseline-control';
import type { SlackServices } from '../../deps';
import { decodeValue } from '../../ids';
import { postInModelThread, postReopenedSteps } from '../../presenters/in-model-thread';
import { tellClicker } from '../../presenters/tell-clicker';
import { baselineControlsModal } from '../../views/baseline-controls-modal';
import { mention } from '../../views/text';
import { notice } from '../../views/thread-messages';

/**
 * "Add as mitigation" on a proposed baseline control: the use case links the threat to the
 * mitigation that implements the control, or adds a proposed one; the modal then shows it as
 * implemented and the thread hears of it.
 */
export function baselineAdd(services: SlackServices) {
  return async ({
    ack,
    body,
    action,
    respond,
  }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs) => {
    await ack();
    const target = decodeValue(action.value);
    const [threatId = '', controlId = ''] = (target?.detail ?? '').split(':');
    if (!target || !body.view) return;
    const ref = { workspaceId: body.team?.id ?? '', modelId: target.modelId };
    const outcome = await adoptBaselineControl(services, { ref, by: body.user.id, threatId, controlId });
    if (!outcome.ok) return tellClicker(services, { body, respond }, outcome.message);
    const { model, threat, controls, control, mitigationId, linked } = outcome;
    await services.client.views.update({
      view_id: body.view.id,
      hash: body.view.hash,
      view: baselineControlsModal(model, threat, controls),
    });
    const what = linked ? `linked ${threatId} to ${mitigationId}` : `added ${mitigationId} for ${threatId}`;
    postInModelThread(
      services,
      model,
      notice(`${mention(body.user.id)} ${what}: baseline control *${control.title}*.`),
    );
    postReopenedSteps(services, model, outcome.reopened);
  };
}
