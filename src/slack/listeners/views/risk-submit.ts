import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { checkRiskReview, rateRisk } from '../../../use-cases/rate-risk';
import type { SlackServices } from '../../deps';
import { NEXT_AFTER } from '../../forms/next-form';
import { parseRiskForm } from '../../forms/parse-risk-form';
import { RiskModalMetadataSchema } from '../../ids';
import { postInModelThread, postReopenedSteps } from '../../presenters/in-model-thread';
import { acceptanceRequestMessage, riskReviewedMessage } from '../../views/risk-messages';
import { checkedSubmission } from '../checked-submission';
import { saveThenGoOn } from './save-then-go-on';

/**
 * A risk review was submitted: refuse inline what the rules refuse (a residual rating without a
 * mitigation, an acceptance nobody may take), record it, tell the thread, and ask the role holder
 * who must accept a proposal.
 */
export function riskSubmit(services: SlackServices) {
  return async ({ ack, body, view }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const checked = await checkedSubmission(services, { ack, body, view }, RiskModalMetadataSchema, 'threatId');
    if (!checked) return;
    const { metadata, model, workspaceId, userId } = checked;
    const parsed = parseRiskForm(checked.state, userId, services.clock());
    if (!parsed.ok) return ack({ response_action: 'errors', errors: parsed.errors });
    const { threatId, risk } = parsed;
    const check = checkRiskReview(services, model, { by: userId, threatId, risk });
    if (!check.ok) return ack({ response_action: 'errors', errors: { [check.field]: check.message } });
    const ref = { workspaceId, modelId: metadata.modelId };
    await saveThenGoOn(services, {
      ack,
      state: checked.state,
      model,
      userId,
      current: 'risk',
      offered: NEXT_AFTER.risk,
      errorField: 'threatId',
      save: () => rateRisk(services, { ref, by: userId, threatId, risk }),
      announce: (rated) => announceRating(services, userId, threatId, rated),
    });
  };
}

/** The thread is told of the rating, and the role holder who must accept a proposal is asked. */
function announceRating(
  services: SlackServices,
  userId: string,
  threatId: string,
  rated: Extract<Awaited<ReturnType<typeof rateRisk>>, { ok: true }>,
): void {
  const { result, threat } = rated;
  const pendingRole = result.kind === 'proposed' ? result.awaiting : undefined;
  const decision = threat.risk.decision;
  const scores = { before: rated.before, after: rated.after, pendingRole };
  postInModelThread(services, rated.model, riskReviewedMessage(userId, threatId, decision, scores));
  postReopenedSteps(services, rated.model, rated.reopened);
  if (result.kind !== 'proposed' || !decision) return;
  const request = { threatId, threatAction: threat.threatAction, decision, ...result };
  const residual = rated.after ?? rated.before;
  postInModelThread(
    services,
    rated.model,
    acceptanceRequestMessage(rated.model, { ...request, ...(residual && { residual }) }),
  );
}
