import type { Catalog } from '../catalog/catalog';
import { type CatalogProposalOutcome, catalogProposalFile } from '../catalog/catalog-proposal';
import { proposalProblems, proposalYaml } from '../catalog/proposal-yaml';
import { recordCatalogProposal } from '../domain/catalog-proposal-edits';
import { catalogProposalBranch, ProposableIdSchema } from '../domain/catalog-proposals';
import type { Flow } from '../domain/flow';
import type { ThreatModel } from '../domain/model';
import { isOnTeam } from '../domain/risk';
import type { Logger } from '../logger';
import type { ModelRef } from '../ports/model-store';
import { readableModel } from './model-access';
import { refuse, type UseCaseOutcome } from './outcome';
import { exportsUnavailable } from './request-export';
import type { UseCaseDeps } from './use-case-deps';

export type ProposeDeps = Pick<
  UseCaseDeps,
  'store' | 'members' | 'exports' | 'catalog' | 'flow' | 'clock' | 'logger' | 'settings'
>;

export interface ProposeForCatalogInput {
  ref: ModelRef;
  by: string;
  /** The threat (`T-n`) or mitigation (`M-n`). */
  itemId: string;
}

export interface Proposed {
  model: ThreatModel;
  itemId: string;
  catalogId: string;
  branch: string;
  /** 1 the first time this item is proposed; more when it is proposed again (the same entry, updated). */
  times: number;
}

/**
 * "Propose for the catalog" on a threat or mitigation: for the model's owner or a role holder
 * who is in its channel (the people who wrote it; any status, approved models being the best
 * source). The item is written as a catalog entry and checked as `catalog lint` would; the
 * proposal is recorded in the model (so the audit trail says who proposed what, when) and a job
 * commits the file on its own branch, with a pull request when GitHub is set up.
 */
export async function proposeForCatalog(
  deps: ProposeDeps,
  { ref, by, itemId }: ProposeForCatalogInput,
): Promise<UseCaseOutcome<Proposed>> {
  const unavailable = await exportsUnavailable(deps, ref.workspaceId);
  if (unavailable) return unavailable;
  if (!ProposableIdSchema.safeParse(itemId).success) {
    return refuse('Only threats and mitigations can be proposed for the catalog.');
  }
  const access = await readableModel(deps, ref.workspaceId, ref.modelId, by, (id) => `propose items of ${id}`);
  if (!access.ok) return access;
  if (!isOnTeam(access.model, by)) return refuse(notOnTeam(access.model.id));
  const built = checkedProposal(deps, access.model, itemId);
  if (!built.ok) return built;
  const now = deps.clock();
  // Who may propose is checked again inside the write, against the model as it is stored.
  const { model, outcome } = await deps.store.update(ref, { actor: by, action: 'catalog.propose' }, (current) =>
    isOnTeam(current, by)
      ? { ok: true as const, model: recordCatalogProposal(current, itemId, by, now) }
      : { ok: false as const },
  );
  if (!outcome.ok) return refuse(notOnTeam(model.id));
  await deps.exports.proposeForCatalog({
    workspaceId: ref.workspaceId,
    modelId: model.id,
    itemId,
    requestedBy: by,
    requestedAt: now.toISOString(),
  });
  const { catalogId } = built.proposal;
  const times = model.catalogProposals.find((proposal) => proposal.id === itemId)?.times ?? 1;
  return { ok: true, model, itemId, catalogId, branch: catalogProposalBranch(catalogId), times };
}

/**
 * The item as a catalog entry and its YAML, or why it cannot be one. A file `catalog lint` would
 * reject is never written: that is a bug here, logged with the lint's words, and the person told.
 */
export function checkedProposal(
  deps: { catalog: Catalog; flow: Flow; logger: Logger },
  model: ThreatModel,
  itemId: string,
): CatalogProposalOutcome & ({ ok: false } | { ok: true; yaml: string }) {
  const built = catalogProposalFile(model, itemId, { catalog: deps.catalog, matrix: deps.flow.risk });
  if (!built.ok) return built;
  const yaml = proposalYaml(built.proposal, model.id);
  const problems = proposalProblems(deps.catalog, built.proposal, yaml);
  if (problems.length > 0) {
    deps.logger.error({ model: model.id, item: itemId, problems }, 'a catalog proposal would not pass catalog lint');
    return refuse(
      `${itemId} could not be written as a valid catalog entry; the problem is logged for whoever runs Threadmodel.`,
    );
  }
  return { ...built, yaml };
}

function notOnTeam(modelId: string): string {
  return `Only the owner of ${modelId} or someone holding a role in it can propose its threats and mitigations for the catalog.`;
}
