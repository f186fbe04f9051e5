import type { Flow } from './flow';
import { EDITABLE_STATUSES, type ThreatModel } from './model';
import { acceptanceRule, hasActiveMitigation, isOnTeam, type RiskScore, ratedLowerAfter, scoreRisk } from './risk';
import type { RiskAcceptance, RiskAssessment, RiskDecision, RiskDecisionType, RiskRating } from './risk-assessment';
import { ROLE_NAMES, type Role } from './roles';
import { statusLabel } from './status-labels';
import type { Threat } from './threat';

/**
 * The rules of step 4 that make a risk review trustworthy: residual ratings backed by mitigations,
 * and accountable acceptance (the flow says who may accept, transfer or avoid a risk per residual
 * band; a proposal from anyone else waits for them). Pure: time comes in, the store audits.
 */

/** The form field a refusal belongs to, so the risk modal can show it inline. */
export type RiskReviewField = 'threatId' | 'likelihoodAfter' | 'decision';

export type RiskReviewRefusalReason =
  | 'not_editable'
  | 'not_found'
  | 'needs_residual'
  | 'residual_above_inherent'
  | 'residual_unsupported'
  | 'not_allowed'
  | 'no_accepter';

/** How a stored risk review stands: decided ("mitigate"), accepted straight away, or proposed and waiting. */
export type RiskReviewResult =
  | { kind: 'decided' }
  | { kind: 'accepted'; acceptance: Extract<RiskAcceptance, { status: 'accepted' }> }
  | { kind: 'proposed'; awaiting: Role; holders: string[] };

export type RiskReviewOutcome =
  | {
      ok: true;
      model: ThreatModel;
      threat: Threat;
      result: RiskReviewResult;
      before?: RiskScore;
      after?: RiskScore;
    }
  | { ok: false; reason: RiskReviewRefusalReason; field: RiskReviewField; message: string };

export interface RiskReviewInput {
  threatId: string;
  /** The ratings and the decision as the form gave them; who and when are taken from `by` and `at`. */
  risk: RiskAssessment;
  by: string;
  at: Date;
}

const VERB: Readonly<Record<Exclude<RiskDecisionType, 'mitigate'>, string>> = {
  accept: 'accept',
  transfer: 'transfer',
  avoid: 'avoid',
};

/**
 * Record the risk review of one of the team's threats, or refuse it with a message for the form:
 * - "mitigate" needs a rating after mitigation (the residual risk);
 * - a rating after mitigation may not exceed the one before, and one below it needs an active
 *   mitigation addressing the threat;
 * - accepting, transferring or avoiding is proposed by the owner or a role holder; it is accepted
 *   at once when the proposer is allowed to for the residual band (the flow's rule), otherwise it
 *   waits for the holder of the role the rule names (refused when nobody holds it).
 */
export function reviewRisk(flow: Flow, model: ThreatModel, input: RiskReviewInput): RiskReviewOutcome {
  const { threatId, by } = input;
  if (!EDITABLE_STATUSES.includes(model.status)) {
    return refuse(
      'not_editable',
      'threatId',
      `${model.id} is ${statusLabel(model.status).toLowerCase()} and cannot be changed now.`,
    );
  }
  const threat = ownThreat(model, threatId);
  if (!threat) return refuse('not_found', 'threatId', `${model.id} has no threat ${threatId} of its own to review.`);
  const { before, after, decision } = input.risk;
  if (decision?.type === 'mitigate' && !after) {
    return refuse(
      'needs_residual',
      'likelihoodAfter',
      `To mitigate ${threatId}, rate it after mitigation too: the residual risk is what counts.`,
    );
  }
  if (before && after && (after.likelihood > before.likelihood || after.impact > before.impact)) {
    return refuse(
      'residual_above_inherent',
      'likelihoodAfter',
      `The rating after mitigation cannot be higher than the one before (${rated(before)}).`,
    );
  }
  if (ratedLowerAfter(before, after) && !hasActiveMitigation(threat, model.mitigations)) {
    return refuse(
      'residual_unsupported',
      'likelihoodAfter',
      `${threatId} is rated lower after mitigation than before, but no mitigation addresses it. ` +
        `Add one for ${threatId} in step 3, or rate it after mitigation as before (${before ? rated(before) : ''}).`,
    );
  }
  const scores = {
    ...(before && { before: scoreRisk(flow.risk, before) }),
    ...(after && { after: scoreRisk(flow.risk, after) }),
  };
  const at = input.at.toISOString();
  if (!decision) {
    const risk: RiskAssessment = { ...input.risk, ratedBy: by };
    return done(model, threat, risk, { kind: 'decided' }, scores);
  }
  const proposed: RiskDecision = {
    type: decision.type,
    ...(decision.reason && { reason: decision.reason }),
    decidedBy: by,
    decidedAt: at,
  };
  if (decision.type === 'mitigate') {
    return done(model, threat, { ...input.risk, decision: proposed, ratedBy: by }, { kind: 'decided' }, scores);
  }

  const verb = VERB[decision.type];
  const residual = scores.after ?? scores.before;
  if (!residual) {
    return refuse('needs_residual', 'likelihoodAfter', `Rate ${threatId} before you ${verb} its risk.`);
  }
  if (!isOnTeam(model, by)) {
    return refuse('not_allowed', 'decision', `Only the owner or a role holder of ${model.id} can ${verb} a risk.`);
  }
  const rule = acceptanceRule(flow, residual.band);
  const confirm = rule.confirmedByAppSec ? { needsConfirmation: true as const } : {};
  if (rule.by === 'team' || model.roles[rule.by].includes(by)) {
    const acceptance = {
      status: 'accepted' as const,
      by,
      at,
      ...(rule.by !== 'team' && { asRole: rule.by }),
      ...confirm,
    };
    const risk: RiskAssessment = { ...input.risk, decision: { ...proposed, acceptance }, ratedBy: by };
    return done(model, threat, risk, { kind: 'accepted', acceptance }, scores);
  }
  const role = ROLE_NAMES[rule.by];
  const holders = model.roles[rule.by];
  if (holders.length === 0) {
    return refuse(
      'no_accepter',
      'decision',
      `Only the ${role} role holder may ${verb} a ${residual.band} risk, and nobody holds the ${role} role in ${model.id}. ` +
        `Give someone the ${role} role, then propose it again.`,
    );
  }
  const acceptance: RiskAcceptance = { status: 'pending', awaiting: rule.by };
  const risk: RiskAssessment = { ...input.risk, decision: { ...proposed, acceptance }, ratedBy: by };
  return done(model, threat, risk, { kind: 'proposed', awaiting: rule.by, holders: [...holders] }, scores);
}

export type AcceptanceDecisionOutcome =
  | {
      ok: true;
      model: ThreatModel;
      threat: Threat;
      /** The proposal as it was, with who proposed it (`decidedBy`). */
      proposal: RiskDecision;
      accepted: boolean;
      residual?: RiskScore;
    }
  | { ok: false; reason: 'not_editable' | 'nothing_pending' | 'outdated' | 'not_allowed'; message: string };

/**
 * The holder of the awaited role accepts or declines a pending proposal to accept, transfer or
 * avoid a risk. Accepting records them as the accepter beside the proposer; declining takes the
 * decision away (the ratings stay), so the threat needs a new decision. `proposedAt` names the
 * proposal the message was about: a newer proposal for the same threat is not decided by an old
 * message's button.
 */
export function decideAcceptance(
  flow: Flow,
  model: ThreatModel,
  input: { threatId: string; proposedAt?: string; by: string; at: Date; accept: boolean },
): AcceptanceDecisionOutcome {
  const { threatId, by } = input;
  if (!EDITABLE_STATUSES.includes(model.status)) {
    return {
      ok: false,
      reason: 'not_editable',
      message: `${model.id} is ${statusLabel(model.status).toLowerCase()} and cannot be changed now.`,
    };
  }
  const threat = ownThreat(model, threatId);
  const proposal = threat?.risk.decision;
  if (!threat || !proposal || proposal.acceptance?.status !== 'pending') {
    return {
      ok: false,
      reason: 'nothing_pending',
      message: `Nothing about ${threatId} of ${model.id} is waiting for a decision any more.`,
    };
  }
  if (input.proposedAt !== undefined && input.proposedAt !== proposal.decidedAt) {
    return {
      ok: false,
      reason: 'outdated',
      message: `This proposal about ${threatId} was replaced by a newer one: decide on the latest message.`,
    };
  }
  const awaiting = proposal.acceptance.awaiting;
  if (!model.roles[awaiting].includes(by)) {
    return {
      ok: false,
      reason: 'not_allowed',
      message: `Only the ${ROLE_NAMES[awaiting]} role holder of ${model.id} can decide on this proposal.`,
    };
  }
  const rating = threat.risk.after ?? threat.risk.before;
  const residual = rating ? scoreRisk(flow.risk, rating) : undefined;
  let risk: RiskAssessment;
  if (input.accept) {
    const confirm = residual && acceptanceRule(flow, residual.band).confirmedByAppSec;
    const acceptance: RiskAcceptance = {
      status: 'accepted',
      by,
      at: input.at.toISOString(),
      asRole: awaiting,
      ...(confirm && { needsConfirmation: true as const }),
    };
    risk = { ...threat.risk, decision: { ...proposal, acceptance } };
  } else {
    const { decision: _declined, ...rest } = threat.risk;
    risk = rest;
  }
  return {
    ok: true,
    model: withRisk(model, threatId, risk),
    threat: { ...threat, risk },
    proposal,
    accepted: input.accept,
    ...(residual && { residual }),
  };
}

/** Acceptances the flow asks the AppSec reviewer to confirm at approval, not yet confirmed. */
export function acceptancesToConfirm(model: ThreatModel): Threat[] {
  return model.threats.filter((threat) => {
    const acceptance = threat.risk.decision?.acceptance;
    return acceptance?.status === 'accepted' && acceptance.needsConfirmation === true && !acceptance.confirmedBy;
  });
}

/**
 * The AppSec reviewer confirms, at approval, every acceptance the flow asks them to (high and
 * critical ones by default): each records who confirmed it and when. Meant for the change that
 * approves the model, so confirming and approving are one write.
 */
export function confirmAcceptances(model: ThreatModel, by: string, at: Date): ThreatModel {
  const pending = new Set(acceptancesToConfirm(model).map((threat) => threat.id));
  if (pending.size === 0) return model;
  const confirmedAt = at.toISOString();
  return {
    ...model,
    threats: model.threats.map((threat) => {
      const decision = threat.risk.decision;
      if (!pending.has(threat.id) || decision?.acceptance?.status !== 'accepted') return threat;
      const acceptance = { ...decision.acceptance, confirmedBy: by, confirmedAt };
      return { ...threat, risk: { ...threat.risk, decision: { ...decision, acceptance } } };
    }),
  };
}

function ownThreat(model: ThreatModel, id: string): Threat | undefined {
  return model.threats.find((threat) => threat.id === id && threat.inherited === undefined);
}

function withRisk(model: ThreatModel, id: string, risk: RiskAssessment): ThreatModel {
  return { ...model, threats: model.threats.map((threat) => (threat.id === id ? { ...threat, risk } : threat)) };
}

function done(
  model: ThreatModel,
  threat: Threat,
  risk: RiskAssessment,
  result: RiskReviewResult,
  scores: { before?: RiskScore; after?: RiskScore },
): RiskReviewOutcome {
  return { ok: true, model: withRisk(model, threat.id, risk), threat: { ...threat, risk }, result, ...scores };
}

function refuse(
  reason: RiskReviewRefusalReason,
  field: RiskReviewField,
  message: string,
): Extract<RiskReviewOutcome, { ok: false }> {
  return { ok: false, reason, field, message };
}

function rated(rating: RiskRating): string {
  return `likelihood ${rating.likelihood}, impact ${rating.impact}`;
}
