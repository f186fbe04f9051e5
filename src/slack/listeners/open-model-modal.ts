import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { View } from '@slack/types';
import type { ThreatModel } from '../../domain/model';
import { type Access, editableModel } from '../../use-cases/model-access';
import type { SlackServices } from '../deps';
import { decodeValue } from '../ids';
import { tellClicker } from '../presenters/tell-clicker';

type AccessCheck = (services: SlackServices, workspaceId: string, modelId: string, userId: string) => Promise<Access>;

/**
 * A button that opens a modal about the model named in its value: ack, check the user may change
 * the model now, then open the modal `build` returns, or tell the user the string it returns
 * instead (e.g. "add a threat first").
 */
export function openModelModal(
  services: SlackServices,
  build: (model: ThreatModel) => View | string,
  check: AccessCheck = editableModel,
) {
  return async ({
    ack,
    body,
    action,
    respond,
  }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs) => {
    await ack();
    const target = decodeValue(action.value);
    if (!target || !body.channel) return;
    const tell = (text: string) => tellClicker(services, { body, respond }, text);
    const access = await check(services, body.team?.id ?? '', target.modelId, body.user.id);
    if (!access.ok) return tell(access.message);
    const view = build(access.model);
    if (typeof view === 'string') return tell(view);
    await services.client.views.open({ trigger_id: body.trigger_id, view: view });
  };
}
