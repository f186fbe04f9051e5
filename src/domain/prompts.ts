import { type Flow, flowStep, type Prompt, type PromptTarget } from './flow';
import type { ThreatModel } from './model';
import { inScopeOnly } from './out-of-scope';
import type { Role } from './roles';
import type { Step } from './steps';
import { type DfdKind, STRIDE_NAMES, STRIDE_PER_ELEMENT, STRIDE_QUESTIONS, type Stride } from './stride';

/** A flow prompt made concrete for one model: placeholders filled, one per element and category. */
export interface ConcretePrompt {
  /** Stable across renders: prompt id, element id and category. Used for "next" paging and origins. */
  key: string;
  promptId: string;
  role: Role;
  /** Plain text; views escape it for their medium. */
  text: string;
  elementId?: string;
  stride?: Stride;
}

interface Target {
  id: string;
  name: string;
  kind?: DfdKind;
}

function targets(model: ThreatModel, forEach: PromptTarget): Target[] {
  const names = new Map<string, string>([
    ...model.scope.actors.map((a) => [a.id, a.name] as const),
    ...model.scope.components.map((c) => [c.id, c.name] as const),
  ]);
  // No prompts about what the team set aside: it needs no threats.
  const scope = inScopeOnly(model.scope);
  switch (forEach) {
    case 'asset':
      return scope.assets.map((asset) => ({ id: asset.id, name: asset.name }));
    case 'actor':
      return scope.actors.map((actor) => ({ id: actor.id, name: actor.name, kind: 'external_entity' }));
    case 'entry_point':
      return scope.entryPoints.map((entry) => ({ id: entry.id, name: entry.name, kind: 'process' }));
    case 'component':
      return scope.components.map((component) => ({ id: component.id, name: component.name, kind: component.kind }));
    case 'data_flow':
      return scope.dataFlows.map((flow) => ({
        id: flow.id,
        name: `${flow.data} (${names.get(flow.from) ?? flow.from} → ${names.get(flow.to) ?? flow.to})`,
        kind: 'data_flow',
      }));
  }
}

function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (match, name: string) => values[name] ?? match);
}

function expand(prompt: Prompt, role: Role, model: ThreatModel): ConcretePrompt[] {
  const elements: (Target | undefined)[] = prompt.forEach ? targets(model, prompt.forEach) : [undefined];
  return elements.flatMap((element) => {
    const categories: (Stride | undefined)[] =
      prompt.strideFor === undefined
        ? [undefined]
        : prompt.strideFor === 'per_element'
          ? [...STRIDE_PER_ELEMENT[element?.kind ?? 'process']]
          : prompt.strideFor;
    return categories.map((stride) => ({
      key: [prompt.id, element?.id, stride].filter(Boolean).join(':'),
      promptId: prompt.id,
      role,
      text: fill(prompt.text, {
        feature: model.title,
        ...(element && { element: element.name }),
        ...(stride && { stride: STRIDE_NAMES[stride], strideQuestion: STRIDE_QUESTIONS[stride] }),
      }),
      ...(element && { elementId: element.id }),
      ...(stride && { stride }),
    }));
  });
}

/** Every prompt a role gets in a step of this model, in flow order. */
export function promptsFor(flow: Flow, step: Step, role: Role, model: ThreatModel): ConcretePrompt[] {
  return (flowStep(flow, step).prompts[role] ?? []).flatMap((prompt) => expand(prompt, role, model));
}

/**
 * The step a model's team is answering prompts for now: the current step while the model can be
 * changed and that step is not finished yet; none in review, once approved, or with every step done.
 */
export function openStep(model: ThreatModel): Step | undefined {
  const editable = model.status === 'draft' || model.status === 'changes_requested';
  return editable && !model.completedSteps[model.currentStep] ? model.currentStep : undefined;
}

/** The step's intro with {feature} filled in. */
export function stepIntro(flow: Flow, step: Step, model: ThreatModel): string {
  return fill(flowStep(flow, step).intro, { feature: model.title });
}
