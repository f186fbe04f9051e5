import type { ThreatModel } from './model';
import { isParticipant, lastReviewDecision } from './review-workflow';
import { type ApprovedVersion, REVISIONS_MAX } from './revision';

/** The version a model is at: 1 until it is revised. */
export function versionNumber(model: Pick<ThreatModel, 'revision'>): number {
  return model.revision?.number ?? 1;
}

/** The approved version the current one is compared with (undefined for a model never revised). */
export function baseVersion(model: Pick<ThreatModel, 'revision'>): ApprovedVersion | undefined {
  return model.revision?.approved.at(-1);
}

/** Every approval, oldest first: the earlier versions', then the current one's when it is approved. */
export function approvalHistory(model: ThreatModel): ApprovedVersion[] {
  const earlier = model.revision?.approved ?? [];
  const decision = lastReviewDecision(model);
  if (model.status !== 'approved' || decision?.type !== 'approved') return earlier;
  return [...earlier, approvalOf(model, decision)];
}

export type ReviseOutcome =
  | { ok: true; model: ThreatModel; snapshot: { number: number; model: ThreatModel } }
  | { ok: false; message: string };

/**
 * Open the next version of an approved model as a draft: same id and thread, everything carried
 * over (steps stay complete: nothing changed yet; the edits that follow reopen what they break),
 * the approval recorded in the version history and the approved model kept as a snapshot (the
 * store writes `snapshot` with the model, atomically). Only the owner or a role holder may.
 */
export function reviseModel(model: ThreatModel, request: { by: string; at: Date }): ReviseOutcome {
  if (model.status !== 'approved') {
    return { ok: false, message: `Only an approved model can be revised; ${model.id} is not approved.` };
  }
  if (!isParticipant(model, request.by)) {
    return { ok: false, message: `Only the owner or a role holder of ${model.id} can revise it.` };
  }
  const decision = lastReviewDecision(model);
  if (decision?.type !== 'approved') {
    return { ok: false, message: `${model.id} has no recorded approval to revise.` };
  }
  const number = versionNumber(model);
  if (number >= REVISIONS_MAX) {
    return { ok: false, message: `${model.id} has reached ${REVISIONS_MAX} versions; start a new model instead.` };
  }
  const approved = [...(model.revision?.approved ?? []), approvalOf(model, decision)];
  const { review: _approvedReview, ...rest } = model;
  const next: ThreatModel = {
    ...rest,
    status: 'draft',
    revision: { number: number + 1, openedBy: request.by, openedAt: request.at.toISOString(), approved },
  };
  return { ok: true, model: next, snapshot: { number, model } };
}

function approvalOf(model: ThreatModel, decision: NonNullable<ReturnType<typeof lastReviewDecision>>): ApprovedVersion {
  return {
    number: versionNumber(model),
    modelVersion: model.version,
    approvedBy: decision.by,
    approvedAt: decision.at,
    ...(decision.comment && { comment: decision.comment }),
    ...(decision.followUps && { followUps: decision.followUps }),
  };
}

/** "v2 (revising approved v1)", or "v1": how people and reports name the version. */
export function versionLabel(model: Pick<ThreatModel, 'revision'>): string {
  const base = baseVersion(model);
  return base ? `v${versionNumber(model)} (revising approved v${base.number})` : `v${versionNumber(model)}`;
}
