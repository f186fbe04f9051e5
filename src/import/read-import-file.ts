import type { z } from 'zod';
import { IMPORT_FORMAT_NAMES, type ImportedModel } from '../domain/imported-model';
import { LIMITS } from '../domain/limits';
import { ThreatModelSchema } from '../domain/model';
import { newThreatModel } from '../domain/new-model';
import { fromThreatComposer } from './from-threat-composer';
import { fromThreatDragon } from './from-threat-dragon';
import { IMPORT_LIMITS, tooLargeProblem } from './import-limits';
import { looksLikeThreatComposer, TcFileSchema } from './threat-composer-file';
import { isThreatDragonV1, looksLikeThreatDragon, TdFileSchema } from './threat-dragon-file';

export type ReadOutcome = { ok: true; imported: ImportedModel } | { ok: false; problem: string };

/**
 * A shared file as a model, or what is wrong with it, in a sentence naming the problem: too
 * large, not JSON, neither format, not matching its format's schema, more than a model holds, or
 * content the model's own schema refuses. Pure: nothing is stored until this says yes, so a bad
 * file never leaves half a model behind.
 */
export function readImportFile(name: string, bytes: Uint8Array, now: Date): ReadOutcome {
  const fail = (problem: string): ReadOutcome => ({ ok: false, problem: `\`${name.slice(0, 80)}\` ${problem}` });
  if (bytes.byteLength > IMPORT_LIMITS.fileBytesMax)
    return { ok: false, problem: tooLargeProblem(name, bytes.byteLength) };
  if (!/\.json$/i.test(name))
    return fail('is not a `.json` file: share a Threat Composer `.tc.json` or a Threat Dragon `.json` file.');
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, ''));
  } catch {
    return fail('is not valid JSON: export it again from Threat Composer or Threat Dragon.');
  }
  let imported: ImportedModel;
  if (looksLikeThreatDragon(json)) {
    const file = TdFileSchema.safeParse(json);
    if (!file.success) return fail(`does not match Threat Dragon's file schema: ${firstIssue(file.error)}.`);
    if (isThreatDragonV1(file.data)) {
      return fail('is a Threat Dragon 1.x file: open it in Threat Dragon 2, save it, and share that file.');
    }
    imported = fromThreatDragon(file.data, now);
  } else if (looksLikeThreatComposer(json)) {
    // Early Threat Composer versions exported the threat list alone, as a bare array.
    const file = TcFileSchema.safeParse(Array.isArray(json) ? { threats: json } : json);
    if (!file.success) return fail(`does not match Threat Composer's file schema: ${firstIssue(file.error)}.`);
    imported = fromThreatComposer(file.data, now);
    if (Array.isArray(json))
      imported.unmapped.unshift('A legacy Threat Composer file (a bare list of threats): read as threats only');
  } else {
    return fail('is neither a Threat Composer nor a Threat Dragon v2 file.');
  }
  const over = overLimits(imported);
  if (over) return fail(`${over}: ${IMPORT_FORMAT_NAMES[imported.format]} models that large are not imported.`);
  const candidate = ThreatModelSchema.safeParse({
    ...newThreatModel(
      { id: 'TM-1', title: imported.title, workspaceId: 'T000', channelId: 'C000', ownerId: 'U000' },
      now,
    ),
    ...imported.content,
  });
  if (!candidate.success) return fail(`has content a model cannot hold: ${firstIssue(candidate.error)}.`);
  return { ok: true, imported };
}

function overLimits({ content }: ImportedModel): string | undefined {
  const counts: [string, number, number][] = [
    ['threats', content.threats.length, LIMITS.threatsMax],
    ['mitigations', content.mitigations.length, LIMITS.mitigationsMax],
    ...Object.entries(content.scope as Record<string, unknown>).flatMap(([list, items]): [string, number, number][] =>
      Array.isArray(items) ? [[list, items.length, LIMITS.elementsMax]] : [],
    ),
  ];
  const over = counts.find(([, count, max]) => count > max);
  return over ? `has ${over[1]} ${over[0]}; a model holds at most ${over[2]}` : undefined;
}

/** `threats.3.threatAction: must be at most 200 characters`, the first problem only. */
function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'unknown problem';
  const path = issue.path.map(String).join('.');
  return `${path || 'the file'}: ${issue.message}`.slice(0, 300);
}
