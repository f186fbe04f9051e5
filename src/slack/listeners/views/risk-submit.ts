import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { scoreRisk } from '../../../domain/risk';
import { assessThreat } from '../../../domain/threat-edits';
import type { SlackServices } from '../../deps';
import { parseRiskForm } from '../../forms/parse-risk-form';
import { RiskModalMetadataSchema } from '../../ids';
import { mention, truncate, userText } from '../../views/text';
import { notice } from '../../views/thread-messages';
import { checkedSubmission } from '../checked-submission';
import { tellUser } from '../tell-user';

/** A risk review was submitted: record ratings and decision (with who decided), tell the thread. */
export function riskSubmit(services: SlackServices) {
  return async ({ ack, body, view }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const checked = await checkedSubmission(services, { ack, body, view }, RiskModalMetadataSchema, 'threatId');
    if (!checked) return;
    const { metadata, state, workspaceId, userId } = checked;
    const parsed = parseRiskForm(state, userId, services.clock());
    if (!parsed.ok) {
      await ack({ response_action: 'errors', errors: parsed.errors });
      return;
    }
    await ack();
    await services.afterAck.run(async () => {
      const ref = { workspaceId, modelId: metadata.modelId };
      const { model, changed } = await services.store.update(
        ref,
        { actor: userId, action: `risk.${parsed.risk.decision?.type}` },
        (current) => assessThreat(current, parsed.threatId, parsed.risk) ?? current,
      );
      const where = { channel: model.channelId, threadTs: model.threadTs };
      if (!changed)
        return tellUser(services.client, services.logger, where, userId, `${parsed.threatId} was not changed.`);
      const matrix = services.flow.risk;
      const before = parsed.risk.before ? scoreRisk(matrix, parsed.risk.before) : undefined;
      const after = parsed.risk.after ? scoreRisk(matrix, parsed.risk.after) : undefined;
      const decision = parsed.risk.decision;
      const text = truncate(
        `${mention(userId)} reviewed *${parsed.threatId}*: ${before?.score} ${before?.band} → ${after?.score} ${after?.band}; ` +
          `${decision?.type === 'accept' ? `risk accepted by ${mention(userId)}` : `decision: ${decision?.type}`}` +
          (decision?.reason ? ` (${userText(decision.reason, 800)})` : ''),
        3000,
      );
      await services.client.chat.postMessage({ channel: model.channelId, thread_ts: model.threadTs, ...notice(text) });
      services.refresher.refresh(ref);
    });
  };
}
