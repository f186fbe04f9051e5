import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { editableModel } from '../../../use-cases/model-access';
import type { SlackServices } from '../../deps';
import { missingPrerequisite } from '../../forms/scope-fields';
import { decodeValue, ScopeKindSchema } from '../../ids';
import { tellClicker } from '../../presenters/tell-clicker';
import { scopeElementModal } from '../../views/scope-element-modal';

/** "Add asset", "Add component", ...: open the element's modal (or say what to add first). */
export function scopeAdd(services: SlackServices) {
  return async ({
    ack,
    body,
    action,
    respond,
  }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs) => {
    await ack();
    const target = decodeValue(action.value);
    const kind = ScopeKindSchema.safeParse(target?.detail);
    if (!target || !kind.success || !body.channel) return;
    const tell = (text: string) => tellClicker(services, { body, respond }, text);
    const access = await editableModel(services, body.team?.id ?? '', target.modelId, body.user.id);
    if (!access.ok) return tell(access.message);
    const context = { model: access.model, catalog: services.catalog };
    const missing = missingPrerequisite(kind.data, context);
    if (missing) return tell(missing);
    await services.client.views.open({
      trigger_id: body.trigger_id,
      view: scopeElementModal(kind.data, context),
    });
  };
}
