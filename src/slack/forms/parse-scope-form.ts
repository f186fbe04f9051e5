import type { z } from 'zod';
import { AssumptionSchema } from '../../domain/assumption';
import {
  ActorSchema,
  AssetSchema,
  ComponentSchema,
  DataFlowSchema,
  DesignLinkSchema,
  EntryPointSchema,
  TrustBoundarySchema,
  UseCaseSchema,
} from '../../domain/scope';
import type { ScopeElementInput, ScopeKind } from '../../domain/scope-edits';
import { checkEntryPointKind } from './entry-point-kinds';
import type { FormContext } from './field';
import { missingRequired, rawValues, type ViewState } from './form-values';
import { SCOPE_FIELDS } from './scope-fields';

/** The same schemas the store enforces, without the id the store allocates. */
export const ELEMENT_SCHEMAS = {
  asset: AssetSchema.omit({ id: true }),
  actor: ActorSchema.omit({ id: true }),
  entryPoint: EntryPointSchema.omit({ id: true }),
  component: ComponentSchema.omit({ id: true }),
  dataFlow: DataFlowSchema.omit({ id: true }),
  trustBoundary: TrustBoundarySchema.omit({ id: true }),
  useCase: UseCaseSchema.omit({ id: true }),
  designLink: DesignLinkSchema.omit({ id: true }),
  assumption: AssumptionSchema.omit({ id: true }),
} as const;

export type FormResult<K extends ScopeKind> =
  | { ok: true; input: ScopeElementInput<K> }
  | { ok: false; errors: Record<string, string> };

/**
 * Turn a scope modal's submission into element input, validated with the element's own schema.
 * Problems come back keyed by block id, ready for `response_action: errors`.
 */
export function parseScopeForm<K extends ScopeKind>(kind: K, state: ViewState, context: FormContext): FormResult<K> {
  const raw: Record<string, unknown> = rawValues(SCOPE_FIELDS[kind], state);
  const errors = missingRequired(SCOPE_FIELDS[kind], raw);
  if (kind === 'component' && typeof raw.type === 'string') {
    const type = context.catalog.componentTypes.get(raw.type);
    if (type) {
      raw.kind = type.dfdKind;
      if (type.responsibility) raw.responsibility = type.responsibility;
    } else errors.type = 'Choose a type from the list.';
  }
  if (kind === 'entryPoint') checkEntryPointKind(raw, context, errors);
  if (kind === 'dataFlow') {
    raw.crossesTrustBoundary = raw.crossesTrustBoundary === undefined ? undefined : raw.crossesTrustBoundary === 'yes';
    if (raw.from !== undefined && raw.from === raw.to) errors.to = 'A data flow connects two different elements.';
  }
  const result = ELEMENT_SCHEMAS[kind].safeParse(raw);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? SCOPE_FIELDS[kind][0]?.name);
      errors[field] ??= raw[field] === undefined ? 'Please fill this in.' : friendly(issue);
    }
  }
  if (Object.keys(errors).length > 0 || !result.success) return { ok: false, errors };
  return { ok: true, input: result.data as unknown as ScopeElementInput<K> };
}

function friendly(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_value') return 'Choose one of the options.';
  const message = issue.message;
  return message.charAt(0).toUpperCase() + message.slice(1).replace(/\.?$/, '.');
}
