import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { type SummaryPage, turnSummaryPage } from '../../../use-cases/turn-summary-page';
import type { SlackServices } from '../../deps';
import { decodeValue } from '../../ids';
import { tellClicker } from '../../presenters/tell-clicker';

/** Previous/Next on a shared summary (scope, threats or mitigations): the use case remembers its page; it is re-rendered. */
export function summaryPage(services: SlackServices, which: SummaryPage) {
  return async ({
    ack,
    body,
    action,
    respond,
  }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs) => {
    await ack();
    await services.afterAck.run(async () => {
      const target = decodeValue(action.value);
      const page = Number(target?.detail);
      if (!target || !Number.isInteger(page) || page < 1) return;
      const ref = { workspaceId: body.team?.id ?? '', modelId: target.modelId };
      const outcome = await turnSummaryPage(services, { ref, userId: body.user.id, which, page });
      if (!outcome.ok) await tellClicker(services, { body, respond }, outcome.message);
    });
  };
}
