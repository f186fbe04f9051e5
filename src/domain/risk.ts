import type { RiskBand, RiskMatrix } from './flow';
import { isActiveMitigation, type Mitigation } from './mitigation';
import type { RiskRating } from './risk-assessment';
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

/** The risk that remains: the rating after mitigation when given, else the one before. */
export function residualRisk(matrix: RiskMatrix, threat: Threat): RiskScore | undefined {
  const rating = threat.risk.after ?? threat.risk.before;
  return rating ? scoreRisk(matrix, rating) : undefined;
}

export function isHighBand(band: RiskBand): boolean {
  return band === 'high' || band === 'critical';
}

/**
 * Whether the risk of a threat has been dealt with: accepted, transferred or avoided with a
 * decision, or decided "mitigate" with at least one active mitigation in place.
 */
export function isRiskTreated(threat: Threat, mitigations: readonly Mitigation[]): boolean {
  const decision = threat.risk.decision;
  if (!decision) return false;
  if (decision.type !== 'mitigate') return true;
  return hasActiveMitigation(threat, mitigations);
}

export function hasActiveMitigation(threat: Threat, mitigations: readonly Mitigation[]): boolean {
  return mitigations.some((mitigation) => isActiveMitigation(mitigation) && mitigation.threatIds.includes(threat.id));
}

/**
 * Threats whose residual risk is high or critical and not yet treated: what blocks an
 * approval and what the model card shows in red.
 */
export function openHighRisks(matrix: RiskMatrix, threats: readonly Threat[], mitigations: readonly Mitigation[]) {
  return threats.flatMap((threat) => {
    const risk = residualRisk(matrix, threat);
    return risk && isHighBand(risk.band) && !isRiskTreated(threat, mitigations) ? [{ threat, ...risk }] : [];
  });
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

/** Why one threat keeps a model from being approved. */
export interface UntreatedThreat {
  threat: Threat;
  /** In words, for the refusal and the review card: e.g. "T-3 (high after mitigation) is neither mitigated nor accepted". */
  reason: string;
}

/**
 * The threats whose risk is not adequately treated, in model order: what blocks an approval.
 * Today: a high or critical residual risk neither mitigated nor accepted (see openHighRisks).
 */
export function untreatedThreats(
  matrix: RiskMatrix,
  threats: readonly Threat[],
  mitigations: readonly Mitigation[],
): UntreatedThreat[] {
  return openHighRisks(matrix, threats, mitigations).map((risk) => ({
    threat: risk.threat,
    reason: `${risk.threat.id} (${risk.band}) is neither mitigated nor accepted`,
  }));
}
