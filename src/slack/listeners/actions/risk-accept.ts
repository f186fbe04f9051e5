import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { acceptRisk } from '../../../use-cases/accept-risk';
import type { SlackServices } from '../../deps';
import { decodeProposal } from '../../ids';
import { postInModelThread } from '../../presenters/in-model-thread';
import { acceptanceDecidedMessage } from '../../views/risk-messages';
import { reviewTarget } from '../review-target';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/**
 * "Accept" on the message asking about a proposed acceptance: the use case checks the clicker holds
 * the awaited role; the request loses its buttons and the thread is told, the proposer mentioned.
 */
export function riskAccept(services: SlackServices) {
  return async ({ ack, body, action, respond }: ButtonArgs) => {
    await ack();
    await services.afterAck.run(async () => {
      const target = reviewTarget(services, { body, respond }, action.value);
      const proposal = decodeProposal(target?.detail);
      if (!target || !proposal) return;
      const outcome = await acceptRisk(services, { ref: target.ref, by: target.userId, ...proposal });
      if (!outcome.ok) return target.tell(outcome.message);
      const decided = acceptanceDecidedMessage(target.userId, { ...outcome, accepted: true });
      const ts = body.message?.ts;
      if (ts) await services.client.chat.update({ channel: target.channel, ts, ...decided });
      postInModelThread(services, outcome.model, decided);
    });
  };
}
