import { allocateElementId, type ElementKind, emptyCounters } from '../domain/element-ids';
import type { ImportedModel, ImportFormat } from '../domain/imported-model';
import { LIMITS } from '../domain/limits';
import type { Mitigation } from '../domain/mitigation';
import type { Scope } from '../domain/scope';
import type { Threat } from '../domain/threat';

/** Who is named as author of imported threats and mitigations until someone edits them. */
export const IMPORT_ACTOR = 'system';

/**
 * Collects a model's content while a file is mapped: hands out ids in file order (so an export
 * imported back numbers everything as before), cuts over-long text to the model's limits and
 * says so, and keeps the list of what has no place in the model.
 */
export class ModelBuilder {
  private counters = emptyCounters();
  readonly scope: Scope = {
    assets: [],
    actors: [],
    entryPoints: [],
    components: [],
    dataFlows: [],
    trustBoundaries: [],
    useCases: [],
    designLinks: [],
    assumptions: [],
  };
  readonly threats: Threat[] = [];
  readonly mitigations: Mitigation[] = [];
  readonly unmapped: string[] = [];
  private readonly counts = new Map<string, number>();

  constructor(
    private readonly format: ImportFormat,
    readonly now: Date,
  ) {}

  id(kind: ElementKind): string {
    const { id, counters } = allocateElementId(this.counters, kind);
    this.counters = counters;
    return id;
  }

  /** One thing not imported, said as is. */
  note(line: string): void {
    this.unmapped.push(line);
  }

  /** A kind of thing not imported, said once with how often it occurs (e.g. a metadata key). */
  count(what: string): void {
    this.counts.set(what, (this.counts.get(what) ?? 0) + 1);
  }

  /** Text cut to `max` characters (cleaned later by the schemas), saying where it was cut. */
  fit(value: string, max: number, where: string): string {
    const trimmed = value.trim();
    if (trimmed.length <= max) return trimmed;
    this.note(`${where}: shortened to ${max} characters`);
    return `${trimmed.slice(0, max - 1).trimEnd()}…`;
  }

  name(value: string | undefined, where: string, fallback: string): string {
    const text = value?.replace(/\s+/g, ' ').trim();
    return text ? this.fit(text, LIMITS.nameMax, where) : fallback;
  }

  assumption(description: string, threatIds: string[], mitigationIds: string[]): void {
    this.scope.assumptions.push({ id: this.id('assumption'), description, threatIds, mitigationIds });
  }

  result(title: string): ImportedModel {
    const counted = [...this.counts].map(([what, n]) => `${what} (${n}×)`);
    return {
      format: this.format,
      title,
      content: { scope: this.scope, threats: this.threats, mitigations: this.mitigations, counters: this.counters },
      unmapped: [...this.unmapped, ...counted],
    };
  }
}
