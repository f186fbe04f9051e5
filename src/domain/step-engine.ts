import { type CompletionRule, type Flow, flowStep } from './flow';
import { EDITABLE_STATUSES, type ThreatModel } from './model';
import { inScopeOnly } from './out-of-scope';
import { isAddressed, isRiskTreated } from './risk';
import { ROLE_NAMES } from './roles';
import { STEPS, type Step, stepNumber } from './steps';

/** One thing a step still needs, phrased for the team. */
export interface MissingItem {
  rule: CompletionRule['rule'];
  message: string;
  /** The elements concerned (e.g. the threats without a mitigation), for "show me" buttons. */
  elementIds: string[];
}

export interface StepCheck {
  step: Step;
  complete: boolean;
  missing: MissingItem[];
  /** How many of the step's rules hold, for progress bars. */
  rulesMet: number;
  rulesTotal: number;
}

export type StepEvent =
  | { type: 'complete_step'; step: Step; by: string }
  | { type: 'reopen_step'; step: Step; by: string };

export type StepRefusal =
  | { reason: 'not_editable'; message: string }
  | { reason: 'not_current_step'; message: string }
  | { reason: 'incomplete'; message: string; missing: MissingItem[] };

export type StepOutcome =
  | { ok: true; model: ThreatModel; opened: Step | undefined; message: string }
  | ({ ok: false } & StepRefusal);

const LIST_NAMES: Record<string, [string, string]> = {
  assets: ['asset', 'assets'],
  actors: ['actor', 'actors'],
  entryPoints: ['entry point', 'entry points'],
  components: ['component', 'components'],
  dataFlows: ['data flow', 'data flows'],
  trustBoundaries: ['trust boundary', 'trust boundaries'],
  useCases: ['use case', 'use cases'],
  threats: ['threat', 'threats'],
  mitigations: ['mitigation', 'mitigations'],
};

function listOf(model: ThreatModel, of: string): readonly { id: string }[] {
  if (of === 'threats') return model.threats;
  if (of === 'mitigations') return model.mitigations;
  // Out-of-scope elements stay in the model but count for nothing.
  return inScopeOnly(model.scope)[of as keyof Omit<ThreatModel['scope'], 'description'>];
}

/** Evaluate one rule; undefined when it holds. */
function checkRule(rule: CompletionRule, model: ThreatModel): MissingItem | undefined {
  const threatsWhere = (fails: (threat: ThreatModel['threats'][number]) => boolean) =>
    model.threats.filter(fails).map((threat) => threat.id);
  const missing = (message: string, elementIds: string[] = []): MissingItem => ({
    rule: rule.rule,
    message,
    elementIds,
  });

  switch (rule.rule) {
    case 'min_count': {
      const have = listOf(model, rule.of).length;
      if (have >= rule.min) return undefined;
      const [one, many] = LIST_NAMES[rule.of] ?? [rule.of, rule.of];
      return missing(`Add at least ${rule.min} ${rule.min === 1 ? one : many} (${have} so far).`);
    }
    case 'every_threat_addressed': {
      const ids = threatsWhere((threat) => !isAddressed(threat, model.mitigations));
      return ids.length
        ? missing(`${list(ids)} ${verb(ids, 'has', 'have')} no mitigation and no risk decision.`, ids)
        : undefined;
    }
    case 'every_threat_classified': {
      const ids = threatsWhere((threat) => threat.stride.length === 0);
      return ids.length ? missing(`${list(ids)} ${verb(ids, 'has', 'have')} no STRIDE category.`, ids) : undefined;
    }
    case 'every_threat_rated': {
      const ids = threatsWhere((threat) => !threat.risk.before || !threat.risk.after);
      return ids.length
        ? missing(`${list(ids)} ${verb(ids, 'needs', 'need')} likelihood and impact before and after mitigation.`, ids)
        : undefined;
    }
    case 'every_threat_decided': {
      const undecided = threatsWhere((threat) => !threat.risk.decision);
      if (undecided.length) {
        return missing(`${list(undecided)} ${verb(undecided, 'needs', 'need')} a risk decision.`, undecided);
      }
      const unbacked = threatsWhere((threat) => !isRiskTreated(threat, model.mitigations));
      return unbacked.length
        ? missing(
            `${list(unbacked)} ${verb(unbacked, 'is', 'are')} to be mitigated but ${verb(unbacked, 'has', 'have')} no active mitigation.`,
            unbacked,
          )
        : undefined;
    }
    case 'roles_assigned': {
      const empty = rule.roles.filter((role) => model.roles[role].length === 0);
      return empty.length
        ? missing(
            `Nobody holds the ${empty.map((role) => ROLE_NAMES[role]).join(', ')} role${empty.length > 1 ? 's' : ''} yet.`,
          )
        : undefined;
    }
  }
}

function list(ids: string[]): string {
  const shown = ids.slice(0, 10).join(', ');
  return ids.length > 10 ? `${shown} and ${ids.length - 10} more` : shown;
}

function verb(ids: string[], one: string, many: string): string {
  return ids.length === 1 ? one : many;
}

/** Whether a step may be completed and, if not, exactly what is missing. */
export function checkStep(flow: Flow, model: ThreatModel, step: Step): StepCheck {
  const rules = flowStep(flow, step).completion;
  const missing = rules.flatMap((rule) => checkRule(rule, model) ?? []);
  return {
    step,
    complete: missing.length === 0,
    missing,
    rulesMet: rules.length - missing.length,
    rulesTotal: rules.length,
  };
}

/**
 * The step engine: apply a step event to a model under a flow. Completing the current step
 * records who and when and opens the next; reopening an earlier step clears its completion
 * and those after it, so the team walks forward again. Time is a parameter.
 */
export function applyStepEvent(flow: Flow, model: ThreatModel, event: StepEvent, now: Date): StepOutcome {
  if (!EDITABLE_STATUSES.includes(model.status)) {
    return {
      ok: false,
      reason: 'not_editable',
      message: `The model is ${model.status.replace('_', ' ')} and cannot be changed.`,
    };
  }
  const at = now.toISOString();
  if (event.type === 'complete_step') {
    if (event.step !== model.currentStep || model.completedSteps[event.step]) {
      return {
        ok: false,
        reason: 'not_current_step',
        message: `Step ${stepNumber(event.step)} is not the open step; step ${stepNumber(model.currentStep)} is.`,
      };
    }
    const check = checkStep(flow, model, event.step);
    if (!check.complete) {
      return {
        ok: false,
        reason: 'incomplete',
        message: `Step ${stepNumber(event.step)} is not complete yet.`,
        missing: check.missing,
      };
    }
    // The next step not yet complete: in a revision, steps nothing changed in stay complete (stale-steps.ts).
    const opened = STEPS.slice(STEPS.indexOf(event.step) + 1).find((step) => !model.completedSteps[step]);
    const next: ThreatModel = {
      ...model,
      currentStep: opened ?? event.step,
      completedSteps: { ...model.completedSteps, [event.step]: { completedBy: event.by, completedAt: at } },
    };
    const message = opened
      ? `Step ${stepNumber(event.step)} is complete; step ${stepNumber(opened)} is open.`
      : 'All four steps are complete.';
    return { ok: true, model: next, opened, message };
  }

  const reachable = event.step === model.currentStep || model.completedSteps[event.step] !== undefined;
  if (!reachable) {
    return {
      ok: false,
      reason: 'not_current_step',
      message: `Step ${stepNumber(event.step)} has not been reached yet; step ${stepNumber(model.currentStep)} is open.`,
    };
  }
  const completedSteps = { ...model.completedSteps };
  for (const step of STEPS.slice(STEPS.indexOf(event.step))) delete completedSteps[step];
  return {
    ok: true,
    model: { ...model, currentStep: event.step, completedSteps },
    opened: event.step,
    message: `Step ${stepNumber(event.step)} is open again.`,
  };
}
