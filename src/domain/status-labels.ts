import type { ModelStatus } from './model';

/** A model's status as people read it: `Draft`, `In review`, ... */
const STATUS_LABELS: Record<ModelStatus, string> = {
  draft: 'Draft',
  in_review: 'In review',
  changes_requested: 'Changes requested',
  approved: 'Approved',
  archived: 'Archived',
};

export function statusLabel(status: ModelStatus): string {
  return STATUS_LABELS[status];
}
