import { LIMITS } from '../../domain/limits';
import { RISK_DECISIONS } from '../../domain/risk-assessment';
import { type Field, type FormContext, inHundreds } from './field';

const levels = (which: 'likelihoodLevels' | 'impactLevels') => (context: FormContext) =>
  (context.flow?.risk[which] ?? []).map((label, i) => ({ text: label, value: String(i + 1) }));

const DECISION_LABELS: Record<(typeof RISK_DECISIONS)[number], string> = {
  mitigate: 'Mitigate: the mitigations bring it down',
  accept: 'Accept: live with it (a reason is required)',
  transfer: 'Transfer: someone else carries it (say who)',
  avoid: 'Avoid: change the feature so it cannot happen',
};

/** The risk review of one threat: likelihood and impact before and after mitigation, and the decision. */
export const RISK_FIELDS: Field[] = [
  {
    name: 'threatId',
    label: 'Threat',
    type: 'select',
    choices: ({ model }) =>
      inHundreds(
        model.threats.map((t) => ({ text: `${t.id} ${t.threatAction}`, value: t.id })),
        'Threats',
      ),
  },
  {
    name: 'likelihoodBefore',
    label: 'Likelihood before mitigation',
    type: 'select',
    choices: levels('likelihoodLevels'),
  },
  { name: 'impactBefore', label: 'Impact before mitigation', type: 'select', choices: levels('impactLevels') },
  {
    name: 'likelihoodAfter',
    label: 'Likelihood after mitigation',
    type: 'select',
    choices: levels('likelihoodLevels'),
  },
  { name: 'impactAfter', label: 'Impact after mitigation', type: 'select', choices: levels('impactLevels') },
  {
    name: 'decision',
    label: 'Decision',
    type: 'radio',
    choices: () => RISK_DECISIONS.map((d) => ({ text: DECISION_LABELS[d], value: d })),
  },
  {
    name: 'reason',
    label: 'Reason',
    type: 'multiline',
    optional: true,
    maxLength: LIMITS.descriptionMax,
    hint: 'Required to accept, transfer or avoid.',
  },
];
