import type { KnownBlock } from '@slack/types';
import type { ThreatModel } from '../../domain/model';
import {
  diffCounts,
  type ElementChange,
  type FieldChange,
  type ModelDiff,
  touchedSteps,
} from '../../domain/model-diff';
import { STEP_NAMES } from '../../domain/steps';
import { approvalHistory, versionNumber } from '../../domain/versions';
import { slackDate } from './slack-dates';
import type { Modal, SlackMessage } from './surfaces';
import { context, mention, plain, section, truncate, userLine } from './text';

const KIND_WORDS = { added: 'Added', removed: 'Removed', changed: 'Changed' } as const;
const VALUE_MAX = 120;

/** "v2 (revision of approved v1)" or "v1". */
export function versionLabel(model: ThreatModel): string {
  const number = versionNumber(model);
  const base = model.revision?.approved.at(-1);
  return base ? `v${number} (revising approved v${base.number})` : `v${number}`;
}

/** "3 changes since v1: 1 added, 0 removed, 2 changed · steps touched: threats, risk review". */
export function diffSummary(diff: ModelDiff): string {
  if (diff.changes.length === 0) return `No changes since v${diff.from} yet.`;
  const counts = diffCounts(diff);
  const steps = touchedSteps(diff).map((step) => STEP_NAMES[step]);
  return (
    `${diff.changes.length} change${diff.changes.length === 1 ? '' : 's'} since v${diff.from}: ` +
    `${counts.added} added, ${counts.removed} removed, ${counts.changed} changed · steps touched: ${steps.join(', ')}`
  );
}

/** One change in mrkdwn, user text escaped: "*Changed* threat *T-1* _replay…_: stride T → T, R". */
export function changeLine(change: ElementChange): string {
  const head = `*${KIND_WORDS[change.kind]}* ${change.what} *${change.id}* _${userLine(change.label, 80)}_`;
  if (change.fields.length === 0) return `• ${head}`;
  return `• ${head}: ${change.fields.map(fieldLine).join('; ')}`;
}

function fieldLine(field: FieldChange): string {
  const before = field.before === undefined ? '(none)' : `“${userLine(field.before, VALUE_MAX)}”`;
  const after = field.after === undefined ? '(none)' : `“${userLine(field.after, VALUE_MAX)}”`;
  return `${field.field} ${before} → ${after}`;
}

/** The changes as sections of at most ~2,900 characters each, at most `maxBlocks` of them. */
export function changeSections(diff: ModelDiff, maxBlocks: number): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  let lines: string[] = [];
  let length = 0;
  const flush = () => {
    if (lines.length > 0) blocks.push(section(lines.join('\n')));
    lines = [];
    length = 0;
  };
  for (const [i, change] of diff.changes.entries()) {
    const line = truncate(changeLine(change), 1400);
    if (length + line.length + 1 > 2900) flush();
    if (blocks.length >= maxBlocks) {
      blocks.pop();
      blocks.push(section(`…and ${diff.changes.length - i} more changes: the exported report lists them all.`));
      return blocks;
    }
    lines.push(line);
    length += line.length + 1;
  }
  flush();
  return blocks;
}

/** Who approved which version, oldest first, in one context line per approval. */
export function approvalLines(model: ThreatModel): string[] {
  return approvalHistory(model).map(
    (approval) => `v${approval.number} approved by ${mention(approval.approvedBy)} ${slackDate(approval.approvedAt)}`,
  );
}

/** "What changed since v1": the diff of the revision against the last approved version. */
export function versionChangesModal(model: ThreatModel, diff: ModelDiff): Modal {
  const approvals = approvalLines(model);
  const blocks: KnownBlock[] = [
    context(`*${model.id}* ${userLine(model.title, 200)} · ${versionLabel(model)}`),
    section(`*${diffSummary(diff)}*`),
    ...changeSections(diff, 40),
    ...(approvals.length > 0 ? [context(truncate(approvals.join(' · '), 3000))] : []),
    context(`Approved v${diff.from} as it was, read-only: \`/threatmodel status ${model.id} v${diff.from}\``),
  ];
  return { type: 'modal', title: plain(`Changes since v${diff.from}`, 24), close: plain('Close', 24), blocks };
}

/** Said in the thread when a new version opens. */
export function revisionOpenedMessage(model: ThreatModel, by: string): SlackMessage {
  const base = model.revision?.approved.at(-1)?.number ?? 1;
  const text =
    `${mention(by)} opened *v${versionNumber(model)}* of *${model.id}* as a draft. ` +
    `Approved v${base} stays as it was (read-only); changes are tracked against it, and the steps a change breaks reopen. ` +
    `Request AppSec review when the changes are done: the reviewer sees what changed first.`;
  return { text, blocks: [section(text)] };
}
