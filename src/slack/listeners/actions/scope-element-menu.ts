import type { AllMiddlewareArgs, BlockAction, OverflowAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { findScopeElement, removeScopeElement, SCOPE_KIND_NAMES, scopeKindOf } from '../../../domain/scope-edits';
import type { SlackServices } from '../../deps';
import { decodeValue } from '../../ids';
import { editableModel } from '../../model-access';
import { scopeElementModal } from '../../views/scope-element-modal';
import { tellUser } from '../tell-user';

/** The Edit/Remove menu on each line of the scope summary. */
export function scopeElementMenu(services: SlackServices) {
  return async ({ ack, body, action }: SlackActionMiddlewareArgs<BlockAction<OverflowAction>> & AllMiddlewareArgs) => {
    await ack();
    const target = decodeValue(action.selected_option.value);
    const [verb, elementId = ''] = (target?.detail ?? '').split(':');
    const kind = scopeKindOf(elementId);
    const channel = body.channel?.id;
    if (!target || !kind || !channel) return;
    const workspaceId = body.team?.id ?? '';
    const where = { channel, threadTs: body.message?.thread_ts };
    const tell = (text: string) => tellUser(services.client, services.logger, where, body.user.id, text);
    const access = await editableModel(services, workspaceId, target.modelId, body.user.id);
    if (!access.ok) return tell(access.message);
    const existing = findScopeElement(access.model, kind, elementId);
    if (!existing) return tell(`${elementId} no longer exists in ${target.modelId}.`);

    if (verb === 'edit') {
      const view = scopeElementModal(kind, { model: access.model, catalog: services.catalog }, existing);
      await services.client.views.open({ trigger_id: body.trigger_id, view: view as never });
      return;
    }
    if (verb !== 'remove') return;
    let refusal: string | undefined;
    await services.store.update(
      { workspaceId, modelId: target.modelId },
      { actor: body.user.id, action: `scope.${kind}.remove` },
      (current) => {
        const outcome = removeScopeElement(current, kind, elementId);
        if (outcome.ok) return outcome.model;
        refusal =
          outcome.reason === 'in_use'
            ? `${elementId} is still used by ${outcome.usedBy.join(', ')}: change or remove those first.`
            : `${elementId} no longer exists.`;
        return current;
      },
    );
    if (refusal) return tell(refusal);
    await tell(`Removed ${SCOPE_KIND_NAMES[kind]} ${elementId}.`);
    services.refresher.refresh({ workspaceId, modelId: target.modelId });
  };
}
