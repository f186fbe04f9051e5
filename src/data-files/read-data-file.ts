import { readFileSync } from 'node:fs';
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import type { DataFileProblem } from '../errors';

export type DataFileResult<T> = { ok: true; value: T } | { ok: false; problems: DataFileProblem[] };

/**
 * Read a YAML (or JSON) data file and parse it with a schema. Problems carry the file name, the
 * path inside the file and, where the YAML parser knows it, the line, so an author can go
 * straight to the mistake.
 */
export function readDataFile<S extends z.ZodType>(file: string, schema: S): DataFileResult<z.infer<S>> {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : String(error);
    return { ok: false, problems: [{ file, path: '', message: reason }] };
  }
  return parseDataFile(file, source, schema);
}

export function parseDataFile<S extends z.ZodType>(
  file: string,
  source: string,
  schema: S,
): DataFileResult<z.infer<S>> {
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, prettyErrors: true, uniqueKeys: true });
  if (document.errors.length > 0) {
    return {
      ok: false,
      problems: document.errors.map((error) => ({
        file,
        path: '',
        line: error.linePos?.[0]?.line,
        message: `not valid YAML: ${error.message.split('\n')[0]}`,
      })),
    };
  }
  const result = schema.safeParse(document.toJS());
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => {
      const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
      return { file, path: formatPath(path), line: lineOf(document, path, lineCounter), message: friendly(issue) };
    }),
  };
}

/** Zod's wording for a missing field ("expected string, received undefined") says it the long way round. */
function friendly(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.message.endsWith('received undefined')) {
    return `is required (${issue.expected})`;
  }
  return issue.message;
}

/** `steps[1].prompts.adversary[0].text` */
export function formatPath(path: readonly (string | number)[]): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${key}` : key),
    '',
  );
}

/** The line of the deepest node of `path` that exists in the document. */
function lineOf(
  document: ReturnType<typeof parseDocument>,
  path: readonly (string | number)[],
  lineCounter: LineCounter,
): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = document.getIn(path.slice(0, depth), true);
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    if (range && (depth > 0 || isMap(node) || isSeq(node))) return lineCounter.linePos(range[0]).line;
  }
  return undefined;
}
