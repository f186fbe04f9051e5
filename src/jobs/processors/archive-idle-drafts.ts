import { z } from 'zod';
import type { Logger } from '../../logger';
import type { ModelRef, ModelStore } from '../../ports/model-store';
import { parsePayload } from './processor-deps';

export const ArchiveIdleDraftsJobSchema = z.strictObject({
  /** Drafts untouched for this many days are archived (DRAFT_RETENTION_DAYS). */
  idleDays: z.number().int().min(1).max(3650),
});
export type ArchiveIdleDraftsJob = z.infer<typeof ArchiveIdleDraftsJobSchema>;

/**
 * The retention sweep: archive (never delete) the drafts nobody touched for the retention period,
 * and say which in the log. Archiving is idempotent, so a second run the same day changes nothing.
 */
export async function processArchiveIdleDrafts(
  deps: { store: ModelStore; logger: Logger },
  data: unknown,
): Promise<ModelRef[]> {
  const { idleDays } = parsePayload(ArchiveIdleDraftsJobSchema, data);
  const archived = await deps.store.archiveIdleDrafts(idleDays);
  if (archived.length > 0) deps.logger.info({ archived, days: idleDays }, 'archived idle drafts');
  return archived;
}
