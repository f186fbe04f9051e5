import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { SlackServices } from '../../deps';
import { decodeValue } from '../../ids';

/** Previous/Next on a shared summary (scope, threats or mitigations): remember its page, re-render it. */
export function summaryPage(services: SlackServices, which: 'scopePage' | 'threatPage' | 'mitigationPage') {
  return async ({ ack, body, action }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs) => {
    await ack();
    await services.afterAck.run(async () => {
      const target = decodeValue(action.value);
      const page = Number(target?.detail);
      if (!target || !Number.isInteger(page) || page < 1) return;
      const ref = { workspaceId: body.team?.id ?? '', modelId: target.modelId };
      await services.messageRefs.set(ref, { [which]: page });
      services.refresher.refresh(ref);
    });
  };
}
