import { z } from 'zod';
import { LIMITS } from './limits';
import { InstantSchema, SlackUserIdSchema } from './primitives';
import { spaced } from './repository-paths';

/** A threat or mitigation of the model, by its id (`T-3`, `M-2`): what can be proposed for the catalog. */
export const ProposableIdSchema = z
  .string()
  .regex(/^[TM]-[1-9]\d{0,5}$/, 'must be a threat or mitigation id such as T-3 or M-2');

/**
 * The catalog id a proposed item gets: `thr-tm12-t3` for threat T-3 of TM-12, `ctl-tm12-m2` for
 * mitigation M-2 (a catalog control). Made only of the model's and the item's ids, never of user
 * text, so it is a safe file name and git ref, and proposing the same item again finds the same
 * entry (its branch and pull request are updated, not duplicated).
 */
export function catalogEntryId(modelId: string, itemId: string): string {
  const model = /^TM-([1-9]\d{0,8})$/.exec(modelId);
  const item = /^([TM])-([1-9]\d{0,5})$/.exec(itemId);
  const [, number, kind, n] = [model?.[0], model?.[1], item?.[1], item?.[2]];
  if (!number || !kind || !n) throw new RangeError(`not a model and item id: ${modelId} ${itemId}`);
  return `${kind === 'T' ? 'thr' : 'ctl'}-tm${number}-${kind.toLowerCase()}${n}`;
}

/** One item proposed for the organisation's catalog: the last time, by whom, and how often. */
export const CatalogProposalSchema = z
  .strictObject({
    id: ProposableIdSchema.describe('The threat or mitigation proposed'),
    catalogId: z
      .string()
      .regex(/^(thr|ctl)-tm\d{1,9}-[tm]\d{1,6}$/)
      .describe('The catalog entry it was written as'),
    proposedBy: SlackUserIdSchema,
    proposedAt: InstantSchema,
    times: z.number().int().min(1).describe('How many times it was proposed (each one updates the same entry)'),
  })
  .describe('A threat or mitigation proposed for the catalog');
export type CatalogProposal = z.infer<typeof CatalogProposalSchema>;

/** At most one record per threat and per mitigation. */
export const CATALOG_PROPOSALS_MAX = LIMITS.threatsMax + LIMITS.mitigationsMax;

/**
 * The branch a proposal is committed on (and its pull request's head): one per catalog entry, in
 * the workspace's part of a shared repository when it has one (`threadmodel/t0acme/catalog/<id>`).
 */
export function catalogProposalBranch(catalogId: string, workspaceSpace?: string): string {
  return `threadmodel/${spaced(workspaceSpace)}catalog/${catalogId}`;
}
