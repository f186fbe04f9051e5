import { LIMITS } from '../../domain/limits';
import { AUTHENTICATION_METHODS, DATA_CLASSIFICATIONS, EXPOSURES } from '../../domain/scope';
import type { ScopeKind } from '../../domain/scope-edits';
import { entryPointKindChoices } from './entry-point-kinds';
import { type ChoiceGroup, type Field, type FormContext, inHundreds, isGrouped } from './field';

/** The fields of each scope element's modal (see field.ts). */

const name = (placeholder: string): Field => ({
  name: 'name',
  label: 'Name',
  type: 'text',
  maxLength: LIMITS.nameMax,
  placeholder,
});
const description: Field = {
  name: 'description',
  label: 'Description',
  type: 'multiline',
  optional: true,
  maxLength: LIMITS.descriptionMax,
};
/** Filled in exactly when the element is out of scope, so the reason is required by construction. */
const outOfScope: Field = {
  name: 'outOfScopeReason',
  label: 'Out of scope because',
  type: 'multiline',
  optional: true,
  maxLength: LIMITS.descriptionMax,
  hint: 'Only if it is out of scope: why. It stays in the diagram, but STRIDE coverage and the step checks leave it out. Clear it to bring it back in scope.',
};
const trustBoundary: Field = {
  name: 'trustBoundaryId',
  label: 'Trust boundary',
  type: 'select',
  optional: true,
  hint: 'The zone it sits in. Add trust boundaries first to choose one.',
  choices: ({ model }) => model.scope.trustBoundaries.map((b) => ({ text: `${b.id} ${b.name}`, value: b.id })),
};

const endpoints = ({ model }: FormContext): ChoiceGroup[] =>
  [
    { label: 'Actors', choices: model.scope.actors.map((a) => ({ text: `${a.id} ${a.name}`, value: a.id })) },
    { label: 'Components', choices: model.scope.components.map((c) => ({ text: `${c.id} ${c.name}`, value: c.id })) },
  ].filter((group) => group.choices.length > 0);

export const SCOPE_FIELDS: Readonly<Record<ScopeKind, Field[]>> = {
  asset: [
    name('e.g. Card token'),
    description,
    {
      name: 'classification',
      label: 'Data classification',
      type: 'select',
      choices: () => DATA_CLASSIFICATIONS.map((c) => ({ text: c, value: c })),
    },
    outOfScope,
  ],
  actor: [
    name('e.g. Customer'),
    description,
    {
      name: 'kind',
      label: 'Kind',
      type: 'radio',
      choices: () => [
        { text: 'A person', value: 'human' },
        { text: 'Another system', value: 'system' },
      ],
    },
    {
      name: 'trustLevel',
      label: 'Trust level',
      type: 'text',
      optional: true,
      maxLength: LIMITS.nameMax,
      placeholder: 'e.g. authenticated customer',
    },
    trustBoundary,
  ],
  entryPoint: [
    name('e.g. POST /refunds'),
    description,
    {
      name: 'componentId',
      label: 'Exposed by component',
      type: 'select',
      hint: 'Add the component first if it is not listed.',
      choices: ({ model }) => model.scope.components.map((c) => ({ text: `${c.id} ${c.name}`, value: c.id })),
    },
    {
      name: 'kind',
      label: 'Kind of entry point',
      type: 'select',
      hint: "One of the ways in the component's service exposes natively (listed by type), or Custom.",
      choices: entryPointKindChoices,
    },
    {
      name: 'exposure',
      label: 'Exposure',
      type: 'select',
      optional: true,
      hint: 'For kinds that offer the choice, such as the S3 API: reachable only privately, or publicly.',
      choices: () => EXPOSURES.map((e) => ({ text: e, value: e })),
    },
    {
      name: 'authentication',
      label: 'How callers authenticate',
      type: 'select',
      choices: () => AUTHENTICATION_METHODS.map((m) => ({ text: m.replace(/_/g, ' '), value: m })),
    },
    {
      name: 'authenticationNotes',
      label: 'Authentication notes',
      type: 'multiline',
      optional: true,
      maxLength: LIMITS.descriptionMax,
    },
    outOfScope,
  ],
  component: [
    name('e.g. Refunds API'),
    description,
    {
      name: 'type',
      label: 'Type',
      type: 'select',
      choices: ({ catalog }) => {
        const types = [...catalog.componentTypes.values()];
        const group = (label: string, category: string) => ({
          label,
          choices: types.filter((t) => t.category === category).map((t) => ({ text: t.name, value: t.id })),
        });
        return [group('Generic', 'generic'), group('AWS', 'aws')].filter((g) => g.choices.length > 0);
      },
    },
    trustBoundary,
    outOfScope,
  ],
  dataFlow: [
    { name: 'from', label: 'From', type: 'select', choices: endpoints },
    { name: 'to', label: 'To', type: 'select', choices: endpoints },
    {
      name: 'data',
      label: 'What data',
      type: 'text',
      maxLength: LIMITS.nameMax,
      placeholder: 'e.g. refund request with card token',
    },
    {
      name: 'assetIds',
      label: 'Assets it carries',
      type: 'multiselect',
      optional: true,
      maxSelected: LIMITS.elementsMax,
      choices: ({ model }) => model.scope.assets.map((a) => ({ text: `${a.id} ${a.name}`, value: a.id })),
    },
    {
      name: 'protocol',
      label: 'Protocol',
      type: 'text',
      optional: true,
      maxLength: LIMITS.nameMax,
      placeholder: 'e.g. HTTPS',
    },
    {
      name: 'crossesTrustBoundary',
      label: 'Crosses a trust boundary?',
      type: 'radio',
      choices: () => [
        { text: 'Yes', value: 'yes' },
        { text: 'No', value: 'no' },
      ],
    },
    outOfScope,
  ],
  trustBoundary: [
    name('e.g. Payments VPC'),
    description,
    {
      name: 'trustLevel',
      label: 'Trust level',
      type: 'text',
      optional: true,
      maxLength: LIMITS.nameMax,
      placeholder: 'e.g. internal',
    },
    outOfScope,
  ],
  useCase: [
    name('e.g. Customer asks for a refund'),
    description,
    {
      name: 'actorIds',
      label: 'Actors',
      type: 'multiselect',
      optional: true,
      maxSelected: LIMITS.elementsMax,
      choices: ({ model }) => model.scope.actors.map((a) => ({ text: `${a.id} ${a.name}`, value: a.id })),
    },
    outOfScope,
  ],
  designLink: [
    { name: 'title', label: 'Title', type: 'text', maxLength: LIMITS.nameMax, placeholder: 'e.g. Refunds design doc' },
    { name: 'url', label: 'Link', type: 'url' },
  ],
  assumption: [
    {
      name: 'description',
      label: 'What is assumed',
      type: 'multiline',
      maxLength: LIMITS.descriptionMax,
      placeholder: 'e.g. Only the payments VPC can reach the refunds database',
    },
    {
      name: 'threatIds',
      label: 'Threats resting on it',
      type: 'multiselect',
      optional: true,
      maxSelected: LIMITS.threatsMax,
      hint: 'Link threats and mitigations once they exist (step 2 and 3); edit the assumption to add them.',
      choices: ({ model }) =>
        inHundreds(
          model.threats.map((t) => ({ text: `${t.id} ${t.threatAction}`, value: t.id })),
          'Threats',
        ),
    },
    {
      name: 'mitigationIds',
      label: 'Mitigations resting on it',
      type: 'multiselect',
      optional: true,
      maxSelected: LIMITS.mitigationsMax,
      choices: ({ model }) =>
        inHundreds(
          model.mitigations.map((m) => ({ text: `${m.id} ${m.description}`, value: m.id })),
          'Mitigations',
        ),
    },
  ],
};

/** Why an element cannot be added yet (a required choice has nothing to choose from), if so. */
export function missingPrerequisite(kind: ScopeKind, context: FormContext): string | undefined {
  for (const field of SCOPE_FIELDS[kind]) {
    if (field.optional || !field.choices) continue;
    const choices = field.choices(context);
    const count = isGrouped(choices) ? choices.reduce((n, g) => n + g.choices.length, 0) : choices.length;
    const needed = kind === 'dataFlow' ? 2 : 1;
    if (count < needed) {
      return kind === 'dataFlow'
        ? 'A data flow connects two actors or components: add at least two first.'
        : `Add a ${field.label.toLowerCase().replace('exposed by ', '')} first: "${field.label}" has nothing to choose from yet.`;
    }
  }
  return undefined;
}
