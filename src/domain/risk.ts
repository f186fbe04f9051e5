import { type Flow, RISK_BANDS, type RiskAcceptanceRule, type RiskBand, type RiskMatrix } from './flow';
import { isActiveMitigation, isMitigationInPlace, type Mitigation } from './mitigation';
import type { ThreatModel } from './model';
import type { RiskAcceptance, RiskDecision, RiskRating } from './risk-assessment';
import { ROLE_NAMES, rolesOf } from './roles';
import type { Threat } from './threat';

export interface RiskScore {
  /** likelihood x impact, 1 to 25. */
  score: number;
  band: RiskBand;
}

/** Score and band of one rating under the configured matrix. */
export function scoreRisk(matrix: RiskMatrix, rating: RiskRating): RiskScore {
  const band = matrix.bands[rating.likelihood - 1]?.[rating.impact - 1];
  if (!band) throw new RangeError(`rating out of range: ${rating.likelihood} x ${rating.impact}`);
  return { score: rating.likelihood * rating.impact, band };
}

/**
 * The risk that remains, for display: the rating after mitigation when given, else the one before
 * (an unmitigated threat keeps its inherent risk). Whether it is treated is `untreatedThreats`' call.
 */
export function residualRisk(matrix: RiskMatrix, threat: Threat): RiskScore | undefined {
  const rating = threat.risk.after ?? threat.risk.before;
  return rating ? scoreRisk(matrix, rating) : undefined;
}

export function isHighBand(band: RiskBand): boolean {
  return band === 'high' || band === 'critical';
}

/** Whether a band is at or below the flow's risk appetite (accepted without a decision). */
export function withinAppetite(matrix: RiskMatrix, band: RiskBand): boolean {
  return RISK_BANDS.indexOf(band) <= RISK_BANDS.indexOf(matrix.appetite);
}

/** Whether the rating after mitigation claims less likelihood or less impact than the one before. */
export function ratedLowerAfter(before: RiskRating | undefined, after: RiskRating | undefined): boolean {
  return (
    before !== undefined &&
    after !== undefined &&
    (after.likelihood < before.likelihood || after.impact < before.impact)
  );
}

/**
 * Whether a threat's risk decision is backed: accept, transfer or avoid is decided, or "mitigate"
 * has at least one active mitigation. Step 4's completion rule; the residual risk is not looked at
 * here (see untreatedThreats, which decides approvals).
 */
export function isRiskTreated(threat: Threat, mitigations: readonly Mitigation[]): boolean {
  const decision = threat.risk.decision;
  if (!decision) return false;
  if (decision.type !== 'mitigate') return true;
  return hasActiveMitigation(threat, mitigations);
}

/** An active (proposed, planned, implemented or verified) mitigation addresses the threat. */
export function hasActiveMitigation(threat: Threat, mitigations: readonly Mitigation[]): boolean {
  return mitigations.some((mitigation) => isActiveMitigation(mitigation) && mitigation.threatIds.includes(threat.id));
}

/** A threat is addressed by an active mitigation or by accepting, transferring or avoiding its risk. */
export function isAddressed(threat: Threat, mitigations: readonly Mitigation[]): boolean {
  const decision = threat.risk.decision;
  return hasActiveMitigation(threat, mitigations) || (decision !== undefined && decision.type !== 'mitigate');
}

/** Threats with neither an active mitigation nor an accept/transfer/avoid decision: step 3's to-do list. */
export function unaddressedThreats(threats: readonly Threat[], mitigations: readonly Mitigation[]): Threat[] {
  return threats.filter((threat) => !isAddressed(threat, mitigations));
}

// ---------------------------------------------------------------------------------------------
// Accountable acceptance: who may accept, transfer or avoid a risk of a given residual band.
// ---------------------------------------------------------------------------------------------

/** The owner or anyone holding a role in the model. */
export function isOnTeam(model: ThreatModel, userId: string): boolean {
  return model.ownerId === userId || rolesOf(model.roles, userId).length > 0;
}

/** The flow's rule for accepting a risk of this residual band. */
export function acceptanceRule(flow: Flow, band: RiskBand): RiskAcceptanceRule {
  return flow.risk.acceptance[band];
}

/** Whether this user may accept (transfer, avoid) a risk of this residual band in this model, today. */
export function mayAccept(flow: Flow, model: ThreatModel, userId: string, band: RiskBand): boolean {
  const { by } = acceptanceRule(flow, band);
  return by === 'team' ? isOnTeam(model, userId) : model.roles[by].includes(userId);
}

/** Who the flow lets accept a risk of this band, in words: "the owner or a role holder", "the Business role holder". */
export function accepterName(flow: Flow, band: RiskBand): string {
  const { by } = acceptanceRule(flow, band);
  return by === 'team' ? 'the owner or a role holder' : `the ${ROLE_NAMES[by]} role holder`;
}

/**
 * The acceptance of an accept/transfer/avoid decision. Models stored before acceptances were
 * recorded have none: their proposer counts as the accepter. Undefined for "mitigate".
 */
export function acceptanceOf(decision: RiskDecision | undefined): RiskAcceptance | undefined {
  if (!decision || decision.type === 'mitigate') return undefined;
  return decision.acceptance ?? { status: 'accepted', by: decision.decidedBy, at: decision.decidedAt };
}

/** The rating that decides a threat's treatment: after mitigation, or (accept/transfer/avoid only) before. */
function decidingRating(threat: Threat): RiskRating | undefined {
  const { after, before, decision } = threat.risk;
  return after ?? (decision && decision.type !== 'mitigate' ? before : undefined);
}

/** A rating after mitigation lower than the one before, with no active mitigation behind it. */
function unsupportedResidual(threat: Threat, mitigations: readonly Mitigation[]): boolean {
  return ratedLowerAfter(threat.risk.before, threat.risk.after) && !hasActiveMitigation(threat, mitigations);
}

/**
 * The rating the residual risk counts by: after mitigation (for accept, transfer or avoid, the one
 * before when there is none), or the inherent one when a lower rating after mitigation has no
 * mitigation behind it. Undefined when not rated after mitigation. The one rule every view of the
 * residual risk uses (approval, the report's After column, the risk matrix's After panel).
 */
export function countedResidualRating(threat: Threat, mitigations: readonly Mitigation[]): RiskRating | undefined {
  const rating = decidingRating(threat);
  if (!rating) return undefined;
  const { before } = threat.risk;
  return before && unsupportedResidual(threat, mitigations) ? before : rating;
}

/** The residual risk as it counts for treatment: `countedResidualRating`, scored. */
export function countedResidual(matrix: RiskMatrix, threat: Threat, mitigations: readonly Mitigation[]) {
  const rating = countedResidualRating(threat, mitigations);
  return rating ? scoreRisk(matrix, rating) : undefined;
}

// ---------------------------------------------------------------------------------------------
// What blocks an approval.
// ---------------------------------------------------------------------------------------------

/** Why a threat is not adequately treated, as a code the views can choose words or icons by. */
export type UntreatedKind =
  | 'not_rated'
  | 'residual_unsupported'
  | 'above_appetite'
  | 'acceptance_pending'
  | 'accepted_by_wrong_person';

/** Why one threat keeps a model from being approved. */
export interface UntreatedThreat {
  threat: Threat;
  /** In words, for the refusal and the review card: e.g. "T-3 (high after mitigation) is above the risk appetite (medium)". */
  reason: string;
  kind: UntreatedKind;
  /** The residual risk when the threat is rated. */
  residual?: RiskScore;
}

/**
 * The threats whose risk is not adequately treated, in model order: what blocks an approval, and
 * what the model card, the review card and the exports show as still open.
 *
 * A threat is adequately treated when its residual rating (after mitigation) is within the flow's
 * appetite, or when its risk is accepted, transferred or avoided by someone the flow allows for
 * that residual band (a pending proposal does not count). A rating after mitigation lower than
 * the one before counts only while an active mitigation addresses the threat; without one, the
 * inherent rating is what remains.
 */
export function untreatedThreats(flow: Flow, model: ThreatModel): UntreatedThreat[] {
  return model.threats.flatMap((threat) => {
    const untreated = whyUntreated(flow, model, threat);
    return untreated ? [untreated] : [];
  });
}

/** Why this one threat is not adequately treated, or undefined when it is. */
export function whyUntreated(flow: Flow, model: ThreatModel, threat: Threat): UntreatedThreat | undefined {
  const matrix = flow.risk;
  const { decision } = threat.risk;
  const id = threat.id;
  const residual = countedResidual(matrix, threat, model.mitigations);
  if (!residual) {
    return { threat, kind: 'not_rated', reason: `${id} has no rating after mitigation` };
  }
  const unsupported = unsupportedResidual(threat, model.mitigations);
  const where = `${id} (${residual.band} after mitigation)`;
  const acceptance = acceptanceOf(decision);
  if (decision && decision.type !== 'mitigate' && acceptance) {
    const verb = DECISION_VERBS[decision.type];
    if (acceptance.status === 'pending') {
      return {
        threat,
        kind: 'acceptance_pending',
        residual,
        reason: `${where} is proposed to be ${verb}, waiting for the ${ROLE_NAMES[acceptance.awaiting]} role holder to decide`,
      };
    }
    // An inherited threat's acceptance was made, by that model's people, in the model it comes from.
    if (!threat.inherited && !mayAccept(flow, model, acceptance.by, residual.band)) {
      return {
        threat,
        kind: 'accepted_by_wrong_person',
        residual,
        reason: `${where} was ${verb} by <@${acceptance.by}>, but only ${accepterName(flow, residual.band)} may do that`,
      };
    }
    return undefined;
  }
  if (unsupported) {
    return {
      threat,
      kind: 'residual_unsupported',
      residual,
      reason: `${id} is rated lower after mitigation, but no active mitigation addresses it`,
    };
  }
  if (!withinAppetite(matrix, residual.band)) {
    return {
      threat,
      kind: 'above_appetite',
      residual,
      reason: `${where} is above the risk appetite (${matrix.appetite}): mitigate it further, or have ${accepterName(flow, residual.band)} accept it`,
    };
  }
  return undefined;
}

const DECISION_VERBS = { accept: 'accepted', transfer: 'transferred', avoid: 'avoided' } as const;

/** How a threat stands, for exports: treated or not, and whether what treats it is actually in place. */
export type TreatmentStatus =
  /** Not adequately treated (see untreatedThreats). */
  | 'open'
  /** Residual risk within appetite thanks to mitigations that are implemented or verified. */
  | 'mitigated'
  /** Residual risk within appetite, but what brings it there is only proposed or planned. */
  | 'planned'
  /** Within appetite without any mitigation claimed (the rating after equals the one before). */
  | 'within_appetite'
  /** Within appetite, but decided "mitigate" with no active mitigation yet. */
  | 'mitigation_missing'
  /** Accepted, transferred or avoided by someone allowed to. */
  | 'decided';

/**
 * The treatment status of one threat, so exports never call a threat mitigated on the strength of
 * a mitigation that is only proposed or planned.
 */
export function treatmentStatus(flow: Flow, model: ThreatModel, threat: Threat): TreatmentStatus {
  if (whyUntreated(flow, model, threat)) return 'open';
  if (acceptanceOf(threat.risk.decision)) return 'decided';
  const addressing = model.mitigations.filter((m) => isActiveMitigation(m) && m.threatIds.includes(threat.id));
  if (addressing.length === 0) {
    return threat.risk.decision?.type === 'mitigate' ? 'mitigation_missing' : 'within_appetite';
  }
  return addressing.every(isMitigationInPlace) ? 'mitigated' : 'planned';
}

const SHORT: Readonly<Record<UntreatedKind, string>> = {
  not_rated: 'not rated after mitigation',
  residual_unsupported: 'rated lower without a mitigation',
  above_appetite: 'above appetite',
  acceptance_pending: 'acceptance pending',
  accepted_by_wrong_person: 'accepted by someone not allowed to',
};

/** A few words for a list: "high, above appetite", "critical, acceptance pending", "not rated after mitigation". */
export function untreatedLabel(kind: UntreatedKind, band?: RiskBand): string {
  return band ? `${band}, ${SHORT[kind]}` : SHORT[kind];
}
