import { z } from 'zod';
import { MODEL_SCHEMA_VERSION, type ThreatModel, ThreatModelSchema } from '../domain/model';

/** The version of the export envelope; the model inside carries its own `schemaVersion`. */
export const NATIVE_FORMAT_VERSION = 1;
export const NATIVE_FORMAT = 'threadmodel';

const EnvelopeSchema = z.strictObject({
  format: z.literal(NATIVE_FORMAT),
  formatVersion: z.literal(NATIVE_FORMAT_VERSION),
  model: z.unknown(),
});

export type ImportResult = { ok: true; model: ThreatModel } | { ok: false; problems: string[] };

/**
 * Our own export: the model as stored, in a versioned envelope, pretty-printed with a trailing
 * newline so diffs in the repository read well. Deterministic: the same model gives the same text.
 */
export function toNativeJson(model: ThreatModel): string {
  return `${JSON.stringify({ format: NATIVE_FORMAT, formatVersion: NATIVE_FORMAT_VERSION, model }, null, 2)}\n`;
}

/**
 * Read an export back: the envelope and the whole model schema (with its cross-reference checks)
 * are validated; every problem is named with its path, nothing is cast.
 */
export function fromNativeJson(text: string): ImportResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [`not JSON: ${(error as Error).message}`] };
  }
  const envelope = EnvelopeSchema.safeParse(parsed);
  if (!envelope.success) return { ok: false, problems: issues(envelope.error) };
  const schemaVersion = (envelope.data.model as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (schemaVersion !== MODEL_SCHEMA_VERSION) {
    return {
      ok: false,
      problems: [
        `model.schemaVersion is ${JSON.stringify(schemaVersion)}; this Threadmodel reads ${MODEL_SCHEMA_VERSION}`,
      ],
    };
  }
  const model = ThreatModelSchema.safeParse(envelope.data.model);
  if (!model.success) return { ok: false, problems: issues(model.error, 'model') };
  return { ok: true, model: model.data };
}

function issues(error: z.ZodError, prefix?: string): string[] {
  return error.issues.slice(0, 20).map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    return `${path || '(root)'}: ${issue.message}`;
  });
}
