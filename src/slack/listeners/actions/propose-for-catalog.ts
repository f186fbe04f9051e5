import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ModelRef } from '../../../ports/model-store';
import { proposeForCatalog } from '../../../use-cases/propose-for-catalog';
import type { SlackServices } from '../../deps';
import { decodeValue } from '../../ids';
import { tellClicker } from '../../presenters/tell-clicker';
import { proposedForCatalogText } from '../../views/catalog-proposal-text';
import type { MenuChoice } from '../menu-choice';

/** The use case decides who may; the person who clicked hears at once (the link follows in the thread). */
async function propose(
  services: SlackServices,
  request: { ref: ModelRef; by: string; itemId: string },
  tell: (text: string) => Promise<void>,
): Promise<void> {
  await services.afterAck.run(async () => {
    const outcome = await proposeForCatalog(services, request);
    await tell(outcome.ok ? proposedForCatalogText(outcome) : outcome.message);
  });
}

/** "Propose for the catalog" in a threat's or mitigation's menu (an editable model's list). */
export async function proposeItemForCatalog(
  services: SlackServices,
  body: BlockAction,
  choice: MenuChoice,
): Promise<void> {
  const ref = { workspaceId: choice.workspaceId, modelId: choice.model.id };
  await propose(services, { ref, by: body.user.id, itemId: choice.id }, choice.tell);
}

/** The "Propose for the catalog" button on a read-only model's list line (`TM-7|T-3`). */
export function proposeButton(services: SlackServices) {
  return async ({
    ack,
    body,
    action,
    respond,
  }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs) => {
    await ack();
    const target = decodeValue(action.value);
    if (!target?.detail) return;
    const ref = { workspaceId: body.team?.id ?? '', modelId: target.modelId };
    await propose(services, { ref, by: body.user.id, itemId: target.detail }, (text) =>
      tellClicker(services, { body, respond }, text),
    );
  };
}
