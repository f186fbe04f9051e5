import { IMPORT_FORMAT_NAMES, type ImportedModel } from '../../domain/imported-model';
import type { ThreatModel } from '../../domain/model';
import { IMPORT_LIMITS } from '../../import/import-limits';
import type { RepositorySource } from '../../use-cases/import-model';
import type { SlackMessage } from './surfaces';
import { mention, section, truncate, userLine } from './text';

/** The message `/threatmodel import` posts: the thread the file goes in, and later the model's card. */
export function importPromptMessage(userId: string): SlackMessage {
  const text =
    `:inbox_tray: ${mention(userId)} is importing a threat model. Share a Threat Composer \`.tc.json\` file or a ` +
    'Threat Dragon v2 `.json` file *in this thread* and I will make a model of it, here. ' +
    'Nothing is created until a file imports cleanly.';
  return { text, blocks: [section(text)] };
}

/** The message `/threatmodel import <path>` posts once the file is read: which file, and later the model's card. */
export function repositoryImportPromptMessage(userId: string, source: RepositorySource): SlackMessage {
  const text =
    `:inbox_tray: ${mention(userId)} is importing \`${userLine(source.path, 300)}\` from the export repository ` +
    `(branch \`${userLine(source.branch, 100)}\`): the model follows in this thread.`;
  return { text, blocks: [section(text)] };
}

/** `/threatmodel import <path>` refused before anything was posted: to whoever asked, only. */
export function repositoryImportProblemMessage(problem: string): SlackMessage {
  const text = truncate(`:warning: ${userLine(problem, 800)} Nothing was created.`, 3000);
  return { text, blocks: [section(text)] };
}

/** A file that did not import: the problem, and that nothing was made. */
export function importProblemMessage(problem: string): SlackMessage {
  const text = truncate(
    `:warning: ${userLine(problem, 600)} Nothing was created: share a fixed file in this thread to try again.`,
    3000,
  );
  return { text, blocks: [section(text)] };
}

/** Only whoever asked for the import may answer it with a file. */
export function importNotYoursMessage(userId: string, requesterId: string): SlackMessage {
  const text = `${mention(userId)}, only ${mention(requesterId)} who started this import can share its file here.`;
  return { text, blocks: [section(text)] };
}

/** What was made, and everything in the file that was not, line by line (none dropped unsaid). */
export function importedMessage(model: ThreatModel, imported: ImportedModel): SlackMessage {
  const { scope, threats, mitigations } = model;
  const counted: [number, string, string][] = [
    [threats.length, 'threat', 'threats'],
    [mitigations.length, 'mitigation', 'mitigations'],
    [scope.assumptions.length, 'assumption', 'assumptions'],
    [scope.assets.length, 'asset', 'assets'],
    [scope.actors.length, 'actor', 'actors'],
    [scope.components.length, 'component', 'components'],
    [scope.dataFlows.length, 'data flow', 'data flows'],
    [scope.trustBoundaries.length, 'trust boundary', 'trust boundaries'],
  ];
  const made = counted
    .filter(([n]) => n > 0)
    .map(([n, one, many]) => `${n} ${n === 1 ? one : many}`)
    .join(', ');
  const lead =
    `:white_check_mark: Imported *${model.id}* ${userLine(model.title, 120)} from ${IMPORT_FORMAT_NAMES[imported.format]}: ` +
    `${made || 'an empty model'}. Walk it through the steps from step 1.`;
  const lines = imported.unmapped.slice(0, IMPORT_LIMITS.unmappedShownMax).map((line) => `• ${userLine(line, 200)}`);
  const more = imported.unmapped.length - lines.length;
  if (more > 0) lines.push(`…and ${more} more`);
  const heading = imported.unmapped.length
    ? `*Not imported* (${imported.unmapped.length}):`
    : 'Everything in the file was imported.';
  // Sections of at most ~2,900 characters, so no line is cut off by Block Kit's limit.
  const chunks: string[] = [heading];
  for (const line of lines) {
    const last = chunks.length - 1;
    if ((chunks[last] ?? '').length + line.length + 1 > 2900) chunks.push(line);
    else chunks[last] = `${chunks[last]}\n${line}`;
  }
  return {
    text: truncate(`${lead}\n${chunks.join('\n')}`, 3000),
    blocks: [section(lead), ...chunks.map((chunk) => section(chunk))],
  };
}
