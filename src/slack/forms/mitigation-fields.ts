import { controlsForThreat } from '../../catalog/catalog-queries';
import { LIMITS } from '../../domain/limits';
import { DEVIATION_REASONS, MITIGATION_STATUSES } from '../../domain/mitigation';
import { type Field, inHundreds } from './field';
import { linesInputMax } from './input-limits';

/**
 * The mitigation modal: what is done, which threats it addresses, where it stands, who owns
 * it, where the code or IaC is, the baseline control it implements, and, when it sets a baseline
 * control aside, why.
 */
export const MITIGATION_FIELDS: Field[] = [
  {
    name: 'description',
    label: 'What is done',
    type: 'multiline',
    maxLength: LIMITS.descriptionMax,
    placeholder: 'e.g. POST /refunds requires an idempotency key',
  },
  {
    name: 'threatIds',
    label: 'Threats it addresses',
    type: 'multiselect',
    maxSelected: LIMITS.threatsMax,
    choices: ({ model }) =>
      inHundreds(
        model.threats.map((t) => ({ text: `${t.id} ${t.threatAction}`, value: t.id })),
        'Threats',
      ),
  },
  {
    name: 'status',
    label: 'Status',
    type: 'select',
    choices: () => MITIGATION_STATUSES.map((s) => ({ text: s.replace('_', ' '), value: s })),
  },
  { name: 'owner', label: 'Owner', type: 'user', optional: true },
  {
    name: 'references',
    label: 'Code or IaC implementing it',
    type: 'multiline',
    optional: true,
    maxLength: linesInputMax(LIMITS.referencesMax, LIMITS.referenceMax),
    hint: 'One per line: an http(s) URL or a repository path such as infra/s3.tf or src/refunds.ts#L10-L40.',
  },
  {
    name: 'baselineControlId',
    label: 'Baseline control',
    type: 'select',
    optional: true,
    hint: 'The catalog control this mitigation implements, or sets aside.',
    choices: ({ model, catalog }) => {
      const proposed = new Set(
        model.threats.flatMap((t) =>
          t.origin.type === 'catalog' ? controlsForThreat(catalog, t.origin.catalogThreatId).map((c) => c.id) : [],
        ),
      );
      const all = [...catalog.controls.values()];
      return [
        {
          label: 'Proposed for these threats',
          choices: all.filter((c) => proposed.has(c.id)).map((c) => ({ text: c.title, value: c.id })),
        },
        {
          label: 'Other baseline controls',
          choices: all.filter((c) => !proposed.has(c.id)).map((c) => ({ text: c.title, value: c.id })),
        },
      ].filter((g) => g.choices.length > 0);
    },
  },
  {
    name: 'deviationReason',
    label: 'Deviating from the baseline control? Why',
    type: 'select',
    optional: true,
    choices: () => DEVIATION_REASONS.map((r) => ({ text: r.replace(/_/g, ' '), value: r })),
  },
  {
    name: 'deviationExplanation',
    label: 'Explanation of the deviation',
    type: 'multiline',
    optional: true,
    maxLength: LIMITS.descriptionMax,
  },
];
