import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { RiskScore } from '../../../domain/risk';
import type { RiskAssessment } from '../../../domain/risk-assessment';
import { rateRisk } from '../../../use-cases/rate-risk';
import type { SlackServices } from '../../deps';
import { parseRiskForm } from '../../forms/parse-risk-form';
import { RiskModalMetadataSchema } from '../../ids';
import { postInModelThread, tellInModelThread } from '../../presenters/in-model-thread';
import { mention, truncate, userText } from '../../views/text';
import { notice } from '../../views/thread-messages';
import { checkedSubmission } from '../checked-submission';

/** What the thread is told: the scores before and after, and the decision with who took it. */
function reviewedText(
  userId: string,
  threatId: string,
  risk: RiskAssessment,
  scores: { before?: RiskScore; after?: RiskScore },
) {
  const { before, after } = scores;
  const decision = risk.decision;
  return truncate(
    `${mention(userId)} reviewed *${threatId}*: ${before?.score} ${before?.band} → ${after?.score} ${after?.band}; ` +
      `${decision?.type === 'accept' ? `risk accepted by ${mention(userId)}` : `decision: ${decision?.type}`}` +
      (decision?.reason ? ` (${userText(decision.reason, 800)})` : ''),
    3000,
  );
}

/** A risk review was submitted: record ratings and decision (with who decided), tell the thread. */
export function riskSubmit(services: SlackServices) {
  return async ({ ack, body, view }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const checked = await checkedSubmission(services, { ack, body, view }, RiskModalMetadataSchema, 'threatId');
    if (!checked) return;
    const { metadata, model, workspaceId, userId } = checked;
    const parsed = parseRiskForm(checked.state, userId, services.clock());
    if (!parsed.ok) return ack({ response_action: 'errors', errors: parsed.errors });
    await ack();
    await services.afterAck.run(async () => {
      const ref = { workspaceId, modelId: metadata.modelId };
      const { threatId, risk } = parsed;
      const rated = await rateRisk(services, { ref, by: userId, threatId, risk });
      if (!rated.ok) {
        return tellInModelThread(services, model, userId, rated.message);
      }
      await postInModelThread(services.client, rated.model, notice(reviewedText(userId, threatId, risk, rated)));
    });
  };
}
