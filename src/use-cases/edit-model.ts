import { isDeepStrictEqual } from 'node:util';
import { EDITABLE_STATUSES, type ThreatModel } from '../domain/model';
import { diffModels, touchedSteps } from '../domain/model-diff';
import { type ReopenedSteps, reopenStaleSteps } from '../domain/stale-steps';
import { statusLabel } from '../domain/status-labels';
import type { ModelRef } from '../ports/model-store';
import { editableModel } from './model-access';
import { refuse, type UseCaseOutcome } from './outcome';
import type { UseCaseDeps } from './use-case-deps';

/** What an edit needs: the store, channel membership (Slack), the flow (step rules) and the clock. */
export type EditDeps = Pick<UseCaseDeps, 'store' | 'members' | 'flow' | 'clock'>;

type Ok<O> = Extract<O, { ok: true }>;
type No<O> = Exclude<O, { ok: true }>;

export interface EditRequest<O extends { ok: true; model: ThreatModel } | { ok: false }> {
  ref: ModelRef;
  /** The Slack user who changes the model: checked for channel membership, recorded as a contributor. */
  by: string;
  /** The audit action, e.g. `threat.add`. */
  action: string;
  /** The domain change; pure, it may run more than once under contention. */
  change: (current: ThreatModel) => O;
  /** The message for a domain refusal (the model is the one the change was refused against). */
  refused: (outcome: No<O>, model: ThreatModel) => string;
  /** Further contributors the change brings in besides `by` (e.g. users just given a role). */
  contributors?: (outcome: Ok<O>) => readonly string[];
}

/** A stored edit: the model after it, the domain outcome, and the steps it reopened (if any). */
export interface Edited<O> {
  model: ThreatModel;
  /** False when the change left the model as it was: nothing was written. */
  changed: boolean;
  /** The domain's outcome (its `model` is before contributors and steps: render `model` above). */
  outcome: Ok<O>;
  reopened: ReopenedSteps | undefined;
}

/** The message of a model the team cannot change now; the same as editableModel's. */
function notEditableMessage(model: ThreatModel): string {
  return `${model.id} is ${statusLabel(model.status).toLowerCase()} and cannot be changed now.`;
}

/** The contributors with these users added once each. */
export function withContributors(model: ThreatModel, users: readonly string[]): ThreatModel {
  const fresh = users.filter((user, i) => !model.contributors.includes(user) && users.indexOf(user) === i);
  if (fresh.length === 0) return model;
  // Never trimmed: someone dropped from the list could approve again. A model past the limit fails
  // the schema and is not written.
  return { ...model, contributors: [...model.contributors, ...fresh] };
}

/**
 * The one way the team changes a model's content. Channel membership is checked first (it asks
 * Slack, so it cannot run inside the store's update); everything else runs inside the same
 * update that writes, against the model being written: the status (a model that went into review
 * or was approved since the check is refused and nothing is written), the domain rule, who
 * contributed (none of them may approve), and the completed steps the change broke, which reopen.
 */
export async function editModel<O extends { ok: true; model: ThreatModel } | { ok: false }>(
  deps: EditDeps,
  request: EditRequest<O>,
): Promise<UseCaseOutcome<Edited<O>>> {
  const { ref, by, action, change } = request;
  const access = await editableModel(deps, ref.workspaceId, ref.modelId, by);
  if (!access.ok) return access;
  const now = deps.clock();
  type Decision =
    | { ok: true; model: ThreatModel; domain: Ok<O>; reopened: ReopenedSteps | undefined }
    | { ok: false; notEditable: true }
    | { ok: false; notEditable: false; domain: No<O> };
  const { model, changed, outcome } = await deps.store.update(ref, { actor: by, action }, (current): Decision => {
    if (!EDITABLE_STATUSES.includes(current.status)) return { ok: false, notEditable: true };
    const domain = change(current);
    if (!domain.ok) return { ok: false, notEditable: false, domain: domain as No<O> };
    const ok = domain as Ok<O>;
    if (isDeepStrictEqual(ok.model, current)) return { ok: true, model: current, domain: ok, reopened: undefined };
    const contributed = withContributors(ok.model, [by, ...(request.contributors?.(ok) ?? [])]);
    // In a revision, the steps this change touches reopen too: the team confirms each changed step again.
    const touched = current.revision ? touchedSteps(diffModels(current, contributed, { from: 0, to: 0 })) : [];
    const stale = reopenStaleSteps(deps.flow, contributed, by, now, touched);
    return { ok: true, model: stale.model, domain: ok, reopened: stale.reopened };
  });
  if (!outcome.ok) {
    return refuse(outcome.notEditable ? notEditableMessage(model) : request.refused(outcome.domain, model));
  }
  return { ok: true, model, changed, outcome: outcome.domain, reopened: outcome.reopened };
}
