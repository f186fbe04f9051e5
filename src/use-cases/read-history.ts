import type { ThreatModel } from '../domain/model';
import type { AuditEntry, ModelRef } from '../ports/model-store';
import { type AccessDeps, readableModel } from './model-access';
import type { UseCaseOutcome } from './outcome';

/** Changes on one page of the History modal. */
export const HISTORY_PAGE_SIZE = 20;

/**
 * Which page of a model's history: page 1 is the newest changes; a later page is read from
 * beside an entry the modal shows (the changes older than its last line, or newer than its first).
 */
export type HistoryCursor = { page: 1 } | { page: number; olderThan: string } | { page: number; newerThan: string };

export interface HistoryPage {
  model: ThreatModel;
  page: number;
  /** Newest first. */
  entries: AuditEntry[];
  total: number;
  /** Whether older changes exist (a Next page). */
  more: boolean;
}

interface HistoryInput {
  ref: ModelRef;
  /** The Slack user who asks. */
  by: string;
  cursor: HistoryCursor;
}

/**
 * "History": who changed what and when, newest first, a page at a time. Reading changes nothing,
 * so any member of the model's channel may, whatever the model's status; no one else.
 */
export async function readHistory(
  deps: AccessDeps,
  { ref, by, cursor }: HistoryInput,
): Promise<UseCaseOutcome<HistoryPage>> {
  const read = await readableModel(deps, ref.workspaceId, ref.modelId, by, (id) => `see the history of ${id}`);
  if (!read.ok) return read;
  const page = Math.max(1, cursor.page);
  if (page > 1 && 'newerThan' in cursor) {
    // The page before: the changes just newer than this page's first, oldest first, turned round.
    const newer = await deps.store.auditTrail(ref, { after: cursor.newerThan, limit: HISTORY_PAGE_SIZE });
    return { ok: true, model: read.model, page, entries: newer.items.reverse(), total: newer.total, more: true };
  }
  const before = page > 1 && 'olderThan' in cursor ? cursor.olderThan : undefined;
  const older = await deps.store.recentChanges(ref, { ...(before && { before }), limit: HISTORY_PAGE_SIZE });
  const shown = before ? page : 1;
  return { ok: true, model: read.model, page: shown, entries: older.items, total: older.total, more: !!older.next };
}
