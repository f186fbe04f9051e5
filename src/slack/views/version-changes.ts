import type { KnownBlock } from '@slack/types';
import type { ThreatModel } from '../../domain/model';
import { changesSummary, type ElementChange, type FieldChange, type ModelDiff } from '../../domain/model-diff';
import { approvalHistory, versionLabel, versionNumber } from '../../domain/versions';
import { slackDate } from './slack-dates';
import type { Modal, SlackMessage } from './surfaces';
import { context, mention, plain, section, truncate, userLine } from './text';

const KIND_WORDS = { added: 'Added', removed: 'Removed', changed: 'Changed' } as const;
const VALUE_MAX = 120;

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

/** The changes as sections of at most ~2,900 characters each, at most `maxBlocks` of them (the last says how many more). */
export function changeSections(diff: ModelDiff, maxBlocks: number): KnownBlock[] {
  const chunks: { first: number; lines: string[]; length: number }[] = [];
  for (const [i, change] of diff.changes.entries()) {
    const line = truncate(changeLine(change), 1400);
    const last = chunks.at(-1);
    if (last && last.length + line.length + 1 <= 2900) {
      last.lines.push(line);
      last.length += line.length + 1;
    } else {
      chunks.push({ first: i, lines: [line], length: line.length });
    }
  }
  if (chunks.length <= maxBlocks) return chunks.map((chunk) => section(chunk.lines.join('\n')));
  const shown = chunks.slice(0, maxBlocks - 1);
  const rest = diff.changes.length - (chunks[maxBlocks - 1]?.first ?? diff.changes.length);
  return [
    ...shown.map((chunk) => section(chunk.lines.join('\n'))),
    section(`…and ${rest} more changes: the exported report lists them all.`),
  ];
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
    section(`*${changesSummary(diff)}*`),
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
    `Approved v${base} stays as it was (read-only); changes are tracked against it, and each step a change touches reopens to be confirmed again. ` +
    `Request AppSec review when the changes are done: the reviewer sees what changed first.`;
  return { text, blocks: [section(text)] };
}
