import { LIMITS } from '../../domain/limits';
import { STRIDE, STRIDE_NAMES } from '../../domain/stride';
import { CIA_GOALS } from '../../domain/threat';
import type { Field } from './field';

/**
 * The threat modal: Threat Composer's grammar (source, prerequisites, action, impact, goals,
 * assets), the STRIDE categories and the elements the threat affects.
 */
export const THREAT_FIELDS: Field[] = [
  {
    name: 'threatSource',
    label: 'Threat source: who or what acts',
    type: 'text',
    maxLength: LIMITS.grammarFieldMax,
    placeholder: 'e.g. internet-based threat actor',
  },
  {
    name: 'prerequisites',
    label: 'Prerequisites: what they need first',
    type: 'text',
    optional: true,
    maxLength: LIMITS.grammarFieldMax,
    placeholder: 'e.g. with a stolen customer session',
  },
  {
    name: 'threatAction',
    label: 'Threat action: what they can do',
    type: 'text',
    maxLength: LIMITS.grammarFieldMax,
    placeholder: 'e.g. replay a refund request',
  },
  {
    name: 'threatImpact',
    label: 'Threat impact: the direct result',
    type: 'text',
    optional: true,
    maxLength: LIMITS.grammarFieldMax,
    placeholder: 'e.g. refunds paid twice',
  },
  {
    name: 'impactedGoals',
    label: 'Impacted goals',
    type: 'checkboxes',
    optional: true,
    choices: () => CIA_GOALS.map((goal) => ({ text: goal, value: goal })),
  },
  {
    name: 'impactedAssetIds',
    label: 'Impacted assets',
    type: 'multiselect',
    optional: true,
    maxSelected: LIMITS.elementsMax,
    choices: ({ model }) => model.scope.assets.map((a) => ({ text: `${a.id} ${a.name}`, value: a.id })),
  },
  {
    name: 'stride',
    label: 'STRIDE categories',
    type: 'checkboxes',
    choices: () => STRIDE.map((letter) => ({ text: `${letter} ${STRIDE_NAMES[letter]}`, value: letter })),
  },
  {
    name: 'affectedElementIds',
    label: 'Affected elements',
    type: 'multiselect',
    optional: true,
    maxSelected: LIMITS.elementsMax,
    choices: ({ model }) =>
      [
        { label: 'Actors', choices: model.scope.actors.map((e) => ({ text: `${e.id} ${e.name}`, value: e.id })) },
        {
          label: 'Entry points',
          choices: model.scope.entryPoints.map((e) => ({ text: `${e.id} ${e.name}`, value: e.id })),
        },
        {
          label: 'Components',
          choices: model.scope.components.map((e) => ({ text: `${e.id} ${e.name}`, value: e.id })),
        },
        {
          label: 'Data flows',
          choices: model.scope.dataFlows.map((e) => ({ text: `${e.id} ${e.data}`, value: e.id })),
        },
      ].filter((group) => group.choices.length > 0),
  },
];
