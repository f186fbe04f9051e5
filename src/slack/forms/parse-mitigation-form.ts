import { MitigationSchema } from '../../domain/mitigation';
import type { MitigationInput } from '../../domain/mitigation-edits';
import { missingRequired, rawValues, type ViewState } from './form-values';
import { MITIGATION_FIELDS } from './mitigation-fields';

export type MitigationFormResult = { ok: true; input: MitigationInput } | { ok: false; errors: Record<string, string> };

/** Where a schema problem goes in the modal: the field the person can fix. */
function fieldOf(path: readonly PropertyKey[]): string {
  const [head, second] = path.map(String);
  if (head === 'deviation') return second === 'explanation' ? 'deviationExplanation' : 'deviationReason';
  return head ?? 'description';
}

/**
 * A mitigation modal's submission, validated with the mitigation schema the store enforces:
 * references one per line, each an http(s) URL or a safe repository path; setting a baseline
 * control aside needs a reason and an explanation.
 */
export function parseMitigationForm(state: ViewState, by: string, now: Date): MitigationFormResult {
  const raw = rawValues(MITIGATION_FIELDS, state);
  const errors = missingRequired(MITIGATION_FIELDS, raw);
  const text = (name: string) => (typeof raw[name] === 'string' ? (raw[name] as string) : undefined);
  const references = (text('references') ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const reason = text('deviationReason');
  const candidate = {
    description: text('description'),
    threatIds: raw.threatIds ?? [],
    status: text('status'),
    references,
    ...(text('owner') && { owner: text('owner') }),
    ...(text('baselineControlId') && { baselineControlId: text('baselineControlId') }),
    ...(reason && { deviation: { reason, explanation: text('deviationExplanation') } }),
  };
  if (!reason && text('deviationExplanation'))
    errors.deviationReason ??= 'Choose why the baseline control is set aside.';
  const result = MitigationSchema.safeParse({ ...candidate, id: 'M-1', createdBy: by, createdAt: now.toISOString() });
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = fieldOf(issue.path);
      const line = field === 'references' && typeof issue.path[1] === 'number' ? `Line ${issue.path[1] + 1}: ` : '';
      const said = line ? `${line}${issue.message}` : issue.message.charAt(0).toUpperCase() + issue.message.slice(1);
      errors[field] ??=
        field === 'deviationExplanation' && raw[field] === undefined
          ? 'Explain why the baseline control is set aside.'
          : `${said}.`;
    }
  }
  if (Object.keys(errors).length > 0 || !result.success) return { ok: false, errors };
  const { id: _id, createdBy: _by, createdAt: _at, ...input } = result.data;
  return { ok: true, input };
}
