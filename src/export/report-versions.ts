import type { ThreatModel } from '../domain/model';
import { changesSummary, type ElementChange, type ModelDiff } from '../domain/model-diff';
import { approvalHistory, versionLabel, versionNumber } from '../domain/versions';
import { md, table } from './markdown-text';

const KIND_WORDS = { added: 'Added', removed: 'Removed', changed: 'Changed' } as const;

/** One change as a Markdown list item, user text escaped. */
export function changeItem(change: ElementChange): string {
  const head = `- **${KIND_WORDS[change.kind]}** ${change.what} **${change.id}** ${md(change.label, 200)}`;
  if (change.fields.length === 0) return head;
  const fields = change.fields.map(
    (field) =>
      `  - ${md(field.field, 80)}: ${field.before === undefined ? '_none_' : md(field.before, 500)} → ${field.after === undefined ? '_none_' : md(field.after, 500)}`,
  );
  return [head, ...fields].join('\n');
}

/** The report's "What changed since vN" section: every change, field by field. */
export function changesSection(diff: ModelDiff): string {
  return [`## What changed since v${diff.from}`, '', changesSummary(diff), '', ...diff.changes.map(changeItem)]
    .join('\n')
    .trimEnd();
}

/** The report's version history: who approved which version, and the version in progress. */
export function versionHistorySection(model: ThreatModel, who: (id: string) => string): string {
  const approvals = approvalHistory(model);
  const rows = approvals.map((approval) => [
    `v${approval.number}`,
    'approved',
    who(approval.approvedBy),
    approval.approvedAt.slice(0, 10),
    md(approval.comment ?? '', 300),
  ]);
  if (approvals.at(-1)?.number !== versionNumber(model)) {
    rows.push([`v${versionNumber(model)}`, model.status.replace('_', ' '), '', '', '']);
  }
  return `## Version history\n\n${table(['Version', 'Status', 'Approved by', 'On', 'Comment'], rows)}`;
}

/** The pull request's words on a revision: which version, and the changes (at most `max` listed). */
export function pullRequestChanges(model: ThreatModel, diff: ModelDiff, max = 30): string {
  const listed = diff.changes.slice(0, max).map(changeItem);
  const more = diff.changes.length > max ? [`- …and ${diff.changes.length - max} more (see the report)`] : [];
  return [`This is ${versionLabel(model)} of the model.`, '', `### ${changesSummary(diff)}`, '', ...listed, ...more]
    .join('\n')
    .trimEnd();
}
