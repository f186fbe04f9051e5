import { type RiskAssessment, RiskAssessmentSchema } from '../../domain/risk-assessment';
import { missingRequired, rawValues, type ViewState } from './form-values';
import { RISK_FIELDS } from './risk-fields';

export type RiskFormResult =
  | { ok: true; threatId: string; risk: RiskAssessment }
  | { ok: false; errors: Record<string, string> };

/**
 * A risk review submission, validated with the risk schema the store enforces: the decision is
 * recorded with the user who took it (for an acceptance, who accepted the risk) and when.
 */
export function parseRiskForm(state: ViewState, by: string, now: Date): RiskFormResult {
  const raw = rawValues(RISK_FIELDS, state);
  const errors = missingRequired(RISK_FIELDS, raw);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const reason = typeof raw.reason === 'string' ? raw.reason : undefined;
  const result = RiskAssessmentSchema.safeParse({
    before: { likelihood: Number(raw.likelihoodBefore), impact: Number(raw.impactBefore) },
    after: { likelihood: Number(raw.likelihoodAfter), impact: Number(raw.impactAfter) },
    decision: { type: raw.decision, ...(reason && { reason }), decidedBy: by, decidedAt: now.toISOString() },
    ratedBy: by,
  });
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = issue.path.includes('reason') ? 'reason' : 'decision';
      errors[field] ??= `${issue.message.charAt(0).toUpperCase()}${issue.message.slice(1)}.`;
    }
    return { ok: false, errors };
  }
  return { ok: true, threatId: String(raw.threatId), risk: result.data };
}
