import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { type HistoryCursor, readHistory } from '../../../use-cases/read-history';
import type { SlackServices } from '../../deps';
import { ACTIONS, decodeHistoryPage, decodeValue } from '../../ids';
import { tellClicker } from '../../presenters/tell-clicker';
import { historyModal } from '../../views/history-modal';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/** "History" on the card: the newest changes of the model, in a modal. */
export function showHistory(services: SlackServices) {
  return async ({ ack, body, action, respond }: ButtonArgs) => {
    await ack();
    const target = decodeValue(action.value);
    if (!target) return;
    const ref = { workspaceId: body.team?.id ?? '', modelId: target.modelId };
    const outcome = await readHistory(services, { ref, by: body.user.id, cursor: { page: 1 } });
    if (!outcome.ok) return tellClicker(services, { body, respond }, outcome.message);
    await services.client.views.open({ trigger_id: body.trigger_id, view: historyModal(outcome) });
  };
}

/** Previous / Next inside the History modal: the same checks, the other page in place. */
export function historyPage(services: SlackServices) {
  return async ({ ack, body, action, respond }: ButtonArgs) => {
    await ack();
    const target = decodeValue(action.value);
    const turn = decodeHistoryPage(target?.detail);
    if (!target || !turn || !body.view) return;
    const cursor: HistoryCursor =
      action.action_id === ACTIONS.historyNext
        ? { page: turn.page, olderThan: turn.entryId }
        : { page: turn.page, newerThan: turn.entryId };
    const ref = { workspaceId: body.team?.id ?? '', modelId: target.modelId };
    const outcome = await readHistory(services, { ref, by: body.user.id, cursor });
    if (!outcome.ok) return tellClicker(services, { body, respond }, outcome.message);
    await services.client.views.update({ view_id: body.view.id, hash: body.view.hash, view: historyModal(outcome) });
  };
}
