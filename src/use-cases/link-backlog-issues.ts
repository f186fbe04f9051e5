import type { Mitigation } from '../domain/mitigation';
import type { ThreatModel } from '../domain/model';
import type { UseCaseDeps } from './use-case-deps';

/** Mitigations still to be done: these are tracked in the team's backlog. */
const BACKLOG_STATUSES: ReadonlySet<Mitigation['status']> = new Set(['proposed', 'planned']);

/** Opens a backlog item (a GitHub issue) for a mitigation: its web link. */
export type OpenBacklogItem = (mitigation: Mitigation) => Promise<{ url: string }>;

const THIRTY_DAYS = 30 * 86_400_000;

/**
 * Before an export: every mitigation still to be done and not yet in the backlog gets a backlog
 * item, linked from the mitigation. At most once per mitigation: an item opened just before a
 * crash is not opened again (its link may then be missing). Returns the model with the links.
 */
export async function linkBacklogIssues(
  deps: Pick<UseCaseDeps, 'store' | 'idempotency'>,
  { model }: { model: ThreatModel },
  open: OpenBacklogItem,
): Promise<ThreatModel> {
  const ref = { workspaceId: model.workspaceId, modelId: model.id };
  let current = model;
  for (const mitigation of model.mitigations) {
    if (!BACKLOG_STATUSES.has(mitigation.status) || mitigation.backlogLink) continue;
    const opened = await deps.idempotency.once(
      `backlog.${ref.workspaceId}.${ref.modelId}.${mitigation.id}`,
      THIRTY_DAYS,
      () => open(mitigation),
    );
    if (!opened.ran) continue;
    const url = opened.result.url;
    current = (
      await deps.store.update(ref, { actor: 'system', action: 'mitigation.backlog' }, (m) => ({
        ...m,
        mitigations: m.mitigations.map((item) => (item.id === mitigation.id ? { ...item, backlogLink: url } : item)),
      }))
    ).model;
  }
  return current;
}
