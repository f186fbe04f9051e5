import { z } from 'zod';

/**
 * Elements inside a model get short ids a person can type and say out loud in a thread
 * ("T-3 needs a mitigation"). The prefix tells the kind; the number is never reused within a
 * model, even after a deletion, so links in Slack history keep pointing at the same thing.
 */
export const ELEMENT_PREFIXES = {
  asset: 'AS',
  actor: 'AC',
  entryPoint: 'EP',
  component: 'C',
  dataFlow: 'DF',
  trustBoundary: 'TB',
  useCase: 'UC',
  designLink: 'DL',
  threat: 'T',
  mitigation: 'M',
  assumption: 'A',
} as const;

export type ElementKind = keyof typeof ELEMENT_PREFIXES;
export const ELEMENT_KINDS = Object.keys(ELEMENT_PREFIXES) as ElementKind[];

export function elementIdSchema(kind: ElementKind) {
  const prefix = ELEMENT_PREFIXES[kind];
  return z
    .string()
    .regex(new RegExp(`^${prefix}-[1-9]\\d{0,5}$`), `must be an id such as ${prefix}-1`)
    .describe(`Id of a ${kind}, such as ${prefix}-1`);
}

export const AssetIdSchema = elementIdSchema('asset');
export const ActorIdSchema = elementIdSchema('actor');
export const EntryPointIdSchema = elementIdSchema('entryPoint');
export const ComponentIdSchema = elementIdSchema('component');
export const DataFlowIdSchema = elementIdSchema('dataFlow');
export const TrustBoundaryIdSchema = elementIdSchema('trustBoundary');
export const UseCaseIdSchema = elementIdSchema('useCase');
export const DesignLinkIdSchema = elementIdSchema('designLink');
export const ThreatIdSchema = elementIdSchema('threat');
export const MitigationIdSchema = elementIdSchema('mitigation');
export const AssumptionIdSchema = elementIdSchema('assumption');

/** The last number handed out per kind; ids are allocated from it and never reused. */
export const ElementCountersSchema = z
  .strictObject(
    Object.fromEntries(ELEMENT_KINDS.map((kind) => [kind, z.number().int().min(0).default(0)])) as Record<
      ElementKind,
      z.ZodDefault<z.ZodNumber>
    >,
  )
  .describe('Last number allocated per element kind');
export type ElementCounters = z.infer<typeof ElementCountersSchema>;

export function emptyCounters(): ElementCounters {
  return Object.fromEntries(ELEMENT_KINDS.map((kind) => [kind, 0])) as ElementCounters;
}

/** Allocate the next id of a kind: returns the id and the counters to store with it. */
export function allocateElementId(
  counters: ElementCounters,
  kind: ElementKind,
): { id: string; counters: ElementCounters } {
  const next = counters[kind] + 1;
  return { id: `${ELEMENT_PREFIXES[kind]}-${next}`, counters: { ...counters, [kind]: next } };
}
