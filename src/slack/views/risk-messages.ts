import type { ThreatModel } from '../../domain/model';
import type { RiskScore } from '../../domain/risk';
import type { RiskDecision } from '../../domain/risk-assessment';
import { ROLE_NAMES, type Role } from '../../domain/roles';
import { ACTIONS, encodeProposal, encodeValue } from '../ids';
import type { SlackMessage } from './surfaces';
import { actions, button, context, mention, section, truncate, userLine, userText } from './text';

const VERBS = { accept: 'accept', transfer: 'transfer', avoid: 'avoid' } as const;
const DONE = { accept: 'accepted', transfer: 'transferred', avoid: 'avoided' } as const;

type Proposal = RiskDecision & { type: keyof typeof VERBS };

function isProposal(decision: RiskDecision): decision is Proposal {
  return decision.type !== 'mitigate';
}

/** "the high risk (16, after mitigation) of *T-2* _read refunds of others_" */
function riskOf(threatId: string, action: string, residual: RiskScore | undefined): string {
  const risk = residual ? `the ${residual.band} risk (${residual.score}, after mitigation)` : 'the risk';
  return `${risk} of *${threatId}* _${userLine(action, 150)}_`;
}

/**
 * Posted in the model's thread when someone proposes to accept, transfer or avoid a risk only the
 * holders of a role may accept (the Business role, for a high or critical risk): it mentions them,
 * so Slack notifies them, and gives them Accept and Decline. Anyone else clicking is refused.
 */
export function acceptanceRequestMessage(
  model: ThreatModel,
  request: {
    threatId: string;
    threatAction: string;
    decision: RiskDecision;
    awaiting: Role;
    holders: readonly string[];
    residual?: RiskScore;
  },
): SlackMessage {
  const { decision, threatId } = request;
  const verb = isProposal(decision) ? VERBS[decision.type] : 'accept';
  const role = ROLE_NAMES[request.awaiting];
  const who = request.holders.slice(0, 20).map(mention).join(', ');
  const text = truncate(
    `${who}: ${mention(decision.decidedBy)} proposes to ${verb} ${riskOf(threatId, request.threatAction, request.residual)}. ` +
      `Only the ${role} role holder may ${verb} it.`,
    2900,
  );
  const value = encodeValue(model.id, encodeProposal(threatId, decision.decidedAt));
  return {
    text,
    blocks: [
      section(text),
      ...(decision.reason ? [section(truncate(`*Why:* ${userText(decision.reason, 1500)}`, 3000))] : []),
      actions(encodeValue(model.id, `acceptance-${threatId}`), [
        button(verb === 'accept' ? 'Accept the risk' : `Accept: ${verb}`, ACTIONS.riskAccept, value, 'primary'),
        button('Decline', ACTIONS.riskDecline, value, 'danger'),
      ]),
      context(
        `Until the ${role} role holder decides, ${threatId} counts as not treated and ${model.id} cannot be approved.`,
      ),
    ],
  };
}

/**
 * What the request becomes once decided (its buttons gone), and what the thread is told: who
 * decided, who proposed, and what follows.
 */
export function acceptanceDecidedMessage(
  decidedBy: string,
  outcome: { threatId: string; proposal: RiskDecision; accepted: boolean; residual?: RiskScore },
): SlackMessage {
  const { proposal, threatId } = outcome;
  const done = isProposal(proposal) ? DONE[proposal.type] : 'accepted';
  const verb = isProposal(proposal) ? VERBS[proposal.type] : 'accept';
  const band = outcome.residual ? `${outcome.residual.band} ` : '';
  const text = outcome.accepted
    ? `:white_check_mark: ${mention(decidedBy)} ${done} the ${band}risk of *${threatId}*, as proposed by ${mention(proposal.decidedBy)}.`
    : `:leftwards_arrow_with_hook: ${mention(decidedBy)} declined to ${verb} the ${band}risk of *${threatId}*, as proposed by ` +
      `${mention(proposal.decidedBy)}: ${threatId} needs a new risk decision.`;
  return { text, blocks: [section(text)] };
}

/**
 * What the thread is told of a risk review: the scores before and after, and the decision with
 * who took it, or that it waits for the role holder who may accept it.
 */
export function riskReviewedMessage(
  userId: string,
  threatId: string,
  decision: RiskDecision | undefined,
  scores: { before?: RiskScore; after?: RiskScore; pendingRole?: Role },
): SlackMessage {
  const { before, after, pendingRole } = scores;
  const rated = `${before ? `${before.score} ${before.band}` : 'not rated'} → ${after ? `${after.score} ${after.band}` : 'not rated'}`;
  const what = !decision
    ? 'no decision yet'
    : !isProposal(decision)
      ? `decision: ${decision.type}`
      : pendingRole
        ? `proposed to ${VERBS[decision.type]} the risk, waiting for the ${ROLE_NAMES[pendingRole]} role holder`
        : `risk ${DONE[decision.type]} by ${mention(userId)}`;
  const why = decision?.reason ? ` (${userText(decision.reason, 800)})` : '';
  const text = truncate(`${mention(userId)} reviewed *${threatId}*: ${rated}; ${what}${why}`, 3000);
  return { text, blocks: [section(text)] };
}
