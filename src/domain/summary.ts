import type { Flow, RiskBand } from './flow';
import type { ThreatModel } from './model';
import { openHighRisks } from './risk';
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
  /** Untreated threats whose residual risk is high or critical, worst first. */
  openHighRisks: { threatId: string; band: RiskBand; score: number }[];
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
    openHighRisks: openHighRisks(flow.risk, threats, mitigations)
      .sort((a, b) => b.score - a.score)
      .map((risk) => ({ threatId: risk.threat.id, band: risk.band, score: risk.score })),
    completionPercent: Math.round((100 * progress) / STEPS.length),
  };
}
