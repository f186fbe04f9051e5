import { type Flow, RISK_BANDS, type RiskBand } from './flow';
import type { ThreatModel } from './model';
import { countedResidual, type UntreatedKind, untreatedThreats } from './risk';
import { checkStep } from './step-engine';
import { STEPS, type Step } from './steps';

export interface ModelSummary {
  counts: {
    assets: number;
    actors: number;
    entryPoints: number;
    components: number;
    dataFlows: number;
    trustBoundaries: number;
    useCases: number;
    threats: number;
    mitigations: number;
    /** Threats with a rating before and after mitigation. */
    rated: number;
    /** Threats with a risk decision. */
    decided: number;
  };
  /** Per step: complete or not, and how many of its rules hold. */
  steps: { step: Step; complete: boolean; rulesMet: number; rulesTotal: number }[];
  /** How many threats sit in each band of residual risk (after mitigation), and how many are not rated after mitigation. */
  residual: Record<RiskBand, number> & { unrated: number };
  /**
   * Threats whose risk is not adequately treated (what blocks an approval), worst residual risk
   * first, unrated ones last: the residual band, not the inherent one, is what counts.
   */
  untreatedRisks: { threatId: string; kind: UntreatedKind; band?: RiskBand; score?: number; reason: string }[];
  /** 0 to 100: each step weighs a quarter, the open step by the share of its rules that hold. */
  completionPercent: number;
}

/** Everything the model card and `/threatmodel list` show about progress. */
export function summarize(flow: Flow, model: ThreatModel): ModelSummary {
  const { scope, threats, mitigations } = model;
  const steps = STEPS.map((step) => {
    const check = checkStep(flow, model, step);
    return {
      step,
      complete: model.completedSteps[step] !== undefined,
      rulesMet: check.rulesMet,
      rulesTotal: check.rulesTotal,
    };
  });
  const progress = steps.reduce((sum, step) => {
    if (step.complete) return sum + 1;
    if (step.step !== model.currentStep || step.rulesTotal === 0) return sum;
    return sum + step.rulesMet / step.rulesTotal;
  }, 0);
  return {
    counts: {
      assets: scope.assets.length,
      actors: scope.actors.length,
      entryPoints: scope.entryPoints.length,
      components: scope.components.length,
      dataFlows: scope.dataFlows.length,
      trustBoundaries: scope.trustBoundaries.length,
      useCases: scope.useCases.length,
      threats: threats.length,
      mitigations: mitigations.length,
      rated: threats.filter((threat) => threat.risk.before && threat.risk.after).length,
      decided: threats.filter((threat) => threat.risk.decision).length,
    },
    steps,
    residual: residualCounts(flow, model),
    untreatedRisks: untreatedThreats(flow, model)
      .sort((a, b) => (b.residual?.score ?? 0) - (a.residual?.score ?? 0))
      .map((item) => ({
        threatId: item.threat.id,
        kind: item.kind,
        ...(item.residual && { band: item.residual.band, score: item.residual.score }),
        reason: item.reason,
      })),
    completionPercent: Math.round((100 * progress) / STEPS.length),
  };
}

/** Threats per residual band, counted as untreatedThreats counts them (see countedResidual). */
function residualCounts(flow: Flow, model: ThreatModel): ModelSummary['residual'] {
  const counts = { ...Object.fromEntries(RISK_BANDS.map((band) => [band, 0])), unrated: 0 } as ModelSummary['residual'];
  for (const threat of model.threats) {
    const band = countedResidual(flow.risk, threat, model.mitigations)?.band;
    if (band) counts[band] += 1;
    else counts.unrated += 1;
  }
  return counts;
}
