import { ThreatSchema } from '../../domain/threat';
import type { ThreatInput } from '../../domain/threat-edits';
import { missingRequired, rawValues, type ViewState } from './form-values';
import { THREAT_FIELDS } from './threat-fields';

const ThreatInputSchema = ThreatSchema.pick({
  threatSource: true,
  prerequisites: true,
  threatAction: true,
  threatImpact: true,
  impactedGoals: true,
  impactedAssetIds: true,
  stride: true,
  affectedElementIds: true,
});

export type ThreatFormResult = { ok: true; input: ThreatInput } | { ok: false; errors: Record<string, string> };

/** A threat modal's submission as threat input, validated with the threat schema's own fields. */
export function parseThreatForm(state: ViewState): ThreatFormResult {
  const raw = rawValues(THREAT_FIELDS, state);
  const result = ThreatInputSchema.safeParse(raw);
  const errors = missingRequired(THREAT_FIELDS, raw);
  if (result.success && Object.keys(errors).length === 0) return { ok: true, input: result.data };
  for (const issue of result.success ? [] : result.error.issues) {
    const field = String(issue.path[0] ?? 'threatSource');
    errors[field] ??=
      raw[field] === undefined
        ? 'Please fill this in.'
        : `${issue.message.charAt(0).toUpperCase()}${issue.message.slice(1)}.`;
  }
  return { ok: false, errors };
}
