/**
 * What each team of `npm run bench:slack` does, one request at a time: the four steps of a threat
 * model through the app's own buttons and modals (scope elements, a catalog suggestion, threats,
 * a mitigation, risk reviews, finishing each step), then more of the same for as long as the run
 * lasts. Values are picked from what the open modal offers, as a person would.
 */
import { allOptions, type Chosen } from '../dev/stand-in/element-state';
import { isObject, type JsonObject } from '../dev/stand-in/json';
import type { SlackView } from '../dev/stand-in/stand-in-types';
import { ACTIONS } from '../src/slack/ids';

/** Who fills the modal and a number to keep names apart. */
export interface FillContext {
  userId: string;
  n: number;
}

/** A button that opens a modal, then the modal submitted with these values. */
export interface ModalTask {
  kind: 'modal';
  name: string;
  actionId: string;
  /** The button's value is `<model id>|<detail>`, or the model id alone. */
  detail?: string;
  /** Its value in the "After saving" menu of the form before, when that form offers it. */
  goOnAs?: string;
  fill: (view: SlackView, context: FillContext) => Record<string, Chosen>;
}

/** A button that does its work at once (finish a step). */
export interface ClickTask {
  kind: 'click';
  name: string;
  actionId: string;
  detail?: string;
}

export type Task = ModalTask | ClickTask;

function inputElement(view: SlackView, accept: (actionId: string) => boolean): JsonObject | undefined {
  for (const block of view.blocks.filter(isObject)) {
    const element = block.element;
    if (block.type === 'input' && isObject(element) && typeof element.action_id === 'string') {
      if (accept(element.action_id)) return element;
    }
  }
  return undefined;
}

/** The option values an input of the modal offers, in order; throws when it offers none. */
export function offered(view: SlackView, actionId: string | RegExp): string[] {
  const accept = (id: string) => (typeof actionId === 'string' ? id === actionId : actionId.test(id));
  const element = inputElement(view, accept);
  const values = element ? allOptions(element).map((option) => String(option.value)) : [];
  if (values.length === 0) throw new Error(`the modal offers nothing for ${String(actionId)}`);
  return values;
}

const first = (view: SlackView, actionId: string | RegExp) => offered(view, actionId)[0] ?? '';

function scopeAdd(kind: string, fill: ModalTask['fill']): ModalTask {
  return {
    kind: 'modal',
    name: `scope.add.${kind}`,
    actionId: ACTIONS.scopeAdd(kind),
    detail: kind,
    goOnAs: kind,
    fill,
  };
}

function finish(step: string): ClickTask {
  return { kind: 'click', name: `finish ${step}`, actionId: ACTIONS.finishStep, detail: step };
}

const asset = scopeAdd('asset', (_, { n }) => ({ name: `Card token ${n}`, classification: 'restricted' }));
const component = (type: string) =>
  scopeAdd('component', (_, { n }) => ({ name: `${type === 'aws-rds' ? 'Payments DB' : 'Refunds API'} ${n}`, type }));
const entryPoint = scopeAdd('entryPoint', (view, { n }) => ({
  name: `POST /refunds/${n}`,
  componentId: first(view, 'componentId'),
  kind: 'custom',
  authentication: 'oauth2',
}));
const dataFlow = scopeAdd('dataFlow', (view) => {
  const [from = '', to = ''] = offered(view, 'from');
  return { from, to, data: 'refund record', crossesTrustBoundary: 'no' };
});

const suggestion: ModalTask = {
  kind: 'modal',
  name: 'threat.suggest',
  actionId: ACTIONS.suggestThreats,
  fill: (view) => {
    const ticks = inputElement(view, (id) => ACTIONS.suggestionTicksPattern.test(id));
    const actionId = typeof ticks?.action_id === 'string' ? ticks.action_id : 'picked_1';
    return { [actionId]: [first(view, actionId)] };
  },
};

const threat: ModalTask = {
  kind: 'modal',
  name: 'threat.add',
  actionId: ACTIONS.threatAdd,
  goOnAs: 'threat',
  fill: (view, { n }) => ({
    threatSource: 'internet-based threat actor',
    threatAction: `replay refund request number ${n}`,
    stride: ['T'],
    affectedElementIds: [first(view, 'affectedElementIds')],
  }),
};

const mitigation: ModalTask = {
  kind: 'modal',
  name: 'mitigation.add',
  actionId: ACTIONS.mitigationAdd,
  goOnAs: 'mitigation',
  fill: (_, { userId, n }) => ({
    description: `Idempotency keys and rate limits at the API, round ${n}`,
    threatIds: true,
    status: 'planned',
    owner: userId,
    references: 'infra/api-gateway.tf',
  }),
};

/** Rates the threats in turn (the n-th review rates the n-th offered threat, wrapping around). */
const riskReview: ModalTask = {
  kind: 'modal',
  name: 'risk.review',
  actionId: ACTIONS.riskReview,
  goOnAs: 'risk',
  fill: (view, { n }) => {
    const threats = offered(view, 'threatId');
    return {
      threatId: threats[n % threats.length] ?? '',
      likelihoodBefore: '3',
      impactBefore: '4',
      likelihoodAfter: '2',
      impactAfter: '2',
      decision: 'mitigate',
    };
  },
};

/** The four steps, in order. */
const OPENING: Task[] = [
  asset,
  component('aws-lambda'),
  component('aws-rds'),
  entryPoint,
  dataFlow,
  finish('scope'),
  suggestion,
  threat,
  threat,
  finish('threats'),
  mitigation,
  finish('mitigations'),
  riskReview,
  riskReview,
  riskReview,
  finish('risk'),
];

/** Afterwards, round and round: the model keeps growing as a team keeps talking. */
const AFTERWARDS: Task[] = [threat, riskReview, mitigation, component('aws-lambda'), riskReview];

/** The team's i-th task (0-based). */
export function taskAt(index: number): Task {
  return OPENING[index] ?? AFTERWARDS[(index - OPENING.length) % AFTERWARDS.length] ?? threat;
}
